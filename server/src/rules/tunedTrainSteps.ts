import type { Fix } from '../analysis/finding';
import { fixEntryEdits } from '../fixes/sweepEdits';
import { roleOf } from '../plan/searchSpaceRoles';
import { isTuned, type SweepEntry } from '../plan/sweepPlan';
import { report, type RuleModule } from './rule';

/** The single length every trial should use: the largest value the search space gives it. */
function lengthValue(entry: SweepEntry): number | null {
  const numbers = (entry.values ?? []).map(Number).filter(Number.isFinite);
  const largest = numbers.length > 0 ? Math.max(...numbers) : (entry.max ?? null);
  if (largest === null) return null;
  // A Hydra basic `range(a, b)` stops before b; W&B int_uniform and Katib int include it.
  const top = entry.syntax === 'hydra-override' && entry.kind === 'range' && !entry.values && entry.step ? largest - entry.step : largest;
  return Number.isInteger(top) ? top : Math.round(top);
}

/** `tuned-train-steps`: the training length is in the search space. */
export const tunedTrainSteps: RuleModule<'tuned-train-steps'> = {
  meta: {
    id: 'tuned-train-steps',
    defaultSeverity: 'warning',
    why: 'the maximum number of training steps should be one value for every trial',
    docs: 'docs/rules/tuned-train-steps.md',
  },

  checkSweep(context) {
    return context.sweep.entries
      .filter((entry) => isTuned(entry) && roleOf(entry.name) === 'length')
      .map((entry) => {
        const value = lengthValue(entry);
        const edits = value !== null && value > 0 ? fixEntryEdits(context.input.parsed, context.input.document, entry, value) : null;
        const fixes: Fix[] = edits ? [{ title: `Fix the length at ${value}`, isPreferred: true, edits }] : [];
        return report(tunedTrainSteps.meta, {
          message:
            `\`${entry.name}\` puts the training length in the search space: ${tunedTrainSteps.meta.why}. ` +
            'Longer trials win for being longer, and the schedule is tuned for one length only.',
          span: entry.keySpan,
          keySpan: entry.keySpan,
          fixes,
        });
      });
  },
};
