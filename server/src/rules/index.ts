import { adamOvertuned } from './adamOvertuned';
import { adamUndertuned } from './adamUndertuned';
import { constantLr } from './constantLr';
import { fileTooLarge } from './fileTooLarge';
import { invalidValue } from './invalidValue';
import { piecewiseSchedule } from './piecewiseSchedule';
import type { Rule, RuleModule, SweepRule } from './rule';
import { scheduleFamily } from './scheduleFamily';
import { scheduleHorizon } from './scheduleHorizon';
import { tunedTrainSteps } from './tunedTrainSteps';
import { unknownBudget } from './unknownBudget';
import { validationDrivenSchedule } from './validationDrivenSchedule';
import { warmupTooLong } from './warmupTooLong';

/**
 * Every rule, one module each. `RuleId`, the catalog (`RULES`) and the lists of checks below are derived from this
 * array: a rule added here is known everywhere, and an id used anywhere without a module is a compile error. The
 * order is the catalog's (lists of known rules, SARIF) and the order the checks run in (findings are sorted by
 * position afterwards).
 */
export const RULE_MODULES = [
  constantLr,
  piecewiseSchedule,
  validationDrivenSchedule,
  scheduleFamily,
  scheduleHorizon,
  warmupTooLong,
  adamOvertuned,
  adamUndertuned,
  tunedTrainSteps,
  unknownBudget,
  fileTooLarge,
  invalidValue,
] as const;

export type RuleId = (typeof RULE_MODULES)[number]['meta']['id'];

const modules: readonly RuleModule<RuleId>[] = RULE_MODULES;

/** Every plan check. */
export const PLAN_RULES: readonly Rule[] = modules.flatMap((module) => (module.checkPlan ? [module.checkPlan] : []));

/** Every study check. */
export const SWEEP_RULES: readonly SweepRule[] = modules.flatMap((module) => (module.checkSweep ? [module.checkSweep] : []));
