import { isMap, isScalar, Scalar, type YAMLMap } from 'yaml';
import type { TextEdit } from '../analysis/finding';
import type { DialectInput } from '../dialects/dialect';
import { entriesOf, resolveNode, rootMap, type MapEntry } from '../parse/yamlAccess';
import { replaceScalar } from './yamlEdits';

/**
 * Edits at a dotted key path that may hold a whole block: set a scalar in place (quotes kept), insert a missing key
 * (with any missing parents) as a nested block beside a related key, or replace a block value. Block mappings get
 * the file's indentation step and line breaks; flow mappings (JSON) get JSON syntax, one key per line when the
 * mapping is written over several lines. Only the edited ranges change.
 */

/** Text written exactly as given: a value copied from the file (`1e-5`, `'100ba'`, `${vars.warmup}`), or `1.0`. */
export class RawText {
  constructor(readonly text: string) {}
}

/** A float written with its decimal point (`1.0`, `0.0`), as Python configs spell floats. */
export function float(value: number): RawText {
  return new RawText(Number.isInteger(value) ? value.toFixed(1) : String(value));
}

/** A sequence of mappings (`- class_path: ...` items), e.g. the children of a torch SequentialLR. */
export class BlockList {
  constructor(readonly items: readonly EditBlock[]) {}
}

export type EditValue = string | number | boolean | RawText | BlockList | readonly number[] | { readonly [key: string]: EditValue };
export type EditBlock = { readonly [key: string]: EditValue };

export interface PathEditOptions {
  /** Replace an existing mapping at the path as a whole (default: merge key by key). */
  replace?: boolean;
  /** When the first missing key is inserted: put it after this sibling key (else after the mapping's last entry). */
  beside?: string;
}

const isBlock = (value: EditValue): value is EditBlock =>
  typeof value === 'object' && !Array.isArray(value) && !(value instanceof RawText) && !(value instanceof BlockList);

/** Plain YAML scalar where it reads back as the same string, else a JSON (double-quoted) string. */
function plainOrQuoted(value: string): string {
  const plainSafe = /^[A-Za-z_][A-Za-z0-9_.\-/]*$/.test(value) && !/^(true|false|null|yes|no|on|off|~)$/i.test(value);
  return plainSafe ? value : JSON.stringify(value);
}

function scalarText(value: string | number | boolean | RawText | BlockList | readonly number[], json: boolean): string {
  if (value instanceof RawText) return value.text;
  if (value instanceof BlockList) return `[${value.items.map((item) => flowText(item, json, { eol: '\n', unit: '' })).join(', ')}]`;
  if (Array.isArray(value)) return `[${value.join(', ')}]`;
  if (typeof value === 'string') return json ? JSON.stringify(value) : plainOrQuoted(value);
  return String(value);
}

/** The file's indentation step: the smallest non-zero leading-space width (2 when none). */
export function indentStep(text: string): string {
  let step = 0;
  for (const match of text.matchAll(/^( +)\S/gm)) {
    const [, spaces = ''] = match;
    const width = spaces.length;
    if (step === 0 || width < step) step = width;
  }
  return ' '.repeat(step || 2);
}

interface Layout {
  eol: string;
  unit: string;
}

/** `key: value` lines of a block mapping, each starting with `indent` (the first without it when `bare`). */
function blockLines(block: EditBlock, indent: string, layout: Layout): string[] {
  const lines: string[] = [];
  for (const [key, value] of Object.entries(block)) {
    if (isBlock(value)) {
      lines.push(`${indent}${plainOrQuoted(key)}:`);
      lines.push(...blockLines(value, indent + layout.unit, layout));
    } else if (value instanceof BlockList) {
      lines.push(`${indent}${plainOrQuoted(key)}:`);
      const itemIndent = `${indent + layout.unit}  `;
      for (const item of value.items) {
        const itemLines = blockLines(item, itemIndent, layout);
        if (itemLines[0]) itemLines[0] = `${indent + layout.unit}- ${itemLines[0].slice(itemIndent.length)}`;
        lines.push(...itemLines);
      }
    } else lines.push(`${indent}${plainOrQuoted(key)}: ${scalarText(value, false)}`);
  }
  return lines;
}

/** A flow/JSON mapping; over several lines (JSON pretty style) when `indent` is given. */
function flowText(block: EditBlock, json: boolean, layout: Layout, indent?: string): string {
  const keyText = (key: string) => (json ? JSON.stringify(key) : plainOrQuoted(key));
  const valueText = (value: EditValue, inner?: string): string =>
    isBlock(value) ? flowText(value, json, layout, inner) : scalarText(value, json);
  const entries = Object.entries(block);
  if (indent === undefined) return `{${entries.map(([k, v]) => `${keyText(k)}: ${valueText(v)}`).join(', ')}}`;
  const inner = indent + layout.unit;
  const body = entries.map(([k, v]) => `${inner}${keyText(k)}: ${valueText(v, inner)}`).join(`,${layout.eol}`);
  return `{${layout.eol}${body}${layout.eol}${indent}}`;
}

/** `{a: {b: value}}` for the path ['a', 'b']. */
function nest(path: readonly string[], value: EditValue): EditValue {
  return path.reduceRight<EditValue>((inner, key) => ({ [key]: inner }), value);
}

function lineIndent(input: DialectInput, offset: number): string {
  const { text, lines } = input.parsed;
  const before = text.slice(lines.lineStartOf(offset), offset);
  return /^\s*$/.test(before) ? before : ' '.repeat(before.length);
}

function isJsonStyle(map: YAMLMap, anchor?: MapEntry): boolean {
  if (!map.flow) return false;
  return anchor ? anchor.keyNode.type === Scalar.QUOTE_DOUBLE : true;
}

function isMultiline(input: DialectInput, map: YAMLMap, anchor: MapEntry): boolean {
  const start = map.range?.[0] ?? 0;
  return input.parsed.lines.positionAt(start).line !== input.parsed.lines.positionAt(anchor.keySpan.start).line;
}

/** Insert `key: value` (a scalar or a block) into `map` after `anchor`. */
function insertKey(input: DialectInput, map: YAMLMap, anchor: MapEntry, key: string, value: EditValue, layout: Layout): TextEdit {
  const { text, lines } = input.parsed;
  const indent = lineIndent(input, anchor.keySpan.start);
  if (map.flow) {
    const json = isJsonStyle(map, anchor);
    const multiline =
      isMultiline(input, map, anchor) && /^\s*$/.test(text.slice(lines.lineStartOf(anchor.keySpan.start), anchor.keySpan.start));
    const keyText = json ? JSON.stringify(key) : plainOrQuoted(key);
    const valueText = isBlock(value) ? flowText(value, json, layout, multiline ? indent : undefined) : scalarText(value, json);
    const separator = multiline ? layout.eol + indent : ' ';
    return { span: { start: anchor.valueSpan.end, end: anchor.valueSpan.end }, newText: `,${separator}${keyText}: ${valueText}` };
  }
  let lastContent = anchor.valueSpan.end;
  while (lastContent > anchor.keySpan.end && /\s/.test(text.charAt(lastContent - 1))) lastContent--;
  const at = lines.lineEndOf(lastContent);
  const entryLines = blockLines({ [key]: value }, indent, layout);
  return { span: { start: at, end: at }, newText: entryLines.map((line) => layout.eol + line).join('') };
}

/** Replace an entry's value (scalar, `key:` with nothing, or a whole block) with `value`. */
function replaceValue(input: DialectInput, map: YAMLMap, entry: MapEntry, value: EditValue, json: boolean, layout: Layout): TextEdit {
  const parentFlow = map.flow === true;
  const parentMultiline = parentFlow && isMultiline(input, map, entry);
  const { text } = input.parsed;
  const node = entry.valueNode;
  if (!isBlock(value)) {
    if (node && isScalar(node) && node.range && node.range[1] > node.range[0] && (typeof value === 'string' || typeof value === 'number')) {
      return replaceScalar(node, value, json, text);
    }
    const at = entry.valueSpan.end > entry.valueSpan.start ? entry.valueSpan : afterColon(text, entry);
    return { span: at, newText: `${at.start === at.end ? ' ' : ''}${scalarText(value, json)}` };
  }
  const keyIndent = lineIndent(input, entry.keySpan.start);
  const written = entry.valueSpan.end > entry.valueSpan.start;
  const flowNode = node !== null && isMap(node) && node.flow === true;
  if (parentFlow || flowNode) {
    const multiline = flowNode ? text.slice(entry.valueSpan.start, entry.valueSpan.end).includes('\n') : parentMultiline;
    const newText = flowText(value, json, layout, multiline ? keyIndent : undefined);
    return written ? { span: trimmed(text, entry.valueSpan), newText } : { span: afterColon(text, entry), newText: ` ${newText}` };
  }
  // Block style: the new block on the lines after the key, one step deeper than the key.
  const childIndent = written && node && isMap(node) ? lineIndent(input, entry.valueSpan.start) : keyIndent + layout.unit;
  const body = blockLines(value, childIndent, layout);
  if (written && node && isMap(node)) {
    return { span: trimmed(text, entry.valueSpan), newText: body.join(layout.eol).slice(childIndent.length) };
  }
  const span = written ? trimmed(text, entry.valueSpan) : afterColon(text, entry);
  const start = text.slice(entry.keySpan.end, span.start).match(/^[ \t]*:/)
    ? entry.keySpan.end + text.slice(entry.keySpan.end).indexOf(':') + 1
    : span.start;
  return { span: { start, end: span.end }, newText: body.map((line) => layout.eol + line).join('') };
}

function trimmed(text: string, span: { start: number; end: number }) {
  let end = span.end;
  while (end > span.start && /\s/.test(text.charAt(end - 1))) end--;
  return { start: span.start, end };
}

function afterColon(text: string, entry: MapEntry) {
  const colon = text.slice(entry.keySpan.end).match(/^[ \t]*:/);
  const at = entry.keySpan.end + (colon ? colon[0].length : 0);
  return { start: at, end: at };
}

/**
 * Edits that make the value at `path` equal `value`. Blocks merge key by key into an existing mapping unless
 * `replace`; missing keys are inserted with their missing parents. Throws when the path runs into a non-mapping
 * root or an empty mapping (nothing to place the key beside).
 */
export function setPath(input: DialectInput, path: readonly string[], value: EditValue, options: PathEditOptions = {}): TextEdit[] {
  const { document, parsed } = input;
  const layout: Layout = { eol: parsed.eol, unit: indentStep(parsed.text) };
  let map = rootMap(document);
  if (!map) throw new Error('the document is not a mapping');
  for (const [i, key] of path.entries()) {
    const entries = entriesOf(document, map);
    const entry = entries.get(key);
    const rest = path.slice(i + 1);
    if (!entry) {
      const anchor = (options.beside ? entries.get(options.beside) : undefined) ?? [...entries.values()].at(-1);
      if (!anchor) throw new Error(`cannot insert \`${key}\` into an empty mapping`);
      return [insertKey(input, map, anchor, key, nest(rest, value), layout)];
    }
    const json = isJsonStyle(map, entry);
    const next = resolveNode(document, entry.valueNode);
    if (i < path.length - 1) {
      if (isMap(next) && entriesOf(document, next).size > 0) {
        map = next;
        continue;
      }
      return [replaceValue(input, map, entry, nest(rest, value), json, layout)];
    }
    if (isBlock(value) && !options.replace && isMap(next) && entriesOf(document, next).size > 0) {
      return Object.entries(value).flatMap(([k, v]) => setPath(input, [...path, k], v));
    }
    return [replaceValue(input, map, entry, value, json, layout)];
  }
  return [];
}

/** Several path edits at once (each must touch a different place). */
export function setPaths(
  input: DialectInput,
  changes: ReadonlyArray<readonly [string, EditValue]>,
  options: PathEditOptions = {},
): TextEdit[] {
  const edits = changes.flatMap(([path, value]) => setPath(input, path.split('.'), value, options));
  return mergeInsertions(edits);
}

/** Two insertions at the same offset (two new keys beside the same anchor) become one, in order. */
function mergeInsertions(edits: TextEdit[]): TextEdit[] {
  const out: TextEdit[] = [];
  for (const edit of edits) {
    const same = out.find((e) => e.span.start === edit.span.start && e.span.end === edit.span.end && e.span.start === e.span.end);
    if (same && edit.span.start === edit.span.end) same.newText += edit.newText;
    else out.push({ ...edit });
  }
  return out;
}

/** Replace a written scalar at `span` (e.g. a Hydra defaults-list choice) with `value`, keeping its quotes. */
export function replaceValueAt(input: DialectInput, span: { start: number; end: number }, value: string): TextEdit {
  const written = input.parsed.text.slice(span.start, span.end);
  const quote = written.startsWith('"') ? '"' : written.startsWith("'") ? "'" : '';
  return { span, newText: `${quote}${value}${quote}` };
}

/** The scalar written at `path` as its exact text (quotes and spelling kept), or undefined when it is not a scalar here. */
export function writtenScalar(input: DialectInput, path: readonly string[]): RawText | undefined {
  let map = rootMap(input.document);
  for (const [i, key] of path.entries()) {
    if (!map) break;
    const entry = entriesOf(input.document, map).get(key);
    if (!entry) return undefined;
    const node = resolveNode(input.document, entry.valueNode);
    if (i === path.length - 1) {
      if (!isScalar(node) || node.value === null || !entry.valueNode || !isScalar(entry.valueNode)) return undefined;
      return new RawText(input.parsed.text.slice(entry.valueSpan.start, entry.valueSpan.end));
    }
    map = isMap(node) ? node : null;
  }
  return undefined;
}
