import { applyEdits } from '../fixes/yamlEdits';
import type { CurvePoint } from '../schedules/schedule';
import { analyzeConfig, type ConfigAnalysis, type LensSettings } from './analyzeConfig';
import { curveOfAnalysis } from './curve';
import type { Fix } from './finding';

/** The curve the file would produce once `fix` is applied: the fixed text, analysed like any other. */
export function previewFix(analysis: ConfigAnalysis, fix: Fix, fileName: string, settings: LensSettings, points = 100): CurvePoint[] | undefined {
  const fixed = analyzeConfig(applyEdits(analysis.parsed.text, fix.edits), fileName, settings);
  return curveOfAnalysis(fixed, { points })?.points;
}
