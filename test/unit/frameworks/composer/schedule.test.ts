// Composer / llm-foundry schedulers (mosaicml/composer composer/optim/scheduler.py). Batch k trains with base * alpha(max(k-1, 0)).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { composerSchedule } from '../../../../server/src/frameworks/composer/schedule';
import { composerTimeToBatches, parseComposerTime } from '../../../../server/src/schedules/composerTime';
import { assertSteps } from '../../schedules/expectLr';

const build = (name: string, params: Record<string, unknown>, totalSteps: number, baseLr = 1, stepsPerEpoch?: number) =>
  composerSchedule({ name, params, baseLr, warmupSteps: 0, totalSteps, stepsPerEpoch });

test('time strings: ba, ep, dur, scientific notation; dur of an epoch max_duration uses batches per epoch', () => {
  assert.deepEqual(parseComposerTime('100ba'), { value: 100, unit: 'ba' });
  assert.deepEqual(parseComposerTime('0.05dur'), { value: 0.05, unit: 'dur' });
  assert.deepEqual(parseComposerTime('3e4tok'), { value: 30000, unit: 'tok' });
  assert.deepEqual(parseComposerTime(3), { value: 3, unit: 'ep' }, 'an int max_duration means epochs');
  // 0.05dur of 4800ba -> int(240.0) = 240; 0.1dur of 3ep x 333 batches -> int(.1 * 333 * 3) = 99; 2ep -> 666
  assert.equal(composerTimeToBatches({ value: 0.05, unit: 'dur' }, { maxDuration: { value: 4800, unit: 'ba' } }), 240);
  assert.equal(composerTimeToBatches({ value: 0.1, unit: 'dur' }, { maxDuration: { value: 3, unit: 'ep' }, dataloaderLen: 333 }), 99);
  assert.equal(composerTimeToBatches({ value: 2, unit: 'ep' }, { maxDuration: { value: 3, unit: 'ep' }, dataloaderLen: 333 }), 666);
  assert.equal(composerTimeToBatches({ value: 1000, unit: 'tok' }, { maxDuration: { value: 3, unit: 'ep' } }), undefined);
});

test('cosine_with_warmup (mpt-125m): batches 0 and 1 both at alpha(0) = 0, peak one batch after t_warmup', () => {
  // t_warmup 100ba, alpha_f .1, max_duration 4800ba, lr 6e-4. alpha(t): t<100: t/100; else cos anneal of (t-100)/4700 to .1.
  // batch 0 -> alpha(0) = 0; batch 1 -> alpha(0) = 0; batch 51 -> alpha(50) = .5; batch 101 -> alpha(100) = 1;
  // batch 2451 -> alpha(2450): frac .5 -> .1 + .9 * .5 = .55; batch 4799 (last) -> alpha(4798), just above .1; past -> .1
  const s = build('cosine_with_warmup', { t_warmup: '100ba', alpha_f: 0.1, max_duration: '4800ba' }, 4800, 6e-4);
  const last = 0.1 + (0.9 * (1 + Math.cos((4698 / 4700) * Math.PI))) / 2;
  assertSteps(s, { 0: 0, 1: 0, 51: 3e-4, 100: 6e-4 * 0.99, 101: 6e-4, 2451: 6e-4 * 0.55, 4799: 6e-4 * last, 6000: 6e-4 * 0.1 });
  assert.deepEqual(
    s.markers.map((m) => [m.step, m.kind]),
    [[101, 'warmup-end']],
  );
});

test('t_warmup in dur and epochs, linear_decay_with_warmup, constant_with_warmup keeps alpha after t_max', () => {
  // max_duration 2ep x 50 batches = 100ba; t_warmup .1dur = int(.1*50*2) = 10; linear alpha_i 1 -> alpha_f .2:
  // batch 6 -> alpha(5) = .5; batch 11 -> alpha(10) = 1; batch 56 -> alpha(55): frac 45/90 -> 1 + .5*(.2-1) = .6
  assertSteps(build('linear_decay_with_warmup', { t_warmup: '0.1dur', alpha_f: 0.2, max_duration: 2 }, 100, 1, 50), {
    6: 0.5,
    11: 1,
    56: 0.6,
    99: 1 + (88 / 90) * (0.2 - 1),
  });
  // constant_with_warmup alpha .5, t_warmup 1ep (50 batches): batch 26 -> alpha(25) = .25; batch 60 and past t_max -> .5
  assertSteps(build('constant_with_warmup', { t_warmup: '1ep', alpha: 0.5, max_duration: '100ba' }, 100, 1, 50), {
    26: 0.25,
    60: 0.5,
    500: 0.5,
  });
});

test('plain schedulers: step, multistep (time strings), exponential per epoch, polynomial, warm restarts with int truncation', () => {
  // StepScheduler step_size 10ba gamma .5: batch 10 -> alpha(9) = 1; batch 11 -> alpha(10) = .5
  assertSteps(build('StepScheduler', { step_size: '10ba', gamma: 0.5 }, 100), { 10: 1, 11: 0.5, 31: 0.125 });
  // MultiStep milestones [1ep, 30ba] with 20 batches per epoch -> [20, 30]: batch 21 -> .1, batch 31 -> .01
  assertSteps(build('multistep', { milestones: ['1ep', '30ba'] }, 100, 1, 20), { 20: 1, 21: 0.1, 31: 0.1 * 0.1 });
  // Exponential gamma .5, decay_period 1ep = 10 batches: continuous: batch 6 -> .5 ** (5/10)
  assertSteps(build('ExponentialScheduler', { gamma: 0.5 }, 100, 1, 10), { 6: 0.5 ** 0.5, 21: 0.25 });
  // Polynomial power 2, t_max 1dur = 100ba: batch 51 -> (1 - .5)^2 = .25
  assertSteps(build('PolynomialScheduler', { power: 2 }, 100), { 0: 1, 51: 0.25 });
  // Warm restarts t_0 10ba, t_mult 1.5: cycles 10, int(15)=15, int(22.5)=22 -> restarts at alpha-time 10, 25, 47
  const wr = build('CosineAnnealingWarmRestartsScheduler', { t_0: '10ba', t_mult: 1.5 }, 100);
  assert.ok(wr);
  assertSteps(wr, { 11: 1, 26: 1, 48: 1, 6: 0.5, 25: (1 + Math.cos((14 / 15) * Math.PI)) / 2 });
  assert.deepEqual(
    wr.markers.slice(0, 3).map((m) => m.step),
    [11, 26, 48],
  );
});

test('inv_sqrt_with_warmup (llm-foundry) with cooldown; token times cannot be drawn', () => {
  // t_warmup 10ba, t_scale 10ba (shift 0), t_cooldown 20ba, max 100ba: alpha(40) = 1/sqrt(4) = .5;
  // cooldown starts at 80: alpha_i = 1/sqrt(8); alpha(90) = alpha_i + .5 * (0 - alpha_i)
  const ai = 1 / Math.sqrt(8);
  assertSteps(build('inv_sqrt_with_warmup', { t_warmup: '10ba', t_scale: '10ba', t_cooldown: '20ba' }, 100), {
    6: 0.5,
    41: 0.5,
    81: ai,
    91: ai + 0.5 * (0 - ai),
  });
  assert.equal(build('cosine_with_warmup', { t_warmup: '1000tok' }, 100), null);
});
