import * as vscode from 'vscode';
import { isConfigLanguage, requestCurve, type ClientProvider } from './curveRequest';

const REFRESH_DELAY_MS = 300;

/**
 * Follows the active editor: the `lrLens.isTrainingConfig` context key (for the title-bar button) and a status-bar
 * item naming the detected dialect, both refreshed as the user types.
 */
export class TrainingConfigContext implements vscode.Disposable {
  private readonly subscriptions: vscode.Disposable[];
  private readonly status: vscode.StatusBarItem;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private generation = 0;

  constructor(private readonly getClient: ClientProvider) {
    this.status = vscode.window.createStatusBarItem('lrLens.dialect', vscode.StatusBarAlignment.Right, 100);
    this.status.name = 'LR Lens: Training Config Dialect';
    this.status.command = 'lrLens.showCurve';
    this.subscriptions = [
      this.status,
      vscode.window.onDidChangeActiveTextEditor(() => this.refresh()),
      vscode.workspace.onDidChangeTextDocument((event) => {
        if (event.document !== vscode.window.activeTextEditor?.document) return;
        clearTimeout(this.timer);
        this.timer = setTimeout(() => this.refresh(), REFRESH_DELAY_MS);
      }),
    ];
  }

  refresh(): void {
    const generation = ++this.generation;
    const document = vscode.window.activeTextEditor?.document;
    if (!document || !isConfigLanguage(document)) {
      this.show(null, null);
      return;
    }
    void requestCurve(this.getClient, document, { points: 2 }).then((response) => {
      if (generation !== this.generation) return; // a newer refresh is on its way
      this.show(response?.dialect ?? null, response?.curve?.dialectName ?? null);
    });
  }

  private show(dialect: string | null, dialectName: string | null): void {
    void vscode.commands.executeCommand('setContext', 'lrLens.isTrainingConfig', dialect != null);
    if (!dialect) {
      this.status.hide();
      return;
    }
    this.status.text = `$(graph-line) ${dialectName ?? dialect}`;
    this.status.tooltip = `LR Lens: ${dialectName ?? dialect} training config. Click to show the learning-rate curve.`;
    this.status.show();
  }

  dispose(): void {
    clearTimeout(this.timer);
    for (const s of this.subscriptions) s.dispose();
  }
}
