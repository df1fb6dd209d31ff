import type { Finding } from '../analysis/finding';
import type { Dialect, DialectInput } from '../dialects/dialect';
import type { TrainingPlan } from '../plan/trainingPlan';

export interface RuleContext {
  plan: TrainingPlan;
  dialect: Dialect;
  input: DialectInput;
}

/** A rule family: reads the plan, returns findings (with fixes where it has them). */
export type Rule = (context: RuleContext) => Finding[];
