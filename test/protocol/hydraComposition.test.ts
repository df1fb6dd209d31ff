import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { test } from 'node:test';
import { LspTestClient } from '../helpers/lspClient';
import { must } from '../helpers/must';

const CONFIG =
  'defaults:\n  - lr_scheduler: cosine\ncommon: {}\ntask: {_name: audio_pretraining}\ncriterion: {_name: wav2vec}\noptimization: {max_update: 1000, lr: [0.0005]}\n';

function workspace(): string {
  const root = mkdtempSync(join(tmpdir(), 'lr-lens-ws-'));
  mkdirSync(join(root, 'conf', 'lr_scheduler'), { recursive: true });
  writeFileSync(join(root, 'conf', 'lr_scheduler', 'cosine.yaml'), '_name: cosine\nwarmup_updates: 500\n');
  return root;
}

test('the server follows Hydra defaults into workspace files, and reads nothing outside the workspace', async () => {
  const root = workspace();
  const uri = pathToFileURL(join(root, 'conf', 'config.yaml')).toString();
  const inside = await LspTestClient.start({ rootUri: pathToFileURL(root).toString() });
  try {
    await inside.open(uri, CONFIG);
    const diagnostics = await inside.diagnosticsFor(uri, (d) => d.length > 0);
    assert.deepEqual(
      diagnostics.map((d) => d.code),
      ['warmup-too-long'],
    );
  } finally {
    await inside.stop();
  }
  // Another workspace: the same file is outside it, so the group file is not read and nothing is guessed.
  const outside = await LspTestClient.start({ rootUri: pathToFileURL(mkdtempSync(join(tmpdir(), 'lr-lens-other-'))).toString() });
  try {
    await outside.open(uri, CONFIG);
    assert.deepEqual(await outside.diagnosticsFor(uri), []);
  } finally {
    await outside.stop();
  }
});

test('a finding about a composed value is published in the group file too, each side linking to the other', async () => {
  const root = workspace();
  const uri = pathToFileURL(join(root, 'conf', 'config.yaml')).toString();
  const groupUri = pathToFileURL(join(root, 'conf', 'lr_scheduler', 'cosine.yaml')).toString();
  const client = await LspTestClient.start({ rootUri: pathToFileURL(root).toString() });
  try {
    await client.open(uri, CONFIG);
    const [own] = await client.diagnosticsFor(uri, (d) => d.length > 0);
    assert.ok(own, 'a diagnostic on the composing config');
    assert.equal(own.code, 'warmup-too-long');
    // On the `- lr_scheduler: cosine` item here, related to the value in the group file.
    assert.deepEqual(own.range, { start: { line: 1, character: 18 }, end: { line: 1, character: 24 } });
    assert.deepEqual(
      own.relatedInformation?.map((r) => [r.location.uri, r.location.range]),
      [[groupUri, { start: { line: 1, character: 16 }, end: { line: 1, character: 19 } }]],
    );

    // In the group file (not open): on `500`, related back to the composing item.
    const [placed] = await client.diagnosticsFor(groupUri, (d) => d.length > 0);
    assert.ok(placed, 'a diagnostic placed in the group file');
    assert.equal(placed.code, 'warmup-too-long');
    assert.deepEqual(placed.range, { start: { line: 1, character: 16 }, end: { line: 1, character: 19 } });
    assert.deepEqual(
      placed.relatedInformation?.map((r) => [r.location.uri, r.location.range.start]),
      [[uri, { line: 1, character: 18 }]],
    );

    // The composing document changes so that warmup is short enough: the placed diagnostic goes.
    await client.connection.sendNotification('textDocument/didChange', {
      textDocument: { uri, version: 2 },
      contentChanges: [{ text: CONFIG.replace('max_update: 1000', 'max_update: 100000') }],
    });
    assert.deepEqual(await client.diagnosticsFor(uri, (_d, p) => p.version === 2), []);
    assert.deepEqual(await client.diagnosticsFor(groupUri, (d) => d.length === 0), []);

    // Back to the short run, then the group file is opened and edited: the composing document is analyzed again.
    await client.connection.sendNotification('textDocument/didChange', {
      textDocument: { uri, version: 3 },
      contentChanges: [{ text: CONFIG }],
    });
    await client.diagnosticsFor(groupUri, (d) => d.length === 1);
    await client.open(groupUri, '_name: cosine\nwarmup_updates: 500\n');
    const merged = await client.diagnosticsFor(groupUri, (d, p) => p.version === 1 && d.length === 1);
    assert.equal(
      must(merged[0], 'the diagnostic in the open group file').code,
      'warmup-too-long',
      'an open group file keeps the diagnostics other documents place in it',
    );
    await client.connection.sendNotification('textDocument/didChange', {
      textDocument: { uri: groupUri, version: 2 },
      contentChanges: [{ text: '_name: cosine\nwarmup_updates: 50\n' }],
    });
    assert.deepEqual(await client.diagnosticsFor(uri, (d, p) => p.version === 3 && d.length === 0), []);
    assert.deepEqual(await client.diagnosticsFor(groupUri, (d) => d.length === 0), []);

    // Closing the composing document clears what it placed.
    await client.connection.sendNotification('textDocument/didChange', {
      textDocument: { uri: groupUri, version: 3 },
      contentChanges: [{ text: '_name: cosine\nwarmup_updates: 500\n' }],
    });
    await client.diagnosticsFor(groupUri, (d) => d.length === 1);
    await client.connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
    assert.deepEqual(await client.diagnosticsFor(groupUri, (d) => d.length === 0), []);
  } finally {
    await client.stop();
  }
});
