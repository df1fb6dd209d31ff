import type { Finding, Severity } from '../analysis/finding';
import type { Dialect, DialectInput } from '../dialects/dialect';
import type { Span } from '../parse/textSpan';
import type { SweepPlan } from '../plan/sweepPlan';
import type { TrainingPlan } from '../plan/trainingPlan';

/** What a plan rule reads: the training plan a dialect extracted from one document. */
export interface RuleContext {
  plan: TrainingPlan;
  dialect: Dialect;
  input: DialectInput;
}

/** What a study rule reads: the hyperparameter study a sweep format declares. */
export interface SweepRuleContext {
  sweep: SweepPlan;
  dialect: Dialect;
  input: DialectInput;
  /** Trials above which beta_2 may be tuned too. */
  budgetThreshold?: number;
}

/** A plan check: reads the plan, returns findings (with fixes where it has them). */
export type Rule = (context: RuleContext) => Finding[];
/** A study check. */
export type SweepRule = (context: SweepRuleContext) => Finding[];

/** What a rule is, apart from its logic. */
export interface RuleMeta<Id extends string = string> {
  id: Id;
  defaultSeverity: Severity;
  /** One line of why, used inside diagnostics (lower case, no final period). */
  why: string;
  /** The page that explains the rule; its `## Why` section is the longer why shown on hover. */
  docs: `docs/rules/${Id}.md`;
}

/**
 * A rule module, in the manner of ESLint's: `meta` says what the rule is, the checks what it finds. A rule may read
 * plans, studies or both (`constant-lr`); a rule raised while a reader reads values (`invalid-value`,
 * `file-too-large`) has no check, only a reporting helper in its file.
 */
export interface RuleModule<Id extends string = string> {
  readonly meta: RuleMeta<Id>;
  readonly checkPlan?: Rule;
  readonly checkSweep?: SweepRule;
}

/** A finding as a rule writes it: the id and default severity come from the rule's meta. */
export type Report = Omit<Finding, 'ruleId' | 'severity'>;

/** Fills in the rule's id and default severity (settings and directives may change the severity later). */
export function report(meta: RuleMeta<Finding['ruleId']>, finding: Report): Finding {
  return { ruleId: meta.id, severity: meta.defaultSeverity, ...finding };
}

/** The span a finding about an entry goes on: its value, or its key when the value is empty. */
export function valueOrKey(entry: { keySpan: Span; valueSpan: Span }): Span {
  return entry.valueSpan.end > entry.valueSpan.start ? entry.valueSpan : entry.keySpan;
}
