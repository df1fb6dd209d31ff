import type { DialectInput } from '../../dialects/dialect';
import type { PlanDraft } from '../../dialects/planBuilder';
import { givenStepsPerEpoch, type PlanLength } from '../../dialects/trainingLength';
import type { ComposerTime } from './dialect';

/**
 * A scheduler's `t_warmup` in batches: `ba` as written, `dur` as a fraction of the run, `ep` with the steps per epoch
 * when they are known (else an assumption says why there is none), `sp` with the batch size when it is given. `dur`
 * and `ep` are truncated as Composer's `_convert_time` truncates them (mosaicml/composer composer/optim/scheduler.py,
 * commit 01f3028f9c34f1f667a3d26b42cb6a5d72939be4: `int(time.value * max_duration.value)`).
 */
export function composerWarmup(
  time: ComposerTime | null,
  length: PlanLength,
  input: DialectInput,
  assumptions: string[],
  batchSize?: number,
): PlanDraft['warmup'] {
  const perEpoch = givenStepsPerEpoch(input) ?? length.stepsPerEpoch;
  if (time?.unit === 'ep' && !perEpoch) assumptions.push('warmup in epochs cannot be turned into batches without the dataset size');
  return warmupBatches(time, length, perEpoch, batchSize);
}

/** `t_warmup` in batches for a run of `length` with `perEpoch` batches per epoch (0 where it cannot be known). */
export function warmupBatches(
  time: ComposerTime | null,
  length: PlanLength,
  perEpoch: number | undefined,
  batchSize?: number,
): PlanDraft['warmup'] {
  if (time?.unit === 'ba') return { steps: time.value };
  if (time?.unit === 'dur') return { steps: Math.trunc(time.value * length.steps), ratio: time.value };
  if (time?.unit === 'ep' && perEpoch) return { steps: Math.trunc(time.value * perEpoch) };
  if (time?.unit === 'sp' && batchSize) return { steps: Math.round(time.value / batchSize) };
  return { steps: 0 };
}
