import { roleOf } from '../plan/searchSpaceRoles';
import { decayFixes } from './decayFixes';
import { report, type RuleModule } from './rule';
import { scheduleSpans } from './scheduleSpans';

const CONSTANT_SCHEDULES = /^(constant|constant_with_warmup|constantlr|constant_lr|fixed|torch\.optim\.lr_scheduler\.constantlr)$/i;
const isFalse = (value: unknown) =>
  value === false || (typeof value === 'string' && /^(false|no|off|0)$/i.test(value.trim())) || value === 0;

/**
 * `constant-lr`: the learning rate stays the same for the whole run (or everything after warmup), in a training
 * config, or in every trial of a study that fixes a constant schedule.
 */
export const constantLr: RuleModule<'constant-lr'> = {
  meta: {
    id: 'constant-lr',
    defaultSeverity: 'warning',
    why: 'a decaying schedule passes through the LRs that work best late in training; a constant one never does',
    docs: 'docs/rules/constant-lr.md',
  },

  checkPlan(context) {
    const { schedule, warmup } = context.plan;
    if (!schedule.constantAfterWarmup) return [];
    const where = scheduleSpans(context);
    if (!where) return [];
    const afterWarmup = warmup.steps > 0 ? ' after warmup' : '';
    // Not written, yet placed on a schedule setting: the framework's default schedule, held flat by that setting
    // (e.g. a floor equal to the LR), which is not the same as having no schedule.
    const what = schedule.explicit
      ? `\`${schedule.name}\` keeps the learning rate constant${afterWarmup}`
      : context.plan.sources.schedule
        ? `\`${schedule.name}\`, ${context.dialect.name}'s default schedule, keeps the learning rate constant${afterWarmup} here`
        : `With no schedule, ${context.dialect.name} keeps the learning rate constant`;
    return [
      report(constantLr.meta, {
        message:
          `${what}: ${constantLr.meta.why}. Use linear or cosine decay ` +
          '(or add `# lr-lens: disable=constant-lr` if this is a constant-LR sweep to pick the step budget).' +
          (context.dialect.constantLrNote ? ` ${context.dialect.constantLrNote}` : ''),
        ...where,
        fixes: decayFixes(context),
      }),
    ];
  },

  /** Every trial of the study runs a constant schedule the sweep fixes. */
  checkSweep(context) {
    return context.sweep.entries
      .filter((entry) => {
        const values = entry.values ?? [];
        if (values.length === 0) return false;
        const role = roleOf(entry.name);
        if (role === 'schedule') return values.every((v) => typeof v === 'string' && CONSTANT_SCHEDULES.test(v.trim()));
        if (role === 'annealFlag') return values.every(isFalse);
        return false;
      })
      .map((entry) => {
        const values = (entry.values ?? []).map(String).join(', ');
        return report(constantLr.meta, {
          message:
            `Every trial of this study runs a constant learning rate (\`${entry.name}\`: ${values}): ` +
            `${constantLr.meta.why}. Sweep a linear or cosine decay instead, ` +
            'unless this is a constant-LR sweep to choose the training length.',
          span: entry.keySpan,
          keySpan: entry.keySpan,
          fixes: [],
        });
      });
  },
};
