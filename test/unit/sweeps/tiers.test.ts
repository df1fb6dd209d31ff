// The playbook's budget tiers on sweep files of our own: fewer than 10 trials the LR only; 10 add beta_1;
// 25 add epsilon; more than the budgetThreshold setting (default 50) add beta_2. Grids whose product
// crosses a tier, every sweep format, and non-Adam optimizers (no finding).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { LensSettings } from '../../../server/src/index';
import { analyze, yaml } from '../dialects/analyze';

/** The names of the search-space entries a rule flags (the text under each finding's span). */
function flagged(text: string, rule: string, settings: LensSettings = {}, fileName = 'sweep.yaml'): string[] {
  return analyze(text, fileName, settings)
    .findings.filter((f) => f.ruleId === rule)
    .map((f) => text.slice(f.span.start, f.span.end));
}

const fullAdam = (cap: number, method = 'random') =>
  yaml(
    `method: ${method}`,
    `run_cap: ${cap}`,
    'parameters:',
    '  optimizer: {value: adamw}',
    '  learning_rate: {min: 0.00001, max: 0.01, distribution: log_uniform_values}',
    '  adam_beta1: {values: [0.8, 0.9, 0.95]}',
    '  adam_epsilon: {values: [1.0e-8, 1.0e-6]}',
    '  adam_beta2: {values: [0.98, 0.999]}',
  );

test('tier boundaries 9/10, 25/26, 50/51 (default threshold)', () => {
  const expected: Array<[number, string[]]> = [
    [1, ['adam_beta1', 'adam_epsilon', 'adam_beta2']],
    [9, ['adam_beta1', 'adam_epsilon', 'adam_beta2']],
    [10, ['adam_epsilon', 'adam_beta2']],
    [24, ['adam_epsilon', 'adam_beta2']],
    [25, ['adam_epsilon', 'adam_beta2']],
    [26, ['adam_beta2']],
    [50, ['adam_beta2']],
    [51, []],
    [500, []],
  ];
  for (const [cap, overtuned] of expected) assert.deepEqual(flagged(fullAdam(cap), 'adam-overtuned'), overtuned, `run_cap ${cap}`);
});

test('the beta_2 threshold comes from settings (budgetThreshold), boundary threshold/threshold+1', () => {
  assert.deepEqual(flagged(fullAdam(30), 'adam-overtuned', { budgetThreshold: 30 }), ['adam_beta2']);
  assert.deepEqual(flagged(fullAdam(31), 'adam-overtuned', { budgetThreshold: 30 }), []);
  assert.deepEqual(flagged(fullAdam(100), 'adam-overtuned', { budgetThreshold: 100 }), ['adam_beta2']);
});

test('the message names the budget, what it supports, and what the entry needs', () => {
  const finding = analyze(fullAdam(12)).findings.find((f) => f.ruleId === 'adam-overtuned');
  assert.ok(finding);
  assert.equal(finding.severity, 'warning');
  assert.match(finding.message, /12 trials \(run_cap: 12\)/);
  assert.match(finding.message, /supports tuning the learning rate and beta_1/);
  assert.match(finding.message, /epsilon needs at least 26 trials/);
});

test('grids whose product crosses a tier: 3 × 3 = 9 supports the LR only, 5 × 2 = 10 adds beta_1', () => {
  const grid = (lrs: number[], betas: number[]) =>
    yaml(
      'method: grid',
      'parameters:',
      '  optimizer: {value: adam}',
      `  lr: {values: [${lrs.join(', ')}]}`,
      `  beta1: {values: [${betas.join(', ')}]}`,
    );
  assert.deepEqual(flagged(grid([1e-3, 3e-3, 1e-2], [0.8, 0.9, 0.95]), 'adam-overtuned'), ['beta1']);
  assert.deepEqual(flagged(grid([1e-4, 3e-4, 1e-3, 3e-3, 1e-2], [0.9, 0.95]), 'adam-overtuned'), []);
  // A cap below the grid size decides: 10 grid points but run_cap 9.
  assert.deepEqual(flagged(`run_cap: 9\n${grid([1e-4, 3e-4, 1e-3, 3e-3, 1e-2], [0.9, 0.95])}`, 'adam-overtuned'), ['beta1']);
});

test('nested W&B parameters are mapped onto Adam roles (optimizer.parameters.eps)', () => {
  const text = yaml(
    'method: grid',
    'parameters:',
    '  optimizer:',
    '    parameters:',
    '      name: {value: AdamW}',
    '      lr: {values: [0.001, 0.003, 0.01, 0.03]}',
    '      eps:',
    '        values: [1.0e-8, 1.0e-6, 1.0e-4]',
  );
  // 4 × 3 = 12 trials: beta_1 territory, not epsilon.
  assert.deepEqual(flagged(text, 'adam-overtuned'), ['eps']);
  assert.match(analyze(text).findings.find((f) => f.ruleId === 'adam-overtuned')?.message ?? '', /12 trials \(grid of 4 × 3 = 12 points\)/);
});

test('Hydra and Katib studies use the same tiers', () => {
  const hydra = (trials: number) =>
    yaml(
      'defaults:',
      '  - override hydra/sweeper: optuna',
      'hydra:',
      '  sweeper:',
      `    n_trials: ${trials}`,
      '    params:',
      '      optimizer._target_: torch.optim.AdamW',
      '      optimizer.lr: tag(log, interval(1e-5, 1e-2))',
      '      optimizer.betas: choice([0.9, 0.999], [0.9, 0.98])',
    );
  assert.deepEqual(flagged(hydra(50), 'adam-overtuned'), ['optimizer.betas']);
  assert.deepEqual(flagged(hydra(51), 'adam-overtuned'), []);
  const katib = (cap: number) =>
    yaml(
      'apiVersion: kubeflow.org/v1beta1',
      'kind: Experiment',
      'spec:',
      '  algorithm: {algorithmName: tpe}',
      `  maxTrialCount: ${cap}`,
      '  parameters:',
      '    - name: optimizer',
      '      parameterType: categorical',
      '      feasibleSpace: {list: [adam]}',
      '    - name: learningRate',
      '      parameterType: double',
      '      feasibleSpace: {min: "0.0001", max: "0.01"}',
      '    - name: beta1',
      '      parameterType: double',
      '      feasibleSpace: {min: "0.8", max: "0.99"}',
    );
  assert.deepEqual(flagged(katib(9), 'adam-overtuned'), ['beta1']);
  assert.deepEqual(flagged(katib(10), 'adam-overtuned'), []);
});

test('non-Adam optimizers: no Adam finding, whatever the names', () => {
  const sgd = yaml(
    'method: random',
    'run_cap: 5',
    'parameters:',
    '  optimizer: {value: sgd}',
    '  lr: {min: 0.001, max: 0.1}',
    '  beta1: {values: [0.8, 0.9]}',
    '  eps: {values: [1.0e-8, 1.0e-6]}',
  );
  assert.deepEqual(analyze(sgd).findings, []);
  const hydraSgd = yaml(
    'defaults:',
    '  - override hydra/sweeper: optuna',
    'hydra:',
    '  sweeper:',
    '    n_trials: 4',
    '    params:',
    '      model.optimizer._target_: torch.optim.SGD',
    '      model.optimizer.eps: choice(1e-8, 1e-6)',
  );
  assert.deepEqual(analyze(hydraSgd).findings, []);
  // An optimizer the sweep does not name and no Adam-shaped parameter: nothing to say about Adam.
  assert.deepEqual(
    analyze(yaml('method: bayes', 'parameters:', '  lr: {min: 0.001, max: 0.1}', '  dropout: {values: [0.1, 0.2]}')).findings,
    [],
  );
});

test('Adam-shaped names without a named optimizer are read as Adam, and the message says it assumed so', () => {
  const text = yaml('method: random', 'run_cap: 8', 'parameters:', '  lr: {min: 0.001, max: 0.1}', '  beta1: {values: [0.8, 0.9]}');
  const finding = analyze(text).findings.find((f) => f.ruleId === 'adam-overtuned');
  assert.ok(finding);
  assert.match(finding.message, /assumed Adam-family/);
});

test('a tuned optimizer is said, and its Adam choices still count', () => {
  const text = yaml(
    'method: random',
    'run_cap: 8',
    'parameters:',
    '  optimizer: {values: [adamw, sgd]}',
    '  lr: {min: 0.001, max: 0.1}',
    '  adam_beta2: {values: [0.99, 0.999]}',
  );
  const finding = analyze(text).findings.find((f) => f.ruleId === 'adam-overtuned');
  assert.ok(finding);
  assert.match(finding.message, /optimizer itself is tuned too \(adamw, sgd\)/);
});

test('betas tuples: only the component that varies is tuned', () => {
  const text = (pairs: string) =>
    yaml(
      'method: grid',
      'parameters:',
      '  optimizer: {value: adam}',
      '  lr: {values: [1, 2, 3, 4, 5, 6]}',
      `  betas: {values: [${pairs}]}`,
    );
  // 6 × 2 = 12 trials support beta_1, not beta_2.
  assert.deepEqual(flagged(text('[0.8, 0.999], [0.9, 0.999]'), 'adam-overtuned'), []);
  assert.deepEqual(flagged(text('[0.9, 0.98], [0.9, 0.999]'), 'adam-overtuned'), ['betas']);
  assert.deepEqual(flagged(text('"(0.9,0.98)", "(0.9,0.999)"'), 'adam-overtuned'), ['betas']);
});

test('adam-undertuned: a hint on the LR entry naming what the budget also supports', () => {
  const text = yaml(
    'method: random',
    'run_cap: 30',
    'parameters:',
    '  optimizer: {value: adam}',
    '  lr: {min: 0.001, max: 0.1}',
    '  batch_size: {values: [16, 32]}',
  );
  const [finding, ...rest] = analyze(text).findings;
  assert.equal(rest.length, 0);
  assert.equal(finding?.ruleId, 'adam-undertuned');
  assert.equal(finding.severity, 'hint');
  assert.equal(text.slice(finding.span.start, finding.span.end), 'lr');
  assert.match(finding.message, /supports tuning beta_1 and epsilon as well; it tunes only the learning rate/);
  // 9 trials: the LR alone is right; no hint.
  assert.deepEqual(analyze(text.replace('run_cap: 30', 'run_cap: 9')).findings, []);
});

test('unknown-budget: an Adam study that nothing bounds, information on the method; tuning the LR alone is affordable', () => {
  const lrOnly = yaml('method: bayes', 'parameters:', '  optimizer: {value: adamw}', '  lr: {min: 0.001, max: 0.1}');
  assert.equal(analyze(lrOnly).documents[0]?.sweep?.budget.trials, null);
  assert.deepEqual(analyze(lrOnly).findings, []);
  const text = `${lrOnly}  beta1: {min: 0.8, max: 0.95}\n`;
  const [finding, ...rest] = analyze(text).findings;
  assert.equal(rest.length, 0);
  assert.equal(finding?.ruleId, 'unknown-budget');
  assert.equal(finding.severity, 'information');
  assert.equal(text.slice(finding.span.start, finding.span.end), 'method');
  assert.match(finding.message, /run_cap/);
  assert.deepEqual(analyze(text.replace('method: bayes', 'method: bayes\nrun_cap: 10')).findings, []);
  const katib = yaml(
    'apiVersion: kubeflow.org/v1beta1',
    'kind: Experiment',
    'spec:',
    '  algorithm: {algorithmName: random}',
    '  parameters:',
    '    - name: adam_lr',
    '      parameterType: double',
    '      feasibleSpace: {min: "0.001", max: "0.1"}',
  );
  assert.deepEqual(
    analyze(katib).findings.map((f) => f.ruleId),
    [],
  );
  const katibBeta = `${katib}    - name: adam_beta1\n      parameterType: double\n      feasibleSpace: {min: "0.8", max: "0.95"}\n`;
  assert.deepEqual(
    analyze(katibBeta).findings.map((f) => f.ruleId),
    ['unknown-budget'],
  );
});

test('tuned-train-steps in every format; a length fixed for every trial is fine', () => {
  assert.deepEqual(
    flagged(yaml('method: grid', 'parameters:', '  epochs: {values: [10, 20]}', '  lr: {values: [0.1]}'), 'tuned-train-steps'),
    ['epochs'],
  );
  assert.deepEqual(
    flagged(yaml('method: grid', 'parameters:', '  epochs: {value: 10}', '  max_steps: {values: [1000]}'), 'tuned-train-steps'),
    [],
  );
  assert.deepEqual(
    flagged(
      yaml('hydra:', '  mode: MULTIRUN', '  sweeper:', '    params:', '      trainer.max_steps: 1000,2000', '      seed: 1,2'),
      'tuned-train-steps',
    ),
    ['trainer.max_steps'],
  );
  const katib = (max: string) =>
    yaml(
      'apiVersion: kubeflow.org/v1beta1',
      'kind: Experiment',
      'spec:',
      '  maxTrialCount: 4',
      '  parameters:',
      '    - name: num-epochs',
      '      parameterType: int',
      `      feasibleSpace: {min: "1", max: "${max}"}`,
    );
  assert.deepEqual(flagged(katib('3'), 'tuned-train-steps'), ['num-epochs']);
  assert.deepEqual(flagged(katib('1'), 'tuned-train-steps'), []);
});

test('constant-lr when the sweep fixes a constant schedule for every trial, not when it tunes the schedule', () => {
  assert.deepEqual(
    flagged(
      yaml('method: random', 'run_cap: 5', 'parameters:', '  lr_scheduler_type: {value: constant}', '  lr: {min: 0.001, max: 0.1}'),
      'constant-lr',
    ),
    ['lr_scheduler_type'],
  );
  assert.deepEqual(
    flagged(yaml('method: random', 'run_cap: 5', 'parameters:', '  lr_scheduler_type: {values: [constant, cosine]}'), 'constant-lr'),
    [],
  );
  assert.deepEqual(flagged(yaml('method: random', 'run_cap: 5', 'parameters:', '  anneal_lr: {values: [false]}'), 'constant-lr'), [
    'anneal_lr',
  ]);
  assert.deepEqual(flagged(yaml('method: random', 'run_cap: 5', 'parameters:', '  anneal_lr: {values: [true]}'), 'constant-lr'), []);
});

test('embedded sweep: hydra.sweeper.params in a training config, with the optimizer the config names', () => {
  const nemo = (optimizer: string) =>
    yaml(
      'trainer:',
      '  max_steps: 10000',
      'model:',
      '  optim:',
      `    name: ${optimizer}`,
      '    lr: 0.0003',
      '    sched:',
      '      name: CosineAnnealing',
      '      warmup_steps: 100',
      'hydra:',
      '  sweeper:',
      '    params:',
      '      model.optim.lr: 1e-4,3e-4,1e-3',
      '      model.optim.betas: "[0.9,0.98],[0.9,0.999]"',
    );
  const analysis = analyze(nemo('adamw'));
  assert.equal(analysis.documents[0]?.dialect.id, 'nemo');
  assert.equal(analysis.documents[0]?.sweep?.budget.trials, 6);
  assert.deepEqual(flagged(nemo('adamw'), 'adam-overtuned'), ['model.optim.betas']);
  assert.deepEqual(flagged(nemo('sgd'), 'adam-overtuned'), []);
});

test('the optimizer a launch command fixes (Katib trial template, W&B command) decides the family', () => {
  const katib = (flag: string) =>
    yaml(
      'apiVersion: kubeflow.org/v1beta1',
      'kind: Experiment',
      'spec:',
      '  maxTrialCount: 6',
      '  parameters:',
      '    - name: lr',
      '      parameterType: double',
      '      feasibleSpace: {min: "0.001", max: "0.1"}',
      '    - name: eps',
      '      parameterType: discrete',
      '      feasibleSpace: {list: ["1e-8", "1e-6"]}',
      '  trialTemplate:',
      '    trialSpec:',
      '      spec:',
      '        containers:',
      '          - command: ["python3", "train.py", "' + flag + '", "--lr=${trialParameters.learningRate}"]',
    );
  assert.deepEqual(flagged(katib('--optimizer=adamw'), 'adam-overtuned'), ['eps']);
  assert.deepEqual(flagged(katib('--optimizer=sgd'), 'adam-overtuned'), []);
  assert.deepEqual(flagged(katib('--optimizer=${trialParameters.optimizer}'), 'adam-overtuned'), ['eps']);
  const wandb = (flag: string) =>
    yaml(
      'method: random',
      'run_cap: 5',
      'command:',
      '  - ${env}',
      '  - python',
      '  - train.py',
      `  - ${flag}`,
      '  - sgd',
      '  - ${args}',
      'parameters:',
      '  lr: {min: 0.001, max: 0.1}',
      '  beta1: {values: [0.8, 0.9]}',
    );
  assert.deepEqual(flagged(wandb('--optim'), 'adam-overtuned'), []);
  assert.deepEqual(flagged(wandb('--seed'), 'adam-overtuned'), ['beta1']);
});

test('adam-undertuned beside adam-overtuned says the skipped hyperparameter matters more than the ones tuned instead', () => {
  const text = yaml(
    'method: random',
    'run_cap: 12',
    'parameters:',
    '  optimizer: {value: adamw}',
    '  lr: {min: 0.0001, max: 0.01}',
    '  adam_beta2: {values: [0.98, 0.999]}',
  );
  const hint = analyze(text).findings.find((f) => f.ruleId === 'adam-undertuned');
  assert.match(hint?.message ?? '', /supports tuning beta_1, which matters more than the beta_2 it tunes instead/);
});
