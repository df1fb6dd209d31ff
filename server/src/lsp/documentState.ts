import type { LensSettings } from '../analysis/analyzeConfig';
import { DEFAULT_PRESENTATION, type PresentationSettings } from './settings';

/** What the server keeps for one open document, besides its text (TextDocuments) and analysis (DocumentAnalyses). */
export class DocumentState {
  /** The editor's `lrLens` settings for the document, pulled once until they change. */
  editorSettings: Promise<LensSettings> | undefined;
  /** The editor's settings over the nearest `.lr-lens.yaml`, with the file reader: one object until either changes. */
  settings: LensSettings | undefined;
  /** How results are shown (the sparkline), from the same pull. */
  presentation: PresentationSettings = DEFAULT_PRESENTATION;
  /** When the document last changed (a burst of typing is analyzed once). */
  lastChangeAt = -Infinity;
  /** Whether the document's diagnostics were published once (its first analysis is done). */
  published = false;
  private timer: ReturnType<typeof setTimeout> | undefined;

  /** Settings changed somewhere: pull and resolve them again when next needed. */
  forgetSettings(): void {
    this.editorSettings = undefined;
    this.settings = undefined;
    this.presentation = DEFAULT_PRESENTATION;
  }

  /** Runs `publish` after `delay` ms, replacing one scheduled before. */
  schedule(delay: number, publish: () => void): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = undefined;
      publish();
    }, delay);
  }

  dispose(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
  }
}
