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
import { reportInvalidValue } from '../rules/invalidValue';
import { reportFileTooLarge } from '../rules/fileTooLarge';
import type { Finding, RuleId, Severity } from './finding';
import { placeFinding } from '../dialects/valueOrigin';
import { faultHandler, type AnalysisLogger } from './internalErrors';
import { shortPrefix } from '../dialects/shownValue';

/** Files larger than this (in UTF-16 code units, about bytes) are not analyzed unless a setting says otherwise. */
export const DEFAULT_MAX_FILE_SIZE = 5 * 1024 * 1024;

export interface LensSettings extends AnalysisSettings {
  /** Largest text analyzed; above it one information finding says the file was skipped. */
  maxFileSize?: number;
  /** Trials above which a sweep may tune beta_2 too ("substantially more than 25"; default 50). */
  budgetThreshold?: number;
  /** Severity overrides per rule id; `off` silences a rule. */
  severities?: Partial<Record<string, Severity | 'off'>>;
  /**
   * Where faults of dialects and rules go (the host's log). Without one they are thrown under test
   * (`LR_LENS_INTERNAL_ERRORS=throw`) and written to stderr otherwise; see internalErrors.ts.
   */
  logger?: AnalysisLogger;
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
  /** The documents recognized as training configs. */
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

/**
 * text → parsed document → dialect → plan → findings. A broken dialect or rule loses only its own findings, and
 * the fault goes to `settings.logger` (thrown instead under test: see internalErrors.ts).
 */
/** A reader that reads each path once and answers again from what it read. */
function readOnce(readFile: (path: string) => string | undefined): (path: string) => string | undefined {
  const texts = new Map<string, string | undefined>();
  return (path) => {
    if (!texts.has(path)) texts.set(path, readFile(path));
    return texts.get(path);
  };
}

export function analyzeConfig(text: string, fileName: string, settings: LensSettings = {}, reuse: AnalysisReuse = {}): ConfigAnalysis {
  const reportInternalError = faultHandler(settings.logger ?? legacyLogger);
  const maxFileSize = settings.maxFileSize ?? DEFAULT_MAX_FILE_SIZE;
  if (text.length > maxFileSize) return skippedAsTooLarge(text, maxFileSize);
  if (isProjectConfigFile(fileName)) return analyzeProjectConfig(text);
  const parsed = parseConfigFile(text, fileName, reuse.parser);
  reuse.detections?.startVersion();
  const documents: DocumentAnalysis[] = [];
  // A directive that cannot be read is reported where it is written, whatever the file is.
  const raw: Finding[] = parsed.directives.problems.map((problem) => reportInvalidValue(problem.message, problem.span, 'warning'));
  // Each composed file is read once per analysis, however many dialects compose it (recognition and extraction).
  const dialectSettings = settings.readFile ? { ...settings, readFile: readOnce(settings.readFile) } : settings;
  parsed.documents.forEach((document, documentIndex) => {
    const input: DialectInput = { parsed, document, documentIndex, fileName, settings: dialectSettings };
    let detection;
    try {
      detection = reuse.detections ? reuse.detections.detect(parsed, document, () => detectDialect(input)) : detectDialect(input);
    } catch (error) {
      reportInternalError(error, `recognizing document ${documentIndex}`);
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
      reportInternalError(error, `dialect ${detection.dialect.id}`);
      return;
    }
    if (!analysis.sweep) {
      try {
        analysis.sweep = embeddedHydraSweep(input, detection.dialect.id, analysis.plan?.optimizer.name);
      } catch (error) {
        reportInternalError(error, 'the embedded Hydra sweep');
      }
    }
    const sweep = analysis.sweep;
    if (sweep) {
      for (const rule of SWEEP_RULES) {
        try {
          raw.push(...rule({ sweep, dialect: detection.dialect, input, budgetThreshold: settings.budgetThreshold }));
        } catch (error) {
          reportInternalError(error, `sweep rule ${rule.name || '(anonymous)'}`);
        }
      }
    }
    const plan = analysis.plan;
    if (!plan) return;
    for (const rule of PLAN_RULES) {
      try {
        raw.push(...rule({ plan, dialect: detection.dialect, input }));
      } catch (error) {
        reportInternalError(error, `rule ${rule.name || '(anonymous)'}`);
      }
    }
  });
  reuse.detections?.endVersion();
  for (const { rule, span } of parsed.directives.namedRules) {
    if (!Object.hasOwn(RULES, rule)) {
      const message = `Unknown rule \`${shortPrefix(rule)}\` in an lr-lens directive (known: ${Object.keys(RULES).join(', ')}).`;
      raw.push(reportInvalidValue(message, span, 'warning'));
    }
  }
  return { parsed, documents, findings: applySeverities(raw.map(placeFinding), parsed, settings) };
}

/** `.lr-lens.yaml` itself: its own problems, nothing else. */
function analyzeProjectConfig(text: string): ConfigAnalysis {
  const { findings } = readProjectConfig(
    text,
    DIALECTS.map((d) => d.id),
  );
  return { parsed: parseConfig(text), documents: [], findings };
}

function skippedAsTooLarge(text: string, maxFileSize: number): ConfigAnalysis {
  const parsed = parseConfig('');
  return {
    parsed: { ...parsed, text, lines: new LineIndex(text) },
    documents: [],
    findings: [reportFileTooLarge(text, maxFileSize)],
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

let legacyLogger: AnalysisLogger | undefined;

/**
 * @deprecated Pass `settings.logger` instead (a host injects its log). Kept for callers that still install one
 * process-wide reporter; `undefined` removes it.
 */
export function onInternalError(reporter: ((error: unknown) => void) | undefined): void {
  legacyLogger = reporter && { internalError: (error) => reporter(error) };
}
