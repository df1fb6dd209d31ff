// @vscode/test-cli configuration (`npx vscode-test`), for machines that can download VS Code (or have it in
// .vscode-test/). It runs the same extension-host suite the offline code-server runner runs (test/vscode/codeServer.test.ts).
import { defineConfig } from '@vscode/test-cli';
import { buildSuite } from './test/vscode/buildSuite.mjs';

await buildSuite();

export default defineConfig({
  label: 'extension',
  files: 'dist/test/vscode/suite/*.suite.js',
  workspaceFolder: './examples',
  version: '1.100.3',
  launchArgs: ['--disable-extensions'],
  mocha: { ui: 'tdd', timeout: 60_000 },
});
