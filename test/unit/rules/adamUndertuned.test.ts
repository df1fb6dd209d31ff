import { ruleTester } from './ruleTester';
import { hydraOptuna, katib, sageMaker, wandb } from './sweeps';

ruleTester('adam-undertuned', {
  valid: [
    {
      name: 'W&B: 9 trials, the learning rate alone is right',
      dialect: 'wandb-sweep',
      lines: wandb('random', 9, 'optimizer: {value: adam}', 'lr: {min: 0.0001, max: 0.01}'),
    },
    {
      name: 'W&B: an unknown budget gives no hint',
      dialect: 'wandb-sweep',
      lines: wandb('bayes', null, 'optimizer: {value: adam}', 'lr: {min: 0.0001, max: 0.01}', 'beta1: {min: 0.8, max: 0.95}'),
    },
    {
      name: 'W&B SGD with 30 trials',
      dialect: 'wandb-sweep',
      lines: wandb('random', 30, 'optimizer: {value: sgd}', 'lr: {min: 0.0001, max: 0.01}'),
    },
    { name: 'Katib: 12 trials tuning the LR and beta_1', dialect: 'katib', lines: katib('random', 12, ['beta1', '0.8', '0.99']) },
  ],
  invalid: [
    {
      name: 'W&B: 30 trials tune only the learning rate (a hint on the LR entry, no fix)',
      dialect: 'wandb-sweep',
      lines: wandb('random', 30, 'optimizer: {value: adam}', 'lr: {min: 0.0001, max: 0.01}', 'batch_size: {values: [16, 32]}'),
      findings: [
        {
          message:
            /^This study's budget of 30 trials \(run_cap: 30\) supports tuning beta_1 and epsilon as well; it tunes only the learning rate/,
          line: 5,
          text: 'lr',
          fixes: [],
        },
      ],
    },
    {
      name: 'Hydra Optuna: 60 trials tune the LR and beta_2 but not beta_1 or epsilon',
      dialect: 'hydra-sweep',
      lines: hydraOptuna(
        60,
        'optimizer._target_: torch.optim.AdamW',
        'optimizer.lr: tag(log, interval(1e-5, 1e-2))',
        'optimizer.betas: choice([0.9, 0.999], [0.9, 0.98])',
      ),
      findings: [
        { message: /supports tuning beta_1 and epsilon as well; it tunes the learning rate and beta_2\./, line: 8, text: 'optimizer.lr' },
      ],
    },
    {
      name: 'Katib: 30 trials tune only the learning rate',
      dialect: 'katib',
      lines: katib('random', 30),
      findings: [
        { message: /supports tuning beta_1 and epsilon as well; it tunes only the learning rate/, line: 10, text: 'learningRate' },
      ],
    },
    {
      name: 'SageMaker: 20 jobs tune beta_2 where beta_1 matters more',
      dialect: 'sagemaker-tuning',
      fileName: 'tuning-job.json',
      lines: sageMaker(20, 'adam', ['learning_rate', '1e-5', '1e-2'], ['beta_2', '0.98', '0.9999']),
      findings: [
        { message: /supports tuning beta_1, which matters more than the beta_2 it tunes instead/, line: 16, text: '"learning_rate"' },
      ],
    },
  ],
});
