import type { Fix } from '../analysis/finding';
import { unitCount } from '../plan/planWording';
import type { RuleContext } from './rule';

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
  return cosine
    ? [cosine, make('linear', false)].filter((f): f is Fix => f !== null)
    : [make('linear', preferred)].filter((f): f is Fix => f !== null);
}
