import assert from 'node:assert/strict';
import { test } from 'node:test';
import { resolveInterpolations, UNKNOWN } from '../../../server/src/dialects/interpolation';
import { analyze, planOf, yaml } from './analyze';

test('absolute, relative and string interpolation resolve within the tree', () => {
  const tree = resolveInterpolations({
    variables: { lr: 0.001, name: 'run' },
    model: { d_model: 512, optim: { lr: '${variables.lr}', sched: { d_model: '${model.d_model}', up: '${..lr}', here: '${.d_model}' } } },
    out: '/ckpt/${variables.name}/x',
    chained: '${model.optim.lr}',
  }) as {
    model: { optim: { lr: unknown; sched: Record<string, unknown> } };
    out: unknown;
    chained: unknown;
  };
  assert.equal(tree.model.optim.lr, 0.001);
  assert.equal(tree.model.optim.sched.d_model, 512);
  assert.equal(tree.model.optim.sched.up, 0.001);
  assert.equal(tree.model.optim.sched.here, 512);
  assert.equal(tree.out, '/ckpt/run/x');
  assert.equal(tree.chained, 0.001);
});

test('resolvers, missing keys, ??? and cycles stay unknown', () => {
  const tree = resolveInterpolations({
    a: '${oc.env:LR}',
    b: '${nope.x}',
    c: '???',
    d: '${e}',
    e: '${d}',
    f: 'x_${oc.env:HOME}',
  }) as Record<string, unknown>;
  for (const key of ['a', 'b', 'c', 'd', 'e', 'f']) assert.equal(tree[key], UNKNOWN, key);
});

test('NeMo: d_model interpolation reaches the scheduler parameters', () => {
  const plan = planOf(
    yaml(
      'name: x',
      'model:',
      '  encoder: {d_model: 256}',
      '  optim:',
      '    name: adamw',
      '    lr: 2.0',
      '    sched:',
      '      name: NoamAnnealing',
      '      d_model: ${model.encoder.d_model}',
      '      warmup_steps: 100',
      'trainer: {max_steps: 1000}',
      'exp_manager: {}',
    ),
    'nemo',
  );
  assert.equal(plan.schedule.params.d_model, 256);
});

test('an LR set through ${oc.env:...} or ??? is unknown: no plan and no false finding', () => {
  for (const lr of ['${oc.env:LR}', '???']) {
    const analysis = analyze(
      yaml('model:', '  _component_: torchtune.models.x', 'optimizer:', '  _component_: torch.optim.AdamW', `  lr: ${lr}`),
    );
    assert.equal(analysis.documents[0]?.dialect.id, 'torchtune');
    assert.equal(analysis.documents[0]?.plan, undefined);
    assert.deepEqual(analysis.findings, []);
  }
});

test('an unknown training length becomes a stated assumption and silences the warmup rule', () => {
  const analysis = analyze(
    yaml(
      'name: x',
      'max_epochs: ???',
      'model:',
      '  optim:',
      '    name: adamw',
      '    lr: 1e-3',
      '    sched: {name: CosineAnnealing, warmup_steps: 9000}',
      'trainer:',
      '  max_epochs: ${max_epochs}',
      'exp_manager: {}',
    ),
  );
  const plan = analysis.documents[0]?.plan;
  assert.equal(plan?.length.assumed, true);
  assert.ok(plan?.assumptions.some((a) => a.includes('not known')));
  assert.deepEqual(
    analysis.findings.map((f) => f.ruleId),
    [],
  );
});

test('an interpolation bomb resolves to unknown instead of expanding exponentially', { timeout: 60_000 }, () => {
  let text = 'model:\n  _component_: torchtune.models.x\nx0: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10]\n';
  for (let i = 1; i < 30; i++) text += `x${i}: ["\${x${i - 1}}", "\${x${i - 1}}", "\${x${i - 1}}"]\n`;
  text += 'optimizer:\n  _component_: torch.optim.AdamW\n  lr: ${x29}\n';
  const analysis = analyze(text);
  assert.equal(analysis.documents[0]?.dialect.id, 'torchtune');
  assert.equal(analysis.documents[0]?.plan, undefined);
  assert.deepEqual(analysis.findings, []);
});
