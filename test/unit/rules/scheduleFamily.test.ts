import { ruleTester } from './ruleTester';

const fairseq = ['task: {_name: translation}', 'optimizer: {_name: adam}'];

ruleTester('schedule-family', {
  valid: [
    {
      name: 'Hugging Face cosine',
      dialect: 'huggingface',
      lines: ['output_dir: out', 'learning_rate: 5.0e-4', 'lr_scheduler_type: cosine', 'warmup_steps: 4000', 'max_steps: 100000'],
    },
    {
      name: 'Hugging Face cosine_with_min_lr',
      dialect: 'huggingface',
      lines: [
        'output_dir: o',
        'learning_rate: 1e-4',
        'lr_scheduler_type: cosine_with_min_lr',
        'lr_scheduler_kwargs: {min_lr_rate: 0.1}',
        'max_steps: 100',
      ],
    },
    {
      name: 'Hugging Face constant is constant-lr, not a family hint',
      dialect: 'huggingface',
      lines: ['output_dir: o', 'learning_rate: 1e-4', 'lr_scheduler_type: constant', 'max_steps: 100'],
    },
    {
      name: 'fairseq polynomial_decay with power 1 is linear',
      dialect: 'fairseq',
      lines: [
        ...fairseq,
        'optimization: {max_update: 1000, lr: [0.0005]}',
        'lr_scheduler: {_name: polynomial_decay, total_num_update: 1000}',
      ],
    },
    {
      name: 'Ultralytics cos_lr',
      dialect: 'ultralytics',
      lines: [
        'cos_lr: true',
        'lrf: 0.1',
        'lr0: 0.01',
        'momentum: 0.937',
        'weight_decay: 0.0005',
        'warmup_epochs: 3.0',
        'box: 7.0',
        'cls: 0.4',
      ],
    },
  ],
  invalid: [
    {
      name: 'Hugging Face inverse_sqrt: a hint with no fix',
      dialect: 'huggingface',
      lines: ['output_dir: out', 'learning_rate: 5.0e-4', 'lr_scheduler_type: inverse_sqrt', 'warmup_steps: 4000', 'max_steps: 100000'],
      findings: [
        {
          message:
            /^`inverse_sqrt` is inverse square root: a workable family, but linear and cosine decay are the recommended default families/,
          line: 3,
          text: 'inverse_sqrt',
          fixes: [],
        },
      ],
    },
    {
      name: 'fairseq inverse_sqrt',
      dialect: 'fairseq',
      lines: [...fairseq, 'optimization: {max_update: 100000, lr: [0.0005]}', 'lr_scheduler: {_name: inverse_sqrt}'],
      findings: [{ message: /is inverse square root/, line: 4, text: 'inverse_sqrt' }],
    },
    {
      name: 'OpenNMT noam',
      dialect: 'opennmt',
      lines: [
        'save_model: run/model',
        'src_vocab: run/vocab.src',
        'tgt_vocab: run/vocab.tgt',
        'batch_type: tokens',
        'valid_steps: 1000',
        'train_steps: 150000',
        'warmup_steps: 6000',
        'optim: adam',
        'decay_method: noam',
        'learning_rate: 2.0',
      ],
      findings: [{ message: /^`noam` is /, line: 9, text: 'noam' }],
    },
    {
      name: 'timm step decay',
      dialect: 'timm',
      lines: ['opt: sgd', 'lr: 0.1', 'sched: step', 'decay_rate: 0.1', 'epochs: 90', 'warmup_epochs: 0'],
      findings: [{ message: /^`step` is /, line: 3, text: 'step' }],
    },
  ],
});
