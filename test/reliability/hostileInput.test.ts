import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { analyzeConfig, curveOfAnalysis, hoverAt } from '../../server/src';

/** Analyses, draws and hovers everywhere it matters: none of it may throw. */
function exercise(text: string, settings = {}) {
  const analysis = analyzeConfig(text, 'hostile.yaml', settings);
  curveOfAnalysis(analysis, { points: 50 });
  for (const offset of [0, Math.floor(text.length / 2), text.length]) hoverAt(analysis, offset);
  for (const finding of analysis.findings) {
    assert.ok(finding.span.start >= 0 && finding.span.end <= text.length && finding.span.start <= finding.span.end, 'ranges inside the text');
  }
  return analysis;
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
    assert.ok(a.findings.some((f) => f.ruleId === 'invalid-value' && /lr_scheduler_kwargs/.test(f.message)));
  });

  test('10,000-deep nesting, flow and block', () => {
    exercise('['.repeat(10_000) + ']'.repeat(10_000));
    exercise('{a: '.repeat(10_000) + '1' + '}'.repeat(10_000));
    exercise(Array.from({ length: 10_000 }, (_, i) => `${' '.repeat(i)}a:`).join('\n'));
  });

  test('binary and invalid UTF-8 (decoded with replacement characters)', () => {
    const bytes = Buffer.from(Array.from({ length: 50_000 }, (_, i) => (i * 7919) % 256));
    assert.deepEqual(exercise(bytes.toString('utf8')).documents, []);
    exercise(`output_dir: o\nlearning_rate: 0.001\n${'\u0000\uFFFD\uD800'.repeat(100)}\n`);
  });

  test('tabs, unterminated quotes, stray brackets', () => {
    exercise('output_dir: o\n\tlearning_rate: 0.1\n');
    const a = exercise('output_dir: o\nlearning_rate: "0.1\nlr_scheduler_type: constant\n');
    assert.ok(a.parsed.syntaxProblems.length > 0);
    exercise('output_dir: o\nlearning_rate: [0.1\nmax_steps: }}\n');
  });

  test('a file over the size limit gets one information message and no analysis', () => {
    const text = `output_dir: o\nlearning_rate: 0.001\nlr_scheduler_type: constant\n${'x: 1\n'.repeat(300_000)}`;
    const a = exercise(text, { maxFileSize: 1024 * 1024 });
    assert.deepEqual(a.documents, []);
    assert.equal(a.findings.length, 1);
    assert.equal(a.findings[0]!.ruleId, 'file-too-large');
    assert.equal(a.findings[0]!.severity, 'information');
    assert.match(a.findings[0]!.message, /1\.4 MB, above the 1 MB limit/);
    assert.deepEqual(a.findings[0]!.span, { start: 0, end: 'output_dir: o'.length });
  });

  test('a 50 MB file under the default limit is skipped at once, not parsed', () => {
    const text = `output_dir: o\nlearning_rate: 0.001\n${'key: value # padding\n'.repeat(2_500_000)}`;
    assert.ok(text.length > 50 * 1024 * 1024);
    const a = analyzeConfig(text, 'huge.yaml');
    assert.deepEqual(a.parsed.documents, [], 'not parsed');
    assert.deepEqual(a.findings.map((f) => f.ruleId), ['file-too-large']);
  });

  test('JSON with comments is read as JSON, ranges exact', () => {
    const text = '{\n  // the recipe\n  "output_dir": "o", /* where */\n  "learning_rate": 0.001,\n  "lr_scheduler_type": "constant"\n}\n';
    const [f] = exercise(text).findings;
    assert.equal(f!.ruleId, 'constant-lr');
    assert.equal(text.slice(f!.span.start, f!.span.end), '"constant"');
    const urls = '{"output_dir": "http://x//y", "learning_rate": 0.001, "lr_scheduler_type": "constant"}';
    assert.equal(exercise(urls).documents[0]!.plan!.schedule.name, 'constant');
  });

  test('a file that changes dialect as it is typed', () => {
    const full = 'output_dir: o\nlearning_rate: 0.001\nlr_scheduler_type: constant\nmax_steps: 10\n';
    for (let end = 0; end <= full.length; end++) exercise(full.slice(0, end));
  });

  test('duplicate keys: the value the framework uses (the last) is the one checked', () => {
    const text = 'output_dir: o\nlearning_rate: 0.001\nlr_scheduler_type: constant\nlr_scheduler_type: cosine\n';
    assert.deepEqual(exercise(text).findings, []);
  });

  test('multi-document streams with empty and non-mapping documents', () => {
    exercise('---\n---\n- a\n---\nscalar\n---\noutput_dir: o\nlearning_rate: 0.001\n...\n');
  });
});
