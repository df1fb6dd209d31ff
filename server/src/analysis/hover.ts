import { spanContains } from '../parse/textSpan';
import { RULES } from '../rules/ruleCatalog';
import type { ConfigAnalysis, LensSettings } from './analyzeConfig';
import { curveOfPlan } from './curve';
import { curveSvgDataUri } from './curveSvg';
import { describeSweep, onSweepKey } from './describeSweep';
import type { Span } from '../parse/textSpan';
import type { TrainingPlan } from '../plan/trainingPlan';
import { markdownAlt, markdownText } from './markdown';
import { scheduleFamilyOf } from '../plan/scheduleFamily';
import { scheduleFormula } from './scheduleFormula';

export interface HoverResult {
  markdown: string;
  span: Span;
}

const PLAN_KEYS = new Set(['baseLr', 'schedule']);

/** Hover on a scheduler name: its formula in one line with this run's figures, and the curve it gives here. */
function schedulerNameHover(plan: TrainingPlan): string | null {
  const curve = curveOfPlan(plan, { points: 120 });
  if (!curve) return null;
  const family = scheduleFamilyOf(plan);
  const formula = curve.validationDriven ? null : scheduleFormula(plan, family.kind, curve.points);
  const image = curveSvgDataUri(curve, { width: 560, height: 190, foreground: '#888888', grid: '#88888840', line: '#3794ff' });
  return (
    `**${markdownText(plan.schedule.name)}** · ${markdownText(family.name)}\n\n${formula ? `\`${formula.replace(/`/g, "'")}\`\n\n` : ''}` +
    `![Learning-rate curve: ${markdownAlt(curve.summary.text)}](${image})\n\n${markdownText(curve.summary.text)}`
  );
}

/**
 * Hover at an offset: the longer why of a finding on that key or value, and the run's LR plan on LR keys. The
 * result is Markdown in which everything read from the file is escaped (see markdown.ts): hovers stay untrusted.
 */
export function hoverAt(analysis: ConfigAnalysis, offset: number): HoverResult | null {
  const sections: string[] = [];
  let span: Span | undefined;
  for (const finding of analysis.findings) {
    const onKey = finding.keySpan && spanContains(finding.keySpan, offset);
    if (!onKey && !spanContains(finding.span, offset)) continue;
    const rule = RULES[finding.ruleId];
    sections.push(`**LR Lens · ${rule.id}**\n\n${markdownText(finding.message)}\n\n${rule.explanation}`);
    span ??= onKey ? finding.keySpan : finding.span;
  }
  for (const document of analysis.documents) {
    const plan = document.plan;
    if (!plan) continue;
    for (const [field, source] of Object.entries(plan.sources)) {
      if (!PLAN_KEYS.has(field) || !spanContains(source.key, offset)) continue;
      const curve = curveOfPlan(plan, { points: 120 });
      if (!curve) continue;
      const assumed = plan.assumptions.length ? `\n\nAssumed: ${markdownText(plan.assumptions.join('; '))}.` : '';
      // Mid-grey text and a blue line read on light, dark and high-contrast hovers alike.
      const image = curveSvgDataUri(curve, { width: 560, height: 190, foreground: '#888888', grid: '#88888840', line: '#3794ff' });
      sections.push(
        `**LR Lens · ${document.dialect.name}**\n\n![Learning-rate curve: ${markdownAlt(curve.summary.text)}](${image})\n\n` +
          `${markdownText(curve.summary.text)}\n\nLength: ${markdownText(plan.length.basis)}.${assumed}`,
      );
      span ??= source.key;
    }
    const onName = plan.sources.schedule;
    if (onName && spanContains(onName.value, offset)) {
      const section = schedulerNameHover(plan);
      if (section) {
        sections.push(section);
        span ??= onName.value;
      }
    }
  }
  for (const document of analysis.documents) {
    const sweep = document.sweep;
    const key = sweep ? onSweepKey(sweep, offset) : undefined;
    if (!sweep || !key) continue;
    sections.push(
      `**LR Lens · study (${document.dialect.name})**\n\n${describeSweep(sweep, (document.input.settings as LensSettings).budgetThreshold)}`,
    );
    span ??= key;
  }
  return sections.length && span ? { markdown: sections.join('\n\n---\n\n'), span } : null;
}
