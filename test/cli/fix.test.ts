import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import {
  appendFileSync,
  chmodSync,
  chownSync,
  linkSync,
  lstatSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  renameSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { before, test } from 'node:test';
import { ensureBuilt } from '../helpers/build';
import { FixNotWritten, writeFix } from '../../server/src/cli/fixFiles';

const REPO = join(__dirname, '..', '..');
const CLI = join(REPO, 'bin', 'lr-lens.js');

function run(cwd: string, ...args: string[]) {
  const result = spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8' });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

const HF_CRLF = 'output_dir: out\r\nlearning_rate: 3.0e-4  # tuned\r\nlr_scheduler_type: "constant"\r\nmax_steps: 100\r\n';
const DEEPSPEED =
  '{\n  "train_batch_size": 16,\n  "optimizer": {"type": "AdamW", "params": {"lr": 1e-4}},\n  "scheduler": {\n    "type": "WarmupLR",\n    "params": {\n      "warmup_num_steps": 50\n    }\n  }\n}\n';
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
  assert.match(r.stdout, /^- {4}"type": "WarmupLR",$/m);
  assert.match(r.stdout, /^\+ {4}"type": "WarmupCosineLR",$/m);
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

test('--fix refuses a file that is not valid UTF-8 (a Latin-1 comment), byte for byte unchanged', () => {
  const dir = fresh();
  const latin1 = Buffer.concat([Buffer.from('# r\xe9glage du taux\n', 'latin1'), Buffer.from(HF_CRLF)]);
  writeFileSync(join(dir, 'hf.yaml'), latin1);
  for (const flag of ['--fix', '--fix-dry-run']) {
    const r = run(dir, 'check', 'hf.yaml', flag);
    // The file was recognized and the finding is there (a dry run prints only diffs).
    if (flag === '--fix') assert.match(r.stdout, /constant-lr/);
    assert.match(r.stderr, /not fixing hf\.yaml: it is not valid UTF-8/);
    assert.ok(readFileSync(join(dir, 'hf.yaml')).equals(latin1));
  }
});

test('--fix keeps every byte outside the edit (BOM, CRLF, UTF-8 comments)', () => {
  const dir = fresh();
  const text = `\ufeff# réglage — 学习率\r\n${HF_CRLF}`;
  writeFileSync(join(dir, 'hf.yaml'), text);
  const r = run(dir, 'check', 'hf.yaml', '--fix');
  assert.match(r.stderr, /1 fix\(es\) applied to 1 file\(s\)/);
  assert.ok(readFileSync(join(dir, 'hf.yaml')).equals(Buffer.from(text.replace('"constant"', '"cosine"'), 'utf8')));
});

test('--fix writes through a symbolic link to the real file; the link stays a link', { skip: process.platform === 'win32' }, () => {
  const dir = fresh();
  mkdirSync(join(dir, 'real'));
  renameSync(join(dir, 'hf.yaml'), join(dir, 'real', 'hf.yaml'));
  symlinkSync(join('real', 'hf.yaml'), join(dir, 'link.yaml'));
  const r = run(dir, 'check', 'link.yaml', '--fix');
  assert.match(r.stderr, /fixed link\.yaml/);
  assert.ok(lstatSync(join(dir, 'link.yaml')).isSymbolicLink());
  assert.equal(readFileSync(join(dir, 'real', 'hf.yaml'), 'utf8'), HF_CRLF.replace('"constant"', '"cosine"'));
  assert.deepEqual(readdirSync(join(dir, 'real')), ['hf.yaml'], 'no temporary file left behind');
});

test('--fix keeps hard links one file, and keeps mode, owner and group', { skip: process.platform === 'win32' }, () => {
  const dir = fresh();
  linkSync(join(dir, 'hf.yaml'), join(dir, 'hf-link.yaml.bak'));
  const before = statSync(join(dir, 'hf.yaml'));
  run(dir, 'check', 'hf.yaml', '--fix');
  const after = statSync(join(dir, 'hf.yaml'));
  assert.equal(after.ino, before.ino);
  assert.equal(readFileSync(join(dir, 'hf-link.yaml.bak'), 'utf8'), HF_CRLF.replace('"constant"', '"cosine"'));

  const owned = join(dir, 'ds_config.json');
  chmodSync(owned, 0o604);
  if (process.getuid?.() === 0) chownSync(owned, 4321, 4322);
  const ownedBefore = statSync(owned);
  const r = run(dir, 'check', 'ds_config.json', '--fix');
  assert.match(r.stderr, /fixed ds_config\.json/);
  const ownedAfter = statSync(owned);
  assert.deepEqual([ownedAfter.mode, ownedAfter.uid, ownedAfter.gid], [ownedBefore.mode, ownedBefore.uid, ownedBefore.gid]);
  if (process.getuid?.() === 0) assert.deepEqual([ownedAfter.uid, ownedAfter.gid], [4321, 4322]);
});

test('--fix counts the fixes it wrote, not the fixes it tried', () => {
  const dir = fresh();
  chmodSync(join(dir, 'hf.yaml'), 0o444);
  const r = run(dir, 'check', 'hf.yaml', 'ds_config.json', '--fix');
  assert.equal(r.status, 2);
  assert.match(r.stderr, /cannot write hf\.yaml: it is read-only/);
  assert.match(r.stderr, /^1 fix\(es\) applied to 1 file\(s\)$/m);
});

test('a file changed after it was analyzed is not written: the change made meanwhile is kept', () => {
  const dir = fresh();
  const path = join(dir, 'hf.yaml');
  const analyzed = readFileSync(path);
  appendFileSync(path, 'seed: 42\r\n');
  const fixed = HF_CRLF.replace('"constant"', '"cosine"');
  assert.throws(
    () => writeFix(path, analyzed, fixed),
    (error: unknown) => error instanceof FixNotWritten && error.changed,
  );
  assert.equal(readFileSync(path, 'utf8'), `${HF_CRLF}seed: 42\r\n`);
  // Unchanged since analyzed: written.
  writeFix(path, readFileSync(path), 'x: 1\n');
  assert.equal(readFileSync(path, 'utf8'), 'x: 1\n');
});
