// Issue 9, item 4: footprint. Production bundles (client + server + webview), the packaged .vsix, the client
// bundle's load time, and the language server's resident memory after opening the whole corpus.
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CORPUS_DIR, corpusFiles } from '../helpers/corpus';
import { LspTestClient, REPO } from '../helpers/lspClient';
import { figure, median } from './figures';

const KB = 1024;
const MB = 1024 * 1024;
const stage = mkdtempSync(join(tmpdir(), 'lr-lens-footprint-'));

async function main(): Promise<void> {
  // The extension as it would ship: production bundles in a copy of the package's files.
  const skip = new Set(['node_modules', '.git', 'dist', 'tmp', 'test-results', '.vscode-test', 'bench']);
  cpSync(REPO, stage, { recursive: true, filter: (source) => !skip.has(source.slice(REPO.length + 1).split('/')[0]!) });
  execFileSync(process.execPath, ['esbuild.mjs', '--production', `--outdir=${join(stage, 'dist')}`], { cwd: REPO, stdio: 'inherit' });
  const size = (file: string) => statSync(join(stage, 'dist', file)).size;
  const bundles = { client: size('client.js'), server: size('server.js'), webview: size('webview/curvePage.js') };
  for (const [name, bytes] of Object.entries(bundles)) figure(`production bundle ${name}`, bytes / KB, 'KB');
  figure('production bundle cli (not in the extension)', size('cli.js') / KB, 'KB');
  const extension = bundles.client + bundles.server + bundles.webview;
  figure('bundled extension, client + server + webview', extension / MB, 'MB', { op: '<=', value: 1 });

  const vsix = join(stage, 'lr-lens.vsix');
  const packaged = spawnSync(process.execPath, [join(REPO, 'node_modules', '@vscode', 'vsce', 'vsce'), 'package', '--no-dependencies', '--allow-missing-repository', '--skip-license', '--no-rewrite-relative-links', '-o', vsix], { cwd: stage, encoding: 'utf8', input: 'y\n' });
  if (packaged.status === 0 && existsSync(vsix)) {
    figure('packaged .vsix (vsce package --no-dependencies, production bundles)', statSync(vsix).size / MB, 'MB', { op: '<=', value: 1 });
  } else {
    console.error(`vsce package failed (exit ${packaged.status}): ${packaged.stderr}${packaged.stdout}`);
    process.exitCode = 1;
  }

  // Activation proper needs VS Code's extension host; here only the client bundle's load time (its require,
  // with a stand-in `vscode` module) is measured, which is the part of activation the bundle decides.
  const loads: number[] = [];
  for (let i = 0; i < 7; i++) {
    const script = `
      const Module = require('node:module');
      const resolve = Module._resolveFilename;
      Module._resolveFilename = function (request, ...rest) { return request === 'vscode' ? 'vscode' : resolve.call(this, request, ...rest); };
      require.cache.vscode = { id: 'vscode', filename: 'vscode', loaded: true, exports: new Proxy({}, { get: () => new Proxy(function () {}, { get: (t, k) => (k === 'prototype' ? {} : t) }) }) };
      const start = performance.now();
      require(${JSON.stringify(join(stage, 'dist', 'client.js'))});
      process.stdout.write(String(performance.now() - start));`;
    loads.push(Number(execFileSync(process.execPath, ['-e', script], { encoding: 'utf8' })));
  }
  figure('client bundle load (require, stand-in vscode module), median of 7', median(loads), 'ms', null, 'not extension-host activation, which needs VS Code (target <= 50 ms there)');

  // Resident memory of the language server after opening every corpus file and receiving its diagnostics.
  const files = corpusFiles();
  if (!files) {
    console.error(`corpus not found at ${CORPUS_DIR}`);
    process.exitCode = 1;
    return;
  }
  const client = await LspTestClient.start();
  try {
    const rssOf = () => Number(/VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${client.process.pid}/status`, 'utf8'))![1]) / KB;
    figure('server RSS after start', rssOf(), 'MB');
    for (const file of files) {
      const uri = `file://${file.path}`;
      await client.open(uri, file.text, file.name.endsWith('.json') ? 'json' : 'yaml');
      await client.diagnosticsFor(uri);
    }
    figure(`server RSS after opening the whole corpus (${files.length} files)`, rssOf(), 'MB', { op: '<=', value: 80 });
  } finally {
    await client.stop();
  }
}

main()
  .catch((error) => {
    console.error(error);
    process.exitCode = 1;
  })
  .finally(() => rmSync(stage, { recursive: true, force: true }));
