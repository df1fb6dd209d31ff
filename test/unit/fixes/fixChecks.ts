// What every applied quick fix must satisfy, as one function the snippet tests and the corpus
// property test share. Returns the problems found (empty: the fix holds).
import { analyzeConfig, type ConfigAnalysis } from '../../../server/src/analysis/analyzeConfig';
import type { Finding, Fix } from '../../../server/src/analysis/finding';
import { applyEdits } from '../../../server/src/fixes/yamlEdits';
import { scheduleFamilyOf } from '../../../server/src/plan/scheduleFamily';
import { scheduleOfPlan } from '../../../server/src/schedules';

/** The family a fix's title names, if it names one. */
export function familyNamed(fix: Fix): 'cosine' | 'linear' | undefined {
  return /^Use (cosine|linear) decay/.exec(fix.title)?.[1] as 'cosine' | 'linear' | undefined;
}

/** Every byte outside the edited ranges is unchanged: the fixed text is the original with each range substituted. */
function outsideBytesKept(text: string, fix: Fix, fixed: string): boolean {
  const edits = [...fix.edits].sort((a, b) => a.span.start - b.span.start);
  let position = 0;
  let offset = 0;
  for (const edit of edits) {
    if (edit.span.start < position) return false; // overlapping edits
    const kept = text.slice(position, edit.span.start);
    if (fixed.slice(offset, offset + kept.length) !== kept) return false;
    offset += kept.length + edit.newText.length;
    position = edit.span.end;
  }
  return fixed.slice(offset) === text.slice(position);
}

const errorsOf = (analysis: ConfigAnalysis) => analysis.findings.filter((f) => f.severity === 'error').map((f) => f.message);

export function checkFix(text: string, fileName: string, before: ConfigAnalysis, finding: Finding, fix: Fix): string[] {
  const problems: string[] = [];
  const fixed = applyEdits(text, fix.edits);
  const after = analyzeConfig(fixed, fileName);
  if (after.parsed.syntaxProblems.length > before.parsed.syntaxProblems.length) {
    problems.push(`does not re-parse: ${after.parsed.syntaxProblems.map((p) => p.message).join('; ')}`);
  }
  if (/\.json$/i.test(fileName)) {
    try {
      JSON.parse(fixed);
    } catch (error) {
      problems.push(`JSON no longer valid: ${String(error)}`);
    }
  }
  if (after.findings.some((f) => f.ruleId === finding.ruleId)) problems.push(`${finding.ruleId} still reported`);
  const beforeErrors = new Set(errorsOf(before));
  const newErrors = errorsOf(after).filter((m) => !beforeErrors.has(m));
  if (newErrors.length) problems.push(`new errors: ${newErrors.join('; ')}`);
  if (!outsideBytesKept(text, fix, fixed)) problems.push('bytes outside the edited ranges changed');
  const family = familyNamed(fix);
  const plan = after.documents[0]?.plan;
  if (family) {
    if (!plan) problems.push('no plan after the fix');
    else {
      const got = scheduleFamilyOf(plan);
      if (got.kind !== family) problems.push(`named ${family} but the new plan runs ${got.kind} (${plan.schedule.name})`);
      if (!scheduleOfPlan(plan)) problems.push(`the new schedule ${plan.schedule.name} cannot be drawn`);
    }
  }
  return problems;
}
