// torchtitan TOML end to end through the built CLI: `check DIR` walks .toml files, reports findings of a torchtitan
// config at their TOML position, leaves other TOML alone, and `--fix` writes the TOML fix byte for byte.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { before, test } from 'node:test';
import { ensureBuilt } from '../helpers/build';

const REPO = join(__dirname, '..', '..');
const CLI = join(REPO, 'bin', 'lr-lens.js');
const FLUX = join(REPO, 'test', 'unit', 'frameworks', 'torchtitan', 'configs', 'flux_flux_dev_model.toml');

function run(cwd: string, ...args: string[]) {
  const result = spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8', timeout: 60_000 });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

interface Report {
  filePath: string;
  dialect: string | null;
  messages: { ruleId: string | null; line: number; column: number; message: string; suggestions?: { desc: string }[] }[];
}

function fresh(): string {
  const dir = mkdtempSync(join(tmpdir(), 'lr-lens-toml-'));
  mkdirSync(join(dir, 'train_configs'));
  copyFileSync(FLUX, join(dir, 'train_configs', 'flux_dev_model.toml'));
  writeFileSync(join(dir, 'pyproject.toml'), '[project]\nname = "x"\n[tool.ruff]\nline-length = 88\n');
  writeFileSync(
    join(dir, 'train_configs', 'broken.toml'),
    '[job]\ndump_folder = "x"\n[model]\nname = "llama3"\nflavor = "8B"\n[optimizer]\nlr = = 3e-4\n[training]\nsteps = 10\nseq_len = 8\n',
  );
  return dir;
}

before(() => {
  ensureBuilt();
});

test('check DIR walks .toml files: torchtitan findings at their TOML position, other TOML unclaimed', () => {
  const dir = fresh();
  const r = run(dir, 'check', '.', '--format', 'json');
  assert.equal(r.status, 1, r.stderr);
  const reports = JSON.parse(r.stdout) as Report[];
  const byName = new Map(reports.map((x) => [x.filePath.replace(/\\/g, '/').split('/').slice(-1)[0], x]));
  assert.deepEqual([...byName.keys()].sort(), ['broken.toml', 'flux_dev_model.toml', 'pyproject.toml']);
  assert.deepEqual(byName.get('pyproject.toml')?.messages, []);
  assert.equal(byName.get('pyproject.toml')?.dialect, null);
  const flux = byName.get('flux_dev_model.toml');
  assert.equal(flux?.dialect, 'torchtitan');
  const text = readFileSync(FLUX, 'utf8');
  const line = text.split('\n').findIndex((l) => l.startsWith('decay_ratio')) + 1;
  assert.deepEqual(
    flux?.messages.map((m) => [m.ruleId, m.line, m.column]),
    [['constant-lr', line, 'decay_ratio = '.length + 1]],
  );
  // ESLint suggestions carry one edit; this fix has two (the ratio and the new decay_type), so it is applied by --fix.
  assert.equal(flux?.messages[0]?.suggestions, undefined);
  // bad TOML: one error at its position, not a crash, and not repeated as a YAML syntax error
  const broken = byName.get('broken.toml');
  assert.equal(broken?.dialect, 'torchtitan');
  assert.deepEqual(
    broken?.messages.map((m) => [m.ruleId, m.line, m.column]),
    [['invalid-value', 7, 6]],
  );
  assert.match(broken?.messages[0]?.message ?? '', /^TOML: Unexpected token/);
});

test('check --fix writes the TOML fix byte for byte and the file is clean afterwards', () => {
  const dir = fresh();
  const file = join(dir, 'train_configs', 'flux_dev_model.toml');
  const before = readFileSync(file, 'utf8');
  const r = run(dir, 'check', join('train_configs', 'flux_dev_model.toml'), '--fix');
  assert.equal(r.status, 0, `${r.stdout}\n${r.stderr}`);
  const after = readFileSync(file, 'utf8');
  // 30_000 steps, 3_000 warmup: the decay covers the 27_000 after warmup, ratio 0.9
  assert.equal(after, before.replace('decay_ratio = 0.0  # no decay', 'decay_ratio = 0.9  # no decay\ndecay_type = "cosine"'));
  const again = JSON.parse(run(dir, 'check', join('train_configs', 'flux_dev_model.toml'), '--format', 'json').stdout) as Report[];
  assert.equal(again[0]?.dialect, 'torchtitan');
  assert.deepEqual(
    again[0]?.messages.map((m) => m.ruleId),
    [],
  );
});

test('curve of a torchtitan TOML: dialect and every step in float64', () => {
  const dir = fresh();
  const r = run(dir, 'curve', join('train_configs', 'flux_dev_model.toml'), '--every-step');
  assert.equal(r.status, 0, r.stderr);
  const json = JSON.parse(r.stdout) as { dialect: string; totalSteps: number; values: number[] };
  assert.equal(json.dialect, 'torchtitan');
  assert.equal(json.totalSteps, 30000);
  // lr 1e-4, warmup 3000 from lr / 3000, then constant (decay_ratio 0)
  assert.equal(json.values[0], 1e-4 * (1 / 3000));
  assert.equal(json.values[2999], 1e-4);
  assert.equal(json.values[29999], 1e-4);
});
