// Bundles the extension client, the language server, the CLI and the webview page script.
// Type checking is separate (`npm run typecheck`).
import { createHash } from 'node:crypto';
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
      [...readFileSync(join(dir, file), 'utf8').matchAll(/require\(["'](semver[^"']*)["']\)/g)].map(
        (m) => `${file.replaceAll('\\', '/')}:${m[1]}`,
      ),
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

/**
 * vscode-languageclient requires minimatch (with brace-expansion, about 27 KB minified) only to match the glob
 * filters a server registers: file-operation filters and the `pattern` of pull-diagnostic and notebook document
 * filters. The LR Lens server registers none, so the client bundles client/src/languageClientMinimatch.ts instead,
 * which fails loudly if ever reached. The swap is made only while lib/common/fileOperations.js and
 * lib/common/utils/globPattern.js are the only files that require minimatch; otherwise minimatch is bundled (with a
 * warning).
 */
const minimatchUses = readdirSync(join(clientLibRoot, 'lib'), { recursive: true, encoding: 'utf8' })
  .filter((file) => file.endsWith('.js') && /require\(["']minimatch["']\)/.test(readFileSync(join(clientLibRoot, 'lib', file), 'utf8')))
  .map((file) => file.replaceAll('\\', '/'))
  .sort();
const shimMinimatch = minimatchUses.join() === 'common/fileOperations.js,common/utils/globPattern.js';
if (!shimMinimatch) {
  console.warn(`esbuild.mjs: minimatch is required by ${minimatchUses.join(', ')} in vscode-languageclient; the client bundles minimatch.`);
}
const languageClientMinimatch = {
  name: 'language-client-minimatch',
  setup(build) {
    build.onResolve({ filter: /^minimatch$/ }, (args) =>
      args.importer.startsWith(join(clientLibRoot, 'lib', 'common'))
        ? { path: args.path, namespace: 'language-client-minimatch' }
        : undefined,
    );
    build.onLoad({ filter: /.*/, namespace: 'language-client-minimatch' }, () => ({
      contents: "module.exports = require('./client/src/languageClientMinimatch');",
      resolveDir: dirname(fileURLToPath(import.meta.url)),
      loader: 'js',
    }));
  },
};

/**
 * yaml's package.json serves Node its CommonJS build (dist/), of which a bundle keeps every module, and everything
 * else its ES module build (browser/dist/, compiled from the same sources), of which a bundle keeps only what is used
 * (about 18 KB less). The two differ only where they reach for Node: warnings (process.emitWarning in dist/log.js,
 * console.warn in the ES build), the LOG_TOKENS / LOG_STREAM debugging switches of yaml's own developers, and
 * `!!binary` (Buffer, or atob/btoa: LR Lens reads no binary scalars). So Node bundles take the ES build, with the
 * CommonJS log.js (which requires only `process`) so that warnings stay process warnings.
 */
const yamlCommonJs = requireHere.resolve('yaml');
const yamlRoot = yamlCommonJs.slice(0, yamlCommonJs.lastIndexOf(join('dist', 'index.js')));
const yamlEsModules = {
  name: 'yaml-es-modules',
  setup(build) {
    build.onResolve({ filter: /^yaml$/ }, () => ({ path: join(yamlRoot, 'browser', 'dist', 'index.js') }));
    build.onResolve({ filter: /^(\.\.?\/)+log\.js$/ }, (args) =>
      args.importer.startsWith(join(yamlRoot, 'browser', 'dist')) ? { path: join(yamlRoot, 'dist', 'log.js') } : undefined,
    );
  },
};

/**
 * What TypeScript writes over and over in the CommonJS files of vscode-languageclient, -server, -protocol and
 * vscode-jsonrpc, written once per bundle instead (about 60 KB less over the client, server and protocol bundles):
 *
 * - The helpers (__createBinding, __importStar, __exportStar, ...) at the top of every file that needs them; with its
 *   `importHelpers` option TypeScript would require them from tslib instead. The run of helper definitions at the top
 *   of a file (each `var __name = (this && this.__name) || ...`, up to `Object.defineProperty(exports, "__esModule",
 *   ...)`) becomes require() calls of modules that each hold one helper's text exactly. The helpers behave as before:
 *   `this` is then that module's exports, as empty when the helper is defined as each file's own exports were.
 * - One statement per re-exported name, `Object.defineProperty(exports, "X", { enumerable: true, get: function () {
 *   return m_1.X; } });`: a run of them over one module becomes one call that defines the same getters, in the same
 *   order, on the same object (`m_1` is the file's only binding of that name, assigned once by its require()).
 * - Every file's `Object.defineProperty(exports, "__esModule", { value: true });`, which becomes a call of a function
 *   that makes that very call.
 *
 * Only text of exactly these forms is rewritten, with the same number of lines (source maps still hold); a file
 * without them is bundled as it is.
 */
const HELPER_RUN =
  /^(?:var (__\w+) = \(this && this\.\1\) \|\| [^]*?)(?=^Object\.defineProperty\(exports, "__esModule", \{ value: true \}\);$)/m;
const HELPER_START = /^var (__\w+) = \(this && this\.\1\) \|\| /;
const REEXPORT = /^Object\.defineProperty\(exports, "([\w$]+)", \{ enumerable: true, get: function \(\) \{ return ([\w$]+)\.\1; \} \}\);$/;
const ES_MODULE_MARK = /^Object\.defineProperty\(exports, "__esModule", \{ value: true \}\);$/m;
const ES_MODULE_MODULE = `"use strict";
module.exports = function markEsModule(target) {
  Object.defineProperty(target, "__esModule", { value: true });
};
`;
const REEXPORT_MODULE = `"use strict";
module.exports = function reexport(target, source, names) {
  for (const name of names) Object.defineProperty(target, name, { enumerable: true, get: function () { return source[name]; } });
};
`;

/**
 * The file with its run of helpers replaced by require() calls of shared modules, one per helper (recorded in
 * `helpers`): a helper's module is keyed by its text and by the modules of the helpers it calls, so every file whose
 * helper has the same text and calls the same helpers shares it.
 */
function shareHelpers(text, helpers) {
  const run = HELPER_RUN.exec(text);
  // Only "use strict" and comments before the run, and nothing in it but helpers: every line that is not indented
  // starts a helper or closes one (`}`, `)`).
  const withoutComments = (code) => code.replace(/\/\*[^]*?\*\/|\/\/.*$/gm, '').trim();
  if (!run || withoutComments(text.slice(0, run.index)) !== '"use strict";') return text;
  const lines = run[0].split('\n');
  if (!lines.every((line) => line === '' || /^\s/.test(line) || HELPER_START.test(line) || /^[})]/.test(line))) return text;
  const starts = lines.flatMap((line, i) => (HELPER_START.test(line) ? [i] : []));
  const names = starts.map((from) => HELPER_START.exec(lines[from])[1]);
  const keys = new Map();
  for (const [n, from] of starts.entries()) {
    const name = names[n];
    const definition = lines.slice(from, starts[n + 1] ?? lines.length).join('\n');
    const body = definition.replace(HELPER_START, '');
    // A helper may call only those defined before it (as TypeScript orders them), which its module then requires.
    if (names.slice(n).some((later) => new RegExp(`\\b${later}\\b`).test(body))) return text;
    const calls = [...keys].filter(([other]) => new RegExp(`\\b${other}\\b`).test(body)).map(([other, key]) => ({ name: other, key }));
    const hash = createHash('sha256').update(JSON.stringify([definition, calls]));
    const key = hash.digest('hex').slice(0, 16);
    helpers.set(key, { name, definition, calls });
    keys.set(name, key);
  }
  const rest = text.slice(run.index + run[0].length);
  // Helpers the rest of the file never names (those only other helpers call) need no binding of their own.
  const bindings = [...keys].filter(([name]) => new RegExp(`\\b${name}\\b`).test(rest));
  const declaration = bindings.length
    ? `var ${bindings.map(([name, key]) => `${name} = require('typescript-helpers:${key}')`).join(', ')};`
    : '';
  return text.slice(0, run.index) + declaration + '\n'.repeat(lines.length - 1) + rest;
}

/** The file with each run of re-export getters over one module replaced by one call of the shared `reexport`. */
function shareReexports(text) {
  if (!text.includes('{ enumerable: true, get: function () { return ')) return text;
  const lines = text.split('\n');
  /** The line that assigns `binding` its module: the file's only assignment to it, a require() above the getters. */
  const requireLine = (binding) => {
    const name = binding.replace(/\$/g, '\\$');
    if ((text.match(new RegExp(`(?<![\\w$.])${name}\\s*=(?![=>])`, 'g')) ?? []).length !== 1) return -1;
    const declaration = new RegExp(`^(?:const|var|let) ${name} = (?:__importStar\\()?require\\("[^"]+"\\)\\)?;$`);
    return lines.findIndex((line) => declaration.test(line));
  };
  for (let i = 0; i < lines.length; i++) {
    const first = REEXPORT.exec(lines[i]);
    if (!first) continue;
    const assigned = requireLine(first[2]);
    if (assigned === -1 || assigned > i) continue;
    const names = [first[1]];
    let j = i + 1;
    for (let next; j < lines.length && (next = REEXPORT.exec(lines[j])) && next[2] === first[2]; j++) names.push(next[1]);
    lines.splice(
      i,
      j - i,
      `require('typescript-helpers:reexport')(exports, ${first[2]}, ${JSON.stringify(names)});`,
      ...Array(j - i - 1).fill(''),
    );
    i = j - 1;
  }
  return lines.join('\n');
}

const helpers = new Map();
const sharedTypeScriptHelpers = {
  name: 'shared-typescript-helpers',
  setup(build) {
    build.onLoad({ filter: /[\\/]node_modules[\\/].*\.js$/ }, (args) => {
      const text = readFileSync(args.path, 'utf8');
      if (!text.startsWith('"use strict";') || !text.includes('Object.defineProperty(exports, "__esModule", { value: true });'))
        return undefined;
      const compact = shareReexports(shareHelpers(text, helpers)).replace(
        ES_MODULE_MARK,
        "require('typescript-helpers:es-module')(exports);",
      );
      return compact === text ? undefined : { contents: compact, loader: 'js', resolveDir: dirname(args.path) };
    });
    build.onResolve({ filter: /^typescript-helpers:/ }, (args) => ({
      path: args.path.slice('typescript-helpers:'.length),
      namespace: 'typescript-helpers',
    }));
    build.onLoad({ filter: /.*/, namespace: 'typescript-helpers' }, (args) => {
      if (args.path === 'reexport') return { contents: REEXPORT_MODULE, loader: 'js' };
      if (args.path === 'es-module') return { contents: ES_MODULE_MODULE, loader: 'js' };
      const helper = helpers.get(args.path);
      if (!helper) return { errors: [{ text: `no TypeScript helper recorded for ${args.path}` }] };
      const calls = helper.calls.map(({ name, key }) => `var ${name} = require('typescript-helpers:${key}');\n`).join('');
      return { contents: `"use strict";\n${calls}${helper.definition}\nmodule.exports = ${helper.name};\n`, loader: 'js' };
    });
  },
};

const common = {
  bundle: true,
  plugins: [zodWithoutLocales],
  sourcemap: !production,
  minify: production,
  logLevel: 'warning',
};

// Strings keep non-ASCII characters (≈ × → …) as \u escapes (esbuild's default charset): a few hundred bytes more,
// but V8 then holds each bundle's source as a one-byte string, where one character beyond Latin-1 makes it two bytes
// per character (0.6 MB more resident memory for the server).
const node = {
  ...common,
  plugins: [...common.plugins, yamlEsModules, sharedTypeScriptHelpers],
  platform: 'node',
  format: 'cjs',
  target: 'node18',
};

const builds = [
  // activate() needs only extension.ts; what it loads afterwards (vscode-languageclient, the curve panel) is a file of its own.
  { ...node, entryPoints: ['client/src/extension.ts'], outfile: `${outdir}/client.js`, external: ['vscode', './afterActivation'] },
  {
    ...node,
    entryPoints: ['client/src/afterActivation.ts'],
    outfile: `${outdir}/afterActivation.js`,
    external: ['vscode'],
    plugins: [
      ...node.plugins,
      ...(shareProtocol ? [sharedProtocol] : []),
      ...(shimSemver ? [languageClientSemver] : []),
      ...(shimMinimatch ? [languageClientMinimatch] : []),
    ],
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
