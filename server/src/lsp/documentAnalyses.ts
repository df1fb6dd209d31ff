import type { TextDocument } from 'vscode-languageserver-textdocument';
import { analyzeConfig, type ConfigAnalysis, type LensSettings } from '../analysis/analyzeConfig';
import { codeLensesOf, type CurveLens } from '../analysis/codeLens';
import { curveOfAnalysis, type CurveOptions, type CurveResult } from '../analysis/curve';
import { INCREMENTAL_MIN_LENGTH, IncrementalYamlParser } from '../parse/incrementalYaml';
import { DetectionMemo } from '../analysis/detectionMemo';

/** Analyses kept at once: the documents used most recently (others are re-analyzed when asked, in a few ms). */
const MAX_CACHED_ANALYSES = 16;

/**
 * Parse once per (document, version, settings): every handler reads the cached analysis, and what is derived
 * from it (code lenses, curves) is cached with it, so an unchanged document costs nothing to ask again.
 */
export class DocumentAnalyses {
  private readonly cache = new Map<string, { version: number; settings: LensSettings; analysis: ConfigAnalysis }>();
  private readonly lenses = new WeakMap<ConfigAnalysis, { sparkline: boolean; lenses: CurveLens[] }>();
  private readonly curves = new WeakMap<ConfigAnalysis, { key: string; curve: CurveResult | null }>();
  /**
   * Large documents keep their parsed chunks from their first analysis on, so that an edit, the first one too,
   * parses again only the chunks it touched. The first parse costs what a whole parse costs, and the chunks hold
   * the same nodes as the analysis (about 1 MB more for a 2 MB file).
   */
  private readonly parsers = new Map<string, IncrementalYamlParser>();
  /** The dialects of each document's YAML documents, reused for those an edit left alone. */
  private readonly detections = new Map<string, { settings: LensSettings; memo: DetectionMemo }>();

  get(document: TextDocument, settings: LensSettings): ConfigAnalysis {
    const cached = this.cache.get(document.uri);
    this.cache.delete(document.uri); // re-inserted below: the Map's order is the order of use
    if (cached && cached.version === document.version && cached.settings === settings) {
      this.cache.set(document.uri, cached);
      return cached.analysis;
    }
    const text = document.getText();
    let parser = this.parsers.get(document.uri);
    if (!parser && text.length >= INCREMENTAL_MIN_LENGTH) this.parsers.set(document.uri, (parser = new IncrementalYamlParser()));
    else if (parser && text.length < INCREMENTAL_MIN_LENGTH) this.parsers.delete(document.uri);
    // Detection reads the settings (dialect globs): other settings, a memo of its own.
    let kept = this.detections.get(document.uri);
    if (kept?.settings !== settings) this.detections.set(document.uri, (kept = { settings, memo: new DetectionMemo() }));
    const analysis = analyzeConfig(text, fileNameOf(document.uri), settings, { parser, detections: kept.memo });
    this.cache.set(document.uri, { version: document.version, settings, analysis });
    for (const uri of this.cache.keys()) {
      if (this.cache.size <= MAX_CACHED_ANALYSES) break;
      this.cache.delete(uri);
    }
    return analysis;
  }

  /** The analysis's code lenses (computed once per analysis and sparkline setting). */
  lensesOf(analysis: ConfigAnalysis, sparkline: boolean): CurveLens[] {
    const cached = this.lenses.get(analysis);
    if (cached && cached.sparkline === sparkline) return cached.lenses;
    const lenses = codeLensesOf(analysis, { sparkline });
    this.lenses.set(analysis, { sparkline, lenses });
    return lenses;
  }

  /** The analysis's curve (the last sampled one asked for is kept, per analysis; every-step curves never are). */
  curveOf(analysis: ConfigAnalysis, options: CurveOptions): CurveResult | null {
    if (options.everyStep) return curveOfAnalysis(analysis, options);
    const key = JSON.stringify([options.points, options.documentIndex]);
    const cached = this.curves.get(analysis);
    if (cached && cached.key === key) return cached.curve;
    const curve = curveOfAnalysis(analysis, options);
    this.curves.set(analysis, { key, curve });
    return curve;
  }

  delete(uri: string): void {
    this.cache.delete(uri);
    this.parsers.delete(uri);
    this.detections.delete(uri);
  }

  /** The document was closed: nothing of it is kept. */
  forget(uri: string): void {
    this.delete(uri);
  }

  clear(): void {
    this.cache.clear();
    this.parsers.clear();
    this.detections.clear();
  }
}

export function fileNameOf(uri: string): string {
  try {
    return decodeURIComponent(new URL(uri).pathname);
  } catch {
    return uri;
  }
}
