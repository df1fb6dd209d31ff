import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { configFileReader } from '../../server/src/config/configFileReader';
import { ProjectConfigFinder } from '../../server/src/config/findProjectConfig';
import { readRegularFile } from '../../server/src/config/readRegularFile';

const POSIX = process.platform !== 'win32';

test('readRegularFile: regular files up to the cap, byte for byte; nothing else', { timeout: 30_000 }, () => {
  const dir = mkdtempSync(join(tmpdir(), 'lr-lens-read-'));
  const bytes = Buffer.from([0xef, 0xbb, 0xbf, 0x61, 0xe9, 0x0d, 0x0a]);
  writeFileSync(join(dir, 'ten.yaml'), bytes);
  const read = readRegularFile(join(dir, 'ten.yaml'), bytes.length);
  assert.ok(read.ok && read.bytes.equals(bytes));
  assert.deepEqual(readRegularFile(join(dir, 'ten.yaml'), bytes.length - 1), {
    ok: false,
    reason: `larger than the ${bytes.length - 1} bytes limit`,
    special: true,
  });
  assert.deepEqual(readRegularFile(join(dir, 'none.yaml'), 10), { ok: false, reason: 'no such file or directory', special: false });
  assert.deepEqual(readRegularFile(dir, 10), { ok: false, reason: 'is a directory', special: false });
  if (!POSIX) return;
  assert.deepEqual(readRegularFile('/dev/zero', 10), { ok: false, reason: 'not a regular file (a character device)', special: true });
  if (spawnSync('mkfifo', [join(dir, 'pipe.yaml')]).status === 0) {
    assert.deepEqual(readRegularFile(join(dir, 'pipe.yaml'), 10), { ok: false, reason: 'not a regular file (a FIFO)', special: true });
  }
});

test('composed files: regular files of the workspace only, by their real path', { skip: !POSIX }, () => {
  const outside = mkdtempSync(join(tmpdir(), 'lr-lens-outside-'));
  writeFileSync(join(outside, 'secret.yaml'), 'token: ghp_SECRET\n');
  const workspace = mkdtempSync(join(tmpdir(), 'lr-lens-ws-'));
  mkdirSync(join(workspace, 'optimizer'));
  writeFileSync(join(workspace, 'optimizer', 'adamw.yaml'), 'lr: 1e-4\n');
  symlinkSync(join(outside, 'secret.yaml'), join(workspace, 'optimizer', 'leak.yaml'));
  symlinkSync(outside, join(workspace, 'scheduler'));
  symlinkSync('/dev/zero', join(workspace, 'optimizer', 'zero.yaml'));
  const read = configFileReader([workspace]);
  assert.equal(read(join(workspace, 'optimizer', 'adamw.yaml')), 'lr: 1e-4\n');
  assert.equal(read(join(workspace, 'optimizer', 'leak.yaml')), undefined, 'a link out of the workspace is not followed');
  assert.equal(read(join(workspace, 'scheduler', 'secret.yaml')), undefined, 'nor a linked folder');
  assert.equal(read(join(workspace, 'optimizer', 'zero.yaml')), undefined);
  assert.equal(read(join(outside, 'secret.yaml')), undefined);
  // A workspace folder opened through a link to it.
  const linkedWorkspace = join(mkdtempSync(join(tmpdir(), 'lr-lens-ws-link-')), 'ws');
  symlinkSync(workspace, linkedWorkspace);
  assert.equal(configFileReader([linkedWorkspace])(join(linkedWorkspace, 'optimizer', 'adamw.yaml')), 'lr: 1e-4\n');
  assert.equal(configFileReader([linkedWorkspace])(join(linkedWorkspace, 'optimizer', 'leak.yaml')), undefined);
  // The CLI reads from disk without roots: what the user's configs name.
  assert.equal(configFileReader([])(join(workspace, 'optimizer', 'leak.yaml')), 'token: ghp_SECRET\n');
});

test('a .lr-lens.yaml that cannot be read is still the nearest, with an error and no settings', { skip: !POSIX }, () => {
  const root = mkdtempSync(join(tmpdir(), 'lr-lens-finder-'));
  writeFileSync(join(root, '.lr-lens.yaml'), 'stepsPerEpoch: 7\n');
  mkdirSync(join(root, 'sub'));
  symlinkSync('/dev/zero', join(root, 'sub', '.lr-lens.yaml'));
  const finder = new ProjectConfigFinder();
  assert.deepEqual(finder.forFile(join(root, 'run.yaml'))?.config.settings, { stepsPerEpoch: 7 });
  const found = finder.forFile(join(root, 'sub', 'run.yaml'));
  assert.equal(found?.unreadable, 'not a regular file (a character device)');
  assert.deepEqual(found?.config.settings, {});
  assert.match(found?.config.findings[0]?.message ?? '', /\.lr-lens\.yaml: cannot be read: not a regular file/);
});
