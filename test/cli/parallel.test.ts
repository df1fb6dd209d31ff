import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { before, test } from 'node:test';
import { ensureBuilt } from '../helpers/build';
import { CORPUS_DIR, corpusFiles } from '../helpers/corpus';

const REPO = join(__dirname, '..', '..');
const CLI = join(REPO, 'bin', 'lr-lens.js');

function run(workers: number, ...args: string[]) {
  const result = spawnSync(process.execPath, [CLI, ...args], {
    cwd: REPO,
    encoding: 'utf8',
    maxBuffer: 64 * 2 ** 20,
    env: { ...process.env, LR_LENS_WORKERS: String(workers), LR_LENS_WORKER_STATS: '1' },
  });
  const stats = /^lr-lens: (\d+) of (\d+) file\(s\) analysed by (\d+) worker thread\(s\)\n/m.exec(result.stderr);
  return { status: result.status, stdout: result.stdout, stderr: result.stderr.replace(stats?.[0] ?? '', ''), byWorkers: Number(stats?.[1] ?? 0), workers: Number(stats?.[3] ?? 0) };
}

let workspace: string;
before(() => {
  ensureBuilt();
  // Several files of each kind: project config, Hydra composition (a group file also checked itself), an
  // unreadable entry, syntax errors, findings with fixes, files that are not training configs.
  workspace = mkdtempSync(join(tmpdir(), 'lr-lens-parallel-'));
  writeFileSync(join(workspace, '.lr-lens.yaml'), 'rules:\n  constant-lr: error\ncolour: blue\n');
  mkdirSync(join(workspace, 'lr_scheduler'));
  writeFileSync(join(workspace, 'lr_scheduler', 'cosine.yaml'), '_name: cosine\nwarmup_updates: 500\n');
  writeFileSync(join(workspace, 'config.yaml'), 'defaults:\n  - lr_scheduler: cosine\ncommon: {}\ntask: {_name: audio_pretraining}\ncriterion: {_name: wav2vec}\noptimization: {max_update: 1000, lr: [0.0005]}\n');
  for (let i = 0; i < 12; i++) {
    writeFileSync(join(workspace, `hf-${String(i).padStart(2, '0')}.yaml`), `output_dir: o\nlearning_rate: ${i % 3 === 0 ? -1 : 3e-4}\nlr_scheduler_type: ${i % 2 ? 'constant' : 'cosine'}\nmax_steps: ${100 * (i + 1)}\nwarmup_steps: ${20 * i}\n`);
  }
  writeFileSync(join(workspace, 'broken.yaml'), 'output_dir: o\nlearning_rate: [1e-4\nmax_steps: 10\n');
  writeFileSync(join(workspace, 'compose.yaml'), 'services:\n  web:\n    image: nginx\n');
  symlinkSync(join(workspace, 'missing.yaml'), join(workspace, 'dangling.yaml'));
});

test('check gives the same output, exit code and messages with worker threads as without', () => {
  for (const format of ['text', 'json', 'sarif']) {
    const alone = run(0, 'check', workspace, join(workspace, 'dangling.yaml'), '--format', format);
    assert.equal(alone.workers, 0);
    assert.match(alone.stderr, /cannot read .*dangling\.yaml/);
    for (const workers of [1, 2]) {
      const parallel = run(workers, 'check', workspace, join(workspace, 'dangling.yaml'), '--format', format);
      assert.equal(parallel.workers, workers);
      assert.deepEqual({ ...parallel, byWorkers: 0, workers: 0 }, { ...alone, byWorkers: 0, workers: 0 }, `${format}, ${workers} worker(s)`);
    }
  }
});

test('the corpus checked with worker threads: identical reports, and the workers do share the work', { skip: corpusFiles() ? false : `no corpus at ${CORPUS_DIR}` }, () => {
  const alone = run(0, 'check', CORPUS_DIR, '--format', 'json');
  const parallel = run(1, 'check', CORPUS_DIR, '--format', 'json');
  assert.ok(alone.stdout.startsWith('['));
  assert.equal(parallel.stdout, alone.stdout);
  assert.equal(parallel.status, alone.status);
  assert.equal(parallel.stderr, alone.stderr);
  assert.ok(parallel.byWorkers > 0, 'a worker analysed some files');
});

test('--fix and --fix-dry-run stay on one thread', () => {
  const dry = run(2, 'check', workspace, '--fix-dry-run');
  assert.equal(dry.workers, 0);
});
