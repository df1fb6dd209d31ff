import { scheduleFamilyOf } from '../plan/scheduleFamily';
import { report, type RuleModule } from './rule';
import { scheduleSpans } from './scheduleSpans';

/**
 * `schedule-family` (hint): a decay family that is fine but not a recommended default. No fix: the family may be a
 * deliberate choice (inverse square root for a Transformer, one-cycle), so "fix all" must not rewrite it.
 */
export const scheduleFamily: RuleModule<'schedule-family'> = {
  meta: {
    id: 'schedule-family',
    defaultSeverity: 'hint',
    why: 'linear and cosine decay are the recommended default families',
    docs: 'docs/rules/schedule-family.md',
  },

  checkPlan(context) {
    const family = scheduleFamilyOf(context.plan);
    if (family.kind !== 'other') return [];
    const where = scheduleSpans(context);
    if (!where) return [];
    return [
      report(scheduleFamily.meta, {
        message:
          `\`${context.plan.schedule.name}\` is ${family.name}: a workable family, but ${scheduleFamily.meta.why}; ` +
          'consider them if this one was not chosen on purpose.',
        ...where,
        fixes: [],
      }),
    ];
  },
};
