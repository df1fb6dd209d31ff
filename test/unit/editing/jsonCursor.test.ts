import assert from 'node:assert/strict';
import { test } from 'node:test';
import { jsonCursorAt, nextMark, previousMark } from '../../../server/src/analysis/jsonCursor';
import { parseConfig } from '../../../server/src/parse/parseConfig';

/** The cursor where `|` stands (the bar removed), read from the parse the analysis uses. */
function cursor(withBar: string) {
  const offset = withBar.indexOf('|');
  const text = withBar.replace('|', '');
  const document = parseConfig(text).documents[0];
  assert.ok(document);
  const at = jsonCursorAt(document, text, offset);
  return (
    at && {
      kind: at.kind,
      path: at.path,
      key: at.key,
      prefix: at.prefix,
      replaced: text.slice(at.replace.start, at.replace.end),
      inString: at.inString,
    }
  );
}

const RANGES = (item: string) => `{\n  "ParameterRanges": {\n    "ContinuousParameterRanges": [\n      ${item}\n    ]\n  }\n}\n`;

test('a value: its key, the path above it, and what it replaces (inside the quotes, or the whole value)', () => {
  assert.deepEqual(cursor(RANGES('{"Name": "lr", "ScalingType": "Log|arithmic"}')), {
    kind: 'value',
    path: ['ParameterRanges', 'ContinuousParameterRanges', 0],
    key: 'ScalingType',
    prefix: 'Log',
    replaced: 'Logarithmic',
    inString: true,
  });
  assert.deepEqual(cursor('{"Strategy": |"Random"}'), {
    kind: 'value',
    path: [],
    key: 'Strategy',
    prefix: '',
    replaced: '"Random"',
    inString: false,
  });
  assert.deepEqual(cursor('{"Strategy": "|"}'), { kind: 'value', path: [], key: 'Strategy', prefix: '', replaced: '', inString: true });
  // A key with no value yet (mid-edit): the value goes at the cursor.
  assert.deepEqual(cursor('{"Strategy": |, "ResourceLimits": {}}'), {
    kind: 'value',
    path: [],
    key: 'Strategy',
    prefix: '',
    replaced: '',
    inString: false,
  });
  assert.deepEqual(cursor('{"Strategy":|}')?.kind, 'value');
  assert.deepEqual(cursor('{"Limits": {"Max": 1|2}}'), {
    kind: 'value',
    path: ['Limits'],
    key: 'Max',
    prefix: '1',
    replaced: '12',
    inString: false,
  });
});

test('an array item: between items (after a trailing comma too), or a bare word being typed', () => {
  assert.deepEqual(cursor(RANGES('{"Name": "lr"},\n      |')), {
    kind: 'item',
    path: ['ParameterRanges', 'ContinuousParameterRanges'],
    key: undefined,
    prefix: '',
    replaced: '',
    inString: false,
  });
  assert.deepEqual(cursor(RANGES('|{"Name": "lr"}'))?.kind, 'item');
  assert.deepEqual(cursor(RANGES('{"Name": "lr"}, adam_b|'))?.prefix, 'adam_b');
  assert.deepEqual(cursor('{"a": [|]}')?.path, ['a']);
  // On an item's own brackets there is no position.
  assert.equal(cursor(RANGES('{"Name": "lr"}|')), null);
});

test('a key: inside a written key, or between the pairs of an object', () => {
  assert.deepEqual(cursor('{"Resource|Limits": {}}'), {
    kind: 'key',
    path: [],
    key: undefined,
    prefix: 'Resource',
    replaced: 'ResourceLimits',
    inString: true,
  });
  assert.deepEqual(cursor('{"a": 1,\n  |\n  "b": 2}'), {
    kind: 'key',
    path: [],
    key: undefined,
    prefix: '',
    replaced: '',
    inString: false,
  });
  assert.deepEqual(cursor('{"a": {"b": 1, |}}')?.path, ['a']);
});

test('no position outside the outermost object, or in a file that is not JSON', () => {
  assert.equal(cursor('|{"a": 1}'), null);
  assert.equal(cursor('{"a": 1}|\n'), null);
  assert.equal(cursor('a:\n  b: |1\n'), null);
});

test('the marks around a position skip blanks', () => {
  assert.equal(previousMark('[ {},\n   x', 9), ',');
  assert.equal(nextMark('x  \n ]', 1), ']');
  assert.equal(previousMark('  ', 2), '');
  assert.equal(nextMark('x', 1), '');
});
