/**
 * torchtune decay fix: its cosine-with-warmup `_component_`, keeping `num_warmup_steps` as written. The recipe passes
 * `num_training_steps` itself (epochs × steps per epoch), so no horizon is written. torchtune ships no linear
 * schedule that accepts the recipe's `num_training_steps`, so there is no linear fix.
 */
import type { TextEdit } from '../../analysis/finding';
import { ConfigTree } from '../../dialects/configTree';
import type { DecayFamily, DialectInput } from '../../dialects/dialect';
import type { TrainingPlan } from '../../plan/trainingPlan';
import { setPath, writtenScalar, type EditValue } from '../../fixes/pathEdits';

export const TORCHTUNE_COSINE = 'torchtune.training.lr_schedulers.get_cosine_schedule_with_warmup';

export function torchtuneDecayEdits(input: DialectInput, plan: TrainingPlan, family: DecayFamily): TextEdit[] {
  if (family !== 'cosine') return [];
  const tree = new ConfigTree(input.document, { interpolate: false });
  const warmup: EditValue = writtenScalar(input, ['lr_scheduler', 'num_warmup_steps']) ?? plan.warmup.steps;
  const current = tree.get('lr_scheduler._component_');
  // Keep the module path the file already uses for torchtune's own schedulers (older releases: torchtune.modules).
  const component = typeof current === 'string' && current.endsWith('.get_cosine_schedule_with_warmup') ? current : TORCHTUNE_COSINE;
  return setPath(input, ['lr_scheduler'], { _component_: component, num_warmup_steps: warmup }, { replace: true, beside: 'optimizer' });
}
