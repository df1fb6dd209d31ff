import type { ScheduleHorizon } from '../horizon';
import type { TrainingPlan } from '../../plan/trainingPlan';

/**
 * `scheduler.t_max` (steps units) against the horizon max_duration gives: past t_max the LR sits at alpha_f ×
 * learning_rate (allenai/OLMo olmo/optim.py @59a53e3f68e546330ca5a99ec626e58f9ab96494).
 */
export function olmoHorizon(plan: TrainingPlan): ScheduleHorizon | null {
  const { params, name } = plan.schedule;
  const tMax = params['t_max'];
  const maxSteps = params['max_steps'];
  if (typeof tMax !== 'number' || typeof maxSteps !== 'number' || params['units'] === 'tokens') return null;
  if (!['cosine_with_warmup', 'linear_with_warmup', 'cosine_linear_envelope', 'max_scheduler'].includes(name)) return null;
  return {
    key: 't_max',
    value: Math.trunc(tMax),
    expected: maxSteps,
    consequence: 'the LR sits at alpha_f × learning_rate for the rest of the run',
  };
}
