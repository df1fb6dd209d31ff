import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { chmodSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { before, test } from 'node:test';
import { ensureBuilt } from '../helpers/build';

const REPO = join(__dirname, '..', '..');
const CLI = join(REPO, 'bin', 'lr-lens.js');

function run(cwd: string, ...args: string[]) {
  const result = spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8' });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

const HF_CRLF = 'output_dir: out\r\nlearning_rate: 3.0e-4  # tuned\r\nlr_scheduler_type: "constant"\r\nmax_steps: 100\r\n';
const DEEPSPEED = '{\n  "train_batch_size": 16,\n  "optimizer": {"type": "AdamW", "params": {"lr": 1e-4}},\n  "scheduler": {\n    "type": "WarmupLR",\n    "params": {\n      "warmup_num_steps": 50\n    }\n  }\n}\n';
const BROKEN = 'output_dir: out\nlearning_rate: [3.0e-4\nlr_scheduler_type: constant\n';

function fresh(): string {
  const dir = mkdtempSync(join(tmpdir(), 'lr-lens-fix-'));
  writeFileSync(join(dir, 'hf.yaml'), HF_CRLF);
  writeFileSync(join(dir, 'ds_config.json'), DEEPSPEED);
  writeFileSync(join(dir, 'broken.yaml'), BROKEN);
  return dir;
}

before(() => {
  ensureBuilt();
});

test('--fix-dry-run prints a unified diff of the preferred fixes and changes nothing', () => {
  const dir = fresh();
  const r = run(dir, 'check', '.', '--fix-dry-run');
  assert.equal(
    r.stdout.split('--- a/')[2],
    'hf.yaml\n+++ b/hf.yaml\n@@ -1,4 +1,4 @@\n output_dir: out\r\n learning_rate: 3.0e-4  # tuned\r\n-lr_scheduler_type: "constant"\r\n+lr_scheduler_type: "cosine"\r\n max_steps: 100\r\n',
  );
  assert.match(r.stdout, /^--- a\/ds_config\.json\n\+\+\+ b\/ds_config\.json\n@@ -2,8 \+2,9 @@\n/);
  assert.match(r.stdout, /^-    "type": "WarmupLR",$/m);
  assert.match(r.stdout, /^\+    "type": "WarmupCosineLR",$/m);
  assert.match(r.stderr, /2 fix\(es\) would be applied to 2 file\(s\)/);
  assert.equal(readFileSync(join(dir, 'hf.yaml'), 'utf8'), HF_CRLF);
  assert.equal(readFileSync(join(dir, 'ds_config.json'), 'utf8'), DEEPSPEED);
  // The diff applies with patch(1) and gives what --fix writes.
  const patched = spawnSync('patch', ['-p1', '--dry-run'], { cwd: dir, input: r.stdout, encoding: 'utf8' });
  if (patched.error === undefined) assert.equal(patched.status, 0, patched.stdout + patched.stderr);
});

test('--fix writes each fixed file atomically, keeps untouched bytes, leaves unparsable files alone', () => {
  const dir = fresh();
  chmodSync(join(dir, 'hf.yaml'), 0o640);
  const r = run(dir, 'check', '.', '--fix');
  assert.equal(r.status, 1, 'broken.yaml still has errors');
  assert.equal(readFileSync(join(dir, 'hf.yaml'), 'utf8'), HF_CRLF.replace('"constant"', '"cosine"'));
  const json = JSON.parse(readFileSync(join(dir, 'ds_config.json'), 'utf8'));
  assert.deepEqual(json.scheduler, { type: 'WarmupCosineLR', params: { total_num_steps: 10000, warmup_num_steps: 50 } });
  assert.equal(readFileSync(join(dir, 'broken.yaml'), 'utf8'), BROKEN);
  assert.equal((spawnSync('stat', ['-c', '%a', join(dir, 'hf.yaml')], { encoding: 'utf8' }).stdout || '640\n').trim(), '640');
  assert.deepEqual(readdirSync(dir).sort(), ['broken.yaml', 'ds_config.json', 'hf.yaml'], 'no temporary file left behind');
  assert.match(r.stderr, /fixed hf\.yaml: constant-lr: Use cosine decay/);
  // What remains is reported: the fixed files are clean now.
  assert.doesNotMatch(r.stdout, /constant-lr/);
  const again = run(dir, 'check', '.', '--fix-dry-run');
  assert.equal(again.stdout, '');
});

test('--fix leaves a read-only file alone and says so, also when run as root', () => {
  const dir = fresh();
  chmodSync(join(dir, 'hf.yaml'), 0o444);
  const r = run(dir, 'check', 'hf.yaml', '--fix');
  assert.equal(r.status, 2);
  assert.match(r.stderr, /cannot write hf\.yaml: it is read-only/);
  assert.match(r.stderr, /^0 fix\(es\) applied to 0 file\(s\)$/m, 'the count is of fixes written');
  assert.equal(readFileSync(join(dir, 'hf.yaml'), 'utf8'), HF_CRLF);
});

test('--fix and --fix-dry-run together are a usage error', () => {
  const r = run(fresh(), 'check', '.', '--fix', '--fix-dry-run');
  assert.equal(r.status, 2);
  assert.match(r.stderr, /cannot be combined/);
});
