// Bundles the extension client, the language server, the CLI and the webview page script.
// Type checking is separate (`npm run typecheck`).
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
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
 * `yaml` names its CommonJS build for Node and its ES module build (the same sources) for everything else. Bundled
 * CommonJS is reached through a getter per access (`import_yaml.isMap(...)`), which the parser's hot loops pay
 * for; the ES module build is bundled as plain functions, and what is not used can be dropped.
 */
const yamlModuleBuild = {
  name: 'yaml-module-build',
  setup(build) {
    build.onResolve({ filter: /^yaml$/ }, () => ({
      path: requireHere.resolve('yaml/package.json').replace(/package\.json$/, 'browser/index.js'),
    }));
  },
};

const common = {
  bundle: true,
  plugins: [zodWithoutLocales, yamlModuleBuild],
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
    ...(shareProtocol && { plugins: [...node.plugins, sharedProtocol] }),
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
