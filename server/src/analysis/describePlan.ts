import type { TrainingPlan } from '../plan/trainingPlan';
import type { CurvePoint } from '../schedules/schedule';
import { degenerateUnderAssumption, unitCount } from '../plan/planWording';

/** A learning rate the way people write them: 5e-6, 0.0003, 1.5e-5. */
export function formatLr(lr: number): string {
  if (lr === 0) return '0';
  const abs = Math.abs(lr);
  if (abs >= 1e-3 && abs < 1e3) return String(+lr.toPrecision(4));
  return lr
    .toExponential(3)
    .replace(/\.?0+e/, 'e')
    .replace('e+', 'e');
}

export interface PlanSummary {
  peakLr: number;
  endLr: number;
  family: string;
  warmupSteps: number;
  totalSteps: number;
  unit: TrainingPlan['length']['unit'];
  /** One line: "cosine · peak 5e-6 · warmup 30 steps · ends at 5e-7 · 1000 steps". */
  text: string;
}

export function summarizePlan(plan: TrainingPlan, points: readonly CurvePoint[]): PlanSummary {
  const peakLr = points.reduce((max, p) => Math.max(max, p.lr), 0);
  const endLr = points.at(-1)?.lr ?? plan.baseLr;
  // Every count in the plan's own unit (epochs or steps), singular or plural; a normalized peak is said to be one.
  const horizon = `${unitCount(plan.length.steps, plan.length.unit)}${plan.length.assumed ? ' (assumed)' : ''}`;
  const warmup = plan.warmup.steps > 0 ? `warmup ${unitCount(plan.warmup.steps, plan.length.unit)}` : 'no warmup';
  const family = `${plan.schedule.name}${plan.schedule.explicit ? '' : ' (default)'}`;
  const scale = plan.peakUnknown ? ' × peak' : '';
  const end = plan.schedule.validationDriven ? 'depends on validation' : `ends at ${formatLr(endLr)}${scale}`;
  const peak = plan.peakUnknown ? 'peak unknown (drawn as 1)' : `peak ${formatLr(peakLr)}`;
  const degenerate = degenerateUnderAssumption(plan);
  return {
    peakLr,
    endLr,
    family: plan.schedule.name,
    warmupSteps: plan.warmup.steps,
    totalSteps: plan.length.steps,
    unit: plan.length.unit,
    text: `${family} · ${peak} · ${warmup} · ${end} · ${horizon}${degenerate ? ` · ${degenerate}` : ''}`,
  };
}
