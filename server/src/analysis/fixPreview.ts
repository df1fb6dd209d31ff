import { checkEdits } from '../fixes/checkedEdits';
import { spanContains } from '../parse/textSpan';
import type { CurvePoint } from '../schedules/schedule';
import { analyzeConfig, type ConfigAnalysis, type LensSettings } from './analyzeConfig';
import { curveOfAnalysis } from './curve';
import type { Fix } from './finding';

/**
 * The curve the file would produce once `fix` is applied: the fixed text, analyzed like any other. Undefined when
 * the fix fails the edit check (checkedEdits.ts) or the fixed file has no curve.
 */
export function previewFix(
  analysis: ConfigAnalysis,
  fix: Fix,
  fileName: string,
  settings: LensSettings,
  points = 100,
): CurvePoint[] | undefined {
  const checked = checkEdits(analysis.parsed, fix.edits);
  if (!checked.ok) return undefined;
  return curveOfAnalysis(analyzeConfig(checked.fixed, fileName, settings), { points })?.points;
}

/** One quick fix's curve: what the run would follow once the fix is applied. */
export interface FixCurve {
  title: string;
  points: CurvePoint[];
}

/** The curves of the fixes of the findings at `offset` (on their value or key), one per fix title. */
export function fixPreviewsAt(
  analysis: ConfigAnalysis,
  offset: number,
  fileName: string,
  settings: LensSettings,
  points: number,
): FixCurve[] {
  const previews: FixCurve[] = [];
  for (const finding of analysis.findings) {
    if (!spanContains(finding.span, offset) && !(finding.keySpan && spanContains(finding.keySpan, offset))) continue;
    for (const fix of finding.fixes) {
      if (previews.some((p) => p.title === fix.title)) continue;
      const curve = previewFix(analysis, fix, fileName, settings, points);
      if (curve) previews.push({ title: fix.title, points: curve });
    }
  }
  return previews;
}
