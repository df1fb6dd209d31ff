import type { Document } from 'yaml';
import type { Detection } from '../dialects';
import type { ParsedConfig } from '../parse/parseConfig';

/**
 * Dialect detections of one file's documents, kept from one version of the file to the next: a document whose
 * text did not change (the others of a multi-document file, when one is edited) is not recognized again.
 * Detection reads the document, the file's `# lr-lens: dialect=` directive, the file name and the settings
 * (and, for `_BASE_` chains and Hydra defaults, other files): the key holds the first two; the owner drops the
 * memo when the settings change or a file this one reads changes (see DocumentAnalyses).
 */
export class DetectionMemo {
  private previous = new Map<string, Detection | null>();
  private current = new Map<string, Detection | null>();
  /** How the last version went: documents recognized anew, detections reused. */
  lastRun = { detected: 0, reused: 0 };

  /** The detection of `document`, from the previous version when its text is the same. */
  detect(parsed: ParsedConfig, document: Document.Parsed, detect: () => Detection | null): Detection | null {
    // A file of one document: any edit changes it, so nothing is kept (nor its text held as a key).
    if (parsed.documents.length < 2) {
      this.lastRun.detected++;
      return detect();
    }
    const range = document.range ?? [0, 0, 0];
    const key = `${parsed.directives.dialect ?? ''}\u0000${parsed.text.slice(range[0], range[2])}`;
    let detection = this.current.get(key) ?? this.previous.get(key);
    if (detection === undefined) {
      detection = detect();
      this.lastRun.detected++;
    } else {
      this.lastRun.reused++;
    }
    this.current.set(key, detection);
    return detection;
  }

  /** After a version's documents are detected: what the next version may reuse is what this one used. */
  endVersion(): void {
    this.previous = this.current;
    this.current = new Map();
  }

  /** Before a version's documents are detected. */
  startVersion(): void {
    this.current = new Map();
    this.lastRun = { detected: 0, reused: 0 };
  }
}
