import { scheduleFamilyOf } from '../plan/scheduleFamily';
import type { Rule } from './rule';
import { RULES } from './ruleCatalog';
import { scheduleSpans } from './scheduleRules';

/**
 * `schedule-family` (hint): a decay family that is fine but not a recommended default. No fix: the family may be a
 * deliberate choice (inverse square root for a Transformer, one-cycle), so "fix all" must not rewrite it.
 */
export const scheduleFamilyRule: Rule = (context) => {
  const family = scheduleFamilyOf(context.plan);
  if (family.kind !== 'other') return [];
  const where = scheduleSpans(context);
  if (!where) return [];
  return [
    {
      ruleId: 'schedule-family',
      severity: RULES['schedule-family'].defaultSeverity,
      message: `\`${context.plan.schedule.name}\` is ${family.name}: a workable family, but ${RULES['schedule-family'].why}; consider them if this one was not chosen on purpose.`,
      ...where,
      fixes: [],
    },
  ];
};
