import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { analyzeConfig } from '../../server/src';
import { MAX_SHOWN_LENGTH, shortPrefix, shownValue } from '../../server/src/dialects/shownValue';
import { announceSeed } from './fuzzSeed';

/** Messages quote at most a short prefix of a value read from a file, with control characters escaped. */
const SECRET = 'ghp_SECRETabcdefghijklmnopqrstuvwxyz0123456789';

test('an invalid value is quoted by a short prefix only', () => {
  const analysis = analyzeConfig(`output_dir: o\nlearning_rate: ${SECRET}\nlr_scheduler_type: linear\nmax_steps: 100\n`, 'train.yaml');
  assert.equal(analysis.documents[0]?.dialect.id, 'huggingface');
  const [finding] = analysis.findings;
  assert.equal(finding?.ruleId, 'invalid-value');
  assert.match(finding.message, /got 'ghp_SECRETabcdef…'\.$/);
  assert.ok(!finding.message.includes(SECRET.slice(0, MAX_SHOWN_LENGTH + 1)));
});

test('lists, mappings and directive words are cut the same way', () => {
  const analysis = analyzeConfig(
    [
      `# lr-lens: steps-per-epoch=${SECRET} ${SECRET}=1`,
      `# lr-lens-disable-next-line ${SECRET}`,
      'output_dir: o\nlearning_rate: 0.001\nlr_scheduler_type: linear\nmax_steps: 100',
      `adam_beta2: [${SECRET}]\n`,
    ].join('\n'),
    'train.yaml',
  );
  assert.equal(analysis.documents[0]?.dialect.id, 'huggingface');
  assert.equal(analysis.findings.length, 4, analysis.findings.map((f) => f.message).join('\n'));
  for (const finding of analysis.findings) {
    assert.equal(finding.ruleId, 'invalid-value');
    assert.ok(!finding.message.includes(SECRET.slice(0, MAX_SHOWN_LENGTH + 1)), finding.message);
    assert.match(finding.message, /ghp_SECRET/, 'a prefix is still shown');
  }
});

test('control characters are escaped, and a surrogate pair is never split', () => {
  assert.equal(shownValue('a\u001b[2Jb\nc'), "'a\\u001b[2Jb\\u000ac'");
  assert.equal(shortPrefix(`${'x'.repeat(MAX_SHOWN_LENGTH - 1)}\u{1f600}`), `${'x'.repeat(MAX_SHOWN_LENGTH - 1)}…`);
  assert.equal(shownValue(null), 'nothing');
  assert.equal(shownValue([0.9, 2]), '[0.9,2]');
});

test('fuzz: a shown value is short and holds no raw control character', () => {
  fc.assert(
    fc.property(fc.anything(), (value) => {
      const text = shownValue(value);
      // Escapes may lengthen the prefix: at most 6 characters per escaped character, quotes and the ellipsis.
      assert.ok(text.length <= MAX_SHOWN_LENGTH * 6 + 3, text);
      assert.ok(!/[\u0000-\u001f\u007f-\u009f]/.test(text), text);
    }),
    announceSeed('shownValue'),
  );
});
