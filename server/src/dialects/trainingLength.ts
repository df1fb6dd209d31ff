import type { TrainingPlan } from '../plan/trainingPlan';
import type { DialectInput } from './dialect';

export type PlanLength = TrainingPlan['length'];

/** Steps per epoch assumed when nothing says; the plan reports the assumption. */
export const ASSUMED_STEPS_PER_EPOCH = 1000;

/** Total steps assumed when a config gives no training length at all; the plan reports the assumption. */
export const ASSUMED_TOTAL_STEPS = 10_000;

export const STEPS_PER_EPOCH_HINT = 'set it with `# lr-lens: steps-per-epoch=N` or the lrLens.stepsPerEpoch setting';

/** Steps per epoch the user gave (directive first, then setting). */
export function givenStepsPerEpoch(input: DialectInput): number | undefined {
  return input.parsed.directives.stepsPerEpoch ?? input.settings.stepsPerEpoch;
}

export function stepLength(steps: number, basis: string): PlanLength {
  return { steps: Math.max(1, Math.round(steps)), unit: 'step', assumed: false, basis };
}

/** A length given in epochs, turned into optimizer steps with the user's steps per epoch or an assumed figure. */
export function epochLength(input: DialectInput, epochs: number, basis: string, assumptions: string[]): PlanLength {
  const given = givenStepsPerEpoch(input);
  const stepsPerEpoch = given ?? ASSUMED_STEPS_PER_EPOCH;
  if (given === undefined) {
    assumptions.push(
      `${ASSUMED_STEPS_PER_EPOCH} optimizer steps per epoch (the dataset size is not in the config; ${STEPS_PER_EPOCH_HINT})`,
    );
  }
  return {
    steps: Math.max(1, Math.ceil(epochs * stepsPerEpoch)),
    unit: 'step',
    epochs,
    stepsPerEpoch,
    assumed: given === undefined,
    basis: `${basis} × ${stepsPerEpoch} steps per epoch`,
  };
}

/** A length nobody wrote down (set on the command line, computed at run time): an assumed figure, said so. */
export function assumedLength(why: string, assumptions: string[]): PlanLength {
  assumptions.push(`${ASSUMED_TOTAL_STEPS} training steps (${why})`);
  return { steps: ASSUMED_TOTAL_STEPS, unit: 'step', assumed: true, basis: `assumed: ${why}` };
}
