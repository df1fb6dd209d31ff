import { relative, resolve } from 'node:path';
import { analyzeConfig, type LensSettings } from '../analysis/analyzeConfig';
import { configFileReader } from '../config/configFileReader';
import { ProjectConfigFinder } from '../config/findProjectConfig';
import { mergeSettings } from '../config/projectConfig';
import { curveOfAnalysis, stepValuesOfAnalysis } from '../analysis/curve';
import { curveSvg } from '../analysis/curveSvg';
import { escapeControlCharacters, parseCommandLine, terminalSafeJson, UsageError } from './args';
import { formatText, mergeReports, placedReportsOf, reportOf, type FileReport } from './checkReport';
import { collectFiles } from './files';
import { formatSarif } from './sarifReport';
import { diffOfFix, fixOfFile, FixNotWritten, writeFix } from './fixFiles';
import { VERSION } from '../version';

const USAGE = `Usage:
  lr-lens check PATHS... [--format text|json|sarif] [--max-warnings N] [--steps-per-epoch N] [--fix | --fix-dry-run]
  lr-lens curve FILE [--format json|csv|svg] [--points N] [--every-step] [--steps-per-epoch N]

check   Lints training configs (YAML/JSON; directories are walked). Exit 0 when clean,
        1 on errors or more than --max-warnings warnings, 2 on bad usage or unreadable files.
        --fix applies each finding's preferred quick fix (non-overlapping; files that do not
        parse, are not UTF-8, are read-only or changed meanwhile are left alone) and reports
        what remains; --fix-dry-run prints the unified diff of those fixes instead of the report.
curve   Prints the learning-rate curve the run will follow: sampled (--points, default 200,
        at most 100000, peaks kept) or the LR at every scheduler step t = 0..T-1 (--every-step,
        runs of at most 10000000 steps).`;

/** --every-step prints at most this many values (streamed); longer runs are sampled with --points. */
export const MAX_EVERY_STEP = 10_000_000;
/** --points asks for at most this many samples. */
export const MAX_POINTS = 100_000;
/** Values of --every-step written per chunk, so the output is never held whole in memory. */
const STEP_CHUNK = 10_000;

const EXIT_CLEAN = 0;
const EXIT_PROBLEMS = 1;
const EXIT_USAGE = 2;

function write(text: string): void {
  if (text) process.stdout.write(text.endsWith('\n') ? text : `${text}\n`);
}

/** A message on stderr, `lr-lens: ` first; paths and values in it are shown with control characters escaped. */
function note(text: string): void {
  process.stderr.write(`lr-lens: ${escapeControlCharacters(text)}\n`);
}

/** Command-line settings; composed config files (Hydra `defaults:`) are read from disk. */
function settingsFrom(flags: Map<string, string | true>): LensSettings {
  const spe = flags.get('steps-per-epoch');
  return { readFile: configFileReader([]), ...(typeof spe === 'string' ? { stepsPerEpoch: Number(spe) } : {}) };
}

function check(argv: string[]): number {
  const { positionals, flags } = parseCommandLine(argv, {
    format: { value: true, choices: ['text', 'json', 'sarif'] },
    'max-warnings': { value: true, integer: { min: 0 } },
    'steps-per-epoch': { value: true, integer: { min: 1 } },
    fix: {},
    'fix-dry-run': {},
  });
  if (positionals.length === 0) throw new UsageError('check needs at least one file or directory');
  const fixing = flags.has('fix');
  const dryRun = flags.has('fix-dry-run');
  if (fixing && dryRun) throw new UsageError('--fix and --fix-dry-run cannot be combined');
  let diffs = '';
  let fixedFindings = 0;
  let fixedFiles = 0;
  const files = collectFiles(positionals);
  const settings = settingsFrom(flags);
  const projectConfigs = new ProjectConfigFinder();
  const usedConfigs = new Map<string, FileReport>();
  const reports: FileReport[] = [];
  let unreadable = 0;
  for (const file of files) {
    if (file.skipped !== undefined) {
      note(`skipped ${file.path}: ${file.skipped}`);
      continue;
    }
    if (file.text === undefined || file.bytes === undefined) {
      unreadable++;
      note(`cannot read ${file.path}: ${file.error ?? 'unknown error'}`);
      continue;
    }
    const project = projectConfigs.forFile(resolve(file.path));
    if (project && !usedConfigs.has(project.path)) {
      const shownPath = relative(process.cwd(), project.path) || project.path;
      const configReport = reportOf(shownPath, analyzeConfig(project.text ?? '', project.path));
      usedConfigs.set(project.path, configReport);
      if (project.unreadable !== undefined) {
        unreadable++;
        note(`cannot read ${shownPath}: ${project.unreadable}`);
      } else if (configReport.messages.length) reports.push(configReport);
    }
    const fileSettings = project ? mergeSettings(project.config.settings, settings) : settings;
    let analysis = analyzeConfig(file.text, file.path, fileSettings);
    if (fixing || dryRun) {
      const fix = fixOfFile(file.text, analysis, file.bytes);
      if (fix.refused && analysis.findings.some((f) => f.fixes.length > 0)) note(`not fixing ${file.path}: ${fix.refused}`);
      if (fix.fixed !== undefined && dryRun) {
        fixedFindings += fix.titles.length;
        fixedFiles++;
        diffs += diffOfFix(file.path, file.text, fix);
      } else if (fix.fixed !== undefined) {
        try {
          writeFix(file.path, file.bytes, fix.fixed);
          fixedFindings += fix.titles.length;
          fixedFiles++;
          note(`fixed ${file.path}: ${fix.titles.join('; ')}`);
          analysis = analyzeConfig(fix.fixed, file.path, fileSettings);
        } catch (error) {
          if (error instanceof FixNotWritten && error.changed) note(`not fixing ${file.path}: ${error.message}`);
          else {
            unreadable++;
            note(`cannot write ${file.path}: ${error instanceof Error ? error.message : String(error)}`);
          }
        }
      }
    }
    reports.push(reportOf(file.path, analysis), ...placedReportsOf(file.path, analysis));
  }
  mergeReports(reports);
  if (dryRun) {
    write(diffs);
    process.stderr.write(`${fixedFindings} fix(es) would be applied to ${fixedFiles} file(s)\n`);
  } else if (fixing) process.stderr.write(`${fixedFindings} fix(es) applied to ${fixedFiles} file(s)\n`);
  if (dryRun) {
    // the diff is the output
  } else if (flags.get('format') === 'json') write(terminalSafeJson(JSON.stringify(reports)));
  else if (flags.get('format') === 'sarif') write(terminalSafeJson(formatSarif(reports, VERSION)));
  else {
    write(formatText(reports));
    const errors = reports.reduce((n, r) => n + r.errorCount, 0);
    const warnings = reports.reduce((n, r) => n + r.warningCount, 0);
    const infos = reports.reduce((n, r) => n + r.infoCount, 0);
    const configs = reports.filter((r) => r.dialect).length;
    process.stderr.write(
      `${reports.length} file(s) checked, ${configs} training config(s): ${errors} error(s), ${warnings} warning(s), ${infos} info\n`,
    );
  }
  if (unreadable > 0) return EXIT_USAGE;
  const errors = reports.reduce((n, r) => n + r.errorCount, 0);
  const warnings = reports.reduce((n, r) => n + r.warningCount, 0);
  const maxWarnings = flags.get('max-warnings');
  if (errors > 0 || (typeof maxWarnings === 'string' && warnings > Number(maxWarnings))) return EXIT_PROBLEMS;
  return EXIT_CLEAN;
}

/** Set when the reader of stdout went away (`lr-lens curve … | head`): nothing more is written, and no error. */
let stdoutClosed = false;
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code !== 'EPIPE') throw error;
  stdoutClosed = true;
});

/** Writes, then waits until stdout has taken it when its buffer is full (a slow reader), so memory stays bounded. */
async function writeOut(text: string): Promise<void> {
  if (stdoutClosed || process.stdout.write(text)) return;
  await new Promise<void>((resolve) => {
    const done = () => {
      process.stdout.off('drain', done);
      process.stdout.off('close', done);
      resolve();
    };
    process.stdout.on('drain', done);
    process.stdout.on('close', done);
  });
}

/** The every-step values, written a chunk at a time: the output is never held whole in memory. */
async function writeSteps(values: Float64Array, row: (lr: number, step: number) => string, separator: string): Promise<void> {
  for (let start = 0; start < values.length && !stdoutClosed; start += STEP_CHUNK) {
    const rows: string[] = [];
    const end = Math.min(values.length, start + STEP_CHUNK);
    for (let step = start; step < end; step++) rows.push(row(values[step] ?? NaN, step));
    await writeOut((start > 0 ? separator : '') + rows.join(separator));
  }
}

async function curve(argv: string[]): Promise<number> {
  const { positionals, flags } = parseCommandLine(argv, {
    format: { value: true, choices: ['json', 'csv', 'svg'] },
    points: { value: true, integer: { min: 2, max: MAX_POINTS } },
    'every-step': {},
    'steps-per-epoch': { value: true, integer: { min: 1 } },
  });
  if (positionals.length !== 1) throw new UsageError('curve needs exactly one FILE');
  const [file] = collectFiles(positionals);
  if (!file || file.text === undefined) {
    note(`cannot read ${positionals[0] ?? ''}: ${file?.error ?? file?.skipped ?? 'not a file'}`);
    return EXIT_USAGE;
  }
  const project = new ProjectConfigFinder().forFile(resolve(file.path));
  if (project?.unreadable !== undefined) {
    note(`cannot read ${project.path}: ${project.unreadable}`);
    return EXIT_USAGE;
  }
  const settings = project ? mergeSettings(project.config.settings, settingsFrom(flags)) : settingsFrom(flags);
  const analysis = analyzeConfig(file.text, file.path, settings);
  const everyStep = flags.has('every-step');
  const points = Number(flags.get('points') ?? 200);
  const result = curveOfAnalysis(analysis, { points });
  if (!result) {
    const dialect = analysis.documents[0]?.dialect.name;
    note(
      dialect
        ? `${file.path}: ${dialect} config, but its learning-rate schedule cannot be drawn (see \`lr-lens check\`)`
        : `${file.path}: not a recognized training config (add \`# lr-lens: dialect=<id>\` if it is one)`,
    );
    return EXIT_PROBLEMS;
  }
  if (everyStep && result.totalSteps > MAX_EVERY_STEP) {
    note(`${file.path}: ${result.totalSteps} steps is too many to print one by one (limit ${MAX_EVERY_STEP}); use --points N`);
    return EXIT_USAGE;
  }
  if (result.validationDriven) note(`${result.schedule} depends on validation metrics; the curve shows the LR until the first reduction`);
  for (const assumption of result.assumptions) note(`assumed ${assumption}`);
  const { plan: _plan, points: sampled, ...metadata } = result;
  const values = everyStep ? stepValuesOfAnalysis(analysis, result.documentIndex) : null;
  switch (flags.get('format') ?? 'json') {
    case 'csv':
      if (values) {
        await writeOut('step,lr\n');
        await writeSteps(values, (lr, step) => `${step},${lr}`, '\n');
        await writeOut('\n');
      } else write(['step,lr', ...sampled.map((p) => `${p.step},${p.lr}`)].join('\n'));
      break;
    case 'svg':
      write(curveSvg({ ...metadata, points: sampled }));
      break;
    default:
      if (values && values.length > 0) {
        // The same text as JSON.stringify(…, null, 2) of the whole object, with `values` (last) streamed.
        const head = terminalSafeJson(JSON.stringify({ file: file.path, ...metadata, values: [] }, null, 2));
        await writeOut(`${head.slice(0, -'[]\n}'.length)}[\n`);
        await writeSteps(values, (lr) => `    ${JSON.stringify(lr)}`, ',\n');
        await writeOut('\n  ]\n}\n');
      } else {
        const whole = values ? { file: file.path, ...metadata, values: [] } : { file: file.path, ...metadata, points: sampled };
        write(terminalSafeJson(JSON.stringify(whole, null, 2)));
      }
  }
  return EXIT_CLEAN;
}

export async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  try {
    switch (command) {
      case 'check':
        return check(rest);
      case 'curve':
        return await curve(rest);
      case '--help':
      case '-h':
      case 'help':
        write(USAGE);
        return EXIT_CLEAN;
      case '--version':
        write(VERSION);
        return EXIT_CLEAN;
      default:
        throw new UsageError(command ? `unknown command '${command}'` : 'no command given');
    }
  } catch (error) {
    if (error instanceof UsageError) {
      process.stderr.write(`lr-lens: ${error.message}\n\n${USAGE}\n`);
      return EXIT_USAGE;
    }
    throw error;
  }
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    // An internal error: reported as Node reports an uncaught exception.
    process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exitCode = 1;
  },
);
