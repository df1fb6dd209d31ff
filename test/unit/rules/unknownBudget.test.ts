import { ruleTester } from './ruleTester';
import { katib, sageMaker, wandb } from './sweeps';

ruleTester('unknown-budget', {
  valid: [
    {
      name: 'W&B bayes with run_cap',
      dialect: 'wandb-sweep',
      lines: wandb('bayes', 20, 'optimizer: {value: adamw}', 'learning_rate: {min: 0.00001, max: 0.001, distribution: log_uniform_values}'),
    },
    {
      name: 'W&B grid: the budget is the number of combinations',
      dialect: 'wandb-sweep',
      lines: wandb('grid', null, 'optimizer: {value: adam}', 'lr: {values: [0.001, 0.01]}', 'beta1: {values: [0.8, 0.9]}'),
    },
    {
      name: 'W&B bayes over SGD: no Adam to afford',
      dialect: 'wandb-sweep',
      lines: wandb('bayes', null, 'optimizer: {value: sgd}', 'lr: {min: 0.001, max: 0.1}', 'momentum: {min: 0.8, max: 0.99}'),
    },
    { name: 'Katib with maxTrialCount', dialect: 'katib', lines: katib('random', 12, ['beta1', '0.8', '0.99']) },
    {
      name: 'W&B bayes tuning only the learning rate: affordable at any budget',
      dialect: 'wandb-sweep',
      lines: wandb('bayes', null, 'optimizer: {value: adamw}', 'learning_rate: {min: 0.00001, max: 0.001}'),
    },
    { name: 'Katib random tuning only the learning rate', dialect: 'katib', lines: katib('random', null) },
    {
      name: 'SageMaker tuning only the learning rate',
      dialect: 'sagemaker-tuning',
      fileName: 'tuning-job.json',
      lines: sageMaker(null, 'adamw', ['learning_rate', '1e-5', '1e-2']),
    },
  ],
  invalid: [
    {
      name: 'W&B bayes with no run_cap: on the method',
      dialect: 'wandb-sweep',
      lines: wandb(
        'bayes',
        null,
        'optimizer: {value: adamw}',
        'learning_rate: {min: 0.00001, max: 0.001}',
        'adam_beta2: {min: 0.95, max: 0.999}',
      ),
      findings: [
        {
          message: [
            /^The number of trials of this bayes study is unknown, so LR Lens cannot tell whether it can afford to tune beta_2: /,
            /Set `run_cap`\.$/,
            /beta_2 needs substantially more than 25 trials \(more than 50, setting lrLens\.budgetThreshold\)\. /,
          ],
          line: 1,
          text: 'method',
          fixes: [],
        },
      ],
    },
    {
      name: 'Katib random with no maxTrialCount',
      dialect: 'katib',
      lines: katib('random', null, ['beta1', '0.8', '0.99']),
      findings: [
        {
          message: [
            /^The number of trials of this random study is unknown, .*afford to tune beta_1: beta_1 needs at least 10 trials\./,
            /Set `spec\.maxTrialCount`\./,
          ],
          line: 3,
          text: 'spec',
        },
      ],
    },
    {
      name: 'SageMaker with no MaxNumberOfTrainingJobs',
      dialect: 'sagemaker-tuning',
      fileName: 'tuning-job.json',
      lines: sageMaker(null, 'adamw', ['learning_rate', '1e-5', '1e-2'], ['beta_2', '0.98', '0.9999']),
      findings: [{ message: /Set `ResourceLimits\.MaxNumberOfTrainingJobs`\./, line: 3, text: '"HyperParameterTuningJobConfig"' }],
    },
  ],
});
