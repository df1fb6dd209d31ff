import { ruleTester } from './ruleTester';

const lightning = (tMax: number) => [
  'trainer:',
  '  max_epochs: 100',
  'model:',
  '  class_path: my.Model',
  'optimizer:',
  '  class_path: torch.optim.AdamW',
  '  init_args:',
  '    lr: 0.001',
  'lr_scheduler:',
  '  class_path: torch.optim.lr_scheduler.CosineAnnealingLR',
  '  init_args:',
  `    T_max: ${tMax}`,
];
const fairseq = (total: number) => [
  'task:',
  '  _name: translation',
  'optimizer:',
  '  _name: adam',
  'optimization:',
  '  max_update: 20000',
  '  lr: [0.0005]',
  'lr_scheduler:',
  '  _name: polynomial_decay',
  `  total_num_update: ${total}`,
];
const modelGarden = (decaySteps: number) => [
  'runtime:',
  '  distribution_strategy: mirrored',
  'task:',
  '  model: {}',
  'trainer:',
  '  train_steps: 10000',
  '  optimizer_config:',
  '    learning_rate:',
  '      type: cosine',
  '      cosine:',
  '        initial_learning_rate: 0.1',
  `        decay_steps: ${decaySteps}`,
];
const nemo = (schedMaxSteps: number) => [
  'name: run',
  'model:',
  '  train_ds: {}',
  '  optim:',
  '    name: adamw',
  '    lr: 1e-4',
  '    sched:',
  '      name: CosineAnnealing',
  '      warmup_steps: 100',
  `      max_steps: ${schedMaxSteps}`,
  'trainer:',
  '  max_steps: 10000',
  'exp_manager: {}',
];

/** A Lightning CLI warmup + cosine SequentialLR over 50 epochs: the cosine child should cover the 45 after warmup. */
const sequential = (tMax: number) =>
  [
    ...lightning(0).slice(0, 9),
    '  class_path: torch.optim.lr_scheduler.SequentialLR',
    '  init_args:',
    '    schedulers:',
    '      - class_path: torch.optim.lr_scheduler.LinearLR',
    '        init_args: {start_factor: 0.01, total_iters: 5}',
    '      - class_path: torch.optim.lr_scheduler.CosineAnnealingLR',
    `        init_args: {T_max: ${tMax}}`,
    '    milestones: [5]',
  ].map((line) => line.replace('max_epochs: 100', 'max_epochs: 50'));

ruleTester('schedule-horizon', {
  valid: [
    { name: 'Lightning T_max equal to max_epochs', dialect: 'lightning', lines: lightning(100) },
    { name: 'Lightning T_max within 2% of the run', dialect: 'lightning', lines: lightning(99) },
    { name: 'fairseq total_num_update equal to max_update', dialect: 'fairseq', lines: fairseq(20000) },
    { name: 'TF Model Garden decay_steps equal to train_steps', dialect: 'tf-model-garden', lines: modelGarden(10000) },
    { name: 'NeMo sched.max_steps equal to trainer.max_steps', dialect: 'nemo', lines: nemo(10000) },
    { name: 'Lightning SequentialLR whose cosine child covers the run after warmup', dialect: 'lightning', lines: sequential(45) },
    {
      name: 'DeepSpeed with an assumed run length is never judged',
      dialect: 'deepspeed',
      fileName: 'ds_config.json',
      lines: [
        '{',
        '  "train_batch_size": 8,',
        '  "optimizer": {"type": "AdamW", "params": {"lr": 1e-4}},',
        '  "scheduler": {"type": "CosineAnnealingLR", "params": {"T_max": 10}}',
        '}',
      ],
    },
  ],
  invalid: [
    {
      name: 'Lightning T_max shorter than max_epochs: the LR climbs back; matched in place',
      dialect: 'lightning',
      lines: lightning(20),
      findings: [
        {
          message:
            /^`T_max` is 20 epochs but the run is 100 epochs \(.*\): .*climbs back.*\. A decay schedule is tuned for one training length/,
          line: 12,
          text: '20',
          fixes: ["Match the schedule to the run's length (100 epochs)", 'Use cosine decay', 'Use linear decay'],
          output: lightning(100),
        },
      ],
    },
    {
      name: 'Lightning: the fix keeps the comment after the value',
      dialect: 'lightning',
      lines: [...lightning(0).slice(0, 11), '    T_max: 12  # epochs'],
      findings: [
        {
          message: /^`T_max` is 12 epochs but the run is 100 epochs/,
          line: 12,
          text: '12',
          output: [...lightning(0).slice(0, 11), '    T_max: 100  # epochs'],
        },
      ],
    },
    {
      name: 'Lightning SequentialLR: the cosine child runs past the run; the decay fix rewrites the schedule',
      dialect: 'lightning',
      lines: sequential(50),
      findings: [
        {
          message: /^`T_max` is 50 epochs but the run is 45 epochs .*never finishes its decay/,
          line: 10,
          text: 'torch.optim.lr_scheduler.SequentialLR',
          fixes: ['Use cosine decay', 'Use linear decay'],
        },
      ],
    },
    {
      name: 'Lightning T_max longer than the run never finishes its decay',
      dialect: 'lightning',
      lines: lightning(150),
      findings: [{ message: /^`T_max` is 150 epochs but the run is 100 epochs .*never finishes its decay/, line: 12, text: '150' }],
    },
    {
      name: 'fairseq total_num_update disagreeing with max_update',
      dialect: 'fairseq',
      lines: fairseq(8000),
      findings: [
        { message: /^`total_num_update` is 8000 steps but the run is 20000 steps/, line: 10, text: '8000', output: fairseq(20000) },
      ],
    },
    {
      name: 'TF Model Garden decay_steps disagreeing with train_steps',
      dialect: 'tf-model-garden',
      lines: modelGarden(4000),
      findings: [
        { message: /^`decay_steps` is 4000 steps but the run is 10000 steps/, line: 12, text: '4000', output: modelGarden(10000) },
      ],
    },
    {
      name: 'NeMo sched.max_steps written beside a different trainer.max_steps',
      dialect: 'nemo',
      lines: nemo(5000),
      findings: [
        {
          message: /the two totals disagree: sched\.max_steps and trainer\.max_steps should be one value/,
          line: 10,
          text: '5000',
          output: nemo(10000),
        },
      ],
    },
  ],
});
