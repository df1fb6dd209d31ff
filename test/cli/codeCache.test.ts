import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { ensureBuilt } from '../helpers/build';

const REPO = join(__dirname, '..', '..');
const BIN = join(REPO, 'bin', 'lr-lens.js');

function check(env: Record<string, string>) {
  const result = spawnSync(process.execPath, [BIN, 'check', 'examples', '--format', 'json'], { cwd: REPO, encoding: 'utf8', env: { ...process.env, ...env } });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

test('bin/lr-lens.js writes a V8 code cache after the first run and gives the same output with it, a bad one or none', () => {
  ensureBuilt();
  const reference = check({ LR_LENS_CODE_CACHE: '0' });
  assert.ok(reference.stdout.startsWith('['), reference.stderr);

  const dir = mkdtempSync(join(tmpdir(), 'lr-lens-code-cache-'));
  assert.deepEqual(check({ LR_LENS_CACHE_DIR: dir }), reference, 'first run (writes the cache)');
  const written = readdirSync(dir);
  assert.equal(written.length, 1, `one cache file, no leftovers: ${written.join(', ')}`);
  assert.match(written[0]!, /^cli-[0-9a-f]{24}\.v8cache$/);
  const cache = join(dir, written[0]!);
  const data = readFileSync(cache);
  assert.ok(data.length > 1000);

  assert.deepEqual(check({ LR_LENS_CACHE_DIR: dir }), reference, 'run with the cache');
  assert.ok(readFileSync(cache).equals(data), 'an accepted cache is not rewritten');

  writeFileSync(cache, 'not a code cache');
  assert.deepEqual(check({ LR_LENS_CACHE_DIR: dir }), reference, 'run with a corrupt cache');
  assert.notEqual(readFileSync(cache, 'utf8'), 'not a code cache', 'a rejected cache is replaced');

  const notADirectory = join(dir, written[0]!, 'below-a-file');
  assert.deepEqual(check({ LR_LENS_CACHE_DIR: notADirectory }), reference, 'run with an unwritable cache directory');
});
