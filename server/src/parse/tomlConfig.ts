/**
 * TOML files (torchtitan's `train_configs/*.toml`) parsed into the same `ParsedConfig` as YAML and JSON: one
 * document (see tomlDocument.ts for its shape), `language: 'toml'`, comments and directives read from the text.
 *
 * toml-eslint-parser stops at the first error. So that one bad line does not hide the whole file, the line of an
 * error is blanked (spaces, offsets kept) and the text parsed again, a bounded number of times; an error in a table
 * header blanks that table up to the next header, so its keys are never read as another table's. Every error is
 * kept as a syntax problem at its position; the document holds what parsed (nothing when the recovery made no
 * progress or ran out of attempts).
 */
import { parseTOML, ParseError } from 'toml-eslint-parser';
import type { Document } from 'yaml';
import { parseDirectives } from './directives';
import type { YamlDocumentsParser } from './incrementalYaml';
import { dominantEol, parseConfig, type ParsedConfig, type SyntaxProblem } from './parseConfig';
import { LineIndex } from './textSpan';
import { tomlToDocument } from './tomlDocument';

/** Errors after which the rest of a broken file is given up (each costs one parse of the text). */
const MAX_RECOVERIES = 20;
/** Characters the parses of one text may read in all (recoveries included): bounds the work on a large broken file. */
const PARSE_BUDGET = 1024 * 1024;
/**
 * TOML texts longer than this are not parsed (no document, no problem): toml-eslint-parser reads about half a
 * megabyte a second, and only torchtitan reads TOML, whose configs are a few kilobytes.
 */
export const MAX_TOML_LENGTH = 128 * 1024;

/** True for a path (or URI) whose extension is `.toml`. */
export function isTomlFile(fileName: string): boolean {
  return /\.toml$/i.test(fileName);
}

/** A config file parsed by its language: TOML by extension, YAML (and JSON, a subset) otherwise. */
export function parseConfigFile(text: string, fileName: string, parser?: YamlDocumentsParser): ParsedConfig {
  return isTomlFile(fileName) ? parseTomlConfig(text) : parseConfig(text, parser);
}

function lineBounds(text: string, offset: number): { start: number; end: number } {
  const start = Math.max(text.lastIndexOf('\n', offset - 1), text.lastIndexOf('\r', offset - 1)) + 1;
  const match = /[\r\n]/.exec(text.slice(offset));
  return { start, end: match ? offset + match.index : text.length };
}

/** `text` with [start, end) replaced by spaces, line breaks kept. */
function blank(text: string, start: number, end: number): string {
  return text.slice(0, start) + text.slice(start, end).replace(/[^\r\n]/g, ' ') + text.slice(end);
}

/** Where a table header's table ends: the start of the next line that opens with `[`, or the end of the text. */
function tableEnd(text: string, from: number): number {
  const next = /^[ \t]*\[/m.exec(text.slice(from));
  return next ? from + next.index : text.length;
}

/** `key =` with nothing after it (a value being typed), alone on its line or before a comment. */
const UNFINISHED = /^[ \t]*[^\s#=[][^=#\r\n]*=[ \t]*(?:#.*)?$/;
/** Lines read upward from an error for the unfinished assignment that caused it. */
const MAX_LINES_UP = 100;

/**
 * An unfinished assignment that explains an error on `line`: that line itself, or the nearest line above it that is not
 * blank or a comment (the parser read the next line, or the end of the text, as its value). Blanking it, rather than
 * the line the parser stopped on, keeps the rest of the file (the next table's header, the next key) read.
 */
function unfinishedAssignment(text: string, line: { start: number; end: number }): { start: number; end: number } | undefined {
  if (UNFINISHED.test(text.slice(line.start, line.end))) return line;
  let end = line.start - 1;
  for (let read = 0; end > 0 && read < MAX_LINES_UP; read++) {
    const above = lineBounds(text, end - (text[end - 1] === '\r' && text[end] === '\n' ? 1 : 0));
    const body = text.slice(above.start, above.end);
    if (UNFINISHED.test(body)) return above;
    if (body.trim() !== '' && !body.trim().startsWith('#')) return undefined;
    end = above.start - 1;
  }
  return undefined;
}

/**
 * The text with the cause of an error at `offset` blanked: an unterminated table header above it (the parser
 * reports those lines later) with its table; else the error's line, with its table when it is a header.
 */
function recover(text: string, offset: number): string {
  const line = lineBounds(text, offset);
  const unfinished = unfinishedAssignment(text, line);
  if (unfinished) return blank(text, unfinished.start, unfinished.end);
  const headers = [...text.slice(0, line.end).matchAll(/^[ \t]*\[[^\r\n]*/gm)];
  const header = headers[headers.length - 1];
  if (header && !header[0].includes(']')) return blank(text, header.index, tableEnd(text, header.index + header[0].length));
  const isHeader = /^[ \t]*\[/.test(text.slice(line.start, line.end));
  return blank(text, line.start, isHeader ? tableEnd(text, line.end) : line.end);
}

function problemAt(text: string, error: ParseError): SyntaxProblem {
  const offset = Math.max(0, Math.min(error.index, text.length));
  const token = /^[^\s,=\]}]*/.exec(text.slice(offset))?.[0].length ?? 0;
  return {
    message: `TOML: ${error.message} (line ${error.lineNumber}, column ${error.column + 1})`,
    span: { start: offset, end: offset + Math.max(token, offset < text.length && !/[\r\n]/.test(text.charAt(offset)) ? 1 : 0) },
  };
}

/** An error caused by `key =` with no value: reported on that line (at its `=`), not on the line the parser stopped at. */
function unfinishedProblem(text: string, offset: number): SyntaxProblem | undefined {
  const line = unfinishedAssignment(text, lineBounds(text, offset));
  if (!line) return undefined;
  const equals = text.indexOf('=', line.start);
  const number = text.slice(0, line.start).split(/\r\n|\r|\n/).length;
  return { message: `TOML: a value must follow \`=\` on the same line (line ${number})`, span: { start: equals, end: equals + 1 } };
}

/** The TOML text's one document (none when nothing could be parsed) and its syntax problems. */
export function parseTomlConfig(text: string): ParsedConfig {
  const syntaxProblems: SyntaxProblem[] = [];
  const documents: Document.Parsed[] = [];
  let current = text;
  const attempts =
    text.length > MAX_TOML_LENGTH ? 0 : Math.min(MAX_RECOVERIES + 1, Math.max(1, Math.floor(PARSE_BUDGET / Math.max(1, text.length))));
  for (let attempt = 0; attempt < attempts; attempt++) {
    try {
      documents.push(tomlToDocument(current, parseTOML(current, { tomlVersion: '1.0' })));
      break;
    } catch (error) {
      // Arrays or inline tables nested thousands deep overflow the parser's recursion: not a config, not read.
      if (error instanceof RangeError) {
        syntaxProblems.push({ message: 'TOML: nested too deeply to read', span: { start: 0, end: Math.min(text.length, 1) } });
        break;
      }
      if (!(error instanceof ParseError)) throw error;
      const offset = Math.max(0, Math.min(error.index, current.length));
      syntaxProblems.push(unfinishedProblem(current, offset) ?? problemAt(text, error));
      const next = recover(current, offset);
      if (next === current) break;
      current = next;
    }
  }
  return {
    text,
    lines: new LineIndex(text),
    documents,
    syntaxProblems,
    directives: parseDirectives(text),
    eol: dominantEol(text),
    language: 'toml',
  };
}
