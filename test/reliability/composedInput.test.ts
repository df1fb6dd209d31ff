import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { analyzeConfig } from '../../server/src';
import { resolveInterpolationsOf, UNKNOWN, MAX_INTERPOLATED_LENGTH } from '../../server/src/dialects/interpolation';

/**
 * Hostile values that reach the core through composition (Hydra group files, detectron2 `_BASE_` files) and
 * interpolation: they may not change other objects of the process, nor build unbounded text, nor turn an
 * unresolvable value into a false finding. Files are inline strings in a map standing in for the disk.
 */
const lines = (...rows: string[]) => `${rows.join('\n')}\n`;

const FAIRSEQ = lines(
  'defaults:',
  '  - optimizer: hostile',
  '  - _self_',
  'optimization:',
  '  max_update: 1000',
  '  lr: [0.0005]',
  'optimizer:',
  '  _name: adam',
  'lr_scheduler:',
  '  _name: polynomial_decay',
  '  warmup_updates: 100',
);
const HF = lines('output_dir: o', 'learning_rate: 0.001', 'lr_scheduler_type: constant', 'max_steps: 10');

function assertPrototypeClean(): void {
  const probe: Record<string, unknown> = {};
  for (const key of ['maxFileSize', 'id', 'polluted']) assert.equal(probe[key], undefined, `Object.prototype.${key} was set`);
}

describe('prototype keys in composed files', () => {
  for (const payload of [
    '__proto__: {maxFileSize: 1, id: 7, polluted: yes}',
    'constructor: {prototype: {maxFileSize: 1}}',
    'prototype: {maxFileSize: 1}',
  ]) {
    test(`a Hydra group file under "# @package _global_" writing ${payload.split(':')[0]}`, () => {
      const disk: Record<string, string> = {
        '/repo/conf/optimizer/hostile.yaml': lines('# @package _global_', payload, 'optimizer:', '  adam_betas: (0.9, 0.98)'),
      };
      try {
        const analysis = analyzeConfig(FAIRSEQ, '/repo/conf/train.yaml', { readFile: (path) => disk[path] });
        assert.equal(analysis.documents[0]?.dialect.id, 'fairseq');
        const plan = analysis.documents[0]?.plan;
        assert.ok(plan, 'planned');
        assert.equal(plan.optimizer.beta2, 0.98, 'the group file was composed');
        assertPrototypeClean();
        // A later, unrelated file is analyzed as usual (it was "skipped … above the 0 MB limit").
        assert.deepEqual(
          analyzeConfig(HF, '/other/train.yaml').findings.map((f) => f.ruleId),
          ['constant-lr'],
        );
      } finally {
        for (const key of ['maxFileSize', 'id', 'polluted']) delete (Object.prototype as Record<string, unknown>)[key];
      }
    });
  }

  test('a detectron2 _BASE_ file writing __proto__', () => {
    const disk: Record<string, string> = {
      '/repo/configs/Base.yaml': lines(
        '__proto__:',
        '  maxFileSize: 1',
        '  id: 7',
        'SOLVER:',
        '  BASE_LR: 0.02',
        '  STEPS: (600, 800)',
        '  MAX_ITER: 900',
      ),
    };
    try {
      const text = lines('_BASE_: ../Base.yaml', 'MODEL: {META_ARCHITECTURE: GeneralizedRCNN}', 'SOLVER:', '  MAX_ITER: 1000');
      const analysis = analyzeConfig(text, '/repo/configs/Det/run.yaml', { readFile: (path) => disk[path] });
      assert.equal(analysis.documents[0]?.dialect.id, 'detectron2');
      const plan = analysis.documents[0]?.plan;
      assert.ok(plan, 'planned');
      assert.deepEqual([plan.baseLr, plan.length.steps], [0.02, 1000]);
      assertPrototypeClean();
      assert.deepEqual(
        analyzeConfig(HF, '/other/train.yaml').findings.map((f) => f.ruleId),
        ['constant-lr'],
      );
    } finally {
      for (const key of ['maxFileSize', 'id']) delete (Object.prototype as Record<string, unknown>)[key];
    }
  });

  test('the file itself writing __proto__ and constructor: no value is read through a prototype', () => {
    const text = lines('__proto__: {learning_rate: 5}', 'constructor: 3', 'output_dir: o', 'lr_scheduler_type: constant', 'max_steps: 10');
    const analysis = analyzeConfig(text, 'train.yaml');
    assert.equal(analysis.documents[0]?.dialect.id, 'huggingface');
    assert.equal(analysis.documents[0]?.plan?.baseLr, 5e-5, "transformers' default, not the __proto__ value");
    assertPrototypeClean();
  });
});

describe('interpolation builds bounded text', () => {
  const bomb = (copies: number) => ({
    vars: { a: 'x'.repeat(10_000), b: '${vars.a}'.repeat(1000), c: '${vars.b}'.repeat(copies), short: 'run_${vars.n}', n: 3 },
  });

  test('${vars.a} ×1000 with a 10 KB a, then ${vars.b} ×50: unknown, and said so', { timeout: 60_000 }, () => {
    const resolved = resolveInterpolationsOf(bomb(50));
    const vars = (resolved.root as { vars: Record<string, unknown> }).vars;
    assert.equal(vars.b, UNKNOWN);
    assert.equal(vars.c, UNKNOWN);
    assert.equal(vars.short, 'run_3', 'short interpolations still resolve');
    assert.equal(resolved.overLengthLimit, true);
  });

  test('a value just under the limit resolves; just over it does not', () => {
    const piece = 'y'.repeat(1024);
    const under = resolveInterpolationsOf({ p: piece, v: '${p}'.repeat(MAX_INTERPOLATED_LENGTH / 1024) });
    assert.equal((under.root as { v: unknown }).v, piece.repeat(MAX_INTERPOLATED_LENGTH / 1024));
    assert.equal(under.overLengthLimit, false);
    const over = resolveInterpolationsOf({ p: piece, v: `${'${p}'.repeat(MAX_INTERPOLATED_LENGTH / 1024)}!` });
    assert.equal((over.root as { v: unknown }).v, UNKNOWN);
    assert.equal(over.overLengthLimit, true);
  });

  test('the bomb in a fairseq config: recognized, planned, the limit in the assumptions', { timeout: 60_000 }, () => {
    const text = lines(
      `vars:`,
      `  a: ${'x'.repeat(10_000)}`,
      `  b: "${'${vars.a}'.repeat(1000)}"`,
      `  c: "${'${vars.b}'.repeat(50)}"`,
      FAIRSEQ.replace(/^defaults:\n.*\n.*\n/, ''),
    );
    const analysis = analyzeConfig(text, 'train.yaml');
    assert.equal(analysis.documents[0]?.dialect.id, 'fairseq');
    const plan = analysis.documents[0]?.plan;
    assert.ok(plan, 'planned');
    assert.ok(
      plan.assumptions.some((a) => /interpolation builds more than 64 KB/.test(a)),
      plan.assumptions.join(' | '),
    );
    assert.deepEqual(analysis.findings, []);
  });
});

describe('unresolved values stay unknown in every interpolating dialect', () => {
  const fairseq = (lr: string, betas = '(0.9, 0.98)') =>
    FAIRSEQ.replace(/^defaults:\n.*\n.*\n/, '')
      .replace('lr: [0.0005]', `lr: ${lr}`)
      .replace('_name: adam', `_name: adam\n  adam_betas: ${betas}`);
  for (const value of ['["${oc.env:HOME}"]', '"${oc.env:HOME}"', '["${oc.decode:${oc.env:LR}}"]', '[???]', '["${oc.env:HOME}", 0.001]']) {
    test(`fairseq lr: ${value}`, () => {
      const known = analyzeConfig(fairseq('[0.0005]'), 'train.yaml');
      assert.equal(known.documents[0]?.plan?.baseLr, 0.0005);
      const analysis = analyzeConfig(fairseq(value), 'train.yaml');
      assert.equal(analysis.documents[0]?.dialect.id, 'fairseq');
      assert.deepEqual(analysis.findings, [], 'no invalid-value');
    });
  }

  test('fairseq adam_betas: ["${oc.env:B1}", 0.98]', () => {
    const analysis = analyzeConfig(fairseq('[0.0005]', '["${oc.env:B1}", 0.98]'), 'train.yaml');
    assert.equal(analysis.documents[0]?.dialect.id, 'fairseq');
    assert.deepEqual(analysis.findings, []);
  });

  test('NeMo betas: [${oc.env:B1}, 0.98] and lr: ${oc.decode:...}', () => {
    const nemo = (betas: string, lr: string) =>
      lines(
        'trainer:',
        '  max_steps: 1000',
        'model:',
        '  optim:',
        '    name: adamw',
        `    lr: ${lr}`,
        `    betas: ${betas}`,
        '    sched:',
        '      name: CosineAnnealing',
        '      warmup_steps: 100',
      );
    const known = analyzeConfig(nemo('[0.9, 0.98]', '0.001'), 'train.yaml');
    assert.equal(known.documents[0]?.dialect.id, 'nemo');
    assert.equal(known.documents[0]?.plan?.optimizer.beta2, 0.98);
    const bad = analyzeConfig(nemo('[0.9, 2]', '0.001'), 'train.yaml');
    assert.deepEqual(
      bad.findings.map((f) => f.ruleId),
      ['invalid-value'],
      'a known bad value is still reported',
    );
    const analysis = analyzeConfig(nemo('["${oc.env:B1}", 0.98]', '"${oc.decode:${oc.env:LR}}"'), 'train.yaml');
    assert.equal(analysis.documents[0]?.dialect.id, 'nemo');
    assert.deepEqual(
      analysis.findings.filter((f) => f.ruleId === 'invalid-value'),
      [],
    );
  });

  test('torchtune betas: [${oc.env:B1}, 0.95]', () => {
    const torchtune = (betas: string) =>
      lines(
        'epochs: 1',
        'max_steps_per_epoch: 1000',
        'optimizer:',
        '  _component_: torch.optim.AdamW',
        '  lr: 2e-5',
        `  betas: ${betas}`,
        'lr_scheduler:',
        '  _component_: torchtune.training.lr_schedulers.get_cosine_schedule_with_warmup',
        '  num_warmup_steps: 100',
      );
    const known = analyzeConfig(torchtune('[0.9, 0.95]'), 'train.yaml');
    assert.equal(known.documents[0]?.dialect.id, 'torchtune');
    assert.equal(known.documents[0]?.plan?.optimizer.beta2, 0.95);
    const analysis = analyzeConfig(torchtune('["${oc.env:B1}", 0.95]'), 'train.yaml');
    assert.equal(analysis.documents[0]?.dialect.id, 'torchtune');
    assert.deepEqual(
      analysis.findings.filter((f) => f.ruleId === 'invalid-value'),
      [],
    );
  });
});

describe('composition reads a bounded number of files and bytes', () => {
  const fairseqWith = (defaults: string[]) =>
    `defaults:\n${defaults.map((d) => `  - ${d}\n`).join('')}  - _self_\n${FAIRSEQ.replace(/^defaults:\n.*\n.*\n/, '')}`;

  test('one group file named 2,000 times is read and parsed once', { timeout: 60_000 }, () => {
    const big = `# @package _global_\n${Array.from({ length: 2000 }, (_, i) => `k${i}: ${i}`).join('\n')}\n`;
    let reads = 0;
    const readFile = (path: string) => (reads++, path === '/r/optimizer/big.yaml' ? big : undefined);
    const analysis = analyzeConfig(fairseqWith(Array(2000).fill('optimizer: big')), '/r/train.yaml', { readFile });
    assert.equal(analysis.documents[0]?.dialect.id, 'fairseq');
    assert.equal(analysis.documents[0]?.plan?.baseLr, 0.0005);
    assert.equal(reads, 1);
  });

  test('2,000 distinct group files: 64 are read, the rest named in the assumptions', { timeout: 60_000 }, () => {
    let reads = 0;
    const readFile = (path: string) => (reads++, /\/opt\d+\/x\.yaml$/.test(path) ? 'a: 1\n' : undefined);
    const analysis = analyzeConfig(fairseqWith(Array.from({ length: 2000 }, (_, i) => `opt${i}: x`)), '/r/train.yaml', { readFile });
    assert.equal(analysis.documents[0]?.dialect.id, 'fairseq');
    const plan = analysis.documents[0]?.plan;
    assert.ok(plan, 'planned');
    assert.equal(reads, 64);
    assert.ok(
      plan.assumptions.some((a) => a.startsWith('Hydra defaults not read: /r/opt64/x.yaml (more than 64 files)')),
      plan.assumptions.join(' | '),
    );
  });

  test('group files of 2 MB together: the next one is not read', () => {
    const half = `# @package _global_\npad: "${'x'.repeat(1024 * 1024 - 40)}"\n`;
    const readFile = (path: string) => (/\/(a|b|c)\/x\.yaml$/.test(path) ? half : undefined);
    const analysis = analyzeConfig(fairseqWith(['a: x', 'b: x', 'c: x']), '/r/train.yaml', { readFile });
    const plan = analysis.documents[0]?.plan;
    assert.ok(plan, 'planned');
    assert.ok(
      plan.assumptions.some((a) => a.includes('/r/c/x.yaml (more than 2 MB composed)')),
      plan.assumptions.join(' | '),
    );
  });
});

test('rule ids named after Object.prototype members are unknown rules, not silently accepted', () => {
  const text = `# lr-lens: disable=constructor,toString\n# lr-lens-disable-next-line __proto__\n${HF}`;
  const analysis = analyzeConfig(text, 'train.yaml');
  assert.equal(analysis.documents[0]?.dialect.id, 'huggingface');
  const unknown = analysis.findings.filter((f) => f.ruleId === 'invalid-value').map((f) => /Unknown rule `([^`]*)`/.exec(f.message)?.[1]);
  assert.deepEqual(unknown.sort(), ['__proto__', 'constructor', 'toString']);
  assert.ok(analysis.findings.some((f) => f.ruleId === 'constant-lr'));
});
