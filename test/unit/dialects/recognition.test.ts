import assert from 'node:assert/strict';
import { test } from 'node:test';
import { globMatches } from '../../../server/src/dialects/globMatch';
import { analyze, dialectOf, yaml } from './analyze';

// Files that are not training configs: no dialect, no findings (snippets written for this test).
const NOT_TRAINING: Record<string, string> = {
  'GitHub workflow': yaml(
    'name: ci',
    'on: [push]',
    'jobs:',
    '  test:',
    '    runs-on: ubuntu-latest',
    '    steps:',
    '      - run: python train.py --learning_rate 3e-4 --lr_scheduler_type constant',
  ),
  'Kubernetes deployment': yaml(
    'apiVersion: apps/v1',
    'kind: Deployment',
    'metadata: {name: trainer}',
    'spec:',
    '  template:',
    '    spec:',
    '      containers:',
    '        - name: t',
    '          args: ["--lr", "0.1"]',
  ),
  'Kubernetes job with training-looking env': yaml(
    'apiVersion: batch/v1',
    'kind: Job',
    'spec:',
    '  learning_rate: 0.001',
    '  optimizer: {type: Adam, params: {lr: 0.001}}',
  ),
  'docker-compose': yaml(
    'version: "3"',
    'services:',
    '  trainer:',
    '    image: trainer:latest',
    '    environment:',
    '      LEARNING_RATE: "1e-4"',
  ),
  OpenAPI: yaml(
    'openapi: 3.0.0',
    'info: {title: Training API, version: "1"}',
    'paths:',
    '  /train:',
    '    post:',
    '      parameters:',
    '        - name: learning_rate',
  ),
};

for (const [what, text] of Object.entries(NOT_TRAINING)) {
  test(`${what}: no dialect and no findings`, () => {
    const analysis = analyze(text, 'file.yaml');
    assert.deepEqual(
      analysis.documents.map((d) => d.dialect.id),
      [],
    );
    assert.deepEqual(analysis.findings, []);
  });
}

test('a first-line directive overrides content recognition', () => {
  const text = yaml('# lr-lens: dialect=timm', 'learning_rate: 1e-4', 'lr_scheduler_type: constant', 'per_device_train_batch_size: 8');
  assert.equal(dialectOf(text), 'timm');
  assert.equal(dialectOf(text.split('\n').slice(1).join('\n')), 'huggingface');
});

test('dialectGlobs maps paths to dialects, after the directive and before content', () => {
  const text = yaml('opt: adamw', 'lr: 0.001', 'sched: cosine', 'epochs: 10', 'warmup_epochs: 1');
  assert.equal(dialectOf(text, '/ws/configs/a.yaml'), 'timm');
  const settings = { dialectGlobs: { 'configs/**/*.yaml': 'ultralytics' } };
  assert.equal(dialectOf(text, '/ws/configs/a.yaml', settings), 'ultralytics');
  assert.equal(dialectOf(text, '/ws/other/a.yaml', settings), 'timm');
  assert.equal(dialectOf(`# lr-lens: dialect=opennmt\n${text}`, '/ws/configs/a.yaml', settings), 'opennmt');
  // An unknown dialect id in the setting is ignored rather than hiding the file.
  assert.equal(dialectOf(text, '/ws/configs/a.yaml', { dialectGlobs: { '**': 'nope' } }), 'timm');
});

test('glob matching: **, *, ?, {a,b}, Windows separators, relative patterns on absolute paths', () => {
  assert.ok(globMatches('configs/**/*.yaml', '/home/u/ws/configs/a/b/c.yaml'));
  assert.ok(globMatches('configs/**/*.yaml', 'configs/c.yaml'));
  assert.ok(!globMatches('configs/*.yaml', 'configs/a/c.yaml'));
  assert.ok(globMatches('*.json', 'C:\\ws\\ds\\ds_config.json'));
  assert.ok(globMatches('ds_config?.json', '/x/ds_config2.json'));
  assert.ok(globMatches('**/*.{yml,yaml}', '/x/y.yml'));
  assert.ok(!globMatches('**/*.{yml,yaml}', '/x/y.json'));
  assert.ok(!globMatches('recipes/*.yaml', '/x/myrecipes/a.yaml'));
});

test('each dialect wins on its own snippet', () => {
  const cases: Record<string, string> = {
    axolotl: yaml('base_model: m', 'datasets: [{path: d, type: alpaca}]', 'micro_batch_size: 2', 'num_epochs: 1', 'learning_rate: 2e-5'),
    torchtune: yaml(
      'model:',
      '  _component_: torchtune.models.llama3_2.llama3_2_1b',
      'optimizer:',
      '  _component_: torch.optim.AdamW',
      '  lr: 2e-5',
    ),
    lightning: yaml(
      'trainer:',
      '  max_epochs: 3',
      'model:',
      '  class_path: my.Model',
      'optimizer:',
      '  class_path: AdamW',
      '  init_args: {lr: 0.001}',
    ),
    nemo: yaml('name: x', 'model:', '  optim: {name: adamw, lr: 0.001}', 'trainer: {max_steps: 100}', 'exp_manager: {}'),
    ultralytics: yaml('lr0: 0.01', 'lrf: 0.01', 'momentum: 0.937', 'warmup_epochs: 3.0', 'box: 7.5', 'mosaic: 1.0'),
    detectron2: yaml('_BASE_: ../Base.yaml', 'SOLVER:', '  BASE_LR: 0.02', 'MODEL: {}'),
    composer: yaml(
      'variables: {}',
      'max_duration: 100ba',
      'optimizer: {name: decoupled_adamw, lr: 1e-4}',
      'scheduler: {name: cosine_with_warmup, t_warmup: 10ba}',
    ),
    fairseq: yaml(
      'common: {}',
      'task: {_name: masked_lm}',
      'optimization: {lr: [0.0005], max_update: 1000}',
      'optimizer: {_name: adam}',
      'lr_scheduler: {_name: inverse_sqrt}',
    ),
    timm: yaml('opt: adamw', 'lr: 0.001', 'sched: cosine', 'epochs: 10', 'warmup_epochs: 1'),
    deepspeed: yaml('{"train_batch_size": 8, "optimizer": {"type": "Adam", "params": {"lr": 0.001}}}'),
    opennmt: yaml('save_model: m', 'train_steps: 1000', 'src_vocab: v', 'optim: adam', 'learning_rate: 2'),
    'tf-model-garden': yaml(
      'runtime: {}',
      'task: {}',
      'trainer:',
      '  train_steps: 100',
      '  optimizer_config:',
      '    learning_rate: {type: constant, constant: {learning_rate: 0.1}}',
    ),
    'wandb-sweep': yaml('method: random', 'metric: {name: loss, goal: minimize}', 'parameters:', '  lr: {min: 0.0001, max: 0.1}'),
    'hydra-sweep': yaml('defaults:', '  - override /hydra/sweeper: optuna', 'hydra:', '  sweeper:', '    n_trials: 20'),
    katib: yaml('apiVersion: kubeflow.org/v1beta1', 'kind: Experiment', 'spec: {maxTrialCount: 3}'),
    litgpt: yaml('checkpoint_dir: c', 'train:', '  global_batch_size: 16', '  lr_warmup_steps: 100', 'optimizer: AdamW'),
    hydra: yaml(
      '_target_: src.models.M',
      'optimizer:',
      '  _target_: torch.optim.AdamW',
      '  _partial_: true',
      '  lr: 0.001',
      'scheduler: null',
    ),
  };
  for (const [id, text] of Object.entries(cases)) assert.equal(dialectOf(text, id === 'deepspeed' ? 'ds.json' : 'c.yaml'), id, id);
});

test('sweeps are recognized without a training plan; their findings come from the sweep plan', () => {
  const sweep = yaml('method: grid', 'parameters:', '  learning_rate: {values: [0.1, 0.01]}', '  lr_scheduler_type: {value: constant}');
  const analysis = analyze(sweep);
  assert.equal(analysis.documents[0]?.dialect.id, 'wandb-sweep');
  assert.equal(analysis.documents[0]?.plan, undefined);
  assert.equal(analysis.documents[0]?.sweep?.budget.trials, 2);
  // Every trial runs the constant schedule the sweep fixes (the sweep's own constant-lr, test/unit/sweeps).
  assert.deepEqual(
    analysis.findings.map((f) => f.ruleId),
    ['constant-lr'],
  );
});

test('file name second: a typical path raises a content recognition, and never recognizes a file alone', () => {
  const ds = JSON.stringify({ train_batch_size: 8, optimizer: { type: 'Adam', params: { lr: 0.001 } } });
  const plain = analyze(ds, '/ws/settings.json').documents[0]?.recognition;
  const named = analyze(ds, '/ws/ds_config_zero2.json').documents[0]?.recognition;
  assert.ok(plain && named && named.confidence > plain.confidence, 'ds_config*.json should add confidence');
  assert.match(named.reason, /file name/);
  assert.equal(dialectOf(yaml('name: build', 'steps: [compile, test]'), '/ws/sweep.yaml'), null);
  assert.equal(dialectOf(yaml('image: x', 'tags: [a]'), '/ws/ds_config.json'), null);
});
