import type { Document } from 'yaml';
import { fullYamlParser, type YamlDocumentsParser } from './incrementalYaml';
import { LineIndex, type Span } from './textSpan';
import { parseDirectives, type Directives } from './directives';
import { blankJsonComments } from './jsonComments';

export interface SyntaxProblem {
  message: string;
  span: Span;
}

/** A YAML or JSON text parsed once, with source ranges and comments kept. */
export interface ParsedConfig {
  readonly text: string;
  readonly lines: LineIndex;
  /** One entry per YAML document (`---` separated); JSON is a single document. */
  readonly documents: readonly Document.Parsed[];
  readonly syntaxProblems: readonly SyntaxProblem[];
  readonly directives: Directives;
  /** The file's dominant line break, used when inserting lines. */
  readonly eol: '\n' | '\r\n';
  /** `toml` for a TOML file (see parse/tomlConfig.ts); absent for YAML and JSON. */
  readonly language?: 'toml';
}

/** `parser` may be a document's incremental parser, which reuses what an earlier version of the text parsed. */
export function parseConfig(text: string, parser: YamlDocumentsParser = fullYamlParser): ParsedConfig {
  const documents = parser.parseAll(blankJsonComments(text));
  const syntaxProblems: SyntaxProblem[] = [];
  for (const document of documents) {
    for (const error of document.errors) {
      syntaxProblems.push({ message: error.message, span: { start: error.pos[0], end: error.pos[1] } });
    }
  }
  return {
    text,
    lines: new LineIndex(text),
    documents,
    syntaxProblems,
    directives: parseDirectives(text),
    eol: dominantEol(text),
  };
}

/** The text's dominant line break. */
export function dominantEol(text: string): '\n' | '\r\n' {
  let crlf = 0;
  let lf = 0;
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) {
    if (text.charCodeAt(i - 1) === 13) crlf++;
    else lf++;
  }
  return crlf > lf ? '\r\n' : '\n';
}
