import * as path from 'node:path';
import * as vscode from 'vscode';
import { LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';
import { CurvePanel } from './curvePanel';
import { TrainingConfigContext } from './trainingConfigContext';

let client: LanguageClient | undefined;

/** Starts the language server, registers the commands; everything else lives in the server. */
export async function activate(context: vscode.ExtensionContext): Promise<void> {
  const serverModule = context.asAbsolutePath(path.join('dist', 'server.js'));
  const serverOptions: ServerOptions = {
    run: { module: serverModule, transport: TransportKind.ipc },
    debug: { module: serverModule, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6009'] } },
  };
  const clientOptions: LanguageClientOptions = {
    documentSelector: [
      { scheme: 'file', language: 'yaml' },
      { scheme: 'untitled', language: 'yaml' },
      { scheme: 'file', language: 'json' },
      { scheme: 'file', language: 'jsonc' },
      { scheme: 'untitled', language: 'json' },
    ],
    synchronize: { configurationSection: 'lrLens' },
    outputChannelName: 'LR Lens',
  };
  client = new LanguageClient('lrLens', 'LR Lens', serverOptions, clientOptions);

  const panel = new CurvePanel(context.extensionUri, () => client);
  const trainingConfig = new TrainingConfigContext(() => client);
  context.subscriptions.push(
    panel,
    trainingConfig,
    vscode.commands.registerCommand('lrLens.showCurve', (uri?: unknown) => panel.show(uri)),
    vscode.commands.registerCommand('lrLens.restartServer', async () => {
      await client?.restart();
    }),
  );
  await client.start();
  trainingConfig.refresh();
}

export async function deactivate(): Promise<void> {
  await client?.stop();
  client = undefined;
}
