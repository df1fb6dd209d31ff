import assert from 'node:assert/strict';
import { test } from 'node:test';
import { escapeControlCharacters, parseCommandLine, quoteValue, terminalSafeJson, UsageError } from '../../server/src/cli/args';

const SPECS = {
  format: { value: true, choices: ['text', 'json'] },
  points: { value: true, integer: { min: 2, max: 100 } },
  'max-warnings': { value: true, integer: { min: 0 } },
  fix: {},
} as const;

function usageError(argv: string[]): string {
  try {
    parseCommandLine(argv, SPECS);
  } catch (error) {
    assert.ok(error instanceof UsageError);
    return error.message;
  }
  assert.fail(`no usage error for ${argv.join(' ')}`);
}

test('flags and positionals, in any order; `--` ends the options', () => {
  const { positionals, flags } = parseCommandLine(['a.yaml', '--format', 'json', 'b', '--fix', '--points=7', '--', '--fix', '-'], SPECS);
  assert.deepEqual(positionals, ['a.yaml', 'b', '--fix', '-']);
  assert.deepEqual(
    [...flags],
    [
      ['format', 'json'],
      ['fix', true],
      ['points', '7'],
    ],
  );
});

test('the messages of the old hand-written parser', () => {
  assert.equal(usageError(['--frob']), 'unknown option --frob');
  assert.equal(usageError(['--constructor']), 'unknown option --constructor');
  assert.equal(usageError(['--fix=yes']), '--fix takes no value');
  assert.equal(usageError(['--format']), '--format needs a value');
  assert.equal(usageError(['--format', '--fix']), '--format needs a value');
  assert.equal(usageError(['--format', 'xml']), "--format must be one of text, json (got 'xml')");
  assert.equal(usageError(['--max-warnings', 'many']), "--max-warnings must be a whole number >= 0 (got 'many')");
  assert.equal(usageError(['--max-warnings', '-1']), "--max-warnings must be a whole number >= 0 (got '-1')");
  assert.equal(usageError(['--points', '1000000000']), "--points must be a whole number from 2 to 100 (got '1000000000')");
});

test('JSON for a terminal: C1 controls and line separators escaped, the same value', () => {
  const value = { name: 'a\u009b2J\u2028b\u007f', n: 1 };
  const json = terminalSafeJson(JSON.stringify(value));
  assert.equal(json, '{"name":"a\\u009b2J\\u2028b\\u007f","n":1}');
  assert.deepEqual(JSON.parse(json), value);
});

test('values in messages: a short prefix, control characters escaped', () => {
  assert.equal(quoteValue('x'.repeat(100)), `'${'x'.repeat(40)}…'`);
  assert.equal(escapeControlCharacters('a\u001b[2J\nb\tc\u2028'), 'a\\x1b[2J\\x0ab\tc\\u2028');
  assert.match(usageError(['--format', `\u001b]0;${'x'.repeat(100)}`]), /^--format must be one of text, json \(got '\\x1b\]0;x{36}…'\)$/);
});
