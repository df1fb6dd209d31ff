import { TextDocument, type TextDocumentContentChangeEvent } from 'vscode-languageserver-textdocument';

/** The one span where two texts differ: `previous.slice(start, previousEnd)` became `next.slice(start, nextEnd)`. */
export interface TextDifference {
  start: number;
  previousEnd: number;
  nextEnd: number;
}

/**
 * Where `next` differs from `previous`, from their common prefix and common suffix (linear time, no line split).
 * The suffix never overlaps the prefix, so an insertion into a run of equal characters is placed at its end; the
 * span never starts or ends inside a CRLF line break.
 */
export function differenceOf(previous: string, next: string): TextDifference {
  const shorter = Math.min(previous.length, next.length);
  let start = 0;
  while (start < shorter && previous.charCodeAt(start) === next.charCodeAt(start)) start++;
  let previousEnd = previous.length;
  let nextEnd = next.length;
  while (previousEnd > start && nextEnd > start && previous.charCodeAt(previousEnd - 1) === next.charCodeAt(nextEnd - 1)) {
    previousEnd--;
    nextEnd--;
  }
  // A position cannot fall between the two characters of a CRLF line break: widen the span over it.
  if (start > 0 && previous.charCodeAt(start - 1) === 13 && previous.charCodeAt(start) === 10) start--;
  if (previousEnd < previous.length && previous.charCodeAt(previousEnd - 1) === 13 && previous.charCodeAt(previousEnd) === 10) {
    previousEnd++;
    nextEnd++;
  }
  return { start, previousEnd, nextEnd };
}

/** A full-text change (`contentChanges: [{ text }]`) as the ranged change it amounts to, against `document`. */
export function rangedChangeOf(document: TextDocument, text: string): TextDocumentContentChangeEvent {
  const { start, previousEnd, nextEnd } = differenceOf(document.getText(), text);
  return { range: { start: document.positionAt(start), end: document.positionAt(previousEnd) }, text: text.slice(start, nextEnd) };
}

/**
 * TextDocuments' configuration (create and update of `vscode-languageserver-textdocument`), with every full-text
 * change applied as the ranged change it amounts to: a client that sends whole texts costs what one that sends
 * ranges costs.
 */
export const diffingTextDocuments = {
  create: TextDocument.create,
  update(document: TextDocument, changes: TextDocumentContentChangeEvent[], version: number): TextDocument {
    // One at a time: each change applies to the text the ones before it left.
    let updated = document;
    for (const change of changes)
      updated = TextDocument.update(updated, ['range' in change ? change : rangedChangeOf(updated, change.text)], version);
    return changes.length === 0 ? TextDocument.update(document, [], version) : updated;
  },
};
