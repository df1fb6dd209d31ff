/**
 * DeepSpeed `"auto"` values, as the Hugging Face integration fills them in (huggingface/transformers
 * src/transformers/integrations/deepspeed.py, commit 3a80c166389f65756701d6afe22bc6ec954603da,
 * HfTrainerDeepSpeedConfig.trainer_config_process / trainer_config_finalize): `warmup_min_lr` ← 0,
 * `warmup_max_lr` and `optimizer.params.lr` ← `learning_rate`, `warmup_num_steps` ← the Trainer's warmup steps
 * (`warmup_steps`, else `warmup_ratio` × steps; 0 by default), `total_num_steps` ← the Trainer's step count.
 * The schedule's shape (WarmupLR flat after warmup, WarmupDecayLR linear to 0, ...) does not depend on them.
 */

export const AUTO_PEAK =
  'the peak LR is "auto" (the Hugging Face Trainer writes its learning_rate there): the curve is the shape, normalized to a peak of 1';

/** Replaces `"auto"` scheduler parameters by what the Trainer writes when it has no other value, saying so. */
export function fillAutoSchedulerParams(params: Record<string, unknown>, peak: number, totalSteps: number, assumptions: string[]): void {
  if (params.warmup_max_lr === 'auto') params.warmup_max_lr = peak;
  if (params.total_num_steps === 'auto') params.total_num_steps = totalSteps;
  if (params.warmup_min_lr === 'auto') params.warmup_min_lr = 0;
  if (params.warmup_num_steps === 'auto') {
    params.warmup_num_steps = 0;
    assumptions.push(
      'warmup_num_steps is "auto": the Trainer writes its warmup_steps (or warmup_ratio × steps) there, drawn as 0 (its default)',
    );
  }
}

/** Whether a block writes "auto" anywhere (values the Hugging Face Trainer fills in). */
export function writesAuto(value: unknown): boolean {
  if (value === 'auto') return true;
  if (Array.isArray(value)) return value.some(writesAuto);
  if (value !== null && typeof value === 'object') return Object.values(value).some(writesAuto);
  return false;
}
