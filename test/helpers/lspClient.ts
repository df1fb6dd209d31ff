import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { join } from 'node:path';
import {
  createProtocolConnection,
  StreamMessageReader,
  StreamMessageWriter,
  type Diagnostic,
  type ProtocolConnection,
  type PublishDiagnosticsParams,
} from 'vscode-languageserver-protocol/node';
import { stopLanguageServer } from './stopServer';

export const REPO = join(__dirname, '..', '..');
export const SERVER_BIN = join(REPO, 'bin', 'lr-lens-language-server.js');

/** A minimal LSP client speaking to the built server over stdio, as an editor would. */
export class LspTestClient {
  readonly connection: ProtocolConnection;
  private readonly diagnostics = new Map<string, PublishDiagnosticsParams[]>();
  private readonly waiters: (() => void)[] = [];
  readonly stderr: string[] = [];

  private constructor(
    readonly process: ChildProcessWithoutNullStreams,
    public settings: unknown,
  ) {
    this.connection = createProtocolConnection(new StreamMessageReader(process.stdout), new StreamMessageWriter(process.stdin));
    process.stderr.on('data', (chunk) => this.stderr.push(String(chunk)));
    this.connection.onNotification('textDocument/publishDiagnostics', (params: PublishDiagnosticsParams) => {
      const list = this.diagnostics.get(params.uri) ?? [];
      list.push(params);
      this.diagnostics.set(params.uri, list);
      for (const wake of this.waiters.splice(0)) wake();
    });
    this.connection.onRequest('workspace/configuration', (params: { items: unknown[] }) => params.items.map(() => this.settings));
    this.connection.listen();
  }

  static async start(
    options: { settings?: unknown; documentChanges?: boolean; nodeArgs?: string[]; rootUri?: string } = {},
  ): Promise<LspTestClient> {
    const child = spawn(process.execPath, [...(options.nodeArgs ?? []), SERVER_BIN, '--stdio'], { cwd: REPO });
    const client = new LspTestClient(child, options.settings ?? {});
    await client.connection.sendRequest('initialize', {
      processId: process.pid,
      rootUri: options.rootUri ?? null,
      workspaceFolders: options.rootUri ? [{ uri: options.rootUri, name: 'workspace' }] : null,
      capabilities: {
        workspace: { configuration: options.settings !== undefined, workspaceEdit: { documentChanges: options.documentChanges ?? true } },
        textDocument: {
          publishDiagnostics: { relatedInformation: true },
          codeAction: { codeActionLiteralSupport: { codeActionKind: { valueSet: ['quickfix'] } } },
          hover: { contentFormat: ['markdown'] },
        },
      },
    });
    await client.connection.sendNotification('initialized', {});
    return client;
  }

  /** Publications received for a URI so far. */
  published(uri: string): PublishDiagnosticsParams[] {
    return this.diagnostics.get(uri) ?? [];
  }

  /** Waits until the latest publication for `uri` satisfies `accept` (a hang guard of 60 s, never a speed check). */
  async diagnosticsFor(uri: string, accept: (d: Diagnostic[], p: PublishDiagnosticsParams) => boolean = () => true): Promise<Diagnostic[]> {
    const deadline = Date.now() + 60_000;
    for (;;) {
      const latest = this.published(uri).at(-1);
      if (latest && accept(latest.diagnostics, latest)) return latest.diagnostics;
      const remaining = deadline - Date.now();
      if (remaining <= 0)
        throw new Error(`no matching diagnostics for ${uri}; last: ${JSON.stringify(latest)}; stderr: ${this.stderr.join('')}`);
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, remaining);
        this.waiters.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
  }

  open(uri: string, text: string, languageId = 'yaml', version = 1): Promise<void> {
    return this.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId, version, text } });
  }

  async stop(): Promise<void> {
    await stopLanguageServer(this.connection, this.process);
  }
}

/** Apply LSP text edits to a text (positions in UTF-16 code units). */
export function applyLspEdits(
  text: string,
  edits: { range: { start: { line: number; character: number }; end: { line: number; character: number } }; newText: string }[],
): string {
  const lineStarts = [0];
  for (let i = 0; i < text.length; i++) if (text[i] === '\n') lineStarts.push(i + 1);
  const offset = (p: { line: number; character: number }) => (lineStarts[p.line] ?? text.length) + p.character;
  const sorted = [...edits].sort((a, b) => offset(b.range.start) - offset(a.range.start));
  let result = text;
  for (const edit of sorted) result = result.slice(0, offset(edit.range.start)) + edit.newText + result.slice(offset(edit.range.end));
  return result;
}
