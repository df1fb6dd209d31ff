import * as z from './zod';

/**
 * The framework-neutral sweep plan: what a hyperparameter study will run, whatever file format said it
 * (W&B sweep, Hydra basic or Optuna sweeper, Katib Experiment). Sweep dialects build one; sweep rules read
 * nothing else.
 */

const SpanSchema = z.object({ start: z.number().check(z.int(), z.nonnegative()), end: z.number().check(z.int(), z.nonnegative()) });

/**
 * How a search-space entry is written, so fixes can rewrite it in the framework's own syntax:
 * `wandb` a W&B parameter mapping (`{values: [..]}`), `hydra-override` a Hydra override string
 * (`choice(..)`, `a,b`, `interval(..)`), `optuna-legacy` an Optuna sweeper `search_space` mapping
 * (`{type, low, high, choices}`), `katib` a Katib `parameters[]` item (`feasibleSpace`), `sagemaker` a SageMaker
 * `ParameterRanges` item (JSON; no edits offered).
 */
export const SweepSyntaxSchema = z.enum(['wandb', 'hydra-override', 'optuna-legacy', 'katib', 'sagemaker']);
export type SweepSyntax = z.infer<typeof SweepSyntaxSchema>;

export const SweepEntrySchema = z.object({
  /** The parameter's full name, nested W&B names joined with dots (`optimizer.adam_beta1`). */
  name: z.string(),
  /** fixed: one value for every trial; choice: a list; range: evenly stepped bounds; distribution: sampled. */
  kind: z.enum(['fixed', 'choice', 'range', 'distribution']),
  /** The values, when they can be listed (fixed, choice, and ranges with a step). */
  values: z.optional(z.array(z.unknown())),
  /** Bounds of a range or distribution, as numbers when they are numbers. */
  min: z.optional(z.number()),
  max: z.optional(z.number()),
  step: z.optional(z.number()),
  /** The framework's distribution name (`log_uniform_values`, `logUniform`, `log` for Hydra tag(log, ..)). */
  distribution: z.optional(z.string()),
  /** Points this entry contributes to a grid: null when it cannot be gridded (a continuous distribution). */
  gridPoints: z.nullable(z.number().check(z.int(), z.nonnegative())),
  syntax: SweepSyntaxSchema,
  /** The whole entry (key to end of value). */
  span: SpanSchema,
  keySpan: SpanSchema,
  valueSpan: SpanSchema,
});
export type SweepEntry = z.infer<typeof SweepEntrySchema>;

export const SweepBudgetSchema = z.object({
  /** The trials the study runs at most; null when nothing bounds it. */
  trials: z.nullable(z.number().check(z.int(), z.nonnegative())),
  /** An explicit cap (`run_cap`, `n_trials`, `maxTrialCount`), when there is one. */
  cap: z.nullable(z.number().check(z.int(), z.nonnegative())),
  /** The exact grid size (product over the tuned entries), when the study is a grid. */
  gridSize: z.nullable(z.number().check(z.int(), z.nonnegative())),
  /** How `trials` was found, in words (`run_cap: 12`, `grid of 3 × 4 = 12`). */
  basis: z.string(),
  /** Where the cap is written, when it is. */
  capSpan: z.optional(SpanSchema),
});
export type SweepBudget = z.infer<typeof SweepBudgetSchema>;

/** Which optimizer the study trains with, as far as the sweep (or the config around it) says. */
export const SweepOptimizerSchema = z.object({
  /** adam: Adam-family for every trial; mixed: the optimizer is tuned and Adam-family is among the choices; none: not Adam; unknown: not said. */
  family: z.enum(['adam', 'mixed', 'none', 'unknown']),
  /** The optimizer names given (fixed value or choices). */
  names: z.array(z.string()),
  /** The search-space entry that names or tunes the optimizer. */
  entryName: z.optional(z.string()),
  tuned: z.boolean(),
  /** How the family was found, for messages (`optimizer: adamw`, `adam_beta1 names Adam`). */
  basis: z.string(),
});
export type SweepOptimizer = z.infer<typeof SweepOptimizerSchema>;

export const SweepPlanSchema = z.object({
  /** Dialect id of the sweep file (`wandb-sweep`, `hydra-sweep`, `katib`) or of the config it is embedded in. */
  dialect: z.string(),
  documentIndex: z.number().check(z.int(), z.nonnegative()),
  /** The search method in the framework's words (`grid`, `random`, `bayes`, `tpe`, `basic`, `cmaes`, ...). */
  method: z.string(),
  /** Whether the method enumerates a grid (so the grid size bounds the trials). */
  isGrid: z.boolean(),
  budget: SweepBudgetSchema,
  entries: z.array(SweepEntrySchema),
  /** Where the study is declared (for findings about the whole study, e.g. an unknown budget). */
  anchor: SpanSchema,
  /** Everything the reading assumed, in words a user can check. */
  assumptions: z.array(z.string()),
  /** The optimizer the surrounding training config names, for a sweep embedded in one (the sweep itself may not say). */
  optimizerName: z.optional(z.string()),
  /** The optimizer the study trains with (derived from the entries and `optimizerName` by `buildSweep`). */
  optimizer: SweepOptimizerSchema,
});
export type SweepPlan = z.infer<typeof SweepPlanSchema>;

/** A sweep plan before its optimizer is derived: what a dialect reads. */
export type SweepDraft = Omit<SweepPlan, 'optimizer'>;

/** The entries that vary between trials (more than one value). */
export function tunedEntries(sweep: SweepDraft): SweepEntry[] {
  return sweep.entries.filter(isTuned);
}

export function isTuned(entry: SweepEntry): boolean {
  if (entry.kind === 'fixed') return false;
  if (entry.values && entry.values.length <= 1) return false;
  // Bounds that coincide (a range, or a distribution such as Katib's double min = max) give one value.
  if (entry.min !== undefined && entry.max !== undefined && entry.min === entry.max) return false;
  return true;
}

/**
 * The grid size: product of every entry's grid points, or null when one of them cannot be gridded.
 * Fixed entries contribute 1.
 */
export function gridSizeOf(entries: readonly SweepEntry[]): number | null {
  let size = 1;
  for (const entry of entries) {
    if (entry.gridPoints === null) return null;
    size *= entry.gridPoints;
  }
  return size;
}

/** The budget from an explicit cap and a grid size: the smaller of the two, or whichever is known. */
export function budgetOf(
  cap: { value: number; text: string; span?: z.infer<typeof SpanSchema> } | null,
  gridSize: number | null,
  gridText: string,
): SweepBudget {
  const capSpan = cap?.span ? { capSpan: cap.span } : {};
  if (cap && gridSize !== null) {
    return cap.value <= gridSize
      ? { trials: cap.value, cap: cap.value, gridSize, basis: `${cap.text} (grid of ${gridText})`, ...capSpan }
      : { trials: gridSize, cap: cap.value, gridSize, basis: `grid of ${gridText}, below ${cap.text}`, ...capSpan };
  }
  if (cap) return { trials: cap.value, cap: cap.value, gridSize: null, basis: cap.text, ...capSpan };
  if (gridSize !== null) return { trials: gridSize, cap: null, gridSize, basis: `grid of ${gridText}` };
  return { trials: null, cap: null, gridSize: null, basis: 'no trial cap' };
}

/** `3 × 4 × 2 = 24` for the grid entries (1-point entries left out), or `1` for an empty grid. */
export function gridText(entries: readonly SweepEntry[]): string {
  const factors = entries.filter((e) => e.gridPoints !== null && e.gridPoints !== 1).map((e) => e.gridPoints as number);
  const size = gridSizeOf(entries);
  if (factors.length <= 1) return `${size ?? '?'} point${size === 1 ? '' : 's'}`;
  return `${factors.join(' × ')} = ${size ?? '?'} points`;
}
