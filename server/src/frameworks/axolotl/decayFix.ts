/** Axolotl decay fix: `lr_scheduler: cosine | linear` (warmup keys untouched); a cosine floor at the LR is lowered. */
import type { TextEdit } from '../../analysis/finding';
import { ConfigTree } from '../../dialects/configTree';
import type { DecayFamily, DialectInput } from '../../dialects/dialect';
import type { TrainingPlan } from '../../plan/trainingPlan';
import { float, setPath } from '../../fixes/pathEdits';

export function axolotlDecayEdits(input: DialectInput, _plan: TrainingPlan, family: DecayFamily): TextEdit[] {
  const tree = new ConfigTree(input.document, { interpolate: false });
  const edits = setPath(input, ['lr_scheduler'], family, { beside: 'learning_rate' });
  const floor = Number(tree.get('cosine_min_lr_ratio'));
  if (family === 'cosine' && floor >= 1) edits.push(...setPath(input, ['cosine_min_lr_ratio'], float(0)));
  return edits;
}
