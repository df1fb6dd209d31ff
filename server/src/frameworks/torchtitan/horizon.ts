import type { ScheduleHorizon } from '../horizon';
import type { TrainingPlan } from '../../plan/trainingPlan';

/**
 * `[lr_scheduler] total_steps` against `[training] steps`: the schedule is laid out over total_steps, and torchtitan
 * does not clamp its progress past it (pytorch/torchtitan torchtitan/components/lr_scheduler.py
 * @238fa9953e4aec2a62582121564273d7cbb1e9f1).
 */
export function torchtitanHorizon(plan: TrainingPlan): ScheduleHorizon | null {
  const { params } = plan.schedule;
  const totalSteps = params['total_steps'];
  if (typeof totalSteps !== 'number' || plan.schedule.constantAfterWarmup) return null;
  return {
    key: 'total_steps',
    value: totalSteps,
    expected: plan.length.steps,
    consequence:
      'past total_steps the LR is not clamped: a linear or sqrt decay falls below min_lr_factor × lr and turns negative, ' +
      'a cosine one rises again',
  };
}
