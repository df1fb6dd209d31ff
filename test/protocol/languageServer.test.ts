import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { after, before, describe, test } from 'node:test';
import { ensureBuilt } from '../helpers/build';
import type { CodeAction, Hover, TextDocumentEdit, TextEdit } from 'vscode-languageserver-protocol';
import { applyLspEdits, LspTestClient, SERVER_BIN } from '../helpers/lspClient';
import { must } from '../helpers/must';

const CONSTANT = `# SFT recipe
model_name_or_path: Qwen/Qwen2.5-0.5B
output_dir: out
learning_rate: 1.0e-5  # tuned
lr_scheduler_type: constant_with_warmup
warmup_ratio: 0.05
max_steps: 1000
`;

before(() => {
  ensureBuilt();
});

describe('language server over stdio', () => {
  let client: LspTestClient;
  before(async () => {
    client = await LspTestClient.start();
  });
  after(async () => {
    await client.stop();
  });

  test('publishes constant-lr on open, at the scheduler value', async () => {
    const uri = 'file:///work/constant.yaml';
    await client.open(uri, CONSTANT);
    const diagnostics = await client.diagnosticsFor(uri, (d) => d.length > 0);
    assert.equal(diagnostics.length, 1);
    const [d] = diagnostics;
    assert.ok(d, 'the constant-lr diagnostic');
    assert.equal(d.code, 'constant-lr');
    assert.equal(d.source, 'lr-lens');
    assert.match(must(d.codeDescription, 'the rule documentation link').href, /^file:\/\/.*\/docs\/rules\/constant-lr\.md$/);
    assert.deepEqual(d.range, { start: { line: 4, character: 19 }, end: { line: 4, character: 39 } });
    assert.match(String(d.message), /constant/);
  });

  test('quick fixes are linked to the diagnostic; applying cosine removes the finding', async () => {
    const uri = 'file:///work/fixme.yaml';
    await client.open(uri, CONSTANT);
    const diagnostics = await client.diagnosticsFor(uri, (d) => d.length > 0);
    const actions = (await client.connection.sendRequest('textDocument/codeAction', {
      textDocument: { uri },
      range: must(diagnostics[0], 'the constant-lr diagnostic').range,
      context: { diagnostics, only: ['quickfix'] },
    })) as CodeAction[];
    assert.deepEqual(
      actions.map((a) => [a.title, a.isPreferred === true]),
      [
        ['Use cosine decay', true],
        ['Use linear decay', false],
      ],
    );
    const cosine = must(actions[0], 'the cosine fix');
    assert.deepEqual(cosine.diagnostics, [diagnostics[0]]);
    const change = must(cosine.edit?.documentChanges?.[0], 'the document change of the cosine fix') as TextDocumentEdit;
    const edits = change.edits as TextEdit[];
    assert.equal(change.textDocument.version, 1);
    const fixed = applyLspEdits(CONSTANT, edits);
    assert.equal(fixed, CONSTANT.replace('constant_with_warmup', 'cosine'));

    // Incremental sync: send only the edit, as VS Code does.
    await client.connection.sendNotification('textDocument/didChange', {
      textDocument: { uri, version: 2 },
      contentChanges: edits.map((e) => ({ range: e.range, text: e.newText })),
    });
    const after = await client.diagnosticsFor(uri, (_d, p) => p.version === 2);
    assert.deepEqual(after, []);
  });

  test('hover on the flagged key gives the longer why, hover on learning_rate the plan', async () => {
    const uri = 'file:///work/hover.yaml';
    await client.open(uri, CONSTANT);
    await client.diagnosticsFor(uri, (d) => d.length > 0);
    const onKey = (await client.connection.sendRequest('textDocument/hover', {
      textDocument: { uri },
      position: { line: 4, character: 3 },
    })) as Hover;
    const text = (onKey.contents as { value: string }).value;
    assert.match(text, /constant-lr/);
    assert.match(text, /Deep Learning Tuning Playbook/);
    assert.deepEqual(onKey.range, { start: { line: 4, character: 0 }, end: { line: 4, character: 17 } });
    const onLr = (await client.connection.sendRequest('textDocument/hover', {
      textDocument: { uri },
      position: { line: 3, character: 2 },
    })) as Hover;
    assert.match((onLr.contents as { value: string }).value, /constant_with_warmup · peak 1e-5 · warmup 50 steps/);
    const nowhere = await client.connection.sendRequest('textDocument/hover', {
      textDocument: { uri },
      position: { line: 0, character: 2 },
    });
    assert.equal(nowhere, null);
  });

  test('lrLens/curve returns the sampled curve and the plan in words', async () => {
    const uri = 'file:///work/curve.yaml';
    await client.open(uri, CONSTANT.replace('constant_with_warmup', 'linear'));
    await client.diagnosticsFor(uri);
    const response = (await client.connection.sendRequest('lrLens/curve', { uri, points: 50 })) as {
      dialect: string;
      curve: { points: { step: number; lr: number }[]; totalSteps: number; schedule: string };
      description: string[];
    };
    assert.equal(response.dialect, 'huggingface');
    assert.equal(response.curve.schedule, 'linear');
    assert.equal(response.curve.totalSteps, 1000);
    const points = response.curve.points;
    assert.deepEqual(points[0], { step: 0, lr: 0 });
    assert.ok(
      points.some((p) => p.step === 50 && p.lr === 1e-5),
      'the warmup peak survives sampling',
    );
    const last = must(points.at(-1), 'the last point');
    assert.equal(last.step, 999);
    assert.ok(Math.abs(last.lr - 1e-5 / 950) < 1e-20);
    assert.match(response.description.join('\n'), /max_steps: 1000/);
    const every = (await client.connection.sendRequest('lrLens/curve', { uri, everyStep: true })) as typeof response;
    assert.equal(every.curve.points.length, 1000);
  });

  test('lrLens/curve says null for a file that is not a training config, and unknown documents', async () => {
    const uri = 'file:///work/workflow.yaml';
    await client.open(uri, 'name: ci\non: [push]\njobs: {}\n');
    assert.deepEqual(await client.diagnosticsFor(uri), []);
    const response = (await client.connection.sendRequest('lrLens/curve', { uri })) as { dialect: null; curve: null };
    assert.equal(response.dialect, null);
    assert.equal(response.curve, null);
    assert.equal(await client.connection.sendRequest('lrLens/curve', { uri: 'file:///never/opened.yaml' }), null);
  });

  test('diagnostics are cleared on close', async () => {
    const uri = 'file:///work/close.yaml';
    await client.open(uri, CONSTANT);
    await client.diagnosticsFor(uri, (d) => d.length > 0);
    await client.connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
    assert.deepEqual(await client.diagnosticsFor(uri, (d) => d.length === 0), []);
  });

  test('invalid values are errors at the value; JSON configs work too', async () => {
    const uri = 'file:///work/bad.json';
    const text = '{\n  "output_dir": "out",\n  "learning_rate": "fast",\n  "lr_scheduler_type": "cosine",\n  "num_train_epochs": 1\n}\n';
    await client.open(uri, text, 'json');
    const [invalid] = await client.diagnosticsFor(uri, (d) => d.length > 0);
    assert.ok(invalid, 'the invalid-value diagnostic');
    assert.equal(invalid.code, 'invalid-value');
    assert.equal(invalid.severity, 1);
    assert.deepEqual(invalid.range, { start: { line: 2, character: 19 }, end: { line: 2, character: 25 } });
  });

  test('a burst of changes is analyzed once, for the latest version', async () => {
    const uri = 'file:///work/burst.yaml';
    await client.open(uri, CONSTANT);
    await client.diagnosticsFor(uri, (d) => d.length > 0);
    const before = client.published(uri).length;
    for (let version = 2; version <= 6; version++) {
      const text = version === 6 ? CONSTANT.replace('constant_with_warmup', 'cosine') : CONSTANT + `# edit ${version}\n`;
      await client.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [{ text }] });
    }
    const final = await client.diagnosticsFor(uri, (_d, p) => p.version === 6);
    assert.deepEqual(final, []);
    assert.ok(client.published(uri).length - before <= 2, 'intermediate versions are not all published');
  });
});

describe('language server settings', () => {
  test('rule severities from lrLens.rules apply, and `off` silences a rule', async () => {
    const client = await LspTestClient.start({ settings: { rules: { 'constant-lr': 'error' } } });
    try {
      const uri = 'file:///work/settings.yaml';
      await client.open(uri, CONSTANT);
      const [d] = await client.diagnosticsFor(uri, (list) => list.length > 0);
      assert.equal(must(d, 'the constant-lr diagnostic').severity, 1);
      client.settings = { rules: { 'constant-lr': 'off' } };
      await client.connection.sendNotification('workspace/didChangeConfiguration', { settings: null });
      assert.deepEqual(await client.diagnosticsFor(uri, (list) => list.length === 0), []);
    } finally {
      await client.stop();
    }
  });

  test('quick fixes use plain `changes` for clients without documentChanges', async () => {
    const client = await LspTestClient.start({ documentChanges: false });
    try {
      const uri = 'file:///work/plain.yaml';
      await client.open(uri, CONSTANT);
      const diagnostics = await client.diagnosticsFor(uri, (d) => d.length > 0);
      const actions = (await client.connection.sendRequest('textDocument/codeAction', {
        textDocument: { uri },
        range: must(diagnostics[0], 'the constant-lr diagnostic').range,
        context: { diagnostics },
      })) as CodeAction[];
      assert.ok(must(actions[0], 'a quick fix').edit?.changes?.[uri], 'the fix edits the file through `changes`');
    } finally {
      await client.stop();
    }
  });
});

test('the server binary refuses to start without a transport, with a clear message', () => {
  const result = spawnSync(process.execPath, [SERVER_BIN], { encoding: 'utf8' });
  assert.equal(result.status, 2);
  assert.match(result.stderr, /--stdio/);
});

test('the server also speaks LSP over Node IPC (as the VS Code client starts it)', async () => {
  const { fork } = await import('node:child_process');
  const { createProtocolConnection, IPCMessageReader, IPCMessageWriter } = await import('vscode-languageserver-protocol/node');
  const child = fork(SERVER_BIN, ['--node-ipc'], { silent: true });
  const connection = createProtocolConnection(new IPCMessageReader(child), new IPCMessageWriter(child));
  const published = new Promise<{ uri: string; diagnostics: { code?: unknown }[] }>((resolve) =>
    connection.onNotification('textDocument/publishDiagnostics', resolve),
  );
  connection.listen();
  try {
    const init = (await connection.sendRequest('initialize', { processId: process.pid, rootUri: null, capabilities: {} })) as {
      capabilities: { textDocumentSync: { change: number }; hoverProvider: boolean };
    };
    assert.equal(init.capabilities.textDocumentSync.change, 2, 'incremental sync');
    assert.equal(init.capabilities.hoverProvider, true);
    await connection.sendNotification('initialized', {});
    await connection.sendNotification('textDocument/didOpen', {
      textDocument: {
        uri: 'file:///ipc.yaml',
        languageId: 'yaml',
        version: 1,
        text: 'output_dir: o\nlearning_rate: 0.01\nlr_scheduler_type: constant\n',
      },
    });
    const params = await published;
    assert.equal(params.uri, 'file:///ipc.yaml');
    assert.deepEqual(
      params.diagnostics.map((d) => d.code),
      ['constant-lr'],
    );
    await connection.sendRequest('shutdown');
    await connection.sendNotification('exit');
  } finally {
    connection.dispose();
    child.kill();
  }
});
