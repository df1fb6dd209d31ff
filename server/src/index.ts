/** The LR Lens language service: pure TypeScript, no editor or protocol imports. */
export { analyzeConfig, onInternalError } from './analysis/analyzeConfig';
export type { AnalysisLogger } from './analysis/internalErrors';
export type { ConfigAnalysis, DocumentAnalysis, LensSettings } from './analysis/analyzeConfig';
export { curveOfAnalysis, curveOfPlan } from './analysis/curve';
export type { CurveOptions, CurveResult } from './analysis/curve';
export { hoverAt } from './analysis/hover';
export { previewFix } from './analysis/fixPreview';
export { formatLr, summarizePlan } from './analysis/describePlan';
export type { Finding, Fix, RuleId, Severity, TextEdit } from './analysis/finding';
export { RULES } from './rules/ruleCatalog';
export { applyEdits } from './fixes/yamlEdits';
export { DIALECTS } from './dialects';
export { FRAMEWORKS, frameworkById } from './frameworks/registry';
export type { FrameworkId, ScheduleVocabularyId } from './frameworks/registry';
export type { EditingVocabulary, FrameworkModule } from './frameworks/framework';
export type { TrainingPlan } from './plan/trainingPlan';
export type { Position, Range, Span } from './parse/textSpan';
