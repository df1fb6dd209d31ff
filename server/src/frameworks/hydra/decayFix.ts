/**
 * Hydra `_target_` decay fixes, in the lightning-hydra-template's own shape (ashleve/lightning-hydra-template
 * configs/model/mnist.yaml @bddbc24b82ab6ccfa6243e815a49dc5bfe8d4144): the `scheduler:` beside the `optimizer:`
 * becomes `{_target_: torch.optim.lr_scheduler.CosineAnnealingLR, _partial_: true, T_max: <run length>}` or
 * `LinearLR` from 1.0 to 0.0 over the run, replacing what was there (ReduceLROnPlateau, null); a transformers factory
 * becomes `transformers.get_cosine_schedule_with_warmup` / `get_linear_schedule_with_warmup` with its warmup kept
 * (huggingface/transformers src/transformers/optimization.py @005edacb). Only where this file writes the optimizer or
 * the scheduler: a value composed from another group is fixed in that group's file, not here.
 */
import type { TextEdit } from '../../analysis/finding';
import { ConfigTree } from '../../dialects/configTree';
import type { DecayFamily, DialectInput } from '../../dialects/dialect';
import type { TrainingPlan } from '../../plan/trainingPlan';
import { float, setPath, type EditBlock } from '../../fixes/pathEdits';
import { findTargets } from './targets';

const TORCH = 'torch.optim.lr_scheduler';

export function hydraDecayEdits(input: DialectInput, plan: TrainingPlan, family: DecayFamily): TextEdit[] {
  if (plan.schedule.framework !== 'pytorch' && plan.schedule.framework !== 'huggingface') return [];
  const own = new ConfigTree(input.document, { interpolate: false });
  const { optimizers, schedulers } = findTargets(own.root);
  const optimizer = optimizers.find((t) => /(^|\.)optimizer$/.test(t.path)) ?? optimizers[0];
  const scheduler = schedulers.find((t) => /(^|\.)scheduler$/.test(t.path)) ?? schedulers[0];
  // The scheduler mapping this file writes, else a `scheduler` beside the optimizer it writes.
  const parent = optimizer ? optimizer.path.split('.').slice(0, -1) : undefined;
  const path = scheduler ? scheduler.path.split('.').filter(Boolean) : parent ? [...parent, 'scheduler'] : undefined;
  if (!path || path.length === 0) return [];
  const horizon = plan.length.steps;
  if (plan.schedule.framework === 'huggingface') {
    // A transformers factory stays one: the same warmup, decaying over the run.
    const factory = `transformers.get_${family}_schedule_with_warmup`;
    const block: EditBlock = { _target_: factory, _partial_: true, num_warmup_steps: plan.warmup.steps, num_training_steps: horizon };
    return setPath(input, path, block, { replace: true, beside: 'optimizer' });
  }
  const block: EditBlock =
    family === 'cosine'
      ? { _target_: `${TORCH}.CosineAnnealingLR`, _partial_: true, T_max: horizon }
      : { _target_: `${TORCH}.LinearLR`, _partial_: true, start_factor: float(1), end_factor: float(0), total_iters: horizon };
  return setPath(input, path, block, { replace: true, beside: 'optimizer' });
}
