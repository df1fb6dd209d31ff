import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { diffingTextDocuments, differenceOf, rangedChangeOf } from '../../../server/src/parse/textDiff';

describe('full-text changes as ranged changes', () => {
  test('the difference of two texts is the span between their common prefix and suffix', () => {
    assert.deepEqual(differenceOf('a: 1\nb: 2\n', 'a: 1\nb: 3\n'), { start: 8, previousEnd: 9, nextEnd: 9 });
    assert.deepEqual(differenceOf('abc', 'abc'), { start: 3, previousEnd: 3, nextEnd: 3 });
    assert.deepEqual(differenceOf('', 'x'), { start: 0, previousEnd: 0, nextEnd: 1 });
    // Inserting into a run of equal characters: the prefix and the suffix never overlap.
    assert.deepEqual(differenceOf('aaa', 'aaaa'), { start: 3, previousEnd: 3, nextEnd: 4 });
    assert.deepEqual(differenceOf('aaaa', 'aa'), { start: 2, previousEnd: 4, nextEnd: 2 });
  });

  test('applying the ranged change gives the new text, for edits anywhere (seeded random texts)', () => {
    const seed = Number(process.env.LR_LENS_SEED ?? Date.now() % 100_000);
    console.log(`text diff: seed ${seed} (LR_LENS_SEED=${seed} replays it)`);
    let state = seed;
    const pick = (n: number) => {
      state = (Math.imul(state, 1103515245) + 12345) & 0x7fffffff;
      return state % n;
    };
    const alphabet = ['a', 'b', '\n', '\r\n', ' ', ':'];
    const textOf = (length: number) => Array.from({ length }, () => alphabet[pick(alphabet.length)]).join('');
    for (let i = 0; i < 500; i++) {
      const before = textOf(pick(40));
      const at = pick(before.length + 1);
      const after = before.slice(0, at) + textOf(pick(4)) + before.slice(at + pick(4));
      const document = TextDocument.create('file:///x.yaml', 'yaml', 1, before);
      const change = rangedChangeOf(document, after);
      assert.ok('range' in change);
      assert.equal(TextDocument.applyEdits(document, [{ range: change.range, newText: change.text }]), after, `seed ${seed}, case ${i}`);
      const updated = diffingTextDocuments.update(
        document,
        [{ text: after }, { range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: '#' }],
        2,
      );
      assert.equal(updated.getText(), `#${after}`);
      assert.equal(updated.version, 2);
    }
  });
});
