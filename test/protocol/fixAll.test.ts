import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { ensureBuilt } from '../helpers/build';
import type { CodeAction, TextDocumentEdit, TextEdit } from 'vscode-languageserver-protocol';
import { analyzeConfig } from '../../server/src/analysis/analyzeConfig';
import { applyLspEdits, LspTestClient } from '../helpers/lspClient';
import { must } from '../helpers/must';

// A multi-step schedule in an epoch-stepped Lightning run: fix-all replaces it as a block (T_max in epochs).
const TEXT = [
  'trainer:',
  '  max_epochs: 40',
  'model:',
  '  class_path: my.Model',
  'optimizer:',
  '  class_path: torch.optim.SGD',
  '  init_args:',
  '    lr: 0.1',
  'lr_scheduler:',
  '  class_path: torch.optim.lr_scheduler.MultiStepLR',
  '  init_args:',
  '    milestones: [10, 25]',
  '',
].join('\n');

let client: LspTestClient;
before(async () => {
  ensureBuilt();
  client = await LspTestClient.start();
});
after(async () => {
  await client.stop();
});

test('source.fixAll applies the preferred fix of every finding in one edit, and the findings are gone', async () => {
  const uri = 'file:///work/fixall.yaml';
  await client.open(uri, TEXT);
  await client.diagnosticsFor(uri, (d) => d.length > 0);
  const actions = (await client.connection.sendRequest('textDocument/codeAction', {
    textDocument: { uri },
    range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
    context: { diagnostics: [], only: ['source.fixAll'] },
  })) as CodeAction[];
  assert.equal(actions.length, 1);
  const action = must(actions[0], 'the fix-all action');
  assert.equal(action.kind, 'source.fixAll.lr-lens');
  const change = must(action.edit?.documentChanges?.[0], 'the document change of the fix-all edit') as TextDocumentEdit;
  const fixed = applyLspEdits(TEXT, change.edits as TextEdit[]);
  assert.match(fixed, /class_path: torch\.optim\.lr_scheduler\.CosineAnnealingLR\n {2}init_args:\n {4}T_max: 40\n$/);
  assert.deepEqual(analyzeConfig(fixed, 'fixall.yaml').findings, []);
});

test('a file with nothing to fix gets no fix-all action', async () => {
  const uri = 'file:///work/clean.yaml';
  await client.open(uri, TEXT.replace('MultiStepLR', 'CosineAnnealingLR').replace('milestones: [10, 25]', 'T_max: 40'));
  const actions = (await client.connection.sendRequest('textDocument/codeAction', {
    textDocument: { uri },
    range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
    context: { diagnostics: [], only: ['source.fixAll'] },
  })) as CodeAction[];
  assert.deepEqual(actions, []);
});
