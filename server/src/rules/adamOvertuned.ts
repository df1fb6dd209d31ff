import type { Fix } from '../analysis/finding';
import { fixEntryEdits, removeEntryEdits } from '../fixes/sweepEdits';
import { ADAM_DEFAULTS, ROLE_WORDS, roleOf, tunedAdamRoles, type AdamRole } from '../plan/searchSpaceRoles';
import type { SweepEntry } from '../plan/sweepPlan';
import { budgetThreshold, budgetWords, isAdam, list, neededWords, optimizerNote, supportedRoles, supportsWords } from './adamBudget';
import { report, type RuleModule, type SweepRuleContext } from './rule';

/**
 * A beta entry whose every number is below 0.5 most likely holds 1 - beta (some codebases sweep `adam_beta2`
 * over [0.001, 0.1] and use `1 - adam_beta2`): its default is not 0.999 there, so no "fix at default" is offered.
 */
function storesOneMinusBeta(entry: SweepEntry, role: AdamRole): boolean {
  if (role !== 'beta1' && role !== 'beta2') return false;
  const numbers = [...(entry.values ?? []), entry.min, entry.max].map(Number).filter(Number.isFinite);
  return numbers.length > 0 && numbers.every((n) => n < 0.5);
}

function entryFixes(context: SweepRuleContext, entry: SweepEntry, roles: AdamRole[]): Fix[] {
  const { parsed } = context.input;
  const fixes: Fix[] = [];
  const single = roles.length === 1 ? roles[0] : undefined;
  if (single && single !== 'lr' && roleOf(entry.name) !== 'betas' && !storesOneMinusBeta(entry, single)) {
    const value = ADAM_DEFAULTS[single];
    const edits = fixEntryEdits(parsed, context.input.document, entry, value);
    if (edits) fixes.push({ title: `Fix ${ROLE_WORDS[single]} at its default (${value})`, isPreferred: true, edits });
  }
  const removal = removeEntryEdits(parsed, context.input.document, entry);
  if (removal) fixes.push({ title: 'Remove from search space', isPreferred: fixes.length === 0, edits: removal });
  return fixes;
}

/** `adam-overtuned`: a tuned Adam hyperparameter the budget does not support (one finding per search-space entry). */
export const adamOvertuned: RuleModule<'adam-overtuned'> = {
  meta: {
    id: 'adam-overtuned',
    defaultSeverity: 'warning',
    why: 'a small trial budget supports tuning only the most important Adam hyperparameters',
    docs: 'docs/rules/adam-overtuned.md',
  },

  checkSweep(context) {
    const { sweep } = context;
    const optimizer = sweep.optimizer;
    const trials = sweep.budget.trials;
    if (!isAdam(optimizer) || trials === null) return [];
    const threshold = budgetThreshold(context);
    const supported = supportedRoles(trials, threshold);
    const byEntry = new Map<SweepEntry, AdamRole[]>();
    for (const [role, entry] of tunedAdamRoles(sweep)) {
      if (supported.includes(role)) continue;
      byEntry.set(entry, [...(byEntry.get(entry) ?? []), role]);
    }
    return [...byEntry].map(([entry, roles]) =>
      report(adamOvertuned.meta, {
        message:
          `\`${entry.name}\` tunes ${list(roles.map((r) => ROLE_WORDS[r]))}, ` +
          `but this study's budget of ${budgetWords(sweep)} supports ${supportsWords(supported)}; ` +
          `${list(roles.map((r) => `${ROLE_WORDS[r]} needs ${neededWords(r, threshold)}`))}. Fix it at one value or raise the budget ` +
          `(a small budget is best spent on the most important Adam hyperparameters).${optimizerNote(optimizer)}`,
        span: entry.keySpan,
        keySpan: entry.keySpan,
        fixes: entryFixes(context, entry, roles),
      }),
    );
  },
};
