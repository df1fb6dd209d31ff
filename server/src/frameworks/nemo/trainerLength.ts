import type { DialectInput } from '../../dialects/dialect';
import { assumedLength, epochLength, stepLength, type PlanLength } from '../../dialects/trainingLength';

/**
 * The run's length as NeMo's Lightning trainer reads it: `trainer.max_steps` when set (> 0), else
 * `trainer.max_epochs` × steps per epoch, else `fallback` (a scheduler's own `max_steps`, where the layout has one),
 * else an assumed length. `lengthPath` is the key the length comes from.
 */
export function trainerLength(
  num: (key: string) => number | undefined,
  input: DialectInput,
  assumptions: string[],
  fallback?: { path: string; label: string },
): { length: PlanLength; lengthPath: string | undefined } {
  const maxSteps = num('trainer.max_steps');
  if (maxSteps !== undefined && maxSteps > 0) {
    return { length: stepLength(maxSteps, `trainer.max_steps: ${maxSteps}`), lengthPath: 'trainer.max_steps' };
  }
  const maxEpochs = num('trainer.max_epochs');
  if (maxEpochs !== undefined && maxEpochs > 0) {
    return { length: epochLength(input, maxEpochs, `trainer.max_epochs: ${maxEpochs}`, assumptions), lengthPath: 'trainer.max_epochs' };
  }
  const steps = fallback && num(fallback.path);
  if (fallback && steps !== undefined && steps > 0) {
    return { length: stepLength(steps, `${fallback.label}: ${steps}`), lengthPath: fallback.path };
  }
  return { length: assumedLength('trainer.max_steps / max_epochs are not known from this file', assumptions), lengthPath: undefined };
}
