import { scheduleFamilyOf } from '../plan/scheduleFamily';
import { decayFixes } from './decayFixes';
import { report, type RuleModule } from './rule';
import { scheduleSpans } from './scheduleSpans';

/** `piecewise-schedule`: hand-picked milestones, per-epoch LR lists, stepwise boundaries. */
export const piecewiseSchedule: RuleModule<'piecewise-schedule'> = {
  meta: {
    id: 'piecewise-schedule',
    defaultSeverity: 'warning',
    why: 'hand-picked piecewise schedules usually record one human-in-the-loop run and do not transfer',
    docs: 'docs/rules/piecewise-schedule.md',
  },

  checkPlan(context) {
    const family = scheduleFamilyOf(context.plan);
    if (family.kind !== 'piecewise') return [];
    const where = scheduleSpans(context);
    if (!where) return [];
    return [
      report(piecewiseSchedule.meta, {
        message:
          `\`${context.plan.schedule.name}\` is a hand-picked piecewise schedule (${family.name}): ${piecewiseSchedule.meta.why}. ` +
          "Prefer linear or cosine decay over the run's length, and tune it.",
        ...where,
        fixes: decayFixes(context),
      }),
    ];
  },
};
