import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { analyzeConfig, curveOfAnalysis } from '../../server/src';

const CONFIG = `# SFT run
model_name_or_path: Qwen/Qwen2.5-0.5B
learning_rate: 2.0e-5
lr_scheduler_type: cosine
warmup_steps: 100
max_steps: 5000
output_dir: out/a
`;

const curveOf = (text: string) => {
  const curve = curveOfAnalysis(analyzeConfig(text, 'sft.yaml'), { points: 120 });
  assert.ok(curve, 'a curve');
  return curve;
};

describe('curves of unchanged schedules', () => {
  test('an edit that leaves the schedule alone reuses the drawn curve; the result still describes the new plan', () => {
    const before = curveOf(CONFIG);
    const edited = CONFIG.replace('# SFT run\n', '# SFT run, second try\n# (longer comment above everything)\n').replace('out/a', 'out/b');
    const after = curveOf(edited);
    assert.deepEqual(after.points, before.points);
    assert.equal(after.points[7], before.points[7], 'the same drawn points, not drawn again');
    // What depends on where values are written follows the new text.
    assert.notDeepEqual(after.plan.sources, before.plan.sources);
    assert.equal(after.plan.sources.baseLr?.value.start, edited.indexOf('2.0e-5'));
    // Each caller gets arrays of its own.
    assert.notEqual(after.points, before.points);
  });

  test('any change to what the schedule is drawn from draws it again', () => {
    const base = curveOf(CONFIG);
    const variants = {
      'learning rate': CONFIG.replace('2.0e-5', '3.0e-5'),
      schedule: CONFIG.replace('cosine', 'linear'),
      warmup: CONFIG.replace('warmup_steps: 100', 'warmup_steps: 200'),
      length: CONFIG.replace('max_steps: 5000', 'max_steps: 6000'),
      'scheduler kwargs': CONFIG.replace(
        'lr_scheduler_type: cosine',
        'lr_scheduler_type: cosine_with_restarts\nlr_scheduler_kwargs:\n  num_cycles: 3',
      ),
    };
    for (const [what, text] of Object.entries(variants)) {
      const curve = curveOf(text);
      const fresh = curveOfAnalysis(analyzeConfig(text, 'other.yaml'), { points: 120 });
      assert.ok(fresh);
      assert.notDeepEqual(curve.points, base.points, `${what} changes the curve`);
      assert.deepEqual(curve.points, fresh.points, what);
    }
  });

  test('every-step curves are drawn for each request (never cached: they can hold millions of points)', () => {
    const a = curveOfAnalysis(analyzeConfig(CONFIG, 'sft.yaml'), { everyStep: true });
    assert.ok(a);
    const b = curveOfAnalysis(analyzeConfig(CONFIG, 'sft.yaml'), { everyStep: true });
    assert.ok(b);
    assert.equal(a.points.length, 5000);
    assert.deepEqual(a.points, b.points);
    assert.notEqual(a.points[10], b.points[10]);
  });
});
