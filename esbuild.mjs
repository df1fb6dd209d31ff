// Bundles the extension client, the language server, the CLI and the webview page script.
// Type checking is separate (`npm run typecheck`).
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

const common = {
  bundle: true,
  plugins: [zodWithoutLocales],
  sourcemap: !production,
  minify: production,
  logLevel: 'warning',
};

const node = { ...common, platform: 'node', format: 'cjs', target: 'node18' };

const builds = [
  { ...node, entryPoints: ['client/src/extension.ts'], outfile: `${outdir}/client.js`, external: ['vscode'] },
  { ...node, entryPoints: ['server/src/lsp/main.ts'], outfile: `${outdir}/server.js` },
  { ...node, entryPoints: ['server/src/cli/main.ts'], outfile: `${outdir}/cli.js` },
  { ...common, platform: 'browser', format: 'iife', target: 'es2020', entryPoints: ['client/webview/curvePage.ts'], outfile: `${outdir}/webview/curvePage.js` },
];

if (watch) {
  for (const options of builds) {
    const context = await esbuild.context(options);
    await context.watch();
  }
} else {
  await Promise.all(builds.map((options) => esbuild.build(options)));
}
