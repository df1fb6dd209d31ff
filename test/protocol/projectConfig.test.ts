import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { test } from 'node:test';
import { LspTestClient } from '../helpers/lspClient';
import { must } from '../helpers/must';

test('the server applies the nearest .lr-lens.yaml, live as it is edited, and reports its problems', async () => {
  const project = mkdtempSync(join(tmpdir(), 'lr-lens-lsp-project-'));
  const configPath = join(project, '.lr-lens.yaml');
  writeFileSync(configPath, 'rules:\n  constant-lr: error\n');
  const recipe = pathToFileURL(join(project, 'recipe.yaml')).toString();
  const config = pathToFileURL(configPath).toString();
  const client = await LspTestClient.start({ rootUri: pathToFileURL(project).toString() });
  try {
    await client.open(recipe, 'output_dir: o\nlearning_rate: 0.001\nlr_scheduler_type: constant\nmax_steps: 10\n');
    const [d] = await client.diagnosticsFor(recipe, (list) => list.length > 0);
    assert.equal(must(d, 'the constant-lr diagnostic').severity, 1, 'error, from the project config');

    // Editing the open config (unsaved) re-checks the recipe with the new settings.
    await client.open(config, 'rules:\n  constant-lr: off\n');
    assert.deepEqual(await client.diagnosticsFor(recipe, (list) => list.length === 0), []);
    await client.connection.sendNotification('textDocument/didChange', {
      textDocument: { uri: config, version: 2 },
      contentChanges: [{ text: 'rules:\n  constant-lr: hint\nsteps: 3\n' }],
    });
    const [hint] = await client.diagnosticsFor(recipe, (list) => list.length > 0);
    assert.equal(must(hint, 'the constant-lr diagnostic as a hint').severity, 4);
    const [problem] = await client.diagnosticsFor(config, (list, p) => p.version === 2 && list.length > 0);
    assert.ok(problem, 'a problem reported in the project config');
    assert.match(String(problem.message), /unknown setting `steps`/);
    assert.deepEqual(problem.range, { start: { line: 2, character: 0 }, end: { line: 2, character: 5 } });
  } finally {
    await client.stop();
  }
});

test('a .lr-lens.yaml outside the workspace folders is never read', async () => {
  const outside = mkdtempSync(join(tmpdir(), 'lr-lens-lsp-outside-'));
  writeFileSync(join(outside, '.lr-lens.yaml'), 'rules:\n  constant-lr: error\n');
  const workspace = join(outside, 'workspace');
  mkdirSync(workspace);
  const recipe = pathToFileURL(join(workspace, 'recipe.yaml')).toString();
  const text = 'output_dir: o\nlearning_rate: 0.001\nlr_scheduler_type: constant\nmax_steps: 10\n';
  for (const rootUri of [pathToFileURL(workspace).toString(), undefined]) {
    const client = await LspTestClient.start({ rootUri });
    try {
      await client.open(recipe, text);
      const [d] = await client.diagnosticsFor(recipe, (list) => list.length > 0);
      assert.ok(d, 'a diagnostic on the recipe');
      assert.equal(d.code, 'constant-lr', 'the recipe is recognized and judged');
      assert.equal(d.severity, 2, `the default warning: the file above the workspace (${rootUri ?? 'no workspace'}) is not read`);
    } finally {
      await client.stop();
    }
  }
});
