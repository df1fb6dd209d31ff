import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { analyzeConfig } from '../../server/src';
import { mergeSettings, readProjectConfig } from '../../server/src/config/projectConfig';

const DIALECT_IDS = ['huggingface', 'torchtune'];

describe('.lr-lens.yaml', () => {
  test('valid settings become analysis settings', () => {
    const { settings, findings } = readProjectConfig(
      'rules:\n  constant-lr: error\ndialects:\n  "train/**": huggingface\nstepsPerEpoch: 250\nmaxFileSizeMB: 2\nbudgetThreshold: 60\n',
      DIALECT_IDS,
    );
    assert.deepEqual(findings, []);
    assert.deepEqual(settings, {
      severities: { 'constant-lr': 'error' },
      dialectGlobs: { 'train/**': 'huggingface' },
      stepsPerEpoch: 250,
      maxFileSize: 2 * 1024 * 1024,
      budgetThreshold: 60,
    });
  });

  test('problems are reported at the key or value, and the valid rest still applies', () => {
    const text =
      'rules:\n  constant-lr: loud\n  no-such-rule: off\nstepsPerEpoch: -3\ncolor: blue\ndialects:\n  "x/**": pytorch-lightning\nmaxFileSizeMB: 3\n';
    const { settings, findings } = readProjectConfig(text, DIALECT_IDS);
    const at = (f: { span: { start: number; end: number } }) => text.slice(f.span.start, f.span.end);
    const byText = Object.fromEntries(findings.map((f) => [at(f), f.message]));
    const messageAt = (where: string) => {
      const message = byText[where];
      assert.ok(message !== undefined, `a problem reported at \`${where}\``);
      return message;
    };
    assert.match(messageAt('loud'), /`rules.constant-lr` must be one of error, warning/);
    assert.match(messageAt('-3'), /`stepsPerEpoch` must be greater than 0/);
    assert.match(messageAt('color'), /unknown setting `color`/);
    assert.match(messageAt('pytorch-lightning'), /unknown dialect `pytorch-lightning`/);
    assert.equal(settings.maxFileSize, 3 * 1024 * 1024);
    assert.equal(settings.stepsPerEpoch, undefined);
  });

  test('unknown rule ids in a valid file are reported', () => {
    const text = 'rules:\n  const-lr: off\n';
    const { findings } = readProjectConfig(text, DIALECT_IDS);
    assert.equal(findings.length, 1);
    const [finding] = findings;
    assert.ok(finding);
    assert.match(finding.message, /unknown rule `const-lr`/);
  });

  test('analyzing the config file itself gives its own diagnostics', () => {
    const analysis = analyzeConfig('stepsPerEpoch: many\n', '/repo/.lr-lens.yaml');
    assert.equal(analysis.findings.length, 1);
    const [finding] = analysis.findings;
    assert.ok(finding);
    assert.match(finding.message, /\.lr-lens\.yaml: `stepsPerEpoch` must be a whole number/);
    assert.deepEqual(analysis.documents, []);
  });

  test('editor settings win over the project file, rule by rule', () => {
    const merged = mergeSettings(
      { severities: { 'constant-lr': 'error', 'warmup-too-long': 'off' }, stepsPerEpoch: 10 },
      { severities: { 'constant-lr': 'hint' } },
    );
    assert.deepEqual(merged.severities, { 'constant-lr': 'hint', 'warmup-too-long': 'off' });
    assert.equal(merged.stepsPerEpoch, 10);
  });
});
