import type { Span } from '../parse/textSpan';
import type { RuleContext } from './rule';

/** Where a schedule finding goes: the schedule value, else the LR key (the framework default applies). */
export function scheduleSpans(context: RuleContext): { span: Span; keySpan: Span } | null {
  const source = context.plan.sources.schedule ?? context.plan.sources.baseLr;
  if (!source) return null;
  return { span: source.value.end > source.value.start ? source.value : source.key, keySpan: source.key };
}
