import type { TrainingPlan } from '../../plan/trainingPlan';
import type { ScheduleHorizon } from '../horizon';
import { numericParam, schedulerClassName } from '../torch/torchParams';

/** polynomial_decay's `total_num_update` should be `max_update`; cosine's first period should cover the run. */
export function fairseqHorizon(plan: TrainingPlan): ScheduleHorizon | null {
  const { params } = plan.schedule;
  const name = schedulerClassName(plan.schedule.name);
  const maxUpdate = numericParam(params, 'max_update');
  const total = numericParam(params, 'total_num_update');
  if (name === 'polynomial_decay' && maxUpdate && total !== undefined) {
    return {
      key: 'total_num_update',
      value: total,
      expected: maxUpdate,
      consequence: 'the LR sits at end_learning_rate for the rest of the run',
    };
  }
  const period = numericParam(params, 'lr_period_updates');
  if (name === 'cosine' && maxUpdate && period !== undefined && period > 0) {
    return {
      key: 'lr_period_updates',
      value: period,
      expected: Math.max(1, maxUpdate - plan.warmup.steps),
      consequence: 'the cosine restarts from a shrunk peak',
    };
  }
  return null;
}
