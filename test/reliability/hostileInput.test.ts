import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { analyzeConfig, curveOfAnalysis, hoverAt } from '../../server/src';

/**
 * Analyses, draws and hovers everywhere it matters: none of it may throw. Each test then asserts what came of
 * it (the config was recognized and planned with the expected findings, or deliberately skipped with the
 * expected message), so a test cannot pass because the analysis gave up early.
 */
function exercise(text: string, settings = {}) {
  const analysis = analyzeConfig(text, 'hostile.yaml', settings);
  curveOfAnalysis(analysis, { points: 50 });
  for (const offset of [0, Math.floor(text.length / 2), text.length]) hoverAt(analysis, offset);
  for (const finding of analysis.findings) {
    assert.ok(
      finding.span.start >= 0 && finding.span.end <= text.length && finding.span.start <= finding.span.end,
      'ranges inside the text',
    );
  }
  return analysis;
}

/** A Hugging Face config with a constant LR: recognized, planned, one constant-lr finding. */
const CONSTANT = 'output_dir: o\nlearning_rate: 0.001\nlr_scheduler_type: constant\nmax_steps: 10\n';

function assertPlanned(analysis: ReturnType<typeof exercise>, schedule: string, findings: string[]): void {
  assert.deepEqual(
    analysis.documents.map((d) => d.dialect.id),
    ['huggingface'],
    'recognized',
  );
  assert.equal(analysis.documents[0]?.plan?.schedule.name, schedule, 'planned');
  assert.deepEqual(
    analysis.findings.map((f) => f.ruleId),
    findings,
  );
}

const BILLION_LAUGHS = [
  'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]',
  ...'bcdefghi'.split('').map((name, i) => `${name}: &${name} [${Array(9).fill(`*${'abcdefghi'[i]}`).join(',')}]`),
  'output_dir: o',
  'learning_rate: 0.001',
  'lr_scheduler_type: constant',
  'lr_scheduler_kwargs: *i',
].join('\n');

describe('hostile input never crashes and gets a clear message', () => {
  test('alias bomb (billion laughs) in a value the dialect reads', () => {
    const a = exercise(BILLION_LAUGHS);
    assert.deepEqual(
      a.documents.map((d) => d.dialect.id),
      ['huggingface'],
      'recognized',
    );
    assert.ok(a.findings.some((f) => f.ruleId === 'invalid-value' && /lr_scheduler_kwargs/.test(f.message)));
  });

  test('10,000-deep nesting, flow and block', () => {
    assert.deepEqual(exercise('['.repeat(10_000) + ']'.repeat(10_000)).documents, [], 'a bare list is no config');
    assert.deepEqual(exercise('{a: '.repeat(10_000) + '1' + '}'.repeat(10_000)).documents, [], 'nor is a lone nested key');
    // 10,000 lines indented 0 … 9,999 spaces are 50 MB: above the size limit, skipped with a message.
    const block = exercise(Array.from({ length: 10_000 }, (_, i) => `${' '.repeat(i)}a:`).join('\n'));
    assert.deepEqual(
      block.findings.map((f) => f.ruleId),
      ['file-too-large'],
    );
    // Inside a config: the config is still read.
    assertPlanned(exercise(`${CONSTANT}extra: ${'['.repeat(10_000)}${']'.repeat(10_000)}\n`), 'constant', ['constant-lr']);
    assertPlanned(exercise(`${CONSTANT}extra: ${'{a: '.repeat(10_000)}1${'}'.repeat(10_000)}\n`), 'constant', ['constant-lr']);
    assertPlanned(
      exercise(`${CONSTANT}extra:\n${Array.from({ length: 2_000 }, (_, i) => `${' '.repeat(i + 1)}a:`).join('\n')}\n`),
      'constant',
      ['constant-lr'],
    );
  });

  test('binary and invalid UTF-8 (decoded with replacement characters)', () => {
    const bytes = Buffer.from(Array.from({ length: 50_000 }, (_, i) => (i * 7919) % 256));
    assert.deepEqual(exercise(bytes.toString('utf8')).documents, []);
    const garbled = exercise(`output_dir: o\nlearning_rate: 0.001\n${'\u0000\uFFFD\uD800'.repeat(100)}\n`);
    assertPlanned(garbled, 'linear', []);
    assert.ok(garbled.parsed.syntaxProblems.length > 0, 'the garbage line is reported as a syntax problem');
  });

  test('tabs, unterminated quotes, stray brackets', () => {
    const tab = exercise('output_dir: o\n\tlearning_rate: 0.1\n');
    assert.ok(tab.parsed.syntaxProblems.length > 0);
    assertPlanned(tab, 'linear', []);
    const a = exercise('output_dir: o\nlearning_rate: "0.1\nlr_scheduler_type: constant\n');
    assert.ok(a.parsed.syntaxProblems.length > 0);
    const brackets = exercise('output_dir: o\nlearning_rate: [0.1\nmax_steps: }}\n');
    assert.deepEqual(
      brackets.documents.map((d) => d.dialect.id),
      ['huggingface'],
      'recognized',
    );
    assert.deepEqual(
      brackets.findings.map((f) => f.ruleId),
      ['invalid-value', 'invalid-value'],
      'the broken values are reported',
    );
    assertPlanned(exercise(`${CONSTANT}warmup_steps: "5\n`), 'constant', ['constant-lr']);
  });

  test('a file over the size limit gets one information message and no analysis', () => {
    const text = `output_dir: o\nlearning_rate: 0.001\nlr_scheduler_type: constant\n${'x: 1\n'.repeat(300_000)}`;
    const a = exercise(text, { maxFileSize: 1024 * 1024 });
    assert.deepEqual(a.documents, []);
    assert.equal(a.findings.length, 1);
    const [tooLarge] = a.findings;
    assert.equal(tooLarge?.ruleId, 'file-too-large');
    assert.equal(tooLarge.severity, 'information');
    assert.match(tooLarge.message, /1\.4 MB, above the 1 MB limit/);
    assert.deepEqual(tooLarge.span, { start: 0, end: 'output_dir: o'.length });
    assertPlanned(exercise(text, { maxFileSize: 2 * 1024 * 1024 }), 'constant', ['constant-lr']);
  });

  test('a 50 MB file under the default limit is skipped at once, not parsed', () => {
    const text = `output_dir: o\nlearning_rate: 0.001\n${'key: value # padding\n'.repeat(2_500_000)}`;
    assert.ok(text.length > 50 * 1024 * 1024);
    const a = analyzeConfig(text, 'huge.yaml');
    assert.deepEqual(a.parsed.documents, [], 'not parsed');
    assert.deepEqual(
      a.findings.map((f) => f.ruleId),
      ['file-too-large'],
    );
  });

  test('JSON with comments is read as JSON, ranges exact', () => {
    const text = '{\n  // the recipe\n  "output_dir": "o", /* where */\n  "learning_rate": 0.001,\n  "lr_scheduler_type": "constant"\n}\n';
    const [f] = exercise(text).findings;
    assert.equal(f?.ruleId, 'constant-lr');
    assert.equal(text.slice(f.span.start, f.span.end), '"constant"');
    const urls = '{"output_dir": "http://x//y", "learning_rate": 0.001, "lr_scheduler_type": "constant"}';
    assert.equal(exercise(urls).documents[0]?.plan?.schedule.name, 'constant');
  });

  test('a file that changes dialect as it is typed', () => {
    const full = CONSTANT;
    let recognized = 0;
    for (let end = 0; end <= full.length; end++) if (exercise(full.slice(0, end)).documents.length > 0) recognized++;
    assert.ok(recognized > 0 && recognized < full.length, `${recognized} prefixes recognized`);
    assertPlanned(exercise(full), 'constant', ['constant-lr']);
  });

  test('duplicate keys: the value the framework uses (the last) is the one checked', () => {
    const text = 'output_dir: o\nlearning_rate: 0.001\nlr_scheduler_type: constant\nlr_scheduler_type: cosine\n';
    assertPlanned(exercise(text), 'cosine', []);
  });

  test('multi-document streams with empty and non-mapping documents', () => {
    const a = exercise('---\n---\n- a\n---\nscalar\n---\noutput_dir: o\nlearning_rate: 0.001\n...\n');
    assertPlanned(a, 'linear', []);
    assert.equal(a.documents[0]?.documentIndex, 3, 'the fourth document is the config');
  });
});

describe('a mapping where a name or a number is expected', () => {
  // Every scalar value of every example, replaced in turn by a nested mapping: config trees are built without
  // Object.prototype, so a value converted to text (a name, a message) must still not throw.
  const examples = join(__dirname, '..', '..', 'examples');
  for (const name of readdirSync(examples).filter((n) => /\.ya?ml$/.test(n))) {
    test(name, () => {
      const text = readFileSync(join(examples, name), 'utf8');
      const scalars = [...text.matchAll(/^(\s*[\w.-]+:[ \t]+)([^\s#{[][^#\n]*?)[ \t]*$/gm)];
      assert.ok(scalars.length > 0);
      for (const match of scalars) {
        const start = (match.index ?? 0) + (match[1] ?? '').length;
        const hostile = `${text.slice(0, start)}{a: {b: 1}}${text.slice(start + (match[2] ?? '').length)}`;
        const analysis = analyzeConfig(hostile, name);
        curveOfAnalysis(analysis, { points: 50 });
        for (const offset of [start, start + 3, hostile.length]) hoverAt(analysis, offset);
      }
    });
  }
});
