import type { TextDocument } from 'vscode-languageserver-textdocument';
import { analyzeConfig, type ConfigAnalysis, type LensSettings } from '../analysis/analyzeConfig';

/** Parse once per (document, version, settings): every handler reads the cached analysis. */
export class DocumentAnalyses {
  private readonly cache = new Map<string, { version: number; settings: LensSettings; analysis: ConfigAnalysis }>();

  get(document: TextDocument, settings: LensSettings): ConfigAnalysis {
    const cached = this.cache.get(document.uri);
    if (cached && cached.version === document.version && cached.settings === settings) return cached.analysis;
    const analysis = analyzeConfig(document.getText(), fileNameOf(document.uri), settings);
    this.cache.set(document.uri, { version: document.version, settings, analysis });
    return analysis;
  }

  delete(uri: string): void {
    this.cache.delete(uri);
  }

  clear(): void {
    this.cache.clear();
  }
}

export function fileNameOf(uri: string): string {
  try {
    return decodeURIComponent(new URL(uri).pathname);
  } catch {
    return uri;
  }
}
