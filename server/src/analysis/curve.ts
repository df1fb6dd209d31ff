import type { TrainingPlan } from '../plan/trainingPlan';
import { scheduleOfPlan } from '../schedules';
import { everyStep, everyStepValues, sampleCurve } from '../schedules/sampleCurve';
import type { CurvePoint, ScheduleMarker } from '../schedules/schedule';
import type { ConfigAnalysis } from './analyzeConfig';
import { summarizePlan, type PlanSummary } from './describePlan';

/** The most points an every-step curve holds (a 10^9-step run would not fit in memory as points). */
export const EVERY_STEP_LIMIT = 2_000_000;

export interface CurveOptions {
  /** About how many points to sample (peaks and markers are always kept). */
  points?: number;
  /**
   * Every scheduler step t = 0..T-1 instead of a sample, for runs of at most EVERY_STEP_LIMIT steps; longer
   * runs are sampled to that many points (peaks kept) rather than built point by point in memory.
   */
  everyStep?: boolean;
  /** Which recognised document of a multi-document file (default: the first with a plan). */
  documentIndex?: number;
}

export interface CurveResult {
  dialect: string;
  dialectName: string;
  documentIndex: number;
  schedule: string;
  unit: TrainingPlan['length']['unit'];
  totalSteps: number;
  validationDriven: boolean;
  points: CurvePoint[];
  markers: ScheduleMarker[];
  assumptions: string[];
  summary: PlanSummary;
  plan: TrainingPlan;
}

type PlanCurve = Omit<CurveResult, 'dialect' | 'dialectName'>;

/**
 * Sampled curves already drawn, per plan and number of points: code lenses, the curve view and hover ask for
 * the curve of the same analysed plan (a plan is never changed once built), and a recursive schedule
 * (PyTorch's chainable ones) runs every step up to the horizon to draw it.
 */
const sampledCurves = new WeakMap<TrainingPlan, Map<number, PlanCurve | null>>();

export function curveOfPlan(plan: TrainingPlan, options: CurveOptions = {}): PlanCurve | null {
  if (options.everyStep) return drawCurve(plan, options);
  const points = options.points ?? 200;
  let byPoints = sampledCurves.get(plan);
  if (!byPoints) sampledCurves.set(plan, (byPoints = new Map()));
  let curve = byPoints.get(points);
  if (curve === undefined) byPoints.set(points, (curve = drawCurve(plan, { points })));
  // Arrays of their own for each caller, as when every call drew the curve.
  return curve && { ...curve, points: [...curve.points], markers: [...curve.markers] };
}

function drawCurve(plan: TrainingPlan, options: CurveOptions): PlanCurve | null {
  const schedule = scheduleOfPlan(plan);
  if (!schedule) return null;
  const points = !options.everyStep
    ? sampleCurve(schedule, options.points ?? 200)
    : schedule.totalSteps <= EVERY_STEP_LIMIT
      ? everyStep(schedule)
      : sampleCurve(schedule, EVERY_STEP_LIMIT);
  return {
    documentIndex: plan.documentIndex,
    schedule: schedule.family,
    unit: plan.length.unit,
    totalSteps: schedule.totalSteps,
    validationDriven: schedule.validationDriven === true,
    points,
    markers: [...schedule.markers],
    assumptions: plan.assumptions,
    summary: summarizePlan(plan, points),
    plan,
  };
}

/** The curve of the file's training plan (the first one, or the one asked for). */
export function curveOfAnalysis(analysis: ConfigAnalysis, options: CurveOptions = {}): CurveResult | null {
  const document = analysis.documents.find(
    (d) => d.plan && (options.documentIndex === undefined || d.documentIndex === options.documentIndex),
  );
  if (!document?.plan) return null;
  const curve = curveOfPlan(document.plan, options);
  return curve && { dialect: document.dialect.id, dialectName: document.dialect.name, ...curve };
}

/** The LR at every scheduler step t = 0..T-1 of the file's plan, as float64 values (fast for long runs). */
export function stepValuesOfAnalysis(analysis: ConfigAnalysis, documentIndex?: number): Float64Array | null {
  const document = analysis.documents.find((d) => d.plan && (documentIndex === undefined || d.documentIndex === documentIndex));
  const schedule = document?.plan ? scheduleOfPlan(document.plan) : null;
  return schedule ? everyStepValues(schedule) : null;
}
