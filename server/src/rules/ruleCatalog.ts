import type { Severity } from '../analysis/finding';
import { RULE_MODULES, type RuleId } from './index';
import { RULE_EXPLANATIONS } from './ruleExplanations';

/** What the editor, the CLI and SARIF show about a rule: its meta, and the longer why from its docs page. */
export interface RuleInfo {
  id: RuleId;
  defaultSeverity: Severity;
  /** One line of why, used inside diagnostics. */
  why: string;
  /** The rule's page, relative to the package root. */
  docs: string;
  /** The longer why, in Markdown, shown on hover: the `## Why` section of the docs page. */
  explanation: string;
}

/** The catalog of rules, by id, derived from the rule modules. */
export const RULES: Readonly<Record<RuleId, RuleInfo>> = Object.fromEntries(
  RULE_MODULES.map(({ meta }) => [meta.id, { ...meta, explanation: RULE_EXPLANATIONS[meta.id] }]),
) as Record<RuleId, RuleInfo>;
