/**
 * Where a value read from another file (a Hydra config-group file, a detectron2 `_BASE_`) is written there.
 *
 * A composed value's spans in the analyzed file point at what pulled it in (the `- group: option` item, the
 * `_BASE_` entry); the span objects handed out for it are fresh ones, registered here with the value's place in
 * its own file. Rules and setting readers copy span objects into findings as they are, so `analyzeConfig` finds
 * the origin of a finding from its spans without any rule knowing about composition. A span that was copied
 * field by field simply has no origin: the finding then stays where it is, on the item that pulled the value in.
 */
import type { Finding } from '../analysis/finding';
import type { LineIndex, Range, Span } from '../parse/textSpan';

export interface ValueOrigin {
  fileName: string;
  keySpan: Span;
  valueSpan: Span;
  keyRange: Range;
  valueRange: Range;
  /** What pulled the value in, as the related-information message in the analyzed file says it. */
  via: string;
}

const origins = new WeakMap<Span, ValueOrigin>();

/** Fresh key and value spans for a composed value, registered with its origin. */
export function spansWithOrigin(keySpan: Span, valueSpan: Span, origin: ValueOrigin): { keySpan: Span; valueSpan: Span } {
  const key = { ...keySpan };
  const value = { ...valueSpan };
  origins.set(key, origin);
  origins.set(value, origin);
  return { keySpan: key, valueSpan: value };
}

export function originOf(span: Span | undefined): ValueOrigin | undefined {
  return span ? origins.get(span) : undefined;
}

/** Carries an origin over to a copy of a span (zod parsing copies plan sources). */
export function copyOrigin(from: Span, to: Span): void {
  const origin = origins.get(from);
  if (origin) origins.set(to, origin);
}

/**
 * A finding about a value written in another file: `elsewhere` says where, and a related location links to it.
 * Findings without a registered span are returned as they are.
 */
export function placeFinding(finding: Finding): Finding {
  const origin = originOf(finding.keySpan) ?? originOf(finding.span);
  if (!origin || finding.elsewhere) return finding;
  const onKey = (finding.keySpan !== undefined && finding.span === finding.keySpan) || origin.valueSpan.end <= origin.valueSpan.start;
  const span = onKey ? origin.keySpan : origin.valueSpan;
  const range = onKey ? origin.keyRange : origin.valueRange;
  return {
    ...finding,
    elsewhere: { fileName: origin.fileName, span, range, keySpan: origin.keySpan, keyRange: origin.keyRange },
    related: [...(finding.related ?? []), { fileName: origin.fileName, span, range, message: `The value is set here (${origin.via}).` }],
  };
}

/**
 * The copies of an analysis's findings to report in the files that hold their values, by file name: each on the
 * value there, with a related location back to what pulled it in. Fixes are dropped (their edits are offsets into
 * the analyzed file).
 */
export function findingsElsewhere(findings: readonly Finding[], fileName: string, lines: LineIndex): Map<string, PlacedFinding[]> {
  const byFile = new Map<string, PlacedFinding[]>();
  for (const finding of findings) {
    const where = finding.elsewhere;
    if (!where) continue;
    const copy: PlacedFinding = {
      ruleId: finding.ruleId,
      severity: finding.severity,
      message: finding.message,
      span: where.span,
      range: where.range,
      keySpan: where.keySpan,
      fixes: [],
      related: [
        {
          fileName,
          span: finding.span,
          range: lines.rangeOf(finding.span),
          message: `Used by ${baseName(fileName)}, which composes this file.`,
        },
      ],
    };
    const list = byFile.get(where.fileName) ?? [];
    list.push(copy);
    byFile.set(where.fileName, list);
  }
  return byFile;
}

/** A finding copied into the file that holds its value, with its range there (that file's text is not at hand). */
export interface PlacedFinding extends Finding {
  range: Range;
}

function baseName(path: string): string {
  return path.slice(Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\')) + 1);
}
