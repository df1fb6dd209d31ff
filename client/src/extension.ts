// The extension's entry point. Activation is kept cheap (a target of <= 50 ms in the extension host): activate() creates
// the output channel and the status-bar item, registers the commands and forks the language server process, then
// returns. vscode-languageclient (most of the client's code) is loaded and connected to that process on the next turn
// of the event loop, and the curve panel (zod, the page HTML) when first shown: both come from afterActivation.ts
// through a require() call, so none of their code runs during activation. Nothing is lost meanwhile: requests wait for
// the client, and the client sends the documents already open when it starts.
import { fork, type ChildProcess } from 'node:child_process';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { CurvePanel, LanguageClient, LanguageClientOptions, MessageTransports } from './afterActivation';
import { RestartPolicy } from './restartPolicy';
import { TrainingConfigContext } from './trainingConfigContext';

const STOP_TIMEOUT_MS = 2000;
/** A server process that has not exited this long after its client stopped is killed (as vscode-languageclient does). */
const KILL_AFTER_MS = 2000;

// eslint-disable-next-line @typescript-eslint/consistent-type-imports -- a type only: the module itself is loaded lazily below
type AfterActivation = typeof import('./afterActivation');

/** The modules needed only after activation (see afterActivation.ts): a require() call, run when first needed. */
function afterActivation(): AfterActivation {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- deferred on purpose, so activation stays fast
  return require('./afterActivation') as AfterActivation;
}

let session: Session | undefined;

/** As vscode-languageclient decides whether to use a server's `debug` options: the extension host runs under a debugger. */
function startedInDebugMode(): boolean {
  return process.execArgv.some((arg) => /^--(debug|debug-brk|inspect|inspect-brk)(=|$)/.test(arg));
}

/** What activation set up: the server process (started at once), the client (connected on the next turn), the UI. */
class Session {
  readonly client: Promise<LanguageClient | undefined>;
  /** Forked at activation, handed to the client when it first starts. */
  private prestarted: ChildProcess | undefined;
  /** The process the client talks to. */
  private server: ChildProcess | undefined;
  private stopped = false;

  constructor(
    private readonly serverModule: string,
    private readonly output: vscode.LogOutputChannel,
    private readonly restarts: RestartPolicy,
  ) {
    // The server's Node process boots while the client library loads.
    this.prestarted = this.forkServer();
    this.client = new Promise<void>((resolve) => setImmediate(resolve))
      .then(() => this.startClient())
      .catch((error: unknown) => {
        this.output.error(`The language client could not be created: ${error instanceof Error ? error.message : String(error)}`);
        return undefined;
      });
  }

  /**
   * Forks dist/server.js the way vscode-languageclient does for a `module` with `TransportKind.ipc` (same arguments,
   * environment and debug options), so the process can be started before the library is loaded.
   */
  private forkServer(): ChildProcess {
    const child = fork(this.serverModule, ['--node-ipc', `--clientProcessId=${process.pid}`], {
      // MALLOC_ARENA_MAX: glibc gives each of V8's background threads a malloc arena of its own, which stays resident
      // after a burst of compilation; two arenas keep the server about 3 MB smaller (read by glibc only; a user's
      // own setting wins).
      env: { MALLOC_ARENA_MAX: '2', ...process.env, ELECTRON_RUN_AS_NODE: '1', ELECTRON_NO_ASAR: '1' },
      execArgv: startedInDebugMode() ? ['--nolazy', '--inspect=6009'] : [],
      silent: true,
    });
    // Whatever the server prints goes to the output channel (and its pipes never fill up).
    child.stdout?.on('data', (chunk: Buffer) => this.output.append(String(chunk)));
    child.stderr?.on('data', (chunk: Buffer) => this.output.append(String(chunk)));
    child.on('error', (error) => this.output.error(`The language server process failed: ${error.message}`));
    return child;
  }

  /** The client's transport: the process forked at activation the first time, a fresh one on every (re)start after. */
  private async transports(lsp: AfterActivation): Promise<MessageTransports> {
    let child = this.prestarted;
    this.prestarted = undefined;
    if (!child || child.exitCode !== null || child.signalCode !== null) child = this.forkServer();
    if (this.server && this.server !== child) this.retire(this.server);
    this.server = child;
    return { reader: new lsp.IPCMessageReader(child), writer: new lsp.IPCMessageWriter(child), detached: false };
  }

  /** A replaced or stopped server process gets time to exit after `exit`; then it is killed. */
  private retire(child: ChildProcess): void {
    if (child.exitCode !== null || child.signalCode !== null) return;
    const timer = setTimeout(() => child.kill(), KILL_AFTER_MS);
    timer.unref();
    child.once('exit', () => clearTimeout(timer));
  }

  private async startClient(): Promise<LanguageClient | undefined> {
    if (this.stopped) return undefined;
    const lsp = afterActivation();
    const { output, restarts } = this;
    const clientOptions: LanguageClientOptions = {
      documentSelector: [
        { scheme: 'file', language: 'yaml' },
        { scheme: 'untitled', language: 'yaml' },
        { scheme: 'file', language: 'json' },
        { scheme: 'file', language: 'jsonc' },
        { scheme: 'untitled', language: 'json' },
        // TOML (torchtitan): by language where a TOML extension or our `languages` entry names it, else by name.
        { scheme: 'file', language: 'toml' },
        { scheme: 'file', pattern: '**/*.toml' },
      ],
      // Settings changes reach the server as didChangeConfiguration; it re-pulls `lrLens` and re-analyses.
      synchronize: { configurationSection: 'lrLens', fileEvents: vscode.workspace.createFileSystemWatcher('**/.lr-lens.{yaml,yml}') },
      outputChannel: output,
      // Hovers quote values from the workspace: rendered untrusted (no command links) and without HTML.
      markdown: { isTrusted: false, supportHtml: false },
      errorHandler: {
        error: () => ({ action: lsp.ErrorAction.Continue, handled: true }),
        // After a crash the client restarts the server and re-sends every open document (no edit is lost);
        // past the bound it stops and says so once.
        closed: () => {
          if (restarts.onCrash() === 'restart') {
            output.warn('The language server stopped unexpectedly; restarting it.');
            return { action: lsp.CloseAction.Restart, handled: true };
          }
          void vscode.window
            .showErrorMessage(
              'The LR Lens language server crashed 5 times in 3 minutes and was not restarted again. See the "LR Lens" output for details.',
              'Restart Server',
              'Show Output',
            )
            .then((choice) => {
              if (choice === 'Restart Server') void vscode.commands.executeCommand('lrLens.restartServer');
              if (choice === 'Show Output') output.show();
            });
          return { action: lsp.CloseAction.DoNotRestart, handled: true };
        },
      },
    };
    const client = new lsp.LanguageClient('lrLens', 'LR Lens', () => this.transports(lsp), clientOptions);
    try {
      await client.start();
    } catch (error) {
      output.error(`The language server did not start: ${error instanceof Error ? error.message : String(error)}`);
    }
    return client;
  }

  async restart(): Promise<void> {
    const client = await this.client;
    if (!client) return;
    this.restarts.reset();
    if (client.isRunning()) await client.restart();
    else await client.start();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    const client = await this.client;
    if (client?.isRunning()) await client.stop(STOP_TIMEOUT_MS).catch(() => undefined);
    if (this.server) this.retire(this.server);
    this.prestarted?.kill(); // never connected: nothing to wait for
  }
}

/** Starts the language server, registers the commands; everything else lives in the server. */
export function activate(context: vscode.ExtensionContext): void {
  const output = vscode.window.createOutputChannel('LR Lens', { log: true });
  const current = new Session(context.asAbsolutePath(path.join('dist', 'server.js')), output, new RestartPolicy());
  session = current;
  const getClient = () => current.client;
  const trainingConfig = new TrainingConfigContext(getClient);
  // The curve panel (and the schema library it validates page messages with) is loaded when first shown.
  let panel: CurvePanel | undefined;
  const curvePanel = () =>
    (panel ??= (() => {
      const created = new (afterActivation().CurvePanel)(context.extensionUri, getClient);
      context.subscriptions.push(created);
      return created;
    })());
  context.subscriptions.push(
    output,
    trainingConfig,
    vscode.commands.registerCommand('lrLens.showCurve', (uri?: unknown) => curvePanel().show(uri)),
    vscode.commands.registerCommand('lrLens.restartServer', async () => {
      await current.restart();
      trainingConfig.refresh();
    }),
  );
  // The status-bar item and context key follow the active editor once the server can answer.
  void current.client.then(() => trainingConfig.refresh());
}

export async function deactivate(): Promise<void> {
  const stopping = session;
  session = undefined;
  await stopping?.stop();
}
