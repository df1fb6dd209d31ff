/**
 * Edits into a TOML file that keep every byte outside them: a key's value is replaced inside its own range (its
 * comment and spacing stay), a missing key goes on a line of its own at the end of its `[table]` (after that line's
 * comment, with the indentation of the table's last key and the file's line break), and a missing table is added
 * after a related one (else at the end of the file). Values are written in TOML syntax: basic strings, floats with
 * a decimal point or an exponent. Works on the document of parse/tomlConfig.ts (node ranges are TOML source ranges).
 */
import { isMap, isScalar, type YAMLMap } from 'yaml';
import type { TextEdit } from '../analysis/finding';
import type { ParsedConfig } from './parseConfig';
import { entriesOf, rootMap } from './yamlAccess';
import type { Document } from 'yaml';

/** A value to write: a string (written as a basic string), an integer, a boolean, or TOML text as given. */
export type TomlValue = string | number | boolean | TomlText;

/** TOML text written exactly as given (`0.8`, `1e-05`). */
export class TomlText {
  constructor(readonly text: string) {}
}

/** A float as TOML writes it: `1.0`, `0.8`, `1e-05` (a bare integer would be read as an int). */
export function tomlFloat(value: number): TomlText {
  if (!Number.isFinite(value)) return new TomlText(Number.isNaN(value) ? 'nan' : value > 0 ? 'inf' : '-inf');
  const text = String(value);
  return new TomlText(/[.eE]/.test(text) ? text : `${text}.0`);
}

export function tomlValueText(value: TomlValue): string {
  if (value instanceof TomlText) return value.text;
  if (typeof value === 'string') return JSON.stringify(value);
  return String(value);
}

function lineEnd(text: string, offset: number): number {
  const match = /\r\n|\r|\n/.exec(text.slice(offset));
  return match ? offset + match.index : text.length;
}

function lineStart(text: string, offset: number): number {
  return Math.max(text.lastIndexOf('\n', offset - 1), text.lastIndexOf('\r', offset - 1)) + 1;
}

const isTableHeader = (text: string, map: YAMLMap): boolean => text.charAt(map.range?.[0] ?? -1) === '[';

/**
 * Edits that set `table.key = value` for each pair; `after` names the table a new table is added after.
 * Returns no edits when a key exists with a value that is not a single value, or the table is written in a way
 * these edits do not extend (dotted keys, an array of tables).
 */
export function setTomlKeys(
  parsed: ParsedConfig,
  document: Document,
  table: string,
  values: ReadonlyArray<readonly [string, TomlValue]>,
  options: { after?: string } = {},
): TextEdit[] {
  const { text, eol } = parsed;
  const root = rootMap(document);
  if (!root) return [];
  const rootEntries = entriesOf(document, root);
  const existing = rootEntries.get(table);
  if (!existing) {
    const lines = values.map(([key, value]) => `${key} = ${tomlValueText(value)}`);
    const block = [`[${table}]`, ...lines].join(eol);
    const anchor = options.after ? rootEntries.get(options.after)?.valueNode : undefined;
    if (anchor && isMap(anchor) && !anchor.flow && isTableHeader(text, anchor)) {
      const at = lineEnd(text, anchor.range?.[1] ?? text.length);
      return [{ span: { start: at, end: at }, newText: `${eol}${eol}${block}` }];
    }
    const at = text.length;
    const lead = text.length === 0 ? '' : /(\r\n|\r|\n)$/.test(text) ? eol : `${eol}${eol}`;
    return [{ span: { start: at, end: at }, newText: `${lead}${block}${eol}` }];
  }
  const map = existing.valueNode;
  if (!map || !isMap(map)) return [];
  const entries = entriesOf(document, map);
  const edits: TextEdit[] = [];
  const missing: string[] = [];
  for (const [key, value] of values) {
    const entry = entries.get(key);
    if (!entry) {
      missing.push(`${key} = ${tomlValueText(value)}`);
      continue;
    }
    if (!entry.valueNode || !isScalar(entry.valueNode)) return [];
    edits.push({ span: entry.valueSpan, newText: tomlValueText(value) });
  }
  if (missing.length === 0) return edits;
  if (map.flow) {
    const end = (map.range?.[1] ?? 0) - 1;
    if (text.charAt(end) !== '}') return [];
    const body = text.slice((map.range?.[0] ?? 0) + 1, end);
    const trailing = /\s*$/.exec(body)?.[0].length ?? 0;
    const at = end - trailing;
    const separator = map.items.length > 0 ? ', ' : ' ';
    return [...edits, { span: { start: at, end: at }, newText: `${separator}${missing.join(', ')}${map.items.length > 0 ? '' : ' '}` }];
  }
  if (!isTableHeader(text, map)) return [];
  // Keys of the table itself: a sub-table (`[lr_scheduler.x]`) is an entry too, declared on a header line.
  const own = [...entries.values()].filter(
    (entry) => !/^[ \t]*\[/.test(text.slice(lineStart(text, entry.keySpan.start), entry.keySpan.start + 1)),
  );
  const last = own.reduce<{ start: number; end: number } | null>(
    (latest, entry) =>
      latest === null || entry.valueSpan.end > latest.end ? { start: entry.keySpan.start, end: entry.valueSpan.end } : latest,
    null,
  );
  // After the table's last line (its comment kept), indented as that line; after the header when it has no keys.
  const after = last ? last.end : (map.range?.[0] ?? 0);
  const indent = last ? (/^[ \t]*/.exec(text.slice(lineStart(text, last.start)))?.[0] ?? '') : '';
  const at = lineEnd(text, after);
  return [...edits, { span: { start: at, end: at }, newText: missing.map((line) => `${eol}${indent}${line}`).join('') }];
}
