import assert from 'node:assert/strict';
import { test } from 'node:test';
import { huggingFaceSchedule } from '../../../../server/src/frameworks/huggingface/schedule';

// Reference values worked out from transformers' src/transformers/optimization.py.
test('linear with warmup: W=10, T=100 matches transformers step by step', () => {
  const s = huggingFaceSchedule({ name: 'linear', baseLr: 1, warmupSteps: 10, totalSteps: 100, kwargs: {} });
  assert.equal(s.lrAt(0), 0);
  assert.equal(s.lrAt(5), 0.5);
  assert.equal(s.lrAt(10), 1);
  assert.equal(s.lrAt(55), 0.5);
  assert.equal(s.lrAt(99), 1 / 90);
});

test('cosine reaches half the LR at mid-decay and never goes negative', () => {
  const s = huggingFaceSchedule({ name: 'cosine', baseLr: 2e-5, warmupSteps: 0, totalSteps: 100, kwargs: {} });
  assert.equal(s.lrAt(0), 2e-5);
  assert.ok(Math.abs(s.lrAt(50) - 1e-5) < 1e-20);
  for (let t = 0; t < 100; t++) assert.ok(s.lrAt(t) >= 0);
});

test('cosine_with_min_lr floors at min_lr_rate', () => {
  const s = huggingFaceSchedule({ name: 'cosine_with_min_lr', baseLr: 1, warmupSteps: 0, totalSteps: 100, kwargs: { min_lr_rate: 0.1 } });
  assert.ok(Math.abs(s.lrAt(100) - 0.1) < 1e-15);
  assert.ok(s.lrAt(99) > 0.1);
});

test('inverse_sqrt uses the warmup as timescale and is 1 at the end of warmup', () => {
  const s = huggingFaceSchedule({ name: 'inverse_sqrt', baseLr: 1, warmupSteps: 100, totalSteps: 1000, kwargs: { timescale: 5 } });
  assert.equal(s.lrAt(100), 1);
  assert.equal(s.lrAt(300), 1 / Math.sqrt(3));
});

test('constant_with_warmup ramps from 0 then holds', () => {
  const s = huggingFaceSchedule({ name: 'constant_with_warmup', baseLr: 3, warmupSteps: 4, totalSteps: 10, kwargs: {} });
  assert.deepEqual(
    [0, 1, 2, 3, 4, 9].map((t) => s.lrAt(t)),
    [0, 0.75, 1.5, 2.25, 3, 3],
  );
});

test('cosine_warmup_with_min_lr is shifted by one step', () => {
  const s = huggingFaceSchedule({
    name: 'cosine_warmup_with_min_lr',
    baseLr: 1,
    warmupSteps: 10,
    totalSteps: 100,
    kwargs: { min_lr_rate: 0 },
  });
  assert.equal(s.lrAt(0), 0.1);
  assert.equal(s.lrAt(9), 1);
  assert.ok(Math.abs(s.lrAt(99)) < 1e-15);
});

test('warmup_stable_decay: warmup, stable plateau, decay to min_lr_ratio', () => {
  const s = huggingFaceSchedule({
    name: 'warmup_stable_decay',
    baseLr: 1,
    warmupSteps: 10,
    totalSteps: 100,
    kwargs: { num_decay_steps: 20, min_lr_ratio: 0.1 },
  });
  assert.ok(Math.abs(s.lrAt(0) - 0.1) < 1e-15);
  assert.equal(s.lrAt(50), 1);
  assert.equal(s.lrAt(79), 1);
  assert.ok(Math.abs(s.lrAt(90) - (0.5 * (1 + Math.cos(Math.PI * 0.5)) * 0.9 + 0.1)) < 1e-15);
  assert.equal(s.lrAt(100), 0.1);
  assert.deepEqual(
    s.markers.map((m) => m.kind),
    ['warmup-end', 'decay-start'],
  );
});

test('polynomial decays to lr_end and stays there past T', () => {
  const s = huggingFaceSchedule({ name: 'polynomial', baseLr: 1e-3, warmupSteps: 0, totalSteps: 10, kwargs: { lr_end: 1e-4, power: 2 } });
  assert.ok(Math.abs(s.lrAt(5) - ((1e-3 - 1e-4) * 0.25 + 1e-4)) < 1e-18);
  assert.ok(Math.abs(s.lrAt(11) - 1e-4) < 1e-18);
});

test('an every-step curve of a very long run is sampled instead of exhausting memory', async () => {
  const { analyzeConfig, curveOfAnalysis } = await import('../../../../server/src');
  const { EVERY_STEP_LIMIT } = await import('../../../../server/src/analysis/curve');
  const analysis = analyzeConfig(
    'output_dir: o\nlearning_rate: 0.001\nlr_scheduler_type: cosine_with_restarts\nlr_scheduler_kwargs: {num_cycles: 3}\nmax_steps: 1000000000\n',
    'c.yaml',
  );
  const curve = curveOfAnalysis(analysis, { everyStep: true });
  assert.ok(curve);
  assert.equal(curve.totalSteps, 1_000_000_000);
  assert.ok(curve.points.length <= EVERY_STEP_LIMIT + 16);
  assert.equal(curve.points.at(-1)?.step, 999_999_999);
  const short = curveOfAnalysis(analyzeConfig('output_dir: o\nlearning_rate: 0.001\nmax_steps: 300\n', 'c.yaml'), { everyStep: true });
  assert.ok(short);
  assert.equal(short.points.length, 300);
});
