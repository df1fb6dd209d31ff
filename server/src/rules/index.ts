import type { Rule } from './rule';
import { constantLrRule, validationDrivenRule } from './scheduleRules';
import { warmupTooLongRule } from './warmupRules';
import { piecewiseScheduleRule } from './piecewiseRules';
import { scheduleFamilyRule } from './familyRules';
import { scheduleHorizonRule } from './horizonRules';

/** Every plan rule; `invalid-value` is raised while the dialect reads values. */
export const PLAN_RULES: readonly Rule[] = [
  constantLrRule,
  validationDrivenRule,
  warmupTooLongRule,
  piecewiseScheduleRule,
  scheduleFamilyRule,
  scheduleHorizonRule,
];
export { SWEEP_RULES } from './sweepRules';
