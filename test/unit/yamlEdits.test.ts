import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { isMap, type YAMLMap } from 'yaml';
import { analyzeConfig, applyEdits } from '../../server/src';
import { setScalarEntry } from '../../server/src/fixes/yamlEdits';
import { parseConfig } from '../../server/src/parse/parseConfig';

function fixesOf(text: string) {
  const finding = analyzeConfig(text, 'c.yaml').findings.find((f) => f.ruleId === 'constant-lr');
  assert.ok(finding, 'constant-lr expected');
  return Object.fromEntries(finding.fixes.map((f) => [f.title, applyEdits(text, f.edits)]));
}

/** Set a key on the mapping at `path` (top level when empty). */
function setIn(text: string, path: string[], key: string, value: string, beside?: string): string {
  const parsed = parseConfig(text);
  const document = parsed.documents[0];
  assert.ok(document);
  let map = document.contents as YAMLMap;
  for (const step of path) map = map.get(step, true) as unknown as YAMLMap;
  assert.ok(isMap(map));
  return applyEdits(text, [setScalarEntry(parsed, document, map, key, value, beside)]);
}

describe('constant-lr quick fixes', () => {
  test('replace the value in place: comments, quoting and every other byte unchanged', () => {
    const text =
      "# recipe\noutput_dir: o   # where\nlearning_rate: 1.0e-5\nlr_scheduler_type: 'constant'   # keep this comment\nwarmup_steps: 10\nmax_steps: 1000\n";
    const fixed = fixesOf(text);
    assert.equal(fixed['Use cosine decay'], text.replace("'constant'", "'cosine'"));
    assert.equal(fixed['Use linear decay'], text.replace("'constant'", "'linear'"));
  });

  test('double quotes, TRL block style and CRLF line ends are kept', () => {
    const text = 'output_dir: o\r\nlearning_rate:\r\n  0.0001\r\nlr_scheduler_type:\r\n  "constant_with_warmup"\r\nmax_steps: 10\r\n';
    assert.equal(fixesOf(text)['Use cosine decay'], text.replace('"constant_with_warmup"', '"cosine"'));
  });

  test('JSON stays JSON', () => {
    const text = '{\n  "output_dir": "o",\n  "learning_rate": 1e-5,\n  "lr_scheduler_type": "constant",\n  "max_steps": 10\n}\n';
    const fixed = fixesOf(text)['Use cosine decay'];
    assert.ok(fixed !== undefined);
    assert.deepEqual(JSON.parse(fixed), { ...JSON.parse(text), lr_scheduler_type: 'cosine' });
    assert.equal(fixed, text.replace('"constant"', '"cosine"'));
  });

  test('the fixed file no longer has the finding, and warmup is kept', () => {
    const text = 'output_dir: o\nlearning_rate: 1.0e-5\nlr_scheduler_type: constant_with_warmup\nwarmup_steps: 20\nmax_steps: 1000\n';
    const cosine = fixesOf(text)['Use cosine decay'];
    assert.ok(cosine !== undefined);
    const fixed = analyzeConfig(cosine, 'c.yaml');
    assert.deepEqual(fixed.findings, []);
    assert.equal(fixed.documents[0]?.plan?.warmup.steps, 20);
    assert.equal(fixed.documents[0]?.plan?.schedule.name, 'cosine');
  });
});

describe('inserting a key beside a related key', () => {
  test('block mapping: a new line after the related key, with its indentation', () => {
    const text = 'training:\n    learning_rate: 0.001  # peak\n    max_steps: 10\nother: 1\n';
    assert.equal(
      setIn(text, ['training'], 'lr_scheduler_type', 'cosine', 'learning_rate'),
      'training:\n    learning_rate: 0.001  # peak\n    lr_scheduler_type: cosine\n    max_steps: 10\nother: 1\n',
    );
  });

  test('the related key written over several lines, and a file without a final newline', () => {
    const text = 'learning_rate:\n  0.001\nmax_steps: 10';
    assert.equal(
      setIn(text, [], 'lr_scheduler_type', 'cosine', 'learning_rate'),
      'learning_rate:\n  0.001\nlr_scheduler_type: cosine\nmax_steps: 10',
    );
    const last = 'max_steps: 10\nlearning_rate: 0.001';
    assert.equal(
      setIn(last, [], 'lr_scheduler_type', 'cosine', 'learning_rate'),
      'max_steps: 10\nlearning_rate: 0.001\nlr_scheduler_type: cosine',
    );
  });

  test('CRLF files get CRLF lines', () => {
    const text = 'learning_rate: 0.001\r\nmax_steps: 10\r\n';
    assert.equal(
      setIn(text, [], 'lr_scheduler_type', 'cosine', 'learning_rate'),
      'learning_rate: 0.001\r\nlr_scheduler_type: cosine\r\nmax_steps: 10\r\n',
    );
  });

  test('JSON objects (multi-line and one-line) stay valid JSON', () => {
    const multi = '{\n  "learning_rate": 0.001,\n  "max_steps": 10\n}\n';
    const fixedMulti = setIn(multi, [], 'lr_scheduler_type', 'cosine', 'learning_rate');
    assert.equal(fixedMulti, '{\n  "learning_rate": 0.001,\n  "lr_scheduler_type": "cosine",\n  "max_steps": 10\n}\n');
    const one = '{"max_steps": 10, "learning_rate": 0.001}';
    const fixedOne = setIn(one, [], 'lr_scheduler_type', 'cosine', 'learning_rate');
    assert.deepEqual(JSON.parse(fixedOne), { max_steps: 10, learning_rate: 0.001, lr_scheduler_type: 'cosine' });
  });

  test('an existing key with no value gets one after its colon', () => {
    assert.equal(
      setIn('lr_scheduler_type:\nmax_steps: 10\n', [], 'lr_scheduler_type', 'cosine'),
      'lr_scheduler_type: cosine\nmax_steps: 10\n',
    );
  });
});
