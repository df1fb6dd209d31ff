/**
 * NeMo decay fix: `model.optim.sched` with `name: CosineAnnealing | WarmupAnnealing`, keeping `warmup_steps` /
 * `warmup_ratio`, `constant_steps`, `max_steps` as written and `min_lr` when below the LR (else 0). NeMo takes the
 * horizon from trainer.max_steps (or computes it), so none is invented.
 */
import type { TextEdit } from '../../analysis/finding';
import { ConfigTree } from '../../dialects/configTree';
import type { DecayFamily, DialectInput } from '../../dialects/dialect';
import type { TrainingPlan } from '../../plan/trainingPlan';
import { float, setPath, writtenScalar, type EditValue } from '../../fixes/pathEdits';

const KEPT = ['warmup_steps', 'warmup_ratio', 'constant_steps', 'constant_ratio', 'max_steps'];

export function nemoDecayEdits(input: DialectInput, plan: TrainingPlan, family: DecayFamily): TextEdit[] {
  const tree = new ConfigTree(input.document, { interpolate: false });
  // Only `model.optim.sched` is written: the `_target_` layouts (targetLayouts.ts) get no edit rather than a wrong one.
  if (!tree.has('model.optim')) return [];
  const block: Record<string, EditValue> = { name: family === 'cosine' ? 'CosineAnnealing' : 'WarmupAnnealing' };
  for (const key of KEPT) {
    const value = writtenScalar(input, ['model', 'optim', 'sched', key]);
    if (value) block[key] = value;
  }
  // A sched.max_steps that disagrees with trainer.max_steps is the horizon problem itself: write the run's length.
  const trainerSteps = Number(tree.get('trainer.max_steps'));
  if (block.max_steps !== undefined && trainerSteps > 0 && Number(tree.get('model.optim.sched.max_steps')) !== trainerSteps)
    block.max_steps = trainerSteps;
  const minLr = Number(tree.get('model.optim.sched.min_lr'));
  block.min_lr = (minLr >= 0 && minLr < plan.baseLr ? writtenScalar(input, ['model', 'optim', 'sched', 'min_lr']) : undefined) ?? float(0);
  return setPath(input, ['model', 'optim', 'sched'], block, { replace: true });
}
