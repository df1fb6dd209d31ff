import type { Finding, Fix, TextEdit } from '../analysis/finding';

/** One finding's preferred fix, chosen for "fix all". */
export interface ChosenFix {
  finding: Finding;
  fix: Fix;
}

export interface FixAllPlan {
  chosen: ChosenFix[];
  /** Findings whose preferred fix touches text another chosen fix already edits (fix them one at a time). */
  skipped: ChosenFix[];
  /** Every chosen edit, non-overlapping, in text order. */
  edits: TextEdit[];
}

/** Two edits conflict when their ranges overlap, or when both insert at the same offset (the order would be a guess). */
function conflicts(a: TextEdit, b: TextEdit): boolean {
  if (a.span.start === b.span.start) return true;
  return a.span.start < b.span.end && b.span.start < a.span.end;
}

/**
 * The preferred fix of each finding (in the findings' order), skipping any that would overlap a fix already chosen,
 * so the result applies in one edit. Findings without a preferred fix are left alone.
 */
export function planFixAll(findings: readonly Finding[]): FixAllPlan {
  const chosen: ChosenFix[] = [];
  const skipped: ChosenFix[] = [];
  const edits: TextEdit[] = [];
  for (const finding of findings) {
    const fix = finding.fixes.find((f) => f.isPreferred);
    if (!fix || fix.edits.length === 0) continue;
    if (fix.edits.some((edit) => edits.some((taken) => conflicts(edit, taken)))) {
      skipped.push({ finding, fix });
      continue;
    }
    chosen.push({ finding, fix });
    edits.push(...fix.edits);
  }
  edits.sort((a, b) => a.span.start - b.span.start);
  return { chosen, skipped, edits };
}
