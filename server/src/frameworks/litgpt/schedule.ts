/**
 * litgpt's two built-in schedules (no config key names a scheduler: the command that runs the recipe decides).
 * Source: Lightning-AI/litgpt @26857050fe3ff627cd714fe92f5838f51a3d5efa:
 * - `pretrain`: litgpt/pretrain.py `fit` (lines 321-345) and `get_lr` (lines 463-474); litgpt/args.py
 *   `TrainArgs.warmup_iters`, `gradient_accumulation_iters`. The LR is set before every micro-batch `it` (0-based):
 *   `it < Wi` → `lr * it / Wi`; `it > max_iters` → `min_lr`; else
 *   `min_lr + 0.5 * (1 + cos(pi * (it - Wi) / (max_iters - Wi))) * (lr - min_lr)`. The optimizer steps after
 *   micro-batch `(k + 1) * GA - 1`, so update k uses g((k + 1) * GA - 1); the run makes floor(max_iters / GA) updates.
 * - `finetune`: litgpt/finetune/lora.py `get_lr_scheduler` (lines 494-498; full.py, adapter.py, adapter_v2.py and
 *   lora_legacy.py hold the same function): `SequentialLR([LambdaLR(step / W), CosineAnnealingLR(T_max = M - W)],
 *   milestones=[W])`, `scheduler.step()` after every optimizer step. Update k < W uses `lr * (k / W)` (LambdaLR:
 *   base_lr * lambda(k)); from k = W torch's CosineAnnealingLR (closed form at its step(0), then its chainable
 *   recursion), eta_min 0, not clamped past M.
 *
 * Params (plan.schedule.params): pretrain `warmup_iters`, `max_iters`, `grad_accum`, `min_lr`; finetune `warmup_steps`,
 * `lr_max_steps`.
 */
import { stepsAroundSorted } from '../../schedules/criticalSteps';
import { marker } from '../../schedules/closedFormSchedule';
import type { ScheduleInput } from '../../schedules/closedFormSchedule';
import { pytorchSchedule } from '../../schedules/pytorch';
import type { Schedule, ScheduleMarker } from '../../schedules/schedule';
import { numberParam } from '../../schedules/scheduleParams';

export const LITGPT_SCHEDULES = ['pretrain', 'finetune'] as const;
export type LitgptSchedule = (typeof LITGPT_SCHEDULES)[number];

/** pretrain.py `get_lr`, in the order of its float operations. */
export function pretrainLr(lr: number, it: number, warmupIters: number, maxIters: number, minLr: number): number {
  if (it < warmupIters) return (lr * it) / warmupIters;
  if (it > maxIters) return minLr;
  const decayRatio = (it - warmupIters) / (maxIters - warmupIters);
  const coeff = 0.5 * (1.0 + Math.cos(Math.PI * decayRatio));
  return minLr + coeff * (lr - minLr);
}

function pretrainSchedule(input: ScheduleInput): Schedule | null {
  const p = input.params;
  const warmupIters = numberParam(p, 'warmup_iters');
  const maxIters = numberParam(p, 'max_iters');
  const ga = numberParam(p, 'grad_accum');
  const minLr = numberParam(p, 'min_lr');
  if (warmupIters === undefined || maxIters === undefined || ga === undefined || minLr === undefined) return null;
  if (!(ga >= 1) || !(maxIters >= 1) || warmupIters < 0 || warmupIters > maxIters) return null;
  // warmup_iters == max_iters: the cosine branch divides 0 by 0 only at it == max_iters, which never runs.
  const eta = input.baseLr;
  const lrAt = (k: number): number => pretrainLr(eta, (k + 1) * ga - 1, warmupIters, maxIters, minLr);
  // The first update whose micro-batch is at or past the warmup end: the curve peaks there.
  const peak = Math.max(0, Math.ceil((warmupIters + 1) / ga) - 1);
  const markers: ScheduleMarker[] = warmupIters > 0 ? [marker(peak, 'warmup-end', 'warmup ends')] : [];
  const breakpoints = [peak - 1, peak];
  return {
    family: 'pretrain',
    totalSteps: input.totalSteps,
    lrAt,
    criticalSteps: (start, end, limit) => stepsAroundSorted(breakpoints, start, end, limit),
    markers: markers.filter((m) => m.step < input.totalSteps),
  };
}

function finetuneSchedule(input: ScheduleInput): Schedule | null {
  const p = input.params;
  const warmup = numberParam(p, 'warmup_steps');
  const maxSteps = numberParam(p, 'lr_max_steps');
  // W = 0 (or null) is a ZeroDivisionError in LambdaLR when the scheduler is built: nothing runs.
  if (warmup === undefined || maxSteps === undefined || !(warmup > 0)) return null;
  const eta = input.baseLr;
  const tMax = maxSteps - warmup;
  // Runs that end within the warmup never reach the cosine (a T_max <= 0 there is never used).
  const reachesCosine = input.totalSteps > warmup;
  // T_max = 0 divides by zero at step W; a negative T_max gives the same cosine as |T_max| (cos is even).
  if (reachesCosine && tMax === 0) return null;
  const cosine = reachesCosine
    ? pytorchSchedule({
        name: 'CosineAnnealingLR',
        params: { T_max: Math.abs(tMax), eta_min: 0 },
        baseLr: eta,
        totalSteps: input.totalSteps - warmup,
      })
    : null;
  if (reachesCosine && !cosine) return null;
  const lrAt = (k: number): number => (k < warmup || !cosine ? eta * (k / warmup) : cosine.lrAt(k - warmup));
  const markers: ScheduleMarker[] = [marker(warmup, 'warmup-end', 'warmup ends')];
  if (tMax > 0 && maxSteps < input.totalSteps) {
    markers.push(marker(maxSteps, 'horizon', 'cosine reaches 0 (lr_max_steps); torch does not clamp it: the LR rises after'));
  }
  return {
    family: 'finetune',
    totalSteps: input.totalSteps,
    lrAt,
    criticalSteps: (start, end, limit) => {
      // Monotone up to W, then the cosine's own pieces (troughs at odd multiples of T_max).
      const around = stepsAroundSorted([warmup - 1, warmup], start, end, limit);
      const from = Math.max(start, warmup);
      const tail = cosine && from < end ? (cosine.criticalSteps?.(from - warmup, end - warmup, limit) ?? []).map((t) => t + warmup) : [];
      return [...new Set([...around, ...tail])].sort((a, b) => a - b).slice(0, limit);
    },
    markers: markers.filter((m) => m.step < input.totalSteps),
  };
}

export function litgptSchedule(input: ScheduleInput): Schedule | null {
  if (input.name === 'pretrain') return pretrainSchedule(input);
  if (input.name === 'finetune') return finetuneSchedule(input);
  return null;
}
