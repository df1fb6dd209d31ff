import { ruleTester } from './ruleTester';

const composer = [
  'variables:',
  '  lr: 5.0e-4',
  'model: {name: mpt_causal_lm}',
  'train_loader: {name: text}',
  'global_train_batch_size: 256',
];
const timm = (warmupEpochs: number) => ['epochs: 30', `warmup_epochs: ${warmupEpochs}`, 'opt: adamw', 'lr: 0.004', 'sched: cosine'];

ruleTester('warmup-too-long', {
  valid: [
    {
      name: 'Hugging Face warmup_steps of 10%',
      dialect: 'huggingface',
      lines: ['output_dir: out', 'learning_rate: 1.0e-4', 'warmup_steps: 100', 'max_steps: 1000'],
    },
    {
      name: 'Hugging Face absolute warmup against a length in epochs is not judged',
      dialect: 'huggingface',
      lines: ['output_dir: out', 'learning_rate: 1.0e-4', 'warmup_steps: 5000', 'num_train_epochs: 3'],
    },
    {
      name: 'Composer warmup of 2% of the duration',
      dialect: 'composer',
      lines: [
        ...composer,
        'max_duration: 1000ba',
        'scheduler: {name: linear_decay_with_warmup, t_warmup: 0.02dur}',
        'optimizer: {name: decoupled_adamw, lr: 1e-5}',
      ],
    },
    { name: 'timm 3 warmup epochs of 30', dialect: 'timm', lines: timm(3) },
  ],
  invalid: [
    {
      name: 'Hugging Face warmup_ratio 0.2',
      dialect: 'huggingface',
      lines: ['output_dir: out', 'learning_rate: 1.0e-4', 'warmup_ratio: 0.2', 'max_steps: 1000'],
      findings: [
        {
          message:
            /^Warmup is 20% of training \(200 of 1000 steps\): the largest warmup worth trying is 10% of training\. Shorten `warmup_ratio` to at most 0\.1\.$/,
          line: 3,
          text: '0.2',
          fixes: [],
        },
      ],
    },
    {
      name: 'Composer t_warmup of half the run',
      dialect: 'composer',
      lines: [
        ...composer,
        'max_duration: 200ba',
        'scheduler: {name: cosine_with_warmup, t_warmup: 100ba}',
        'optimizer: {name: decoupled_adamw, lr: 1e-5}',
      ],
      findings: [{ message: /^Warmup is 50% of training/, line: 7, text: '100ba' }],
    },
    {
      name: 'timm 6 warmup epochs of 30',
      dialect: 'timm',
      lines: timm(6),
      findings: [{ message: /^Warmup is 20% of training/, line: 2, text: '6' }],
    },
    {
      name: 'YOLOv5 hyp file: the training script warms up for at least 100 iterations',
      dialect: 'ultralytics',
      lines: ['lr0: 0.01', 'lrf: 0.01', 'momentum: 0.937', 'weight_decay: 0.0005', 'warmup_epochs: 30.0', 'warmup_momentum: 0.8'],
      findings: [
        { message: /\(30 of 100 epochs\).*\(the training script still warms up for at least 100 iterations\)\.$/, line: 5, text: '30.0' },
      ],
    },
    {
      name: 'current Ultralytics trainer: no warmup floor to mention',
      dialect: 'ultralytics',
      fileName: 'runs/train/args.yaml',
      lines: [
        'task: detect',
        'mode: train',
        'epochs: 10',
        'optimizer: SGD',
        'lr0: 0.01',
        'lrf: 0.01',
        'warmup_epochs: 3.0',
        'box: 7.5',
        'cls: 0.5',
      ],
      findings: [{ message: /\(3 of 10 epochs\).*Shorten `warmup_epochs` to at most 1 epoch\.$/, line: 7, text: '3.0' }],
    },
    {
      name: 'fairseq tri_stage whose warmup phase is a third of the run',
      dialect: 'fairseq',
      lines: [
        'task: {_name: audio_finetuning}',
        'optimizer: {_name: adam}',
        'optimization: {max_update: 20000, lr: [0.00005]}',
        'lr_scheduler: {_name: tri_stage, phase_ratio: [0.3, 0.4, 0.3], final_lr_scale: 0.05}',
      ],
      findings: [{ message: /^Warmup is 30% of training/, line: 4, text: '[0.3, 0.4, 0.3]' }],
    },
  ],
});
