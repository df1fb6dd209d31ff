import type { SweepPlan } from '../plan/sweepPlan';
import { spanContains } from '../parse/textSpan';
import { ADAM_ROLES, ROLE_WORDS, roleOf, tunedAdamRoles } from '../plan/searchSpaceRoles';
import { DEFAULT_BUDGET_THRESHOLD, supportedRoles } from '../rules/adamBudget';
import { markdownText } from './markdown';

/**
 * A study in a few lines of Markdown: method, budget and its basis, the optimizer, what is tuned and what the budget
 * supports. Each line is escaped (it quotes names and values from the file).
 */
export function describeSweep(sweep: SweepPlan, budgetThreshold = DEFAULT_BUDGET_THRESHOLD): string {
  const { budget } = sweep;
  const { optimizer } = sweep;
  const tuned = tunedAdamRoles(sweep);
  const lines = [
    `Method: ${sweep.method}.`,
    budget.trials === null
      ? `Budget: unknown (${budget.basis}).`
      : `Budget: ${budget.trials} trial${budget.trials === 1 ? '' : 's'} (${budget.basis}).`,
    `Optimizer: ${optimizer.family === 'unknown' ? 'not named' : optimizer.basis}${optimizer.tuned ? ' (tuned)' : ''}.`,
  ];
  if (optimizer.family === 'adam' || optimizer.family === 'mixed') {
    lines.push(
      `Adam hyperparameters tuned: ${
        tuned.size
          ? ADAM_ROLES.filter((r) => tuned.has(r))
              .map((r) => ROLE_WORDS[r])
              .join(', ')
          : 'none'
      }.`,
    );
    if (budget.trials !== null)
      lines.push(
        `The budget supports tuning: ${supportedRoles(budget.trials, budgetThreshold)
          .map((r) => ROLE_WORDS[r])
          .join(', ')}.`,
      );
  }
  if (sweep.assumptions.length) lines.push(`Assumed: ${sweep.assumptions.join(' ')}`);
  return lines.map(markdownText).join('\n\n');
}

/** The key under an offset when it is the study's anchor or an entry LR Lens reads (LR, Adam, optimizer, length, schedule). */
export function onSweepKey(sweep: SweepPlan, offset: number): { start: number; end: number } | undefined {
  if (spanContains(sweep.anchor, offset)) return sweep.anchor;
  return sweep.entries.find((e) => spanContains(e.keySpan, offset) && roleOf(e.name) !== null)?.keySpan;
}
