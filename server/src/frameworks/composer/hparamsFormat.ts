/**
 * Composer's older hparams YAML (the yahp era, Composer <= 0.11; mosaicml/examples blogs/resnet/recipes and
 * Composer's own composer/yamls/): each registry-built object is a one-key mapping from its registry name to its
 * arguments, `optimizer: {decoupled_sgdw: {lr: ...}}` (`optimizers:` from v0.8), `schedulers:` a mapping or a list of
 * one-key mappings, `max_duration`, and `scale_schedule_ratio`.
 *
 * Read from mosaicml/composer:
 * - composer/trainer/trainer_hparams.py at v0.7.0 (0193c44c8c126527e4b59b25a53ab1fad50b5c26): field `optimizer`;
 *   at v0.11.0 (f5f95713b615ff2c3a23ef7a047117d339a98858): field `optimizers`; both with `schedulers`,
 *   `scale_schedule_ratio`, `max_duration`.
 * - composer/optim/optimizer_hparams_registry.py and scheduler_hparams_registry.py at v0.11.0: the registry names.
 * - composer/trainer/trainer.py at v0.11.0, `_scale_max_duration_by_ssr`: `max_duration * scale_schedule_ratio` is
 *   `Time(type(value)(value * ratio), unit)` (composer/core/time.py `__mul__`), so `90ep` × 0.36 is `32ep` (truncated);
 *   the schedulers are compiled with the ratio, and a ratio other than 1 without schedulers is a ValueError.
 * - composer/optim/scheduler.py at v0.11.0, `_convert_time`: `dur` times are fractions of the scaled max_duration;
 *   `ep`/`ba` times passed with `ssr` are multiplied by it and truncated (t_max, step_size, milestones, t_0,
 *   decay_period); every `t_warmup` is converted without it, so warmup is not scaled.
 * - Several schedulers become one torch LambdaLR each on the same optimizer, stepped in order; each step writes
 *   `base_lr * lambda(t)` into the optimizer, so the last one in the list sets the LR.
 */
import { isMap, isScalar, isSeq, type Document } from 'yaml';
import { entriesOf, resolveNode, rootMap } from '../../parse/yamlAccess';
import type { DialectInput } from '../../dialects/dialect';

/** composer/optim/optimizer_hparams_registry.py `optimizer_registry` (v0.11.0). */
export const HPARAMS_OPTIMIZERS = ['adam', 'adamw', 'decoupled_adamw', 'radam', 'sgd', 'decoupled_sgdw', 'rmsprop', 'lamb'];

/** composer/optim/scheduler_hparams_registry.py `scheduler_registry` (v0.11.0). */
export const HPARAMS_SCHEDULERS = [
  'step',
  'multistep',
  'exponential',
  'linear_decay',
  'cosine_decay',
  'cosine_warmrestart',
  'constant',
  'polynomial',
  'polynomial_with_warmup',
  'multistep_with_warmup',
  'constant_with_warmup',
  'linear_decay_with_warmup',
  'cosine_decay_with_warmup',
];

export interface HparamsScheduler {
  name: string;
  /** Key path of its arguments in the file when `schedulers` is a mapping (findings and sources point there). */
  path?: string;
  /** Its index in the file's `schedulers:` list (items being typed, not schedulers yet, are skipped). */
  index?: number;
}

export interface HparamsView {
  /** `optimizer` (Composer <= 0.7) or `optimizers` (0.8 to 0.11). */
  optimizerKey: 'optimizer' | 'optimizers';
  optimizerName: string;
  /** In the order Composer steps them; empty when there is no `schedulers` key. */
  schedulers: HparamsScheduler[];
  /** What marks the format, for the recognition's reason. */
  marks: string[];
}

function oneKeyName(document: Document, node: unknown): string | undefined {
  const map = resolveNode(document, node);
  if (!isMap(map)) return undefined;
  const entries = [...entriesOf(document, map).keys()];
  return entries.length === 1 ? entries[0] : undefined;
}

function schedulersOf(document: Document, node: unknown): HparamsScheduler[] | undefined {
  const value = resolveNode(document, node);
  if (value === null || (isScalar(value) && value.value === null)) return [];
  if (isMap(value)) return [...entriesOf(document, value).keys()].map((name) => ({ name, path: `schedulers.${name}` }));
  if (!isSeq(value)) return undefined;
  // A list item being typed (`- ` or `- cos`) is not a scheduler yet: the others still are.
  const written = value.items.flatMap((item, index) => {
    const node = resolveNode(document, item);
    return node === null || isScalar(node) ? [] : [{ name: oneKeyName(document, node), index }];
  });
  const named = written.flatMap(({ name, index }) => (name === undefined ? [] : [{ name, index }]));
  return named.length === written.length ? named : undefined;
}

/** The file read as Composer hparams YAML, or undefined when it is not one. */
export function hparamsView(input: DialectInput): HparamsView | undefined {
  const document = input.document;
  const root = rootMap(document);
  if (!root) return undefined;
  const entries = entriesOf(document, root);
  const optimizerKey = entries.has('optimizers') ? 'optimizers' : 'optimizer';
  const optimizerEntry = entries.get(optimizerKey);
  const optimizerName = optimizerEntry && oneKeyName(document, optimizerEntry.valueNode);
  if (!optimizerName || !HPARAMS_OPTIMIZERS.includes(optimizerName) || !entries.has('max_duration')) return undefined;
  const schedulersEntry = entries.get('schedulers');
  const schedulers = schedulersEntry ? schedulersOf(document, schedulersEntry.valueNode) : [];
  if (!schedulers) return undefined;
  const known = schedulers.length > 0 && schedulers.every((s) => HPARAMS_SCHEDULERS.includes(s.name));
  const marks = [
    known && 'schedulers',
    entries.has('scale_schedule_ratio') && 'scale_schedule_ratio',
    entries.has('algorithms') && 'algorithms',
    entries.has('train_dataset') && 'train_dataset',
    entries.has('train_batch_size') && 'train_batch_size',
    entries.has('model') && oneKeyName(document, entries.get('model')?.valueNode) !== undefined && 'model',
  ].filter((m): m is string => typeof m === 'string');
  if (marks.length === 0) return undefined;
  return { optimizerKey, optimizerName, schedulers, marks: [`${optimizerKey}.${optimizerName}`, ...marks] };
}
