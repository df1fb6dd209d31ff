import { pathToFileURL } from 'node:url';
import {
  CodeActionKind,
  DiagnosticSeverity,
  type CodeAction,
  type Diagnostic,
  type DiagnosticRelatedInformation,
  type TextEdit,
} from 'vscode-languageserver';
import type { ConfigAnalysis } from '../analysis/analyzeConfig';
import type { Finding, Fix, RelatedLocation, Severity } from '../analysis/finding';
import type { LineIndex } from '../parse/textSpan';
import { ruleDocUri } from './ruleDocs';

const SEVERITIES: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  information: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

export const DIAGNOSTIC_SOURCE = 'lr-lens';

function withDocs(ruleId: string): Pick<Diagnostic, 'codeDescription'> {
  const href = ruleDocUri(ruleId);
  return href ? { codeDescription: { href } } : {};
}

/** A file's URI: an open document's own URI when one is open for it (editors spell some URIs their own way). */
export type UriOf = (fileName: string) => string;

export const fileUri: UriOf = (fileName) => pathToFileURL(fileName).toString();

export function toRelatedInformation(
  related: readonly RelatedLocation[] | undefined,
  uriOf: UriOf,
): Pick<Diagnostic, 'relatedInformation'> {
  if (!related?.length) return {};
  const relatedInformation: DiagnosticRelatedInformation[] = related.map((r) => ({
    location: { uri: uriOf(r.fileName), range: r.range },
    message: r.message,
  }));
  return { relatedInformation };
}

export function toDiagnostic(finding: Finding, lines: LineIndex, index: number, uriOf: UriOf = fileUri): Diagnostic {
  return {
    range: lines.rangeOf(finding.span),
    severity: SEVERITIES[finding.severity],
    code: finding.ruleId,
    ...withDocs(finding.ruleId),
    source: DIAGNOSTIC_SOURCE,
    message: finding.message,
    ...toRelatedInformation(finding.related, uriOf),
    // Which finding of the analysis this is, so code actions find their fixes without guessing.
    data: { index, ruleId: finding.ruleId },
  };
}

export function toTextEdits(fix: Fix, lines: LineIndex): TextEdit[] {
  return fix.edits.map((edit) => ({ range: lines.rangeOf(edit.span), newText: edit.newText }));
}

/** A quick fix; with a document version the edit is versioned (`documentChanges`), else a plain `changes` map. */
export function toCodeAction(fix: Fix, diagnostic: Diagnostic, uri: string, version: number | null, lines: LineIndex): CodeAction {
  const edits = toTextEdits(fix, lines);
  return {
    title: fix.title,
    kind: CodeActionKind.QuickFix,
    isPreferred: fix.isPreferred,
    diagnostics: [diagnostic],
    edit: version === null ? { changes: { [uri]: edits } } : { documentChanges: [{ textDocument: { uri, version }, edits }] },
  };
}

/**
 * The finding a diagnostic was made from, by the `data` it carries (`{index, ruleId}`, see toDiagnostic). A
 * diagnostic from an older analysis whose index now names another finding, or another place, finds nothing.
 */
export function findingOf(analysis: ConfigAnalysis, diagnostic: Diagnostic): Finding | undefined {
  const data: unknown = diagnostic.data;
  if (typeof data !== 'object' || data === null) return undefined;
  const { index, ruleId } = data as { index?: unknown; ruleId?: unknown };
  if (typeof index !== 'number' || !Number.isInteger(index)) return undefined;
  const finding = analysis.findings[index];
  if (!finding || finding.ruleId !== ruleId) return undefined;
  const range = analysis.parsed.lines.rangeOf(finding.span);
  const same = (a: Diagnostic['range']['start'], b: Diagnostic['range']['start'] | undefined) =>
    a.line === b?.line && a.character === b.character;
  return same(range.start, diagnostic.range?.start) && same(range.end, diagnostic.range?.end) ? finding : undefined;
}
