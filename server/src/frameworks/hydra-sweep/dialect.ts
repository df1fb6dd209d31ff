/**
 * Hydra sweeper configs (the Optuna sweeper and friends): `defaults: [override /hydra/sweeper: optuna]`,
 * `hydra.sweeper._target_: hydra_plugins...`, `hydra.sweeper.{n_trials, params|search_space}`. Never read as a
 * training config; the sweeper section yields a sweep plan. The same reader serves sweeps embedded in a Hydra
 * training config (`hydra.sweeper.params` beside the training keys, basic sweeper).
 */
import { isMap, type YAMLMap } from 'yaml';
import type { Dialect, DialectInput, Extraction, Recognition } from '../../dialects/dialect';
import { ConfigTree } from '../../dialects/configTree';
import { readOverride, rangeValues } from '../../dialects/hydraOverrides';
import { finiteNumber } from '../torch/torchParams';
import { entriesOf, resolveNode, rootMap, type MapEntry } from '../../parse/yamlAccess';
import { buildSweep } from '../../plan/buildSweep';
import { budgetOf, gridSizeOf, gridText, type SweepEntry, type SweepPlan } from '../../plan/sweepPlan';

function sweeperOverride(tree: ConfigTree): string | undefined {
  const defaults = tree.get('defaults');
  if (!Array.isArray(defaults)) return undefined;
  for (const item of defaults) {
    if (!item || typeof item !== 'object') continue;
    for (const [key, value] of Object.entries(item)) {
      if (/(^|\s|\/)hydra\/sweeper$/.test(key.trim())) return String(value);
    }
  }
  return undefined;
}

/** The sampler a `defaults` list picks (`override hydra/sweeper/sampler: grid`). */
function samplerOverride(tree: ConfigTree): string | undefined {
  const defaults = tree.get('defaults');
  if (!Array.isArray(defaults)) return undefined;
  for (const item of defaults) {
    if (!item || typeof item !== 'object') continue;
    for (const [key, value] of Object.entries(item)) {
      if (/(^|\s|\/)hydra\/sweeper\/sampler$/.test(key.trim())) return String(value);
    }
  }
  return undefined;
}

function recognize(input: DialectInput): Recognition | null {
  const tree = new ConfigTree(input.document, { interpolate: false });
  const override = sweeperOverride(tree);
  const target = tree.get('hydra.sweeper._target_');
  const sweeperKeys = ['n_trials', 'params', 'search_space', 'sampler', 'direction', 'max_batch_size'].filter((k) =>
    tree.has(`hydra.sweeper.${k}`),
  );
  if (tree.get('hydra.mode') === 'MULTIRUN') sweeperKeys.push('mode MULTIRUN');
  if (override === undefined && typeof target !== 'string' && sweeperKeys.length < 2) return null;
  const reason =
    override !== undefined
      ? `Hydra sweeper override: ${override}`
      : typeof target === 'string'
        ? `hydra.sweeper._target_: ${target}`
        : `hydra.sweeper keys: ${sweeperKeys.join(', ')}`;
  return { confidence: override !== undefined || typeof target === 'string' ? 0.97 : 0.8, reason };
}

/** A mapping under the root by plain keys, as a YAML node with its entries. */
function mapAt(input: DialectInput, keys: string[]): { map: YAMLMap; entry?: MapEntry } | null {
  let map = rootMap(input.document);
  let entry: MapEntry | undefined;
  for (const key of keys) {
    if (!map) return null;
    entry = entriesOf(input.document, map).get(key);
    const next = entry ? resolveNode(input.document, entry.valueNode) : null;
    map = isMap(next) ? next : null;
  }
  return map ? { map, ...(entry ? { entry } : {}) } : null;
}

const num = finiteNumber;

type Sweeper = 'basic' | 'optuna' | 'nevergrad' | 'ax' | 'other';

function sweeperKind(tree: ConfigTree): Sweeper {
  const named = `${sweeperOverride(tree) ?? ''} ${String(tree.get('hydra.sweeper._target_') ?? '')}`.toLowerCase();
  if (named.includes('optuna') || tree.has('hydra.sweeper.n_trials') || tree.has('hydra.sweeper.search_space')) return 'optuna';
  if (named.includes('nevergrad')) return 'nevergrad';
  if (named.includes('ax')) return 'ax';
  if (named.trim() === '' || named.includes('basic')) return 'basic';
  return 'other';
}

/** `hydra.sweeper.params.<name>: <override>` entries. */
function paramsEntries(input: DialectInput, map: YAMLMap, optunaGrid: boolean): SweepEntry[] {
  const entries: SweepEntry[] = [];
  for (const entry of entriesOf(input.document, map).values()) {
    const read = readOverride(entry.value);
    const spans = {
      syntax: 'hydra-override' as const,
      span: { start: entry.keySpan.start, end: entry.valueSpan.end },
      keySpan: entry.keySpan,
      valueSpan: entry.valueSpan,
    };
    let gridPoints: number | null = null;
    let values = read.values;
    if (read.kind === 'fixed') gridPoints = 1;
    else if (read.kind === 'choice') gridPoints = values ? values.length : null;
    else if (read.kind === 'range' && read.min !== undefined && read.max !== undefined && read.step !== undefined) {
      const listed = rangeValues(read.min, read.max, read.step);
      // Optuna's grid sampler lists floor((high - low) / step) points; Hydra's basic range stops before `stop`.
      const count =
        optunaGrid && read.step > 0 ? Math.max(0, Math.floor((read.max - read.min) / read.step + 1e-9)) : (listed?.length ?? null);
      gridPoints = count;
      if (listed && listed.length === count) values = listed;
    }
    entries.push({ name: entry.key, kind: read.kind, ...(values ? { values } : {}), ...pick(read), gridPoints, ...spans });
  }
  return entries;
}

function pick(read: { min?: number; max?: number; step?: number; distribution?: string }) {
  return {
    ...(read.min !== undefined ? { min: read.min } : {}),
    ...(read.max !== undefined ? { max: read.max } : {}),
    ...(read.step !== undefined ? { step: read.step } : {}),
    ...(read.distribution !== undefined ? { distribution: read.distribution } : {}),
  };
}

/** The Optuna sweeper's legacy `search_space: {name: {type, low, high, step, log, choices}}`. */
function searchSpaceEntries(input: DialectInput, map: YAMLMap): SweepEntry[] {
  const entries: SweepEntry[] = [];
  for (const entry of entriesOf(input.document, map).values()) {
    const spec = entry.value;
    if (!spec || typeof spec !== 'object' || Array.isArray(spec)) continue;
    const s = spec as Record<string, unknown>;
    const spans = {
      syntax: 'optuna-legacy' as const,
      span: { start: entry.keySpan.start, end: entry.valueSpan.end },
      keySpan: entry.keySpan,
      valueSpan: entry.valueSpan,
    };
    if (s.type === 'categorical' && Array.isArray(s.choices)) {
      entries.push({ name: entry.key, kind: 'choice', values: s.choices, gridPoints: s.choices.length, ...spans });
      continue;
    }
    const min = num(s.low);
    const max = num(s.high);
    const step = num(s.step);
    const bounds = { ...(min !== undefined ? { min } : {}), ...(max !== undefined ? { max } : {}) };
    const log = s.log === true ? { distribution: 'log' } : {};
    if (s.type === 'int' || step !== undefined) {
      const by = step ?? 1;
      // Both ends included (Optuna's IntDistribution and stepped FloatDistribution).
      const gridPoints = min !== undefined && max !== undefined && by > 0 ? Math.max(0, Math.floor((max - min) / by + 1e-9) + 1) : null;
      entries.push({ name: entry.key, kind: 'range', ...bounds, step: by, ...log, gridPoints, ...spans });
    } else {
      entries.push({ name: entry.key, kind: 'distribution', ...bounds, ...log, gridPoints: null, ...spans });
    }
  }
  return entries;
}

/** The sweep a Hydra config declares under `hydra.sweeper`, or undefined when it declares none. */
export function readHydraSweep(input: DialectInput, dialectId: string): SweepPlan | undefined {
  const sweeperAt = mapAt(input, ['hydra', 'sweeper']);
  if (!sweeperAt) return undefined;
  const tree = new ConfigTree(input.document, { interpolate: false });
  const kind = sweeperKind(tree);
  const fields = entriesOf(input.document, sweeperAt.map);
  const assumptions: string[] = [];
  const samplerTarget = String(tree.get('hydra.sweeper.sampler._target_') ?? '');
  const sampler = (
    samplerOverride(tree) ??
    (samplerTarget
      .split('.')
      .pop()
      ?.replace(/Sampler$/, '')
      .toLowerCase() ||
      'tpe')
  ).toLowerCase();
  const optunaGrid = kind === 'optuna' && sampler === 'grid';
  const params = mapAt(input, ['hydra', 'sweeper', 'params']);
  const space = mapAt(input, ['hydra', 'sweeper', 'search_space']);
  const entries = [...(params ? paramsEntries(input, params.map, optunaGrid) : []), ...(space ? searchSpaceEntries(input, space.map) : [])];
  if (!params && !space && kind === 'basic') return undefined;
  if (tree.has('hydra.sweeper.custom_search_space'))
    assumptions.push('Part of the search space is defined in Python (`custom_search_space`).');

  let cap: { value: number; text: string; span?: { start: number; end: number } } | null = null;
  let method: string = kind;
  let isGrid = false;
  if (kind === 'basic') {
    method = 'basic (grid)';
    isGrid = true;
    if (entries.some((e) => e.kind === 'distribution'))
      assumptions.push('The basic sweeper cannot sample `interval()`: only Optuna-style sweepers can.');
    assumptions.push('Command-line `--multirun` overrides can add to the sweep.');
  } else if (kind === 'optuna') {
    method = `optuna ${sampler}`;
    isGrid = optunaGrid;
    const trials = fields.get('n_trials');
    const value = num(trials?.value);
    if (trials && value !== undefined && Number.isInteger(value) && value >= 0)
      cap = { value, text: `n_trials: ${value}`, span: trials.valueSpan };
    else if (!trials) {
      cap = { value: 20, text: 'n_trials: 20 (the Optuna sweeper default)' };
      assumptions.push('No `n_trials`: the Optuna sweeper runs its default of 20 trials.');
    }
  } else if (kind === 'nevergrad') {
    method = 'nevergrad';
    const optim = mapAt(input, ['hydra', 'sweeper', 'optim']);
    const budget = optim ? entriesOf(input.document, optim.map).get('budget') : undefined;
    const value = num(budget?.value);
    if (budget && value !== undefined && Number.isInteger(value)) cap = { value, text: `optim.budget: ${value}`, span: budget.valueSpan };
  } else if (kind === 'ax') {
    method = 'ax';
    const axConfig = mapAt(input, ['hydra', 'sweeper', 'ax_config']);
    const max = axConfig ? entriesOf(input.document, axConfig.map).get('max_trials') : undefined;
    const value = num(max?.value);
    if (max && value !== undefined && Number.isInteger(value)) cap = { value, text: `ax_config.max_trials: ${value}`, span: max.valueSpan };
  }
  const grid = isGrid ? gridSizeOf(entries) : null;
  return buildSweep({
    dialect: dialectId,
    documentIndex: input.documentIndex,
    method,
    isGrid,
    budget: budgetOf(cap, grid, gridText(entries)),
    entries,
    anchor: sweeperAt.entry?.keySpan ?? { start: 0, end: 0 },
    assumptions,
  });
}

/**
 * A sweep embedded in a training config (`hydra.sweeper.params` beside the training keys): read like a sweep
 * file, with the optimizer the training plan names, since the sweep does not repeat it.
 */
export function embeddedHydraSweep(input: DialectInput, dialectId: string, optimizerName: string | undefined): SweepPlan | undefined {
  const sweep = readHydraSweep(input, dialectId);
  if (!sweep || sweep.entries.length === 0) return undefined;
  return optimizerName ? buildSweep({ ...sweep, optimizerName }) : sweep;
}

export const hydraSweepDialect: Dialect = {
  id: 'hydra-sweep',
  name: 'Hydra sweep',
  recognize,
  fileNameHints: [/hparams_search\//],
  extract: (input): Extraction => {
    const sweep = readHydraSweep(input, 'hydra-sweep');
    return sweep ? { findings: [], sweep } : { findings: [] };
  },
  decayEdits: () => [],
};
