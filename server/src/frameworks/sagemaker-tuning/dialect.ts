/**
 * Amazon SageMaker hyperparameter tuning jobs as JSON: a CreateHyperParameterTuningJob request
 * (`HyperParameterTuningJobConfig` + `TrainingJobDefinition`) or the tuning-job config alone
 * (`Strategy`, `ResourceLimits`, `ParameterRanges`). Yields a sweep plan: the ranges (all values are strings),
 * the budget `ResourceLimits.MaxNumberOfTrainingJobs` (for `Strategy: Grid`, the number of categorical
 * combinations), and the optimizer `StaticHyperParameters` fixes, if it names one.
 */
import { isMap, isSeq, type YAMLMap } from 'yaml';
import type { Dialect, DialectInput, Extraction, Recognition } from '../../dialects/dialect';
import { toNumber } from '../../dialects/numbers';
import { finiteNumber } from '../torch/torchParams';
import { entriesOf, resolveNode, rootMap, spanOf, type MapEntry } from '../../parse/yamlAccess';
import { buildSweep } from '../../plan/buildSweep';
import { roleOf } from '../../plan/searchSpaceRoles';
import { budgetOf, gridSizeOf, gridText, type SweepEntry } from '../../plan/sweepPlan';

/** The tuning-job config: the request's `HyperParameterTuningJobConfig`, or the root itself. */
function tuningConfig(input: DialectInput): { config: YAMLMap; anchor: MapEntry | undefined } | null {
  const root = rootMap(input.document);
  if (!root) return null;
  const top = entriesOf(input.document, root);
  const nested = top.get('HyperParameterTuningJobConfig');
  const node = resolveNode(input.document, nested?.valueNode);
  if (nested && isMap(node)) return { config: node, anchor: nested };
  if (top.has('ParameterRanges') && (top.has('ResourceLimits') || top.has('Strategy')))
    return { config: root, anchor: top.get('Strategy') ?? top.get('ParameterRanges') };
  return null;
}

function recognize(input: DialectInput): Recognition | null {
  const found = tuningConfig(input);
  if (!found) return null;
  const keys = entriesOf(input.document, found.config);
  if (!keys.has('ParameterRanges') && !keys.has('ResourceLimits') && !keys.has('Strategy')) return null;
  return { confidence: 0.95, reason: 'SageMaker hyperparameter tuning job (HyperParameterTuningJobConfig)' };
}

const num = finiteNumber;

const RANGE_KINDS = ['IntegerParameterRanges', 'ContinuousParameterRanges', 'CategoricalParameterRanges'] as const;

function rangeEntries(input: DialectInput, config: YAMLMap): SweepEntry[] {
  const ranges = resolveNode(input.document, entriesOf(input.document, config).get('ParameterRanges')?.valueNode);
  if (!isMap(ranges)) return [];
  const entries: SweepEntry[] = [];
  for (const kind of RANGE_KINDS) {
    const list = resolveNode(input.document, entriesOf(input.document, ranges).get(kind)?.valueNode);
    if (!isSeq(list)) continue;
    for (const raw of list.items) {
      const item = resolveNode(input.document, raw);
      if (!isMap(item)) continue;
      const fields = entriesOf(input.document, item);
      const name = fields.get('Name');
      if (!name || typeof name.value !== 'string') continue;
      const spans = { syntax: 'sagemaker' as const, span: spanOf(item), keySpan: name.valueSpan, valueSpan: spanOf(item) };
      if (kind === 'CategoricalParameterRanges') {
        const written = fields.get('Values')?.value;
        const values = Array.isArray(written) ? (written as unknown[]).map((v) => toNumber(v)) : [];
        entries.push({ name: name.value, kind: 'choice', values, gridPoints: values.length, ...spans });
        continue;
      }
      const min = num(fields.get('MinValue')?.value);
      const max = num(fields.get('MaxValue')?.value);
      const scaling = fields.get('ScalingType')?.value;
      entries.push({
        name: name.value,
        kind: kind === 'IntegerParameterRanges' ? 'range' : 'distribution',
        ...(min !== undefined ? { min } : {}),
        ...(max !== undefined ? { max } : {}),
        ...(kind === 'IntegerParameterRanges' ? { step: 1 } : {}),
        ...(typeof scaling === 'string' ? { distribution: scaling } : {}),
        // Grid strategy allows categorical ranges only.
        gridPoints: null,
        ...spans,
      });
    }
  }
  return entries;
}

/** The optimizer `TrainingJobDefinition.StaticHyperParameters` fixes for every job, if it names one. */
function staticOptimizer(input: DialectInput): string | undefined {
  const root = rootMap(input.document);
  const definition = root ? resolveNode(input.document, entriesOf(input.document, root).get('TrainingJobDefinition')?.valueNode) : null;
  const statics = isMap(definition)
    ? resolveNode(input.document, entriesOf(input.document, definition).get('StaticHyperParameters')?.valueNode)
    : null;
  if (!isMap(statics)) return undefined;
  for (const entry of entriesOf(input.document, statics).values()) {
    if (roleOf(entry.key) === 'optimizer' && typeof entry.value === 'string') return entry.value;
  }
  return undefined;
}

function extract(input: DialectInput): Extraction {
  const found = tuningConfig(input);
  if (!found) return { findings: [] };
  const fields = entriesOf(input.document, found.config);
  const strategyValue = fields.get('Strategy')?.value;
  const strategy = typeof strategyValue === 'string' ? strategyValue : 'Bayesian';
  const limits = resolveNode(input.document, fields.get('ResourceLimits')?.valueNode);
  const maxJobs = isMap(limits) ? entriesOf(input.document, limits).get('MaxNumberOfTrainingJobs') : undefined;
  const capValue = num(maxJobs?.value);
  const cap =
    maxJobs && capValue !== undefined && Number.isInteger(capValue) && capValue > 0
      ? { value: capValue, text: `MaxNumberOfTrainingJobs: ${capValue}`, span: maxJobs.valueSpan }
      : null;
  const entries = rangeEntries(input, found.config);
  const isGrid = strategy === 'Grid';
  const grid = isGrid ? gridSizeOf(entries) : null;
  const optimizerName = staticOptimizer(input);
  const assumptions: string[] = [];
  if (!fields.has('Strategy')) assumptions.push('No `Strategy`: SageMaker searches with Bayesian optimization by default.');
  const sweep = buildSweep({
    dialect: 'sagemaker-tuning',
    documentIndex: input.documentIndex,
    method: strategy,
    isGrid,
    budget: budgetOf(cap, grid, gridText(entries)),
    entries,
    anchor: found.anchor?.keySpan ?? { start: 0, end: 0 },
    assumptions,
    ...(optimizerName ? { optimizerName } : {}),
  });
  return { findings: [], sweep };
}

export const sagemakerTuningDialect: Dialect = {
  id: 'sagemaker-tuning',
  name: 'SageMaker tuning job',
  recognize,
  extract,
  decayEdits: () => [],
};
