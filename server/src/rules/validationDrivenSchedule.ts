import { decayFixes } from './decayFixes';
import { report, type RuleModule } from './rule';
import { scheduleSpans } from './scheduleSpans';

/** `validation-driven-schedule`: the LR changes when a validation metric stalls (reduce-on-plateau). */
export const validationDrivenSchedule: RuleModule<'validation-driven-schedule'> = {
  meta: {
    id: 'validation-driven-schedule',
    defaultSeverity: 'information',
    why: 'a schedule driven by validation metrics is fine only when fully automated and reproducible',
    docs: 'docs/rules/validation-driven-schedule.md',
  },

  checkPlan(context) {
    const { schedule } = context.plan;
    if (!schedule.validationDriven) return [];
    const where = scheduleSpans(context);
    if (!where) return [];
    return [
      report(validationDrivenSchedule.meta, {
        message:
          `\`${schedule.name}\` changes the LR when validation stalls: ${validationDrivenSchedule.meta.why}. ` +
          'Its curve cannot be drawn ahead of the run; prefer linear or cosine decay for reproducible runs.',
        ...where,
        fixes: decayFixes(context),
      }),
    ];
  },
};
