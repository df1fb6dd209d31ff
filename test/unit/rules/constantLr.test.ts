import { ruleTester } from './ruleTester';

const torchtune = [
  'model:',
  '  _component_: torchtune.models.llama3_2.llama3_2_1b',
  'epochs: 2',
  'max_steps_per_epoch: 50',
  'optimizer:',
  '  _component_: torch.optim.AdamW',
  '  lr: 3e-4',
];
const lightning = [
  'seed_everything: 0',
  'trainer:',
  '  max_epochs: 50',
  'model:',
  '  class_path: my.Task',
  'optimizer:',
  '  class_path: torch.optim.Adam',
  '  init_args: {lr: 0.001}',
];

ruleTester('constant-lr', {
  valid: [
    {
      name: 'Hugging Face decays linearly when no scheduler is named',
      dialect: 'huggingface',
      lines: ['output_dir: out', 'learning_rate: 2.0e-5', 'max_steps: 1000'],
    },
    {
      name: 'Hugging Face cosine',
      dialect: 'huggingface',
      lines: ['output_dir: out', 'learning_rate: 2.0e-5', 'lr_scheduler_type: cosine', 'max_steps: 1000'],
    },
    {
      name: 'torchtune with a cosine scheduler',
      dialect: 'torchtune',
      lines: [
        ...torchtune,
        'lr_scheduler:',
        '  _component_: torchtune.training.lr_schedulers.get_cosine_schedule_with_warmup',
        '  num_warmup_steps: 10',
      ],
    },
    {
      name: 'Lightning CLI with CosineAnnealingLR',
      dialect: 'lightning',
      lines: [...lightning, 'lr_scheduler:', '  class_path: CosineAnnealingLR', '  init_args: {T_max: 50}'],
    },
    {
      name: 'detectron2 milestones that fire within MAX_ITER',
      dialect: 'detectron2',
      lines: ['MODEL: {}', 'SOLVER:', '  BASE_LR: 0.01', '  STEPS: (100,)', '  MAX_ITER: 200'],
    },
    {
      name: 'a W&B sweep that tries a constant and a cosine schedule',
      dialect: 'wandb-sweep',
      lines: ['method: random', 'run_cap: 5', 'parameters:', '  lr_scheduler_type: {values: [constant, cosine]}'],
    },
    {
      name: 'DeepSpeed without a scheduler block (the client code decides)',
      dialect: 'deepspeed',
      fileName: 'ds.json',
      lines: ['{"train_batch_size": 32, "optimizer": {"type": "Adam", "params": {"lr": 2e-5}}}'],
    },
  ],
  invalid: [
    {
      name: 'Hugging Face constant_with_warmup: on the scheduler name, cosine preferred',
      dialect: 'huggingface',
      lines: [
        'output_dir: out',
        'learning_rate: 2.0e-5',
        'lr_scheduler_type: constant_with_warmup',
        'warmup_ratio: 0.03',
        'max_steps: 1000',
      ],
      findings: [
        {
          message: /^`constant_with_warmup` keeps the learning rate constant after warmup: a decaying schedule/,
          line: 3,
          text: 'constant_with_warmup',
          fixes: ['Use cosine decay', 'Use linear decay'],
          output: ['output_dir: out', 'learning_rate: 2.0e-5', 'lr_scheduler_type: cosine', 'warmup_ratio: 0.03', 'max_steps: 1000'],
        },
      ],
    },
    {
      name: 'torchtune with no scheduler: on the learning rate',
      dialect: 'torchtune',
      lines: torchtune,
      findings: [
        { message: /^With no schedule, torchtune keeps the learning rate constant/, line: 7, text: '3e-4', fixes: ['Use cosine decay'] },
      ],
    },
    {
      name: 'Lightning CLI with no lr_scheduler',
      dialect: 'lightning',
      lines: lightning,
      findings: [{ message: /keeps the learning rate constant/, line: 8, text: '0.001' }],
    },
    {
      name: 'detectron2 milestones past MAX_ITER never fire',
      dialect: 'detectron2',
      lines: ['MODEL: {}', 'SOLVER:', '  BASE_LR: 0.01', '  STEPS: (300,)', '  MAX_ITER: 200'],
      findings: [{ message: /keeps the learning rate constant/, line: 4, text: '(300,)' }],
    },
    {
      name: 'Ultralytics lrf: 1.0 ends where it starts',
      dialect: 'ultralytics',
      lines: [
        'lrf: 1.0',
        'lr0: 0.01',
        'momentum: 0.937',
        'weight_decay: 0.0005',
        'warmup_epochs: 3.0',
        'warmup_momentum: 0.8',
        'warmup_bias_lr: 0.1',
        'box: 7.0',
        'cls: 0.4',
        'hsv_h: 0.02',
        'mosaic: 0.9',
      ],
      findings: [{ message: /keeps the learning rate constant/, line: 1, text: '1.0' }],
    },
    {
      name: 'DeepSpeed WarmupLR holds the LR after warmup',
      dialect: 'deepspeed',
      fileName: 'ds.json',
      lines: [
        '{',
        '  "train_batch_size": 16,',
        '  "optimizer": {"type": "Adam", "params": {"lr": 0.001}},',
        '  "scheduler": {"type": "WarmupLR", "params": {"warmup_max_lr": 0.001}}',
        '}',
      ],
      findings: [{ message: /^`WarmupLR` keeps the learning rate constant after warmup/, line: 4, text: '"WarmupLR"' }],
    },
    {
      name: 'a W&B sweep whose every trial is constant: on the entry, no fix',
      dialect: 'wandb-sweep',
      lines: ['method: random', 'run_cap: 5', 'parameters:', '  lr_scheduler_type: {value: constant}', '  lr: {min: 0.001, max: 0.1}'],
      findings: [
        {
          message: /^Every trial of this study runs a constant learning rate \(`lr_scheduler_type`: constant\)/,
          line: 4,
          text: 'lr_scheduler_type',
          fixes: [],
        },
      ],
    },
  ],
});
