import { ADAM_ROLES, ROLE_WORDS, type AdamRole } from '../plan/searchSpaceRoles';
import type { SweepOptimizer, SweepPlan } from '../plan/sweepPlan';
import type { SweepRuleContext } from './rule';

/*
 * How much of Adam a study's trial budget supports (Deep Learning Tuning Playbook): fewer than 10 trials, the
 * learning rate only; from 10, beta_1 too; then epsilon; "substantially more than 25", beta_2 as well. Shared by
 * the study rules and the study's description on hover.
 */

/** "Substantially more than 25" trials, unless the `budgetThreshold` setting says otherwise. */
export const DEFAULT_BUDGET_THRESHOLD = 50;
/** Fewer than 10 trials: the learning rate only. */
export const BETA1_FROM = 10;
/**
 * Epsilon from 26 trials. The playbook's "10 to 25" and "25 or more" overlap at 25; LR Lens follows the product's
 * tier boundaries (9/10, 25/26, threshold/threshold+1): 25 trials are still the beta_1 tier.
 */
export const EPSILON_FROM = 26;

/** The Adam hyperparameters a budget supports tuning, most important first. */
export function supportedRoles(trials: number, threshold = DEFAULT_BUDGET_THRESHOLD): AdamRole[] {
  return ADAM_ROLES.filter((role) => trials >= neededTrials(role, threshold));
}

/** The fewest trials that support tuning a role. */
function neededTrials(role: AdamRole, threshold: number): number {
  return { lr: 0, beta1: BETA1_FROM, epsilon: EPSILON_FROM, beta2: threshold + 1 }[role];
}

/** "at least 10 trials", in a message. */
export function neededWords(role: AdamRole, threshold: number): string {
  if (role === 'beta2') return `substantially more than 25 trials (more than ${threshold}, setting lrLens.budgetThreshold)`;
  return `at least ${neededTrials(role, threshold)} trials`;
}

/** The trials above which beta_2 may be tuned too, from the settings. */
export const budgetThreshold = (context: SweepRuleContext) => context.budgetThreshold ?? DEFAULT_BUDGET_THRESHOLD;

/** Adam's budget guide applies: the optimizer is Adam-family (or the sweep tunes a choice that includes one). */
export const isAdam = (optimizer: SweepOptimizer) => optimizer.family === 'adam' || optimizer.family === 'mixed';

/** "a, b and c". */
export function list(words: string[]): string {
  if (words.length <= 1) return words.join('');
  return `${words.slice(0, -1).join(', ')} and ${words.at(-1)}`;
}

/** "tuning only the learning rate", "tuning the learning rate and beta_1", ... */
export function supportsWords(roles: AdamRole[]): string {
  if (roles.length === 1) return 'tuning only the learning rate';
  if (roles.length === ADAM_ROLES.length) return 'tuning all of Adam (learning rate, beta_1, epsilon and beta_2)';
  return `tuning ${list(roles.map((r) => ROLE_WORDS[r]))}`;
}

/** "12 trials (run_cap: 12)". */
export function budgetWords(sweep: SweepPlan): string {
  const trials = sweep.budget.trials;
  return `${trials} trial${trials === 1 ? '' : 's'} (${sweep.budget.basis})`;
}

/** What a message adds about the optimizer: tuned itself, or assumed. */
export function optimizerNote(optimizer: SweepOptimizer): string {
  if (optimizer.family === 'mixed')
    return ` The optimizer itself is tuned too (${optimizer.names.join(', ')}), which takes trials of its own.`;
  if (optimizer.basis.startsWith('assumed')) return ` (LR Lens ${optimizer.basis}.)`;
  return '';
}
