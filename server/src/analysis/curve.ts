import type { TrainingPlan } from '../plan/trainingPlan';
import { scheduleOfPlan } from '../schedules';
import { everyStep, everyStepValues, sampleCurve } from '../schedules/sampleCurve';
import type { CurvePoint, Schedule, ScheduleMarker } from '../schedules/schedule';
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
  /** With `everyStep`, the most steps drawn one by one (default EVERY_STEP_LIMIT); longer runs are sampled to this many points. */
  everyStepLimit?: number;
  /** Which recognized document of a multi-document file (default: the first with a plan). */
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

/** What a curve is drawn from the schedule: the same for any plan with the same schedule inputs. */
interface DrawnSchedule {
  family: string;
  totalSteps: number;
  validationDriven: boolean;
  points: CurvePoint[];
  markers: ScheduleMarker[];
}

function drawSchedule(plan: TrainingPlan, draw: (schedule: Schedule) => CurvePoint[]): DrawnSchedule | null {
  const schedule = scheduleOfPlan(plan);
  return (
    schedule && {
      family: schedule.family,
      totalSteps: schedule.totalSteps,
      validationDriven: schedule.validationDriven === true,
      points: draw(schedule),
      markers: [...schedule.markers],
    }
  );
}

/**
 * Sampled schedules by what they are drawn from: code lenses, hover and the curve view ask for the same plan's
 * curve, and an edit that leaves the schedule alone (most edits: a dataset path, a comment, lines moved) gives a
 * new plan with the same schedule, whose curve is not drawn again (a recursive schedule runs every step up to
 * the horizon to draw it). The most recently used last; at most MAX_DRAWN_SCHEDULES.
 */
const drawnSchedules = new Map<string, DrawnSchedule | null>();
const MAX_DRAWN_SCHEDULES = 32;

/**
 * The plan without where its values are written (`sources`, which every edit above them moves) and without
 * its assumptions in words: everything a schedule builder reads. Non-finite numbers are kept apart from null.
 */
function scheduleKey(plan: TrainingPlan, points: number): string {
  const { sources: _sources, assumptions: _assumptions, ...inputs } = plan;
  return `${points}:${JSON.stringify(inputs, (_key, value: unknown) => (typeof value === 'number' && !Number.isFinite(value) ? `number:${value}` : value))}`;
}

function sampledSchedule(plan: TrainingPlan, points: number): DrawnSchedule | null {
  const key = scheduleKey(plan, points);
  let drawn = drawnSchedules.get(key);
  drawnSchedules.delete(key);
  if (drawn === undefined) drawn = drawSchedule(plan, (schedule) => sampleCurve(schedule, points));
  drawnSchedules.set(key, drawn);
  for (const oldest of drawnSchedules.keys()) {
    if (drawnSchedules.size <= MAX_DRAWN_SCHEDULES) break;
    drawnSchedules.delete(oldest);
  }
  return drawn;
}

export function curveOfPlan(plan: TrainingPlan, options: CurveOptions = {}): PlanCurve | null {
  // Every-step curves are drawn for each request: they can hold millions of points.
  const limit = Math.min(options.everyStepLimit ?? EVERY_STEP_LIMIT, EVERY_STEP_LIMIT);
  const drawn = options.everyStep
    ? drawSchedule(plan, (schedule) => (schedule.totalSteps <= limit ? everyStep(schedule) : sampleCurve(schedule, limit)))
    : sampledSchedule(plan, options.points ?? 200);
  if (!drawn) return null;
  return {
    documentIndex: plan.documentIndex,
    schedule: drawn.family,
    unit: plan.length.unit,
    totalSteps: drawn.totalSteps,
    validationDriven: drawn.validationDriven,
    // Arrays of their own for each caller.
    points: [...drawn.points],
    markers: [...drawn.markers],
    assumptions: plan.assumptions,
    summary: summarizePlan(plan, drawn.points),
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
