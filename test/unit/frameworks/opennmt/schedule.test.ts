// OpenNMT-py decay (onmt/utils/optimizers.py): update k (0-based) uses learning_rate * decay_fn(k + 1).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { openNmtSchedule } from '../../../../server/src/frameworks/opennmt/schedule';
import { assertSteps } from '../../schedules/expectLr';

const build = (name: string, params: Record<string, unknown>, totalSteps: number, baseLr = 2) =>
  openNmtSchedule({ name, params, baseLr, warmupSteps: 0, totalSteps });

test('noam: lr is a scale; peak lr * hidden^-.5 * warmup^-.5 on the warmup_steps-th update', () => {
  // lr 2, hidden 512, warmup 8000 (step = k + 1): k=0 -> 2 * 512^-.5 * 1 * 8000^-1.5; k=7999 -> 2 * 512^-.5 * 8000^-.5;
  // k=31999 (step 32000) -> 2 * 512^-.5 * 32000^-.5
  const s = build('noam', { hidden_size: 512, warmup_steps: 8000 }, 200000);
  assertSteps(s, { 0: 2 * 512 ** -0.5 * 8000 ** -1.5, 7999: 2 * 512 ** -0.5 * 8000 ** -0.5, 31999: 2 * 512 ** -0.5 * 32000 ** -0.5 });
  assert.equal(build('noam', {}, 100), null, 'hidden_size is required');
});

test('none still halves the LR every decay_steps from start_decay_steps (opts defaults)', () => {
  // lr 1, defaults start 50000, decay 10000, rate .5: step = k+1. k=49998 (step 49999) -> 1; k=49999 (step 50000) -> .5;
  // k=59999 (step 60000) -> .25
  const s = build('none', {}, 100000, 1);
  assertSteps(s, { 0: 1, 49998: 1, 49999: 0.5, 59998: 0.5, 59999: 0.25 });
  assert.deepEqual(
    s.markers.slice(0, 2).map((m) => m.step),
    [49999, 59999],
  );
  assertSteps(build('none', { start_decay_steps: null }, 100000, 1), { 99999: 1 });
});

test('rsqrt: flat 1/sqrt(W) then decay (no ramp); noamwd multiplies noam by the exponential decay', () => {
  // rsqrt W 100, lr 1: k=0 -> .1; k=99 -> .1; k=399 (step 400) -> .05
  assertSteps(build('rsqrt', { warmup_steps: 100 }, 1000, 1), { 0: 0.1, 99: 0.1, 399: 0.05 });
  // noamwd hidden 4, W 1, start 10, decay 10, rate .5: k=8 (step 9) -> .5 * 9^-.5; k=9 (step 10) -> .5 * 10^-.5 * .5
  assertSteps(build('noamwd', { hidden_size: 4, warmup_steps: 1, start_decay_steps: 10, decay_steps: 10 }, 100, 1), {
    8: 0.5 * 9 ** -0.5,
    9: 0.5 * 10 ** -0.5 * 0.5,
  });
});
