import type { Finding, Fix } from '../analysis/finding';
import type { Span } from '../parse/textSpan';
import type { Rule, RuleContext } from './rule';
import { RULES } from './ruleCatalog';
import { unitCount } from '../plan/planWording';

/** Where a schedule finding goes: the schedule value, else the LR key (the framework default applies). */
export function scheduleSpans(context: RuleContext): { span: Span; keySpan: Span } | null {
  const source = context.plan.sources.schedule ?? context.plan.sources.baseLr;
  if (!source) return null;
  return { span: source.value.end > source.value.start ? source.value : source.key, keySpan: source.key };
}

/** What a decay fix assumed about the run's length, when it writes that length into the file. */
function assumedHorizon(context: RuleContext): string {
  const { length } = context.plan;
  if (!context.dialect.writesDecayHorizon || !length.assumed) return '';
  const basis = /^assumed/i.test(length.basis) ? '' : ` (${length.basis})`;
  return ` (assumes a run of ${unitCount(length.steps, length.unit)}${basis}: change it to the run's length)`;
}

/** "Use cosine decay" / "Use linear decay" in the dialect's own vocabulary; `preferred` marks the cosine one. */
export function decayFixes(context: RuleContext, preferred = true): Fix[] {
  const make = (family: 'cosine' | 'linear', isPreferred: boolean): Fix | null => {
    try {
      const edits = context.dialect.decayEdits(context.input, context.plan, family);
      return edits.length ? { title: `Use ${family} decay${assumedHorizon(context)}`, isPreferred, edits } : null;
    } catch {
      return null;
    }
  };
  const cosine = make('cosine', preferred);
  // Frameworks without a cosine spelling (or where it cannot apply) offer linear as the preferred fix.
  return cosine ? [cosine, make('linear', false)].filter((f): f is Fix => f !== null) : [make('linear', preferred)].filter((f): f is Fix => f !== null);
}

export const constantLrRule: Rule = (context) => {
  const { schedule, warmup } = context.plan;
  if (!schedule.constantAfterWarmup) return [];
  const where = scheduleSpans(context);
  if (!where) return [];
  const what = schedule.explicit
    ? `\`${schedule.name}\` keeps the learning rate constant${warmup.steps > 0 ? ' after warmup' : ''}`
    : `With no schedule, ${context.dialect.name} keeps the learning rate constant`;
  const finding: Finding = {
    ruleId: 'constant-lr',
    severity: RULES['constant-lr'].defaultSeverity,
    message: `${what}: ${RULES['constant-lr'].why}. Use linear or cosine decay (or add \`# lr-lens: disable=constant-lr\` if this is a constant-LR sweep to pick the step budget).`,
    ...where,
    fixes: decayFixes(context),
  };
  return [finding];
};

export const validationDrivenRule: Rule = (context) => {
  const { schedule } = context.plan;
  if (!schedule.validationDriven) return [];
  const where = scheduleSpans(context);
  if (!where) return [];
  return [
    {
      ruleId: 'validation-driven-schedule',
      severity: RULES['validation-driven-schedule'].defaultSeverity,
      message: `\`${schedule.name}\` changes the LR when validation stalls: ${RULES['validation-driven-schedule'].why}. Its curve cannot be drawn ahead of the run; prefer linear or cosine decay for reproducible runs.`,
      ...where,
      fixes: decayFixes(context),
    },
  ];
};
