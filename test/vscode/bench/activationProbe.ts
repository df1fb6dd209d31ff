// Runs inside VS Code's extension host (loaded as an extension-test entry by test/bench/activation.bench.ts), with
// LR Lens installed but not yet activated (no YAML or JSON document open). It times what VS Code's own activation time
// counts and a little more: `getExtension(ID).activate()` from the call until its promise settles, i.e. loading the
// extension's code (require of dist/client.js), calling activate() and waiting for the promise it returns. Then it
// checks activation left the extension working (commands registered, the language server process started), times the
// first diagnostics on a config opened right after, and reads VS Code's own record of the activation from the
// "Developer: Startup Performance" view. One JSON line, prefixed LR-LENS-ACTIVATION, carries the numbers out.
import { execFileSync } from 'node:child_process';
import { performance } from 'node:perf_hooks';
import * as vscode from 'vscode';

const EXTENSION_ID = 'lr-lens.lr-lens';
/** An extension whose activate() does nothing (staged by the bench): the floor VS Code itself puts under any activation. */
const EMPTY_ID = 'lr-lens-bench.empty';

async function waitFor<T>(
  what: string,
  probe: () => T | undefined | false | Promise<T | undefined | false>,
  timeoutMs = 30_000,
  everyMs = 5,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, everyMs));
  }
}

/**
 * Waits until the extension host and the workbench are idle (their own startup work done), so the figure is LR Lens's
 * and not the noise of a window still starting: five 20 ms timers in a row each fire within 4 ms of their due time,
 * and a command round trip to the workbench (setContext) takes under 10 ms three times in a row. Bounded at 30 s;
 * returns whether it settled.
 */
async function settle(): Promise<boolean> {
  const deadline = Date.now() + 30_000;
  let calm = 0;
  while (calm < 5 && Date.now() < deadline) {
    const start = performance.now();
    await new Promise((resolve) => setTimeout(resolve, 20));
    calm = performance.now() - start - 20 < 4 ? calm + 1 : 0;
  }
  let quick = 0;
  while (quick < 3 && Date.now() < deadline) {
    const start = performance.now();
    await vscode.commands.executeCommand('setContext', 'lrLensBench.idle', true);
    quick = performance.now() - start < 10 ? quick + 1 : 0;
    if (!quick) await new Promise((resolve) => setTimeout(resolve, 20));
  }
  return calm >= 5 && quick >= 3;
}

const serverProcesses = () =>
  execFileSync('ps', ['-o', 'pid=,args=', '--ppid', String(process.pid)], { encoding: 'utf8' })
    .split('\n')
    .filter((line) => /dist\/server\.js/.test(line));

/** VS Code's own activation record for LR Lens, from the Startup Performance view: [load code, call activate, finish activate] in ms. */
async function vscodeRecord(): Promise<
  { loadCode: number; callActivate: number; finishActivate: number; event: string } | { error: string }
> {
  try {
    await vscode.commands.executeCommand('perfview.show');
    const text = await waitFor(
      'the Startup Performance view',
      () => vscode.workspace.textDocuments.find((d) => d.uri.scheme === 'perf' && d.getText().includes(EXTENSION_ID))?.getText(),
      20_000,
      100,
    );
    // | Extension | Eager | Load Code | Call Activate | Finish Activate | Event | By |
    const row = text.split('\n').find((line) => new RegExp(`^\\|\\s*${EXTENSION_ID.replace(/\./g, '\\.')}\\s*\\|`).test(line));
    if (!row)
      return {
        error: `no LR Lens row in the Startup Performance view:\n${text
          .split('\n')
          .filter((l) => l.includes(EXTENSION_ID) || l.includes('Extension'))
          .join('\n')}`,
      };
    const cells = row
      .split('|')
      .map((c) => c.trim())
      .slice(1, -1);
    return { loadCode: Number(cells[2]), callActivate: Number(cells[3]), finishActivate: Number(cells[4]), event: cells[5] ?? '' };
  } catch (error) {
    return { error: String(error) };
  }
}

export async function run(): Promise<void> {
  const extension = vscode.extensions.getExtension(EXTENSION_ID);
  if (!extension) {
    const others = vscode.extensions.all.filter((e) => !e.id.startsWith('vscode.')).map((e) => e.id);
    throw new Error(`${EXTENSION_ID} is not installed in this extension host (non-built-in extensions: ${others.join(', ') || 'none'})`);
  }
  if (extension.isActive) {
    const open = vscode.workspace.textDocuments.map((d) => `${d.uri.toString()} (${d.languageId})`).join(', ');
    throw new Error(
      `${EXTENSION_ID} was already active: nothing to measure; documents open: ${open}; ${JSON.stringify(await vscodeRecord())}`,
    );
  }
  const settled = await settle();
  if (extension.isActive) {
    const open = vscode.workspace.textDocuments.map((d) => `${d.uri.toString()} (${d.languageId})`).join(', ');
    throw new Error(
      `${EXTENSION_ID} activated while the host settled: nothing to measure; documents open: ${open}; ${JSON.stringify(await vscodeRecord())}`,
    );
  }

  const start = performance.now();
  await extension.activate();
  const activate = performance.now() - start;

  // Activation left the extension working: its commands exist and its language server is starting.
  const commands = await vscode.commands.getCommands(true);
  const missing = ['lrLens.showCurve', 'lrLens.restartServer'].filter((c) => !commands.includes(c));
  if (missing.length) throw new Error(`commands not registered after activation: ${missing.join(', ')}`);
  const serverAtActivation = serverProcesses().length;

  // From the activate() call to the first diagnostics of a config opened right after activation.
  const folder = vscode.workspace.workspaceFolders?.[0];
  if (!folder) throw new Error('no workspace folder open');
  const uri = vscode.Uri.joinPath(folder.uri, 'hf-constant.yaml');
  await vscode.workspace.openTextDocument(uri);
  await waitFor('the first LR Lens diagnostics', () => vscode.languages.getDiagnostics(uri).some((d) => d.source === 'lr-lens'));
  const firstDiagnostics = performance.now() - start;

  // The floor: the same API on an extension that does nothing (measured after LR Lens, which is thus the first).
  const empty = vscode.extensions.getExtension(EMPTY_ID);
  if (!empty || empty.isActive) throw new Error(`${EMPTY_ID} is missing or already active`);
  await settle();
  const emptyStart = performance.now();
  await empty.activate();
  const emptyActivate = performance.now() - emptyStart;

  const record = await vscodeRecord();
  console.log(
    `LR-LENS-ACTIVATION ${JSON.stringify({ activate, emptyActivate, firstDiagnostics, serverAtActivation, settled, vscode: record })}`,
  );
}
