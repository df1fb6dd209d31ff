/**
 * DeepSpeed decay fix: a JSON `scheduler` object, `WarmupCosineLR` (ratios of the optimizer's lr) or `WarmupDecayLR`
 * (absolute LRs), with `total_num_steps` and the warmup kept as written ("auto" stays "auto"). A standalone ds_config
 * does not know the run's length: the plan's (assumed) length is written where nothing was, and the fix says so.
 */
import type { TextEdit } from '../../analysis/finding';
import { ConfigTree } from '../../dialects/configTree';
import type { DecayFamily, DialectInput } from '../../dialects/dialect';
import type { TrainingPlan } from '../../plan/trainingPlan';
import { writesAuto } from './autoValues';
import { setPath, writtenScalar, type EditValue, type RawText } from '../../fixes/pathEdits';

export function deepspeedDecayEdits(input: DialectInput, plan: TrainingPlan, family: DecayFamily): TextEdit[] {
  const tree = new ConfigTree(input.document, { interpolate: false });
  const old = (key: string): RawText | undefined => writtenScalar(input, ['scheduler', 'params', key]);
  // Under the Hugging Face integration ("auto" values), the Trainer fills an "auto" total_num_steps with the run's own
  // number of training steps (huggingface/transformers src/transformers/integrations/deepspeed.py,
  // trainer_config_finalize, `fill_match("scheduler.params.total_num_steps", num_training_steps, ...)`, commit
  // 3a80c166389f65756701d6afe22bc6ec954603da): "auto" is exact there, where an assumed length would be a guess.
  const filledByTrainer = writesAuto(tree.get('scheduler')) || writesAuto(tree.get('optimizer'));
  const params: Record<string, EditValue> = {
    total_num_steps: old('total_num_steps') ?? (filledByTrainer ? 'auto' : plan.length.steps),
  };
  params.warmup_num_steps = old('warmup_num_steps') ?? plan.warmup.steps;
  // WarmupCosineLR scales the optimizer's own lr: without one in the file there is nothing to decay from here.
  if (family === 'cosine' && tree.get('optimizer.params.lr') === undefined) return [];
  if (family === 'cosine') {
    const minLr = Number(tree.get('scheduler.params.warmup_min_lr'));
    // A ratio of the peak: with the peak unknown here ("auto"), the warmup starts from 0 (WarmupCosineLR's default).
    if (minLr > 0 && plan.peakUnknown === undefined) params.warmup_min_ratio = minLr / plan.baseLr;
  } else {
    params.warmup_min_lr = old('warmup_min_lr') ?? 0;
    // WarmupDecayLR's own default peak is 0.001, whatever the optimizer says: write the run's LR.
    params.warmup_max_lr = old('warmup_max_lr') ?? (tree.get('optimizer.params.lr') === 'auto' ? 'auto' : plan.baseLr);
  }
  const warmupType = old('warmup_type');
  if (warmupType !== undefined) params.warmup_type = warmupType;
  const block = { type: family === 'cosine' ? 'WarmupCosineLR' : 'WarmupDecayLR', params };
  return setPath(input, ['scheduler'], block, { replace: true, beside: 'optimizer' });
}
