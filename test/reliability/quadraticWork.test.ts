import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { analyzeConfig } from '../../server/src';
import { parseDirectives } from '../../server/src/parse/directives';
import { mergeSteps } from '../../server/src/schedules/criticalSteps';
import { pytorchSchedule } from '../../server/src/schedules/pytorch';

/**
 * Work that grew with the square of the input: counted (calls made, elements read) against the input size, never
 * timed. The bench reports the time.
 */
const HANG_GUARD = { timeout: 60_000 };

/** Calls of String.prototype.indexOf made while `run` runs. */
function indexOfCalls(run: () => void): number {
  const original = String.prototype.indexOf;
  let calls = 0;
  String.prototype.indexOf = function (this: string, ...args: Parameters<typeof original>) {
    calls++;
    return original.apply(this, args);
  };
  try {
    run();
  } finally {
    String.prototype.indexOf = original;
  }
  return calls;
}

describe('disable-next-line directives: line numbers counted in one pass', () => {
  test('20,000 directive lines: each line found once, about one indexOf per line', HANG_GUARD, () => {
    const lines = 20_000;
    const text = `output_dir: o\n${'# lr-lens-disable-next-line constant-lr\n'.repeat(lines)}`;
    let directives = parseDirectives('');
    const calls = indexOfCalls(() => (directives = parseDirectives(text)));
    assert.equal(directives.disabledLines.size, lines);
    assert.deepEqual([...directives.disabledLines.keys()].slice(0, 3), [2, 3, 4]);
    assert.equal(Math.max(...directives.disabledLines.keys()), lines + 1);
    // Counting lines from the start of the text for every directive made lines × lines / 2 calls (2 × 10^8 here).
    assert.ok(calls <= 2 * lines + 10, `${calls} indexOf calls for ${lines} lines`);
  });

  test('1 MB of directives before a finding: the finding on the line after the last one is silenced', HANG_GUARD, () => {
    const padding = '# lr-lens-disable-next-line\n'.repeat(Math.ceil((1024 * 1024) / 28));
    const text = `output_dir: o\nlearning_rate: 0.001\nmax_steps: 10\n${padding}lr_scheduler_type: constant\n`;
    assert.ok(text.length > 1024 * 1024);
    const analysis = analyzeConfig(text, 'train.yaml');
    assert.equal(analysis.documents[0]?.dialect.id, 'huggingface');
    assert.equal(analysis.documents[0]?.plan?.schedule.name, 'constant');
    assert.deepEqual(analysis.findings, []);
    const unsilenced = analyzeConfig(
      text.replace(/# lr-lens-disable-next-line\nlr_scheduler_type/, '# other\nlr_scheduler_type'),
      'train.yaml',
    );
    assert.deepEqual(
      unsilenced.findings.map((f) => f.ruleId),
      ['constant-lr'],
    );
  });
});

describe('ChainedScheduler with 2,000 children', () => {
  test('mergeSteps reads each step of many lists a bounded number of times', HANG_GUARD, () => {
    const lists = Array.from({ length: 2000 }, (_, k) => Array.from({ length: 50 }, (_, i) => k + i * 100));
    let reads = 0;
    const counted = lists.map(
      (list) =>
        new Proxy(list, {
          get(target, key, receiver) {
            if (typeof key === 'string' && /^\d+$/.test(key)) reads++;
            return Reflect.get(target, key, receiver) as unknown;
          },
        }),
    );
    const merged = mergeSteps(counted, 200);
    assert.deepEqual(
      merged,
      Array.from({ length: 200 }, (_, i) => i),
    );
    const elements = 2000 * 50;
    // The scan of every list per step taken read about lists × steps taken × 2 (4 × 10^8 here).
    assert.ok(reads <= 2 * elements, `${reads} reads of ${elements} elements`);
  });

  test('the schedule of 2,000 StepLR children: the product of their factors', HANG_GUARD, () => {
    const schedulers = Array.from({ length: 2000 }, () => ({ name: 'StepLR', params: { step_size: 10, gamma: 0.999 } }));
    const schedule = pytorchSchedule({ name: 'ChainedScheduler', params: { schedulers }, baseLr: 0.1, totalSteps: 100 });
    assert.ok(schedule);
    assert.equal(schedule.lrAt(0), 0.1);
    const expected = 0.1 * 0.999 ** (2000 * 3);
    assert.ok(Math.abs(schedule.lrAt(35) - expected) < 1e-12 * expected, `${schedule.lrAt(35)} vs ${expected}`);
    assert.deepEqual(
      schedule.criticalSteps?.(0, 100, 200)?.filter((s) => s % 10 === 0 && s > 0),
      [10, 20, 30, 40, 50, 60, 70, 80, 90],
    );
  });
});
