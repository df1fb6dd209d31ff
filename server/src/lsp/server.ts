import { TextDocumentSyncKind, type Connection, type InitializeResult } from 'vscode-languageserver';
import { internalErrorsThrow } from '../analysis/internalErrors';
import { VERSION } from '../version';
import { COMPLETION_TRIGGER_CHARACTERS, completion, definition, documentLinks, inlayHints, resolveCompletion } from './editingHandlers';
import { FIX_ALL_KIND } from './fixAllAction';
import { guardNotification, guardRequest, type ServerLogger } from './guard';
import { codeActions, codeLenses, curve, fixPreviews, hover } from './handlers';
import { CURVE_REQUEST, FIX_PREVIEWS_REQUEST, type CurveParams, type FixPreviewsParams } from './protocol';
import { LensSession } from './session';
import { validatedDocumentConnection } from './validatedNotifications';

export { SHOW_CURVE_COMMAND } from './handlers';

/** What the host gives the server (as vscode-markdown-languageservice's `createLanguageService` takes its host). */
export interface ServerHost {
  /** Where faults and ignored input are logged; by default the client's log (`connection.console`). */
  logger?: ServerLogger;
}

/** The client's log (`window/logMessage`); under test (internalErrors.ts) errors also go to stderr, which tests collect. */
function clientLog(connection: Connection): ServerLogger {
  const test = internalErrorsThrow();
  return {
    error: (message) => {
      connection.console.error(message);
      if (test) process.stderr.write(`${message}\n`);
    },
    warn: (message) => connection.console.warn(message),
  };
}

/**
 * The language server: a thin adapter from LSP to the core. Each handler delegates to handlers.ts or the session;
 * every one is guarded, so a fault is logged and answered as an error instead of taking the server down.
 */
export function startServer(connection: Connection, host: ServerHost = {}): void {
  const logger: ServerLogger = host.logger ?? clientLog(connection);
  const session = new LensSession(connection, logger);
  const { documents } = session;

  connection.onInitialize((params): InitializeResult => {
    session.initialize(params);
    return {
      capabilities: {
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental },
        codeActionProvider: { codeActionKinds: ['quickfix', FIX_ALL_KIND] },
        hoverProvider: true,
        codeLensProvider: { resolveProvider: false },
        completionProvider: { triggerCharacters: COMPLETION_TRIGGER_CHARACTERS, resolveProvider: true },
        inlayHintProvider: { resolveProvider: false },
        definitionProvider: true,
        documentLinkProvider: { resolveProvider: false },
      },
      serverInfo: { name: 'lr-lens-language-server', version: VERSION },
    };
  });

  documents.onDidOpen(({ document }) => session.opened(document));
  documents.onDidChangeContent(({ document }) => session.changed(document));
  documents.onDidClose(({ document }) => session.closed(document));
  connection.onDidChangeConfiguration(guardNotification(logger, 'workspace/didChangeConfiguration', () => session.settingsChanged()));
  connection.onDidChangeWatchedFiles(guardNotification(logger, 'workspace/didChangeWatchedFiles', () => session.projectFilesChanged()));

  connection.onCodeAction(guardRequest(logger, 'textDocument/codeAction', (params, token) => codeActions(session, params, token)));
  connection.onHover(guardRequest(logger, 'textDocument/hover', (params, token) => hover(session, params, token)));
  connection.onCodeLens(guardRequest(logger, 'textDocument/codeLens', (params, token) => codeLenses(session, params, token)));
  connection.onCompletion(guardRequest(logger, 'textDocument/completion', (params, token) => completion(session, params, token)));
  connection.onCompletionResolve(guardRequest(logger, 'completionItem/resolve', (item, token) => resolveCompletion(session, item, token)));
  connection.languages.inlayHint.on(guardRequest(logger, 'textDocument/inlayHint', (params, token) => inlayHints(session, params, token)));
  connection.onDefinition(guardRequest(logger, 'textDocument/definition', (params, token) => definition(session, params, token)));
  connection.onDocumentLinks(guardRequest(logger, 'textDocument/documentLink', (params, token) => documentLinks(session, params, token)));
  connection.onRequest(
    CURVE_REQUEST,
    guardRequest(logger, CURVE_REQUEST, (params: CurveParams) => curve(session, params)),
  );
  connection.onRequest(
    FIX_PREVIEWS_REQUEST,
    guardRequest(logger, FIX_PREVIEWS_REQUEST, (params: FixPreviewsParams) => fixPreviews(session, params)),
  );

  documents.listen(validatedDocumentConnection(connection, logger));
  connection.listen();
}
