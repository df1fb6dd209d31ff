import * as vscode from 'vscode';
import { isConfigLanguage, requestCurve, type ClientProvider } from './curveRequest';
import { PageMessageSchema, type HostMessage } from '../webview/messages';

const UPDATE_DELAY_MS = 120;

/** The "Learning-Rate Curve" webview: follows the active training config and redraws as the user types. */
export class CurvePanel implements vscode.Disposable {
  private panel: vscode.WebviewPanel | undefined;
  private document: vscode.TextDocument | undefined;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private readonly subscriptions: vscode.Disposable[] = [];

  constructor(private readonly extensionUri: vscode.Uri, private readonly getClient: ClientProvider) {
    this.subscriptions.push(
      vscode.window.onDidChangeActiveTextEditor((editor) => {
        if (editor && isConfigLanguage(editor.document)) this.follow(editor.document);
      }),
      vscode.workspace.onDidChangeTextDocument((event) => {
        if (event.document === this.document) this.scheduleUpdate();
      }),
    );
  }

  /** Opens (or reveals) the panel on `uri` (from the Preview lens) or the active editor's document. */
  show(uri?: unknown): void {
    const target = uri === undefined ? undefined : String(uri);
    const fromLens = target ? vscode.workspace.textDocuments.find((d) => d.uri.toString() === target) : undefined;
    const editor = vscode.window.activeTextEditor;
    if (!this.panel) {
      const media = vscode.Uri.joinPath(this.extensionUri, 'dist', 'webview');
      this.panel = vscode.window.createWebviewPanel('lrLens.curve', 'Learning-Rate Curve', { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true }, {
        enableScripts: true,
        localResourceRoots: [media],
      });
      this.panel.webview.html = this.html(this.panel.webview, media);
      this.panel.webview.onDidReceiveMessage((raw) => {
        const message = PageMessageSchema.safeParse(raw);
        if (message.success && message.data.type === 'ready') this.scheduleUpdate(0);
      });
      this.panel.onDidDispose(() => {
        this.panel = undefined;
      });
    } else {
      this.panel.reveal(vscode.ViewColumn.Beside, true);
    }
    if (fromLens) this.follow(fromLens);
    else if (editor && isConfigLanguage(editor.document)) this.follow(editor.document);
  }

  private follow(document: vscode.TextDocument): void {
    this.document = document;
    this.scheduleUpdate(0);
  }

  private scheduleUpdate(delay = UPDATE_DELAY_MS): void {
    if (!this.panel) return;
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.update(), delay);
  }

  private async update(): Promise<void> {
    const document = this.document;
    if (!this.panel || !document) return;
    const response = await requestCurve(this.getClient, document);
    const message: HostMessage = {
      type: 'curve',
      fileName: vscode.workspace.asRelativePath(document.uri),
      response,
    };
    this.panel.title = `LR: ${document.uri.path.split('/').pop()}`;
    await this.panel.webview.postMessage(message);
  }

  private html(webview: vscode.Webview, media: vscode.Uri): string {
    const nonce = [...Array(32)].map(() => Math.floor(Math.random() * 36).toString(36)).join('');
    const script = webview.asWebviewUri(vscode.Uri.joinPath(media, 'curvePage.js'));
    return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; img-src ${webview.cspSource} data:; style-src 'nonce-${nonce}'; script-src 'nonce-${nonce}';">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<title>Learning-Rate Curve</title>
<style nonce="${nonce}">
  body { color: var(--vscode-foreground); background: var(--vscode-editor-background); font-family: var(--vscode-font-family); font-size: var(--vscode-font-size); padding: 8px 16px; }
  #chart svg { width: 100%; height: auto; color: var(--vscode-foreground); }
  #chart .lr-line { stroke: var(--vscode-charts-blue, #1f77b4); }
  #chart .lr-grid { stroke: var(--vscode-editorWidget-border, #8884); }
  #status { opacity: 0.8; }
  ul { padding-left: 1.2em; }
</style>
</head>
<body>
<h3 id="title">Learning-Rate Curve</h3>
<div id="status">Open a training config to see its learning-rate curve.</div>
<div id="chart"></div>
<ul id="description"></ul>
<script nonce="${nonce}" src="${script}"></script>
</body>
</html>`;
  }

  dispose(): void {
    clearTimeout(this.timer);
    this.panel?.dispose();
    for (const s of this.subscriptions) s.dispose();
  }
}
