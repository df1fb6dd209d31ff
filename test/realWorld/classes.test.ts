// Issue 18: each class of real-world misreading, checked on small neighbours of the collected configs (other
// projects' spellings of the same thing), so a fix holds for the class and not only for the collected file.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { curveOfAnalysis } from '../../server/src/index';
import { analyze, dialectOf, planOf, ruleIds, yaml } from '../unit/dialects/analyze';

test('item 2: LightningCLI --print_config dumps without model.class_path are Lightning', () => {
  const trainer = ['trainer:', '  accelerator: auto', '  devices: 1', '  max_epochs: 20', '  max_steps: -1'];
  const adam = ['optimizer:', '  class_path: torch.optim.Adam', '  init_args:', '    lr: 0.001'];
  // Header + trainer + ckpt_path, optimizer given, lr_scheduler null: constant.
  const topLevel = yaml(
    '# lightning.pytorch==2.3.0',
    'seed_everything: 7',
    ...trainer,
    'model:',
    '  width: 64',
    ...adam,
    'lr_scheduler: null',
    'ckpt_path: null',
  );
  assert.equal(planOf(topLevel, 'lightning').length.steps, 20);
  assert.deepEqual(ruleIds(topLevel), ['constant-lr']);
  // The same under the fit subcommand, with the older pytorch_lightning header.
  const indent = (lines: string[]) => lines.map((l) => `  ${l}`);
  const fit = yaml(
    '# pytorch_lightning==1.9.4',
    'fit:',
    ...indent(['seed_everything: true', ...trainer, 'model:', '  width: 64', ...adam, 'ckpt_path: null']),
  );
  const plan = planOf(fit, 'lightning');
  assert.deepEqual([plan.baseLr, plan.length.steps, plan.schedule.constantAfterWarmup], [0.001, 20, true]);
  const finding = analyze(fit).findings[0];
  assert.equal(finding?.ruleId, 'constant-lr');
  // The fix writes lr_scheduler inside fit:, beside optimizer.
  const edit = finding.fixes[0]?.edits[0];
  assert.ok(edit);
  const fixed = fit.slice(0, edit.span.start) + edit.newText + fit.slice(edit.span.end);
  assert.equal(planOf(fixed, 'lightning').schedule.name, 'CosineAnnealingLR', fixed);
  assert.deepEqual(ruleIds(fixed), []);
  // No header, but seed_everything + trainer arguments + ckpt_path: still a dump.
  assert.equal(dialectOf(yaml('seed_everything: 1', ...trainer, 'model:', '  width: 64', 'ckpt_path: last')), 'lightning');
  // A hand-written CLI config: seed_everything beside the Trainer's arguments.
  assert.equal(dialectOf(yaml('seed_everything: 42', ...trainer, 'model:', '  width: 64', 'data:', '  batch_size: 8')), 'lightning');
  // The optimizer lives in configure_optimizers: recognized, no plan, no constant-lr.
  const inCode = yaml('# lightning.pytorch==2.0.9', 'seed_everything: 0', ...trainer, 'model:', '  lr: 0.01', 'ckpt_path: null');
  assert.equal(dialectOf(inCode), 'lightning');
  assert.deepEqual(ruleIds(inCode), []);
  // Neighbours that are not LightningCLI dumps: a Hydra trainer, a bare trainer block.
  assert.notEqual(
    dialectOf(
      yaml('seed_everything: 1', 'trainer:', '  _target_: lightning.pytorch.Trainer', '  max_epochs: 3', '  devices: 1', 'ckpt_path: null'),
    ),
    'lightning',
  );
  assert.equal(dialectOf(yaml('trainer:', '  max_epochs: 3', '  devices: 1')), null);
});

test('item 3: a dialect claims a file only when it has that framework training keys', () => {
  const model = [
    'model:',
    '  _component_: torchtune.models.llama3_2.llama3_2_1b',
    'checkpointer:',
    '  _component_: torchtune.training.FullModelHFCheckpointer',
    '  checkpoint_dir: /tmp/m',
  ];
  // generate, eleuther_eval and quantize recipes: no optimizer, loss or length.
  assert.equal(dialectOf(yaml(...model, 'prompt:', '  user: hi', 'max_new_tokens: 10')), null);
  assert.equal(dialectOf(yaml(...model, 'tasks: ["hellaswag"]', 'batch_size: 8')), null);
  assert.equal(
    dialectOf(
      yaml(...model, 'quantizer:', '  _component_: torchtune.training.quantization.Int8DynActInt4WeightQuantizer', '  groupsize: 256'),
    ),
    null,
  );
  // The training neighbour is still torchtune, and constant without a scheduler.
  const train = yaml(
    ...model,
    'optimizer:',
    '  _component_: torch.optim.AdamW',
    '  lr: 2e-5',
    'epochs: 1',
    'loss:',
    '  _component_: torchtune.modules.loss.CEWithChunkedOutputLoss',
  );
  assert.equal(planOf(train, 'torchtune').baseLr, 2e-5);
  assert.deepEqual(ruleIds(train), ['constant-lr']);
  // MindCV (scheduler / epoch_size) is not timm; timm's own args (sched, epochs) are.
  const shared = ['opt: adamw', 'lr: 0.001', 'warmup_epochs: 5', 'min_lr: 1.0e-6', 'mixup: 0.8', 'cutmix: 1.0', 'model: vit_b_16'];
  assert.equal(dialectOf(yaml(...shared, 'scheduler: cosine_decay', 'epoch_size: 300', 'decay_epochs: 295')), null);
  assert.equal(dialectOf(yaml(...shared, 'scheduler: warmup_cosine_decay', 'epochs: 300', 'amp_level: O2')), null);
  assert.equal(planOf(yaml(...shared, 'sched: cosine', 'epochs: 300'), 'timm').length.steps, 300);
  // detectron2: an inference-only config (no SOLVER, no _BASE_) is not a training config.
  assert.equal(
    dialectOf(
      yaml(
        'MODEL:',
        '  WEIGHTS: model_final.pth',
        '  ROI_HEADS:',
        '    NUM_CLASSES: 3',
        'DATASETS:',
        '  TEST: ("val",)',
        'INPUT:',
        '  MIN_SIZE_TEST: 800',
      ),
    ),
    null,
  );
});

test('item 4: YOLOv7 hyp files decay with one-cycle cosine over 300 epochs; YOLOv5 hyp files stay linear', () => {
  const hyp = [
    'lr0: 0.01',
    'lrf: 0.1',
    'momentum: 0.937',
    'weight_decay: 0.0005',
    'warmup_epochs: 3.0',
    'warmup_momentum: 0.8',
    'box: 0.05',
    'obj: 0.7',
    'hsv_h: 0.015',
    'mosaic: 1.0',
  ];
  for (const marker of ['loss_ota: 1', 'paste_in: 0.15']) {
    const plan = planOf(yaml(...hyp, marker), 'ultralytics', 'data/hyp.scratch.custom.yaml');
    assert.deepEqual([plan.schedule.name, plan.schedule.params.cos_lr, plan.length.steps], ['cosine', true, 300]);
  }
  const v5 = planOf(yaml(...hyp), 'ultralytics', 'data/hyps/hyp.scratch-low.yaml');
  assert.deepEqual([v5.schedule.name, v5.length.steps], ['linear', 100]);
  // lrf 1.0 keeps YOLOv7 flat; the fix lowers lrf (no cos_lr key, which YOLOv7 does not read; no linear fix).
  const flat = yaml(...hyp.map((l) => (l.startsWith('lrf') ? 'lrf: 1.0' : l)), 'loss_ota: 1');
  const finding = analyze(flat, 'hyp.yaml').findings.find((f) => f.ruleId === 'constant-lr');
  assert.ok(finding);
  assert.deepEqual(
    finding.fixes.map((f) => [f.title, f.edits.map((e) => e.newText)]),
    [['Use cosine decay', ['0.1']]],
  );
});

test('item 5: DeepSpeed "auto" values: WarmupLR is constant-lr, every Warmup scheduler is drawn normalized', () => {
  // WarmupCosineLR takes ratios of the optimizer's lr, not warmup_min_lr / warmup_max_lr (deepspeed/runtime/lr_schedules.py).
  const warmupKeys = (type: string) => (type === 'WarmupCosineLR' ? '' : '"warmup_min_lr": "auto", "warmup_max_lr": "auto", ');
  const config = (type: string, extra = '') =>
    `{"train_micro_batch_size_per_gpu": "auto", "gradient_accumulation_steps": "auto", "zero_optimization": {"stage": 2},` +
    ` "optimizer": {"type": "AdamW", "params": {"lr": "auto"}},` +
    ` "scheduler": {"type": "${type}", "params": {${warmupKeys(type)}"warmup_num_steps": "auto"${extra}}}}`;
  const warmupLr = planOf(config('WarmupLR'), 'deepspeed', 'ds_config.json');
  assert.equal(warmupLr.baseLr, 1);
  assert.ok(warmupLr.peakUnknown);
  assert.deepEqual(ruleIds(config('WarmupLR'), 'ds_config.json'), ['constant-lr']);
  for (const type of ['WarmupDecayLR', 'WarmupCosineLR']) {
    const extra = ', "total_num_steps": "auto"';
    const curve = curveOfAnalysis(analyze(config(type, extra), 'ds_config.json'), { points: 32 });
    assert.ok(curve, type);
    assert.match(curve.summary.text, /peak unknown \(drawn as 1\)/);
    assert.ok(Math.max(...curve.points.map((p) => p.lr)) <= 1 + 1e-12);
    assert.ok((curve.points.at(-1)?.lr ?? 1) < 0.5, `${type} decays`);
    assert.deepEqual(ruleIds(config(type, extra), 'ds_config.json'), []);
  }
  // WarmupDecayLR's keys copied under WarmupCosineLR: DeepSpeed builds WarmupCosineLR(optimizer, **params) and raises TypeError.
  const copied = config('WarmupDecayLR', ', "total_num_steps": "auto"').replace('WarmupDecayLR', 'WarmupCosineLR');
  assert.deepEqual(ruleIds(copied, 'ds_config.json'), ['invalid-value', 'invalid-value']);
});

test('item 11 and 13: summaries count in the plan unit, singular and plural; a degenerate assumed length is said', () => {
  const hyp = yaml('lr0: 0.01', 'lrf: 0.01', 'momentum: 0.937', 'warmup_epochs: 1.0', 'box: 0.05', 'obj: 1.0', 'mosaic: 1.0', 'epochs: 1');
  const summary = curveOfAnalysis(analyze(hyp, 'args.yaml'))?.summary.text ?? '';
  assert.match(summary, /warmup 1 epoch · .* · 1 epoch$/);
  // NeMo warmup + hold over an assumed one-epoch run.
  const nemo = yaml(
    'model:',
    '  optim:',
    '    name: adamw',
    '    lr: 1e-4',
    '    sched:',
    '      name: CosineAnnealing',
    '      warmup_steps: 500',
    '      hold_steps: 2000',
    'trainer:',
    '  max_epochs: 1',
    'exp_manager: {}',
  );
  const text = curveOfAnalysis(analyze(nemo))?.summary.text ?? '';
  assert.match(text, /degenerate under the assumed length of 1000 steps \(warmup \+ hold take 2500 steps\): give the real steps per epoch/);
  // Given the steps per epoch, the same file is not degenerate.
  assert.doesNotMatch(curveOfAnalysis(analyze(nemo, 'config.yaml', { stepsPerEpoch: 5000 }))?.summary.text ?? '', /degenerate/);
});

test('item 7: fairseq tri_stage warmup is judged from warmup_steps as from phase_ratio', () => {
  const base = [
    'task:',
    '  _name: audio_finetuning',
    'criterion:',
    '  _name: ctc',
    'optimizer:',
    '  _name: adam',
    'optimization:',
    '  max_update: 20000',
    '  lr: [0.00003]',
  ];
  const steps = yaml(...base, 'lr_scheduler:', '  _name: tri_stage', '  warmup_steps: 8000', '  hold_steps: 4000', '  decay_steps: 8000');
  const ratio = yaml(...base, 'lr_scheduler:', '  _name: tri_stage', '  phase_ratio: [0.4, 0.2, 0.4]');
  const messages = [steps, ratio].map((text) => analyze(text).findings.find((f) => f.ruleId === 'warmup-too-long')?.message ?? '');
  assert.match(messages[0] ?? '', /\(8000 of 20000 steps\).*Shorten `lr_scheduler\.warmup_steps` to at most 2000 steps\./);
  assert.match(messages[1] ?? '', /Shorten `lr_scheduler\.phase_ratio\[0\]` to at most 0\.1\./);
});

test('item 9 and 11: Ultralytics optimizer auto is drawn normalized; warmup advice in epochs, no ratio', () => {
  const args = (optimizer: string) =>
    yaml(
      'task: detect',
      'mode: train',
      'epochs: 10',
      `optimizer: ${optimizer}`,
      'lr0: 0.02',
      'lrf: 0.01',
      'momentum: 0.937',
      'warmup_epochs: 3.0',
      'box: 7.5',
      'cls: 0.5',
      'dfl: 1.5',
      'mosaic: 1.0',
    );
  const auto = analyze(args('auto'), 'runs/train/args.yaml');
  const plan = auto.documents[0]?.plan;
  assert.ok(plan?.peakUnknown);
  const curve = curveOfAnalysis(auto);
  assert.ok(curve && !curve.points.some((p) => Math.abs(p.lr - 0.02) < 1e-12), 'lr0 is not plotted');
  assert.match(curve.summary.text, /peak unknown/);
  const sgd = analyze(args('SGD'), 'runs/train/args.yaml');
  assert.equal(sgd.documents[0]?.plan?.baseLr, 0.02);
  const message = sgd.findings.find((f) => f.ruleId === 'warmup-too-long')?.message ?? '';
  assert.match(message, /\(3 of 10 epochs\).*Shorten `warmup_epochs` to at most 1 epoch\.$/);
  assert.doesNotMatch(message, /\bratio\b|\bsteps?\b/); // timm: epochs and warmup_epochs, no ratio either.
  const timm = yaml(
    'model: resnet50',
    'epochs: 100',
    'opt: sgd',
    'lr: 0.1',
    'sched: cosine',
    'warmup_epochs: 20',
    'warmup_lr: 0.0001',
    'min_lr: 1e-5',
    'smoothing: 0.1',
  );
  const timmMessage = analyze(timm).findings.find((f) => f.ruleId === 'warmup-too-long')?.message ?? '';
  assert.match(timmMessage, /\(20 of 100 epochs\).*Shorten `warmup_epochs` to at most 10 epochs\.$/);
});

test('item 10: one value is not a search, in every sweep format', () => {
  const wandb = yaml(
    'program: train.py',
    'method: bayes',
    'metric: {name: loss, goal: minimize}',
    'parameters:',
    '  lr:',
    '    distribution: log_uniform_values',
    '    min: 1e-5',
    '    max: 1e-3',
    '  epochs:',
    '    values: 10',
    '  max_steps:',
    '    values: [5000]',
    '  num_train_epochs:',
    '    value: 3',
  );
  assert.equal(dialectOf(wandb, 'sweep.yaml'), 'wandb-sweep');
  assert.deepEqual(
    ruleIds(wandb, 'sweep.yaml').filter((r) => r === 'tuned-train-steps'),
    [],
  );
  const searched = wandb.replace('values: 10', 'values: [10, 20]');
  assert.deepEqual(
    ruleIds(searched, 'sweep.yaml').filter((r) => r === 'tuned-train-steps'),
    ['tuned-train-steps'],
  );
  const hydra = yaml(
    'hydra:',
    '  mode: MULTIRUN',
    '  sweeper:',
    '    params:',
    '      optimizer.lr: interval(0.0001, 0.1)',
    '      trainer.max_epochs: choice(10)',
    '      trainer.max_steps: interval(500, 500)',
  );
  assert.equal(dialectOf(hydra), 'hydra-sweep');
  assert.deepEqual(
    ruleIds(hydra).filter((r) => r === 'tuned-train-steps'),
    [],
  );
  const katib = (type: string, min: string, max: string) =>
    yaml(
      'apiVersion: kubeflow.org/v1beta1',
      'kind: Experiment',
      'metadata: {name: e}',
      'spec:',
      '  objective: {type: maximize, objectiveMetricName: acc}',
      '  algorithm: {algorithmName: random}',
      '  maxTrialCount: 8',
      '  parameters:',
      '    - name: lr',
      '      parameterType: double',
      '      feasibleSpace: {min: "0.01", max: "0.1"}',
      '    - name: num-epochs',
      `      parameterType: ${type}`,
      `      feasibleSpace: {min: "${min}", max: "${max}"}`,
    );
  for (const type of ['int', 'double']) {
    assert.equal(dialectOf(katib(type, '5', '5')), 'katib');
    assert.deepEqual(
      ruleIds(katib(type, '5', '5')).filter((r) => r === 'tuned-train-steps'),
      [],
      type,
    );
    assert.deepEqual(
      ruleIds(katib(type, '5', '50')).filter((r) => r === 'tuned-train-steps'),
      ['tuned-train-steps'],
      type,
    );
  }
});

test('MCLI run files are read as the Composer config under parameters:', () => {
  const run = yaml(
    'name: ft',
    'image: mosaicml/llm-foundry:latest',
    'compute:',
    '  gpus: 8',
    'command: |',
    '  composer train/train.py /mnt/config/parameters.yaml',
    'parameters:',
    '  model:',
    '    name: hf_causal_lm',
    '  optimizer:',
    '    name: decoupled_adamw',
    '    lr: 1.0e-5',
    '  scheduler:',
    '    name: constant_with_warmup',
    '    t_warmup: 100ba',
    '  max_duration: 2000ba',
    '  device_train_microbatch_size: 8',
  );
  const plan = planOf(run, 'composer');
  assert.deepEqual([plan.baseLr, plan.length.steps, plan.warmup.steps], [1e-5, 2000, 100]);
  const finding = analyze(run).findings.find((f) => f.ruleId === 'constant-lr');
  const edit = finding?.fixes[0]?.edits[0];
  assert.ok(edit);
  const fixed = run.slice(0, edit.span.start) + edit.newText + run.slice(edit.span.end);
  assert.equal(analyze(fixed).findings.filter((f) => f.ruleId === 'constant-lr').length, 0, fixed);
  assert.equal(planOf(fixed, 'composer').schedule.constantAfterWarmup, false);
  // A run file that only runs a command (no training config under parameters) is not claimed.
  assert.equal(
    dialectOf(yaml('name: convert', 'image: mosaicml/llm-foundry:latest', 'command: python convert.py', 'parameters:', '  output: s3://x')),
    null,
  );
});
