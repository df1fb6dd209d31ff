// Issue 9, item 2: large files. Edit→diagnostics round trip over stdio with the built server, against the `yaml`
// package's bare parseDocument of the same text and yaml-language-server validating the same file against an
// equivalent JSON schema, all measured in the same run (interleaved, so load on the machine hits all three alike).
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseDocument } from 'yaml';
import { REPO, SERVER_BIN } from '../helpers/lspClient';
import { must } from '../helpers/must';
import { figure, median } from './figures';
import { largeConfig, SCHEDULER_LINE, SCHEDULER_PREFIX, SCHEDULER_VALUES, TRAINING_ARGS_SCHEMA } from './largeConfig';
import { StdioLanguageServer } from './stdioLanguageServer';

const YAML_LANGUAGE_SERVER = join(REPO, 'node_modules', 'yaml-language-server', 'bin', 'yaml-language-server');
/** yaml-language-server's fixed wait before validating (validationDelayMs default). LR Lens analyses an edit after a pause at once. */
const YAML_LS_DELAY_MS = 200;

const scratch = mkdtempSync(join(tmpdir(), 'lr-lens-large-'));
const schemaPath = join(scratch, 'training-args.schema.json');
writeFileSync(schemaPath, JSON.stringify(TRAINING_ARGS_SCHEMA));
const schemaUri = `file://${schemaPath}`;

const yamlSettings = {
  validate: true,
  schemas: { [schemaUri]: ['*.yaml'] },
  schemaStore: { enable: false },
  format: { enable: false },
  hover: false,
  completion: false,
};

/** Whether a publication shows the invalid scheduler value (each server words it its own way). */
const flagsScheduler = (diagnostics: { range: { start: { line: number } } }[]) =>
  diagnostics.some((d) => d.range.start.line === SCHEDULER_LINE);

interface Contender {
  name: string;
  server: StdioLanguageServer;
  versionMatters: boolean;
}

/** Wall time of one edit's round trip, and the CPU time the server spent on it (less sensitive to a loaded machine). */
async function roundTrip(contender: Contender, uri: string, version: number, value: string): Promise<{ wall: number; cpu: number }> {
  const { server } = contender;
  const from = server.publications.length;
  const cpuBefore = server.cpuMs();
  const start = performance.now();
  await server.connection.sendNotification('textDocument/didChange', {
    textDocument: { uri, version },
    contentChanges: [
      {
        range: {
          start: { line: SCHEDULER_LINE, character: SCHEDULER_PREFIX.length },
          end: { line: SCHEDULER_LINE, character: SCHEDULER_PREFIX.length + 7 },
        },
        text: value.padEnd(7),
      },
    ],
  });
  const invalid = value === SCHEDULER_VALUES[1];
  const published = await server.publication(
    uri,
    from,
    (p) => (!contender.versionMatters || p.version === version) && flagsScheduler(p.diagnostics) === invalid,
  );
  const wall = published.at - start;
  await new Promise((resolve) => setTimeout(resolve, 20)); // let the server finish sending before reading its CPU time
  return { wall, cpu: server.cpuMs() - cpuBefore };
}

async function measure(label: string, text: string, repeats: number): Promise<void> {
  const lines = text.split('\n').length;
  console.log(`-- ${label}: ${lines} lines, ${(text.length / 1024).toFixed(0)} KB`);
  const ours: Contender = {
    name: 'LR Lens',
    server: await StdioLanguageServer.start([SERVER_BIN, '--stdio'], () => ({}), REPO),
    versionMatters: true,
  };
  const theirs: Contender = {
    name: 'yaml-language-server',
    server: await StdioLanguageServer.start(
      [YAML_LANGUAGE_SERVER, '--stdio'],
      (section) => (section === 'yaml' ? yamlSettings : section === 'http' ? { proxyStrictSSL: true } : {}),
      scratch,
    ),
    versionMatters: false,
  };
  await theirs.server.connection.sendNotification('workspace/didChangeConfiguration', { settings: { yaml: yamlSettings } });
  const contenders = [ours, theirs];
  const uri = `file://${join(scratch, `large-${lines}.yaml`)}`;
  // Open with the invalid value (both must flag it: proves the schema is in force), then toggle it.
  const opened = text.replace(`${SCHEDULER_PREFIX}${SCHEDULER_VALUES[0]}`, `${SCHEDULER_PREFIX}${SCHEDULER_VALUES[1]}`);
  for (const contender of contenders) {
    await contender.server.connection.sendNotification('textDocument/didOpen', {
      textDocument: { uri, languageId: 'yaml', version: 1, text: opened },
    });
    await contender.server.publication(uri, 0, (p) => flagsScheduler(p.diagnostics));
    await contender.server.quiet();
  }
  const times = new Map<string, number[]>([
    ['parse', []],
    [ours.name, []],
    [theirs.name, []],
  ]);
  const cpu = new Map<string, number[]>([
    ['parse', []],
    [ours.name, []],
    [theirs.name, []],
  ]);
  let version = 1;
  for (let i = 0; i < repeats; i++) {
    const cpuStart = process.cpuUsage();
    const start = performance.now();
    parseDocument(text);
    must(times.get('parse'), 'times of parse').push(performance.now() - start);
    const used = process.cpuUsage(cpuStart);
    must(cpu.get('parse'), 'CPU times of parse').push((used.user + used.system) / 1000);
    version++;
    const value = i % 2 === 0 ? SCHEDULER_VALUES[1] : SCHEDULER_VALUES[0];
    for (const contender of contenders) {
      const { wall, cpu: used } = await roundTrip(contender, uri, version, value);
      must(times.get(contender.name), `times of ${contender.name}`).push(wall);
      must(cpu.get(contender.name), `CPU times of ${contender.name}`).push(used);
    }
  }
  for (const contender of contenders) await contender.server.stop();

  const parse = median(must(times.get('parse'), 'times of parse'));
  const lrLens = median(must(times.get(ours.name), `times of ${ours.name}`));
  const yamlLs = median(must(times.get(theirs.name), `times of ${theirs.name}`));
  figure(`${label}: yaml parseDocument (default options), median of ${repeats}`, parse, 'ms');
  figure(
    `${label}: LR Lens edit→diagnostics round trip, median of ${repeats}`,
    lrLens,
    'ms',
    { op: '<=', value: 1.2 * parse },
    'target 1.2 x parseDocument; one edit after a pause, so no debounce',
  );
  figure(
    `${label}: yaml-language-server edit→diagnostics round trip, median of ${repeats}`,
    yamlLs,
    'ms',
    null,
    `includes its ${YAML_LS_DELAY_MS} ms validation delay`,
  );
  figure(`${label}: yaml-language-server / LR Lens round trip`, yamlLs / lrLens, 'x', { op: '>=', value: 3 });
  const lrLensCpu = median(must(cpu.get(ours.name), `CPU times of ${ours.name}`));
  const yamlLsCpu = median(must(cpu.get(theirs.name), `CPU times of ${theirs.name}`));
  const parseCpu = median(must(cpu.get('parse'), 'CPU times of parse'));
  figure(`${label}: yaml parseDocument CPU time, median`, parseCpu, 'ms');
  figure(
    `${label}: LR Lens server CPU time per edit, median`,
    lrLensCpu,
    'ms',
    { op: '<=', value: 1.2 * parseCpu },
    'target 1.2 x parseDocument CPU time',
  );
  figure(`${label}: yaml-language-server CPU time per edit, median`, yamlLsCpu, 'ms');
  figure(`${label}: yaml-language-server / LR Lens CPU time per edit`, yamlLsCpu / lrLensCpu, 'x', { op: '>=', value: 3 });
}

/** Where the edits of the position bench go: a comment line inserted before `line` (Infinity: after the last line). */
interface Position {
  name: string;
  line: (text: string) => number;
  inserted: string;
}

const lineOf = (text: string, offset: number) => text.slice(0, offset).split('\n').length - 1;
const POSITIONS: Position[] = [
  { name: 'start', line: () => SCHEDULER_LINE + 1, inserted: '# edit\n' },
  { name: 'middle', line: (text) => lineOf(text, text.indexOf('  - path:', text.length / 2)), inserted: '  # edit\n' },
  {
    name: 'inside the largest block',
    line: (text) => lineOf(text, text.indexOf('      max_length:', text.length / 2)),
    inserted: '      # edit\n',
  },
  { name: 'end (after the last entry)', line: (text) => text.split('\n').length - 1, inserted: '# edit\n' },
];

/**
 * Edits at every position, as ranged changes and as full-text changes (`contentChanges: [{text}]`): each edit
 * inserts a comment line at the position and toggles the scheduler value (so that both servers publish something
 * that shows it was analyzed). Reports, per change kind, the position where LR Lens does worst against
 * yaml-language-server (the lowest ratio), measured in the same run.
 */
async function measurePositions(label: string, text: string, repeats: number): Promise<void> {
  for (const kind of ['ranged', 'full-text'] as const) {
    const rows: { position: string; ours: number; theirs: number; oursCpu: number; theirsCpu: number }[] = [];
    for (const position of POSITIONS) {
      const ours: Contender = {
        name: 'LR Lens',
        server: await StdioLanguageServer.start([SERVER_BIN, '--stdio'], () => ({}), REPO),
        versionMatters: true,
      };
      const theirs: Contender = {
        name: 'yaml-language-server',
        server: await StdioLanguageServer.start(
          [YAML_LANGUAGE_SERVER, '--stdio'],
          (section) => (section === 'yaml' ? yamlSettings : section === 'http' ? { proxyStrictSSL: true } : {}),
          scratch,
        ),
        versionMatters: false,
      };
      await theirs.server.connection.sendNotification('workspace/didChangeConfiguration', { settings: { yaml: yamlSettings } });
      const uri = `file://${join(scratch, `positions-${text.length}.yaml`)}`;
      let current = text.replace(`${SCHEDULER_PREFIX}${SCHEDULER_VALUES[0]}`, `${SCHEDULER_PREFIX}${SCHEDULER_VALUES[1]}`);
      for (const contender of [ours, theirs]) {
        await contender.server.connection.sendNotification('textDocument/didOpen', {
          textDocument: { uri, languageId: 'yaml', version: 1, text: current },
        });
        await contender.server.publication(uri, 0, (p) => flagsScheduler(p.diagnostics));
        await contender.server.quiet();
        await contender.server.quiet();
      }
      const times = { ours: [] as number[], theirs: [] as number[], oursCpu: [] as number[], theirsCpu: [] as number[] };
      for (let i = 0; i < repeats; i++) {
        const value = i % 2 === 0 ? SCHEDULER_VALUES[0] : SCHEDULER_VALUES[1];
        const previousValue = i % 2 === 0 ? SCHEDULER_VALUES[1] : SCHEDULER_VALUES[0];
        const line = position.line(current);
        const lines = current.split('\n');
        const toggle = {
          range: {
            start: { line: SCHEDULER_LINE, character: SCHEDULER_PREFIX.length },
            end: { line: SCHEDULER_LINE, character: SCHEDULER_PREFIX.length + previousValue.length },
          },
          text: value,
        };
        const insert = { range: { start: { line, character: 0 }, end: { line, character: 0 } }, text: position.inserted };
        lines[SCHEDULER_LINE] = `${SCHEDULER_PREFIX}${value}`;
        lines.splice(line, 0, position.inserted.slice(0, -1));
        current = lines.join('\n');
        const changes = kind === 'ranged' ? [insert, toggle] : [{ text: current }];
        for (const [contender, wall, cpu] of [
          [ours, times.ours, times.oursCpu],
          [theirs, times.theirs, times.theirsCpu],
        ] as const) {
          const { server } = contender;
          const from = server.publications.length;
          const cpuBefore = server.cpuMs();
          const start = performance.now();
          await server.connection.sendNotification('textDocument/didChange', {
            textDocument: { uri, version: i + 2 },
            contentChanges: changes,
          });
          const invalid = value === SCHEDULER_VALUES[1];
          const published = await server.publication(
            uri,
            from,
            (p) => (!contender.versionMatters || p.version === i + 2) && flagsScheduler(p.diagnostics) === invalid,
          );
          wall.push(published.at - start);
          await new Promise((resolve) => setTimeout(resolve, 20));
          cpu.push(server.cpuMs() - cpuBefore);
        }
      }
      await ours.server.stop();
      await theirs.server.stop();
      // CPU time is read in clock ticks (10 ms): the mean over the edits is finer than any one edit's reading.
      const mean = (values: number[]) => values.reduce((sum, value) => sum + value, 0) / values.length;
      rows.push({
        position: position.name,
        ours: median(times.ours),
        theirs: median(times.theirs),
        oursCpu: mean(times.oursCpu),
        theirsCpu: mean(times.theirsCpu),
      });
    }
    for (const row of rows) {
      console.log(
        `   ${kind}, ${row.position}: LR Lens ${row.ours.toFixed(1)} ms (CPU ${row.oursCpu.toFixed(1)}), yaml-language-server ${row.theirs.toFixed(0)} ms (CPU ${row.theirsCpu.toFixed(0)}), ${(row.theirs / row.ours).toFixed(1)} x`,
      );
    }
    const worst = rows.reduce((a, b) => (b.theirs / b.ours < a.theirs / a.ours ? b : a));
    const worstCpu = rows.reduce((a, b) => (b.theirsCpu / b.oursCpu < a.theirsCpu / a.oursCpu ? b : a));
    figure(
      `${label}: ${kind} change at the worst position: LR Lens edit→diagnostics round trip`,
      worst.ours,
      'ms',
      null,
      `${worst.position}; yaml-language-server ${worst.theirs.toFixed(0)} ms`,
    );
    figure(
      `${label}: ${kind} change at the worst position: yaml-language-server / LR Lens round trip`,
      worst.theirs / worst.ours,
      'x',
      { op: '>=', value: 5 },
      `${worst.position}; median of ${repeats} per position`,
    );
    figure(
      `${label}: ${kind} change at the worst position: yaml-language-server / LR Lens server CPU time`,
      worstCpu.theirsCpu / worstCpu.oursCpu,
      'x',
      { op: '>=', value: 5 },
      `${worstCpu.position}; LR Lens ${worstCpu.oursCpu.toFixed(1)} ms, yaml-language-server ${worstCpu.theirsCpu.toFixed(0)} ms`,
    );
  }
}

async function main(): Promise<void> {
  await measure('10,000-line config', largeConfig(250 * 1024), 9);
  await measure('2 MB config', largeConfig(2 * 1024 * 1024), 5);
  await measurePositions('10,000-line config', largeConfig(250 * 1024), 7);
  await measurePositions('2 MB config', largeConfig(2 * 1024 * 1024), 5);
}

main()
  .catch((error) => {
    console.error(error);
    process.exitCode = 1;
  })
  .finally(() => rmSync(scratch, { recursive: true, force: true }));
