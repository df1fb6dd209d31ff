/**
 * Lightning CLI decay fixes: an `lr_scheduler:` block (`class_path` + `init_args`) replacing any scheduler there
 * was, or for task-level optimizers (terratorch) `model.init_args.scheduler` + `scheduler_hparams`. The horizon is
 * the plan's length in the scheduler's own unit (epochs under LightningCLI's default interval).
 */
import type { TextEdit } from '../../analysis/finding';
import { ConfigTree } from '../../dialects/configTree';
import type { DecayFamily, DialectInput } from '../../dialects/dialect';
import type { TrainingPlan } from '../../plan/trainingPlan';
import { BlockList, float, setPath, setPaths, type EditBlock, type EditValue } from '../../fixes/pathEdits';
import { childScheduler, childSchedulers, schedulerClassName } from '../torch/torchParams';

const TORCH = 'torch.optim.lr_scheduler';

/** Cosine to 0 over T, or a linear ramp from the LR to 0 over T (T in the scheduler's unit). */
export function torchDecay(family: DecayFamily, horizon: number): { className: string; args: EditBlock } {
  return family === 'cosine'
    ? { className: 'CosineAnnealingLR', args: { T_max: horizon } }
    : { className: 'LinearLR', args: { start_factor: float(1), end_factor: float(0), total_iters: horizon } };
}

export function lightningDecayEdits(input: DialectInput, plan: TrainingPlan, family: DecayFamily): TextEdit[] {
  const tree = new ConfigTree(input.document, { interpolate: false });
  const { className, args } = torchDecay(family, plan.length.steps);
  const taskLevel = !tree.has('optimizer') && (tree.has('model.init_args.optimizer') || tree.has('model.init_args.lr'));
  // An injected scheduler ({class_path, init_args}) is stepped by the module's own code: no edit is offered for it.
  if (taskLevel && typeof tree.get('model.init_args.optimizer') === 'object') return [];
  if (taskLevel) {
    return setPaths(
      input,
      [
        ['model.init_args.scheduler', className],
        ['model.init_args.scheduler_hparams', args],
      ],
      { replace: true },
    );
  }
  const warmup = plan.schedule.name === 'SequentialLR' ? warmupChild(plan.schedule.params) : null;
  if (warmup && warmup.milestone < plan.length.steps) {
    // Keep the warmup child and its milestone; the decay runs over what is left of the run.
    const decay = torchDecay(family, plan.length.steps - warmup.milestone);
    const schedulers = new BlockList([warmup.child, { class_path: `${TORCH}.${decay.className}`, init_args: decay.args }]);
    const block = { class_path: `${TORCH}.SequentialLR`, init_args: { schedulers, milestones: [warmup.milestone] } };
    return setPath(input, ['lr_scheduler'], block, { replace: true, beside: 'optimizer' });
  }
  return setPath(input, ['lr_scheduler'], { class_path: `${TORCH}.${className}`, init_args: args }, { replace: true, beside: 'optimizer' });
}

/** A SequentialLR's first child when it is a warmup (LinearLR ramping up, or ConstantLR), with its milestone. */
function warmupChild(params: Record<string, unknown>): { child: EditBlock; milestone: number } | null {
  const children = childSchedulers(params);
  const milestones = Array.isArray(params.milestones) ? (params.milestones as unknown[]) : [];
  const first = children[0];
  const milestone = Number(milestones[0]);
  if (!first || children.length < 2 || !(milestone > 0)) return null;
  const { name: classPath, params: args } = childScheduler(first);
  const name = classPath === undefined ? undefined : schedulerClassName(classPath);
  const rampsUp = name === 'LinearLR' && Number(args.start_factor ?? 1 / 3) < Number(args.end_factor ?? 1);
  if (!classPath || !(rampsUp || name === 'ConstantLR')) return null;
  const kept: Record<string, EditValue> = {};
  for (const [key, value] of Object.entries(args)) {
    if (typeof value === 'number') kept[key] = Number.isInteger(value) && /factor/.test(key) ? float(value) : value;
    else if (typeof value === 'string' || typeof value === 'boolean') kept[key] = value;
  }
  return { child: { class_path: classPath, init_args: kept }, milestone };
}
