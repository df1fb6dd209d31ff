import assert from 'node:assert/strict';
import { test } from 'node:test';
import { completionsAt, type CompletionEntry } from '../../../server/src/analysis/completion';
import { REGISTRY_COMPLETION_HOST } from '../../../server/src/lsp/editingHandlers';
import { analyze, yaml } from '../dialects/analyze';

/** Completion where `|` stands (the bar removed), in a file that must be recognized; each entry with the text it makes. */
function complete(withBar: string, fileName = 'config.yaml'): (CompletionEntry & { result: string })[] {
  const offset = withBar.indexOf('|');
  const text = withBar.replace('|', '');
  const analysis = analyze(text, fileName);
  assert.ok(analysis.documents.length > 0, 'the file must be recognized for this test to mean anything');
  // As the server does: a file whose scheduler value is still empty is drawn with a name written in.
  const host = {
    ...REGISTRY_COMPLETION_HOST,
    planOf: (variant: string, index: number) => analyze(variant, fileName).documents.find((d) => d.documentIndex === index)?.plan,
  };
  return completionsAt(analysis, text, offset, host).map((entry) => ({
    ...entry,
    // Edits apply from the end of the text backwards (the additional edits come after the value).
    result: [...(entry.additionalEdits ?? []), { span: entry.replace, newText: entry.insertText }]
      .sort((a, b) => b.span.start - a.span.start)
      .reduce((out, edit) => `${out.slice(0, edit.span.start)}${edit.newText}${out.slice(edit.span.end)}`, text),
  }));
}

const HF = ['output_dir: out', 'learning_rate: 2.0e-5', 'max_steps: 1000'];

test('a scheduler name after the colon gets its space; decaying schedules sort first, with a sparkline', () => {
  const items = complete(
    yaml(...HF, 'lr_scheduler_type: linear', 'warmup_steps: 10').replace('lr_scheduler_type: linear', 'lr_scheduler_type:|linear'),
  );
  assert.equal(items.length, 0, 'no value position right after the colon when a value follows without a space');
  const typed = complete(`${yaml(...HF, 'lr_scheduler_type: cosine')}`.replace('cosine', '|cosine'));
  const sorted = [...typed].sort((a, b) => a.sortText.localeCompare(b.sortText));
  assert.match(sorted[0]?.detail ?? '', /^(cosine|linear) schedule · Hugging Face/);
  const cosine = typed.find((e) => e.label === 'cosine');
  assert.match(cosine?.documentation ?? '', /^[▁▂▃▄▅▆▇█]{24} {2}\ncosine · peak 2e-5/);
  const empty = complete(`${yaml(...HF)}lr_scheduler_type:|\n`);
  assert.equal(empty.find((e) => e.label === 'linear')?.result, `${yaml(...HF)}lr_scheduler_type: linear\n`);
  // The plan is taken from the file with a name written in: the curve is drawn while the value is still empty.
  assert.match(empty.find((e) => e.label === 'linear')?.documentation ?? '', /^[▁▂▃▄▅▆▇█]{24} {2}\nlinear · peak 2e-5/);
});

test('dotted-path keys get module paths: Lightning class_path, torchtune _component_', () => {
  const lightning = complete(
    yaml(
      'trainer: {max_epochs: 10}',
      'model: {class_path: m.M}',
      'optimizer:',
      '  class_path: torch.optim.AdamW',
      '  init_args: {lr: 1.0e-3}',
      'lr_scheduler:',
      '  class_path: |torch.optim.lr_scheduler.StepLR',
    ),
  );
  assert.ok(lightning.some((e) => e.insertText === 'torch.optim.lr_scheduler.CosineAnnealingLR'));
  const optimizers = complete(
    yaml(
      'trainer: {max_epochs: 10}',
      'model: {class_path: m.M}',
      'optimizer:',
      '  class_path: |torch.optim.AdamW',
      '  init_args: {lr: 1.0e-3}',
    ),
  );
  assert.ok(optimizers.some((e) => e.insertText === 'torch.optim.SGD'));
});

test('JSON: a quoted value keeps its quotes and comma; no YAML keys are offered', () => {
  const text = [
    '{',
    '  "train_batch_size": 32,',
    '  "optimizer": {"type": "AdamW", "params": {"lr": 0.001}},',
    '  "scheduler": {',
    '    "type": "Warm|upDecayLR",',
    '    "params": {"warmup_max_lr": 0.001, "warmup_num_steps": 100, "total_num_steps": 1000}',
    '  }',
    '}',
    '',
  ].join('\n');
  const cosine = complete(text, 'ds_config.json').find((e) => e.label === 'WarmupCosineLR');
  assert.ok(cosine?.result.includes('    "type": "WarmupCosineLR",\n'));
  assert.deepEqual(complete(text.replace('"train_batch_size": 32,', '"train_batch_size": 32,\n  |'), 'ds_config.json'), []);
  // The cursor right after the colon: the blank and the quoted value are replaced, the quotes kept.
  const afterColon = complete(text.replace('"type": "Warm|upDecayLR"', '"type":| "WarmupDecayLR"'), 'ds_config.json');
  assert.ok(afterColon.find((e) => e.label === 'WarmupCosineLR')?.result.includes('    "type": "WarmupCosineLR",\n'));
});

test('a sweep offers the Adam parameters it does not tune, saying what its budget supports', () => {
  const items = complete(yaml('method: random', 'run_cap: 12', 'parameters:', '  learning_rate: {min: 0.0001, max: 0.01}', '  |'));
  assert.deepEqual(
    items.map((e) => [e.label, e.detail]),
    [
      ['adam_beta1', 'Adam beta_1 · the budget supports it · W&B sweep'],
      ['adam_epsilon', 'Adam epsilon · not with 12 trials · W&B sweep'],
      ['adam_beta2', 'Adam beta_2 · not with 12 trials · W&B sweep'],
    ],
  );
  assert.match(
    items[2]?.documentation ?? '',
    /do not support tuning beta_2: that takes substantially more than 25 trials.*Keep it at Adam's default \(0\.999\)/,
  );
  // Not inside an entry's own mapping.
  assert.deepEqual(complete(yaml('method: random', 'run_cap: 12', 'parameters:', '  learning_rate:', '    min: 0.0001', '    |')), []);
});

test('a scheduler that needs a key brings it along, once: HF cosine_with_min_lr and its min_lr_rate', () => {
  const at = `${yaml(...HF)}lr_scheduler_type: |linear\nwarmup_steps: 10\n`;
  const item = complete(at).find((e) => e.label === 'cosine_with_min_lr');
  assert.equal(
    item?.result,
    `${yaml(...HF)}lr_scheduler_type: cosine_with_min_lr\nlr_scheduler_kwargs: {min_lr_rate: 0.1}\nwarmup_steps: 10\n`,
  );
  assert.match(item?.documentation ?? '', /Also adds `lr_scheduler_kwargs: \{min_lr_rate: 0\.1\}`/);
  // At the end of a file without a final line break; and not when the file has lr_scheduler_kwargs already.
  assert.equal(
    complete(`${yaml(...HF)}lr_scheduler_type: |linear`).find((e) => e.label === 'cosine_with_min_lr')?.result,
    `${yaml(...HF)}lr_scheduler_type: cosine_with_min_lr\nlr_scheduler_kwargs: {min_lr_rate: 0.1}`,
  );
  const given = complete(`${yaml(...HF)}lr_scheduler_kwargs: {min_lr: 1.0e-6}\nlr_scheduler_type: |linear\n`).find(
    (e) => e.label === 'cosine_with_min_lr',
  );
  assert.equal(given?.additionalEdits, undefined);
  assert.equal(complete(at).find((e) => e.label === 'cosine')?.additionalEdits, undefined);
});

test('TOML (torchtitan): names are quoted TOML strings, keys are `name = `, in the table the cursor is in', () => {
  const toml = (...lines: string[]) => `${lines.join('\n')}\n`;
  const head = ['[job]', 'dump_folder = "./outputs"', '[model]', 'name = "llama3"', '[optimizer]', 'name = "AdamW"', 'lr = 3e-4'];
  const tail = ['[training]', 'steps = 1000'];
  const at = (...scheduler: string[]) => complete(toml(...head, '[lr_scheduler]', ...scheduler, ...tail), 'train_configs/a.toml');
  const cosine = (items: ReturnType<typeof complete>) => items.find((e) => e.label === 'cosine')?.result;
  const expected = toml(...head, '[lr_scheduler]', 'warmup_steps = 100', 'decay_type = "cosine"', ...tail);
  assert.equal(cosine(at('warmup_steps = 100', 'decay_type = "|linear"')), expected);
  assert.ok(!at('warmup_steps = 100', 'decay_type = "lin|ear"').some((e) => e.label === 'cosine'), 'what is typed filters the names');
  assert.equal(cosine(at('warmup_steps = 100', 'decay_type = |"linear"  # note')), expected.replace('"cosine"', '"cosine"  # note'));
  // An empty value (`decay_type = ` is not TOML yet) and an empty string being typed: the rest of the file is still read.
  assert.equal(cosine(at('warmup_steps = 100', 'decay_type = |')), expected);
  assert.equal(cosine(at('warmup_steps = 100', 'decay_type =|')), expected);
  assert.equal(cosine(at('warmup_steps = 100', 'decay_type = |  # later')), expected.replace('"cosine"', '"cosine"  # later'));
  assert.equal(cosine(at('warmup_steps = 100', 'decay_type = "|')), expected.replace('"cosine"', '"cosine'));
  assert.equal(cosine(at('warmup_steps = 100', 'decay_type = "|"')), expected);
  assert.equal(
    cosine(at('decay_type = |', '', '# the warmup', 'warmup_steps = 100')),
    toml(...head, '[lr_scheduler]', 'decay_type = "cosine"', '', '# the warmup', 'warmup_steps = 100', ...tail),
  );
  const optimizer = complete(
    toml(...head.slice(0, 4), '[optimizer]', 'name = |', 'lr = 3e-4', '[lr_scheduler]', 'warmup_steps = 100', ...tail),
    'train_configs/a.toml',
  );
  assert.deepEqual(
    optimizer.map((e) => e.insertText),
    ['"AdamW"', '"Adam"'],
  );
  const keys = at('warmup_steps = 100', '|');
  assert.ok(keys.some((e) => e.label === 'min_lr_factor' && e.insertText === 'min_lr_factor = '));
  assert.ok(!keys.some((e) => e.label === 'warmup_steps'), 'a key the table has is not offered again');
  assert.ok(!keys.some((e) => e.label === 'beta1'), "the optimizer table's keys belong to [optimizer]");
});

test('SageMaker tuning job (JSON): new Adam ranges in its own syntax, saying what the budget supports; JSON commas', () => {
  const job = (item: string, limit = 12) =>
    [
      '{',
      '  "HyperParameterTuningJobConfig": {',
      '    "Strategy": "Bayesian",',
      `    "ResourceLimits": {"MaxNumberOfTrainingJobs": ${limit}},`,
      '    "ParameterRanges": {',
      '      "ContinuousParameterRanges": [',
      `        ${item}`,
      '      ]',
      '    }',
      '  }',
      '}',
      '',
    ].join('\n');
  const LR = '{"Name": "learning_rate", "MinValue": "1e-5", "MaxValue": "1e-2", "ScalingType": "Logarithmic"}';
  const items = complete(job(`${LR},\n        |`), 'tuning.json');
  assert.deepEqual(
    items.map((e) => [e.label, e.detail]),
    [
      ['adam_beta1', 'Adam beta_1 · the budget supports it · SageMaker tuning job'],
      ['adam_epsilon', 'Adam epsilon · not with 12 trials · SageMaker tuning job'],
      ['adam_beta2', 'Adam beta_2 · not with 12 trials · SageMaker tuning job'],
    ],
  );
  const beta2 = items.find((e) => e.label === 'adam_beta2');
  assert.match(beta2?.documentation ?? '', /12 trials do not support tuning beta_2/);
  const written = (entry: (typeof items)[number] | undefined) => entry?.result.replace(/\$\{\d+:([^}]*)\}/g, '$1');
  const range = '{"Name": "adam_beta2", "MinValue": "0.98", "MaxValue": "0.999", "ScalingType": "Linear"}';
  assert.equal(written(beta2), job(`${LR},\n        ${range}`));
  assert.deepEqual(JSON.parse(written(beta2) ?? '').HyperParameterTuningJobConfig.ParameterRanges.ContinuousParameterRanges[1], {
    Name: 'adam_beta2',
    MinValue: '0.98',
    MaxValue: '0.999',
    ScalingType: 'Linear',
  });
  // No comma after the last item yet: one is added after it; before an item, one follows the new one.
  const noComma = complete(job(`${LR}\n        |`), 'tuning.json').find((e) => e.label === 'adam_beta2');
  assert.equal(written(noComma), job(`${LR},\n        ${range}`));
  const before = complete(job(`|${LR}`), 'tuning.json').find((e) => e.label === 'adam_beta2');
  assert.doesNotThrow(() => JSON.parse(written(before) ?? ''));
  // Grid search takes categorical ranges only: Adam parameters go into CategoricalParameterRanges there.
  const grid = (ranges: string) => job(`${LR},\n        |`).replace('"Bayesian"', '"Grid"').replace('ContinuousParameterRanges', ranges);
  assert.deepEqual(complete(grid('ContinuousParameterRanges'), 'tuning.json'), []);
  const categorical = complete(grid('CategoricalParameterRanges'), 'tuning.json').find((e) => e.label === 'adam_beta1');
  assert.match(written(categorical) ?? '', /\{"Name": "adam_beta1", "Values": \["0\.8", "0\.9", "0\.95"\]\}\n/);
  // With a budget that supports every Adam hyperparameter, nothing is flagged.
  assert.ok(complete(job(`${LR},\n        |`, 200), 'tuning.json').every((e) => e.detail.includes('the budget supports it')));
  // Values: scaling types (continuous: reverse log too), strategies, and the names of untuned parameters.
  assert.deepEqual(
    complete(job(LR.replace('"Logarithmic"', '"|Logarithmic"')), 'tuning.json').map((e) => e.label),
    ['Auto', 'Linear', 'Logarithmic', 'ReverseLogarithmic'],
  );
  assert.deepEqual(
    complete(job(LR).replace('"Bayesian"', '"|Bayesian"'), 'tuning.json').map((e) => e.label),
    ['Bayesian', 'Random', 'Hyperband', 'Grid'],
  );
  // At a range's Name, the names of the parameters not tuned yet (the range's own name is being rewritten).
  const names = complete(job(LR.replace('"learning_rate"', '"adam_|"')), 'tuning.json');
  assert.deepEqual(
    names.map((e) => e.label),
    ['adam_beta1', 'adam_epsilon', 'adam_beta2'],
  );
  assert.match(names[0]?.result ?? '', /\{"Name": "adam_beta1", "MinValue"/);
  // Elsewhere in the job (a key of ResourceLimits, the objective), nothing.
  assert.deepEqual(complete(job(LR).replace('{"MaxNumberOfTrainingJobs"', '{|"MaxNumberOfTrainingJobs"'), 'tuning.json'), []);
});

test('Composer hparams format: names at keys, with the arguments they need; their arguments; nothing elsewhere', () => {
  const file = (...schedulers: string[]) =>
    yaml(
      'train_dataset: {imagenet: {crop_size: 176}}',
      'model: {resnet: {model_name: resnet50}}',
      'optimizer:',
      '  decoupled_sgdw:',
      '    lr: 2.048',
      'max_duration: 90ep',
      'schedulers:',
      ...schedulers,
      'train_batch_size: 2048',
    );
  const listed = complete(file('  - |', '  - cosine_decay: {}'));
  const cosine = listed.find((e) => e.label === 'cosine_decay_with_warmup');
  assert.equal(cosine?.result, file('  - cosine_decay_with_warmup: {t_warmup: ${1:0.05dur}}', '  - cosine_decay: {}'));
  assert.equal(cosine?.kind, 'scheduler');
  assert.match(cosine?.documentation ?? '', /^[▁▂▃▄▅▆▇█]{24}/);
  const first = [...listed].sort((a, b) => a.sortText.localeCompare(b.sortText))[0];
  assert.match(first?.detail ?? '', /^(cosine|linear) schedule/);
  // On a written name, only the name is replaced.
  assert.equal(complete(file('  - |cosine_decay: {}')).find((e) => e.label === 'linear_decay')?.result, file('  - linear_decay: {}'));
  assert.deepEqual(
    complete(file('  - cosine_decay_with_warmup:', '      t_warmup: 2ep', '      |')).map((e) => e.label),
    ['t_max', 'alpha_f'],
  );
  assert.deepEqual(
    complete(file('  cosine_decay:', '    |')).map((e) => e.insertText),
    ['t_max: ', 'alpha_f: '],
  );
  const optimizer = complete(file('  - cosine_decay: {}').replace('    lr: 2.048', '    lr: 2.048\n    |'));
  assert.deepEqual(
    optimizer.map((e) => e.label),
    ['momentum', 'weight_decay', 'nesterov'],
  );
  assert.equal(complete(file('  - cosine_decay: {}').replace('  decoupled_sgdw:', '  |decoupled_sgdw:')).length, 8);
  assert.deepEqual(
    complete(`${file('  - cosine_decay: {}')}|`).map((e) => e.label),
    ['scale_schedule_ratio'],
  );
  // Outside the optimizer, the schedulers and the top level (a dataset's arguments): nothing.
  assert.deepEqual(
    complete(file('  - cosine_decay: {}').replace('train_dataset: {imagenet: {crop_size: 176}}', 'train_dataset:\n  |')),
    [],
  );
});
