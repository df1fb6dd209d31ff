// SageMaker tuning jobs (JSON): MaxNumberOfTrainingJobs, Grid strategy combinations, the optimizer the static
// hyperparameters fix, and the same tiers as the other formats.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { analyze } from '../dialects/analyze';

const request = (strategy: string, maxJobs: number | null, optimizer: string, ranges: object) =>
  JSON.stringify(
    {
      HyperParameterTuningJobName: 'study',
      HyperParameterTuningJobConfig: {
        Strategy: strategy,
        HyperParameterTuningJobObjective: { Type: 'Minimize', MetricName: 'validation:loss' },
        ResourceLimits: { ...(maxJobs !== null ? { MaxNumberOfTrainingJobs: maxJobs } : {}), MaxParallelTrainingJobs: 2 },
        ParameterRanges: ranges,
      },
      TrainingJobDefinition: { StaticHyperParameters: { optimizer, epochs: '10' } },
    },
    null,
    2,
  );

const ranges = {
  ContinuousParameterRanges: [
    { Name: 'learning_rate', MinValue: '1e-5', MaxValue: '1e-2', ScalingType: 'Logarithmic' },
    { Name: 'beta_2', MinValue: '0.98', MaxValue: '0.9999', ScalingType: 'Auto' },
  ],
  IntegerParameterRanges: [{ Name: 'epochs', MinValue: '5', MaxValue: '20', ScalingType: 'Auto' }],
};

test('SageMaker request: recognized, budget from MaxNumberOfTrainingJobs, Adam from StaticHyperParameters', () => {
  const text = request('Bayesian', 20, 'adam', ranges);
  const analysis = analyze(text, 'tuning-job.json');
  const document = analysis.documents[0];
  assert.equal(document?.dialect.id, 'sagemaker-tuning');
  assert.equal(document.sweep?.budget.trials, 20);
  const rules = analysis.findings.map((f) => [f.ruleId, text.slice(f.span.start, f.span.end)]);
  const expected: [string, string][] = [
    ['adam-overtuned', '"beta_2"'],
    ['tuned-train-steps', '"epochs"'],
    ['adam-undertuned', '"learning_rate"'],
  ];
  assert.deepEqual(
    rules,
    expected.sort(([, a], [, b]) => text.indexOf(a) - text.indexOf(b)),
  );
  assert.deepEqual(analysis.findings.find((f) => f.ruleId === 'adam-overtuned')?.fixes, []);
});

test('SageMaker: SGD gets no Adam findings; no MaxNumberOfTrainingJobs is an unknown budget; Grid counts categorical combinations', () => {
  assert.deepEqual(
    analyze(request('Bayesian', 20, 'sgd', { ContinuousParameterRanges: ranges.ContinuousParameterRanges }), 'job.json').findings,
    [],
  );
  assert.deepEqual(
    analyze(request('Random', null, 'adamw', { ContinuousParameterRanges: ranges.ContinuousParameterRanges }), 'job.json').findings.map(
      (f) => f.ruleId,
    ),
    ['unknown-budget'],
  );
  const grid = analyze(
    request('Grid', null, 'adam', {
      CategoricalParameterRanges: [
        { Name: 'lr', Values: ['0.001', '0.003', '0.01'] },
        { Name: 'eps', Values: ['1e-8', '1e-6'] },
      ],
    }),
    'job.json',
  );
  assert.equal(grid.documents[0]?.sweep?.budget.trials, 6);
  assert.deepEqual(
    grid.findings.map((f) => f.ruleId),
    ['adam-overtuned'],
  );
});

test('every dialect id (sagemaker-tuning included) is offered by the lrLens.dialectGlobs setting', async () => {
  const { readFileSync } = await import('node:fs');
  const { join } = await import('node:path');
  const { DIALECTS } = await import('../../../server/src/index');
  const manifest = JSON.parse(readFileSync(join(__dirname, '..', '..', '..', 'package.json'), 'utf8')) as {
    contributes: { configuration: { properties: Record<string, { additionalProperties?: { enum?: string[] } }> } };
  };
  const offered = manifest.contributes.configuration.properties['lrLens.dialects']?.additionalProperties?.enum;
  assert.ok(offered, 'dialect enum not found in package.json');
  for (const dialect of DIALECTS) assert.ok(offered.includes(dialect.id), `${dialect.id} missing from the package.json enum`);
});
