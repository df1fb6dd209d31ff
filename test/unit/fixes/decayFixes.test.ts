import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { analyzeConfig } from '../../../server/src/analysis/analyzeConfig';
import { applyEdits } from '../../../server/src/fixes/yamlEdits';
import { SNIPPETS } from './decaySnippets';
import { checkFix, familyNamed } from './fixChecks';

function fixed(name: string, title: string): string {
  const snippet = SNIPPETS.find((s) => s.name === name);
  assert.ok(snippet);
  const finding = analyzeConfig(snippet.text, snippet.fileName).findings.find((f) => f.ruleId === snippet.rule);
  assert.ok(finding);
  const fix = finding.fixes.find((f) => f.title.startsWith(title));
  assert.ok(fix, `${name}: no fix titled ${title} (have ${finding.fixes.map((f) => f.title).join(', ')})`);
  return applyEdits(snippet.text, fix.edits);
}

describe('decay fixes in each dialect: every fix holds', () => {
  for (const snippet of SNIPPETS) {
    test(snippet.name, () => {
      const before = analyzeConfig(snippet.text, snippet.fileName);
      const finding = before.findings.find((f) => f.ruleId === snippet.rule);
      assert.ok(finding, `${snippet.rule} expected; got ${before.findings.map((f) => f.ruleId).join(', ')}`);
      assert.ok(finding.fixes.length > 0, 'the finding offers fixes');
      assert.equal(finding.fixes.filter((f) => f.isPreferred).length, 1, 'exactly one preferred fix');
      for (const fix of finding.fixes) assert.deepEqual(checkFix(snippet.text, snippet.fileName, before, finding, fix), [], fix.title);
      assert.ok(
        finding.fixes.some((f) => familyNamed(f) === 'cosine'),
        'a cosine fix is offered',
      );
    });
  }
});

describe('decay fixes: the exact text each framework gets', () => {
  test('Lightning: an lr_scheduler block after the optimizer, T_max in epochs, comments kept', () => {
    assert.equal(
      fixed('Lightning CLI, no scheduler (epoch-stepped: T_max in epochs)', 'Use cosine decay'),
      'seed_everything: 7\ntrainer:\n  max_epochs: 30\nmodel:\n  class_path: my.Model\noptimizer:\n  class_path: torch.optim.AdamW\n  init_args:\n    lr: 3.0e-4  # tuned\nlr_scheduler:\n  class_path: torch.optim.lr_scheduler.CosineAnnealingLR\n  init_args:\n    T_max: 30\ndata:\n  class_path: my.Data\n',
    );
  });

  test('Lightning: milestones replaced by a linear ramp over the run', () => {
    assert.match(
      fixed('Lightning CLI, MultiStepLR milestones replaced as a block', 'Use linear decay'),
      /lr_scheduler:\n {2}class_path: torch\.optim\.lr_scheduler\.LinearLR\n {2}init_args:\n {4}start_factor: 1\.0\n {4}end_factor: 0\.0\n {4}total_iters: 40\n$/,
    );
  });

  test('Lightning: a SequentialLR warmup is kept, the decay runs over the rest of the run', () => {
    assert.ok(
      fixed('Lightning CLI, SequentialLR warmup + milestones: the warmup child is kept', 'Use cosine decay').endsWith(
        'lr_scheduler:\n  class_path: torch.optim.lr_scheduler.SequentialLR\n  init_args:\n    schedulers:\n      - class_path: torch.optim.lr_scheduler.LinearLR\n        init_args:\n          start_factor: 0.01\n          total_iters: 5\n      - class_path: torch.optim.lr_scheduler.CosineAnnealingLR\n        init_args:\n          T_max: 95\n    milestones: [5]\n',
      ),
    );
  });

  test('schedule-horizon: T_max edited in place to the run length', () => {
    const text = fixed('Lightning CLI, cosine T_max shorter than the run', "Match the schedule to the run's length (50 epochs)");
    assert.ok(text.endsWith('    T_max: 50\n'));
  });

  test('Axolotl: CRLF kept', () => {
    const text = fixed('Axolotl, constant_with_warmup (CRLF)', 'Use cosine decay');
    assert.ok(text.includes('lr_scheduler: cosine\r\nwarmup_steps: 10\r\n'));
    assert.equal(text.replace(/\r\n/g, '').length + (text.match(/\r\n/g) ?? []).length * 2, text.length);
    assert.ok(!/[^\r]\n/.test(text), 'every line break stays CRLF');
  });

  test('Composer: t_warmup copied as written (quotes kept), alpha_f visible', () => {
    assert.ok(
      fixed('Composer, constant_with_warmup (t_warmup kept)', 'Use cosine decay').includes(
        "scheduler:\n  name: cosine_with_warmup\n  t_warmup: '100ba'\n  alpha_f: 0.0\nfsdp_config",
      ),
    );
  });

  test('NeMo: the sched block keeps warmup, drops hold, uses the 4-space indent', () => {
    assert.ok(
      fixed('NeMo, WarmupHoldPolicy (4-space indent, warmup kept)', 'Use cosine decay').includes(
        '        sched:\n            name: CosineAnnealing\n            warmup_steps: 250\n            min_lr: 0.0\nexp_manager:',
      ),
    );
    assert.ok(
      fixed('NeMo, no sched block', 'Use linear decay').includes(
        '    weight_decay: 0.01\n    sched:\n      name: WarmupAnnealing\n      min_lr: 0.0\n',
      ),
    );
  });

  test('DeepSpeed: valid JSON, warmup kept, assumed horizon visible in the file and the title', () => {
    const snippet = SNIPPETS.find((s) => s.name.startsWith('DeepSpeed JSON, WarmupLR'));
    assert.ok(snippet);
    const finding = analyzeConfig(snippet.text, snippet.fileName).findings.find((f) => f.ruleId === 'constant-lr');
    assert.ok(finding);
    const cosine = finding.fixes.find((f) => familyNamed(f) === 'cosine');
    assert.ok(cosine);
    assert.match(cosine.title, /assumes a run of 10000 steps/);
    const json = JSON.parse(applyEdits(snippet.text, cosine.edits));
    assert.deepEqual(json.scheduler, { type: 'WarmupCosineLR', params: { total_num_steps: 10000, warmup_num_steps: 100 } });
    const linear = JSON.parse(fixed(snippet.name, 'Use linear decay'));
    assert.deepEqual(linear.scheduler.params, { total_num_steps: 10000, warmup_num_steps: 100, warmup_min_lr: 0, warmup_max_lr: 2e-5 });
    assert.deepEqual(linear.fp16, { enabled: true });
  });

  test('DeepSpeed: "auto" values stay "auto"', () => {
    const json = JSON.parse(fixed('DeepSpeed JSON with "auto" values from the HF Trainer', 'Use linear decay'));
    assert.equal(json.scheduler.params.warmup_num_steps, 'auto');
    assert.equal(json.scheduler.params.warmup_max_lr, 'auto');
    // The Trainer fills an "auto" total_num_steps with the run's real length: no assumed length is written.
    assert.equal(json.scheduler.params.total_num_steps, 'auto');
    const cosine = JSON.parse(fixed('DeepSpeed JSON with "auto" values from the HF Trainer', 'Use cosine decay'));
    assert.deepEqual(cosine.scheduler, { type: 'WarmupCosineLR', params: { total_num_steps: 'auto', warmup_num_steps: 'auto' } });
  });

  test('DeepSpeed: with the peak "auto", no warmup ratio is computed from a stand-in peak', () => {
    const text =
      '{\n  "train_micro_batch_size_per_gpu": "auto",\n  "zero_optimization": {"stage": 2},\n' +
      '  "optimizer": {"type": "AdamW", "params": {"lr": "auto"}},\n' +
      '  "scheduler": {"type": "WarmupLR", "params": {"warmup_min_lr": 3e-6, "warmup_max_lr": "auto", "warmup_num_steps": 100}}\n}\n';
    const analysis = analyzeConfig(text, '/p/ds_config.json');
    assert.equal(analysis.documents[0]?.dialect.id, 'deepspeed');
    const finding = analysis.findings.find((f) => f.ruleId === 'constant-lr');
    assert.ok(finding, 'constant LR after warmup is reported');
    const cosine = finding.fixes.find((f) => familyNamed(f) === 'cosine');
    assert.ok(cosine);
    const json = JSON.parse(applyEdits(text, cosine.edits)) as { scheduler: unknown };
    assert.deepEqual(json.scheduler, { type: 'WarmupCosineLR', params: { total_num_steps: 'auto', warmup_num_steps: 100 } });
  });

  test('fairseq: flow mappings stay flow, the LR list becomes its first value', () => {
    assert.ok(
      fixed('fairseq, per-epoch LR list in a flow mapping', 'Use cosine decay').endsWith(
        'optimization: {max_epoch: 3, lr: [0.001]}\nlr_scheduler: {_name: cosine, lr_period_updates: 3000}\n',
      ),
    );
  });

  test('detectron2, Ultralytics, timm, TF Model Garden: their own keys', () => {
    assert.ok(
      fixed('detectron2, multi-step milestones', 'Use cosine decay').includes('  BASE_LR: 0.02\n  LR_SCHEDULER_NAME: WarmupCosineLR\n'),
    );
    assert.ok(fixed('Ultralytics, lrf 1.0', 'Use cosine decay').startsWith('lr0: 0.01\nlrf: 0.01\ncos_lr: true\n'));
    assert.ok(fixed('timm, multistep', 'Use linear decay').includes('sched: poly\ndecay_rate: 1.0\n'));
    assert.ok(
      fixed('TF Model Garden, stepwise boundaries', 'Use cosine decay').includes(
        '    learning_rate:\n      type: cosine\n      cosine:\n        initial_learning_rate: 0.1\n        decay_steps: 10000\n    warmup:\n',
      ),
    );
  });

  test('frameworks without a linear spelling offer cosine only', () => {
    for (const name of ['detectron2, multi-step milestones', 'torchtune, no lr_scheduler']) {
      const snippet = SNIPPETS.find((s) => s.name === name);
      assert.ok(snippet);
      const finding = analyzeConfig(snippet.text, snippet.fileName).findings.find((f) => f.ruleId === snippet.rule);
      assert.ok(finding);
      assert.deepEqual(
        finding.fixes.map((f) => f.title),
        ['Use cosine decay'],
      );
    }
  });
});

describe('Hugging Face: lr_scheduler_kwargs the new scheduler would refuse', () => {
  const fixesOf = (kwargs: string) => {
    const text = `output_dir: o\nlearning_rate: 1e-5\nlr_scheduler_type: constant_with_warmup\nlr_scheduler_kwargs:\n  ${kwargs}\nmax_steps: 100\n`;
    const finding = analyzeConfig(text, 'x.yaml').findings.find((f) => f.ruleId === 'constant-lr');
    assert.ok(finding);
    return Object.fromEntries(finding.fixes.map((f) => [f.title, applyEdits(text, f.edits)]));
  };

  test('a min_lr_rate floor is kept by cosine_with_min_lr; linear gets empty kwargs', () => {
    const fixes = fixesOf('min_lr_rate: 0.1');
    assert.equal(
      fixes['Use cosine decay'],
      'output_dir: o\nlearning_rate: 1e-5\nlr_scheduler_type: cosine_with_min_lr\nlr_scheduler_kwargs:\n  min_lr_rate: 0.1\nmax_steps: 100\n',
    );
    assert.equal(
      fixes['Use linear decay'],
      'output_dir: o\nlearning_rate: 1e-5\nlr_scheduler_type: linear\nlr_scheduler_kwargs: {}\nmax_steps: 100\n',
    );
    for (const text of Object.values(fixes)) assert.deepEqual(analyzeConfig(text, 'x.yaml').findings, []);
  });

  test('num_cycles stays for cosine', () => {
    assert.ok(
      fixesOf('num_cycles: 0.5')['Use cosine decay']?.includes('lr_scheduler_type: cosine\nlr_scheduler_kwargs:\n  num_cycles: 0.5\n'),
    );
  });
});
