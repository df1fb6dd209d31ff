import { checkEdits } from '../fixes/checkedEdits';
import { planFixAll } from '../fixes/fixAll';
import type { ConfigAnalysis } from './analyzeConfig';
import type { Finding, Fix, TextEdit } from './finding';

/** A finding's fixes that pass the edit check (the result parses, only the intended values change). */
export function offeredFixes(analysis: ConfigAnalysis, finding: Finding): Fix[] {
  return finding.fixes.filter((fix) => checkEdits(analysis.parsed, fix.edits).ok);
}

/** "Fix all": every finding's preferred fix that passes the check and overlaps no other, checked once more together. */
export function offeredFixAll(analysis: ConfigAnalysis): { edits: TextEdit[]; count: number } | null {
  const findings = analysis.findings.map((finding) => ({
    ...finding,
    fixes: finding.fixes.filter((fix) => !fix.isPreferred || checkEdits(analysis.parsed, fix.edits).ok),
  }));
  const plan = planFixAll(findings);
  if (plan.edits.length === 0 || !checkEdits(analysis.parsed, plan.edits).ok) return null;
  return { edits: plan.edits, count: plan.chosen.length };
}
