// Runs inside VS Code's extension host (code-server here, VS Code via @vscode/test-electron elsewhere):
// the real client, server, CodeLens, hover, quick fix and webview command.
import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as vscode from 'vscode';

const EXTENSION_ID = 'lr-lens.lr-lens';

/** Polls `probe` until it returns something truthy; never sleeps a fixed time before checking. */
async function waitFor<T>(what: string, probe: () => T | undefined | Promise<T | undefined>, timeoutMs = 30_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

function example(name: string): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'the tests run with the examples folder open');
  return vscode.Uri.joinPath(folder.uri, name);
}

const lrLensDiagnostics = (uri: vscode.Uri) => vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'lr-lens');

/** A diagnostic's rule id (VS Code turns a code with a documentation link into `{ value, target }`). */
const ruleOf = (d: vscode.Diagnostic) => (typeof d.code === 'object' ? d.code.value : d.code);

suite('LR Lens in VS Code', () => {
  suiteTeardown(async () => {
    await vscode.commands.executeCommand('workbench.action.files.revertAll').then(undefined, () => undefined);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  test('the extension is installed and activates on a training config', async () => {
    const extension = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(extension, `${EXTENSION_ID} is installed`);
    const document = await vscode.workspace.openTextDocument(example('hf-constant.yaml'));
    await vscode.window.showTextDocument(document);
    assert.equal(document.languageId, 'yaml');
    await waitFor('activation', () => extension.isActive);
  });

  test('constant LR: diagnostic, CodeLens, curve hover; "Use cosine decay" fixes it', async () => {
    const uri = example('hf-constant.yaml');
    const document = await vscode.workspace.openTextDocument(uri);
    const editor = await vscode.window.showTextDocument(document);
    const [diagnostic] = await waitFor('the constant-lr diagnostic', () => {
      const found = lrLensDiagnostics(uri).filter((d) => ruleOf(d) === 'constant-lr');
      return found.length ? found : undefined;
    }).catch(async (error: Error) => {
      const all = vscode.languages
        .getDiagnostics()
        .map(([u, ds]) => `${u.toString()}: ${ds.map((d) => `${d.source}/${String(ruleOf(d))}`).join(', ')}`);
      const lenses = await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', uri);
      throw new Error(
        `${error.message}; ${uri.toString()}; all diagnostics: ${all.join(' | ')}; lenses: ${lenses.map((l) => l.command?.title).join(' | ')}`,
      );
    });
    assert.ok(diagnostic, 'the constant-lr diagnostic');
    assert.equal(document.getText(diagnostic.range), 'constant_with_warmup');
    assert.equal(diagnostic.severity, vscode.DiagnosticSeverity.Warning);

    const lenses = await waitFor('CodeLenses', async () => {
      const found = await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', uri);
      return found?.some((l) => l.command?.title === 'Preview') ? found : undefined;
    });
    const summary = lenses.find((l) => l.command?.title.startsWith('LR '));
    assert.ok(summary?.command, 'a summary lens with its title');
    assert.match(
      summary.command.title,
      /^LR [▁▂▃▄▅▆▇█]{16} {2}constant_with_warmup · peak 1e-5 · warmup 100 steps · ends at 1e-5 · 800 steps$/,
    );
    assert.equal(document.lineAt(summary.range.start.line).text.startsWith('lr_scheduler_type:'), true);

    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>(
      'vscode.executeHoverProvider',
      uri,
      new vscode.Position(summary.range.start.line, 3),
    );
    const markdown = hovers.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : c.value))).join('\n');
    assert.match(markdown, /!\[Learning-rate curve: [^\]]+\]\(data:image\/svg\+xml;base64,/);

    // Right after a diagnostic appears the provider can still return nothing: retry until the fix is offered.
    const fix = await waitFor('the "Use cosine decay" quick fix', async () => {
      const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>(
        'vscode.executeCodeActionProvider',
        uri,
        diagnostic.range,
        vscode.CodeActionKind.QuickFix.value,
      );
      return actions?.find((a) => a.title === 'Use cosine decay');
    });
    assert.equal(fix.isPreferred, true);
    assert.ok(fix.edit, 'the fix carries its edit');
    assert.equal(await vscode.workspace.applyEdit(fix.edit), true);
    assert.match(editor.document.getText(), /^lr_scheduler_type: cosine$/m);
    await waitFor('the diagnostic to go', () => lrLensDiagnostics(uri).every((d) => ruleOf(d) !== 'constant-lr'));
  });

  test('lrLens.showCurve opens the curve beside the editor', async () => {
    const document = await vscode.workspace.openTextDocument(example('hf-constant.yaml'));
    await vscode.window.showTextDocument(document, vscode.ViewColumn.One);
    await vscode.commands.executeCommand('lrLens.showCurve');
    const curveTab = () =>
      vscode.window.tabGroups.all
        .flatMap((group) => group.tabs)
        .find((t) => t.input instanceof vscode.TabInputWebview && t.input.viewType.endsWith('lrLens.curve'));
    await waitFor('the curve webview tab', curveTab);
    // The title names the file once the server's curve has reached the page.
    const tab = await waitFor('the panel to follow hf-constant.yaml', () =>
      curveTab()?.label === 'LR: hf-constant.yaml' ? curveTab() : undefined,
    );
    assert.notEqual(tab.group.viewColumn, vscode.ViewColumn.One, 'beside the editor');
  });

  test('settings apply live: lrLens.rules turns constant-lr off without a restart', async () => {
    const document = await vscode.workspace.openTextDocument(example('hf-constant.yaml'));
    // A fresh constant config in an untitled document.
    const untitled = await vscode.workspace.openTextDocument({
      language: 'yaml',
      content: document.getText().replace(/lr_scheduler_type: \w+/, 'lr_scheduler_type: constant'),
    });
    await vscode.window.showTextDocument(untitled);
    await waitFor('constant-lr on the untitled config', () => lrLensDiagnostics(untitled.uri).some((d) => ruleOf(d) === 'constant-lr'));
    const config = vscode.workspace.getConfiguration('lrLens');
    await config.update('rules', { 'constant-lr': 'off' }, vscode.ConfigurationTarget.Global);
    try {
      await waitFor('constant-lr to be silenced', () => lrLensDiagnostics(untitled.uri).every((d) => ruleOf(d) !== 'constant-lr'));
    } finally {
      await config.update('rules', undefined, vscode.ConfigurationTarget.Global);
    }
    await waitFor('constant-lr to come back', () => lrLensDiagnostics(untitled.uri).some((d) => ruleOf(d) === 'constant-lr'));
  });

  test('a crashed server is restarted and catches up with edits made meanwhile', async () => {
    // The language server is a child of this extension host (Node IPC).
    const serverPids = () =>
      execFileSync('ps', ['-o', 'pid=,args=', '--ppid', String(process.pid)], { encoding: 'utf8' })
        .split('\n')
        .filter((line) => /dist\/server\.js/.test(line))
        .map((line) => Number(line.trim().split(/\s+/)[0]));
    const [before] = await waitFor('the language server process', () => (serverPids().length === 1 ? serverPids() : undefined));
    assert.ok(before, 'the pid of the language server');
    const document = await vscode.workspace.openTextDocument({
      language: 'yaml',
      content: 'learning_rate: 3.0e-4\nlr_scheduler_type: cosine\nmax_steps: 1000\n',
    });
    const editor = await vscode.window.showTextDocument(document);
    await waitFor('the server to see the untitled config', async () => {
      const lenses = await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', document.uri);
      return lenses?.some((l) => l.command?.title.includes('cosine · peak 3e-4'));
    });
    assert.equal(
      lrLensDiagnostics(document.uri).some((d) => ruleOf(d) === 'constant-lr'),
      false,
    );

    process.kill(before, 'SIGKILL');
    // An edit while the server is down: after the restart the server must analyze the new text.
    await editor.edit((edit) => edit.replace(document.lineAt(1).range, 'lr_scheduler_type: constant'));
    const [after] = await waitFor('a new language server process', () => {
      const pids = serverPids().filter((pid) => pid !== before);
      return pids.length ? pids : undefined;
    });
    assert.notEqual(after, before);
    await waitFor('constant-lr from the restarted server', () => lrLensDiagnostics(document.uri).some((d) => ruleOf(d) === 'constant-lr'));
  });
});
