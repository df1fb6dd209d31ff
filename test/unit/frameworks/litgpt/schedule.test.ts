// litgpt's built-in schedules, hand-derived from Lightning-AI/litgpt @26857050fe3ff627cd714fe92f5838f51a3d5efa:
// pretrain.py `get_lr` (LR set before each micro-batch `it`; update k uses it = (k+1)·GA − 1) and finetune/lora.py
// `get_lr_scheduler` (SequentialLR of LambdaLR(step / W) and CosineAnnealingLR(T_max = M − W), stepped per update).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { litgptSchedule, pretrainLr } from '../../../../server/src/frameworks/litgpt/schedule';
import { assertLr, assertSteps } from '../../schedules/expectLr';

const PI = Math.PI;

function pretrain(warmupIters: number, maxIters: number, ga: number, minLr: number, lr = 1, total = Math.floor(maxIters / ga)) {
  return litgptSchedule({
    name: 'pretrain',
    params: { warmup_iters: warmupIters, max_iters: maxIters, grad_accum: ga, min_lr: minLr },
    baseLr: lr,
    warmupSteps: 0,
    totalSteps: total,
  });
}

test('pretrain get_lr: warmup lr·it/Wi from 0, cosine to min_lr at max_iters, min_lr past it', () => {
  // Wi = 4, max_iters = 12, min_lr 0.1: it 0 → 0, it 2 → 0.5, it 4 → 1, it 8 → 0.1 + 0.5·(1 + cos(π/2))·0.9 = 0.55
  assert.equal(pretrainLr(1, 0, 4, 12, 0.1), 0);
  assert.equal(pretrainLr(1, 2, 4, 12, 0.1), 0.5);
  assert.equal(pretrainLr(1, 4, 4, 12, 0.1), 1);
  assertLr(pretrainLr(1, 8, 4, 12, 0.1), 0.55);
  assertLr(pretrainLr(1, 12, 4, 12, 0.1), 0.1);
  assert.equal(pretrainLr(1, 13, 4, 12, 0.1), 0.1);
});

test('pretrain per update with gradient accumulation: update k uses micro-batch (k+1)·GA − 1', () => {
  // GA = 4, Wi = 8 micro-batches (lr_warmup_steps 2), max_iters 40 → 10 updates.
  // k=0: it 3 → 3/8; k=1: it 7 → 7/8; k=2: it 11 → cosine at (11−8)/32; k=9: it 39 → (39−8)/32 (above min_lr).
  const s = pretrain(8, 40, 4, 0.1);
  assert.equal(s?.totalSteps, 10);
  const cos = (it: number) => 0.1 + 0.5 * (1.0 + Math.cos(PI * ((it - 8) / 32))) * 0.9;
  assertSteps(s, { 0: 3 / 8, 1: 7 / 8, 2: cos(11), 5: cos(23), 9: cos(39) });
  assert.ok((s?.lrAt(9) ?? 0) > 0.1, 'the last update is slightly above min_lr');
  assert.deepEqual(
    s?.markers.map((m) => [m.step, m.kind]),
    [[2, 'warmup-end']],
  );
});

test('pretrain with GA = 1: update 0 gets LR 0; no warmup starts on the cosine at η', () => {
  assertSteps(pretrain(10, 100, 1, 0), { 0: 0, 5: 0.5, 10: 1, 55: 0.5 });
  assertSteps(pretrain(0, 100, 1, 0), { 0: 1, 50: 0.5 });
});

function finetune(warmup: number, lrMaxSteps: number, total: number, lr = 1) {
  return litgptSchedule({
    name: 'finetune',
    params: { warmup_steps: warmup, lr_max_steps: lrMaxSteps },
    baseLr: lr,
    warmupSteps: warmup,
    totalSteps: total,
  });
}

test('finetune: LambdaLR warmup η·(k/W), η exactly at W (closed form), then the torch cosine to 0 at M', () => {
  // W = 10, M = 110 (T_max 100): k=5 → 0.5; k=10 → 1; k=60 → ½(1 + cos(π/2)) = 0.5; k=110 → 0.
  const s = finetune(10, 110, 120, 2e-4);
  assertSteps(s, {
    0: 0,
    5: 2e-4 * (5 / 10),
    10: 2e-4,
    11: 2e-4 * ((1 + Math.cos(PI / 100)) / 2),
    60: 2e-4 * 0.5 * (1 + Math.cos(PI * 0.5)),
  });
  assert.ok(Math.abs(s?.lrAt(110) ?? NaN) < 1e-18, 'zero at M');
  // Past M the cosine is not clamped: it rises again (a run a few updates longer than lr_max_steps).
  assert.ok((s?.lrAt(119) ?? 0) > (s?.lrAt(111) ?? 1));
  assert.deepEqual(
    s?.markers.map((m) => [m.step, m.kind]),
    [
      [10, 'warmup-end'],
      [110, 'horizon'],
    ],
  );
});

test('finetune: a run that ends inside the warmup never builds the cosine; W = 0 or T_max = 0 cannot run', () => {
  // litgpt's phi-2 full.yaml: W = 200, max_steps 100 (T_max = −100 is never reached).
  assertSteps(finetune(200, 100, 100, 2e-4), { 0: 0, 1: 2e-4 * (1 / 200), 99: 2e-4 * (99 / 200) });
  assert.equal(finetune(0, 100, 100), null);
  assert.equal(finetune(100, 100, 120), null);
});
