import type { Rule } from './rule';
import { constantLrRule, validationDrivenRule } from './scheduleRules';
import { warmupTooLongRule } from './warmupRules';

/** Every plan rule; `invalid-value` is raised while the dialect reads values. */
export const PLAN_RULES: readonly Rule[] = [constantLrRule, validationDrivenRule, warmupTooLongRule];
export { SWEEP_RULES } from './sweepRules';
