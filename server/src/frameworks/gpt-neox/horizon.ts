import type { ScheduleHorizon } from '../horizon';
import type { TrainingPlan } from '../../plan/trainingPlan';

/**
 * `lr_decay_iters` against `train_iters`: AnnealingLR decays over lr_decay_iters; past it the cosine climbs back up
 * (only the min_lr clamp applies) and linear/exponential stay at min_lr (EleutherAI/gpt-neox megatron/learning_rates.py
 * @ea7aefd8f8e183256992d9fede4d7c71a46d67a5). A `lr_decay_fraction` is a deliberate choice and is not judged.
 */
export function gptNeoxHorizon(plan: TrainingPlan): ScheduleHorizon | null {
  const value = plan.schedule.params['lr_decay_iters'];
  const style = plan.schedule.name;
  if (typeof value !== 'number' || !['cosine', 'linear', 'exponential'].includes(style)) return null;
  const key = plan.sources['horizon']?.path ?? 'lr_decay_iters';
  return {
    key,
    value,
    expected: plan.length.steps,
    consequence:
      style === 'cosine' ? 'past it the cosine climbs back up towards the peak LR' : 'the LR sits at min_lr for the rest of the run',
  };
}
