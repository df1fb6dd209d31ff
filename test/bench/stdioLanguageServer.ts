// A language server started over stdio, timed the same way whatever server it is (benchmarks only).
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import {
  createProtocolConnection,
  StreamMessageReader,
  StreamMessageWriter,
  type ProtocolConnection,
  type PublishDiagnosticsParams,
} from 'vscode-languageserver-protocol/node';
import { stopLanguageServer } from '../helpers/stopServer';

/** USER_HZ, 100 on Linux everywhere that matters. */
const CLOCK_TICKS_PER_SECOND = 100;

export interface Publication {
  params: PublishDiagnosticsParams;
  /** performance.now() when it arrived. */
  at: number;
}

export class StdioLanguageServer {
  readonly connection: ProtocolConnection;
  readonly publications: Publication[] = [];
  private readonly waiters: (() => void)[] = [];
  readonly stderr: string[] = [];

  private constructor(
    readonly process: ChildProcessWithoutNullStreams,
    configuration: (section: string | undefined) => unknown,
  ) {
    this.connection = createProtocolConnection(new StreamMessageReader(process.stdout), new StreamMessageWriter(process.stdin));
    process.stderr.on('data', (chunk) => this.stderr.push(String(chunk)));
    this.connection.onNotification('textDocument/publishDiagnostics', (params: PublishDiagnosticsParams) => {
      this.publications.push({ params, at: performance.now() });
      for (const wake of this.waiters.splice(0)) wake();
    });
    this.connection.onRequest('workspace/configuration', (params: { items: { section?: string }[] }) =>
      params.items.map((item) => configuration(item.section)),
    );
    this.connection.onRequest('client/registerCapability', () => null);
    this.connection.onRequest('window/workDoneProgress/create', () => null);
    this.connection.listen();
  }

  static async start(args: string[], configuration: (section: string | undefined) => unknown, cwd: string): Promise<StdioLanguageServer> {
    const child = spawn(process.execPath, args, { cwd });
    const server = new StdioLanguageServer(child, configuration);
    await server.connection.sendRequest('initialize', {
      processId: process.pid,
      rootUri: null,
      capabilities: {
        workspace: { configuration: true, didChangeConfiguration: { dynamicRegistration: false } },
        textDocument: {
          publishDiagnostics: { relatedInformation: true, versionSupport: true },
          synchronization: { dynamicRegistration: false },
        },
      },
    });
    await server.connection.sendNotification('initialized', {});
    return server;
  }

  /** CPU time (user + system) the server process has used so far, in ms (Linux /proc; clock ticks of 10 ms). */
  cpuMs(): number {
    const fields = readFileSync(`/proc/${this.process.pid}/stat`, 'utf8')
      .replace(/^.*\) /s, '')
      .split(' ');
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / CLOCK_TICKS_PER_SECOND;
  }

  /**
   * Waits until the server has used no CPU time for a while (at most 10 s), so that the work an open leaves for
   * later (a collection after the heap grew, compilation of hot code) is not counted as the next edit's.
   */
  async quiet(): Promise<void> {
    const deadline = performance.now() + 10_000;
    let last = this.cpuMs();
    while (performance.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 300));
      const now = this.cpuMs();
      if (now === last) return;
      last = now;
    }
  }

  /** The first publication for `uri` after index `from` that `accept` takes (60 s at most). */
  async publication(uri: string, from: number, accept: (p: PublishDiagnosticsParams) => boolean): Promise<Publication> {
    const deadline = performance.now() + 60_000;
    for (;;) {
      const found = this.publications.slice(from).find((p) => p.params.uri === uri && accept(p.params));
      if (found) return found;
      const remaining = deadline - performance.now();
      if (remaining <= 0)
        throw new Error(
          `no matching diagnostics for ${uri}; last: ${JSON.stringify(this.publications.at(-1)?.params).slice(0, 500)}; stderr: ${this.stderr.join('').slice(0, 2000)}`,
        );
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, remaining);
        this.waiters.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
  }

  async stop(): Promise<void> {
    await stopLanguageServer(this.connection, this.process);
  }
}
