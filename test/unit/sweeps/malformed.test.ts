// Broken or unusual sweep files: read without an internal error (analyze() rethrows them), budgets unknown
// rather than guessed.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { analyze, yaml } from '../dialects/analyze';

const cases: Record<string, string> = {
  'W&B parameters as a list': yaml('method: grid', 'metric: {name: loss}', 'parameters:', '  - lr', '  - wd'),
  'W&B scalar parameter and a non-numeric run_cap': yaml(
    'method: random',
    'run_cap: lots',
    'parameters:',
    '  lr: 0.1',
    '  wd: {min: a, max: b}',
  ),
  'W&B empty parameter and value with a list': yaml(
    'method: grid',
    'parameters:',
    '  lr:',
    '  actor_lr: {distribution: uniform, value: [0.0003]}',
  ),
  'W&B deep nesting': yaml(
    'method: grid',
    'parameters:',
    '  a: {parameters: {b: {parameters: {c: {parameters: {lr: {values: [1, 2]}}}}}}}',
  ),
  'Hydra params as a list and odd overrides': yaml(
    'defaults:',
    '  - override hydra/sweeper: optuna',
    'hydra:',
    '  sweeper:',
    '    n_trials: -3',
    '    params: [a, b]',
  ),
  'Hydra broken calls': yaml(
    'hydra:',
    '  mode: MULTIRUN',
    '  sweeper:',
    '    params:',
    '      a: choice(',
    '      b: range(a, b)',
    '      c: tag(log)',
    "      d: 'range(0, 10, step=0)'",
    '      e: glob(*)',
    '      f: interval()',
  ),
  'Katib parameters not a list': yaml(
    'apiVersion: kubeflow.org/v1beta1',
    'kind: Experiment',
    'spec:',
    '  maxTrialCount: "x"',
    '  parameters: {lr: 1}',
  ),
  'Katib items without feasibleSpace': yaml(
    'apiVersion: kubeflow.org/v1beta1',
    'kind: Experiment',
    'spec:',
    '  algorithm: {algorithmName: grid}',
    '  parameters:',
    '    - name: lr',
    '    - {name: 3, feasibleSpace: {}}',
    '    - name: eps',
    '      parameterType: double',
    '      feasibleSpace: {min: "1e-8", max: "1e-6", step: "0"}',
  ),
};

for (const [name, text] of Object.entries(cases)) {
  test(`malformed sweep: ${name}`, () => {
    const analysis = analyze(text);
    const document = analysis.documents[0];
    assert.ok(document, 'recognized');
    const sweep = document.sweep;
    if (sweep && sweep.budget.trials !== null) assert.ok(Number.isInteger(sweep.budget.trials) && sweep.budget.trials >= 0);
  });
}

test('a zero step or broken range is not enumerated', () => {
  const text = cases['Hydra broken calls'];
  assert.ok(text !== undefined);
  const sweep = analyze(text).documents[0]?.sweep;
  assert.ok(sweep);
  assert.equal(sweep.budget.trials, null);
});
