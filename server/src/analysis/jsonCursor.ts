/**
 * Where the cursor is in a JSON file (SageMaker tuning jobs), read from the same parse the analysis uses: JSON is
 * parsed as YAML flow collections (parse/parseConfig.ts), which keeps every node's source range and reads what an
 * editor has mid-edit (a trailing comma, a key without a value yet, a bare word being typed) without losing the rest.
 * The answer says whether the cursor is at a key of an object, at a value, or at an item of an array, with the path of
 * keys (and array indexes) above it, and the text a chosen item replaces.
 */
import { isCollection, isMap, isScalar, type Document, type Node, type Scalar, type YAMLMap, type YAMLSeq } from 'yaml';
import type { Span } from '../parse/textSpan';

export interface JsonCursor {
  /** `key`: a key of an object (new or typed); `value`: the value of `key`; `item`: an item of an array (new or typed). */
  kind: 'key' | 'value' | 'item';
  /** Keys (and array indexes) of the collections above the cursor, outermost first; at a value, without its key. */
  path: (string | number)[];
  /** At a value: the key whose value it is. */
  key?: string;
  /** The object or array the cursor is in. */
  container: YAMLMap | YAMLSeq;
  /** What is typed so far at the cursor, without quotes. */
  prefix: string;
  /** The text a chosen item replaces (always containing the cursor). */
  replace: Span;
  /** The cursor is between the quotes of a string: the replacement is written without quotes. */
  inString: boolean;
}

/** Nesting deeper than this is not descended (JSON configs are a few levels deep). */
const MAX_DEPTH = 64;

/** The cursor at a scalar that contains it: inside its quotes, or the whole scalar. */
function atScalar(text: string, scalar: Scalar, offset: number): Pick<JsonCursor, 'prefix' | 'replace' | 'inString'> | null {
  const range = scalar.range;
  if (!range) return null;
  const [start, end] = range;
  const quoted = scalar.type === 'QUOTE_DOUBLE' || scalar.type === 'QUOTE_SINGLE';
  if (quoted && offset > start && offset < end) {
    // Between the quotes (an unterminated string ends at the scalar's end).
    const closed = end - start >= 2 && text[end - 1] === text[start];
    const inner = { start: start + 1, end: closed ? end - 1 : end };
    if (offset > inner.end) return null;
    return { prefix: text.slice(inner.start, offset), replace: inner, inString: true };
  }
  if (offset < start || offset > end) return null;
  return { prefix: quoted ? '' : text.slice(start, offset), replace: { start: Math.min(start, offset), end }, inString: false };
}

/** Is the text from a key's end to the cursor only its colon (the cursor where its missing value goes)? */
const afterColon = (text: string, keyEnd: number, offset: number) => offset >= keyEnd && /^\s*:\s*$/.test(text.slice(keyEnd, offset));

const isEmpty = (node: unknown) => node === null || node === undefined || (isScalar(node) && node.source === '' && node.value === null);

/** Strictly inside a collection's brackets. */
function inside(node: Node, offset: number): boolean {
  const range = node.range;
  return range !== undefined && range !== null && offset > range[0] && offset < range[1];
}

function inMap(text: string, map: YAMLMap, offset: number, path: (string | number)[], depth: number): JsonCursor | null {
  for (const pair of map.items) {
    const key = pair.key as Node | null;
    const keyRange = key?.range;
    const name = isScalar(key) ? String(key.value) : undefined;
    if (isScalar(key) && keyRange && offset >= keyRange[0] && offset <= keyRange[1]) {
      const at = atScalar(text, key, offset);
      return at ? { kind: 'key', path, container: map, ...at } : null;
    }
    const value = pair.value as Node | null;
    if (name === undefined) continue;
    if (isCollection(value) && inside(value, offset)) return descend(text, value, offset, [...path, name], depth + 1);
    if (keyRange && isEmpty(value) && afterColon(text, keyRange[1], offset)) {
      return { kind: 'value', key: name, path, container: map, prefix: '', replace: { start: offset, end: offset }, inString: false };
    }
    if (isScalar(value) && value.range && offset >= value.range[0] && offset <= value.range[1] && !isEmpty(value)) {
      const at = atScalar(text, value, offset);
      return at ? { kind: 'value', key: name, path, container: map, ...at } : null;
    }
    // Between the colon and a written value: the value is replaced from the cursor on.
    if (isScalar(value) && value.range && keyRange && afterColon(text, keyRange[1], offset) && offset < value.range[0]) {
      return {
        kind: 'value',
        key: name,
        path,
        container: map,
        prefix: '',
        replace: { start: offset, end: value.range[1] },
        inString: false,
      };
    }
  }
  // Between the pairs: a new key (not inside a key or value written beside the cursor).
  return { kind: 'key', path, container: map, prefix: '', replace: { start: offset, end: offset }, inString: false };
}

function inSeq(text: string, seq: YAMLSeq, offset: number, path: (string | number)[], depth: number): JsonCursor | null {
  for (const [index, item] of seq.items.entries()) {
    const node = item as Node | null;
    if (isCollection(node) && inside(node, offset)) return descend(text, node, offset, [...path, index], depth + 1);
    if (isScalar(node) && node.range && offset >= node.range[0] && offset <= node.range[1] && !isEmpty(node)) {
      const at = atScalar(text, node, offset);
      return at ? { kind: 'item', path, container: seq, ...at } : null;
    }
    // Right after a collection's closing bracket: no position (before its opening one, a new item goes there).
    if (isCollection(node) && node.range && offset > node.range[0] && offset <= node.range[1]) return null;
  }
  return { kind: 'item', path, container: seq, prefix: '', replace: { start: offset, end: offset }, inString: false };
}

function descend(text: string, node: YAMLMap | YAMLSeq, offset: number, path: (string | number)[], depth: number): JsonCursor | null {
  if (depth > MAX_DEPTH) return null;
  return isMap(node) ? inMap(text, node, offset, path, depth) : inSeq(text, node, offset, path, depth);
}

/**
 * The cursor's place in a JSON document at `offset` (`text` is the document's text, comments blanked or not: they are
 * never inside a node); null outside the outermost object, on brackets, and in a document that is not JSON-shaped.
 */
export function jsonCursorAt(document: Document, text: string, offset: number): JsonCursor | null {
  const root = document.contents;
  if (!isCollection(root) || !root.flow || !inside(root, offset)) return null;
  return descend(text, root, offset, [], 0);
}

/** The nearest character before `offset` that is not blank (in a text with its comments blanked), or '' at the start. */
export function previousMark(text: string, offset: number): string {
  for (let i = offset - 1; i >= 0; i--) {
    const ch = text.charAt(i);
    if (!/\s/.test(ch)) return ch;
  }
  return '';
}

/** The nearest character at or after `offset` that is not blank, or '' at the end. */
export function nextMark(text: string, offset: number): string {
  for (let i = offset; i < text.length; i++) {
    const ch = text.charAt(i);
    if (!/\s/.test(ch)) return ch;
  }
  return '';
}
