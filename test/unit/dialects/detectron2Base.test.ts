// detectron2 `_BASE_` chains followed through an injected reader. Files are inline strings in a map standing in
// for the disk; values are our own, not copies of real configs.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { analyze, planOf, ruleIds, yaml } from './analyze';
import { normalizePath } from '../../../server/src/dialects/baseChain';

const disk: Record<string, string> = {
  '/repo/configs/Base-Det.yaml': yaml(
    'MODEL: {META_ARCHITECTURE: GeneralizedRCNN}',
    'SOLVER:',
    '  BASE_LR: 0.02',
    '  STEPS: (60000, 80000)',
    '  MAX_ITER: 90000',
    '  WARMUP_ITERS: 800',
  ),
  '/repo/configs/Det/mid.yaml': yaml('_BASE_: ../Base-Det.yaml', 'SOLVER:', '  STEPS: (7000, 9000)', '  MAX_ITER: 10000'),
  '/repo/configs/Det/long-warmup.yaml': yaml('_BASE_: "../Base-Det.yaml"', 'SOLVER:', '  WARMUP_ITERS: 5000'),
  '/repo/configs/bad-base.yaml': yaml('MODEL: {}', 'SOLVER:', "  BASE_LR: 'fast'"),
  '/repo/configs/loop-a.yaml': yaml('_BASE_: loop-b.yaml', 'SOLVER: {BASE_LR: 0.5}'),
  '/repo/configs/loop-b.yaml': yaml('_BASE_: loop-a.yaml', 'SOLVER: {MAX_ITER: 300}'),
};
const readFile = (path: string) => disk[path];

test('paths are joined to the file directory and normalized', () => {
  assert.equal(normalizePath('/repo/configs/Det/../Base-Det.yaml'), '/repo/configs/Base-Det.yaml');
  assert.equal(normalizePath('configs/./a/../b.yaml'), 'configs/b.yaml');
  assert.equal(normalizePath('../x.yaml'), '../x.yaml');
});

test('values come from the _BASE_ file, and the file itself overrides them', () => {
  const text = yaml('_BASE_: "../Base-Det.yaml"', 'MODEL: {MASK_ON: true}', 'SOLVER:', '  MAX_ITER: 45000', '  STEPS: (30000, 40000)');
  const plan = planOf(text, 'detectron2', '/repo/configs/Det/run.yaml', { readFile });
  assert.deepEqual([plan.baseLr, plan.length.steps, plan.schedule.params.STEPS, plan.warmup.steps], [0.02, 45000, [30000, 40000], 800]);
  assert.ok(
    plan.assumptions.some((a) => a.includes('_BASE_ files') && a.includes('Base-Det.yaml')),
    plan.assumptions.join(' | '),
  );
  assert.ok(!plan.assumptions.some((a) => a.includes('not read')), plan.assumptions.join(' | '));
});

test('chains are followed recursively; nearer files win', () => {
  const text = yaml('_BASE_: mid.yaml', 'SOLVER:', '  BASE_LR: 0.01');
  const plan = planOf(text, 'detectron2', '/repo/configs/Det/run.yaml', { readFile });
  // BASE_LR from the file, STEPS and MAX_ITER from mid.yaml, WARMUP_ITERS from Base-Det.yaml.
  assert.deepEqual([plan.baseLr, plan.schedule.params.STEPS, plan.length.steps, plan.warmup.steps], [0.01, [7000, 9000], 10000, 800]);
});

test('a finding about a value of the chain is placed in the file that holds it', () => {
  // MAX_ITER 10000 here, WARMUP_ITERS 5000 in the base: warmup is half the run.
  const text = yaml('_BASE_: long-warmup.yaml', 'SOLVER:', '  MAX_ITER: 10000', '  STEPS: (7000,)');
  const analysis = analyze(text, '/repo/configs/Det/run.yaml', { readFile });
  const warmup = analysis.findings.find((f) => f.ruleId === 'warmup-too-long');
  assert.ok(warmup?.elsewhere, JSON.stringify(analysis.findings.map((f) => f.ruleId)));
  assert.equal(text.slice(warmup.span.start, warmup.span.end), 'long-warmup.yaml');
  assert.equal(warmup.elsewhere.fileName, '/repo/configs/Det/long-warmup.yaml');
  const holder = disk['/repo/configs/Det/long-warmup.yaml'];
  assert.ok(holder !== undefined);
  assert.equal(holder.slice(warmup.elsewhere.span.start, warmup.elsewhere.span.end), '5000');
  assert.equal(warmup.elsewhere.range.start.line, 2);

  // Two files up: the value in Base-Det.yaml, reached through mid.yaml.
  const deep = yaml('_BASE_: mid.yaml', 'SOLVER:', '  STEPS: (100000,)');
  const constant = analyze(deep, '/repo/configs/Det/run.yaml', { readFile }).findings.find((f) => f.ruleId === 'constant-lr');
  assert.equal(constant?.elsewhere, undefined, 'STEPS is written in this file, so the finding stays here');
  const piecewise = analyze(yaml('_BASE_: mid.yaml', 'MODEL: {}'), '/repo/configs/Det/run.yaml', { readFile }).findings.find(
    (f) => f.ruleId === 'piecewise-schedule',
  );
  assert.ok(piecewise?.elsewhere, 'STEPS comes from mid.yaml');
  assert.equal(piecewise.elsewhere.fileName, '/repo/configs/Det/mid.yaml');
  const [related] = piecewise.related ?? [];
  assert.ok(related);
  assert.match(related.message, /_BASE_: mid\.yaml/);
});

test('an invalid value in a base is reported where it is written', () => {
  const text = yaml('_BASE_: ../bad-base.yaml', 'SOLVER: {MAX_ITER: 100}');
  const analysis = analyze(text, '/repo/configs/Det/run.yaml', { readFile });
  assert.deepEqual(
    analysis.findings.map((f) => f.ruleId),
    ['invalid-value'],
  );
  const [invalid] = analysis.findings;
  assert.equal(invalid?.elsewhere?.fileName, '/repo/configs/bad-base.yaml');
  assert.ok(invalid.elsewhere);
  assert.equal(disk['/repo/configs/bad-base.yaml']?.slice(invalid.elsewhere.span.start, invalid.elsewhere.span.end), "'fast'");
});

test('cycles and missing bases end the chain; what they would set stays unknown', () => {
  const loop = disk['/repo/configs/loop-a.yaml'];
  assert.ok(loop !== undefined);
  const plan = planOf(loop, 'detectron2', '/repo/configs/loop-a.yaml', { readFile });
  assert.deepEqual([plan.baseLr, plan.length.steps], [0.5, 300]);
  assert.ok(
    plan.assumptions.some((a) => a.includes('cycle')),
    plan.assumptions.join(' | '),
  );

  const missing = yaml('_BASE_: ../nowhere.yaml', 'SOLVER:', '  MAX_ITER: 5000');
  const orphan = planOf(missing, 'detectron2', '/repo/configs/Det/run.yaml', { readFile });
  assert.ok(
    orphan.assumptions.some((a) => a.includes('`../nowhere.yaml`') && a.includes('not read')),
    orphan.assumptions.join(' | '),
  );
  // Warmup 1000 (the default) of 5000 would be 20%, but WARMUP_ITERS may be set in the unread base: no finding.
  assert.deepEqual(ruleIds(missing, '/repo/configs/Det/run.yaml', { readFile }), []);
  assert.deepEqual(ruleIds(missing, '/repo/configs/Det/run.yaml'), []);
});

test('a chain deeper than the limit stops there', () => {
  const deep: Record<string, string> = {};
  for (let i = 0; i < 12; i++) deep[`/d/c${i}.yaml`] = yaml(`_BASE_: c${i + 1}.yaml`, `SOLVER: {MAX_ITER: ${1000 + i}}`);
  const plan = planOf(yaml('_BASE_: c0.yaml', 'MODEL: {}', 'SOLVER: {BASE_LR: 0.1}'), 'detectron2', '/d/run.yaml', {
    readFile: (p) => deep[p],
  });
  assert.equal(plan.length.steps, 1000);
  assert.ok(
    plan.assumptions.some((a) => a.includes('deeper than')),
    plan.assumptions.join(' | '),
  );
});
