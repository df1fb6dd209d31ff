/**
 * transformers' schedule factories (`_target_: transformers.get_cosine_schedule_with_warmup`, `_partial_: true`) by
 * the `get_scheduler` name the Hugging Face engine evaluates (huggingface/transformers src/transformers/optimization.py
 * @005edacb: TYPE_TO_SCHEDULER_FUNCTION). Their arguments keep their names (num_warmup_steps, num_training_steps,
 * num_cycles, power, lr_end) and the schedule is stepped per optimizer step.
 */
export const TRANSFORMERS_FACTORIES: Readonly<Record<string, string>> = {
  get_linear_schedule_with_warmup: 'linear',
  get_cosine_schedule_with_warmup: 'cosine',
  get_cosine_with_hard_restarts_schedule_with_warmup: 'cosine_with_restarts',
  get_polynomial_decay_schedule_with_warmup: 'polynomial',
  get_constant_schedule: 'constant',
  get_constant_schedule_with_warmup: 'constant_with_warmup',
  get_inverse_sqrt_schedule: 'inverse_sqrt',
  get_cosine_with_min_lr_schedule_with_warmup: 'cosine_with_min_lr',
  get_wsd_schedule: 'warmup_stable_decay',
};
