/**
 * GPT-NeoX decay fix: `lr_decay_style: cosine` or `linear` (AnnealingLR decays over lr_decay_iters, else train_iters,
 * to min_lr), written with the key spelling the file uses (`lr-decay-style` in files written with dashes); an
 * `lr_decay_iters` that disagrees with `train_iters` is set to it.
 */
import type { TextEdit } from '../../analysis/finding';
import type { DecayFamily, DialectInput } from '../../dialects/dialect';
import type { TrainingPlan } from '../../plan/trainingPlan';
import { setPath } from '../../fixes/pathEdits';
import { gptNeoxHorizon } from './horizon';
import { horizonToWrite } from './horizonEdit';
import { neoxKeys } from './keys';

export function gptNeoxDecayEdits(input: DialectInput, plan: TrainingPlan, family: DecayFamily): TextEdit[] {
  const keys = neoxKeys(input);
  const written = keys.get('lr_decay_style');
  const dashed = [...keys.values()].filter((k) => k.includes('-')).length > [...keys.values()].filter((k) => k.includes('_')).length;
  const key = written ?? (dashed ? 'lr-decay-style' : 'lr_decay_style');
  const beside = keys.get('lr_decay_iters') ?? keys.get('train_iters') ?? keys.get('min_lr');
  const edits = setPath(input, [key], family, beside ? { beside } : {});
  // A decay over a horizon shorter or longer than the run: the fix also matches lr_decay_iters to train_iters.
  const horizon = horizonToWrite(plan, gptNeoxHorizon);
  return horizon ? [...edits, ...setPath(input, [horizon.key], horizon.expected)] : edits;
}
