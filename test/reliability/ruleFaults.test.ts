import assert from 'node:assert/strict';
import { test } from 'node:test';
import { analyzeConfig, onInternalError } from '../../server/src';
import { PLAN_RULES } from '../../server/src/rules';
import type { Rule } from '../../server/src/rules/rule';

test('an exception inside one rule is reported once and the other rules still run', () => {
  const errors: unknown[] = [];
  onInternalError((error) => errors.push(error));
  const broken: Rule = () => {
    throw new Error('rule bug');
  };
  const rules = PLAN_RULES as Rule[];
  rules.unshift(broken);
  try {
    const analysis = analyzeConfig('output_dir: o\nlearning_rate: 0.001\nlr_scheduler_type: constant\nmax_steps: 10\n', 'c.yaml');
    assert.deepEqual(
      analysis.findings.map((f) => f.ruleId),
      ['constant-lr'],
    );
    assert.equal(errors.length, 1);
    assert.match(String(errors[0]), /rule bug/);
  } finally {
    rules.splice(rules.indexOf(broken), 1);
    onInternalError(() => undefined);
  }
});
