// torchtitan build_lr_schedulers / linear_warmup_stable_decay (pytorch/torchtitan torchtitan/components/lr_scheduler.py,
// torchtitan/train.py @238fa9953e4aec2a62582121564273d7cbb1e9f1): LambdaLR, update k uses lambda(t = k).
// Reference values derived by hand from that source: W = min(int(warmup_steps), N), D = round(N · ratio) (half to even)
// lowered to N − W, or N − W without a ratio, S = N + 1 − W − D; t < W: (t + 1)/W; t < W + S: 1;
// else p = (t + 1 − W − S)/D, m + (1 − m)·g(p).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { pythonRound, torchtitanPhases, torchtitanSchedule } from '../../../../server/src/frameworks/torchtitan/schedule';
import { decayRatioFor } from '../../../../server/src/frameworks/torchtitan/decayFix';
import { assertSteps } from '../../schedules/expectLr';

function titan(type: string, params: Record<string, unknown>, baseLr = 1, totalSteps = 10) {
  return torchtitanSchedule({ name: type, params: { decay_type: type, ...params }, baseLr, warmupSteps: 0, totalSteps });
}

const curve = (type: string, params: Record<string, unknown>, totalSteps = 10) =>
  Array.from({ length: totalSteps }, (_, t) => titan(type, params, 1, totalSteps)?.lrAt(t) ?? NaN);

test('no decay_ratio: warmup from 1/W, peak at updates W-1 and W (the virtual stable step), linear decay never reaching 0', () => {
  // N = 10, W = 2: D = 8, S = 1.
  assert.deepEqual(curve('linear', { warmup_steps: 2 }), [0.5, 1, 1, 0.875, 0.75, 0.625, 0.5, 0.375, 0.25, 0.125]);
  assert.deepEqual(torchtitanPhases({ warmup_steps: 2 }, 10), { total: 10, warmup: 2, stable: 1, decay: 8 });
  const s = titan('linear', { warmup_steps: 2 });
  assert.deepEqual(
    s?.markers.map((m) => [m.step, m.kind]),
    [[1, 'warmup-end']],
  );
});

test('decay_ratio 0.3 (WSD): stable until the last round(0.3 N) updates', () => {
  // D = round(3) = 3, S = 11 - 2 - 3 = 6: updates 2..7 at the peak, then p = 1/3, 2/3.
  assertSteps(titan('linear', { warmup_steps: 2, decay_ratio: 0.3 }), { 0: 0.5, 1: 1, 7: 1, 8: 2 / 3, 9: 1 / 3 });
  assertSteps(titan('linear', { warmup_steps: 2, decay_ratio: 0.3 }, 3e-4), { 0: 1.5e-4, 8: 2e-4, 9: 1e-4 });
  const markers = titan('linear', { warmup_steps: 2, decay_ratio: 0.3 })?.markers.map((m) => [m.step, m.kind]);
  assert.deepEqual(markers, [
    [1, 'warmup-end'],
    [8, 'decay-start'],
  ]);
});

test('cosine and sqrt with a min_lr_factor floor', () => {
  const m = 0.1;
  const cos = (p: number) => m + (1 - m) * 0.5 * (1 + Math.cos(Math.PI * p));
  assertSteps(titan('cosine', { warmup_steps: 2, min_lr_factor: m }), { 0: 0.5, 2: 1, 3: cos(1 / 8), 6: cos(4 / 8), 9: cos(7 / 8) });
  const sqrt = (p: number) => m + (1 - m) * (1 - Math.sqrt(p));
  assertSteps(titan('sqrt', { warmup_steps: 2, min_lr_factor: m }), { 3: sqrt(1 / 8), 9: sqrt(7 / 8) });
});

test('deepseek_v3_16b.toml: lr 2.2e-4, warmup 200, decay_ratio 0.8 cosine to 0.1, 1000 steps', () => {
  // D = round(800) = 800, S = 1001 - 200 - 800 = 1: decay from update 201 with p = 1/800 to p = 799/800 at update 999.
  const s = torchtitanSchedule({
    name: 'cosine',
    params: { decay_type: 'cosine', warmup_steps: 200, decay_ratio: 0.8, min_lr_factor: 0.1, training_steps: 1000 },
    baseLr: 2.2e-4,
    warmupSteps: 200,
    totalSteps: 1000,
  });
  const lr = (p: number) => 2.2e-4 * (0.1 + 0.9 * 0.5 * (1 + Math.cos(Math.PI * p)));
  assertSteps(s, {
    0: 2.2e-4 / 200,
    99: 2.2e-4 * (100 / 200),
    199: 2.2e-4,
    200: 2.2e-4,
    201: lr(1 / 800),
    600: lr(400 / 800),
    999: lr(799 / 800),
  });
});

test('total_steps shorter than training.steps: progress is not clamped, linear goes negative, cosine rises', () => {
  // N = 8, W = 2, 12 updates: D = 6, S = 1; p = (t - 2)/6 for t >= 3.
  assert.deepEqual(
    curve('linear', { warmup_steps: 2, total_steps: 8 }, 12)
      .slice(8)
      .map((x) => +x.toFixed(12)),
    [0, -1 / 6, -1 / 3, -0.5].map((x) => +x.toFixed(12)),
  );
  assertSteps(titan('cosine', { warmup_steps: 2, total_steps: 8 }, 1, 12), { 8: 0, 11: 0.5 * (1 + Math.cos(Math.PI * 1.5)) });
  const s = titan('linear', { warmup_steps: 2, total_steps: 8 }, 1, 12);
  assert.ok(s?.markers.some((m) => m.kind === 'horizon' && m.step === 8));
});

test('edge cases: no warmup, decay_ratio 0, warmup longer than the run, decay_ratio 1', () => {
  // W = 0: D = N, S = 1: update 0 at the peak, then p = 1/N.
  assertSteps(titan('linear', { warmup_steps: 0 }), { 0: 1, 1: 0.9, 9: 0.1 });
  // decay_ratio 0: D = 0, S = N + 1 - W: constant after warmup.
  assert.deepEqual(curve('cosine', { warmup_steps: 2, decay_ratio: 0 }), [0.5, 1, 1, 1, 1, 1, 1, 1, 1, 1]);
  // warmup_steps 20 > N = 10: W = 10, every update warms up.
  assertSteps(titan('linear', { warmup_steps: 20 }), { 0: 0.1, 9: 1 });
  // decay_ratio 1: D = 10 lowered to N - W = 8, the same as no ratio.
  assert.deepEqual(curve('linear', { warmup_steps: 2, decay_ratio: 1 }), curve('linear', { warmup_steps: 2 }));
  // a warmup given as a float is truncated with int()
  assert.deepEqual(curve('linear', { warmup_steps: 2.9 }), curve('linear', { warmup_steps: 2 }));
  assert.equal(titan('exponential', {}), null);
});

test("decay steps use Python's round (half to even)", () => {
  assert.deepEqual([0.5, 1.5, 2.5, 3.5, 2.4999, 2.5001].map(pythonRound), [0, 2, 2, 4, 2, 3]);
  // N = 10, ratio 0.25: round(2.5) = 2, so S = 11 - 1 - 2 = 8 and the decay starts at update 9 (p = 1/2).
  assert.deepEqual(torchtitanPhases({ warmup_steps: 1, decay_ratio: 0.25 }, 10), { total: 10, warmup: 1, stable: 8, decay: 2 });
  assertSteps(titan('linear', { warmup_steps: 1, decay_ratio: 0.25 }), { 8: 1, 9: 0.5 });
  // ratio 0.35: round(3.5) = 4
  assert.equal(torchtitanPhases({ warmup_steps: 1, decay_ratio: 0.35 }, 10).decay, 4);
});

test('the decay fix ratio is the shortest decimal that decays every step after warmup', () => {
  assert.equal(decayRatioFor(30000, 27000), 0.9);
  assert.equal(decayRatioFor(1000, 800), 0.8);
  for (const [total, decay] of [
    [10, 9],
    [3000, 2999],
    [7, 3],
    [12345, 12000],
  ] as const) {
    const r = decayRatioFor(total, decay);
    assert.ok(r <= 1 && pythonRound(total * r) === decay, `${total} ${decay}: ${r}`);
  }
});

test('before 2025-03-11 ([training] warmup_steps): warmup from 1/(W+1), then linear towards 0 over N - W', () => {
  // torchtitan/components/optimizer.py linear_warmup_linear_decay @3d6f73c4be22855467cc1e91280b86a4571a2e5e (parent of 0da8901b):
  // N = 10, W = 2: (t+1)/3 for t < 2, then 1 - (t - 2)/8.
  const s = torchtitanSchedule({
    name: 'linear',
    params: { legacy_warmup: true, warmup_steps: 2 },
    baseLr: 1,
    warmupSteps: 2,
    totalSteps: 10,
  });
  assertSteps(s, { 0: 1 / 3, 1: 2 / 3, 2: 1, 3: 0.875, 9: 0.125 });
  assert.deepEqual(
    s?.markers.map((m) => [m.step, m.kind]),
    [[2, 'warmup-end']],
  );
});
