import type { TrainingPlan } from '../../plan/trainingPlan';
import type { ScheduleHorizon } from '../horizon';
import { numericParam, schedulerClassName } from '../torch/torchParams';

/** cosine and polynomial decay over `decay_steps`, which should be the run's length. */
export function tfModelGardenHorizon(plan: TrainingPlan): ScheduleHorizon | null {
  const name = schedulerClassName(plan.schedule.name);
  if (name !== 'cosine' && name !== 'polynomial') return null;
  const value = numericParam(plan.schedule.params, 'decay_steps');
  if (value === undefined) return null;
  const consequence =
    name === 'cosine'
      ? 'the LR sits at its floor (alpha) for the rest of the run'
      : 'the LR sits at end_learning_rate for the rest of the run';
  return { key: 'decay_steps', value, expected: plan.length.steps, consequence };
}
