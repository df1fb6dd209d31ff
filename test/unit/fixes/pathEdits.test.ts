import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { DialectInput } from '../../../server/src/dialects/dialect';
import { float, setPath, writtenScalar, type EditValue, type PathEditOptions } from '../../../server/src/fixes/pathEdits';
import { applyEdits } from '../../../server/src/fixes/yamlEdits';
import { parseConfig } from '../../../server/src/parse/parseConfig';

function inputOf(text: string): DialectInput {
  const parsed = parseConfig(text);
  const [document] = parsed.documents;
  assert.ok(document, 'the text holds a document');
  return { parsed, document, documentIndex: 0, fileName: 'x', settings: {} };
}

function set(text: string, path: string, value: EditValue, options?: PathEditOptions): string {
  const out = applyEdits(text, setPath(inputOf(text), path.split('.'), value, options));
  assert.deepEqual(parseConfig(out).syntaxProblems, [], `re-parses:\n${out}`);
  return out;
}

describe('path edits', () => {
  test('a scalar is replaced in place, quotes kept; a comment after it stays', () => {
    assert.equal(set("a:\n  b: 'x'  # keep\n", 'a.b', 'y'), "a:\n  b: 'y'  # keep\n");
  });

  test('a missing nested key is inserted with its missing parents, in the file indentation step', () => {
    assert.equal(set('top:\n    x: 1\nz: 2\n', 'top.s.name', 'Cosine'), 'top:\n    x: 1\n    s:\n        name: Cosine\nz: 2\n');
  });

  test('beside a related key, not at the end', () => {
    assert.equal(set('a: 1\nb: 2\nc: 3\n', 'n', 5, { beside: 'a' }), 'a: 1\nn: 5\nb: 2\nc: 3\n');
  });

  test('a whole block is replaced (replace) or merged key by key (default)', () => {
    const text = 'x: 0\nblock:\n  k: 1\n  old: [1, 2]\ny: 9\n';
    assert.equal(set(text, 'block', { k: 2, n: float(0) }, { replace: true }), 'x: 0\nblock:\n  k: 2\n  n: 0.0\ny: 9\n');
    assert.equal(set(text, 'block', { k: 2, n: float(0) }), 'x: 0\nblock:\n  k: 2\n  old: [1, 2]\n  n: 0.0\ny: 9\n');
  });

  test('`key:` with nothing after it, or a scalar where a block goes, gets the block on the next lines', () => {
    assert.equal(set('a: 1\ns:\nb: 2\n', 's', { name: 'x' }, { replace: true }), 'a: 1\ns:\n  name: x\nb: 2\n');
    assert.equal(set('a: 1\ns: fixed\nb: 2\n', 's', { _name: 'cosine' }, { replace: true }), 'a: 1\ns:\n  _name: cosine\nb: 2\n');
  });

  test('CRLF line ends are kept in every inserted line', () => {
    const out = set('m:\r\n  a: 1\r\n', 'm.s', { name: 'c', v: 1 });
    assert.equal(out, 'm:\r\n  a: 1\r\n  s:\r\n    name: c\r\n    v: 1\r\n');
  });

  test('JSON: a new object is inserted pretty-printed in the file style, and stays JSON', () => {
    const text = '{\n    "a": {"lr": 1},\n    "b": 2\n}\n';
    const out = set(text, 'sched', { type: 'T', params: { n: 10, s: 'auto' } }, { beside: 'a' });
    assert.equal(
      out,
      '{\n    "a": {"lr": 1},\n    "sched": {\n        "type": "T",\n        "params": {\n            "n": 10,\n            "s": "auto"\n        }\n    },\n    "b": 2\n}\n',
    );
    assert.deepEqual(JSON.parse(out), { a: { lr: 1 }, sched: { type: 'T', params: { n: 10, s: 'auto' } }, b: 2 });
  });

  test('YAML flow mappings stay flow', () => {
    assert.equal(set('o: {a: 1}\n', 'o.b', 2), 'o: {a: 1, b: 2}\n');
    assert.equal(set('o: {a: 1}\n', 'o', { z: 'q' }, { replace: true }), 'o: {z: q}\n');
  });

  test('strings that YAML would read as something else are quoted; raw values are copied as written', () => {
    assert.equal(set('a: 1\n', 'b', 'true'), 'a: 1\nb: "true"\n');
    assert.equal(set('a: 1\n', 'b', '100ba'), 'a: 1\nb: "100ba"\n');
    const input = inputOf("s:\n  t: '100ba'\n  lr: 1.0e-5\n");
    assert.equal(writtenScalar(input, ['s', 't'])?.text, "'100ba'");
    assert.equal(writtenScalar(input, ['s', 'lr'])?.text, '1.0e-5');
    assert.equal(writtenScalar(input, ['s']), undefined);
  });
});
