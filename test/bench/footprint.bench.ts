// Issue 9, item 4: footprint. Production bundles (client + server + webview), the packaged .vsix, the client
// bundle's load time, and the language server's resident memory after opening the whole corpus.
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CORPUS_DIR, corpusFiles } from '../helpers/corpus';
import { REPO } from '../helpers/lspClient';
import { must } from '../helpers/must';
import { figure, median } from './figures';
import { StdioLanguageServer } from './stdioLanguageServer';

const KB = 1024;
const MB = 1024 * 1024;
const stage = mkdtempSync(join(tmpdir(), 'lr-lens-footprint-'));

async function main(): Promise<void> {
  // The extension as it would ship: production bundles in a copy of the package's files.
  const skip = new Set(['node_modules', '.git', 'dist', 'tmp', 'test-results', '.vscode-test', 'bench']);
  cpSync(REPO, stage, {
    recursive: true,
    filter: (source) => !skip.has(must(source.slice(REPO.length + 1).split('/')[0], `the top folder of ${source}`)),
  });
  execFileSync(process.execPath, ['esbuild.mjs', '--production', `--outdir=${join(stage, 'dist')}`], { cwd: REPO, stdio: 'inherit' });
  const size = (file: string) => statSync(join(stage, 'dist', file)).size;
  // Every bundle the extension ships (the CLI's is packaged too but is not part of the extension).
  const shipped = readdirSync(join(stage, 'dist'), { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith('.js') && file !== 'cli.js')
    .sort();
  for (const file of shipped) figure(`production bundle ${file}`, size(file) / KB, 'KB');
  figure('production bundle cli.js (not in the extension)', size('cli.js') / KB, 'KB');
  const extension = shipped.reduce((sum, file) => sum + size(file), 0);
  figure(`bundled extension (${shipped.join(' + ')})`, extension / MB, 'MB', { op: '<=', value: 1 });

  const vsix = join(stage, 'lr-lens.vsix');
  const packaged = spawnSync(
    process.execPath,
    [
      join(REPO, 'node_modules', '@vscode', 'vsce', 'vsce'),
      'package',
      '--no-dependencies',
      '--allow-missing-repository',
      '--skip-license',
      '--no-rewrite-relative-links',
      '-o',
      vsix,
    ],
    { cwd: stage, encoding: 'utf8', input: 'y\n' },
  );
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
  figure(
    'client.js load (require, stand-in vscode module), median of 7',
    median(loads),
    'ms',
    null,
    'what activate() loads; activation itself is measured in the extension host by activation.bench.ts',
  );

  // Resident memory of the language server after opening every corpus file and receiving its diagnostics.
  const files = corpusFiles();
  if (!files) {
    console.error(`corpus not found at ${CORPUS_DIR}`);
    process.exitCode = 1;
    return;
  }
  // The production server as it ships, started the way the README tells other editors to (`node` on the bin, over
  // stdio; the bin only loads dist/server.js, which VS Code's client forks directly). Its heap settings are set
  // from inside the bundle, so every way of starting it gets them (server/src/lsp/heap.ts).
  const server = await StdioLanguageServer.start([join(stage, 'bin', 'lr-lens-language-server.js'), '--stdio'], () => ({}), stage);
  try {
    const status = () => readFileSync(`/proc/${server.process.pid}/status`, 'utf8');
    const kbOf = (field: string, text: string) =>
      Number(must(new RegExp(`${field}:\\s+(\\d+) kB`).exec(text)?.[1], `${field} in the server's /proc status`)) / KB;
    /** RSS, and its split: anonymous memory (heap, malloc) and file-backed pages (mostly the node binary's code). */
    const rss = () => {
      const text = status();
      return {
        total: kbOf('VmRSS', text),
        note: `anonymous ${kbOf('RssAnon', text).toFixed(1)} MB + file-backed ${kbOf('RssFile', text).toFixed(1)} MB`,
      };
    };
    await new Promise((resolve) => setTimeout(resolve, 500));
    const started = rss();
    figure('server RSS after start (production bundle)', started.total, 'MB', null, started.note);
    for (const file of files) {
      const uri = `file://${file.path}`;
      const from = server.publications.length;
      await server.connection.sendNotification('textDocument/didOpen', {
        textDocument: { uri, languageId: file.name.endsWith('.json') ? 'json' : 'yaml', version: 1, text: file.text },
      });
      await server.publication(uri, from, () => true);
    }
    const opened = rss();
    figure(
      `server RSS after opening the whole corpus (${files.length} files), at the last file's diagnostics`,
      opened.total,
      'MB',
      { op: '<=', value: 80 },
      opened.note,
    );
    // The server runs one full collection 1 s after its last work (heap.ts); this is what it holds from then on.
    await new Promise((resolve) => setTimeout(resolve, 2500));
    const settled = rss();
    figure('server RSS 2.5 s after the last diagnostics (idle)', settled.total, 'MB', null, settled.note);
  } finally {
    await server.stop();
  }
}

main()
  .catch((error) => {
    console.error(error);
    process.exitCode = 1;
  })
  .finally(() => rmSync(stage, { recursive: true, force: true }));
