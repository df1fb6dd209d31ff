// A torchtitan TOML opened in the language server: diagnostics at TOML positions, quick fixes that edit the TOML
// byte for byte, and a code lens with the curve (the same machinery as YAML documents).
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import type { CodeAction, CodeLens, TextEdit, WorkspaceEdit } from 'vscode-languageserver-protocol';
import { analyzeConfig } from '../../server/src/analysis/analyzeConfig';
import { ensureBuilt } from '../helpers/build';
import { applyLspEdits, LspTestClient, REPO } from '../helpers/lspClient';

const TEXT = readFileSync(join(REPO, 'test', 'unit', 'frameworks', 'torchtitan', 'configs', 'flux_flux_dev_model.toml'), 'utf8');

let client: LspTestClient;
before(async () => {
  ensureBuilt();
  client = await LspTestClient.start();
});
after(async () => {
  await client.stop();
});

function editsOf(edit: WorkspaceEdit | undefined, uri: string): TextEdit[] {
  const fromChanges = edit?.changes?.[uri];
  if (fromChanges) return fromChanges;
  const change = edit?.documentChanges?.find((c) => 'textDocument' in c && c.textDocument.uri === uri);
  return change && 'edits' in change ? (change.edits as TextEdit[]) : [];
}

test('a torchtitan .toml gets a constant-lr diagnostic and a cosine fix that keeps every other byte', async () => {
  const uri = 'file:///work/train_configs/flux_dev_model.toml';
  await client.open(uri, TEXT, 'toml');
  const diagnostics = await client.diagnosticsFor(uri, (d) => d.length > 0);
  assert.deepEqual(
    diagnostics.map((d) => d.code),
    ['constant-lr'],
  );
  const line = TEXT.split('\n').findIndex((l) => l.startsWith('decay_ratio'));
  const diagnostic = diagnostics[0];
  assert.ok(diagnostic);
  assert.equal(diagnostic.range.start.line, line);
  const actions = (await client.connection.sendRequest('textDocument/codeAction', {
    textDocument: { uri },
    range: diagnostic.range,
    context: { diagnostics: [diagnostic] },
  })) as CodeAction[];
  const cosine = actions.find((a) => a.title === 'Use cosine decay');
  assert.ok(cosine, actions.map((a) => a.title).join(', '));
  const fixed = applyLspEdits(TEXT, editsOf(cosine.edit, uri));
  assert.equal(fixed, TEXT.replace('decay_ratio = 0.0  # no decay', 'decay_ratio = 0.9  # no decay\ndecay_type = "cosine"'));
  assert.deepEqual(analyzeConfig(fixed, 'flux_dev_model.toml').findings, []);
  const lenses = (await client.connection.sendRequest('textDocument/codeLens', { textDocument: { uri } })) as CodeLens[];
  assert.ok(lenses.length > 0, 'a curve lens on the TOML');
});

test('another TOML (pyproject.toml) gets no diagnostics', async () => {
  const uri = 'file:///work/pyproject.toml';
  const text = '[project]\nname = "x"\n[tool.ruff]\nline-length = 88\n';
  assert.equal(analyzeConfig(text, 'pyproject.toml').parsed.language, 'toml');
  await client.open(uri, text, 'toml');
  assert.deepEqual(await client.diagnosticsFor(uri), []);
});
