/**
 * Kubeflow Katib `Experiment` resources (`apiVersion: kubeflow.org/v1beta1`, `kind: Experiment`,
 * `spec.{objective, algorithm, parameters, trialTemplate}`). Other Kubernetes manifests get no dialect. An
 * experiment yields a sweep plan: `spec.parameters[].feasibleSpace` (all numbers are strings) and the budget
 * `spec.maxTrialCount`, or for the grid algorithm the number of combinations when that is smaller.
 */
import { isMap, isSeq } from 'yaml';
import type { Dialect, DialectInput, Extraction, Recognition } from '../../dialects/dialect';
import { ConfigTree } from '../../dialects/configTree';
import { toNumber } from '../../dialects/numbers';
import { finiteNumber } from '../torch/torchParams';
import { commandLineOptimizer } from '../../dialects/commandLineOptimizer';
import { entriesOf, resolveNode, rootMap, spanOf } from '../../parse/yamlAccess';
import { buildSweep } from '../../plan/buildSweep';
import { budgetOf, gridSizeOf, gridText, type SweepEntry, type SweepDraft } from '../../plan/sweepPlan';

function recognize(input: DialectInput): Recognition | null {
  const tree = new ConfigTree(input.document, { interpolate: false });
  const api = tree.get('apiVersion');
  if (typeof api !== 'string' || !api.startsWith('kubeflow.org/') || tree.get('kind') !== 'Experiment') return null;
  return { confidence: 0.99, reason: `Katib Experiment (${api})` };
}

const num = finiteNumber;

/** Grid points of one parameter: int → range(min, max+1, step); double → min..max by step, max included; lists → their length. */
function gridPoints(type: unknown, min?: number, max?: number, step?: number, list?: unknown[]): number | null {
  if (list) return list.length;
  if (min === undefined || max === undefined) return null;
  if (type === 'int') return Math.max(0, Math.floor((max - min) / (step ?? 1) + 1e-9) + 1);
  if (type === 'double' && step !== undefined && step > 0) return Math.max(0, Math.floor((max - min) / step + 1e-9) + 1);
  return null;
}

function parameterEntries(input: DialectInput, spec: ReturnType<typeof rootMap>): SweepEntry[] {
  if (!spec) return [];
  const parameters = resolveNode(input.document, entriesOf(input.document, spec).get('parameters')?.valueNode);
  if (!isSeq(parameters)) return [];
  const entries: SweepEntry[] = [];
  for (const raw of parameters.items) {
    const item = resolveNode(input.document, raw);
    if (!isMap(item)) continue;
    const fields = entriesOf(input.document, item);
    const name = fields.get('name');
    const space = fields.get('feasibleSpace');
    const spaceNode = resolveNode(input.document, space?.valueNode);
    if (!name || typeof name.value !== 'string' || !space || !isMap(spaceNode)) continue;
    const type = fields.get('parameterType')?.value;
    const s = entriesOf(input.document, spaceNode);
    const listValue = s.get('list')?.value;
    const list = Array.isArray(listValue) ? (listValue as unknown[]) : undefined;
    const min = num(s.get('min')?.value);
    const max = num(s.get('max')?.value);
    const step = num(s.get('step')?.value);
    const distributionValue = s.get('distribution')?.value;
    const distribution = typeof distributionValue === 'string' ? distributionValue : undefined;
    const points = gridPoints(type, min, max, step, list);
    const kind: SweepEntry['kind'] = list ? 'choice' : step !== undefined || type === 'int' ? 'range' : 'distribution';
    entries.push({
      name: name.value,
      kind,
      ...(list ? { values: list.map((v) => (typeof v === 'string' ? (toNumber(v) as unknown) : v)) } : {}),
      ...(min !== undefined ? { min } : {}),
      ...(max !== undefined ? { max } : {}),
      ...(step !== undefined ? { step } : type === 'int' ? { step: 1 } : {}),
      ...(distribution ? { distribution } : {}),
      gridPoints: points,
      syntax: 'katib',
      span: spanOf(item),
      keySpan: name.valueSpan,
      valueSpan: space.valueSpan,
    });
  }
  return entries;
}

function extract(input: DialectInput): Extraction {
  const root = rootMap(input.document);
  const specEntry = root ? entriesOf(input.document, root).get('spec') : undefined;
  const specNode = resolveNode(input.document, specEntry?.valueNode);
  const spec = isMap(specNode) ? specNode : null;
  if (!spec || !specEntry) return { findings: [] };
  const fields = entriesOf(input.document, spec);
  const tree = new ConfigTree(input.document, { interpolate: false });
  const algorithm = tree.get('spec.algorithm.algorithmName');
  const method = typeof algorithm === 'string' ? algorithm : 'unknown';
  const entries = parameterEntries(input, spec);
  const capEntry = fields.get('maxTrialCount');
  const capValue = num(capEntry?.value);
  const cap =
    capEntry && capValue !== undefined && Number.isInteger(capValue) && capValue >= 0
      ? { value: capValue, text: `maxTrialCount: ${capValue}`, span: capEntry.valueSpan }
      : null;
  const isGrid = method === 'grid';
  const grid = isGrid ? gridSizeOf(entries) : null;
  const assumptions: string[] = [];
  if (!cap) assumptions.push('No `maxTrialCount`: the experiment runs until its goal is reached or the search space is exhausted.');
  if (tree.has('spec.maxFailedTrialCount')) assumptions.push('Failed trials (up to `maxFailedTrialCount`) run on top of the budget.');
  const optimizerName = commandLineOptimizer(tree.get('spec.trialTemplate'));
  const sweep: SweepDraft = {
    dialect: 'katib',
    documentIndex: input.documentIndex,
    method,
    isGrid,
    budget: budgetOf(cap, grid, gridText(entries)),
    entries,
    anchor: capEntry?.keySpan ?? specEntry.keySpan,
    assumptions,
    ...(optimizerName ? { optimizerName } : {}),
  };
  return { findings: [], sweep: buildSweep(sweep) };
}

export const katibDialect: Dialect = {
  id: 'katib',
  name: 'Katib experiment',
  recognize,
  extract,
  decayEdits: () => [],
};
