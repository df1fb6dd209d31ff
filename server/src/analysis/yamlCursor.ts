/**
 * Where the cursor is in a YAML file being typed, read from the text around it (the file is often not valid YAML
 * mid-edit): at a key, or at the value of a key, with the path of keys above it. Linear in the lines above the
 * cursor, and bounded: at most MAX_LINES_UP lines are read.
 */
import type { Span } from '../parse/textSpan';

export interface YamlCursor {
  kind: 'key' | 'value';
  /** The keys of the mappings the cursor is inside, outermost first (list items are transparent). */
  parents: string[];
  /** At a value: the key whose value it is. */
  key?: string;
  /** What is typed so far at the cursor (a key's start, or a value's start without quotes). */
  prefix: string;
  /** The text a chosen item replaces: the typed key or the whole value on the line (always containing the cursor). */
  replace: Span;
  /** The value replaced is quoted as a whole (the cursor before its opening quote): the new value takes the same quotes. */
  quote?: '"' | "'";
  /** The column keys at this level start at. */
  indent: number;
  /** Keys already written at this level (so completion does not offer them again). */
  siblings: Set<string>;
}

const MAX_LINES_UP = 5_000;
const MAX_LINE_LENGTH = 2_000;
const KEY = /^([A-Za-z_][\w.\-/@]*|"[^"]*"|'[^']*')\s*:(?:\s|$)/;

function unquote(key: string): string {
  return /^(["']).*\1$/.test(key) ? key.slice(1, -1) : key;
}

interface LineShape {
  indent: number;
  key?: string;
  /** The line holds only a key (a mapping or list follows). */
  opens: boolean;
}

/** A line's indentation and key, `- ` list markers counted as indentation. */
function shapeOf(line: string): LineShape | null {
  let i = 0;
  while (i < line.length && (line[i] === ' ' || (line[i] === '-' && line[i + 1] === ' '))) i += line[i] === '-' ? 2 : 1;
  const body = line.slice(i);
  if (body === '' || body.startsWith('#')) return null;
  const match = KEY.exec(body);
  if (!match?.[1]) return { indent: i, opens: false };
  const after = body.slice(match[0].length).trim();
  // A JSON-style line (`"scheduler": {`) opens a mapping too.
  return { indent: i, key: unquote(match[1]), opens: after === '' || after.startsWith('#') || after === '{' || after === '[' };
}

/** The cursor's place in the YAML text at `offset`; null inside comments, flow collections and block scalars' text. */
export function yamlCursorAt(text: string, offset: number): YamlCursor | null {
  const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
  let lineEnd = text.indexOf('\n', offset);
  if (lineEnd < 0) lineEnd = text.length;
  if (lineEnd - lineStart > MAX_LINE_LENGTH) return null;
  const before = text.slice(lineStart, offset);
  const line = text.slice(lineStart, lineEnd);
  if (before.includes('#') || /[[{]/.test(before)) return null;
  let indent = 0;
  while (indent < before.length && (before[indent] === ' ' || (before[indent] === '-' && before[indent + 1] === ' '))) {
    indent += before[indent] === '-' ? 2 : 1;
  }
  const typed = before.slice(indent);
  let cursor: Omit<YamlCursor, 'parents' | 'siblings'>;
  const keyMatch = KEY.exec(line.slice(indent));
  if (keyMatch?.[1] && lineStart + indent + keyMatch[0].length <= offset + (keyMatch[0].endsWith(' ') ? 1 : 0)) {
    const valueStart = lineStart + indent + keyMatch[0].length;
    const rest = text.slice(valueStart, lineEnd);
    const comment = rest.search(/\s#/);
    const valueText = comment < 0 ? rest : rest.slice(0, comment);
    const leading = valueText.length - valueText.trimStart().length;
    let start = valueStart + leading;
    let end = valueStart + valueText.trimEnd().length;
    if (offset < start && text.slice(valueStart, offset).trim() !== '') return null;
    // Inside a quoted value (JSON, or quoted YAML), only the text between the quotes is replaced: the quotes and a
    // JSON comma after them stay.
    const quote = text[start];
    let wrap: '"' | "'" | undefined;
    if (quote === '"' || quote === "'") {
      const close = text.indexOf(quote, start + 1);
      const closed = close >= 0 && close < lineEnd;
      if (offset > start) {
        start += 1;
        end = closed ? close : end;
        if (offset > end) return null;
      } else if (closed) {
        // The cursor before the opening quote: the quoted value is replaced whole (not a JSON comma after it).
        end = close + 1;
        wrap = quote;
      }
    }
    // The range an editor replaces must contain the cursor: from a cursor in the blanks before the value, they go too.
    if (offset < start) start = offset;
    cursor = {
      kind: 'value',
      key: unquote(keyMatch[1]),
      prefix: text.slice(start, Math.max(start, offset)).replace(/^["']/, ''),
      replace: { start, end: Math.max(start, end) },
      indent,
      ...(wrap ? { quote: wrap } : {}),
    };
  } else if (/^[\w.\-/@]*$/.test(typed)) {
    const wordEnd = lineStart + indent + (/^[\w.\-/@]*/.exec(line.slice(indent))?.[0].length ?? 0);
    cursor = { kind: 'key', prefix: typed, replace: { start: lineStart + indent, end: Math.max(offset, wordEnd) }, indent };
  } else return null;
  return { ...cursor, ...surroundings(text, lineStart, lineEnd, cursor.indent) };
}

/** The keys of the mappings above a line at `indent`, and the keys beside it at the same level. */
function surroundings(text: string, lineStart: number, lineEnd: number, indent: number): { parents: string[]; siblings: Set<string> } {
  const parents: string[] = [];
  const siblings = new Set<string>();
  let level = indent;
  let end = lineStart - 1;
  for (let read = 0; end > 0 && read < MAX_LINES_UP; read++) {
    const start = text.lastIndexOf('\n', end - 1) + 1;
    const shape = end - start <= MAX_LINE_LENGTH ? shapeOf(text.slice(start, end)) : null;
    end = start - 1;
    if (!shape) continue;
    if (shape.indent === indent && shape.key && level === indent) siblings.add(shape.key);
    if (shape.indent < level) {
      if (!shape.key || !shape.opens) break;
      parents.unshift(shape.key);
      level = shape.indent;
      if (level === 0) break;
    }
  }
  // Keys after the cursor's line at the same level count as siblings too.
  let start = lineEnd + 1;
  for (let read = 0; start < text.length && read < MAX_LINES_UP; read++) {
    let stop = text.indexOf('\n', start);
    if (stop < 0) stop = text.length;
    const shape = stop - start <= MAX_LINE_LENGTH ? shapeOf(text.slice(start, stop)) : null;
    start = stop + 1;
    if (!shape) continue;
    if (shape.indent < indent) break;
    if (shape.indent === indent && shape.key) siblings.add(shape.key);
  }
  return { parents, siblings };
}
