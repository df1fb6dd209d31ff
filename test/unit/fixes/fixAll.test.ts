import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Finding, Fix } from '../../../server/src/analysis/finding';
import { planFixAll } from '../../../server/src/fixes/fixAll';

const fix = (title: string, isPreferred: boolean, ...spans: [number, number, string][]): Fix => ({
  title,
  isPreferred,
  edits: spans.map(([start, end, newText]) => ({ span: { start, end }, newText })),
});
const finding = (ruleId: Finding['ruleId'], start: number, fixes: Fix[]): Finding => ({
  ruleId,
  severity: 'warning',
  message: '',
  span: { start, end: start + 1 },
  fixes,
});

test('fix all: preferred fixes only, overlapping and same-point insertions skipped, edits in text order', () => {
  const plan = planFixAll([
    finding('constant-lr', 0, [fix('a', true, [20, 30, 'A']), fix('a2', false, [0, 5, 'x'])]),
    finding('warmup-too-long', 5, [fix('b', true, [25, 40, 'B'])]), // overlaps a
    finding('schedule-horizon', 9, [fix('c', true, [50, 50, 'C'])]),
    finding('piecewise-schedule', 12, [fix('d', true, [50, 50, 'D'])]), // same insertion point as c
    finding('schedule-family', 14, []),
    finding('invalid-value', 15, [fix('e', true, [2, 4, 'E'])]),
  ]);
  assert.deepEqual(
    plan.chosen.map((c) => c.fix.title),
    ['a', 'c', 'e'],
  );
  assert.deepEqual(
    plan.skipped.map((c) => c.fix.title),
    ['b', 'd'],
  );
  assert.deepEqual(
    plan.edits.map((e) => e.newText),
    ['E', 'A', 'C'],
  );
});
