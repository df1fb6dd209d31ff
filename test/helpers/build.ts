import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const REPO = join(__dirname, '..', '..');
const OUTPUTS = [
  'dist/client.js',
  'dist/afterActivation.js',
  'dist/lsp-protocol.js',
  'dist/server.js',
  'dist/cli.js',
  'dist/webview/curvePage.js',
];
const SOURCES = ['server/src', 'client/src', 'client/webview', 'esbuild.mjs', 'package.json'];

function newestMtime(path: string): number {
  const stats = statSync(path);
  if (!stats.isDirectory()) return stats.mtimeMs;
  return readdirSync(path).reduce((newest, name) => Math.max(newest, newestMtime(join(path, name))), stats.mtimeMs);
}

/**
 * Builds dist/ (as `npm run build` does) only when a bundle is missing or older than a source. `npm test` builds
 * first, so suites running side by side never rewrite a bundle another one is running; a single test file run
 * after an edit still gets fresh bundles.
 */
export function ensureBuilt(): void {
  const outputs = OUTPUTS.map((file) => join(REPO, file));
  const oldest = outputs.every((file) => existsSync(file)) ? Math.min(...outputs.map((file) => statSync(file).mtimeMs)) : -Infinity;
  if (oldest >= Math.max(...SOURCES.map((source) => newestMtime(join(REPO, source))))) return;
  const built = spawnSync(process.execPath, ['esbuild.mjs'], { cwd: REPO, encoding: 'utf8' });
  assert.equal(built.status, 0, `the bundles must build:\n${built.stderr}`);
}
