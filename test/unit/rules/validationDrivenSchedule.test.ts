import { ruleTester } from './ruleTester';

const lightning = [
  'seed_everything: 0',
  'trainer:',
  '  max_epochs: 50',
  'model:',
  '  class_path: my.Task',
  'optimizer:',
  '  class_path: Adam',
  '  init_args: {lr: 0.001}',
];

ruleTester('validation-driven-schedule', {
  valid: [
    {
      name: 'Hugging Face linear',
      dialect: 'huggingface',
      lines: ['output_dir: out', 'learning_rate: 1.0e-4', 'lr_scheduler_type: linear', 'max_steps: 1000'],
    },
    { name: 'timm cosine', dialect: 'timm', lines: ['opt: sgd', 'lr: 0.1', 'sched: cosine', 'epochs: 90', 'warmup_epochs: 0'] },
    {
      name: 'Lightning StepLR',
      dialect: 'lightning',
      lines: [...lightning, 'lr_scheduler:', '  class_path: StepLR', '  init_args: {step_size: 30}'],
    },
  ],
  invalid: [
    {
      name: 'Hugging Face reduce_lr_on_plateau',
      dialect: 'huggingface',
      lines: ['output_dir: out', 'learning_rate: 1.0e-4', 'lr_scheduler_type: reduce_lr_on_plateau', 'max_steps: 1000'],
      findings: [
        {
          message: /^`reduce_lr_on_plateau` changes the LR when validation stalls: .*fully automated/,
          line: 3,
          text: 'reduce_lr_on_plateau',
          fixes: ['Use cosine decay', 'Use linear decay'],
        },
      ],
    },
    {
      name: 'timm plateau',
      dialect: 'timm',
      lines: ['opt: sgd', 'lr: 0.1', 'sched: plateau', 'epochs: 90', 'warmup_epochs: 0'],
      findings: [{ message: /^`plateau` changes the LR when validation stalls/, line: 3, text: 'plateau' }],
    },
    {
      name: 'Lightning CLI ReduceLROnPlateau',
      dialect: 'lightning',
      lines: [...lightning, 'lr_scheduler:', '  class_path: ReduceLROnPlateau', '  init_args: {monitor: val/loss}'],
      findings: [{ message: /changes the LR when validation stalls/, line: 10, text: 'ReduceLROnPlateau' }],
    },
  ],
});
