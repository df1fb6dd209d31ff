// Hover on a study: the budget, its basis, the optimizer, what is tuned and what the budget supports.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { hoverAt } from '../../../server/src/index';
import { analyze, yaml } from '../dialects/analyze';

const text = yaml(
  'method: random',
  'run_cap: 12',
  'parameters:',
  '  optimizer: {value: adamw}',
  '  lr: {min: 0.0001, max: 0.01}',
  '  adam_beta2: {values: [0.98, 0.999]}',
  '  dropout: {values: [0.0, 0.1]}',
);

test('hover on a tuned Adam entry: the finding and the study summary', () => {
  const hover = hoverAt(analyze(text), text.indexOf('adam_beta2') + 2);
  assert.ok(hover);
  assert.match(hover.markdown, /adam-overtuned/);
  assert.match(hover.markdown, /Budget: 12 trials \(run_cap: 12\)/);
  assert.match(hover.markdown, /Adam hyperparameters tuned: the learning rate, beta_2/);
  assert.match(hover.markdown, /The budget supports tuning: the learning rate, beta_1/);
});

test('hover on the method shows the study; on an unrelated parameter nothing', () => {
  assert.match(hoverAt(analyze(text), 1)?.markdown ?? '', /Method: random/);
  assert.equal(hoverAt(analyze(text), text.indexOf('dropout') + 1), null);
  // The threshold setting changes what the budget supports.
  const generous = hoverAt(analyze(text, 'sweep.yaml', { budgetThreshold: 11 }), 1);
  assert.match(generous?.markdown ?? '', /supports tuning: the learning rate, beta_1, beta_2/);
});
