/**
 * levanter learning-rate schedule (`optimizer:` block; optax underneath).
 * Source: stanford-crfm/levanter src/levanter/optim/config.py (`OptimizerConfig.lr_scheduler`, `_get_cycle_minima`,
 * `_convert_frac_or_steps`, `_inv_sqrt_decay_schedule`, `_inv_decay_schedule`, the `LrSchedule` classes) and
 * src/levanter/trainer.py (`num_train_steps`) @9263f81e8b453241332c2c0b2d2001bfb2d2241c; optax pieces in ./optax.ts.
 *
 * Contract with the dialect:
 * - `name`: `lr_schedule` (`cosine` default; `constant`, `cosine`, `linear`, `inv_sqrt`, `inv`, `power` in object form).
 * - `params`: `min_lr_ratio` (0.1), `warmup` (0.01), `decay` (none: the rest of the cycle), `rewarmup` (0.0),
 *   `cooldown` (none), `cycle_length`, `cycles`, `haps`; the object form's fields under `lr_schedule` (`exponent`
 *   1.0 for cosine, `timescale` 10000 for inv_sqrt, `a`/`b`/`batch_size`/`seq_length` for power).
 * - `baseLr`: `learning_rate` (6e-4). `totalSteps`: `trainer.num_train_steps` (400_000).
 *
 * Fraction-or-steps: v <= 1.0 is int(v * n) (so `warmup: 1` is the whole cycle), a whole v > 1 is int(v) steps,
 * anything else is an error (null here). Pieces per cycle: warmup lin(previous end -> lr, w), a stable lr when
 * the stable length is not 0, then the decay; glued with join_schedules (update k uses the count k; each piece
 * restarts its count at its boundary). Values are float64; optax computes in float32 (about 1e-7 relative).
 */
import { closedFormSchedule, marker, type ScheduleInput } from '../../schedules/closedFormSchedule';
import type { Schedule, ScheduleMarker } from '../../schedules/schedule';
import { numberListParam, numberParam, objectParam } from '../../schedules/scheduleParams';
import { constantPiece, cosinePiece, joinPieces, linearPiece, type Piece } from './optax';

export const LEVANTER_SCHEDULES = ['constant', 'cosine', 'linear', 'inv_sqrt', 'inv', 'power'] as const;

/** `_convert_frac_or_steps`, or undefined where levanter raises. */
export function levanterFracOrSteps(value: number, n: number): number | undefined {
  if (value < 0 || (value > 1 && value % 1 !== 0)) return undefined;
  if (value <= 1.0) return Math.trunc(value * n);
  return Math.trunc(value);
}

/** `_get_cycle_minima`: the cycle boundaries 0 = p0 < ... < pn = total, or undefined where levanter raises. */
function cycleBoundaries(params: Readonly<Record<string, unknown>>, total: number): number[] | undefined {
  const cycleLength = params['cycle_length'];
  const cycles = params['cycles'];
  const haps = numberListParam(params, 'haps');
  let points: number[];
  if (cycleLength !== undefined && cycleLength !== null) {
    if (cycles !== undefined && cycles !== null) return undefined;
    if (haps !== undefined) return undefined;
    const lengths = numberListParam(params, 'cycle_length');
    if (lengths === undefined) return undefined;
    if (Array.isArray(cycleLength)) {
      points = [];
      let sum = 0;
      for (const length of lengths) points.push((sum += length));
      if (sum > total) return undefined;
    } else {
      const length = levanterFracOrSteps(lengths[0] ?? NaN, total);
      if (length === undefined || length <= 0) return undefined;
      points = [];
      for (let i = 1; i < Math.floor(total / length); i++) points.push(i * length);
    }
  } else if (haps !== undefined) {
    points = [...haps];
  } else if (typeof cycles === 'number') {
    if (!Number.isInteger(cycles) || cycles < 1) return undefined;
    points = [];
    for (let i = 0; i < cycles - 1; i++) points.push(Math.trunc((total / cycles) * (i + 1)));
  } else if (Array.isArray(cycles)) {
    const list = numberListParam(params, 'cycles');
    if (list === undefined) return undefined;
    points = [...list];
  } else {
    points = [];
  }
  points.unshift(0);
  if (points[points.length - 1] !== total) points.push(total);
  return points;
}

export function levanterSchedule(input: ScheduleInput): Schedule | null {
  const kind = input.name;
  if (!LEVANTER_SCHEDULES.some((s) => s === kind)) return null;
  const p = input.params;
  const options = objectParam(p['lr_schedule']) ?? {};
  const eta = input.baseLr;
  const T = input.totalSteps;
  const ratio = numberParam(p, 'min_lr_ratio') ?? 0.1;
  const minLr = eta * ratio;
  const cooldownValue = numberParam(p, 'cooldown');
  const cooldownSteps = cooldownValue !== undefined ? levanterFracOrSteps(cooldownValue, T) : 0;
  if (cooldownSteps === undefined) return null;
  const mainSteps = T - cooldownSteps;
  const points = cycleBoundaries(p, mainSteps);
  if (points === undefined) return null;
  const warmupValue = numberParam(p, 'warmup') ?? 0.01;
  const rewarmupValue = numberParam(p, 'rewarmup') ?? 0.0;
  const decayValue = numberParam(p, 'decay');

  const pieces: Piece[] = [];
  const boundaries: number[] = [];
  const markers: ScheduleMarker[] = [];
  const breakpoints: number[] = [];
  let previousEnd = 0.0;
  let last: Piece | undefined;
  let lastDecaySteps = 0;
  for (let cycle = 0; cycle + 1 < points.length; cycle++) {
    const start = points[cycle] ?? 0;
    const end = points[cycle + 1] ?? 0;
    const cycleSteps = end - start;
    const warmupSteps = levanterFracOrSteps(cycle === 0 ? warmupValue : rewarmupValue, cycleSteps);
    if (warmupSteps === undefined) return null;
    if (warmupSteps !== 0) {
      pieces.push(linearPiece(previousEnd, eta, warmupSteps));
      boundaries.push(start + warmupSteps);
      markers.push(marker(start + warmupSteps, 'warmup-end', cycle === 0 ? 'warmup ends' : `rewarmup ${cycle + 1} ends`));
    }
    const decaySteps = decayValue !== undefined ? levanterFracOrSteps(decayValue, cycleSteps) : cycleSteps - warmupSteps;
    if (decaySteps === undefined) return null;
    const stableSteps = cycleSteps - warmupSteps - decaySteps;
    if (stableSteps !== 0) {
      pieces.push(constantPiece(eta));
      boundaries.push(start + warmupSteps + stableSteps);
      if (stableSteps > 0) markers.push(marker(start + warmupSteps + stableSteps, 'decay-start', 'decay starts'));
    }
    const decay = decayPiece(kind, options, eta, minLr, ratio, warmupSteps, decaySteps);
    if (decay === null) return null;
    previousEnd = decay(decaySteps);
    pieces.push(decay);
    boundaries.push(end);
    if (cycle > 0) markers.push(marker(start, 'restart', `cycle ${cycle + 1}`));
    breakpoints.push(
      start - 1,
      start,
      start + warmupSteps,
      start + warmupSteps + stableSteps,
      start + warmupSteps + stableSteps + decaySteps,
      end,
    );
    last = decay;
    lastDecaySteps = decaySteps;
  }
  if (cooldownSteps !== 0 && last !== undefined) {
    pieces.push(linearPiece(last(lastDecaySteps), minLr, cooldownSteps));
    markers.push(marker(mainSteps, 'phase-end', 'cooldown starts'));
    breakpoints.push(mainSteps, T);
  }
  const lr = pieces.length > 1 ? joinPieces(pieces, boundaries) : pieces[0];
  if (lr === undefined) return null;
  markers.sort((a, b) => a.step - b.step);
  return closedFormSchedule({ family: kind, totalSteps: T, lrAt: lr, breakpoints, markers });
}

function decayPiece(
  kind: string,
  options: Readonly<Record<string, unknown>>,
  eta: number,
  minLr: number,
  ratio: number,
  warmupSteps: number,
  d: number,
): Piece | null {
  switch (kind) {
    case 'constant':
      return constantPiece(eta);
    case 'cosine':
      return cosinePiece(eta, d, ratio, numberParam(options, 'exponent') ?? 1.0);
    case 'linear':
      return linearPiece(eta, minLr, d);
    case 'inv_sqrt': {
      const timescale = numberParam(options, 'timescale') ?? 10000;
      return (count) => Math.max(eta * Math.min(1.0, 1.0 / Math.sqrt(Math.max(count + warmupSteps, 1) / timescale)), minLr);
    }
    case 'inv':
      // lr / min_lr with min_lr_ratio 0 is a ZeroDivisionError in Python: nothing runs.
      if (minLr === 0) return null;
      return (count) => Math.max(eta * Math.min(1.0, 1.0 / (((eta / minLr - 1) * Math.max(count, 1)) / d + 1)), minLr);
    case 'power': {
      const a = numberParam(options, 'a') ?? 4.6;
      const b = numberParam(options, 'b') ?? -0.51;
      const batchSize = numberParam(options, 'batch_size');
      const seqLength = numberParam(options, 'seq_length');
      if (batchSize === undefined || seqLength === undefined) return null;
      return (count) => Math.min(eta, batchSize * a * (count * batchSize * seqLength) ** b);
    }
    default:
      return null;
  }
}
