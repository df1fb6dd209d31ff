import { isScalar, Scalar, type Document, type YAMLMap } from 'yaml';
import type { TextEdit } from '../analysis/finding';
import type { ParsedConfig } from '../parse/parseConfig';
import { entriesOf, type MapEntry } from '../parse/yamlAccess';

/**
 * Minimal edits that keep the user's bytes: a scalar is replaced inside its own range (keeping its quotes),
 * a new key is inserted on a line of its own beside a related key, with that key's indentation, the file's
 * line breaks, and JSON syntax in flow (JSON) mappings. Nothing else in the file changes.
 */

/** The value written as a scalar in the style of `like` (plain, 'single' or "double" quoted). */
function scalarText(value: string | number, like: Scalar | null, jsonStyle: boolean): string {
  if (typeof value === 'number') return String(value);
  const type = like?.type;
  if (type === Scalar.QUOTE_DOUBLE || (jsonStyle && type !== Scalar.QUOTE_SINGLE)) return JSON.stringify(value);
  if (type === Scalar.QUOTE_SINGLE) return `'${value.replace(/'/g, "''")}'`;
  return value;
}

/**
 * Replace a scalar's value in place, keeping its quoting style. A block scalar (`key: >-` with the value on the
 * lines below) becomes a plain scalar on the key's line; its range ends after its last line break, which is kept.
 */
export function replaceScalar(node: Scalar, value: string | number, jsonStyle = false, text?: string): TextEdit {
  const range = node.range ?? [0, 0, 0];
  if (node.type === Scalar.BLOCK_FOLDED || node.type === Scalar.BLOCK_LITERAL) {
    const written = text?.slice(range[0], range[1]) ?? '';
    const lineBreak = /\r?\n$/.exec(written)?.[0] ?? (text === undefined ? '\n' : '');
    return { span: { start: range[0], end: range[1] }, newText: `${scalarText(value, null, jsonStyle)}${lineBreak}` };
  }
  return { span: { start: range[0], end: range[1] }, newText: scalarText(value, node, jsonStyle) };
}

/** Insert `key: value` into a mapping, right after the entry `after` (or after the mapping's last entry). */
export function insertEntry(parsed: ParsedConfig, map: YAMLMap, after: MapEntry, key: string, value: string | number): TextEdit {
  const { text, lines, eol } = parsed;
  const keyIndent = text.slice(lines.lineStartOf(after.keySpan.start), after.keySpan.start);
  if (map.flow) {
    const keyQuoted = after.keyNode.type === Scalar.QUOTE_DOUBLE || after.keyNode.type === Scalar.QUOTE_SINGLE;
    const keyText = keyQuoted ? scalarText(key, after.keyNode, true) : key;
    const valueText = scalarText(value, isScalar(after.valueNode) ? after.valueNode : null, keyQuoted);
    const mapStart = map.range?.[0] ?? 0;
    const multiline = lines.positionAt(mapStart).line !== lines.positionAt(after.keySpan.start).line;
    const separator = multiline && /^\s*$/.test(keyIndent) ? eol + keyIndent : ' ';
    return { span: { start: after.valueSpan.end, end: after.valueSpan.end }, newText: `,${separator}${keyText}: ${valueText}` };
  }
  // Block mapping: a new line after the last line of `after` (its value may span lines, or carry a comment).
  let lastContent = after.valueSpan.end;
  while (lastContent > after.keySpan.end && /\s/.test(text.charAt(lastContent - 1))) lastContent--;
  const insertAt = lines.lineEndOf(lastContent);
  const indent = /^\s*$/.test(keyIndent) ? keyIndent : ' '.repeat(keyIndent.length);
  const valueText = scalarText(value, null, false);
  return { span: { start: insertAt, end: insertAt }, newText: `${eol}${indent}${key}: ${valueText}` };
}

/**
 * Set `key` in `map` to a scalar: edit it in place when it exists as a scalar, otherwise insert it beside
 * `besideKey` (or after the mapping's last entry).
 */
export function setScalarEntry(
  parsed: ParsedConfig,
  document: Document,
  map: YAMLMap,
  key: string,
  value: string | number,
  besideKey?: string,
): TextEdit {
  const entries = entriesOf(document, map);
  const existing = entries.get(key);
  const written = existing?.valueNode?.range && existing.valueNode.range[1] > existing.valueNode.range[0];
  if (existing && written && isScalar(existing.valueNode)) {
    return replaceScalar(existing.valueNode, value, map.flow === true, parsed.text);
  }
  if (existing && written) {
    // A collection where a scalar belongs: replace what is written after the colon.
    return { span: existing.valueSpan, newText: scalarText(value, null, map.flow === true) };
  }
  if (existing) {
    // `key:` with nothing after it: write the value after the colon.
    const colon = parsed.text.slice(existing.keySpan.end).match(/^[ \t]*:/);
    const at = existing.keySpan.end + (colon ? colon[0].length : 0);
    return { span: { start: at, end: at }, newText: `${colon ? '' : ':'} ${scalarText(value, null, map.flow === true)}` };
  }
  const anchor = (besideKey ? entries.get(besideKey) : undefined) ?? [...entries.values()].at(-1);
  if (!anchor) throw new Error(`cannot insert \`${key}\` into an empty mapping`);
  return insertEntry(parsed, map, anchor, key, value);
}

/** Apply edits (non-overlapping) to a text. */
export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  const sorted = [...edits].sort((a, b) => b.span.start - a.span.start);
  let result = text;
  for (const edit of sorted) result = result.slice(0, edit.span.start) + edit.newText + result.slice(edit.span.end);
  return result;
}
