import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';

const REPO = join(__dirname, '..', '..');
const VSCE = join(REPO, 'node_modules', '@vscode', 'vsce', 'vsce');

/** Packages a staged copy (production bundles built aside, so the dev dist/ other suites use is untouched). */
test('npm run package makes a .vsix offline with only what the extension needs', { timeout: 180_000 }, () => {
  assert.ok(existsSync(VSCE), '@vscode/vsce is a devDependency');
  const stage = mkdtempSync(join(tmpdir(), 'lr-lens-vsix-'));
  const skip = new Set(['node_modules', '.git', 'dist', 'tmp', 'test-results', '.vscode-test', 'bench']);
  const topFolder = (source: string) => {
    const [top = ''] = source.slice(REPO.length + 1).split('/');
    return top;
  };
  cpSync(REPO, stage, { recursive: true, filter: (source) => !skip.has(topFolder(source)) });
  execFileSync(process.execPath, ['esbuild.mjs', '--production', `--outdir=${join(stage, 'dist')}`], { cwd: REPO });

  const listed = spawnSync(process.execPath, [VSCE, 'ls', '--no-dependencies'], { cwd: stage, encoding: 'utf8' });
  assert.equal(listed.status, 0, listed.stderr);
  const files = listed.stdout
    .trim()
    .split('\n')
    .map((f) => f.trim())
    .sort();
  for (const required of [
    'package.json',
    'README.md',
    'CHANGELOG.md',
    'LICENSE',
    'media/icon.png',
    'dist/client.js',
    'dist/afterActivation.js',
    'dist/lsp-protocol.js',
    'dist/server.js',
    'dist/webview/curvePage.js',
    'docs/rules/constant-lr.md',
  ]) {
    assert.ok(files.includes(required), `${required} is packaged (got ${files.join(', ')})`);
  }
  assert.ok(
    files.some((f) => f.startsWith('syntaxes/') && f.endsWith('.tmLanguage.json')),
    'grammars are packaged',
  );
  for (const file of files) {
    assert.doesNotMatch(file, /^(server|client|test|examples|node_modules)\/|\.ts$|\.map$|^\.ci\//, `${file} must not be packaged`);
  }

  const vsix = join(stage, 'lr-lens.vsix');
  const packaged = spawnSync(
    process.execPath,
    [VSCE, 'package', '--no-dependencies', '--allow-missing-repository', '--no-rewrite-relative-links', '-o', vsix],
    { cwd: stage, encoding: 'utf8', input: 'y\n' },
  );
  assert.equal(packaged.status, 0, packaged.stderr + packaged.stdout);
  const size = statSync(vsix).size;
  console.log(`# .vsix: ${files.length} files, ${(size / 1024).toFixed(0)} KB`);
  assert.ok(size < 2 * 1024 * 1024, `the .vsix is ${size} bytes`);
});
