import { stepsAroundSorted } from './criticalSteps';
import type { Schedule, ScheduleMarker } from './schedule';

export interface ClosedFormScheduleSpec {
  family: string;
  totalSteps: number;
  lrAt: (t: number) => number;
  /**
   * Real positions between which the curve is monotone (piece boundaries, jumps, extrema): turned into
   * `criticalSteps`. Give `criticalSteps` instead for periodic curves with unboundedly many of them.
   */
  breakpoints?: readonly number[];
  criticalSteps?: Schedule['criticalSteps'];
  markers?: readonly ScheduleMarker[];
  validationDriven?: boolean;
}

/** A Schedule from a closed-form lr(t) and its breakpoints; markers outside [0, totalSteps) are dropped. */
export function closedFormSchedule(spec: ClosedFormScheduleSpec): Schedule {
  const breakpoints = (spec.breakpoints ?? []).filter((b) => Number.isFinite(b)).sort((a, b) => a - b);
  return {
    family: spec.family,
    totalSteps: spec.totalSteps,
    lrAt: spec.lrAt,
    criticalSteps: spec.criticalSteps ?? ((start, end, limit) => stepsAroundSorted(breakpoints, start, end, limit)),
    markers: (spec.markers ?? []).filter((m) => Number.isFinite(m.step) && m.step >= 0 && m.step < spec.totalSteps),
    validationDriven: spec.validationDriven ?? false,
  };
}

export function marker(step: number, kind: ScheduleMarker['kind'], label: string): ScheduleMarker {
  return { step, kind, label };
}

/** The plan fields every builder reads. */
export interface ScheduleInput {
  name: string;
  params: Readonly<Record<string, unknown>>;
  baseLr: number;
  warmupSteps: number;
  totalSteps: number;
  stepsPerEpoch?: number;
  unit?: 'step' | 'epoch';
}
