import type { Finding, Severity } from '../analysis/finding';
import type { Span } from '../parse/textSpan';
import { report, valueOrKey, type RuleModule } from './rule';

/**
 * `invalid-value`: a value the framework would reject, or one that makes no sense. Raised where values are read (the
 * dialects, the setting reader, directives, `.lr-lens.yaml`), through `reportInvalidValue`.
 */
export const invalidValue: RuleModule<'invalid-value'> = {
  meta: {
    id: 'invalid-value',
    defaultSeverity: 'error',
    why: 'the framework would reject this value or it makes no sense',
    docs: 'docs/rules/invalid-value.md',
  },
};

/**
 * An `invalid-value` finding on an entry (its value, or its key when the value is empty; hover on the key) or on a
 * span. `severity` only for what is not a config value (directives LR Lens cannot read are warnings).
 */
export function reportInvalidValue(message: string, where: Span | { keySpan: Span; valueSpan: Span }, severity?: Severity): Finding {
  const at = 'keySpan' in where ? { span: valueOrKey(where), keySpan: where.keySpan } : { span: where };
  const finding = report(invalidValue.meta, { message, ...at, fixes: [] });
  return severity ? { ...finding, severity } : finding;
}
