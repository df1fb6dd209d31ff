import { isScalar } from 'yaml';
import { unitCount } from '../plan/planWording';
import type { Fix } from '../analysis/finding';
import { ConfigTree } from '../dialects/configTree';
import { replaceScalar } from '../fixes/yamlEdits';
import { HORIZON_TOLERANCE, scheduleHorizon as horizonOf, type ScheduleHorizon } from '../plan/scheduleHorizon';
import { decayFixes } from './decayFixes';
import { report, type RuleContext, type RuleModule } from './rule';

/** Where the horizon parameter is written: beside the schedule's name, or in its argument block. */
function horizonEntry(context: RuleContext, key: string) {
  const schedulePath = context.plan.sources.schedule?.path;
  if (!schedulePath) return undefined;
  const parent = schedulePath.split('.').slice(0, -1).join('.');
  const prefix = parent ? `${parent}.` : '';
  const name = context.plan.schedule.name;
  const tree = new ConfigTree(context.input.document, { interpolate: false });
  for (const path of [
    `${prefix}${key}`,
    `${prefix}init_args.${key}`,
    `${prefix}scheduler_hparams.${key}`,
    `${prefix}params.${key}`,
    `${prefix}${name}.${key}`,
  ]) {
    const entry = tree.entry(path);
    if (entry?.valueNode && isScalar(entry.valueNode) && entry.valueSpan.end > entry.valueSpan.start) return entry;
  }
  return undefined;
}

/**
 * NeMo's `sched.max_steps` written next to `trainer.max_steps`: the total is configured twice (the plan carries the
 * trainer's value, so the sched value is read from the file).
 */
function nemoSchedMaxSteps(context: RuleContext): ScheduleHorizon | null {
  const { plan } = context;
  if (plan.schedule.framework !== 'nemo' || plan.sources.length?.path !== 'trainer.max_steps' || plan.length.unit !== 'step') return null;
  const entry = horizonEntry(context, 'max_steps');
  const value = typeof entry?.value === 'number' ? entry.value : Number.NaN;
  if (!(value > 0)) return null;
  return {
    key: 'max_steps',
    value,
    expected: plan.length.steps,
    consequence: 'the two totals disagree: sched.max_steps and trainer.max_steps should be one value',
  };
}

const capitalized = (text: string) => `${text.slice(0, 1).toUpperCase()}${text.slice(1)}`;

/** `schedule-horizon`: the schedule's own length disagrees with the run's. */
export const scheduleHorizon: RuleModule<'schedule-horizon'> = {
  meta: {
    id: 'schedule-horizon',
    defaultSeverity: 'warning',
    why: 'a decay schedule is tuned for one training length only',
    docs: 'docs/rules/schedule-horizon.md',
  },

  checkPlan(context) {
    const { plan } = context;
    if (plan.length.assumed) return [];
    const horizon = horizonOf(plan) ?? nemoSchedMaxSteps(context);
    if (!horizon) return [];
    if (Math.abs(horizon.value - horizon.expected) <= Math.max(1, HORIZON_TOLERANCE * horizon.expected)) return [];
    const entry = horizonEntry(context, horizon.key);
    const source = plan.sources.schedule;
    const span = entry ? entry.valueSpan : source?.value;
    if (!span) return [];
    const written = unitCount(horizon.value, plan.length.unit);
    const runLength = unitCount(horizon.expected, plan.length.unit);
    const shorter = horizon.value < horizon.expected;
    const fixes: Fix[] = [];
    if (entry?.valueNode && isScalar(entry.valueNode)) {
      fixes.push({
        title: `Match the schedule to the run's length (${runLength})`,
        isPreferred: true,
        edits: [replaceScalar(entry.valueNode, horizon.expected)],
      });
    }
    fixes.push(...decayFixes(context, fixes.length === 0));
    return [
      report(scheduleHorizon.meta, {
        message: `\`${horizon.key}\` is ${written} but the run is ${runLength} (${plan.length.basis}): ${
          shorter ? `${horizon.consequence}` : 'the schedule never finishes its decay'
        }. ${capitalized(scheduleHorizon.meta.why)}.`,
        span,
        keySpan: entry?.keySpan ?? source?.key ?? span,
        fixes,
      }),
    ];
  },
};
