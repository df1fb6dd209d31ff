import { ruleTester } from './ruleTester';
import { katib, sageMaker, wandb } from './sweeps';

const hydraBasic = (maxSteps: string) => [
  'hydra:',
  '  mode: MULTIRUN',
  '  sweeper:',
  '    params:',
  `      trainer.max_steps: ${maxSteps}`,
  '      seed: 1,2',
];

ruleTester('tuned-train-steps', {
  valid: [
    {
      name: 'W&B: one length for every trial',
      dialect: 'wandb-sweep',
      lines: wandb('grid', null, 'learning_rate: {values: [0.0001, 0.001]}', 'epochs: {value: 20}'),
    },
    {
      name: 'W&B: a one-element list is not a search',
      dialect: 'wandb-sweep',
      lines: wandb('grid', null, 'epochs: {value: 10}', 'max_steps: {values: [1000]}'),
    },
    { name: 'Hydra basic sweeper: a fixed max_steps', dialect: 'hydra-sweep', lines: hydraBasic('1000') },
    {
      name: 'Katib: an epoch range of one value',
      dialect: 'katib',
      lines: [
        ...katib('random', 4).slice(0, 6),
        '    - name: num-epochs',
        '      parameterType: int',
        '      feasibleSpace: {min: "1", max: "1"}',
      ],
    },
  ],
  invalid: [
    {
      name: 'W&B: epochs in the search space; fixed at the largest value tried',
      dialect: 'wandb-sweep',
      lines: wandb('grid', null, 'learning_rate: {values: [0.0001, 0.001]}', 'epochs: {values: [10, 20, 40]}'),
      findings: [
        {
          message: /^`epochs` puts the training length in the search space: the maximum number of training steps should be one value/,
          line: 4,
          text: 'epochs',
          fixes: ['Fix the length at 40'],
          output: wandb('grid', null, 'learning_rate: {values: [0.0001, 0.001]}', 'epochs: {value: 40}'),
        },
      ],
    },
    {
      name: 'Hydra basic sweeper: trainer.max_steps',
      dialect: 'hydra-sweep',
      lines: hydraBasic('1000,2000'),
      findings: [
        {
          message: /^`trainer\.max_steps` puts the training length in the search space/,
          line: 5,
          text: 'trainer.max_steps',
          output: hydraBasic('2000'),
        },
      ],
    },
    {
      name: 'Katib: num-epochs from 1 to 3',
      dialect: 'katib',
      lines: [
        ...katib('random', 4).slice(0, 6),
        '    - name: num-epochs',
        '      parameterType: int',
        '      feasibleSpace: {min: "1", max: "3"}',
      ],
      findings: [{ message: /^`num-epochs` puts the training length/, line: 7, text: 'num-epochs' }],
    },
    {
      name: 'SageMaker: an epochs range',
      dialect: 'sagemaker-tuning',
      fileName: 'tuning-job.json',
      lines: sageMaker(20, 'adam', ['learning_rate', '1e-5', '1e-2'], ['epochs', '5', '20']),
      findings: [{ message: /^`epochs` puts the training length/, line: 22, text: '"epochs"' }],
    },
  ],
});
