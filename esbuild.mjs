// Bundles the extension client, the language server, the CLI and the webview page script.
// Type checking is separate (`npm run typecheck`).
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';

const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');
/** `--outdir=DIR` writes the bundles elsewhere than dist/ (the footprint benchmark builds production bundles aside). */
const outdir = process.argv.find((arg) => arg.startsWith('--outdir='))?.slice('--outdir='.length) ?? 'dist';

/**
 * zod bundles every locale (about 260 KB minified) through `export * as locales`; LR Lens writes its own
 * messages and uses only the default English one, so the namespace is replaced by an empty module.
 */
const zodWithoutLocales = {
  name: 'zod-without-locales',
  setup(build) {
    build.onResolve({ filter: /^\.\.\/locales\/index\.c?js$/ }, (args) =>
      /[\\/]zod[\\/]/.test(args.importer) ? { path: 'zod-locales', namespace: 'zod-locales-stub' } : undefined,
    );
    build.onLoad({ filter: /.*/, namespace: 'zod-locales-stub' }, () => ({ contents: 'export {};', loader: 'js' }));
  },
};

/**
 * The client (vscode-languageclient) and the server (vscode-languageserver) each need the same LSP protocol
 * stack, vscode-languageserver-protocol with vscode-jsonrpc and vscode-languageserver-types (about 140 KB
 * minified): both pin the same protocol version. It is bundled once, into `lsp-protocol.js` beside them,
 * which both bundles require at run time (one process each, so nothing is shared at run time but the file).
 * `vscode-languageserver-protocol` and `vscode-languageserver-protocol/node` stay the two modules they are.
 * Should the two packages ever pin different versions, each bundle keeps its own copy (with a warning).
 */
const SHARED_PROTOCOL = 'lsp-protocol.js';
const requireHere = createRequire(import.meta.url);
const clientLib = requireHere.resolve('vscode-languageclient/node');
const serverLib = requireHere.resolve('vscode-languageserver/node');
const protocolVersion = (lib) => {
  const main = createRequire(lib).resolve('vscode-languageserver-protocol/node');
  const root = main.slice(0, main.lastIndexOf('vscode-languageserver-protocol') + 'vscode-languageserver-protocol'.length);
  return JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).version;
};
const shareProtocol = protocolVersion(clientLib) === protocolVersion(serverLib);
if (!shareProtocol) {
  console.warn(
    `esbuild.mjs: vscode-languageclient and vscode-languageserver use different vscode-languageserver-protocol versions (${protocolVersion(clientLib)}, ${protocolVersion(serverLib)}); each bundle gets its own copy.`,
  );
}
const sharedProtocol = {
  name: 'shared-lsp-protocol',
  setup(build) {
    build.onResolve({ filter: /^vscode-languageserver-protocol(\/node)?$/ }, (args) => ({
      path: args.path,
      namespace: 'shared-lsp-protocol',
    }));
    build.onLoad({ filter: /.*/, namespace: 'shared-lsp-protocol' }, (args) => ({
      contents: `module.exports = require('./${SHARED_PROTOCOL}').${args.path.endsWith('/node') ? 'node' : 'common'};`,
      loader: 'js',
    }));
    build.onResolve({ filter: /^\.\/lsp-protocol\.js$/, namespace: 'shared-lsp-protocol' }, (args) => ({
      path: args.path,
      external: true,
    }));
  },
};
const protocolEntry = {
  contents: "module.exports = { common: require('vscode-languageserver-protocol'), node: require('vscode-languageserver-protocol/node') };",
  resolveDir: dirname(clientLib),
  sourcefile: 'lsp-protocol.js',
  loader: 'js',
};

/**
 * vscode-languageclient calls semver for one thing: `LanguageClient.checkVersion` parses `vscode.version` and tests it
 * against a caret range. client/src/languageClientSemver.ts does exactly that in a few lines, in place of the semver
 * package (about 20 KB minified). The swap is made only while the library still asks nothing else of semver:
 * `semver/functions/parse` and `semver/functions/satisfies` required by lib/node/main.js alone, with
 * REQUIRED_VSCODE_VERSION a caret range; otherwise the client bundles semver itself (with a warning).
 */
const clientLibRoot = clientLib.slice(0, clientLib.lastIndexOf('vscode-languageclient') + 'vscode-languageclient'.length);
const semverUses = (dir) =>
  readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith('.js'))
    .flatMap((file) =>
      [...readFileSync(join(dir, file), 'utf8').matchAll(/require\(["'](semver[^"']*)["']\)/g)].map((m) => `${file.replaceAll('\\', '/')}:${m[1]}`),
    )
    .sort();
const clientMain = readFileSync(join(clientLibRoot, 'lib', 'node', 'main.js'), 'utf8');
const shimSemver =
  semverUses(join(clientLibRoot, 'lib')).join() === 'node/main.js:semver/functions/parse,node/main.js:semver/functions/satisfies' &&
  /const REQUIRED_VSCODE_VERSION = '\^[1-9]\d*\.\d+\.\d+';/.test(clientMain);
if (!shimSemver) {
  console.warn('esbuild.mjs: vscode-languageclient asks more of semver than languageClientSemver.ts covers; the client bundles semver.');
}
const languageClientSemver = {
  name: 'language-client-semver',
  setup(build) {
    build.onResolve({ filter: /^semver\/functions\/(parse|satisfies)$/ }, (args) =>
      args.importer.startsWith(join(clientLibRoot, 'lib', 'node')) ? { path: args.path, namespace: 'language-client-semver' } : undefined,
    );
    build.onLoad({ filter: /.*/, namespace: 'language-client-semver' }, (args) => ({
      contents: `module.exports = require('./client/src/languageClientSemver').${args.path.slice('semver/functions/'.length)};`,
      resolveDir: dirname(fileURLToPath(import.meta.url)),
      loader: 'js',
    }));
  },
};

const common = {
  bundle: true,
  plugins: [zodWithoutLocales],
  sourcemap: !production,
  minify: production,
  logLevel: 'warning',
};

const node = { ...common, platform: 'node', format: 'cjs', target: 'node18' };

const builds = [
  // activate() needs only extension.ts; what it loads afterwards (vscode-languageclient, the curve panel) is a file of its own.
  { ...node, entryPoints: ['client/src/extension.ts'], outfile: `${outdir}/client.js`, external: ['vscode', './afterActivation'] },
  {
    ...node,
    entryPoints: ['client/src/afterActivation.ts'],
    outfile: `${outdir}/afterActivation.js`,
    external: ['vscode'],
    plugins: [...node.plugins, ...(shareProtocol ? [sharedProtocol] : []), ...(shimSemver ? [languageClientSemver] : [])],
  },
  {
    ...node,
    entryPoints: ['server/src/lsp/main.ts'],
    outfile: `${outdir}/server.js`,
    ...(shareProtocol && { plugins: [...node.plugins, sharedProtocol] }),
  },
  ...(shareProtocol ? [{ ...node, stdin: protocolEntry, outfile: `${outdir}/${SHARED_PROTOCOL}` }] : []),
  { ...node, entryPoints: ['server/src/cli/main.ts'], outfile: `${outdir}/cli.js` },
  {
    ...common,
    platform: 'browser',
    format: 'iife',
    target: 'es2020',
    entryPoints: ['client/webview/curvePage.ts'],
    outfile: `${outdir}/webview/curvePage.js`,
  },
];

if (watch) {
  for (const options of builds) {
    const context = await esbuild.context(options);
    await context.watch();
  }
} else {
  await Promise.all(builds.map((options) => esbuild.build(options)));
}
