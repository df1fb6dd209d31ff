/**
 * litgpt decay fix. No key chooses litgpt's schedule: pretrain always runs linear warmup then cosine to
 * `train.min_lr`, finetune warmup then cosine to 0 (Lightning-AI/litgpt litgpt/pretrain.py `get_lr`,
 * litgpt/finetune/lora.py `get_lr_scheduler` @26857050fe3ff627cd714fe92f5838f51a3d5efa). So the only cosine fix is the
 * key that made pretrain's LR constant, a floor at or above the LR: `train.min_lr` goes to 0.0. litgpt cannot
 * express a linear decay: no linear fix.
 */
import type { TextEdit } from '../../analysis/finding';
import type { DecayFamily, DialectInput } from '../../dialects/dialect';
import type { TrainingPlan } from '../../plan/trainingPlan';
import { float, setPath } from '../../fixes/pathEdits';

export function litgptDecayEdits(input: DialectInput, plan: TrainingPlan, family: DecayFamily): TextEdit[] {
  if (family !== 'cosine' || plan.schedule.name !== 'pretrain' || !plan.schedule.constantAfterWarmup) return [];
  return setPath(input, ['train', 'min_lr'], float(0));
}
