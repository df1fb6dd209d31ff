import type { ScheduleHorizon } from '../horizon';
import type { TrainingPlan } from '../../plan/trainingPlan';

/**
 * An explicit `lr_decay_steps` against the steps left after the decay starts (train_steps - lr_decay_starting_step):
 * shorter, the LR sits at min_decay_lr for the rest of the run; longer, the decay never finishes
 * (huggingface/nanotron src/nanotron/helpers.py @2411b022a75fb7f7561a1bb4166706da5e1b76de).
 */
export function nanotronHorizon(plan: TrainingPlan): ScheduleHorizon | null {
  const { params } = plan.schedule;
  if (plan.schedule.constantAfterWarmup) return null;
  const warmup = typeof params['lr_warmup_steps'] === 'number' ? params['lr_warmup_steps'] : 0;
  const start = typeof params['lr_decay_starting_step'] === 'number' ? params['lr_decay_starting_step'] : warmup;
  // Absent, lr_decay_steps is train_steps - lr_warmup_steps (set when the config loads), which a later
  // lr_decay_starting_step pushes past the end of training.
  const decaySteps = typeof params['lr_decay_steps'] === 'number' ? params['lr_decay_steps'] : plan.length.steps - warmup;
  const expected = plan.length.steps - start;
  if (!(expected > 0)) return null;
  return { key: 'lr_decay_steps', value: decaySteps, expected, consequence: 'the LR sits at min_decay_lr for the rest of the run' };
}
