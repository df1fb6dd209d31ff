/**
 * PyTorch `torch.optim.lr_scheduler` classes (plan `schedule.framework: 'pytorch'`), evaluated as PyTorch runs
 * them: the constructor's initial step applies f(0), then one `scheduler.step()` per unit, so the optimizer update
 * (or epoch) with index t uses f(t). Chainable classes are run through their recursive `get_lr` (what plain
 * `step()` executes, multiplying the optimizer's current LR) for runs up to RECURSION_LIMIT steps, and through their
 * closed form beyond (the two agree to ~1e-15 relative when the scheduler is alone).
 * Source: pytorch torch/optim/lr_scheduler.py (torch 1.13 and main).
 *
 * Contract with the dialects (what the plan must carry):
 * - `schedule.name`: the class name (`CosineAnnealingLR`; a dotted `torch.optim.lr_scheduler.X` is accepted too).
 * - `schedule.params`: the constructor's keyword arguments as written (Lightning CLI `init_args`,
 *   Hydra/torchtune `_target_`/`_component_` siblings). Defaults are torch's:
 *
 *   | class                        | params read (default)                                                        |
 *   |------------------------------|------------------------------------------------------------------------------|
 *   | StepLR                       | step_size (required, > 0), gamma (0.1)                                        |
 *   | MultiStepLR                  | milestones (required list; repeats decay gamma**count at once), gamma (0.1)   |
 *   | ConstantLR                   | factor (1/3, in [0,1]), total_iters (5)                                       |
 *   | LinearLR                     | start_factor (1/3, (0,1]), end_factor (1.0, [0,1]), total_iters (5)           |
 *   | ExponentialLR                | gamma (required)                                                             |
 *   | PolynomialLR                 | total_iters (5), power (1.0)                                                  |
 *   | CosineAnnealingLR            | T_max (required, > 0), eta_min (0); NOT clamped past T_max: period 2*T_max    |
 *   | CosineAnnealingWarmRestarts  | T_0 (required int > 0), T_mult (1, int >= 1), eta_min (0)                    |
 *   | OneCycleLR                   | max_lr (required), total_steps or epochs*steps_per_epoch, pct_start (0.3),   |
 *   |                              | anneal_strategy ('cos'), div_factor (25), final_div_factor (1e4), three_phase |
 *   |                              | (false). Ignores baseLr: starts at max_lr/div_factor.                        |
 *   | CyclicLR                     | base_lr, max_lr (required), step_size_up (2000), step_size_down (= up),      |
 *   |                              | mode ('triangular' / 'triangular2' / 'exp_range'), gamma (1.0). Ignores baseLr |
 *   | SequentialLR                 | schedulers: [{name, params}, ...], milestones: [int] (len = schedulers - 1)  |
 *   | ChainedScheduler             | schedulers: [{name, params}, ...]                                            |
 *   | ReduceLROnPlateau            | (validation-driven: drawn flat at baseLr, `validationDriven: true`)          |
 *
 *   A child scheduler may also be written `{class_path, init_args}` (LightningCLI style).
 * - `baseLr`: the optimizer's lr (torch's `initial_lr`). `warmup.steps` is not read (warmup in torch is a
 *   LinearLR/ConstantLR child). `length.steps`: how many times the scheduler is used (T); `length.unit`: what one
 *   scheduler step is (`step` for per-batch stepping, `epoch` for Lightning's default interval).
 * LambdaLR / MultiplicativeLR (Python callables) cannot be drawn: the builder returns null.
 */
import { mergeSteps, periodicBreakpointSteps, stepsAroundBreakpoints } from './criticalSteps';
import { RecursiveCurve } from './recursiveCurve';
import type { Schedule, ScheduleMarker } from './schedule';
import { numberListParam, numberParam, objectParam, stringParam, booleanParam, type Params } from './scheduleParams';

/** Runs up to this many steps are evaluated by PyTorch's recursion (exact sequence); longer ones by closed form. */
export const RECURSION_LIMIT = 1_000_000;
/** At most this many markers of one kind (restarts, step decays) are listed. */
const MAX_MARKERS = 500;

export const PYTORCH_SCHEDULERS = [
  'StepLR',
  'MultiStepLR',
  'ConstantLR',
  'LinearLR',
  'ExponentialLR',
  'PolynomialLR',
  'CosineAnnealingLR',
  'CosineAnnealingWarmRestarts',
  'OneCycleLR',
  'CyclicLR',
  'SequentialLR',
  'ChainedScheduler',
  'ReduceLROnPlateau',
] as const;

/** One torch scheduler class, with the pieces every composition needs. */
interface TorchScheduler {
  /** `_get_closed_form_lr` (or `get_lr` for non-chainable classes) at counter t, from base lr `base`. */
  closed(t: number): number;
  /** `get_lr()` at counter t when the optimizer's current LR is `lr` (t = 0 is the constructor's initial step). */
  chain(lr: number, t: number): number;
  criticalSteps(start: number, end: number, limit: number): number[];
  markers(total: number): ScheduleMarker[];
  /** LR this class writes into the optimizer before its first step (CyclicLR, OneCycleLR), else undefined. */
  overridesInitialLr?: number;
  /** True when `chain` ignores the optimizer's LR and returns `closed(t)`: no recursion to run when alone. */
  stateless?: true;
  /** `chain` run for t = from .. to-1 when the class is alone (values[t] = chain(values[t-1], t)), in one loop. */
  chainInto?(values: Float64Array, from: number, to: number): void;
}

export interface PyTorchScheduleInput {
  name: string;
  params: Params;
  baseLr: number;
  totalSteps: number;
}

export function pytorchClassName(name: string): string {
  return name.split('.').pop() ?? name;
}

export function isPyTorchScheduler(name: string): boolean {
  return (PYTORCH_SCHEDULERS as readonly string[]).includes(pytorchClassName(name));
}

const noCritical = (): number[] => [];
const noMarkers = (): ScheduleMarker[] => [];

function positive(value: number | undefined): value is number {
  return value !== undefined && value > 0;
}

function everyK(
  first: number,
  period: number,
  total: number,
  kind: ScheduleMarker['kind'],
  label: (k: number) => string,
): ScheduleMarker[] {
  const markers: ScheduleMarker[] = [];
  for (let k = 0, s = first; s < total && markers.length < MAX_MARKERS; k++, s = first + k * period) {
    markers.push({ step: s, kind, label: label(k + 1) });
    if (!(period > 0)) break;
  }
  return markers;
}

/** Builds one torch scheduler class from its kwargs, or null when torch would refuse them / we cannot draw them. */
function torchScheduler(rawName: string, params: Params, base: number): TorchScheduler | null {
  const name = pytorchClassName(rawName);
  switch (name) {
    case 'StepLR': {
      const stepSize = numberParam(params, 'step_size');
      const gamma = numberParam(params, 'gamma') ?? 0.1;
      if (!positive(stepSize)) return null;
      return {
        closed: (t) => base * gamma ** Math.floor(t / stepSize),
        chain: (lr, t) => (t === 0 || t % stepSize !== 0 ? lr : lr * gamma),
        criticalSteps: (start, end, limit) => periodicBreakpointSteps(stepSize, stepSize, start, end, limit),
        markers: (total) => everyK(stepSize, stepSize, total, 'milestone', (k) => `× gamma (${k})`),
      };
    }
    case 'MultiStepLR': {
      const milestones = numberListParam(params, 'milestones');
      const gamma = numberParam(params, 'gamma') ?? 0.1;
      if (!milestones) return null;
      const sorted = [...milestones].sort((a, b) => a - b);
      const counts = new Map<number, number>();
      for (const m of sorted) counts.set(m, (counts.get(m) ?? 0) + 1);
      return {
        closed: (t) => base * gamma ** bisectRight(sorted, t),
        chain: (lr, t) => (counts.has(t) ? lr * gamma ** (counts.get(t) as number) : lr),
        criticalSteps: (start, end, limit) => stepsAroundBreakpoints(sorted, start, end, limit),
        markers: (total) =>
          [...counts.keys()].filter((m) => m < total).map((m) => ({ step: m, kind: 'milestone' as const, label: `milestone ${m}` })),
      };
    }
    case 'ConstantLR': {
      const factor = numberParam(params, 'factor') ?? 1 / 3;
      const totalIters = numberParam(params, 'total_iters') ?? 5;
      if (factor < 0 || factor > 1) return null;
      return {
        closed: (t) => base * (factor + (t >= totalIters ? 1 : 0) * (1 - factor)),
        chain: (lr, t) => (t === 0 ? lr * factor : t !== totalIters ? lr : lr * (1.0 / factor)),
        criticalSteps: (start, end, limit) => stepsAroundBreakpoints([totalIters], start, end, limit),
        markers: (total) =>
          totalIters > 0 && totalIters < total ? [{ step: totalIters, kind: 'warmup-end' as const, label: 'factor ends' }] : [],
      };
    }
    case 'LinearLR': {
      const startFactor = numberParam(params, 'start_factor') ?? 1 / 3;
      const endFactor = numberParam(params, 'end_factor') ?? 1.0;
      const totalIters = numberParam(params, 'total_iters') ?? 5;
      if (startFactor < 0 || startFactor > 1 || endFactor < 0 || endFactor > 1 || !positive(totalIters)) return null;
      return {
        closed: (t) => base * (startFactor + ((endFactor - startFactor) * Math.min(totalIters, t)) / totalIters),
        chain: (lr, t) =>
          t === 0
            ? lr * startFactor
            : t > totalIters
              ? lr
              : lr * (1 + (endFactor - startFactor) / (totalIters * startFactor + (t - 1) * (endFactor - startFactor))),
        criticalSteps: (start, end, limit) => stepsAroundBreakpoints([totalIters], start, end, limit),
        markers: (total) =>
          totalIters < total
            ? [
                {
                  step: totalIters,
                  kind: startFactor < endFactor ? ('warmup-end' as const) : ('milestone' as const),
                  label: 'linear ramp ends',
                },
              ]
            : [],
      };
    }
    case 'ExponentialLR': {
      const gamma = numberParam(params, 'gamma');
      if (gamma === undefined) return null;
      return {
        closed: (t) => base * gamma ** t,
        chain: (lr, t) => (t === 0 ? lr : lr * gamma),
        criticalSteps: noCritical,
        markers: noMarkers,
      };
    }
    case 'PolynomialLR': {
      const totalIters = numberParam(params, 'total_iters') ?? 5;
      const power = numberParam(params, 'power') ?? 1.0;
      if (!positive(totalIters)) return null;
      return {
        closed: (t) => base * (1.0 - Math.min(totalIters, t) / totalIters) ** power,
        chain: (lr, t) => (t === 0 || t > totalIters ? lr : lr * ((1.0 - t / totalIters) / (1.0 - (t - 1) / totalIters)) ** power),
        criticalSteps: (start, end, limit) => stepsAroundBreakpoints([totalIters], start, end, limit),
        markers: (total) => (totalIters < total ? [{ step: totalIters, kind: 'milestone' as const, label: 'decay ends (lr 0)' }] : []),
      };
    }
    case 'CosineAnnealingLR': {
      const tMax = numberParam(params, 'T_max');
      const etaMin = numberParam(params, 'eta_min') ?? 0;
      if (!positive(tMax)) return null;
      const restartBump = ((base - etaMin) * (1 - Math.cos(Math.PI / tMax))) / 2;
      const cosOf = (t: number): number => Math.cos((Math.PI * t) / tMax);
      const isRestart = (t: number): boolean => pyMod(t - 1 - tMax, 2 * tMax) === 0;
      /** torch's chainable step: the LR after step t from the LR before it and cos(pi t/T_max) at t-1 and t. */
      const decay = (lr: number, previousCos: number, currentCos: number): number =>
        ((1 + currentCos) / (1 + previousCos)) * (lr - etaMin) + etaMin;
      // cos(pi*t/T_max) of the previous call: the recursion runs t = 1, 2, ... in order, and torch recomputes the
      // same expression for t-1, so reusing it gives the identical float.
      let cachedT = Number.NaN;
      let cachedCos = 0;
      return {
        closed: (t) => etaMin + ((base - etaMin) * (1 + cosOf(t))) / 2,
        chain: (lr, t) => {
          if (t === 0) return lr;
          if (isRestart(t)) return lr + restartBump;
          const previous = t - 1 === cachedT ? cachedCos : cosOf(t - 1);
          cachedT = t;
          cachedCos = cosOf(t);
          return decay(lr, previous, cachedCos);
        },
        // `chain` over a range in one loop; the restart steps tracked instead of a float modulo per step when
        // T_max is an integer (the usual case).
        chainInto: (values, from, to) => {
          const first = Math.max(from, 1);
          const integral = Number.isInteger(tMax);
          let nextRestart = 1 + tMax + 2 * tMax * Math.max(0, Math.ceil((first - 1 - tMax) / (2 * tMax)));
          let previous = cosOf(first - 1);
          for (let t = first; t < to; t++) {
            const current = cosOf(t);
            // (NaN past the array's end, where the write is dropped anyway)
            const lr = values[t - 1] ?? Number.NaN;
            if (integral ? t === nextRestart : isRestart(t)) {
              if (integral) nextRestart += 2 * tMax;
              values[t] = lr + restartBump;
            } else {
              values[t] = decay(lr, previous, current);
            }
            previous = current;
          }
        },
        // Extrema at every multiple of T_max (troughs at odd, peaks at even multiples): the curve is periodic.
        criticalSteps: (start, end, limit) => periodicBreakpointSteps(tMax, tMax, start, end, limit),
        markers: (total) =>
          everyK(tMax, tMax, total, 'milestone', (k) =>
            k % 2 === 1 ? 'T_max: minimum, the LR rises after it' : `${k}·T_max: back at base lr`,
          ),
      };
    }
    case 'CosineAnnealingWarmRestarts': {
      const t0 = numberParam(params, 'T_0');
      const tMult = numberParam(params, 'T_mult') ?? 1;
      const etaMin = numberParam(params, 'eta_min') ?? 0;
      if (!positive(t0) || !Number.isInteger(t0) || !Number.isInteger(tMult) || tMult < 1) return null;
      const restarts = (start: number, end: number): number[] => {
        const out: number[] = [];
        for (let s = t0, len = t0 * tMult; s < end; s += len, len *= tMult) if (s >= start - 1) out.push(s);
        return out;
      };
      const closed = (t: number): number => {
        const { tCur, tI } = warmRestartPosition(t, t0, tMult);
        return etaMin + ((base - etaMin) * (1 + Math.cos((Math.PI * tCur) / tI))) / 2;
      };
      return {
        closed,
        chain: (_lr, t) => closed(t),
        stateless: true,
        criticalSteps: (start, end, limit) =>
          tMult === 1
            ? periodicBreakpointSteps(t0, t0, start, end, limit)
            : stepsAroundBreakpoints(restarts(start, end), start, end, limit),
        markers: (total) =>
          tMult === 1
            ? everyK(t0, t0, total, 'restart', (k) => `restart ${k}`)
            : restarts(0, total)
                .slice(0, MAX_MARKERS)
                .map((s, k) => ({ step: s, kind: 'restart' as const, label: `restart ${k + 1}` })),
      };
    }
    case 'OneCycleLR': {
      const maxLr = numberParam(params, 'max_lr');
      const totalSteps =
        numberParam(params, 'total_steps') ?? product(numberParam(params, 'epochs'), numberParam(params, 'steps_per_epoch'));
      const pctStart = numberParam(params, 'pct_start') ?? 0.3;
      const strategy = stringParam(params, 'anneal_strategy') ?? 'cos';
      const divFactor = numberParam(params, 'div_factor') ?? 25;
      const finalDivFactor = numberParam(params, 'final_div_factor') ?? 1e4;
      const threePhase = booleanParam(params, 'three_phase') ?? false;
      if (maxLr === undefined || !positive(totalSteps) || !Number.isInteger(totalSteps) || pctStart < 0 || pctStart > 1) return null;
      if (strategy !== 'cos' && strategy !== 'linear') return null;
      const initialLr = maxLr / divFactor;
      const minLr = initialLr / finalDivFactor;
      const phases = threePhase
        ? [
            { end: pctStart * totalSteps - 1, from: initialLr, to: maxLr },
            { end: 2 * pctStart * totalSteps - 2, from: maxLr, to: initialLr },
            { end: totalSteps - 1, from: initialLr, to: minLr },
          ]
        : [
            { end: pctStart * totalSteps - 1, from: initialLr, to: maxLr },
            { end: totalSteps - 1, from: maxLr, to: minLr },
          ];
      const anneal =
        strategy === 'cos'
          ? (from: number, to: number, pct: number) => to + ((from - to) / 2.0) * (Math.cos(Math.PI * pct) + 1)
          : (from: number, to: number, pct: number) => (to - from) * pct + from;
      const lastPhase = phases[phases.length - 1];
      const closed = (t: number): number => {
        if (t > totalSteps) return Number.NaN; // torch raises ValueError: "Tried to step N times"
        let startStep = 0;
        for (const phase of phases) {
          if (t <= phase.end || phase === lastPhase) return anneal(phase.from, phase.to, (t - startStep) / (phase.end - startStep));
          startStep = phase.end;
        }
        return Number.NaN;
      };
      return {
        closed,
        chain: (_lr, t) => closed(t),
        stateless: true,
        overridesInitialLr: initialLr,
        criticalSteps: (start, end, limit) => stepsAroundBreakpoints([...phases.map((p) => p.end), totalSteps + 1], start, end, limit),
        markers: (total) =>
          [
            ...phases.slice(0, -1).map((p, i) => ({
              step: Math.max(0, Math.round(p.end)),
              kind: 'phase-end' as const,
              label: i === 0 ? 'peak (max_lr)' : 'back at initial lr',
            })),
            ...(totalSteps < total - 1
              ? [{ step: totalSteps + 1, kind: 'horizon' as const, label: 'OneCycleLR raises past total_steps' }]
              : []),
          ].filter((m) => m.step < total),
      };
    }
    case 'CyclicLR': {
      const baseLr = numberParam(params, 'base_lr');
      const maxLr = numberParam(params, 'max_lr');
      const up = numberParam(params, 'step_size_up') ?? 2000;
      const down = numberParam(params, 'step_size_down') ?? up;
      const mode = stringParam(params, 'mode') ?? 'triangular';
      const gamma = numberParam(params, 'gamma') ?? 1.0;
      if (baseLr === undefined || maxLr === undefined || !positive(up + down)) return null;
      if (mode !== 'triangular' && mode !== 'triangular2' && mode !== 'exp_range') return null;
      const totalSize = up + down;
      const stepRatio = up / totalSize;
      const closed = (t: number): number => {
        const cycle = Math.floor(1 + t / totalSize);
        const x = 1 + t / totalSize - cycle;
        const scaleFactor = x <= stepRatio ? x / stepRatio : (x - 1) / (stepRatio - 1);
        const baseHeight = (maxLr - baseLr) * scaleFactor;
        // 2 ** (cycle - 1) is Infinity from cycle 1025 on, so its inverse is 0: no power to compute there.
        const scale = mode === 'triangular' ? 1 : mode === 'triangular2' ? (cycle > 1024 ? 0 : 1 / 2 ** (cycle - 1)) : gamma ** t;
        return baseLr + baseHeight * scale;
      };
      return {
        closed,
        chain: (_lr, t) => closed(t),
        stateless: true,
        overridesInitialLr: baseLr,
        criticalSteps: (start, end, limit) =>
          mergeSteps(
            [periodicBreakpointSteps(0, totalSize, start, end, limit), periodicBreakpointSteps(up, totalSize, start, end, limit)],
            limit,
          ),
        markers: (total) => everyK(up, totalSize, total, 'phase-end', (k) => `peak ${k}`),
      };
    }
    default:
      return null;
  }
}

/** Python's `%` (result has the divisor's sign). */
function pyMod(a: number, b: number): number {
  return ((a % b) + b) % b;
}

function bisectRight(sorted: readonly number[], x: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    const value = sorted[mid];
    if (value !== undefined && x < value) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

function product(a: number | undefined, b: number | undefined): number | undefined {
  return a !== undefined && b !== undefined ? a * b : undefined;
}

/** CosineAnnealingWarmRestarts' (T_cur, T_i) after t plain steps, in exact integer arithmetic. */
export function warmRestartPosition(t: number, t0: number, tMult: number): { tCur: number; tI: number } {
  if (tMult === 1) return { tCur: t % t0, tI: t0 };
  let tCur = t;
  let tI = t0;
  while (tCur >= tI) {
    tCur -= tI;
    tI *= tMult;
  }
  return { tCur, tI };
}

function child(value: unknown): { name: string; params: Params } | null {
  const object = objectParam(value);
  if (!object) return null;
  const name = typeof object.name === 'string' ? object.name : typeof object.class_path === 'string' ? object.class_path : undefined;
  const params = objectParam(object.params) ?? objectParam(object.init_args) ?? {};
  return name ? { name, params } : null;
}

function children(params: Params, base: number): TorchScheduler[] | null {
  const list = params.schedulers;
  if (!Array.isArray(list) || list.length === 0) return null;
  const built = list.map((c) => {
    const spec = child(c);
    return spec ? torchScheduler(spec.name, spec.params, base) : null;
  });
  return built.every((s): s is TorchScheduler => s !== null) ? built : null;
}

/** A schedule that runs `recursion` while it can and `closed` beyond RECURSION_LIMIT. */
function scheduleOf(
  family: string,
  input: PyTorchScheduleInput,
  closed: (t: number) => number,
  first: () => number,
  next: (lr: number, t: number) => number,
  criticalSteps: Schedule['criticalSteps'],
  markers: ScheduleMarker[],
  /** The one class the schedule is, when it is not a composition: its shortcuts apply. */
  alone?: Pick<TorchScheduler, 'stateless' | 'chainInto'>,
): Schedule {
  const useRecursion = input.totalSteps <= RECURSION_LIMIT && !alone?.stateless;
  const curve = useRecursion ? new RecursiveCurve(first, next, closed, RECURSION_LIMIT, input.totalSteps, alone?.chainInto) : undefined;
  return {
    family,
    totalSteps: input.totalSteps,
    lrAt: curve ? (t) => curve.at(t) : closed,
    ...(curve ? { valuesInto: (out: Float64Array) => curve.valuesInto(out) } : {}),
    criticalSteps,
    markers: markers.filter((m) => m.step >= 0 && m.step < input.totalSteps),
    validationDriven: false,
  };
}

export function pytorchSchedule(input: PyTorchScheduleInput): Schedule | null {
  const name = pytorchClassName(input.name);
  const base = input.baseLr;
  if (name === 'ReduceLROnPlateau') {
    return { family: name, totalSteps: input.totalSteps, lrAt: () => base, criticalSteps: () => [], markers: [], validationDriven: true };
  }
  if (name === 'SequentialLR') {
    const kids = children(input.params, base);
    const milestones = numberListParam(input.params, 'milestones');
    if (!kids || !milestones || milestones.length !== kids.length - 1) return null;
    const [firstKid] = kids;
    if (!firstKid) return null;
    /** The child scheduler that runs at step t, and t counted from its start (0 before the first milestone). */
    const localOf = (t: number) => {
      const idx = bisectRight(milestones, t);
      const kid = kids[idx];
      if (!kid) throw new Error(`SequentialLR: step ${t} lies after the last of ${kids.length} schedulers`);
      return { idx, kid, local: t - (milestones[idx - 1] ?? 0) };
    };
    const closed = (t: number) => {
      const { kid, local } = localOf(t);
      return kid.closed(local);
    };
    const start = firstKid.overridesInitialLr ?? base;
    return scheduleOf(
      name,
      input,
      closed,
      () => firstKid.chain(start, 0),
      (lr, t) => {
        const { idx, kid, local } = localOf(t);
        return idx > 0 && local === 0 ? kid.closed(0) : kid.chain(lr, local);
      },
      (s, e, limit) => {
        const lists: number[][] = [stepsAroundBreakpoints(milestones, s, e, limit)];
        // Child k runs from milestone k - 1 (step 0 for the first) up to milestone k (on for the last).
        for (const [k, kid] of kids.entries()) {
          const lo = milestones[k - 1] ?? 0;
          const from = Math.max(s, lo);
          const to = Math.min(e, milestones[k] ?? Infinity);
          if (from < to) lists.push(kid.criticalSteps(from - lo, to - lo, limit).map((x) => x + lo));
        }
        return mergeSteps(lists, limit);
      },
      [
        ...milestones.map((m, k) => ({ step: m, kind: 'milestone' as const, label: `scheduler ${k + 2} starts` })),
        ...kids.flatMap((kid, k) => {
          const offset = milestones[k - 1] ?? 0;
          const until = milestones[k] ?? input.totalSteps;
          return kid.markers(until - offset).map((m) => ({ ...m, step: m.step + offset }));
        }),
      ].sort((a, b) => a.step - b.step),
    );
  }
  if (name === 'ChainedScheduler') {
    const kids = children(input.params, base);
    if (!kids) return null;
    const start = kids.reduce((lr, kid) => kid.overridesInitialLr ?? lr, base);
    // Beyond the recursion limit: the product of the children's closed-form factors (exact for multiplicative
    // children such as StepLR, ExponentialLR, ConstantLR; an approximation for e.g. cosine with eta_min > 0).
    const closed = (t: number) =>
      kids.reduce((lr, kid) => (kid.overridesInitialLr !== undefined ? kid.closed(t) : (lr * kid.closed(t)) / base), start);
    return scheduleOf(
      name,
      input,
      closed,
      () => kids.reduce((lr, kid) => kid.chain(lr, 0), start),
      (lr, t) => kids.reduce((value, kid) => kid.chain(value, t), lr),
      (s, e, limit) =>
        mergeSteps(
          kids.map((kid) => kid.criticalSteps(s, e, limit)),
          limit,
        ),
      kids.flatMap((kid) => kid.markers(input.totalSteps)).sort((a, b) => a.step - b.step),
    );
  }
  const scheduler = torchScheduler(name, input.params, base);
  if (!scheduler) return null;
  const start = scheduler.overridesInitialLr ?? base;
  return scheduleOf(
    name,
    input,
    scheduler.closed,
    () => scheduler.chain(start, 0),
    scheduler.chain,
    scheduler.criticalSteps,
    scheduler.markers(input.totalSteps),
    scheduler,
  );
}
