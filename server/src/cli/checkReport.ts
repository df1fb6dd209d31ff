import type { ConfigAnalysis } from '../analysis/analyzeConfig';
import type { Severity } from '../analysis/finding';

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
  suggestions?: { desc: string; fix: { range: [number, number]; text: string } }[];
}

/** Hints are for editors; the CLI reports errors, warnings and information. */
const REPORTED: ReadonlySet<Severity> = new Set(['error', 'warning', 'information']);

export function reportOf(filePath: string, analysis: ConfigAnalysis): FileReport {
  const { lines } = analysis.parsed;
  const messages: ReportMessage[] = [];
  const dialect = analysis.documents[0]?.dialect.id ?? null;
  if (dialect) {
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
    const start = lines.positionAt(finding.span.start);
    const end = lines.positionAt(finding.span.end);
    const message: ReportMessage = {
      ruleId: finding.ruleId,
      severity: finding.severity === 'error' ? 2 : 1,
      lrLensSeverity: finding.severity,
      message: finding.message,
      line: start.line + 1,
      column: start.character + 1,
      endLine: end.line + 1,
      endColumn: end.character + 1,
    };
    const suggestions = finding.fixes
      .filter((fix) => fix.edits.length === 1)
      .map((fix) => ({ desc: fix.title, fix: { range: [fix.edits[0]!.span.start, fix.edits[0]!.span.end] as [number, number], text: fix.edits[0]!.newText } }));
    if (suggestions.length) message.suggestions = suggestions;
    messages.push(message);
  }
  messages.sort((a, b) => a.line - b.line || a.column - b.column);
  const count = (severity: Severity) => messages.filter((m) => m.lrLensSeverity === severity).length;
  return {
    filePath,
    dialect,
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

/** `file:line:col severity message rule`, one line per message. */
export function formatText(reports: readonly FileReport[]): string {
  const lines: string[] = [];
  for (const report of reports) {
    for (const m of report.messages) {
      lines.push(`${report.filePath}:${m.line}:${m.column} ${LABEL[m.lrLensSeverity]} ${m.message.replace(/\s*\n\s*/g, ' ')} ${m.ruleId ?? 'yaml-syntax'}`);
    }
  }
  return lines.join('\n');
}
