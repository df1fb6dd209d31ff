import type { AnalysisSettings, Dialect, DialectInput, Recognition } from '../dialects/dialect';
import { detectDialect, DIALECTS } from '../dialects';
import { isProjectConfigFile, readProjectConfig } from '../config/projectConfig';
import { parseConfig, type ParsedConfig } from '../parse/parseConfig';
import { parseConfigFile } from '../parse/tomlConfig';
import type { YamlDocumentsParser } from '../parse/incrementalYaml';
import type { DetectionMemo } from './detectionMemo';
import { LineIndex } from '../parse/textSpan';
import type { TrainingPlan } from '../plan/trainingPlan';
import { PLAN_RULES, SWEEP_RULES } from '../rules';
import type { SweepPlan } from '../plan/sweepPlan';
import { embeddedHydraSweep } from '../frameworks/hydra-sweep/dialect';
import { RULES } from '../rules/ruleCatalog';
import type { Finding, RuleId, Severity } from './finding';
import { placeFinding } from '../dialects/valueOrigin';

/** Files larger than this (in UTF-16 code units, about bytes) are not analysed unless a setting says otherwise. */
export const DEFAULT_MAX_FILE_SIZE = 5 * 1024 * 1024;

export interface LensSettings extends AnalysisSettings {
  /** Largest text analysed; above it one information finding says the file was skipped. */
  maxFileSize?: number;
  /** Trials above which a sweep may tune beta_2 too ("substantially more than 25"; default 50). */
  budgetThreshold?: number;
  /** Severity overrides per rule id; `off` silences a rule. */
  severities?: Partial<Record<string, Severity | 'off'>>;
}

export interface DocumentAnalysis {
  documentIndex: number;
  dialect: Dialect;
  recognition: Recognition;
  input: DialectInput;
  plan?: TrainingPlan;
  /** The hyperparameter study the document declares, if any (sweep files; sweeps embedded in a config). */
  sweep?: SweepPlan;
}

export interface ConfigAnalysis {
  parsed: ParsedConfig;
  /** The documents recognised as training configs. */
  documents: DocumentAnalysis[];
  /** Findings after in-file `disable=` directives and severity settings. */
  findings: Finding[];
}

/** What an editor keeps for a file it analyses version after version, so unchanged work is not redone. */
export interface AnalysisReuse {
  /** The file's incremental YAML parser (see IncrementalYamlParser). */
  parser?: YamlDocumentsParser;
  /** The dialects of its documents (see DetectionMemo). */
  detections?: DetectionMemo;
}

/** text → parsed document → dialect → plan → findings. Never throws: a broken rule loses only its findings. */
export function analyzeConfig(text: string, fileName: string, settings: LensSettings = {}, reuse: AnalysisReuse = {}): ConfigAnalysis {
  const maxFileSize = settings.maxFileSize ?? DEFAULT_MAX_FILE_SIZE;
  if (text.length > maxFileSize) return skippedAsTooLarge(text, maxFileSize);
  if (isProjectConfigFile(fileName)) return analyzeProjectConfig(text);
  const parsed = parseConfigFile(text, fileName, reuse.parser);
  reuse.detections?.startVersion();
  const documents: DocumentAnalysis[] = [];
  // A directive that cannot be read is reported where it is written, whatever the file is.
  const raw: Finding[] = parsed.directives.problems.map((problem) => ({
    ruleId: 'invalid-value',
    severity: 'warning',
    message: problem.message,
    span: problem.span,
    fixes: [],
  }));
  parsed.documents.forEach((document, documentIndex) => {
    const input: DialectInput = { parsed, document, documentIndex, fileName, settings };
    let detection;
    try {
      detection = reuse.detections ? reuse.detections.detect(parsed, document, () => detectDialect(input)) : detectDialect(input);
    } catch {
      return;
    }
    if (!detection) return;
    const analysis: DocumentAnalysis = { documentIndex, dialect: detection.dialect, recognition: detection.recognition, input };
    documents.push(analysis);
    try {
      const extraction = detection.dialect.extract(input);
      raw.push(...extraction.findings);
      analysis.plan = extraction.plan;
      analysis.sweep = extraction.sweep;
    } catch (error) {
      reportInternalError(error);
      return;
    }
    if (!analysis.sweep) {
      try {
        analysis.sweep = embeddedHydraSweep(input, detection.dialect.id, analysis.plan?.optimizer.name);
      } catch (error) {
        reportInternalError(error);
      }
    }
    const sweep = analysis.sweep;
    if (sweep) {
      for (const rule of SWEEP_RULES) {
        try {
          raw.push(...rule({ sweep, dialect: detection.dialect, input, budgetThreshold: settings.budgetThreshold }));
        } catch (error) {
          reportInternalError(error);
        }
      }
    }
    const plan = analysis.plan;
    if (!plan) return;
    for (const rule of PLAN_RULES) {
      try {
        raw.push(...rule({ plan, dialect: detection.dialect, input }));
      } catch (error) {
        reportInternalError(error);
      }
    }
  });
  reuse.detections?.endVersion();
  for (const { rule, span } of parsed.directives.namedRules) {
    if (!(rule in RULES)) {
      raw.push({ ruleId: 'invalid-value', severity: 'warning', message: `Unknown rule \`${rule}\` in an lr-lens directive (known: ${Object.keys(RULES).join(', ')}).`, span, fixes: [] });
    }
  }
  return { parsed, documents, findings: applySeverities(raw.map(placeFinding), parsed, settings) };
}

/** `.lr-lens.yaml` itself: its own problems, nothing else. */
function analyzeProjectConfig(text: string): ConfigAnalysis {
  const { findings } = readProjectConfig(text, DIALECTS.map((d) => d.id));
  return { parsed: parseConfig(text), documents: [], findings };
}

function skippedAsTooLarge(text: string, maxFileSize: number): ConfigAnalysis {
  const parsed = parseConfig('');
  const megabytes = (n: number) => `${+(n / (1024 * 1024)).toFixed(1)} MB`;
  return {
    parsed: { ...parsed, text, lines: new LineIndex(text) },
    documents: [],
    findings: [
      {
        ruleId: 'file-too-large',
        severity: 'information',
        message: `LR Lens skipped this file: it is ${megabytes(text.length)}, above the ${megabytes(maxFileSize)} limit (setting lrLens.maxFileSizeMB).`,
        span: { start: 0, end: Math.min(text.length, text.search(/\r?\n|$/)) },
        fixes: [],
      },
    ],
  };
}

function applySeverities(findings: Finding[], parsed: ParsedConfig, settings: LensSettings): Finding[] {
  const result: Finding[] = [];
  for (const finding of findings) {
    if (parsed.directives.disabledRules.has(finding.ruleId)) continue;
    const silenced = parsed.directives.disabledLines.get(parsed.lines.positionAt(finding.span.start).line);
    if (silenced && (silenced.size === 0 || silenced.has(finding.ruleId))) continue;
    const override = settings.severities?.[finding.ruleId as RuleId];
    if (override === 'off') continue;
    result.push(override ? { ...finding, severity: override } : finding);
  }
  return result.sort((a, b) => a.span.start - b.span.start);
}

let internalErrorReporter: (error: unknown) => void = () => undefined;

/** Where errors inside dialects and rules go (the server logs them; tests may throw). */
export function onInternalError(reporter: (error: unknown) => void): void {
  internalErrorReporter = reporter;
}

function reportInternalError(error: unknown): void {
  internalErrorReporter(error);
}
