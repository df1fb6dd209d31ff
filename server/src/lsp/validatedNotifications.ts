import type { Disposable, NotificationHandler, TextDocuments } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { guardNotification, type ServerLogger } from './guard';

/** What `TextDocuments.listen` registers its handlers on. */
export type TextDocumentConnection = Parameters<TextDocuments<TextDocument>['listen']>[0];

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null;
const isInteger = (value: unknown) => Number.isSafeInteger(value);
const isPosition = (value: unknown) => isObject(value) && isInteger(value['line']) && isInteger(value['character']);
const isRange = (value: unknown) => isObject(value) && isPosition(value['start']) && isPosition(value['end']);
const hasUri = (value: unknown) => isObject(value) && isObject(value['textDocument']) && typeof value['textDocument']['uri'] === 'string';

/** Why a text-synchronization notification cannot be applied, or null when it can. */
export function invalidOpen(params: unknown): string | null {
  if (!hasUri(params)) return 'no textDocument.uri';
  const document = (params as { textDocument: Record<string, unknown> }).textDocument;
  if (typeof document['text'] !== 'string') return 'textDocument.text is not a string';
  if (typeof document['languageId'] !== 'string') return 'textDocument.languageId is not a string';
  if (!isInteger(document['version'])) return 'textDocument.version is not an integer';
  return null;
}

export function invalidChange(params: unknown): string | null {
  if (!hasUri(params)) return 'no textDocument.uri';
  const { textDocument, contentChanges } = params as { textDocument: Record<string, unknown>; contentChanges: unknown };
  if (!isInteger(textDocument['version'])) return 'textDocument.version is not an integer';
  if (!Array.isArray(contentChanges)) return 'contentChanges is not an array';
  for (const change of contentChanges) {
    if (!isObject(change) || typeof change['text'] !== 'string') return 'a content change has no text';
    if ('range' in change && change['range'] !== undefined && !isRange(change['range'])) return 'a content change has an invalid range';
  }
  return null;
}

const invalidUri = (params: unknown) => (hasUri(params) ? null : 'no textDocument.uri');

/**
 * The connection as `TextDocuments.listen` sees it, with every text-synchronization notification checked first: one
 * that cannot be applied (a `didOpen` whose text is not a string, a change without text) is logged and dropped,
 * so the document keeps its last good state instead of breaking.
 */
export function validatedDocumentConnection(connection: TextDocumentConnection, logger: ServerLogger): TextDocumentConnection {
  /** The handler, run only for params `invalid` finds nothing wrong with, and guarded. */
  const checked = <P>(
    method: string,
    invalid: (params: unknown) => string | null,
    handler: NotificationHandler<P>,
  ): NotificationHandler<P> =>
    guardNotification(logger, method, (params: P) => {
      const problem = invalid(params);
      if (problem) logger.warn(`LR Lens: ignored ${method}: ${problem}`);
      else void handler(params);
    });
  return {
    onDidOpenTextDocument: (handler): Disposable => connection.onDidOpenTextDocument(checked('textDocument/didOpen', invalidOpen, handler)),
    onDidChangeTextDocument: (handler) => connection.onDidChangeTextDocument(checked('textDocument/didChange', invalidChange, handler)),
    onDidCloseTextDocument: (handler) => connection.onDidCloseTextDocument(checked('textDocument/didClose', invalidUri, handler)),
    onWillSaveTextDocument: (handler) => connection.onWillSaveTextDocument(checked('textDocument/willSave', invalidUri, handler)),
    onDidSaveTextDocument: (handler) => connection.onDidSaveTextDocument(checked('textDocument/didSave', invalidUri, handler)),
    onWillSaveTextDocumentWaitUntil: (handler) => connection.onWillSaveTextDocumentWaitUntil(handler),
  };
}
