import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, symlinkSync, truncateSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { ensureBuilt } from '../helpers/build';
import type { FileReport } from '../../server/src/cli/checkReport';

const REPO = join(__dirname, '..', '..');
const CLI = join(REPO, 'bin', 'lr-lens.js');
/** A hang guard only: generous, and no test asserts how long anything took. */
const HANG_GUARD_MS = 60_000;

function run(cwd: string, ...args: string[]) {
  const result = spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8', timeout: HANG_GUARD_MS, maxBuffer: 1024 ** 3 });
  assert.equal(result.error, undefined, `lr-lens ${args.join(' ')} did not finish: ${String(result.error)}`);
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

const CONSTANT = 'output_dir: out\nlearning_rate: 3.0e-4\nlr_scheduler_type: constant\nmax_steps: 100\n';
const POSIX = process.platform !== 'win32';

function mkfifo(path: string): boolean {
  return spawnSync('mkfifo', [path]).status === 0;
}

let sockets: Server[] = [];
after(() => {
  for (const server of sockets) server.close();
  sockets = [];
});

before(() => ensureBuilt());

describe('special files (issue: a FIFO, a socket or a link to /dev/zero must never hang or abort the CLI)', { skip: !POSIX }, () => {
  test('named on the command line: a clear message and exit 2', () => {
    const dir = mkdtempSync(join(tmpdir(), 'lr-lens-special-'));
    symlinkSync('/dev/zero', join(dir, 'zero.yaml'));
    const zero = run(dir, 'check', 'zero.yaml');
    assert.equal(zero.status, 2);
    assert.match(zero.stderr, /cannot read zero\.yaml: not a regular file \(a character device\)/);
    if (mkfifo(join(dir, 'pipe.yaml'))) {
      const fifo = run(dir, 'check', 'pipe.yaml');
      assert.equal(fifo.status, 2);
      assert.match(fifo.stderr, /cannot read pipe\.yaml: not a regular file \(a FIFO\)/);
      assert.equal(run(dir, 'curve', 'pipe.yaml').status, 2);
    }
    writeFileSync(join(dir, 'huge.yaml'), CONSTANT);
    truncateSync(join(dir, 'huge.yaml'), 65 * 1024 * 1024); // sparse: no 65 MB written
    const huge = run(dir, 'check', 'huge.yaml');
    assert.equal(huge.status, 2);
    assert.match(huge.stderr, /cannot read huge\.yaml: larger than the 64 MB limit/);
  });

  test('inside a walked folder: skipped with a note, the other files checked', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'lr-lens-special-walk-'));
    writeFileSync(join(dir, 'a.yaml'), CONSTANT);
    symlinkSync('/dev/zero', join(dir, 'b-zero.yaml'));
    const fifo = mkfifo(join(dir, 'c-pipe.yaml'));
    const server = createServer();
    sockets.push(server);
    await new Promise<void>((resolve) => server.listen(join(dir, 'd-socket.yaml'), resolve));
    writeFileSync(join(dir, 'e-huge.yaml'), CONSTANT);
    truncateSync(join(dir, 'e-huge.yaml'), 65 * 1024 * 1024);
    // The socket's server lives in this process: run the CLI without blocking the event loop.
    const { spawn } = await import('node:child_process');
    const child = spawn(process.execPath, [CLI, 'check', '.', '--format', 'json'], { cwd: dir });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const guard = setTimeout(() => child.kill(), HANG_GUARD_MS);
    const status = await new Promise<number | null>((resolve) => child.on('close', resolve));
    clearTimeout(guard);
    assert.equal(status, 0, stderr);
    const reports = JSON.parse(stdout) as FileReport[];
    assert.deepEqual(
      reports.map((r) => [r.filePath, r.dialect]),
      [['a.yaml', 'huggingface']],
    );
    assert.match(stderr, /skipped b-zero\.yaml: not a regular file \(a character device\)/);
    if (fifo) assert.match(stderr, /skipped c-pipe\.yaml: not a regular file \(a FIFO\)/);
    assert.match(stderr, /skipped d-socket\.yaml: not a regular file/);
    assert.match(stderr, /skipped e-huge\.yaml: larger than the 64 MB limit/);
  });

  test('a .lr-lens.yaml that is a link to /dev/zero or a FIFO: a message and exit 2, no hang', () => {
    for (const kind of ['zero', 'fifo']) {
      const dir = mkdtempSync(join(tmpdir(), 'lr-lens-special-project-'));
      writeFileSync(join(dir, 'run.yaml'), CONSTANT);
      if (kind === 'zero') symlinkSync('/dev/zero', join(dir, '.lr-lens.yaml'));
      else if (!mkfifo(join(dir, '.lr-lens.yaml'))) continue;
      const r = run(dir, 'check', 'run.yaml', '--format', 'json');
      assert.equal(r.status, 2, kind);
      assert.match(r.stderr, /cannot read \.lr-lens\.yaml: not a regular file/, kind);
      // The file itself is still checked (with no project settings).
      assert.deepEqual(
        (JSON.parse(r.stdout) as FileReport[]).map((x) => x.dialect),
        ['huggingface'],
      );
      assert.equal(run(dir, 'curve', 'run.yaml').status, 2);
    }
  });

  test('a Hydra group file or a _BASE_ file that is a FIFO or a link to /dev/zero is not read', () => {
    const conf = mkdtempSync(join(tmpdir(), 'lr-lens-special-hydra-'));
    mkdirSync(join(conf, 'lr_scheduler'));
    symlinkSync('/dev/zero', join(conf, 'lr_scheduler', 'cosine.yaml'));
    writeFileSync(
      join(conf, 'config.yaml'),
      'defaults:\n  - lr_scheduler: cosine\ncommon: {}\ntask: {_name: audio_pretraining}\ncriterion: {_name: wav2vec}\n' +
        'optimization: {max_update: 1000, lr: [0.0005]}\n',
    );
    const hydra = run(conf, 'check', 'config.yaml', '--format', 'json');
    assert.deepEqual(
      (JSON.parse(hydra.stdout) as FileReport[]).map((x) => x.dialect),
      ['fairseq'],
    );
    const root = mkdtempSync(join(tmpdir(), 'lr-lens-special-base-'));
    if (!mkfifo(join(root, 'Base.yaml'))) return;
    writeFileSync(join(root, 'run.yaml'), '_BASE_: "Base.yaml"\nSOLVER:\n  BASE_LR: 0.02\n  STEPS: (7000,)\n  MAX_ITER: 10000\n');
    const base = run(root, 'check', 'run.yaml', '--format', 'json');
    assert.deepEqual(
      (JSON.parse(base.stdout) as FileReport[]).map((x) => x.dialect),
      ['detectron2'],
    );
  });
});

describe('symlink loops in check DIR', { skip: !POSIX }, () => {
  test('each file is reported once, whatever links lead to it again', () => {
    const dir = mkdtempSync(join(tmpdir(), 'lr-lens-loops-'));
    mkdirSync(join(dir, 'configs', 'deep'), { recursive: true });
    writeFileSync(join(dir, 'configs', 'run.yaml'), CONSTANT);
    writeFileSync(join(dir, 'configs', 'deep', 'other.yaml'), CONSTANT);
    symlinkSync('.', join(dir, 'configs', 'self'));
    // Two loops: without real-path tracking the walk grows exponentially.
    symlinkSync('..', join(dir, 'configs', 'deep', 'up1'));
    symlinkSync('..', join(dir, 'configs', 'deep', 'up2'));
    symlinkSync(join(dir, 'configs', 'run.yaml'), join(dir, 'configs', 'z-alias.yaml'));
    const r = run(dir, 'check', 'configs', '--format', 'json');
    const paths = (JSON.parse(r.stdout) as FileReport[]).map((x) => x.filePath);
    assert.deepEqual(paths, [join('configs', 'deep', 'other.yaml'), join('configs', 'run.yaml')]);
    assert.equal(r.status, 0);
  });
});

describe('curve output bounds', () => {
  test('--points is bounded, and the error says the bound', () => {
    const dir = mkdtempSync(join(tmpdir(), 'lr-lens-points-'));
    writeFileSync(join(dir, 'run.yaml'), CONSTANT.replace('constant', 'cosine'));
    const r = run(dir, 'curve', 'run.yaml', '--points', '1000000000');
    assert.equal(r.status, 2);
    assert.match(r.stderr, /--points must be a whole number from 2 to 100000 \(got '1000000000'\)/);
    assert.equal(run(dir, 'curve', 'run.yaml', '--points', '100000').status, 0);
  });

  test('--every-step is streamed (the same JSON and CSV as whole) and capped at 10,000,000 steps', () => {
    const dir = mkdtempSync(join(tmpdir(), 'lr-lens-steps-'));
    const run25001 = 'output_dir: out\nlearning_rate: 1.0e-3\nlr_scheduler_type: cosine\nwarmup_steps: 100\nmax_steps: 25001\n';
    writeFileSync(join(dir, 'run.yaml'), run25001);
    const json = run(dir, 'curve', 'run.yaml', '--every-step');
    assert.equal(json.status, 0);
    const parsed = JSON.parse(json.stdout) as { totalSteps: number; values: number[] };
    assert.equal(parsed.values.length, 25001);
    assert.equal(json.stdout, `${JSON.stringify(parsed, null, 2)}\n`, 'streamed text equals the whole object printed at once');
    const csv = run(dir, 'curve', 'run.yaml', '--every-step', '--format', 'csv').stdout.split('\n');
    assert.equal(csv.length, 25001 + 2);
    assert.equal(csv[0], 'step,lr');
    assert.equal(csv[20001], `20000,${parsed.values[20000]}`);
    assert.equal(csv.at(-1), '');
    writeFileSync(join(dir, 'long.yaml'), 'output_dir: out\nlearning_rate: 1.0e-3\nlr_scheduler_type: cosine\nmax_steps: 20000000\n');
    const long = run(dir, 'curve', 'long.yaml', '--every-step');
    assert.equal(long.status, 2);
    assert.match(long.stderr, /20000000 steps is too many to print one by one \(limit 10000000\); use --points N/);
    assert.equal(long.stdout, '');
  });
});

describe('--every-step to a reader that stops (| head)', () => {
  test('writing stops quietly: exit 0, no EPIPE error', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'lr-lens-epipe-'));
    writeFileSync(join(dir, 'long.yaml'), 'output_dir: out\nlearning_rate: 1.0e-3\nlr_scheduler_type: cosine\nmax_steps: 2000000\n');
    const { spawn } = await import('node:child_process');
    const child = spawn(process.execPath, [CLI, 'curve', 'long.yaml', '--every-step', '--format', 'csv'], { cwd: dir });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    let first = '';
    await new Promise<void>((resolve) =>
      child.stdout.once('data', (chunk: Buffer) => {
        first = chunk.toString();
        child.stdout.destroy();
        resolve();
      }),
    );
    const guard = setTimeout(() => child.kill(), HANG_GUARD_MS);
    const status = await new Promise<number | null>((resolve) => child.on('close', resolve));
    clearTimeout(guard);
    assert.ok(first.startsWith('step,lr'), first.slice(0, 40));
    assert.equal(stderr, '');
    assert.equal(status, 0);
  });
});

describe('output injection', { skip: !POSIX }, () => {
  test('control characters in file names and values are escaped in text output; no line starts with ::', () => {
    const dir = mkdtempSync(join(tmpdir(), 'lr-lens-inject-'));
    const name = 'x\n::error file=a::pwned\u001b[2J.yaml';
    const value = '\u001b[2J\u001b]0;title\u0007cosine';
    writeFileSync(join(dir, name), `output_dir: out\nlearning_rate: 1e-4\nlr_scheduler_type: "${value}"\nmax_steps: 100\n`);
    const r = run(dir, 'check', '.');
    assert.equal(r.status, 1);
    assert.match(r.stdout, /invalid-value/, 'the file was recognized and its value reported');
    for (const output of [r.stdout, r.stderr]) {
      assert.doesNotMatch(output, /[\u0000-\u0008\u000b-\u001f\u007f]/, 'no raw control character');
      assert.doesNotMatch(output, /^::/m, 'no GitHub Actions workflow command');
    }
    assert.ok(r.stdout.startsWith('x\\x0a::error file=a::pwned\\x1b[2J.yaml:3:20 error '), r.stdout);
    const missing = run(dir, 'check', 'gone\n::warning::x.yaml');
    assert.equal(missing.status, 2);
    assert.doesNotMatch(missing.stderr, /^::/m);
    const usage = run(dir, 'check', '.', '--format', '\u001b[2J');
    assert.equal(usage.status, 2);
    assert.match(usage.stderr, /--format must be one of text, json, sarif \(got '\\x1b\[2J'\)/);
  });

  test('--fix-dry-run escapes control characters in file names and the lines it shows; CRLF and tabs stay', () => {
    const dir = mkdtempSync(join(tmpdir(), 'lr-lens-inject-diff-'));
    const name = 'y\n::error::pwned.yaml';
    writeFileSync(
      join(dir, name),
      'output_dir: out\r\nlearning_rate: 3.0e-4 # \u001b[2J\ttuned\r\nlr_scheduler_type: constant\r\nmax_steps: 100\r\n',
    );
    const r = run(dir, 'check', '.', '--fix-dry-run');
    assert.match(r.stdout, /^-lr_scheduler_type: constant\r$/m, 'the file was recognized and fixed');
    assert.match(r.stdout, /^--- a\/y\\x0a::error::pwned\.yaml$/m);
    assert.match(r.stdout, /^ learning_rate: 3\.0e-4 # \\x1b\[2J\ttuned\r$/m);
    assert.doesNotMatch(r.stdout, /^::/m);

    assert.doesNotMatch(r.stdout, /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/);
  });

  test('a hostile dialect glob in .lr-lens.yaml does not hang the check', () => {
    const dir = mkdtempSync(join(tmpdir(), 'lr-lens-glob-'));
    writeFileSync(join(dir, '.lr-lens.yaml'), `dialects:\n  "${'**?'.repeat(40)}Z": huggingface\n`);
    mkdirSync(join(dir, 'a'.repeat(60)));
    writeFileSync(join(dir, 'a'.repeat(60), `${'a'.repeat(60)}.yaml`), CONSTANT);
    const r = run(dir, 'check', '.', '--format', 'json');
    assert.equal(r.status, 0, r.stderr);
    assert.deepEqual(
      (JSON.parse(r.stdout) as FileReport[]).map((x) => x.dialect),
      ['huggingface'],
    );
  });
});
