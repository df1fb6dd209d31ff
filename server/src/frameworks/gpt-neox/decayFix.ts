/**
 * GPT-NeoX decay fix: `lr_decay_style: cosine` or `linear` (AnnealingLR decays over lr_decay_iters, else train_iters,
 * to min_lr), written with the key spelling the file uses (`lr-decay-style` in files written with dashes).
 */
import type { TextEdit } from '../../analysis/finding';
import type { DecayFamily, DialectInput } from '../../dialects/dialect';
import type { TrainingPlan } from '../../plan/trainingPlan';
import { setPath } from '../../fixes/pathEdits';
import { neoxKeys } from './keys';

export function gptNeoxDecayEdits(input: DialectInput, _plan: TrainingPlan, family: DecayFamily): TextEdit[] {
  const keys = neoxKeys(input);
  const written = keys.get('lr_decay_style');
  const dashed = [...keys.values()].filter((k) => k.includes('-')).length > [...keys.values()].filter((k) => k.includes('_')).length;
  const key = written ?? (dashed ? 'lr-decay-style' : 'lr_decay_style');
  const beside = keys.get('lr_decay_iters') ?? keys.get('train_iters') ?? keys.get('min_lr');
  return setPath(input, [key], family, beside ? { beside } : {});
}
