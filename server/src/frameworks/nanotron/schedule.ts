/**
 * nanotron learning-rate schedule (`optimizer.learning_rate_scheduler`).
 * Source: huggingface/nanotron src/nanotron/helpers.py (`lr_scheduler_builder`), src/nanotron/config/config.py
 * (`LRSchedulerArgs` and its `__post_init__`, `Config.__post_init__` which sets lr_decay_steps), src/nanotron/trainer.py
 * @2411b022a75fb7f7561a1bb4166706da5e1b76de.
 *
 * Contract with the dialect:
 * - `name`: `lr_decay_style` (`linear` when absent; `linear`, `cosine`, `1-sqrt`).
 * - `params`: `lr_warmup_steps` (0), `lr_warmup_style` (`linear` or `constant`; absent is rejected by nanotron),
 *   `lr_decay_steps` (absent: train_steps - lr_warmup_steps, set when the config is loaded), `lr_decay_starting_step`
 *   (absent: lr_warmup_steps), `min_decay_lr` (absent: learning_rate, so no decay).
 * - `baseLr`: `learning_rate`. `totalSteps`: `tokens.train_steps`.
 *
 * Step index: torch LambdaLR stepped after every optimizer step, so update k uses t = k. First match wins:
 * W = 0 and D = 0: lr; t <= W: linear lr * t / max(W, 1), constant lr; t < S: lr; t < S + D, x = (t - S) / D:
 * cosine m + (lr - m) * (1 + cos(pi x)) / 2, linear m + (lr - m) * (D - (t - S)) / D, 1-sqrt m + (lr - m) * (1 - sqrt(x));
 * else m. LambdaLR divides by the group lr and multiplies it back (kept here, +-1 ulp).
 */
import { closedFormSchedule, marker, type ScheduleInput } from '../../schedules/closedFormSchedule';
import type { Schedule, ScheduleMarker } from '../../schedules/schedule';
import { numberParam, stringParam } from '../../schedules/scheduleParams';

export const NANOTRON_DECAY_STYLES = ['linear', 'cosine', '1-sqrt'] as const;
export const NANOTRON_WARMUP_STYLES = ['linear', 'constant'] as const;

export function nanotronSchedule(input: ScheduleInput): Schedule | null {
  const style = input.name;
  const p = input.params;
  const warmupStyle = stringParam(p, 'lr_warmup_style');
  if (!NANOTRON_DECAY_STYLES.some((s) => s === style)) return null;
  if (!NANOTRON_WARMUP_STYLES.some((s) => s === warmupStyle)) return null;
  const eta = input.baseLr;
  const T = input.totalSteps;
  const W = numberParam(p, 'lr_warmup_steps') ?? 0;
  const D = numberParam(p, 'lr_decay_steps') ?? T - W;
  const S = numberParam(p, 'lr_decay_starting_step') ?? W;
  const m = numberParam(p, 'min_decay_lr') ?? eta;
  const lambda = (t: number): number => {
    if (W === 0 && D === 0) return eta;
    if (t <= W) return warmupStyle === 'linear' ? (eta * t) / Math.max(W, 1) : eta;
    if (t < S) return eta;
    if (t < S + D) {
      if (style === 'cosine') return m + ((eta - m) * (1 + Math.cos((Math.PI * (t - S)) / D))) / 2;
      if (style === 'linear') return m + ((eta - m) * (D - (t - S))) / D;
      return m + (eta - m) * (1 - Math.sqrt((t - S) / D));
    }
    return m;
  };
  const markers: ScheduleMarker[] = [];
  if (W > 0) markers.push(marker(W, 'warmup-end', 'warmup ends'));
  if (S > W) markers.push(marker(S, 'decay-start', 'decay starts'));
  if (m !== eta) markers.push(marker(S + D, 'phase-end', 'min_decay_lr reached'));
  return closedFormSchedule({
    family: style,
    totalSteps: T,
    lrAt: (t) => (lambda(t) / eta) * eta,
    breakpoints: [W, S, S + D],
    markers,
  });
}
