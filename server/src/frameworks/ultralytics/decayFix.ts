/**
 * Ultralytics decay fix: `cos_lr: true` (cosine) or `cos_lr: false` (linear) over `epochs`, with the final-LR factor
 * `lrf` brought below 1 (its default 0.01) when it kept the LR flat.
 */
import type { TextEdit } from '../../analysis/finding';
import { ConfigTree } from '../../dialects/configTree';
import type { DecayFamily, DialectInput } from '../../dialects/dialect';
import type { TrainingPlan } from '../../plan/trainingPlan';
import { setPath } from '../../fixes/pathEdits';

export const ULTRALYTICS_DEFAULT_LRF = 0.01;

export function ultralyticsDecayEdits(input: DialectInput, _plan: TrainingPlan, family: DecayFamily): TextEdit[] {
  const tree = new ConfigTree(input.document, { interpolate: false });
  const edits: TextEdit[] = [];
  const cos = tree.get('cos_lr') === true;
  if (family === 'cosine' && !cos) edits.push(...setPath(input, ['cos_lr'], true, { beside: 'lrf' }));
  if (family === 'linear' && cos) edits.push(...setPath(input, ['cos_lr'], false));
  const lrf = Number(tree.get('lrf'));
  if (tree.has('lrf') && !(lrf < 1)) edits.push(...setPath(input, ['lrf'], ULTRALYTICS_DEFAULT_LRF));
  return edits;
}
