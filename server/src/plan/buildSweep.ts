import { readOptimizer } from './searchSpaceRoles';
import { SweepPlanSchema, type SweepDraft, type SweepOptimizer, type SweepPlan } from './sweepPlan';

/**
 * A dialect's reading completed with the optimizer it implies, and checked against the schema (a reader's
 * mistake fails here, not in a rule). A plan passed again (with a new `optimizerName`) is re-derived.
 */
export function buildSweep(draft: SweepDraft): SweepPlan {
  const { optimizer: _previous, ...rest } = draft as SweepDraft & { optimizer?: SweepOptimizer };
  return SweepPlanSchema.parse({ ...rest, optimizer: readOptimizer(rest) });
}
