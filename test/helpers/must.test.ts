import assert from 'node:assert/strict';
import { test } from 'node:test';
import { must } from './must';

test('must returns a present value unchanged, falsy ones included', () => {
  const item = { step: 0 };
  assert.equal(must(item, 'the item'), item);
  assert.equal(must(0, 'a zero'), 0);
  assert.equal(must('', 'an empty string'), '');
  assert.equal(must(false, 'false'), false);
});

test('must throws an AssertionError naming what is missing on null and undefined', () => {
  assert.throws(() => must([][0], 'the first lens'), { name: 'AssertionError', message: 'expected the first lens, got undefined' });
  assert.throws(() => must(null, 'the frame text'), { name: 'AssertionError', message: 'expected the frame text, got null' });
});
