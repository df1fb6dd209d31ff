import type { ScheduleFamily } from '../family';

/**
 * The family of litgpt's built-in schedules: both decay by a cosine after a linear warmup (Lightning-AI/litgpt
 * litgpt/pretrain.py `get_lr`, litgpt/finetune/lora.py `get_lr_scheduler` @26857050fe3ff627cd714fe92f5838f51a3d5efa).
 * Pretrain with `train.min_lr` at or above the LR is constant in effect (the plan's constantAfterWarmup says so).
 */
export function litgptFamily(name: string): ScheduleFamily {
  return name === 'pretrain' || name === 'finetune' ? { kind: 'cosine', name: 'cosine' } : { kind: 'unknown', name };
}
