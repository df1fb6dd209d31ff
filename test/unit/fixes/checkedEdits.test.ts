// The check every edit passes before it is offered (quick fix, fix-all, preview) or written (--fix).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { checkEdits } from '../../../server/src/fixes/checkedEdits';
import { parseConfig } from '../../../server/src/parse/parseConfig';

const FOLDED = 'learning_rate: 2.0e-5\nlr_scheduler_type: >-\n  constant\nwarmup_steps: 10\n';
const span = (text: string, written: string) => ({ start: text.indexOf(written), end: text.indexOf(written) + written.length });

test('replacing a folded block scalar without its line break is refused: the next key would be swallowed', () => {
  // The scalar's range ends after its line break; a plain value written over it joins the next line.
  const result = checkEdits(parseConfig(FOLDED), [{ span: span(FOLDED, '>-\n  constant\n'), newText: 'cosine' }]);
  assert.equal(result.ok, false);
});

test('replacing the whole block scalar, line break included, passes and changes only that value', () => {
  const result = checkEdits(parseConfig(FOLDED), [{ span: span(FOLDED, '>-\n  constant\n'), newText: 'cosine\n' }]);
  assert.deepEqual(result, { ok: true, fixed: 'learning_rate: 2.0e-5\nlr_scheduler_type: cosine\nwarmup_steps: 10\n' });
});

test('an edit that parses but changes a value it does not touch is refused', () => {
  const text = 'a: 1\nb: 2\n';
  // Replaces `1` with `1\nb: 3`: still valid YAML (a duplicate key is a syntax problem, so use a new key instead).
  const result = checkEdits(parseConfig(text), [{ span: span(text, '1'), newText: '1\nc: 3' }]);
  assert.equal(result.ok, true, 'a new key inside the edit is intended');
  const swallowing = checkEdits(parseConfig(text), [{ span: { start: 3, end: 9 }, newText: '[1,' }]);
  assert.equal(swallowing.ok, false);
});

test('an inserted key passes; an insertion that breaks the document does not', () => {
  const text = 'lr: 0.1\nsteps: 100\n';
  assert.equal(checkEdits(parseConfig(text), [{ span: { start: 8, end: 8 }, newText: 'warmup: 10\n' }]).ok, true);
  assert.equal(checkEdits(parseConfig(text), [{ span: { start: 8, end: 8 }, newText: '  - x\n' }]).ok, false);
});
