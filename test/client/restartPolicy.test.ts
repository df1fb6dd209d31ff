import assert from 'node:assert/strict';
import { test } from 'node:test';
import { RestartPolicy } from '../../client/src/restartPolicy';

test('a crashing server is restarted at most 4 times in 3 minutes, then left stopped', () => {
  let now = 0;
  const policy = new RestartPolicy(4, 180_000, () => now);
  const decisions = [0, 10_000, 20_000, 30_000, 40_000].map((t) => {
    now = t;
    return policy.onCrash();
  });
  assert.deepEqual(decisions, ['restart', 'restart', 'restart', 'restart', 'give-up']);
});

test('crashes older than the window are forgotten; a manual restart resets the count', () => {
  let now = 0;
  const policy = new RestartPolicy(2, 60_000, () => now);
  assert.equal(policy.onCrash(), 'restart');
  now = 30_000;
  assert.equal(policy.onCrash(), 'restart');
  now = 61_000; // the first crash has left the window
  assert.equal(policy.onCrash(), 'restart');
  now = 62_000;
  assert.equal(policy.onCrash(), 'give-up');
  policy.reset();
  assert.equal(policy.onCrash(), 'restart');
});
