import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync, mkdirSync, chmodSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { before, describe, test } from 'node:test';
import { ensureBuilt } from '../helpers/build';
import type { FileReport } from '../../server/src/cli/checkReport';

const REPO = join(__dirname, '..', '..');
const CLI = join(REPO, 'bin', 'lr-lens.js');

function run(...args: string[]) {
  const result = spawnSync(process.execPath, [CLI, ...args], { cwd: REPO, encoding: 'utf8' });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

let dir: string;
before(() => {
  ensureBuilt();
  dir = mkdtempSync(join(tmpdir(), 'lr-lens-cli-'));
  writeFileSync(join(dir, 'clean.yaml'), 'output_dir: out\nlearning_rate: 3.0e-4\nlr_scheduler_type: cosine\nmax_steps: 100\n');
  writeFileSync(join(dir, 'constant.yaml'), 'output_dir: out\nlearning_rate: 3.0e-4\nlr_scheduler_type: constant\nmax_steps: 100\n');
  writeFileSync(join(dir, 'broken.yaml'), 'output_dir: out\nlearning_rate: -1\nlr_scheduler_type: cosine\nmax_steps: 100\n');
  mkdirSync(join(dir, 'nested', 'node_modules'), { recursive: true });
  writeFileSync(join(dir, 'nested', 'warm.yml'), 'output_dir: out\nlearning_rate: 1.0e-4\nwarmup_steps: 50\nmax_steps: 100\n');
  writeFileSync(join(dir, 'nested', 'node_modules', 'ignored.yaml'), 'output_dir: out\nlearning_rate: -1\n');
  writeFileSync(join(dir, 'nested', 'notes.txt'), 'learning_rate: -1\n');
});

describe('lr-lens check', () => {
  test('a clean config exits 0 and prints nothing on stdout', () => {
    const r = run('check', join(dir, 'clean.yaml'));
    assert.equal(r.status, 0);
    assert.equal(r.stdout, '');
  });

  test('text output is file:line:col severity message rule', () => {
    const r = run('check', join(dir, 'constant.yaml'));
    assert.equal(r.status, 0, 'warnings alone do not fail');
    assert.match(r.stdout, new RegExp(`^${join(dir, 'constant.yaml').replace(/[/.]/g, '\\$&')}:3:20 warning .*constant.* constant-lr\\n$`));
  });

  test('--max-warnings turns too many warnings into exit 1', () => {
    assert.equal(run('check', join(dir, 'constant.yaml'), '--max-warnings', '0').status, 1);
    assert.equal(run('check', join(dir, 'constant.yaml'), '--max-warnings', '1').status, 0);
  });

  test('errors exit 1', () => {
    const r = run('check', join(dir, 'broken.yaml'));
    assert.equal(r.status, 1);
    assert.match(r.stdout, /broken\.yaml:2:16 error `learning_rate` must be greater than 0.* invalid-value/);
  });

  test('directories are walked; dependency folders and other extensions skipped', () => {
    const r = run('check', dir, '--format', 'json');
    assert.equal(r.status, 1);
    const reports = JSON.parse(r.stdout) as { filePath: string }[];
    assert.deepEqual(
      reports.map((x) => x.filePath.slice(dir.length + 1)),
      ['broken.yaml', 'clean.yaml', 'constant.yaml', join('nested', 'warm.yml')],
    );
  });

  test("--format json has ESLint's shape plus the dialect", () => {
    const r = run('check', join(dir, 'constant.yaml'), join(dir, 'nested', 'warm.yml'), '--format', 'json');
    const [constant, warm] = JSON.parse(r.stdout);
    assert.equal(constant.dialect, 'huggingface');
    assert.equal(constant.warningCount, 1);
    assert.equal(constant.errorCount, 0);
    const [m] = constant.messages;
    assert.equal(m.ruleId, 'constant-lr');
    assert.equal(m.severity, 1);
    assert.deepEqual([m.line, m.column, m.endLine, m.endColumn], [3, 20, 3, 28]);
    assert.deepEqual(
      m.suggestions.map((s: { desc: string }) => s.desc),
      ['Use cosine decay', 'Use linear decay'],
    );
    assert.equal(warm.messages[0].ruleId, 'warmup-too-long');
  });

  test('a file that is not a training config gets no findings and a null dialect', () => {
    writeFileSync(join(dir, 'workflow.yaml'), 'name: ci\non: [push]\njobs:\n  t:\n    runs-on: x\n');
    const r = run('check', join(dir, 'workflow.yaml'), '--format', 'json');
    assert.equal(r.status, 0);
    assert.deepEqual(JSON.parse(r.stdout), [
      {
        filePath: join(dir, 'workflow.yaml'),
        dialect: null,
        messages: [],
        errorCount: 0,
        warningCount: 0,
        infoCount: 0,
        fatalErrorCount: 0,
        fixableErrorCount: 0,
        fixableWarningCount: 0,
      },
    ]);
  });

  test('bad usage and unreadable files exit 2 with a message', () => {
    assert.equal(run('check').status, 2);
    assert.equal(run('check', dir, '--format', 'xml').status, 2);
    assert.equal(run('check', dir, '--max-warnings', 'many').status, 2);
    assert.equal(run('frobnicate').status, 2);
    const missing = run('check', join(dir, 'missing.yaml'));
    assert.equal(missing.status, 2);
    assert.match(missing.stderr, /cannot read .*missing\.yaml: no such file/);
    if (process.getuid?.() !== 0) {
      const locked = join(dir, 'locked.yaml');
      writeFileSync(locked, 'learning_rate: 1\n');
      chmodSync(locked, 0o000);
      assert.equal(run('check', locked).status, 2);
    }
  });
});

describe('lr-lens curve', () => {
  test('--every-step prints the LR at every step t = 0..T-1 as JSON values', () => {
    const r = run('curve', join(dir, 'clean.yaml'), '--every-step');
    assert.equal(r.status, 0);
    const json = JSON.parse(r.stdout);
    assert.equal(json.dialect, 'huggingface');
    assert.equal(json.unit, 'step');
    assert.equal(json.totalSteps, 100);
    assert.equal(json.values.length, 100);
    assert.equal(json.values[0], 3e-4);
    assert.equal(json.values[50], 3e-4 * 0.5 * (1 + Math.cos(Math.PI * 0.5)));
  });

  test('--format csv is step,lr with full float64 precision', () => {
    const r = run('curve', join(dir, 'nested', 'warm.yml'), '--format', 'csv', '--every-step');
    const rows = r.stdout.trim().split('\n');
    assert.equal(rows[0], 'step,lr');
    assert.equal(rows.length, 101);
    assert.equal(rows[1], '0,0');
    assert.equal(rows[26], `25,${1e-4 * (25 / 50)}`);
    assert.equal(rows[100], `99,${1e-4 * (1 / 50)}`);
  });

  test('--points bounds the sample and --format svg is a standalone chart', () => {
    const sampled = JSON.parse(run('curve', join(dir, 'clean.yaml'), '--points', '10').stdout);
    assert.ok(sampled.points.length <= 12 && sampled.points.length >= 2);
    const svg = run('curve', join(dir, 'clean.yaml'), '--format', 'svg').stdout;
    assert.match(svg, /^<svg xmlns="http:\/\/www.w3.org\/2000\/svg"/);
    assert.match(svg, /<path d="M/);
  });

  test('a file without a schedule exits 1 with a reason; bad usage exits 2', () => {
    const r = run('curve', join(dir, 'workflow.yaml'));
    assert.equal(r.status, 1);
    assert.match(r.stderr, /not a recognized training config/);
    assert.equal(run('curve').status, 2);
    assert.equal(run('curve', join(dir, 'clean.yaml'), '--points', '1').status, 2);
    assert.equal(run('curve', join(dir, 'nope.yaml')).status, 2);
  });
});

describe('.lr-lens.yaml with the CLI', () => {
  test('the nearest project config applies, and its own problems are reported', () => {
    const project = mkdtempSync(join(tmpdir(), 'lr-lens-project-'));
    mkdirSync(join(project, 'recipes'));
    writeFileSync(join(project, '.lr-lens.yaml'), 'rules:\n  constant-lr: error\nstepsPerEpoch: 100\ncolor: blue\n');
    writeFileSync(
      join(project, 'recipes', 'run.yaml'),
      'output_dir: o\nlearning_rate: 1.0e-4\nlr_scheduler_type: constant\nnum_train_epochs: 1\nwarmup_steps: 20\n',
    );
    const r = run('check', join(project, 'recipes'), '--format', 'json');
    assert.equal(r.status, 1, 'constant-lr raised to error by the project config');
    const reports = JSON.parse(r.stdout) as { filePath: string; messages: { ruleId: string; severity: number; message: string }[] }[];
    const config = reports.find((x) => x.filePath.endsWith('.lr-lens.yaml'));
    const [configMessage] = config?.messages ?? [];
    assert.ok(configMessage, 'the project config has a report with a message');
    assert.match(configMessage.message, /unknown setting `color`/);
    const recipe = reports.find((x) => x.filePath.endsWith('run.yaml'));
    assert.ok(recipe, 'the recipe has a report');
    assert.deepEqual(
      recipe.messages.map((m) => [m.ruleId, m.severity]),
      [['constant-lr', 2]],
    );
  });
});

/** A fairseq config whose scheduler (warmup 500 of 1000 updates) comes from `lr_scheduler/cosine.yaml`. */
function hydraWorkspace(): string {
  const conf = mkdtempSync(join(tmpdir(), 'lr-lens-hydra-'));
  mkdirSync(join(conf, 'lr_scheduler'));
  writeFileSync(join(conf, 'lr_scheduler', 'cosine.yaml'), '_name: cosine\nwarmup_updates: 500\n');
  writeFileSync(
    join(conf, 'config.yaml'),
    'defaults:\n  - lr_scheduler: cosine\ncommon: {}\ntask: {_name: audio_pretraining}\ncriterion: {_name: wav2vec}\noptimization: {max_update: 1000, lr: [0.0005]}\n',
  );
  return conf;
}

describe('Hydra composition with the CLI', () => {
  test('defaults: lists are followed into sibling config-group files on disk', () => {
    const conf = hydraWorkspace();
    const r = run('check', join(conf, 'config.yaml'), '--format', 'json');
    const reports: FileReport[] = JSON.parse(r.stdout);
    assert.deepEqual(
      reports.map((x) => [x.filePath, x.dialect, x.messages.length]),
      [
        [join(conf, 'config.yaml'), 'fairseq', 0],
        [join(conf, 'lr_scheduler', 'cosine.yaml'), null, 1],
      ],
    );
    // Warmup 500 of 1000 updates: reported on `500` in the group file, with the composing item as related location.
    const [, groupReport] = reports;
    assert.ok(groupReport);
    const [message] = groupReport.messages;
    assert.equal(message?.ruleId, 'warmup-too-long');
    assert.deepEqual([message.line, message.column, message.endLine, message.endColumn], [2, 17, 2, 20]);
    assert.deepEqual(
      message.relatedLocations?.map((l) => [l.filePath, l.line, l.column]),
      [[join(conf, 'config.yaml'), 2, 19]],
    );
    assert.equal(groupReport.warningCount, 1);
  });

  test('a composed file that is checked too gets one report; text and SARIF name both places', () => {
    const conf = hydraWorkspace();
    const json: FileReport[] = JSON.parse(run('check', conf, '--format', 'json').stdout);
    const group = json.filter((x) => x.filePath.endsWith('cosine.yaml'));
    assert.equal(group.length, 1, JSON.stringify(json.map((x) => x.filePath)));
    assert.deepEqual(
      group[0]?.messages.map((m) => m.ruleId),
      ['warmup-too-long'],
    );

    const text = run('check', join(conf, 'config.yaml'));
    assert.equal(text.status, 0);
    const groupPath = join(conf, 'lr_scheduler', 'cosine.yaml');
    assert.ok(text.stdout.startsWith(`${groupPath}:2:17 warning `), text.stdout);
    assert.ok(text.stdout.includes(`${join(conf, 'config.yaml')}:2:19) warmup-too-long`), text.stdout);

    const sarif = JSON.parse(run('check', join(conf, 'config.yaml'), '--format', 'sarif').stdout);
    const [result] = sarif.runs[0].results;
    assert.match(result.locations[0].physicalLocation.artifactLocation.uri, /lr_scheduler\/cosine\.yaml$/);
    assert.match(result.relatedLocations[0].physicalLocation.artifactLocation.uri, /config\.yaml$/);
    assert.deepEqual(result.relatedLocations[0].physicalLocation.region, { startLine: 2, startColumn: 19, endLine: 2, endColumn: 25 });
  });
});

describe('detectron2 _BASE_ chains with the CLI', () => {
  test('a finding about a value of the base is reported in the base file, linked to the _BASE_ line', () => {
    const root = mkdtempSync(join(tmpdir(), 'lr-lens-d2-'));
    mkdirSync(join(root, 'configs', 'Det'), { recursive: true });
    writeFileSync(join(root, 'configs', 'Base-Det.yaml'), 'MODEL: {}\nSOLVER:\n  BASE_LR: 0.02\n  WARMUP_ITERS: 5000\n');
    writeFileSync(join(root, 'configs', 'Det', 'run.yaml'), '_BASE_: "../Base-Det.yaml"\nSOLVER:\n  STEPS: (7000,)\n  MAX_ITER: 10000\n');
    const reports: FileReport[] = JSON.parse(run('check', join(root, 'configs', 'Det', 'run.yaml'), '--format', 'json').stdout);
    assert.deepEqual(
      reports.map((x) => [x.filePath, x.dialect]),
      [
        [join(root, 'configs', 'Det', 'run.yaml'), 'detectron2'],
        [join(root, 'configs', 'Base-Det.yaml'), null],
      ],
    );
    assert.deepEqual(
      reports[0]?.messages.map((m) => m.ruleId),
      ['piecewise-schedule'],
    );
    const [warmup] = reports[1]?.messages ?? [];
    assert.equal(warmup?.ruleId, 'warmup-too-long');
    assert.deepEqual([warmup.line, warmup.column], [4, 17]);
    assert.deepEqual(
      warmup.relatedLocations?.map((l) => [l.filePath, l.line, l.column]),
      [[join(root, 'configs', 'Det', 'run.yaml'), 1, 9]],
    );
  });
});
