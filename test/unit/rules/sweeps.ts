// Study files shared by the study-rule tables, one line per source line.

/** A W&B sweep: `run_cap` (omitted when null) and search-space entries written as `name: {...}`. */
export function wandb(method: string, runCap: number | null, ...parameters: string[]): string[] {
  return [`method: ${method}`, ...(runCap !== null ? [`run_cap: ${runCap}`] : []), 'parameters:', ...parameters.map((p) => `  ${p}`)];
}

/** A Hydra Optuna sweep over `params` (`key: override`). */
export function hydraOptuna(trials: number, ...params: string[]): string[] {
  return [
    'defaults:',
    '  - override hydra/sweeper: optuna',
    'hydra:',
    '  sweeper:',
    `    n_trials: ${trials}`,
    '    params:',
    ...params.map((p) => `      ${p}`),
  ];
}

/** A Katib experiment over Adam's learning rate and the given extra double parameters (`name`, min, max). */
export function katib(algorithm: string, maxTrials: number | null, ...extra: [string, string, string][]): string[] {
  const parameter = (name: string, min: string, max: string) => [
    `    - name: ${name}`,
    '      parameterType: double',
    `      feasibleSpace: {min: "${min}", max: "${max}"}`,
  ];
  return [
    'apiVersion: kubeflow.org/v1beta1',
    'kind: Experiment',
    'spec:',
    `  algorithm: {algorithmName: ${algorithm}}`,
    ...(maxTrials !== null ? [`  maxTrialCount: ${maxTrials}`] : []),
    '  parameters:',
    '    - name: optimizer',
    '      parameterType: categorical',
    '      feasibleSpace: {list: [adam]}',
    ...parameter('learningRate', '0.0001', '0.01'),
    ...extra.flatMap(([name, min, max]) => parameter(name, min, max)),
  ];
}

/** A SageMaker tuning job request (JSON, one line per source line) with continuous ranges. */
export function sageMaker(maxJobs: number | null, optimizer: string, ...ranges: [string, string, string][]): string[] {
  const text = JSON.stringify(
    {
      HyperParameterTuningJobName: 'study',
      HyperParameterTuningJobConfig: {
        Strategy: 'Bayesian',
        HyperParameterTuningJobObjective: { Type: 'Minimize', MetricName: 'validation:loss' },
        ResourceLimits: { ...(maxJobs !== null ? { MaxNumberOfTrainingJobs: maxJobs } : {}), MaxParallelTrainingJobs: 2 },
        ParameterRanges: {
          ContinuousParameterRanges: ranges.map(([Name, MinValue, MaxValue]) => ({ Name, MinValue, MaxValue, ScalingType: 'Auto' })),
        },
      },
      TrainingJobDefinition: { StaticHyperParameters: { optimizer, epochs: '10' } },
    },
    null,
    2,
  );
  return text.split('\n');
}
