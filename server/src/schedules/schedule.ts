/**
 * A learning-rate schedule as the framework evaluates it: `lrAt(t)` is the LR used by the optimizer update
 * with 0-based index `t` (t = 0 .. totalSteps-1), in float64 exactly as the framework computes it.
 */
export interface Schedule {
  /** Framework-level family name as the user wrote it (e.g. `cosine`, `constant_with_warmup`). */
  readonly family: string;
  /** Number of scheduler steps the run takes (T). */
  readonly totalSteps: number;
  /** The LR the optimizer update with index t uses. */
  lrAt(t: number): number;
  /** Optional bulk form of `lrAt`: writes the LR of t = 0 .. out.length-1 into `out` (same values). */
  valuesInto?(out: Float64Array): void;
  /** Steps where the curve changes character (warmup end, milestones, restarts): never dropped by sampling. */
  readonly markers: readonly ScheduleMarker[];
  /** True when the LR depends on validation metrics and cannot be drawn ahead of the run. */
  readonly validationDriven?: boolean;
  /**
   * The schedule's critical steps in [start, end), ascending, at most `limit` of them: together with `start` and
   * `end - 1` they cut the range into pieces on which the LR is monotone (each piece includes its two ends). So a
   * jump at step s (restart, milestone) lists s-1 and s, and a smooth extremum between integers lists the integer
   * on each side. Lets the sampler find every bucket's min and max without evaluating every step. When more than
   * `limit` steps exist the first `limit` are returned (periodic schedules repeat, so the first ones carry the
   * bucket's extremes).
   */
  criticalSteps?(start: number, end: number, limit: number): number[];
}

export interface ScheduleMarker {
  step: number;
  kind: 'warmup-end' | 'milestone' | 'restart' | 'decay-start' | 'phase-end' | 'horizon';
  label: string;
}

/** One sampled point of a curve. */
export interface CurvePoint {
  step: number;
  lr: number;
}
