import { report, type RuleModule } from './rule';
import { optionName, unitCount, warmupFloorNote } from '../plan/planWording';

/** Longest warmup worth trying, as a fraction of training. */
export const MAX_WARMUP_FRACTION = 0.1;

/** `warmup-too-long`: warmup takes more than 10% of the run. */
export const warmupTooLong: RuleModule<'warmup-too-long'> = {
  meta: {
    id: 'warmup-too-long',
    defaultSeverity: 'warning',
    why: 'the largest warmup worth trying is 10% of training',
    docs: 'docs/rules/warmup-too-long.md',
  },

  checkPlan({ plan }) {
    const { warmup, length } = plan;
    const source = plan.sources.warmup;
    if (!source || warmup.steps === 0) return [];
    // With an assumed length, only a ratio can be judged: absolute steps against a guess would be a guess.
    if (length.assumed && warmup.ratio === undefined) return [];
    const fraction = warmup.ratio ?? warmup.steps / length.steps;
    if (!(fraction > MAX_WARMUP_FRACTION)) return [];
    const percent = `${+(fraction * 100).toFixed(1)}%`;
    const limit = Math.floor(length.steps * MAX_WARMUP_FRACTION);
    const shortest = warmup.ratio !== undefined ? String(MAX_WARMUP_FRACTION) : unitCount(limit, length.unit);
    return [
      report(warmupTooLong.meta, {
        // In the framework's own unit and option name.
        message:
          `Warmup is ${percent} of training (${warmup.steps} of ${unitCount(length.steps, length.unit)}): ${warmupTooLong.meta.why}. ` +
          `Shorten \`${optionName(source.path)}\` to at most ${shortest}${warmupFloorNote(plan)}.`,
        span: source.value.end > source.value.start ? source.value : source.key,
        keySpan: source.key,
        fixes: [],
      }),
    ];
  },
};
