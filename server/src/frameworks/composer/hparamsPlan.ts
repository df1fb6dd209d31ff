/**
 * The plan of a Composer hparams YAML file (hparamsFormat.ts): the same plan the newer format gives (optimizer name
 * and arguments, scheduler name and arguments, max_duration), with `scale_schedule_ratio` applied as Composer does
 * (mosaicml/composer composer/trainer/trainer.py `_scale_max_duration_by_ssr` and composer/optim/scheduler.py
 * `_convert_time`, both at v0.11.0, f5f95713b615ff2c3a23ef7a047117d339a98858): max_duration is scaled and truncated in
 * its own unit, `dur` times follow it, the schedulers' own `ep`/`ba` times are scaled, and warmup is not.
 * Optimizer defaults: torch.optim (Adam, AdamW, RMSprop; SGD has no default lr) and
 * composer/optim/decoupled_weight_decay.py at v0.11.0 (DecoupledAdamW lr 1e-3, betas (0.9, 0.95), eps 1e-8,
 * weight_decay 1e-5; DecoupledSGDW lr required).
 */
import type { DialectInput, Extraction } from '../../dialects/dialect';
import { ConfigTree } from '../../dialects/configTree';
import { buildPlan, type PlanDraft } from '../../dialects/planBuilder';
import { coerceParams, NO_SCHEDULER } from '../../dialects/torchDefaults';
import { assumedLength, epochLength, stepLength, type PlanLength } from '../../dialects/trainingLength';
import { reportInvalidValue } from '../../rules/invalidValue';
import { parseComposerTime } from './dialect';
import { composerWarmup } from './warmup';
import type { HparamsView } from './hparamsFormat';

const DEFAULT_LR: Readonly<Record<string, number>> = {
  adam: 1e-3,
  adamw: 1e-3,
  decoupled_adamw: 1e-3,
  radam: 1e-3,
  rmsprop: 1e-2,
  lamb: 1e-3,
};
const DEFAULT_BETAS: Readonly<Record<string, readonly [number, number]>> = { decoupled_adamw: [0.9, 0.95] };

const CONSTANT = ['constant', 'constant_with_warmup'];

function finite(value: unknown): number | undefined {
  const n = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
  return typeof n === 'number' && Number.isFinite(n) ? n : undefined;
}

/** `max_duration * scale_schedule_ratio` as Composer's Time does it: the value times the ratio, truncated, same unit. */
export function scaledDuration(raw: unknown, ratio: number): string | undefined {
  const time = parseComposerTime(raw);
  if (!time) return undefined;
  const value = time.unit === 'dur' ? time.value * ratio : Math.trunc(Math.trunc(time.value) * ratio);
  return `${value}${time.unit}`;
}

export function extractHparams(input: DialectInput, view: HparamsView): Extraction {
  const tree = new ConfigTree(input.document, { interpolate: false });
  const assumptions: string[] = [];
  const optimizerPath = `${view.optimizerKey}.${view.optimizerName}`;
  const optimizerArgs = (key: string): number | undefined => finite(tree.get(`${optimizerPath}.${key}`));

  const ratioEntry = tree.entry('scale_schedule_ratio');
  const ratio = ratioEntry ? finite(tree.get('scale_schedule_ratio')) : 1;
  const last = view.schedulers.at(-1);
  if (ratioEntry && (ratio === undefined || ratio <= 0 || (ratio !== 1 && !last))) {
    const span = { keySpan: ratioEntry.keySpan, valueSpan: ratioEntry.valueSpan };
    const why = ratio === undefined || ratio <= 0 ? 'must be a positive number' : 'without `schedulers` has no effect';
    return { findings: [reportInvalidValue(`\`scale_schedule_ratio\` ${why}: Composer raises a ValueError`, span)] };
  }
  if (ratio === undefined) return { findings: [] };

  // Length: max_duration scaled by the ratio, in its own unit (an integer means epochs).
  const written = tree.get('max_duration');
  const duration = parseComposerTime(ratio === 1 ? written : scaledDuration(written, ratio));
  const basis = ratio === 1 ? `max_duration: ${String(written)}` : `max_duration: ${String(written)} × scale_schedule_ratio ${ratio}`;
  if (ratioEntry && ratio !== 1 && duration?.value === 0) {
    const span = { keySpan: ratioEntry.keySpan, valueSpan: ratioEntry.valueSpan };
    const message = `\`scale_schedule_ratio\` ${ratio} reduces max_duration ${String(written)} to 0: Composer raises a ValueError`;
    return { findings: [reportInvalidValue(message, span)] };
  }
  if (ratio !== 1 && duration) {
    assumptions.push(
      `scale_schedule_ratio ${ratio} scales max_duration ${String(written)} to ${duration.value}${duration.unit} and the schedulers' ` +
        'own times (t_max, milestones, step sizes); warmup (t_warmup) is not scaled',
    );
  }
  let length: PlanLength;
  if (!duration || duration.unit === 'dur') length = assumedLength('`max_duration` is not a time this file pins down', assumptions);
  else if (duration.unit === 'ba') length = stepLength(duration.value, basis);
  else if (duration.unit === 'ep') length = epochLength(input, duration.value, basis, assumptions);
  else length = assumedLength(`\`max_duration: ${String(written)}\` needs the samples or tokens per batch`, assumptions);

  let schedule: PlanDraft['schedule'] = { ...NO_SCHEDULER };
  let warmup: PlanDraft['warmup'] = { steps: 0 };
  if (last) {
    if (view.schedulers.length > 1) {
      const count = view.schedulers.length;
      assumptions.push(`${count} schedulers: Composer steps each in turn and the last (${last.name}) sets the learning rate`);
    }
    const raw = last.path ? tree.get(last.path) : schedulerArgsAt(tree, last.index ?? view.schedulers.length - 1, last.name);
    const params = coerceParams(raw ?? {}, []);
    if (last.path) for (const key of Object.keys(params)) if (key.startsWith('t_')) params[key] = tree.get(`${last.path}.${key}`);
    params.max_duration = duration ? `${duration.value}${duration.unit}` : written;
    params.scale_schedule_ratio = ratio;
    warmup = composerWarmup(parseComposerTime(params.t_warmup), length, input, assumptions);
    const alpha = finite(params.alpha);
    const constant = CONSTANT.includes(last.name) && (alpha === undefined || alpha === 1);
    schedule = { framework: 'composer', name: last.name, params, explicit: true, constantAfterWarmup: constant, validationDriven: false };
  }

  const lr = optimizerArgs('lr') ?? DEFAULT_LR[view.optimizerName];
  const betas = tree.get(`${optimizerPath}.betas`);
  const defaultBetas = DEFAULT_BETAS[view.optimizerName] ?? [0.9, 0.999];
  const [beta1, beta2] = Array.isArray(betas) && betas.length === 2 ? betas.map(finite) : defaultBetas;
  const plan = buildPlan('composer', input, tree, {
    optimizer: {
      name: view.optimizerName,
      beta1,
      beta2,
      epsilon: optimizerArgs('eps') ?? 1e-8,
      weightDecay: optimizerArgs('weight_decay') ?? (view.optimizerName === 'decoupled_adamw' ? 1e-5 : 0),
    },
    baseLr: lr ?? 1,
    ...(lr === undefined ? { peakUnknown: `\`${optimizerPath}.lr\` is not set and ${view.optimizerName} has no default` } : {}),
    schedule,
    warmup,
    length,
    sources: {
      baseLr: `${optimizerPath}.lr`,
      schedule: last?.path,
      warmup: last?.path ? `${last.path}.t_warmup` : undefined,
      length: 'max_duration',
      optimizer: optimizerPath,
    },
    assumptions,
  });
  return { plan, findings: [] };
}

/** The arguments of the scheduler at `index` of a `schedulers:` list of one-key mappings. */
export function schedulerArgsAt(tree: ConfigTree, index: number, name: string): unknown {
  const list = tree.get('schedulers');
  if (!Array.isArray(list)) return undefined;
  const item: unknown = list[index];
  return item && typeof item === 'object' ? (item as Record<string, unknown>)[name] : undefined;
}
