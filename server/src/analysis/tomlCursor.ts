/**
 * Where the cursor is in a TOML file being typed (torchtitan configs), read from the text around it, in the shape of
 * yamlCursor's answer: at a key of a table, or at the value of `key = value`, with the table's path as parents.
 * Values are TOML strings: a name written at a value is always quoted (`quote`). Bounded like yamlCursor.
 */
import type { YamlCursor } from './yamlCursor';

const MAX_LINES = 5_000;
const MAX_LINE_LENGTH = 2_000;
const BARE_KEY = /^[A-Za-z0-9_-]+$/;
const ASSIGNMENT = /^(\s*)((?:[A-Za-z0-9_-]+|"[^"]*")(?:\s*\.\s*(?:[A-Za-z0-9_-]+|"[^"]*"))*)\s*=[ \t]*/;
const HEADER = /^\s*\[\[?\s*([^\]]+?)\s*\]\]?\s*(?:#.*)?$/;

const segments = (dotted: string): string[] => dotted.split('.').map((s) => s.trim().replace(/^"(.*)"$/, '$1'));

/** The key a line assigns (its last segment), or the table a header opens. */
function lineShape(line: string): { header?: string[]; key?: string } | null {
  if (line.length > MAX_LINE_LENGTH) return null;
  const header = HEADER.exec(line);
  if (header?.[1]) return { header: segments(header[1]) };
  const assignment = ASSIGNMENT.exec(line);
  return assignment?.[2] ? { key: segments(assignment[2])[0] } : {};
}

/** The table the line at `lineStart` is in (the nearest header above), and the keys written in that table. */
function tableAround(text: string, lineStart: number, lineEnd: number): { table: string[]; siblings: Set<string> } {
  const siblings = new Set<string>();
  let table: string[] = [];
  let end = lineStart - 1;
  for (let read = 0; end >= 0 && read < MAX_LINES; read++) {
    const start = text.lastIndexOf('\n', end - 1) + 1;
    const shape = lineShape(text.slice(start, end));
    end = start - 1;
    if (shape?.header) {
      table = shape.header;
      break;
    }
    if (shape?.key) siblings.add(shape.key);
  }
  let start = lineEnd + 1;
  for (let read = 0; start < text.length && read < MAX_LINES; read++) {
    let stop = text.indexOf('\n', start);
    if (stop < 0) stop = text.length;
    const shape = lineShape(text.slice(start, stop));
    start = stop + 1;
    if (shape?.header) break;
    if (shape?.key) siblings.add(shape.key);
  }
  return { table, siblings };
}

/** The cursor's place in TOML text at `offset`; null in comments, headers, arrays and inline tables. */
export function tomlCursorAt(text: string, offset: number): YamlCursor | null {
  const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
  let lineEnd = text.indexOf('\n', offset);
  if (lineEnd < 0) lineEnd = text.length;
  if (lineEnd - lineStart > MAX_LINE_LENGTH) return null;
  const line = text.slice(lineStart, lineEnd).replace(/\r$/, '');
  const before = text.slice(lineStart, offset);
  if (before.includes('#') || /^\s*\[/.test(line)) return null;
  const assignment = ASSIGNMENT.exec(line);
  // A value position from just after the `=` on (the blanks after it included).
  if (assignment?.[2] && lineStart + assignment[0].trimEnd().length <= offset) {
    const path = segments(assignment[2]);
    const valueStart = lineStart + assignment[0].length;
    const rest = text.slice(valueStart, lineStart + line.length);
    if (/^[[{]/.test(rest.trimStart())) return null;
    const comment = rest.search(/(?:^|\s)#/);
    const valueText = (comment < 0 ? rest : rest.slice(0, comment)).trimEnd();
    // No value yet (`key = `, perhaps before a comment): the name goes at the cursor, the blanks and comment stay.
    let start = valueText === '' ? Math.min(offset, valueStart) : valueStart;
    let end = valueText === '' ? start : valueStart + valueText.length;
    let quote: '"' | "'" | undefined = '"';
    const first = text[start];
    if (first === '"' || first === "'") {
      const close = text.indexOf(first, start + 1);
      const closed = close >= 0 && close < lineStart + line.length;
      if (offset > start) {
        start += 1;
        end = closed ? close : end;
        quote = undefined;
        if (offset > end) return null;
      } else {
        end = closed ? close + 1 : end;
        quote = first;
      }
    }
    if (offset < start) start = offset;
    const { table, siblings } = tableAround(text, lineStart, lineEnd);
    return {
      kind: 'value',
      key: path.at(-1) ?? '',
      parents: [...table, ...path.slice(0, -1)],
      prefix: text.slice(start, Math.max(start, offset)).replace(/^["']/, ''),
      replace: { start, end: Math.max(start, end) },
      indent: assignment[1]?.length ?? 0,
      siblings,
      ...(quote ? { quote } : {}),
    };
  }
  const indent = /^\s*/.exec(line)?.[0].length ?? 0;
  const typed = before.slice(indent);
  if (typed !== '' && !BARE_KEY.test(typed)) return null;
  const wordEnd = lineStart + indent + (/^[A-Za-z0-9_-]*/.exec(line.slice(indent))?.[0].length ?? 0);
  const { table, siblings } = tableAround(text, lineStart, lineEnd);
  return {
    kind: 'key',
    parents: table,
    prefix: typed,
    replace: { start: lineStart + indent, end: Math.max(offset, wordEnd) },
    indent,
    siblings,
  };
}
