// Hydra `defaults:` lists followed into sibling config-group files through an injected reader (no disk access
// in the core). Files here are inline strings in a map standing in for the workspace.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { analyze, planOf, yaml } from './analyze';
import { findingsElsewhere } from '../../../server/src/dialects/valueOrigin';

const workspace: Record<string, string> = {
  '/ws/conf/optimizer/adam.yaml': yaml('_name: adam', "adam_betas: '(0.9, 0.98)'", 'adam_eps: 1e-06'),
  '/ws/conf/lr_scheduler/cosine.yaml': yaml('_name: cosine', 'warmup_updates: 500'),
  '/ws/conf/lr_scheduler/fixed.yaml': yaml('_name: fixed'),
  '/ws/conf/model/optim/adamw.yaml': yaml(
    '# @package model.optim',
    'name: adamw',
    'lr: 1e-3',
    'sched: {name: CosineAnnealing, warmup_steps: 100, min_lr: 1e-6}',
  ),
};
const readFile = (path: string) => workspace[path.replace(/\\/g, '/')];

const fairseq = (...defaults: string[]) =>
  yaml(
    'defaults:',
    ...defaults.map((d) => `  - ${d}`),
    'common: {}',
    'task: {_name: audio_pretraining}',
    'criterion: {_name: wav2vec}',
    'optimization: {max_update: 1000, lr: [0.0005]}',
  );

test('fairseq: optimizer and scheduler come from the group files the defaults list names', () => {
  const plan = planOf(fairseq('optimizer: adam', 'lr_scheduler: cosine'), 'fairseq', '/ws/conf/config.yaml', { readFile });
  assert.deepEqual([plan.optimizer.beta2, plan.optimizer.epsilon, plan.schedule.name, plan.warmup.steps], [0.98, 1e-6, 'cosine', 500]);
  assert.ok(plan.assumptions.some((a) => a.includes('lr_scheduler/cosine.yaml')));
});

test('a finding about a composed value is placed on the defaults item that pulled it in', () => {
  const text = fairseq('optimizer: adam', 'lr_scheduler: cosine');
  const analysis = analyze(text, '/ws/conf/config.yaml', { readFile });
  const warmup = analysis.findings.find((f) => f.ruleId === 'warmup-too-long');
  assert.ok(warmup, 'warmup 500 of 1000 updates should be flagged');
  assert.equal(text.slice(warmup.span.start, warmup.span.end), 'cosine');
});

test('without a reader, or with a missing file, composed values stay unknown (no false finding)', () => {
  const text = fairseq('optimizer: adam', 'lr_scheduler: cosine');
  // The choice still names the scheduler (fairseq group options are scheduler names); its settings are unknown.
  const plan = planOf(text, 'fairseq', '/ws/conf/config.yaml');
  assert.deepEqual([plan.schedule.name, plan.schedule.constantAfterWarmup, plan.optimizer.beta2], ['cosine', false, 0.999]);
  assert.deepEqual(analyze(text, '/ws/conf/config.yaml').findings, []);
  assert.deepEqual(
    analyze(fairseq('lr_scheduler: missing'), '/ws/conf/config.yaml', { readFile }).findings.map((f) => f.ruleId),
    [],
  );
});

test('own values win over groups listed before _self_; groups after _self_ win', () => {
  const own = yaml(
    'name: run',
    'model:',
    '  train_ds: {}',
    '  optim:',
    '    name: sgd',
    '    lr: 0.1',
    'trainer: {max_steps: 1000}',
    'exp_manager: {}',
  );
  const before = `defaults:\n  - model/optim: adamw\n  - _self_\n${own}`;
  const after = `defaults:\n  - _self_\n  - model/optim: adamw\n${own}`;
  assert.deepEqual(
    [
      planOf(before, 'nemo', '/ws/conf/c.yaml', { readFile }).optimizer.name,
      planOf(before, 'nemo', '/ws/conf/c.yaml', { readFile }).schedule.name,
    ],
    ['sgd', 'CosineAnnealing'],
  );
  const plan = planOf(after, 'nemo', '/ws/conf/c.yaml', { readFile });
  assert.deepEqual([plan.optimizer.name, plan.baseLr, plan.warmup.steps], ['adamw', 1e-3, 100]);
});

test('the finding names where the composed value is written, and the copy for that file links back', () => {
  const text = fairseq('optimizer: adam', 'lr_scheduler: cosine');
  const analysis = analyze(text, '/ws/conf/config.yaml', { readFile });
  const warmup = analysis.findings.find((f) => f.ruleId === 'warmup-too-long');
  assert.ok(warmup?.elsewhere, 'the warmup finding should say which file holds the value');
  const groupFile = '/ws/conf/lr_scheduler/cosine.yaml';
  const groupText = workspace[groupFile];
  assert.ok(groupText !== undefined);
  assert.equal(warmup.elsewhere.fileName, groupFile);
  assert.equal(groupText.slice(warmup.elsewhere.span.start, warmup.elsewhere.span.end), '500');
  assert.equal(groupText.slice(warmup.elsewhere.keySpan.start, warmup.elsewhere.keySpan.end), 'warmup_updates');
  assert.deepEqual(warmup.elsewhere.range, { start: { line: 1, character: 16 }, end: { line: 1, character: 19 } });
  assert.deepEqual(
    warmup.related?.map((r) => [r.fileName, groupText.slice(r.span.start, r.span.end)]),
    [[groupFile, '500']],
  );
  const [related] = warmup.related ?? [];
  assert.ok(related);
  assert.match(related.message, /- lr_scheduler: cosine/);

  const copies = findingsElsewhere(analysis.findings, '/ws/conf/config.yaml', analysis.parsed.lines);
  assert.deepEqual([...copies.keys()], [groupFile]);
  const [copy] = copies.get(groupFile) ?? [];
  assert.equal(copy?.ruleId, 'warmup-too-long');
  assert.equal(groupText.slice(copy.span.start, copy.span.end), '500');
  assert.deepEqual(copy.fixes, []);
  const [back] = copy.related ?? [];
  assert.ok(back);
  assert.equal(back.fileName, '/ws/conf/config.yaml');
  assert.equal(text.slice(back.span.start, back.span.end), 'cosine');
  assert.equal(back.range.start.line, 2);
});

test('an invalid composed value is reported on its key in the group file, under a package path', () => {
  const files: Record<string, string> = { '/ws/conf/model/optim/bad.yaml': yaml('# @package model.optim', 'name: adamw', "lr: 'fast'") };
  const own = yaml('name: run', 'model:', '  train_ds: {}', '  optim: {name: adamw}', 'trainer: {max_steps: 1000}', 'exp_manager: {}');
  const text = `defaults:\n  - model/optim: bad\n  - _self_\n${own}`;
  const analysis = analyze(text, '/ws/conf/c.yaml', { readFile: (p) => files[p] });
  const invalid = analysis.findings.find((f) => f.ruleId === 'invalid-value');
  assert.ok(invalid?.elsewhere, `expected a placed invalid-value finding, got ${JSON.stringify(analysis.findings.map((f) => f.ruleId))}`);
  assert.equal(text.slice(invalid.span.start, invalid.span.end), 'bad');
  const groupText = files['/ws/conf/model/optim/bad.yaml'];
  assert.ok(groupText !== undefined);
  assert.equal(groupText.slice(invalid.elsewhere.span.start, invalid.elsewhere.span.end), "'fast'");
});

test('values the file writes itself, and unresolved ones, are not placed elsewhere', () => {
  // No `_self_` in the list: the file's own `lr_scheduler.warmup_updates` wins over the group's 500.
  const own = `${fairseq('optimizer: adam', 'lr_scheduler: cosine')}lr_scheduler: {warmup_updates: 600}\n`;
  const ownWarmup = analyze(own, '/ws/conf/config.yaml', { readFile }).findings.find((f) => f.ruleId === 'warmup-too-long');
  assert.ok(ownWarmup, 'warmup 600 of 1000 updates should be flagged');
  assert.equal(own.slice(ownWarmup.span.start, ownWarmup.span.end), '600');
  assert.equal(ownWarmup.elsewhere, undefined);
  const env = yaml('_name: cosine', 'warmup_updates: ${oc.env:WARMUP}');
  const analysis = analyze(fairseq('lr_scheduler: cosine'), '/ws/conf/config.yaml', {
    readFile: (p) => (p.endsWith('lr_scheduler/cosine.yaml') ? env : undefined),
  });
  assert.deepEqual(
    analysis.findings.map((f) => f.ruleId),
    [],
  );
});
