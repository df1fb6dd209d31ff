import { scheduleFamilyOf } from '../plan/scheduleFamily';
import type { Rule } from './rule';
import { RULES } from './ruleCatalog';
import { decayFixes, scheduleSpans } from './scheduleRules';

/** `piecewise-schedule`: hand-picked milestones, per-epoch LR lists, stepwise boundaries. */
export const piecewiseScheduleRule: Rule = (context) => {
  const family = scheduleFamilyOf(context.plan);
  if (family.kind !== 'piecewise') return [];
  const where = scheduleSpans(context);
  if (!where) return [];
  return [
    {
      ruleId: 'piecewise-schedule',
      severity: RULES['piecewise-schedule'].defaultSeverity,
      message: `\`${context.plan.schedule.name}\` is a hand-picked piecewise schedule (${family.name}): ${RULES['piecewise-schedule'].why}. Prefer linear or cosine decay over the run's length, and tune it.`,
      ...where,
      fixes: decayFixes(context),
    },
  ];
};
