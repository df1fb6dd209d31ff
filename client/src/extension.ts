import * as path from 'node:path';
import * as vscode from 'vscode';
import {
  CloseAction,
  ErrorAction,
  LanguageClient,
  TransportKind,
  type LanguageClientOptions,
  type ServerOptions,
} from 'vscode-languageclient/node';
import { CurvePanel } from './curvePanel';
import { RestartPolicy } from './restartPolicy';
import { TrainingConfigContext } from './trainingConfigContext';

let client: LanguageClient | undefined;

const STOP_TIMEOUT_MS = 2000;

/** Starts the language server, registers the commands; everything else lives in the server. */
export async function activate(context: vscode.ExtensionContext): Promise<void> {
  const serverModule = context.asAbsolutePath(path.join('dist', 'server.js'));
  const serverOptions: ServerOptions = {
    run: { module: serverModule, transport: TransportKind.ipc },
    debug: { module: serverModule, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6009'] } },
  };
  const output = vscode.window.createOutputChannel('LR Lens', { log: true });
  const restarts = new RestartPolicy();
  const clientOptions: LanguageClientOptions = {
    documentSelector: [
      { scheme: 'file', language: 'yaml' },
      { scheme: 'untitled', language: 'yaml' },
      { scheme: 'file', language: 'json' },
      { scheme: 'file', language: 'jsonc' },
      { scheme: 'untitled', language: 'json' },
    ],
    // Settings changes reach the server as didChangeConfiguration; it re-pulls `lrLens` and re-analyses.
    synchronize: { configurationSection: 'lrLens', fileEvents: vscode.workspace.createFileSystemWatcher('**/.lr-lens.{yaml,yml}') },
    outputChannel: output,
    errorHandler: {
      error: () => ({ action: ErrorAction.Continue, handled: true }),
      // After a crash the client restarts the server and re-sends every open document (no edit is lost);
      // past the bound it stops and says so once.
      closed: () => {
        if (restarts.onCrash() === 'restart') {
          output.warn('The language server stopped unexpectedly; restarting it.');
          return { action: CloseAction.Restart, handled: true };
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
        return { action: CloseAction.DoNotRestart, handled: true };
      },
    },
  };
  client = new LanguageClient('lrLens', 'LR Lens', serverOptions, clientOptions);
  const current = client;

  const panel = new CurvePanel(context.extensionUri, () => client);
  const trainingConfig = new TrainingConfigContext(() => client);
  context.subscriptions.push(
    output,
    panel,
    trainingConfig,
    vscode.commands.registerCommand('lrLens.showCurve', (uri?: unknown) => panel.show(uri)),
    vscode.commands.registerCommand('lrLens.restartServer', async () => {
      restarts.reset();
      if (current.isRunning()) await current.restart();
      else await current.start();
      trainingConfig.refresh();
    }),
  );
  await client.start();
  trainingConfig.refresh();
}

export async function deactivate(): Promise<void> {
  const stopping = client;
  client = undefined;
  if (stopping?.isRunning()) await stopping.stop(STOP_TIMEOUT_MS);
}
