import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { test } from 'node:test';
import { LspTestClient } from '../helpers/lspClient';

const CONFIG = 'defaults:\n  - lr_scheduler: cosine\ncommon: {}\ntask: {_name: audio_pretraining}\ncriterion: {_name: wav2vec}\noptimization: {max_update: 1000, lr: [0.0005]}\n';

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
    assert.deepEqual(diagnostics.map((d) => d.code), ['warmup-too-long']);
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
