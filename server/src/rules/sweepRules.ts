import type { Finding, Fix } from '../analysis/finding';
import type { Dialect, DialectInput } from '../dialects/dialect';
import { fixEntryEdits, removeEntryEdits } from '../fixes/sweepEdits';
import { isTuned, type SweepEntry, type SweepOptimizer, type SweepPlan } from '../plan/sweepPlan';
import {
  ADAM_DEFAULTS,
  ADAM_ROLES,
  ROLE_WORDS,
  roleOf,
  tunedAdamRoles,
  type AdamRole,
} from '../plan/searchSpaceRoles';
import { RULES } from './ruleCatalog';

/**
 * The study rules (Deep Learning Tuning Playbook): how much of Adam a trial budget supports, an unknown
 * budget, the training length in the search space, and a constant schedule fixed for every trial.
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

export interface SweepRuleContext {
  sweep: SweepPlan;
  dialect: Dialect;
  input: DialectInput;
  /** Trials above which beta_2 may be tuned too. */
  budgetThreshold?: number;
}

export type SweepRule = (context: SweepRuleContext) => Finding[];

/** The Adam hyperparameters a budget supports tuning, most important first. */
export function supportedRoles(trials: number, threshold = DEFAULT_BUDGET_THRESHOLD): AdamRole[] {
  return ADAM_ROLES.filter((role) => trials >= neededTrials(role, threshold));
}

/** The fewest trials that support tuning a role. */
function neededTrials(role: AdamRole, threshold: number): number {
  return { lr: 0, beta1: BETA1_FROM, epsilon: EPSILON_FROM, beta2: threshold + 1 }[role];
}

function neededWords(role: AdamRole, threshold: number): string {
  if (role === 'beta2') return `substantially more than 25 trials (more than ${threshold}, setting lrLens.budgetThreshold)`;
  return `at least ${neededTrials(role, threshold)} trials`;
}

function list(words: string[]): string {
  if (words.length <= 1) return words.join('');
  return `${words.slice(0, -1).join(', ')} and ${words.at(-1)}`;
}

function supportsWords(roles: AdamRole[]): string {
  if (roles.length === 1) return 'tuning only the learning rate';
  if (roles.length === ADAM_ROLES.length) return 'tuning all of Adam (learning rate, beta_1, epsilon and beta_2)';
  return `tuning ${list(roles.map((r) => ROLE_WORDS[r]))}`;
}

function budgetWords(sweep: SweepPlan): string {
  const trials = sweep.budget.trials;
  return `${trials} trial${trials === 1 ? '' : 's'} (${sweep.budget.basis})`;
}

function optimizerNote(optimizer: SweepOptimizer): string {
  if (optimizer.family === 'mixed') return ` The optimizer itself is tuned too (${optimizer.names.join(', ')}), which takes trials of its own.`;
  if (optimizer.basis.startsWith('assumed')) return ` (LR Lens ${optimizer.basis}.)`;
  return '';
}

const isAdam = (optimizer: SweepOptimizer) => optimizer.family === 'adam' || optimizer.family === 'mixed';
const threshold = (context: SweepRuleContext) => context.budgetThreshold ?? DEFAULT_BUDGET_THRESHOLD;

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

/**
 * A beta entry whose every number is below 0.5 most likely holds 1 - beta (some codebases sweep `adam_beta2`
 * over [0.001, 0.1] and use `1 - adam_beta2`): its default is not 0.999 there, so no "fix at default" is offered.
 */
function storesOneMinusBeta(entry: SweepEntry, role: AdamRole): boolean {
  if (role !== 'beta1' && role !== 'beta2') return false;
  const numbers = [...(entry.values ?? []), entry.min, entry.max].map(Number).filter(Number.isFinite);
  return numbers.length > 0 && numbers.every((n) => n < 0.5);
}

/** adam-overtuned: a tuned Adam hyperparameter the budget does not support (one finding per entry). */
export const adamOvertunedRule: SweepRule = (context) => {
  const { sweep } = context;
  const optimizer = sweep.optimizer;
  const trials = sweep.budget.trials;
  if (!isAdam(optimizer) || trials === null) return [];
  const supported = supportedRoles(trials, threshold(context));
  const byEntry = new Map<SweepEntry, AdamRole[]>();
  for (const [role, entry] of tunedAdamRoles(sweep)) {
    if (supported.includes(role)) continue;
    byEntry.set(entry, [...(byEntry.get(entry) ?? []), role]);
  }
  return [...byEntry].map(([entry, roles]) => ({
    ruleId: 'adam-overtuned',
    severity: RULES['adam-overtuned'].defaultSeverity,
    message:
      `\`${entry.name}\` tunes ${list(roles.map((r) => ROLE_WORDS[r]))}, but this study's budget of ${budgetWords(sweep)} supports ${supportsWords(supported)}; ` +
      `${list(roles.map((r) => `${ROLE_WORDS[r]} needs ${neededWords(r, threshold(context))}`))}. Fix it at one value or raise the budget (a small budget is best spent on the most important Adam hyperparameters).${optimizerNote(optimizer)}`,
    span: entry.keySpan,
    keySpan: entry.keySpan,
    fixes: entryFixes(context, entry, roles),
  }));
};

/** adam-undertuned: the budget supports more of Adam than the study tunes. */
export const adamUndertunedRule: SweepRule = (context) => {
  const { sweep } = context;
  const optimizer = sweep.optimizer;
  const trials = sweep.budget.trials;
  if (!isAdam(optimizer) || trials === null) return [];
  const tuned = tunedAdamRoles(sweep);
  if (tuned.size === 0) return [];
  const missing = supportedRoles(trials, threshold(context)).filter((role) => !tuned.has(role));
  if (missing.length === 0) return [];
  const anchor = tuned.get('lr') ?? [...tuned.values()][0]!;
  const tunedWords = ADAM_ROLES.filter((r) => tuned.has(r)).map((r) => ROLE_WORDS[r]);
  const supported = supportedRoles(trials, threshold(context));
  const beyond = ADAM_ROLES.filter((r) => tuned.has(r) && !supported.includes(r)).map((r) => ROLE_WORDS[r]);
  const missingWords = list(missing.map((r) => ROLE_WORDS[r]));
  const message =
    beyond.length > 0
      ? `This study's budget of ${budgetWords(sweep)} supports tuning ${missingWords}, which matter${missing.length === 1 ? 's' : ''} more than the ${list(beyond)} it tunes instead.`
      : `This study's budget of ${budgetWords(sweep)} supports tuning ${missingWords} as well; it tunes ${tunedWords.length === 1 ? 'only ' : ''}${list(tunedWords)}.`;
  return [
    {
      ruleId: 'adam-undertuned',
      severity: RULES['adam-undertuned'].defaultSeverity,
      message: `${message}${optimizerNote(optimizer)}`,
      span: anchor.keySpan,
      keySpan: anchor.keySpan,
      fixes: [],
    },
  ];
};

const CAP_KEYS: Record<string, string> = { 'wandb-sweep': '`run_cap`', 'hydra-sweep': '`hydra.sweeper.n_trials`', katib: '`spec.maxTrialCount`', 'sagemaker-tuning': '`ResourceLimits.MaxNumberOfTrainingJobs`' };

/** unknown-budget: a study over Adam whose trial count nothing bounds. */
export const unknownBudgetRule: SweepRule = (context) => {
  const { sweep } = context;
  const optimizer = sweep.optimizer;
  if (!isAdam(optimizer) || sweep.budget.trials !== null) return [];
  const tuned = tunedAdamRoles(sweep);
  if (tuned.size === 0) return [];
  const capKey = CAP_KEYS[sweep.dialect] ?? 'a trial cap';
  const why = sweep.assumptions.length > 0 ? ` ${sweep.assumptions.join(' ')}` : '';
  return [
    {
      ruleId: 'unknown-budget',
      severity: RULES['unknown-budget'].defaultSeverity,
      message: `The number of trials of this ${sweep.method} study is unknown, so LR Lens cannot tell whether it can afford to tune ${list(ADAM_ROLES.filter((r) => tuned.has(r)).map((r) => ROLE_WORDS[r]))}.${why} Set ${capKey}.${optimizerNote(optimizer)}`,
      span: sweep.anchor,
      fixes: [],
    },
  ];
};

/** The single length every trial should use: the largest value the search space gives it. */
function lengthValue(entry: SweepEntry): number | null {
  const numbers = (entry.values ?? []).map(Number).filter(Number.isFinite);
  const largest = numbers.length > 0 ? Math.max(...numbers) : entry.max ?? null;
  if (largest === null) return null;
  // A Hydra basic `range(a, b)` stops before b; W&B int_uniform and Katib int include it.
  const top = entry.syntax === 'hydra-override' && entry.kind === 'range' && !entry.values && entry.step ? largest - entry.step : largest;
  return Number.isInteger(top) ? top : Math.round(top);
}

/** tuned-train-steps: the training length in the search space. */
export const tunedTrainStepsRule: SweepRule = (context) =>
  tunedEntries(context.sweep)
    .filter((entry) => roleOf(entry.name) === 'length')
    .map((entry) => {
      const value = lengthValue(entry);
      const edits = value !== null && value > 0 ? fixEntryEdits(context.input.parsed, context.input.document, entry, value) : null;
      const fixes: Fix[] = edits ? [{ title: `Fix the length at ${value}`, isPreferred: true, edits }] : [];
      return {
        ruleId: 'tuned-train-steps' as const,
        severity: RULES['tuned-train-steps'].defaultSeverity,
        message: `\`${entry.name}\` puts the training length in the search space: ${RULES['tuned-train-steps'].why}. Longer trials win for being longer, and the schedule is tuned for one length only.`,
        span: entry.keySpan,
        keySpan: entry.keySpan,
        fixes,
      };
    });

function tunedEntries(sweep: SweepPlan): SweepEntry[] {
  return sweep.entries.filter(isTuned);
}

const CONSTANT_SCHEDULES = /^(constant|constant_with_warmup|constantlr|constant_lr|fixed|torch\.optim\.lr_scheduler\.constantlr)$/i;
const isFalse = (value: unknown) => value === false || (typeof value === 'string' && /^(false|no|off|0)$/i.test(value.trim())) || value === 0;

/** constant-lr: every trial runs a constant schedule the sweep fixes. */
export const sweepConstantLrRule: SweepRule = (context) =>
  context.sweep.entries
    .filter((entry) => {
      const values = entry.values ?? [];
      if (values.length === 0) return false;
      const role = roleOf(entry.name);
      if (role === 'schedule') return values.every((v) => typeof v === 'string' && CONSTANT_SCHEDULES.test(v.trim()));
      if (role === 'annealFlag') return values.every(isFalse);
      return false;
    })
    .map((entry) => ({
      ruleId: 'constant-lr' as const,
      severity: RULES['constant-lr'].defaultSeverity,
      message: `Every trial of this study runs a constant learning rate (\`${entry.name}\`: ${(entry.values ?? []).map(String).join(', ')}): ${RULES['constant-lr'].why}. Sweep a linear or cosine decay instead, unless this is a constant-LR sweep to choose the training length.`,
      span: entry.keySpan,
      keySpan: entry.keySpan,
      fixes: [],
    }));

/** Every study rule. */
export const SWEEP_RULES: readonly SweepRule[] = [adamOvertunedRule, adamUndertunedRule, unknownBudgetRule, tunedTrainStepsRule, sweepConstantLrRule];
