import * as vscode from 'vscode';
import { isConfigLanguage, requestCurve, type ClientProvider } from './curveRequest';

/** Keeps the `lrLens.isTrainingConfig` context key in step with the active editor (for the title-bar button). */
export class TrainingConfigContext implements vscode.Disposable {
  private readonly subscriptions: vscode.Disposable[];

  constructor(private readonly getClient: ClientProvider) {
    this.subscriptions = [vscode.window.onDidChangeActiveTextEditor(() => this.refresh())];
  }

  refresh(): void {
    const document = vscode.window.activeTextEditor?.document;
    if (!document || !isConfigLanguage(document)) {
      void vscode.commands.executeCommand('setContext', 'lrLens.isTrainingConfig', false);
      return;
    }
    void requestCurve(this.getClient, document, { points: 2 }).then((response) =>
      vscode.commands.executeCommand('setContext', 'lrLens.isTrainingConfig', response?.dialect != null),
    );
  }

  dispose(): void {
    for (const s of this.subscriptions) s.dispose();
  }
}
