import { ruleTester } from './ruleTester';

const lightning = (...scheduler: string[]) => [
  'trainer:',
  '  max_epochs: 50',
  'model:',
  '  class_path: my.Model',
  'optimizer:',
  '  class_path: torch.optim.AdamW',
  '  init_args:',
  '    lr: 0.001',
  'lr_scheduler:',
  ...scheduler,
];

ruleTester('piecewise-schedule', {
  valid: [
    {
      name: 'detectron2 WarmupCosineLR',
      dialect: 'detectron2',
      lines: [
        'MODEL:',
        '  META_ARCHITECTURE: GeneralizedRCNN',
        'SOLVER:',
        '  BASE_LR: 0.02',
        '  LR_SCHEDULER_NAME: WarmupCosineLR',
        '  MAX_ITER: 90000',
      ],
    },
    {
      name: 'Lightning StepLR is a regular step decay (a family hint, not piecewise)',
      dialect: 'lightning',
      lines: lightning('  class_path: torch.optim.lr_scheduler.StepLR', '  init_args:', '    step_size: 10'),
    },
    {
      name: 'detectron2 milestones that never fire are constant-lr instead',
      dialect: 'detectron2',
      lines: ['MODEL: {}', 'SOLVER:', '  BASE_LR: 0.01', '  STEPS: (300,)', '  MAX_ITER: 200'],
    },
    {
      name: 'Hugging Face linear',
      dialect: 'huggingface',
      lines: ['output_dir: out', 'learning_rate: 1.0e-4', 'lr_scheduler_type: linear', 'max_steps: 1000'],
    },
  ],
  invalid: [
    {
      name: 'detectron2 STEPS',
      dialect: 'detectron2',
      lines: [
        'MODEL:',
        '  META_ARCHITECTURE: GeneralizedRCNN',
        'SOLVER:',
        '  BASE_LR: 0.02',
        '  STEPS: (60000, 80000)',
        '  MAX_ITER: 90000',
      ],
      findings: [{ message: /is a hand-picked piecewise schedule .*Prefer linear or cosine decay/, line: 5, text: '(60000, 80000)' }],
    },
    {
      name: 'Lightning MultiStepLR milestones, with decay fixes',
      dialect: 'lightning',
      lines: lightning('  class_path: torch.optim.lr_scheduler.MultiStepLR', '  init_args:', '    milestones: [10, 30]'),
      findings: [
        {
          message: /^`MultiStepLR` is a hand-picked piecewise schedule/,
          line: 10,
          text: 'torch.optim.lr_scheduler.MultiStepLR',
          fixes: ['Use cosine decay', 'Use linear decay'],
        },
      ],
    },
    {
      name: 'TF Model Garden stepwise boundaries',
      dialect: 'tf-model-garden',
      lines: [
        'runtime: {distribution_strategy: mirrored}',
        'task: {model: {}}',
        'trainer:',
        '  train_steps: 36000',
        '  optimizer_config:',
        '    learning_rate:',
        '      type: stepwise',
        '      stepwise:',
        '        boundaries: [12000, 24000]',
        '        values: [0.1, 0.01, 0.001]',
      ],
      findings: [{ message: /^`stepwise` is a hand-picked piecewise schedule/, line: 7, text: 'stepwise' }],
    },
    {
      name: 'fairseq fixed with one LR per epoch',
      dialect: 'fairseq',
      lines: [
        'task: {_name: translation}',
        'optimizer: {_name: adam}',
        'optimization:',
        '  max_epoch: 4',
        '  lr: [0.001, 0.0005, 0.00025]',
        'lr_scheduler: {_name: fixed}',
      ],
      findings: [{ message: /is a hand-picked piecewise schedule/, line: 6, text: 'fixed' }],
    },
  ],
});
