import type { TrainingPlan } from '../../plan/trainingPlan';
import type { ScheduleHorizon } from '../horizon';
import { childScheduler, childSchedulers, linearLrDecays, numericParam, schedulerClassName } from './torchParams';

/** The torch classes whose own parameter says where the schedule ends, and what happens past it. */
const TORCH_HORIZONS: Readonly<Record<string, { key: string; consequence: string }>> = {
  CosineAnnealingLR: { key: 'T_max', consequence: 'torch does not clamp the cosine: past T_max the LR climbs back up' },
  LinearLR: { key: 'total_iters', consequence: 'the LR stays at its final value for the rest of the run' },
  PolynomialLR: { key: 'total_iters', consequence: 'the LR sits at 0 for the rest of the run' },
  OneCycleLR: { key: 'total_steps', consequence: 'torch raises an error once the run steps past total_steps' },
};

/** The horizon of a torch scheduler class (used by every vocabulary that accepts torch classes). */
export function torchHorizon(plan: TrainingPlan): ScheduleHorizon | null {
  const { params } = plan.schedule;
  const name = schedulerClassName(plan.schedule.name);
  if (name === 'SequentialLR') return sequentialHorizon(plan);
  const torch = TORCH_HORIZONS[name];
  if (!torch) return null;
  const value = numericParam(params, torch.key);
  if (name === 'LinearLR' && !linearLrDecays(params)) return null;
  return value === undefined ? null : { key: torch.key, value, expected: plan.length.steps, consequence: torch.consequence };
}

/** A warmup + decay SequentialLR: the last child's horizon should cover the run after the last milestone. */
function sequentialHorizon(plan: TrainingPlan): ScheduleHorizon | null {
  const children = childSchedulers(plan.schedule.params);
  const milestones = Array.isArray(plan.schedule.params.milestones) ? (plan.schedule.params.milestones as unknown[]).map(Number) : [];
  const last = children.at(-1);
  const lastMilestone = milestones.at(-1);
  if (!last || lastMilestone === undefined || !(lastMilestone >= 0) || milestones.length !== children.length - 1) return null;
  const className = schedulerClassName(String(last.class_path ?? last.name ?? ''));
  const torch = TORCH_HORIZONS[className];
  const args = childScheduler(last).params;
  if (!torch || className === 'OneCycleLR') return null;
  if (className === 'LinearLR' && !linearLrDecays(args)) return null;
  const value = numericParam(args, torch.key);
  const expected = plan.length.steps - lastMilestone;
  return value === undefined || !(expected > 0) ? null : { key: torch.key, value, expected, consequence: torch.consequence };
}
