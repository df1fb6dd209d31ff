// Trial budgets of sweep files of our own: explicit caps, exact grid sizes (nested W&B parameters included),
// the smaller of the two, and unknown budgets.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { SweepPlan } from '../../../server/src/plan/sweepPlan';
import { analyze, yaml } from '../dialects/analyze';

function sweepOf(text: string, dialect: string, fileName = 'study.yaml'): SweepPlan {
  const document = analyze(text, fileName).documents[0];
  assert.equal(document?.dialect.id, dialect);
  assert.ok(document.sweep, `${dialect}: no sweep plan`);
  return document.sweep;
}

test('W&B grid: product over every leaf, nested parameters flattened to dotted names', () => {
  const sweep = sweepOf(
    yaml(
      'method: grid',
      'parameters:',
      '  optimizer:',
      '    parameters:',
      '      lr: {values: [0.1, 0.01, 0.001]}',
      '      adam_beta1:',
      '        values: [0.8, 0.9]',
      '  batch_size: {values: [16, 32]}',
      '  epochs: {value: 3}',
    ),
    'wandb-sweep',
  );
  assert.deepEqual(
    sweep.entries.map((e) => e.name),
    ['optimizer.lr', 'optimizer.adam_beta1', 'batch_size', 'epochs'],
  );
  assert.deepEqual(sweep.budget, { trials: 12, cap: null, gridSize: 12, basis: 'grid of 3 × 2 × 2 = 12 points' });
});

test('W&B grid: int_uniform includes max, q_uniform excludes it, float bounds cannot be gridded', () => {
  const grid = (param: string) => sweepOf(yaml('method: grid', 'parameters:', `  x: ${param}`), 'wandb-sweep').budget.gridSize;
  assert.equal(grid('{min: 1, max: 4}'), 4);
  assert.equal(grid('{distribution: int_uniform, min: 2, max: 2}'), 1);
  assert.equal(grid('{distribution: q_uniform, min: 0, max: 1, q: 0.25}'), 4);
  assert.equal(grid('{min: 1.0, max: 4.0}'), null);
  assert.equal(grid('{min: 1e-5, max: 1e-1}'), null);
  assert.equal(grid('{values: [1, 2], probabilities: [0.5, 0.5]}'), null);
});

test('W&B: the smaller of run_cap and grid size; random and bayes bounded only by run_cap', () => {
  const params = ['parameters:', '  lr: {values: [1, 2, 3, 4, 5, 6]}', '  wd: {values: [0, 1]}'];
  assert.equal(sweepOf(yaml('method: grid', 'run_cap: 5', ...params), 'wandb-sweep').budget.trials, 5);
  assert.equal(sweepOf(yaml('method: grid', 'run_cap: 50', ...params), 'wandb-sweep').budget.trials, 12);
  assert.equal(sweepOf(yaml('method: random', 'run_cap: 7', ...params), 'wandb-sweep').budget.trials, 7);
  const unbounded = sweepOf(yaml('method: bayes', ...params), 'wandb-sweep');
  assert.equal(unbounded.budget.trials, null);
  assert.match(unbounded.assumptions.join(' '), /run_cap/);
  const continuousGrid = sweepOf(yaml('method: grid', 'parameters:', '  lr: {min: 0.001, max: 0.1}'), 'wandb-sweep');
  assert.equal(continuousGrid.budget.trials, null);
});

test('Hydra basic sweeper: comma lists, range() without its stop, choice(); interval() leaves the size unknown', () => {
  const sweep = sweepOf(
    yaml(
      'hydra:',
      '  sweeper:',
      '    params:',
      '      optimizer.lr: 0.1,0.01,0.001',
      '      seed: range(1,4)',
      '      db: choice(mysql, postgres)',
      '      run: 7',
      '    max_batch_size: 4',
    ),
    'hydra-sweep',
  );
  assert.equal(sweep.method, 'basic (grid)');
  assert.deepEqual(
    sweep.entries.map((e) => [e.name, e.kind, e.gridPoints]),
    [
      ['optimizer.lr', 'choice', 3],
      ['seed', 'range', 3],
      ['db', 'choice', 2],
      ['run', 'fixed', 1],
    ],
  );
  assert.deepEqual(sweep.entries[1]?.values, [1, 2, 3]);
  assert.equal(sweep.budget.trials, 18);
  const withInterval = sweepOf(
    yaml('hydra:', '  mode: MULTIRUN', '  sweeper:', '    params:', '      lr: interval(0.1, 1)', '      x: 1,2'),
    'hydra-sweep',
  );
  assert.equal(withInterval.budget.trials, null);
});

test('Hydra Optuna sweeper: n_trials (default 20), grid sampler capped by the grid, tag(log, ..) and legacy search_space', () => {
  const optuna = (...lines: string[]) => sweepOf(yaml('defaults:', '  - override hydra/sweeper: optuna', ...lines), 'hydra-sweep');
  const tpe = optuna(
    'hydra:',
    '  sweeper:',
    '    n_trials: 30',
    '    params:',
    '      model.optimizer.lr: tag(log, interval(1e-5, 1e-1))',
    '      batch: choice(16, 32)',
  );
  assert.equal(tpe.budget.trials, 30);
  assert.equal(tpe.entries[0]?.kind, 'distribution');
  assert.equal(tpe.entries[0]?.distribution, 'log');
  assert.equal(tpe.entries[0]?.min, 1e-5);
  const byDefault = optuna('hydra:', '  sweeper:', '    params:', '      lr: interval(0.1, 1)');
  assert.equal(byDefault.budget.trials, 20);
  const grid = optuna(
    '  - override hydra/sweeper/sampler: grid',
    'hydra:',
    '  sweeper:',
    '    n_trials: 100',
    '    params:',
    '      x: choice(1, 2, 3)',
    '      y: range(0, 1, step=0.25)',
  );
  assert.equal(grid.method, 'optuna grid');
  assert.deepEqual(grid.budget, {
    trials: 12,
    cap: 100,
    gridSize: 12,
    basis: 'grid of 3 × 4 = 12 points, below n_trials: 100',
    capSpan: grid.budget.capSpan,
  });
  const legacy = optuna(
    'hydra:',
    '  sweeper:',
    '    n_trials: 9',
    '    search_space:',
    '      lr: {type: float, low: 0.001, high: 0.1, log: true}',
    '      width: {type: categorical, choices: [32, 64]}',
    '      depth: {type: int, low: 2, high: 5}',
  );
  assert.deepEqual(
    legacy.entries.map((e) => [e.name, e.kind, e.gridPoints]),
    [
      ['lr', 'distribution', null],
      ['width', 'choice', 2],
      ['depth', 'range', 4],
    ],
  );
  assert.equal(legacy.budget.trials, 9);
});

test('Katib: maxTrialCount; grid combinations (double with max, int, lists); no cap on a random search is unknown', () => {
  const katib = (algorithm: string, cap: string[]) =>
    sweepOf(
      yaml(
        'apiVersion: kubeflow.org/v1beta1',
        'kind: Experiment',
        'spec:',
        `  algorithm: {algorithmName: ${algorithm}}`,
        ...cap,
        '  parameters:',
        '    - name: learning_rate',
        '      parameterType: double',
        '      feasibleSpace: {min: "0.01", max: "0.05", step: "0.01"}',
        '    - name: layers',
        '      parameterType: int',
        '      feasibleSpace: {min: "1", max: "3"}',
        '    - name: act',
        '      parameterType: categorical',
        '      feasibleSpace: {list: [relu, gelu]}',
      ),
      'katib',
    );
  assert.deepEqual(katib('grid', []).budget, { trials: 30, cap: null, gridSize: 30, basis: 'grid of 5 × 3 × 2 = 30 points' });
  assert.equal(katib('grid', ['  maxTrialCount: 12']).budget.trials, 12);
  assert.equal(katib('random', ['  maxTrialCount: 40']).budget.trials, 40);
  assert.equal(katib('random', []).budget.trials, null);
});
