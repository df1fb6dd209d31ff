import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver';
import type { ConfigAnalysis } from '../analysis/analyzeConfig';
import { findingsElsewhere } from '../dialects/valueOrigin';
import { DIAGNOSTIC_SOURCE, toRelatedInformation, type UriOf } from './conversions';

const SEVERITIES = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  information: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

/**
 * Diagnostics of files that other documents compose (Hydra config groups, detectron2 `_BASE_` files): a finding
 * about a value written there is published in that file too, with related information back to the composing
 * document. The diagnostics of a URI are its own analysis plus what every open document places in it; a
 * document's placements are replaced when it is re-analyzed and removed when it closes.
 */
export class CrossFileDiagnostics {
  /** Target URI → composing URI → diagnostics the composing document places in the target. */
  private readonly placed = new Map<string, Map<string, Diagnostic[]>>();
  /** Each open document's own diagnostics, as last published. */
  private readonly own = new Map<string, { diagnostics: Diagnostic[]; version: number | undefined }>();
  /** Composing URI → files its analyses read through the reader (so an edit there re-analyses it). */
  private readonly reads = new Map<string, Set<string>>();

  constructor(
    private readonly send: (uri: string, diagnostics: Diagnostic[], version?: number) => Promise<void>,
    private readonly uriOf: UriOf,
  ) {}

  /** Remembers that a document's analysis read `fileName` (a composed file). */
  recordRead(uri: string, fileName: string): void {
    let files = this.reads.get(uri);
    if (!files) this.reads.set(uri, (files = new Set()));
    files.add(fileName);
  }

  /** Open documents whose analyses read `fileName`, besides itself. */
  dependentsOf(fileName: string, self: string): string[] {
    return [...this.reads].filter(([uri, files]) => uri !== self && files.has(fileName)).map(([uri]) => uri);
  }

  /** Publishes a document's own diagnostics and the ones its analysis places in the files it composes. */
  async publish(uri: string, fileName: string, version: number, own: Diagnostic[], analysis: ConfigAnalysis): Promise<void> {
    this.own.set(uri, { diagnostics: own, version });
    const next = new Map<string, Diagnostic[]>();
    for (const [target, findings] of findingsElsewhere(analysis.findings, fileName, analysis.parsed.lines)) {
      const diagnostics = findings.map((finding): Diagnostic => ({
        range: finding.range,
        severity: SEVERITIES[finding.severity],
        code: finding.ruleId,
        source: DIAGNOSTIC_SOURCE,
        message: finding.message,
        ...toRelatedInformation(finding.related, (name) => (name === fileName ? uri : this.uriOf(name))),
      }));
      const targetUri = this.uriOf(target);
      next.set(targetUri, [...(next.get(targetUri) ?? []), ...diagnostics]);
    }
    const affected = this.replacePlacements(uri, next);
    await this.sendFor(uri);
    await Promise.all([...affected].filter((target) => target !== uri).map((target) => this.sendFor(target)));
  }

  /** A document closed: its own diagnostics go, what it placed elsewhere goes, what others place in it stays. */
  async closed(uri: string): Promise<void> {
    this.own.delete(uri);
    this.reads.delete(uri);
    const affected = this.replacePlacements(uri, new Map());
    await this.sendFor(uri);
    await Promise.all([...affected].filter((target) => target !== uri).map((target) => this.sendFor(target)));
  }

  private replacePlacements(source: string, next: Map<string, Diagnostic[]>): Set<string> {
    const affected = new Set<string>(next.keys());
    for (const [target, bySource] of this.placed) {
      if (bySource.delete(source)) affected.add(target);
      if (bySource.size === 0) this.placed.delete(target);
    }
    for (const [target, diagnostics] of next) {
      let bySource = this.placed.get(target);
      if (!bySource) this.placed.set(target, (bySource = new Map()));
      bySource.set(source, diagnostics);
    }
    return affected;
  }

  private sendFor(uri: string): Promise<void> {
    const own = this.own.get(uri);
    const placed = [...(this.placed.get(uri)?.values() ?? [])].flat();
    return this.send(uri, [...(own?.diagnostics ?? []), ...placed], own?.version);
  }
}
