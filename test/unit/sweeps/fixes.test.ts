// Quick fixes on sweep files of our own: "Fix beta_2 at its default", "Remove from search space", "Fix the
// length at N". Each is applied, the text compared byte for byte (minimal, comments kept), and re-analyzed:
// the finding is gone.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { applyEdits, type Fix } from '../../../server/src/index';
import { analyze, yaml } from '../dialects/analyze';

function fixOf(text: string, rule: string, title: RegExp): Fix {
  const finding = analyze(text).findings.find((f) => f.ruleId === rule);
  assert.ok(finding, `${rule} did not fire`);
  const fix = finding.fixes.find((f) => title.test(f.title));
  assert.ok(fix, `no fix ${title} among ${finding.fixes.map((f) => f.title).join(', ')}`);
  return fix;
}

function applied(text: string, rule: string, title: RegExp): string {
  const after = applyEdits(text, fixOf(text, rule, title).edits);
  assert.ok(!analyze(after).findings.some((f) => f.ruleId === rule), `${rule} still fires after the fix:\n${after}`);
  return after;
}

const wandb = yaml(
  'method: random',
  'run_cap: 20 # small study',
  'parameters:',
  '  optimizer: {value: adamw}',
  '  lr: {min: 0.0001, max: 0.01}',
  '  adam_beta1: {values: [0.85, 0.9]}',
  '  # beta_2 candidates from the paper',
  '  adam_beta2:',
  '    distribution: categorical # keep',
  '    values:',
  '      - 0.98',
  '      - 0.999',
  '  dropout: {values: [0.0, 0.1]}',
);

test('W&B: Fix beta_2 at its default rewrites the block entry to `value: 0.999` (its comment kept), other lines untouched', () => {
  const fix = fixOf(wandb, 'adam-overtuned', /beta_2/);
  assert.equal(fix.title, 'Fix beta_2 at its default (0.999)');
  assert.equal(fix.isPreferred, true);
  assert.equal(
    applied(wandb, 'adam-overtuned', /beta_2/),
    wandb.replace('    distribution: categorical # keep\n    values:\n      - 0.98\n      - 0.999\n', '    value: 0.999 # keep\n'),
  );
});

test('W&B: Remove from search space deletes the entry lines and keeps the comment above it', () => {
  const after = applied(wandb, 'adam-overtuned', /Remove/);
  assert.equal(after, wandb.replace('  adam_beta2:\n    distribution: categorical # keep\n    values:\n      - 0.98\n      - 0.999\n', ''));
  assert.match(after, /# beta_2 candidates from the paper/);
});

test('W&B flow mapping and epsilon: `{values: [..]}` becomes `{value: 1.0e-8}` (a float under YAML 1.1 too)', () => {
  const text = yaml(
    'method: grid',
    'parameters:',
    '  optimizer: {value: adam}',
    '  lr: {values: [0.001, 0.01]}',
    '  eps: {values: [1.0e-8, 1.0e-6]}',
  );
  assert.equal(applied(text, 'adam-overtuned', /epsilon/), text.replace('{values: [1.0e-8, 1.0e-6]}', '{value: 1.0e-8}'));
});

test('Hydra override: the value becomes the default; Optuna legacy search_space becomes one categorical choice', () => {
  const hydra = yaml(
    'defaults:',
    '  - override hydra/sweeper: optuna',
    'hydra:',
    '  sweeper:',
    '    n_trials: 12',
    '    params:',
    '      optimizer._target_: torch.optim.Adam',
    "      optimizer.beta2: 'choice(0.98, 0.999)' # tried both",
    '      optimizer.lr: tag(log, interval(1e-5, 1e-2))',
  );
  assert.equal(applied(hydra, 'adam-overtuned', /beta_2/), hydra.replace("'choice(0.98, 0.999)'", '0.999'));
  assert.equal(
    applied(hydra, 'adam-overtuned', /Remove/),
    hydra.replace("      optimizer.beta2: 'choice(0.98, 0.999)' # tried both\n", ''),
  );
  const legacy = yaml(
    'defaults:',
    '  - override hydra/sweeper: optuna',
    'hydra:',
    '  sweeper:',
    '    n_trials: 12',
    '    search_space:',
    '      optimizer.adam_eps:',
    '        type: float',
    '        low: 1.0e-9',
    '        high: 1.0e-6',
    '        log: true',
    '      optimizer.lr:',
    '        type: float',
    '        low: 0.0001',
    '        high: 0.01',
  );
  assert.equal(
    applied(legacy, 'adam-overtuned', /epsilon/),
    legacy.replace(
      '        type: float\n        low: 1.0e-9\n        high: 1.0e-6\n        log: true\n',
      '        type: categorical\n        choices: [1.0e-8]\n',
    ),
  );
});

test('Katib: the parameter becomes a one-element discrete list; no removal (the trial template refers to it)', () => {
  const katib = yaml(
    'apiVersion: kubeflow.org/v1beta1',
    'kind: Experiment',
    'spec:',
    '  maxTrialCount: 12',
    '  parameters:',
    '    - name: adam_lr',
    '      parameterType: double',
    '      feasibleSpace: {min: "0.0001", max: "0.01"}',
    '    - name: adam_beta2',
    '      parameterType: double',
    '      feasibleSpace:',
    '        min: "0.98"',
    '        max: "0.9999"',
  );
  const finding = analyze(katib).findings.find((f) => f.ruleId === 'adam-overtuned');
  assert.deepEqual(
    finding?.fixes.map((f) => f.title),
    ['Fix beta_2 at its default (0.999)'],
  );
  assert.equal(
    applied(katib, 'adam-overtuned', /beta_2/),
    katib.replace(
      '      parameterType: double\n      feasibleSpace:\n        min: "0.98"\n        max: "0.9999"\n',
      '      parameterType: discrete\n      feasibleSpace:\n        list: ["0.999"]\n',
    ),
  );
});

test('Fix the length at N: the largest length the sweep tried, in each format', () => {
  const w = yaml('method: grid', 'parameters:', '  epochs:', '    values: [5, 10, 20] # longer is better?', '  lr: {values: [0.1, 0.01]}');
  assert.equal(fixOf(w, 'tuned-train-steps', /length/).title, 'Fix the length at 20');
  assert.equal(
    applied(w, 'tuned-train-steps', /length/),
    w.replace('    values: [5, 10, 20] # longer is better?', '    value: 20 # longer is better?'),
  );
  const intRange = yaml('method: random', 'run_cap: 4', 'parameters:', '  max_steps: {min: 1000, max: 3000}');
  assert.equal(applied(intRange, 'tuned-train-steps', /length at 3000/), intRange.replace('{min: 1000, max: 3000}', '{value: 3000}'));
  // Hydra's range() stops before its stop: range(1, 4) tries 1, 2, 3.
  const hydra = yaml('hydra:', '  mode: MULTIRUN', '  sweeper:', '    params:', '      trainer.max_epochs: range(1, 4)', '      seed: 1,2');
  assert.equal(applied(hydra, 'tuned-train-steps', /length at 3$/), hydra.replace('range(1, 4)', '3'));
  const katib = yaml(
    'apiVersion: kubeflow.org/v1beta1',
    'kind: Experiment',
    'spec:',
    '  maxTrialCount: 4',
    '  parameters:',
    '    - name: num-epochs',
    '      parameterType: int',
    '      feasibleSpace: {min: "1", max: "3"}',
  );
  assert.equal(
    applied(katib, 'tuned-train-steps', /length at 3/),
    katib.replace('parameterType: int', 'parameterType: discrete').replace('{min: "1", max: "3"}', '{list: ["3"]}'),
  );
});

test('CRLF files keep their line breaks', () => {
  const crlf = wandb.replace(/\n/g, '\r\n');
  const after = applied(crlf, 'adam-overtuned', /Remove/);
  assert.equal(
    after,
    crlf.replace('  adam_beta2:\r\n    distribution: categorical # keep\r\n    values:\r\n      - 0.98\r\n      - 0.999\r\n', ''),
  );
});

test('a beta entry that holds 1 - beta (all values below 0.5) gets no "fix at default", only removal', () => {
  const text = yaml(
    'method: random',
    'run_cap: 12',
    'parameters:',
    '  optimizer.learning_rate: {min: 0.001, max: 0.1}',
    '  optimizer.adam_beta2: {distribution: log_uniform_values, min: 0.001, max: 0.1}',
  );
  const finding = analyze(text).findings.find((f) => f.ruleId === 'adam-overtuned');
  assert.deepEqual(
    finding?.fixes.map((f) => f.title),
    ['Remove from search space'],
  );
});

test('fix all: every preferred sweep fix applies together, and the warnings are gone', async () => {
  const { planFixAll } = await import('../../../server/src/fixes/fixAll');
  const text = yaml(
    'method: random',
    'run_cap: 12',
    'parameters:',
    '  optimizer: {value: adamw}',
    '  lr: {min: 0.0001, max: 0.01}',
    '  adam_epsilon:',
    '    values: [1.0e-8, 1.0e-6]',
    '  adam_beta2:',
    '    values: [0.98, 0.999]',
    '  epochs:',
    '    values: [3, 5]',
  );
  const before = analyze(text).findings;
  const plan = planFixAll(before);
  assert.equal(plan.skipped.length, 0);
  assert.equal(plan.chosen.length, 3);
  const after = applyEdits(text, plan.edits);
  assert.equal(
    after,
    text
      .replace('values: [1.0e-8, 1.0e-6]', 'value: 1.0e-8')
      .replace('values: [0.98, 0.999]', 'value: 0.999')
      .replace('values: [3, 5]', 'value: 5'),
  );
  assert.deepEqual(
    analyze(after).findings.filter((f) => f.severity === 'warning'),
    [],
  );
});
