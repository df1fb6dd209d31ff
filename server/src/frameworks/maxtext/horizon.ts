import type { ScheduleHorizon } from '../horizon';
import type { TrainingPlan } from '../../plan/trainingPlan';

/**
 * An explicit `learning_rate_schedule_steps` against `steps`: shorter, MaxText trains the rest of the run at LR 0;
 * longer, the run stops mid-schedule (AI-Hypercomputer/maxtext src/maxtext/utils/maxtext_utils.py
 * @e591f30cbbf217ed67ef71263ec0538239f9c3b8).
 */
export function maxtextHorizon(plan: TrainingPlan): ScheduleHorizon | null {
  const value = plan.schedule.params['learning_rate_schedule_steps'];
  if (typeof value !== 'number' || value === plan.length.steps || plan.sources['horizon'] === undefined) return null;
  return {
    key: 'learning_rate_schedule_steps',
    value,
    expected: plan.length.steps,
    consequence: 'MaxText trains the rest of the run at LR 0',
  };
}
