/**
 * The keyword arguments of DeepSpeed's own schedulers (deepspeedai/DeepSpeed deepspeed/runtime/lr_schedules.py
 * @22779f2c6e335b494c90c05917206d3b14510d2d). The engine builds the configured one as
 * `scheduler(optimizer, **scheduler.params)` (runtime/engine.py `_scheduler_from_config`), so a key the class does
 * not take raises TypeError at start-up: typically `warmup_min_lr` / `warmup_max_lr` (WarmupDecayLR's) copied under
 * WarmupCosineLR, which takes ratios of the optimizer's lr instead. The Hugging Face Trainer fills "auto" values of
 * the keys that are there; it neither adds nor removes keys.
 */
import type { Finding } from '../../analysis/finding';
import type { ConfigTree } from '../../dialects/configTree';
import { closestName } from '../../dialects/closestName';
import { reportInvalidValue } from '../../rules/invalidValue';

const WARMUP_LR = ['warmup_min_lr', 'warmup_max_lr', 'warmup_num_steps', 'warmup_type', 'last_batch_iteration'];

export const DEEPSPEED_SCHEDULER_ARGS: Readonly<Record<string, readonly string[]>> = {
  WarmupLR: WARMUP_LR,
  WarmupDecayLR: ['total_num_steps', ...WARMUP_LR],
  WarmupCosineLR: ['total_num_steps', 'warmup_min_ratio', 'warmup_num_steps', 'cos_min_ratio', 'warmup_type', 'last_batch_iteration'],
  OneCycle: [
    'cycle_min_lr',
    'cycle_max_lr',
    'decay_lr_rate',
    'cycle_first_step_size',
    'cycle_second_step_size',
    'cycle_first_stair_count',
    'cycle_second_stair_count',
    'decay_step_size',
    'cycle_momentum',
    'cycle_min_mom',
    'cycle_max_mom',
    'decay_mom_rate',
    'last_batch_iteration',
  ],
  LRRangeTest: [
    'lr_range_test_min_lr',
    'lr_range_test_step_size',
    'lr_range_test_step_rate',
    'lr_range_test_staircase',
    'last_batch_iteration',
  ],
};

/** `invalid-value` errors for the `scheduler.params` keys DeepSpeed's own scheduler class does not take. */
export function schedulerArgProblems(tree: ConfigTree, type: string | undefined): Finding[] {
  const accepted = type === undefined ? undefined : DEEPSPEED_SCHEDULER_ARGS[type];
  if (!accepted) return [];
  const findings: Finding[] = [];
  for (const name of tree.keys('scheduler.params')) {
    if (accepted.includes(name)) continue;
    const entry = tree.entry(`scheduler.params.${name}`);
    if (!entry) continue;
    const suggestion = closestName(name, accepted);
    const hint =
      type === 'WarmupCosineLR' && (name === 'warmup_min_lr' || name === 'warmup_max_lr')
        ? " WarmupCosineLR peaks at the optimizer's lr and takes ratios of it (warmup_min_ratio, cos_min_ratio)."
        : suggestion
          ? ` Did you mean \`${suggestion}\`?`
          : '';
    const message =
      `\`${name}\` is not an argument of DeepSpeed's ${type} (DeepSpeed raises TypeError at start-up); it takes: ` +
      `${accepted.filter((a) => a !== 'last_batch_iteration').join(', ')}.${hint}`;
    findings.push({ ...reportInvalidValue(message, entry), span: entry.keySpan, keySpan: entry.keySpan });
  }
  return findings;
}
