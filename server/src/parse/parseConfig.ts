import { LineCounter, parseAllDocuments, type Document } from 'yaml';
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
}

export function parseConfig(text: string): ParsedConfig {
  const lineCounter = new LineCounter();
  const parsed = parseAllDocuments(blankJsonComments(text), {
    lineCounter,
    keepSourceTokens: false,
    // PyYAML and OmegaConf accept duplicate keys (the last one wins); readers here do the same.
    uniqueKeys: false,
    prettyErrors: false,
    strict: false,
  });
  const documents: Document.Parsed[] = [...parsed];
  const syntaxProblems: SyntaxProblem[] = [];
  for (const document of documents) {
    for (const error of document.errors) {
      syntaxProblems.push({ message: error.message, span: { start: error.pos[0], end: error.pos[1] } });
    }
  }
  const crlf = (text.match(/\r\n/g) ?? []).length;
  const lf = (text.match(/\n/g) ?? []).length - crlf;
  return {
    text,
    lines: new LineIndex(text),
    documents,
    syntaxProblems,
    directives: parseDirectives(text),
    eol: crlf > lf ? '\r\n' : '\n',
  };
}
