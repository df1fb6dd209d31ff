// Bundles the extension-host test suite (test/vscode/suite/*.ts) to dist/test/vscode/suite/*.js: CommonJS for the
// extension host, `vscode` and `mocha` left to the host and node_modules. Used by the code-server runner and by
// .vscode-test.mjs (@vscode/test-cli).
import * as esbuild from 'esbuild';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';

const root = new URL('../..', import.meta.url).pathname;
const suiteDir = join(root, 'test', 'vscode', 'suite');
export const SUITE_OUT = join(root, 'dist', 'test', 'vscode', 'suite');

export async function buildSuite() {
  await esbuild.build({
    entryPoints: readdirSync(suiteDir)
      .filter((f) => f.endsWith('.ts'))
      .map((f) => join(suiteDir, f)),
    outdir: SUITE_OUT,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node18',
    sourcemap: 'inline',
    external: ['vscode', 'mocha'],
    logLevel: 'warning',
  });
  return SUITE_OUT;
}

if (process.argv[1] === new URL(import.meta.url).pathname) await buildSuite();
