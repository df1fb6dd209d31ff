/**
 * Weights & Biases sweep configs: `method: grid|random|bayes`, `metric`, `parameters` (and `program`,
 * `command`, `early_terminate`, `run_cap`; launch sweeps use `job` and `scheduler`). A sweep is never read as a
 * training config; it yields a sweep plan: its search space (nested `parameters` flattened to dotted names) and
 * its trial budget (`run_cap`, and for `grid` the exact number of combinations).
 */
import { isMap, type Document, type YAMLMap } from 'yaml';
import type { Dialect, DialectInput, Extraction, Recognition } from '../../dialects/dialect';
import { ConfigTree } from '../../dialects/configTree';
import { finiteNumber } from '../torch/torchParams';
import { commandLineOptimizer } from '../../dialects/commandLineOptimizer';
import { entriesOf, resolveNode, rootMap, type MapEntry } from '../../parse/yamlAccess';
import { buildSweep } from '../../plan/buildSweep';
import { budgetOf, gridSizeOf, gridText, type SweepEntry, type SweepDraft } from '../../plan/sweepPlan';

const METHODS = ['grid', 'random', 'bayes'];
const EXTRAS = ['metric', 'program', 'command', 'early_terminate', 'run_cap', 'job', 'description', 'name', 'project', 'entity'];

function recognize(input: DialectInput): Recognition | null {
  const tree = new ConfigTree(input.document, { interpolate: false });
  const method = tree.get('method');
  const parameters = tree.get('parameters');
  const hasParameters = parameters !== null && typeof parameters === 'object' && !Array.isArray(parameters);
  const extras = EXTRAS.filter((k) => tree.has(k));
  const launch = tree.has('job') && tree.has('scheduler') && tree.has('metric');
  if (!(typeof method === 'string' && METHODS.includes(method) && (hasParameters || extras.length > 0)) && !launch) return null;
  return {
    confidence: Math.min(0.98, 0.75 + 0.05 * extras.length + (hasParameters ? 0.1 : 0)),
    reason: `W&B sweep: ${typeof method === 'string' ? `method ${method}` : 'launch sweep'}${hasParameters ? ' with parameters' : ''}`,
  };
}

const num = finiteNumber;

/** One W&B parameter mapping (`{values: [..]}`, `{min, max, distribution}`, `{value}`) as a sweep entry. */
function wandbEntry(
  name: string,
  entry: MapEntry,
  spec: Record<string, unknown>,
  written: (key: string) => string | undefined,
): SweepEntry {
  const spans = {
    syntax: 'wandb' as const,
    span: { start: entry.keySpan.start, end: entry.valueSpan.end },
    keySpan: entry.keySpan,
    valueSpan: entry.valueSpan,
  };
  const distribution = typeof spec.distribution === 'string' ? spec.distribution : undefined;
  if ('value' in spec || distribution === 'constant') {
    return { name, kind: 'fixed', values: [spec.value], distribution, gridPoints: 1, ...spans };
  }
  // A scalar `values: 10` is one value for every trial, not a search.
  if ('values' in spec && !Array.isArray(spec.values) && (spec.values === null || typeof spec.values !== 'object')) {
    return { name, kind: 'fixed', values: [spec.values], distribution, gridPoints: 1, ...spans };
  }
  if (Array.isArray(spec.values)) {
    // Weighted categorical choices cannot be gridded (W&B rejects them in a grid).
    const gridPoints = spec.probabilities === undefined ? spec.values.length : null;
    return { name, kind: 'choice', values: spec.values, distribution, gridPoints, ...spans };
  }
  const min = num(spec.min);
  const max = num(spec.max);
  const bounds = { ...(min !== undefined ? { min } : {}), ...(max !== undefined ? { max } : {}) };
  // W&B infers int_uniform when both bounds are integers as written (`1`, not `1.0` or `1e-5`).
  const intWritten = (key: string) => /^[-+]?\d+$/.test(written(key) ?? '');
  const inferred = distribution ?? (intWritten('min') && intWritten('max') ? 'int_uniform' : 'uniform');
  if (inferred === 'int_uniform' && min !== undefined && max !== undefined) {
    return {
      name,
      kind: 'range',
      ...bounds,
      step: 1,
      distribution: inferred,
      gridPoints: Math.max(0, Math.floor(max) - Math.ceil(min) + 1),
      ...spans,
    };
  }
  if (inferred === 'q_uniform' && min !== undefined && max !== undefined) {
    const q = num(spec.q) ?? 1;
    // np.arange(min, max, q): max excluded.
    const gridPoints = q > 0 ? Math.max(0, Math.ceil((max - min) / q - 1e-9)) : null;
    return { name, kind: 'range', ...bounds, step: q, distribution: inferred, gridPoints, ...spans };
  }
  return { name, kind: 'distribution', ...bounds, distribution: inferred, gridPoints: null, ...spans };
}

/** The leaves of a `parameters:` mapping, nested `parameters:` flattened to `outer.inner`. */
function parameterEntries(document: Document, text: string, map: YAMLMap, prefix: string, out: SweepEntry[], depth = 0): void {
  if (depth > 16) return;
  for (const entry of entriesOf(document, map).values()) {
    const name = prefix + entry.key;
    const node = resolveNode(document, entry.valueNode);
    if (!isMap(node)) continue;
    const spec = entry.value;
    if (!spec || typeof spec !== 'object' || Array.isArray(spec)) continue;
    const nested = entriesOf(document, node).get('parameters');
    const nestedNode = nested ? resolveNode(document, nested.valueNode) : null;
    if (nested && isMap(nestedNode)) {
      parameterEntries(document, text, nestedNode, `${name}.`, out, depth + 1);
      continue;
    }
    const fields = entriesOf(document, node);
    const written = (key: string) => {
      const field = fields.get(key);
      return field ? text.slice(field.valueSpan.start, field.valueSpan.end).trim() : undefined;
    };
    out.push(wandbEntry(name, entry, spec as Record<string, unknown>, written));
  }
}

function extract(input: DialectInput): Extraction {
  const root = rootMap(input.document);
  if (!root) return { findings: [] };
  const top = entriesOf(input.document, root);
  const methodEntry = top.get('method');
  const method = typeof methodEntry?.value === 'string' ? methodEntry.value : top.has('scheduler') ? 'launch scheduler' : 'unknown';
  const entries: SweepEntry[] = [];
  const parametersNode = resolveNode(input.document, top.get('parameters')?.valueNode);
  if (isMap(parametersNode)) parameterEntries(input.document, input.parsed.text, parametersNode, '', entries);
  const assumptions: string[] = [];
  const capEntry = top.get('run_cap');
  const capValue = num(capEntry?.value);
  const cap =
    capEntry && capValue !== undefined && Number.isInteger(capValue) && capValue > 0
      ? { value: capValue, text: `run_cap: ${capValue}`, span: capEntry.valueSpan }
      : null;
  const isGrid = method === 'grid';
  const grid = isGrid ? gridSizeOf(entries) : null;
  if (isGrid && grid === null) assumptions.push('The grid has a continuous parameter, which W&B cannot enumerate, so its size is unknown.');
  if (!isGrid && !cap)
    assumptions.push(
      'W&B random and Bayesian sweeps run until stopped: the budget is `run_cap` or `wandb agent --count`, and this file has no `run_cap`.',
    );
  if (top.has('scheduler') && !isMap(parametersNode))
    assumptions.push('The search space is defined by the launch scheduler, not in this file.');
  const optimizerName = commandLineOptimizer(top.get('command')?.value);
  const sweep: SweepDraft = {
    dialect: 'wandb-sweep',
    documentIndex: input.documentIndex,
    method,
    isGrid,
    budget: budgetOf(cap, grid, gridText(entries)),
    entries,
    anchor: methodEntry?.keySpan ?? top.values().next().value?.keySpan ?? { start: 0, end: 0 },
    assumptions,
    ...(optimizerName ? { optimizerName } : {}),
  };
  return { findings: [], sweep: buildSweep(sweep) };
}

export const wandbSweepDialect: Dialect = {
  id: 'wandb-sweep',
  name: 'W&B sweep',
  recognize,
  fileNameHints: [/sweep[^/]*\.ya?ml$/i],
  extract,
  decayEdits: () => [],
};
