// Issue 9: activation <= 50 ms, measured in VS Code's extension host. code-server (VS Code 1.100 and its Node extension
// host, offline) loads LR Lens as it ships (production bundles staged beside package.json) with an extension-test
// entry (test/vscode/bench/activationProbe.ts) that, before any YAML or JSON document is open, times
// `vscode.extensions.getExtension(ID).activate()`: loading dist/client.js, calling activate() and awaiting its promise.
// Each run is a fresh workbench page, hence a fresh extension host (and a fresh workspace folder); the figure is the
// median. VS Code's own record of the same activation (Developer: Startup Performance: Load Code + Call Activate, what
// its Running Extensions view shows as "Activation") is the cross-check.
// No download at run time: without the cached code-server install (test/vscode/codeServerInstall.ts) the figure is not
// measured, says so loudly and the bench fails.
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import * as esbuild from 'esbuild';
import { launchChromium, requireChromium } from '../helpers/chromium';
import { REPO } from '../helpers/lspClient';
import { must } from '../helpers/must';
import { codeServerInstalled, CODE_SERVER_ENTRY } from '../vscode/codeServerInstall';
import { runExtensionHostEntry, startCodeServer, workspaceCopy, type CodeServer } from '../vscode/codeServerHarness';
import { figure, median } from './figures';

const RUNS = Number(process.env['ACTIVATION_RUNS'] ?? 7);
const TARGET_MS = 50;
/** Another client entry to measure instead (e.g. an older extension.ts copied beside client/src), for comparisons. */
const BASELINE_ENTRY = process.env['ACTIVATION_CLIENT_ENTRY'];

interface Sample {
  activate: number;
  emptyActivate: number;
  firstDiagnostics: number;
  serverAtActivation: number;
  settled: boolean;
  vscode: { loadCode: number; callActivate: number; finishActivate: number; event: string } | { error: string };
}

async function main(): Promise<void> {
  if (!codeServerInstalled()) {
    const line = '!'.repeat(100);
    console.error(
      `${line}\nACTIVATION NOT MEASURED: code-server is not installed at ${CODE_SERVER_ENTRY}.\n` +
        'This bench never downloads; install it once with `node --import tsx test/vscode/codeServerInstall.ts` ' +
        `(or run \`node test/run.mjs vscode\`), then run \`node test/bench/run.mjs activation\`.\n${line}`,
    );
    process.exitCode = 1;
    return;
  }
  requireChromium();
  const root = mkdtempSync(join(tmpdir(), 'lr-lens-activation-'));
  let server: CodeServer | undefined;
  let chromium: Awaited<ReturnType<typeof launchChromium>> | undefined;
  try {
    // LR Lens as it ships: its manifest, grammars, icon and the production bundles.
    const extension = join(root, 'lr-lens');
    mkdirSync(extension);
    for (const item of ['syntaxes', 'media', 'LICENSE']) cpSync(join(REPO, item), join(extension, item), { recursive: true });
    // One change to the manifest: no activation events, so only the probe activates LR Lens. With them, the workbench
    // activates it at startup on `onLanguage:jsonc` even with no document open (it asks for JSONC language features
    // itself), alongside the JSON and TypeScript extensions, before the probe could time anything.
    const manifest = JSON.parse(readFileSync(join(REPO, 'package.json'), 'utf8')) as { activationEvents: string[] };
    manifest.activationEvents = [];
    writeFileSync(join(extension, 'package.json'), JSON.stringify(manifest, null, 2));
    execFileSync(process.execPath, ['esbuild.mjs', '--production', `--outdir=${join(extension, 'dist')}`], { cwd: REPO, stdio: 'inherit' });
    if (BASELINE_ENTRY) {
      // For before/after comparisons only: the client bundle built as esbuild.mjs builds it, from another entry.
      await esbuild.build({
        entryPoints: [BASELINE_ENTRY],
        outfile: join(extension, 'dist', 'client.js'),
        bundle: true,
        minify: true,
        platform: 'node',
        format: 'cjs',
        target: 'node18',
        external: ['vscode'],
        logLevel: 'warning',
      });
      console.log(`client bundle built from ${BASELINE_ENTRY} (ACTIVATION_CLIENT_ENTRY), not client/src/extension.ts`);
    }
    // An extension that does nothing on activation: VS Code's own share of any activation through the same API.
    // (Unpacked in the extensions folder code-server starts with: a workbench takes one extensionDevelopmentPath.)
    const empty = join(root, 'extensions', 'lr-lens-bench.empty-0.0.0');
    mkdirSync(empty, { recursive: true });
    writeFileSync(
      join(empty, 'package.json'),
      JSON.stringify({
        name: 'empty',
        publisher: 'lr-lens-bench',
        version: '0.0.0',
        engines: { vscode: '^1.91.0' },
        main: './main.js',
        activationEvents: [],
      }),
    );
    writeFileSync(join(empty, 'main.js'), 'exports.activate = () => {};\n');
    const probe = join(root, 'probe', 'activationProbe.js');
    await esbuild.build({
      entryPoints: [join(REPO, 'test', 'vscode', 'bench', 'activationProbe.ts')],
      outfile: probe,
      bundle: true,
      platform: 'node',
      format: 'cjs',
      target: 'node18',
      external: ['vscode'],
      logLevel: 'warning',
    });

    // dist/client.js alone, or with afterActivation.js beside it (a build that emits the after-activation code apart).
    const split = existsSync(join(extension, 'dist', 'afterActivation.js'));
    const bundleNote = `client bundle ${(statSync(join(extension, 'dist', 'client.js')).size / 1024).toFixed(0)} KB${split ? ' (+ afterActivation.js, loaded after activation)' : ', one file (after-activation code bundled in, parsed at load, run later)'}`;
    console.log(bundleNote);
    server = await startCodeServer(CODE_SERVER_ENTRY, root);
    chromium = await launchChromium({ viewport: { width: 1200, height: 800 } });
    const samples: Sample[] = [];
    for (let run = 0; run < RUNS; run++) {
      const { code, log } = await runExtensionHostEntry(chromium.context, server, {
        folder: workspaceCopy(root, `workspace-${run}`),
        extensionDevelopmentPath: extension,
        extensionTestsPath: probe,
        timeoutMs: 120_000,
      });
      const line = log.find((l) => l.includes('LR-LENS-ACTIVATION '));
      if (code !== 0 || !line)
        throw new Error(
          `activation probe failed (exit ${code}):\n${log.join('\n')}\n--- code-server ---\n${server.output.join('').slice(-3000)}`,
        );
      const sample = JSON.parse(line.slice(line.indexOf('LR-LENS-ACTIVATION ') + 'LR-LENS-ACTIVATION '.length)) as Sample;
      samples.push(sample);
      const own =
        'error' in sample.vscode
          ? sample.vscode.error
          : `VS Code: load code ${sample.vscode.loadCode} + call activate ${sample.vscode.callActivate} ms, finish ${sample.vscode.finishActivate} ms (${sample.vscode.event})`;
      const load = must(loadavg()[0], 'the 1-minute load average').toFixed(2);
      console.log(
        `run ${run + 1}/${RUNS}: activate() ${sample.activate.toFixed(1)} ms (an empty extension: ${sample.emptyActivate.toFixed(1)} ms); ${own}; first diagnostics ${sample.firstDiagnostics.toFixed(0)} ms; ` +
          `server processes at activation: ${sample.serverAtActivation}${sample.settled ? '' : '; host never idle before measuring'}; load ${load}`,
      );
    }

    figure(
      `LR Lens activation in the extension host: getExtension().activate() (code load + activate() + its promise), production bundle, median of ${RUNS} fresh hosts`,
      median(samples.map((s) => s.activate)),
      'ms',
      { op: '<=', value: TARGET_MS },
      `code-server 4.100.3 (VS Code 1.100.3); ${bundleNote}; activation leaves the commands registered and the server process started`,
    );
    figure(
      `the same for an extension whose activate() does nothing (VS Code's share), median of ${RUNS}`,
      median(samples.map((s) => s.emptyActivate)),
      'ms',
      null,
      'context for the figure above',
    );
    const own = samples.flatMap((s) => ('error' in s.vscode ? [] : [s.vscode]));
    if (own.length === samples.length) {
      figure(
        `VS Code's own activation time for LR Lens (Load Code + Call Activate, Startup Performance view), median of ${RUNS}`,
        median(own.map((s) => s.loadCode + s.callActivate)),
        'ms',
        { op: '<=', value: TARGET_MS },
        'what Running Extensions shows as "Activation"',
      );
      figure(
        `VS Code's Finish Activate for LR Lens (until activate()'s promise settled), median of ${RUNS}`,
        median(own.map((s) => s.finishActivate)),
        'ms',
      );
    } else {
      console.error(
        `VS Code's own activation record could not be read: ${samples.flatMap((s) => ('error' in s.vscode ? [s.vscode.error] : [])).join('; ')}`,
      );
    }
    figure(
      `activate() call to the first diagnostics on a config opened right after, median of ${RUNS}`,
      median(samples.map((s) => s.firstDiagnostics)),
      'ms',
      null,
      'includes the language client and server start and the analysis',
    );
  } finally {
    await chromium?.close();
    await server?.stop();
    rmSync(root, { recursive: true, force: true });
  }
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
