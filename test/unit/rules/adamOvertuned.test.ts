import { ruleTester } from './ruleTester';
import { hydraOptuna, katib, sageMaker, wandb } from './sweeps';

const optunaAdam = (trials: number) =>
  hydraOptuna(
    trials,
    'optimizer._target_: torch.optim.AdamW',
    'optimizer.lr: tag(log, interval(1e-5, 1e-2))',
    'optimizer.betas: choice([0.8, 0.999], [0.9, 0.999])',
    'optimizer.eps: choice(1e-8, 1e-6)',
  );

ruleTester('adam-overtuned', {
  valid: [
    { name: 'Hydra Optuna: 30 trials support the LR, beta_1 and epsilon', dialect: 'hydra-sweep', lines: optunaAdam(30) },
    {
      name: 'W&B SGD: the Adam guide does not apply',
      dialect: 'wandb-sweep',
      lines: wandb('random', 5, 'optimizer: {value: sgd}', 'lr: {min: 0.001, max: 0.1}', 'momentum: {values: [0.8, 0.9, 0.95]}'),
    },
    {
      name: 'W&B: a 5 × 2 grid of 10 trials supports beta_1',
      dialect: 'wandb-sweep',
      lines: wandb(
        'grid',
        null,
        'optimizer: {value: adam}',
        'lr: {values: [0.0001, 0.0003, 0.001, 0.003, 0.01]}',
        'beta1: {values: [0.9, 0.95]}',
      ),
    },
    { name: 'Katib: 10 trials support beta_1', dialect: 'katib', lines: katib('tpe', 10, ['beta1', '0.8', '0.99']) },
    {
      name: 'SageMaker: 60 jobs support beta_2',
      dialect: 'sagemaker-tuning',
      fileName: 'tuning-job.json',
      lines: sageMaker(60, 'adam', ['learning_rate', '1e-5', '1e-2'], ['beta_2', '0.98', '0.9999']),
    },
  ],
  invalid: [
    {
      name: 'W&B: 12 trials tune beta_2; fix at the default or remove the entry',
      dialect: 'wandb-sweep',
      lines: wandb(
        'random',
        12,
        'optimizer: {value: adamw}',
        'learning_rate: {min: 0.00001, max: 0.001, distribution: log_uniform_values}',
        'adam_beta2: {values: [0.98, 0.999]}',
      ),
      findings: [
        {
          message: [
            /^`adam_beta2` tunes beta_2, but this study's budget of 12 trials \(run_cap: 12\) /,
            /supports tuning the learning rate and beta_1; beta_2 needs/,
          ],
          line: 6,
          text: 'adam_beta2',
          fixes: ['Fix beta_2 at its default (0.999)', 'Remove from search space'],
          output: wandb(
            'random',
            12,
            'optimizer: {value: adamw}',
            'learning_rate: {min: 0.00001, max: 0.001, distribution: log_uniform_values}',
            'adam_beta2: {value: 0.999}',
          ),
        },
      ],
    },
    {
      name: 'W&B: a 3 × 3 grid of 9 trials supports the learning rate only',
      dialect: 'wandb-sweep',
      lines: wandb('grid', null, 'optimizer: {value: adam}', 'lr: {values: [0.0003, 0.001, 0.003]}', 'beta1: {values: [0.8, 0.9, 0.95]}'),
      findings: [
        {
          message: /^`beta1` tunes beta_1, but .* budget of 9 trials .* supports tuning only the learning rate; beta_1 needs at least 10/,
          line: 5,
          text: 'beta1',
        },
      ],
    },
    {
      name: 'Hydra Optuna: 20 trials tune epsilon',
      dialect: 'hydra-sweep',
      lines: optunaAdam(20),
      findings: [{ message: /^`optimizer\.eps` tunes epsilon, .*epsilon needs at least 26 trials/, line: 10, text: 'optimizer.eps' }],
    },
    {
      name: 'Katib: 9 trials tune beta_1',
      dialect: 'katib',
      lines: katib('tpe', 9, ['beta1', '0.8', '0.99']),
      findings: [{ message: /^`beta1` tunes beta_1/, line: 13, text: 'beta1' }],
    },
    {
      name: 'SageMaker: 20 jobs tune beta_2 (no fix: the ranges are JSON)',
      dialect: 'sagemaker-tuning',
      fileName: 'tuning-job.json',
      lines: sageMaker(20, 'adam', ['learning_rate', '1e-5', '1e-2'], ['beta_2', '0.98', '0.9999']),
      findings: [{ message: /^`beta_2` tunes beta_2/, line: 22, text: '"beta_2"', fixes: [] }],
    },
  ],
});
