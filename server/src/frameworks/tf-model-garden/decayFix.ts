/**
 * TF Model Garden decay fix: `optimizer_config.learning_rate: {type: cosine, cosine: {...}}` or
 * `{type: polynomial, polynomial: {..., end_learning_rate: 0.0, power: 1.0}}`, with `initial_learning_rate` kept and
 * `decay_steps` = trainer.train_steps (the decay counts from step 0, warmup included). The warmup block is untouched.
 */
import type { TextEdit } from '../../analysis/finding';
import { ConfigTree } from '../../dialects/configTree';
import type { DecayFamily, DialectInput } from '../../dialects/dialect';
import type { TrainingPlan } from '../../plan/trainingPlan';
import { float, setPath, writtenScalar, type EditValue } from '../../fixes/pathEdits';

const OC = ['trainer', 'optimizer_config'];

export function tfModelGardenDecayEdits(input: DialectInput, plan: TrainingPlan, family: DecayFamily): TextEdit[] {
  const tree = new ConfigTree(input.document, { interpolate: false });
  const decaySteps: EditValue = writtenScalar(input, ['trainer', 'train_steps']) ?? plan.length.steps;
  const lrBlock = `${OC.join('.')}.learning_rate.${String(tree.get(`${OC.join('.')}.learning_rate.type`))}`;
  const initial = writtenScalar(input, [...lrBlock.split('.'), 'initial_learning_rate']) ?? plan.baseLr;
  const inner: Record<string, EditValue> = { initial_learning_rate: initial, decay_steps: decaySteps };
  if (family === 'linear') Object.assign(inner, { end_learning_rate: float(0), power: float(1) });
  const type = family === 'cosine' ? 'cosine' : 'polynomial';
  return setPath(input, [...OC, 'learning_rate'], { type, [type]: inner }, { replace: true, beside: 'optimizer' });
}
