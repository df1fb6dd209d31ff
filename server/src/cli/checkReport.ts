import { normalize } from 'node:path';
import type { ConfigAnalysis } from '../analysis/analyzeConfig';
import type { Finding, RelatedLocation, Severity } from '../analysis/finding';
import type { Range } from '../parse/textSpan';
import { findingsElsewhere } from '../dialects/valueOrigin';
import { escapeControlCharacters } from './args';

/** One file's result in ESLint's JSON shape (so formatters and CI annotators work), plus `dialect`. */
export interface FileReport {
  filePath: string;
  dialect: string | null;
  messages: ReportMessage[];
  errorCount: number;
  warningCount: number;
  infoCount: number;
  fatalErrorCount: number;
  fixableErrorCount: number;
  fixableWarningCount: number;
}

export interface ReportMessage {
  ruleId: string | null;
  /** ESLint's scale: 2 error, 1 warning (information is reported as 1, with `lrLensSeverity` saying so). */
  severity: 1 | 2;
  lrLensSeverity: Severity;
  message: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  fatal?: boolean;
  /** Other places that explain the message: for a value another file composes, what pulled it in. */
  relatedLocations?: ReportLocation[];
  suggestions?: { desc: string; fix: { range: [number, number]; text: string } }[];
}

export interface ReportLocation {
  filePath: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  message: string;
}

function locationOf(related: RelatedLocation): ReportLocation {
  return { filePath: related.fileName, ...oneBased(related.range), message: related.message };
}

function oneBased(range: Range): { line: number; column: number; endLine: number; endColumn: number } {
  return { line: range.start.line + 1, column: range.start.character + 1, endLine: range.end.line + 1, endColumn: range.end.character + 1 };
}

function messageOf(finding: Finding, range: Range): ReportMessage {
  return {
    ruleId: finding.ruleId,
    severity: finding.severity === 'error' ? 2 : 1,
    lrLensSeverity: finding.severity,
    message: finding.message,
    ...oneBased(range),
  };
}

/** Hints are for editors; the CLI reports errors, warnings and information. */
const REPORTED: ReadonlySet<Severity> = new Set(['error', 'warning', 'information']);

export function reportOf(filePath: string, analysis: ConfigAnalysis): FileReport {
  const { lines } = analysis.parsed;
  const messages: ReportMessage[] = [];
  const dialect = analysis.documents[0]?.dialect.id ?? null;
  // TOML syntax problems are findings of the torchtitan dialect (editors show them too): not repeated here.
  if (dialect && analysis.parsed.language !== 'toml') {
    // A training config that is not valid YAML: say where, as ESLint reports parse errors.
    for (const problem of analysis.parsed.syntaxProblems) {
      const start = lines.positionAt(problem.span.start);
      const end = lines.positionAt(problem.span.end);
      messages.push({
        ruleId: null,
        severity: 2,
        lrLensSeverity: 'error',
        fatal: true,
        message: `YAML syntax error: ${problem.message.split('\n')[0]}`,
        line: start.line + 1,
        column: start.character + 1,
        endLine: end.line + 1,
        endColumn: end.character + 1,
      });
    }
  }
  for (const finding of analysis.findings) {
    if (!REPORTED.has(finding.severity)) continue;
    // A value written in a composed file is reported there (`placedReportsOf`), once.
    if (finding.elsewhere) continue;
    const message = messageOf(finding, lines.rangeOf(finding.span));
    if (finding.related?.length) message.relatedLocations = finding.related.map(locationOf);
    const suggestions = finding.fixes.flatMap((fix) => {
      const [edit] = fix.edits;
      if (!edit || fix.edits.length !== 1) return [];
      return [{ desc: fix.title, fix: { range: [edit.span.start, edit.span.end] as [number, number], text: edit.newText } }];
    });
    if (suggestions.length) message.suggestions = suggestions;
    messages.push(message);
  }
  return withCounts({ filePath, dialect, messages });
}

/**
 * Reports for the files that hold values an analyzed file composes (Hydra config groups, detectron2 `_BASE_`):
 * each finding about such a value on the value there, with a related location at what pulled it in.
 */
export function placedReportsOf(filePath: string, analysis: ConfigAnalysis): FileReport[] {
  const reports: FileReport[] = [];
  for (const [target, findings] of findingsElsewhere(analysis.findings, filePath, analysis.parsed.lines)) {
    const messages = findings
      .filter((finding) => REPORTED.has(finding.severity))
      .map((finding) => ({ ...messageOf(finding, finding.range), relatedLocations: (finding.related ?? []).map(locationOf) }));
    if (messages.length) reports.push(withCounts({ filePath: target, dialect: null, messages }));
  }
  return reports;
}

/**
 * Merges reports of the same file in place (a composed file is also checked itself, or composed by several
 * files): one report per file, in first-seen order, with a message repeated word for word at the same place
 * kept once and its related locations joined.
 */
export function mergeReports(reports: FileReport[]): void {
  const byPath = new Map<string, FileReport>();
  const merged: FileReport[] = [];
  for (const report of reports) {
    const key = normalize(report.filePath);
    const first = byPath.get(key);
    if (!first) {
      byPath.set(key, report);
      merged.push(report);
      continue;
    }
    const messages = [...first.messages];
    for (const message of report.messages) {
      const same = messages.find(
        (m) => m.ruleId === message.ruleId && m.line === message.line && m.column === message.column && m.message === message.message,
      );
      if (same) {
        const index = messages.indexOf(same);
        messages[index] = { ...same, relatedLocations: [...(same.relatedLocations ?? []), ...(message.relatedLocations ?? [])] };
      } else messages.push(message);
    }
    const combined = withCounts({ filePath: first.filePath, dialect: first.dialect ?? report.dialect, messages });
    byPath.set(key, combined);
    merged[merged.indexOf(first)] = combined;
  }
  reports.splice(0, reports.length, ...merged);
}

function withCounts(report: { filePath: string; dialect: string | null; messages: ReportMessage[] }): FileReport {
  const messages = [...report.messages].sort((a, b) => a.line - b.line || a.column - b.column);
  const count = (severity: Severity) => messages.filter((m) => m.lrLensSeverity === severity).length;
  return {
    filePath: report.filePath,
    dialect: report.dialect,
    messages,
    errorCount: count('error'),
    warningCount: count('warning'),
    infoCount: count('information'),
    fatalErrorCount: messages.filter((m) => m.fatal).length,
    fixableErrorCount: 0,
    fixableWarningCount: 0,
  };
}

const LABEL: Record<Severity, string> = { error: 'error', warning: 'warning', information: 'info', hint: 'hint' };

/** Line breaks and the blanks around them as one space (no regex: linear on any text). */
function oneLine(text: string): string {
  const parts = text.split('\n');
  if (parts.length === 1) return text;
  return parts
    .map((part, i) => (i > 0 ? part.trimStart() : part))
    .map((part, i) => (i < parts.length - 1 ? part.trimEnd() : part))
    .filter((part, i) => part !== '' || i === 0 || i === parts.length - 1)
    .join(' ');
}

/**
 * `file:line:col severity message rule`, one line per message. File names and messages come from the repository
 * checked: their control characters are escaped (no ESC sequence reaches the terminal, and a file name with a
 * newline cannot start a line of its own, such as a `::error` workflow command for GitHub Actions).
 */
export function formatText(reports: readonly FileReport[]): string {
  const lines: string[] = [];
  for (const report of reports) {
    const file = escapeControlCharacters(report.filePath);
    for (const m of report.messages) {
      const related = (m.relatedLocations ?? [])
        .map((r) => ` (${escapeControlCharacters(`${r.message.replace(/\.$/, '')}: ${r.filePath}`)}:${r.line}:${r.column})`)
        .join('');
      const message = escapeControlCharacters(oneLine(m.message));
      lines.push(`${file}:${m.line}:${m.column} ${LABEL[m.lrLensSeverity]} ${message}${related} ${m.ruleId ?? 'yaml-syntax'}`);
    }
  }
  return lines.join('\n');
}
