import type { TrainingPlan } from './trainingPlan';

/** Relative disagreement tolerated between a schedule's horizon and the run's length (rounding, off-by-one). */
export const HORIZON_TOLERANCE = 0.02;

/** Where a schedule ends, as its own parameter says, and where it should end for this run (plan units). */
export interface ScheduleHorizon {
  /** The parameter's name (`T_max`, `total_num_update`, `decay_steps`, ...). */
  key: string;
  value: number;
  expected: number;
  /** What happens past a too-short horizon, in words. */
  consequence: string;
}

function num(params: Record<string, unknown>, key: string): number | undefined {
  const value = params[key];
  const n = typeof value === 'string' ? Number(value) : value;
  return typeof n === 'number' && Number.isFinite(n) ? n : undefined;
}

const TORCH_HORIZONS: Record<string, { key: string; consequence: string }> = {
  CosineAnnealingLR: { key: 'T_max', consequence: 'torch does not clamp the cosine: past T_max the LR climbs back up' },
  LinearLR: { key: 'total_iters', consequence: 'the LR stays at its final value for the rest of the run' },
  PolynomialLR: { key: 'total_iters', consequence: 'the LR sits at 0 for the rest of the run' },
  OneCycleLR: { key: 'total_steps', consequence: 'torch raises an error once the run steps past total_steps' },
};

/** The schedule's horizon parameter and the value the run's length implies, when the plan has one. */
export function scheduleHorizon(plan: TrainingPlan): ScheduleHorizon | null {
  const { params } = plan.schedule;
  const name = plan.schedule.name.split('.').pop() ?? plan.schedule.name;
  const T = plan.length.steps;
  const torchFramework = ['pytorch', 'nemo', 'deepspeed', 'torchtune'].includes(plan.schedule.framework);
  if (name === 'SequentialLR' && torchFramework) return sequentialHorizon(plan);
  const torch = TORCH_HORIZONS[name];
  if (torch && torchFramework) {
    const value = num(params, torch.key);
    if (name === 'LinearLR' && !((num(params, 'end_factor') ?? 1) < (num(params, 'start_factor') ?? 1 / 3))) return null;
    return value === undefined ? null : { key: torch.key, value, expected: T, consequence: torch.consequence };
  }
  if (plan.schedule.framework === 'fairseq') {
    const maxUpdate = num(params, 'max_update');
    const total = num(params, 'total_num_update');
    if (name === 'polynomial_decay' && maxUpdate && total !== undefined) {
      return { key: 'total_num_update', value: total, expected: maxUpdate, consequence: 'the LR sits at end_learning_rate for the rest of the run' };
    }
    const period = num(params, 'lr_period_updates');
    if (name === 'cosine' && maxUpdate && period !== undefined && period > 0) {
      return { key: 'lr_period_updates', value: period, expected: Math.max(1, maxUpdate - plan.warmup.steps), consequence: 'the cosine restarts from a shrunk peak' };
    }
    return null;
  }
  if (plan.schedule.framework === 'tf-model-garden' && (name === 'cosine' || name === 'polynomial')) {
    const value = num(params, 'decay_steps');
    if (value === undefined) return null;
    return { key: 'decay_steps', value, expected: T, consequence: name === 'cosine' ? 'the LR sits at its floor (alpha) for the rest of the run' : 'the LR sits at end_learning_rate for the rest of the run' };
  }
  return null;
}

/** A warmup + decay SequentialLR: the last child's horizon should cover the run after the last milestone. */
function sequentialHorizon(plan: TrainingPlan): ScheduleHorizon | null {
  const children = Array.isArray(plan.schedule.params.schedulers) ? (plan.schedule.params.schedulers as Array<Record<string, unknown>>) : [];
  const milestones = Array.isArray(plan.schedule.params.milestones) ? (plan.schedule.params.milestones as unknown[]).map(Number) : [];
  const last = children.at(-1);
  const lastMilestone = milestones.at(-1);
  if (!last || lastMilestone === undefined || !(lastMilestone >= 0) || milestones.length !== children.length - 1) return null;
  const className = String(last.class_path ?? last.name ?? '').split('.').pop() ?? '';
  const torch = TORCH_HORIZONS[className];
  const args = (last.init_args ?? last.params ?? {}) as Record<string, unknown>;
  if (!torch || className === 'OneCycleLR') return null;
  if (className === 'LinearLR' && !((num(args, 'end_factor') ?? 1) < (num(args, 'start_factor') ?? 1 / 3))) return null;
  const value = num(args, torch.key);
  const expected = plan.length.steps - lastMilestone;
  return value === undefined || !(expected > 0) ? null : { key: torch.key, value, expected, consequence: torch.consequence };
}

