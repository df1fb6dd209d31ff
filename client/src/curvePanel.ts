import * as vscode from 'vscode';
import { isConfigLanguage, requestCurve, requestFixPreviews, type ClientProvider } from './curveRequest';
import { parsePageMessage, type HostMessage, type PageMessage } from '../webview/messages';
import { curvePageHtml, newNonce } from '../webview/pageHtml';

const UPDATE_DELAY_MS = 120;

/** The "Learning-Rate Curve" webview: follows the active training config and redraws as the user types. */
export class CurvePanel implements vscode.Disposable {
  private panel: vscode.WebviewPanel | undefined;
  private document: vscode.TextDocument | undefined;
  /** The cursor in the followed document, for compare mode. */
  private cursor: vscode.Position | undefined;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private readonly subscriptions: vscode.Disposable[] = [];

  constructor(
    private readonly extensionUri: vscode.Uri,
    private readonly getClient: ClientProvider,
  ) {
    this.subscriptions.push(
      vscode.window.onDidChangeActiveTextEditor((editor) => {
        if (editor && isConfigLanguage(editor.document)) this.follow(editor.document, editor.selection.active);
      }),
      vscode.workspace.onDidChangeTextDocument((event) => {
        if (event.document === this.document) this.scheduleUpdate();
      }),
      vscode.window.onDidChangeTextEditorSelection((event) => {
        if (event.textEditor.document !== this.document) return;
        const cursor = event.selections[0]?.active;
        if (cursor && !cursor.isEqual(this.cursor ?? new vscode.Position(-1, -1))) {
          this.cursor = cursor;
          this.scheduleUpdate();
        }
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
      this.panel = vscode.window.createWebviewPanel(
        'lrLens.curve',
        'Learning-Rate Curve',
        { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true },
        {
          enableScripts: true,
          localResourceRoots: [media],
          // No retainContextWhenHidden: the page re-asks for the curve ('ready') when it is shown again.
        },
      );
      const webview = this.panel.webview;
      webview.html = curvePageHtml({
        nonce: newNonce(),
        cspSource: webview.cspSource,
        scriptUri: webview.asWebviewUri(vscode.Uri.joinPath(media, 'curvePage.js')).toString(),
        styleUri: webview.asWebviewUri(vscode.Uri.joinPath(media, 'curvePage.css')).toString(),
      });
      webview.onDidReceiveMessage((raw) => {
        const message = parsePageMessage(raw);
        if (!message) return; // never act on a message that is not one of the known shapes
        void this.onPageMessage(message);
      });
      this.panel.onDidDispose(() => {
        this.panel = undefined;
      });
    } else {
      this.panel.reveal(vscode.ViewColumn.Beside, true);
    }
    if (fromLens) this.follow(fromLens, editor?.document === fromLens ? editor.selection.active : undefined);
    else if (editor && isConfigLanguage(editor.document)) this.follow(editor.document, editor.selection.active);
  }

  private async onPageMessage(message: PageMessage): Promise<void> {
    if (message.type === 'ready') {
      this.scheduleUpdate(0);
      return;
    }
    const document = this.document;
    if (!document) return;
    let bytes: Uint8Array;
    if (message.format === 'csv') {
      const response = await requestCurve(this.getClient, document, { everyStep: true });
      if (!response?.curve) return;
      bytes = new TextEncoder().encode(['step,lr', ...response.curve.points.map((p) => `${p.step},${p.lr}`)].join('\n') + '\n');
      const capped = response.everyStepCapped;
      if (capped) {
        void vscode.window.showWarningMessage(
          `LR Lens: this run has ${capped.totalSteps} steps; the CSV holds ${capped.limit} sampled points (peaks kept), not every step. ` +
            'The lr-lens CLI (`lr-lens curve FILE --every-step --format csv`) writes every step.',
        );
      }
    } else if (message.format === 'svg') {
      bytes = new TextEncoder().encode(message.content);
    } else {
      bytes = Buffer.from(message.content.slice(message.content.indexOf(',') + 1), 'base64');
    }
    const base =
      document.uri.path
        .split('/')
        .pop()
        ?.replace(/\.[^.]*$/, '') ?? 'curve';
    const target = await vscode.window.showSaveDialog({
      defaultUri: vscode.Uri.joinPath(document.uri, '..', `${base}.lr.${message.format}`),
      filters: { [message.format.toUpperCase()]: [message.format] },
      title: `Export the learning-rate curve as ${message.format.toUpperCase()}`,
    });
    if (!target) return;
    await vscode.workspace.fs.writeFile(target, bytes);
  }

  private follow(document: vscode.TextDocument, cursor: vscode.Position | undefined): void {
    this.document = document;
    this.cursor = cursor;
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
    const [response, previews] = await Promise.all([
      requestCurve(this.getClient, document),
      this.cursor ? requestFixPreviews(this.getClient, document, this.cursor) : Promise.resolve(null),
    ]);
    if (!this.panel || document !== this.document) return;
    const message: HostMessage = {
      type: 'curve',
      fileName: vscode.workspace.asRelativePath(document.uri),
      response,
      previews: previews && response && previews.version === response.version ? previews.previews : [],
    };
    this.panel.title = `LR: ${document.uri.path.split('/').pop()}`;
    await this.panel.webview.postMessage(message);
  }

  dispose(): void {
    clearTimeout(this.timer);
    this.panel?.dispose();
    for (const s of this.subscriptions) s.dispose();
  }
}
