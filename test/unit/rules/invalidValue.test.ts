import { ruleTester } from './ruleTester';

const fairseq = ['task: {_name: translation}', 'optimizer: {_name: adam}', 'optimization: {max_update: 1000, lr: [0.0005]}'];

ruleTester('invalid-value', {
  valid: [
    {
      name: 'Hugging Face: a numeric string is read as a float',
      dialect: 'huggingface',
      lines: ['output_dir: out', "learning_rate: '3e-4'", 'adam_beta2: 0.95', 'max_steps: 1000'],
    },
    {
      name: 'Hugging Face cosine_with_min_lr with min_lr_rate',
      dialect: 'huggingface',
      lines: [
        'output_dir: o',
        'learning_rate: 1e-4',
        'lr_scheduler_type: cosine_with_min_lr',
        'lr_scheduler_kwargs: {min_lr_rate: 0.1}',
        'max_steps: 100',
      ],
    },
    { name: 'fairseq inverse_sqrt', dialect: 'fairseq', lines: [...fairseq, 'lr_scheduler: {_name: inverse_sqrt}'] },
    {
      name: 'Axolotl warmup_steps as a whole number',
      dialect: 'axolotl',
      lines: [
        'base_model: org/model',
        'datasets:',
        '  - path: data',
        '    type: alpaca',
        'micro_batch_size: 2',
        'max_steps: 100',
        'warmup_steps: 10',
      ],
    },
    {
      name: 'detectron2 STEPS as a tuple',
      dialect: 'detectron2',
      lines: ['MODEL: {}', 'SOLVER:', '  BASE_LR: 0.01', '  STEPS: (100, 150)', '  MAX_ITER: 200'],
    },
    {
      name: 'a directive LR Lens can read',
      dialect: 'huggingface',
      lines: ['# lr-lens: disable=constant-lr', 'output_dir: out', 'learning_rate: 1e-4', 'lr_scheduler_type: constant', 'max_steps: 10'],
    },
  ],
  invalid: [
    {
      name: 'Hugging Face adam_beta2 of 1.0',
      dialect: 'huggingface',
      lines: ['output_dir: out', 'learning_rate: 3.0e-4', 'adam_beta2: 1.0', 'max_steps: 1000'],
      findings: [{ message: /adam_beta2/, line: 3, text: '1.0', fixes: [] }],
    },
    {
      name: 'Hugging Face: a misspelled scheduler name, the closest offered',
      dialect: 'huggingface',
      lines: ['output_dir: out', 'learning_rate: 3.0e-4', 'lr_scheduler_type: cosin', 'max_steps: 1000'],
      findings: [{ message: /cosin/, line: 3, text: 'cosin' }],
    },
    {
      name: 'Hugging Face: a learning rate that is not a number',
      dialect: 'huggingface',
      lines: ['output_dir: out', 'learning_rate: fast', 'max_steps: 1000'],
      findings: [{ message: /learning_rate/, line: 2, text: 'fast' }],
    },
    {
      name: 'fairseq: unreadable adam_betas',
      dialect: 'fairseq',
      lines: [
        'task: {_name: translation}',
        'optimizer: {_name: adam, adam_betas: "(0.9, high)"}',
        'optimization: {max_update: 1000, lr: [0.001]}',
      ],
      findings: [{ message: /^`optimizer\.adam_betas` must be two numbers in \[0, 1\)/, line: 2, text: '"(0.9, high)"' }],
    },
    {
      name: 'Axolotl: a fractional warmup_steps (read by the shared setting reader)',
      dialect: 'axolotl',
      lines: [
        'base_model: org/model',
        'datasets:',
        '  - path: data',
        '    type: alpaca',
        'micro_batch_size: 2',
        'max_steps: 100',
        'warmup_steps: 0.1',
      ],
      findings: [{ message: /^`warmup_steps` must be a whole number of steps .*; got 0\.1\.$/, line: 7, text: '0.1' }],
    },
    {
      name: 'detectron2: an unreadable STEPS',
      dialect: 'detectron2',
      lines: ['MODEL: {}', 'SOLVER:', '  BASE_LR: 0.01', '  STEPS: soon', '  MAX_ITER: 200'],
      findings: [{ message: /^`SOLVER\.STEPS` must be a list of iterations/, line: 4, text: 'soon' }],
    },
    {
      name: 'an unknown directive setting is a warning on the directive',
      dialect: 'huggingface',
      lines: ['# lr-lens: color=blue', 'output_dir: out', 'learning_rate: 1e-4', 'max_steps: 10'],
      findings: [{ message: /^Unknown lr-lens directive `color`/, line: 1, text: 'color=blue', severity: 'warning' }],
    },
    {
      name: 'an unknown rule in a directive is a warning on the directive',
      dialect: 'huggingface',
      lines: ['# lr-lens-disable-next-line no-such-rule', 'output_dir: out', 'learning_rate: 1e-4', 'max_steps: 10'],
      findings: [
        {
          message: /^Unknown rule `no-such-rule` in an lr-lens directive \(known: constant-lr, piecewise-schedule, /,
          line: 1,
          text: 'no-such-rule',
          severity: 'warning',
        },
      ],
    },
    {
      name: '.lr-lens.yaml: an unknown rule',
      dialect: null,
      fileName: '.lr-lens.yaml',
      lines: ['rules:', '  constant-lr: error', '  no-such-rule: off'],
      findings: [{ message: /^\.lr-lens\.yaml: unknown rule `no-such-rule`/, line: 3, text: 'off' }],
    },
  ],
});
