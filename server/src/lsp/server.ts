import {
  LSPErrorCodes,
  ResponseError,
  TextDocumentSyncKind,
  type CancellationToken,
  TextDocuments,
  type CodeAction,
  type CodeLens,
  type Connection,
  type InitializeResult,
} from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { onInternalError, type LensSettings } from '../analysis/analyzeConfig';
import { previewFix } from '../analysis/fixPreview';
import { hoverAt } from '../analysis/hover';
import { spanContains } from '../parse/textSpan';
import { fileUri, toCodeAction, toDiagnostic, DIAGNOSTIC_SOURCE } from './conversions';
import { CrossFileDiagnostics } from './crossFileDiagnostics';
import { FIX_ALL_KIND, fixAllAction, wantsFixAll } from './fixAllAction';
import { DocumentAnalyses, fileNameOf } from './documentAnalyses';
import { diffingTextDocuments } from '../parse/textDiff';
import { HeapKeeper } from './heap';
import { ProjectConfigFinder } from '../config/findProjectConfig';
import { configFileReader } from '../config/configFileReader';
import { isProjectConfigFile, mergeSettings } from '../config/projectConfig';
import {
  CURVE_REQUEST,
  FIX_PREVIEWS_REQUEST,
  type CurveParams,
  type CurveResponse,
  type FixPreview,
  type FixPreviewsParams,
  type FixPreviewsResponse,
} from './protocol';
import { DEFAULT_PRESENTATION, DEFAULT_SETTINGS, toLensSettings, toPresentationSettings, type PresentationSettings } from './settings';

/** The client command the "Preview" lens runs (VS Code's `lrLens.showCurve`; other editors map it or ignore it). */
export const SHOW_CURVE_COMMAND = 'lrLens.showCurve';

/** Within a burst of typing (edits less than this apart), diagnostics wait this long after the last keystroke, so the burst is analysed once; an edit after a pause is analysed at once. */
const DIAGNOSTICS_DELAY_MS = 60;

/** The language server: a thin adapter from LSP to the pure core. */
export function startServer(connection: Connection): void {
  const documents = new TextDocuments(diffingTextDocuments);
  const analyses = new DocumentAnalyses();
  const settingsByUri = new Map<string, Promise<LensSettings>>();
  const pending = new Map<string, ReturnType<typeof setTimeout>>();
  const lastChangeAt = new Map<string, number>();
  let canPullSettings = false;
  let useDocumentChanges = false;
  const resolvedSettings = new Map<string, LensSettings>();
  const projectConfigs = new ProjectConfigFinder();
  let workspaceRoots: string[] = [];
  const openTextOf = (path: string) => documents.all().find((d) => d.uri.startsWith('file:') && fileNameOf(d.uri) === path)?.getText();
  /**
   * Hydra `defaults:` files: open documents first, else YAML/JSON files inside the workspace folders; with no
   * workspace folder, open documents only (the server reads nothing else of the disk).
   */
  const readComposedFile = (path: string): string | undefined =>
    workspaceRoots.length ? configFileReader(workspaceRoots, openTextOf)(path) : openTextOf(path);
  /** An open document's own URI for a file name, else a file URI. */
  const uriOfFile = (fileName: string) => documents.all().find((d) => d.uri.startsWith('file:') && fileNameOf(d.uri) === fileName)?.uri ?? fileUri(fileName);
  /** Findings about values written in composed files are published in those files too. */
  const crossFile = new CrossFileDiagnostics((uri, diagnostics, version) => connection.sendDiagnostics({ uri, version, diagnostics }), uriOfFile);
  const presentationByUri = new Map<string, PresentationSettings>();
  let canRefreshCodeLenses = false;
  /** Full collections after bursts of work, so memory goes back once the corpus is open or the typing stops. */
  const heap = new HeapKeeper();

  onInternalError((error) => connection.console.error(`LR Lens internal error: ${error instanceof Error ? error.stack : String(error)}`));

  connection.onInitialize((params): InitializeResult => {
    canPullSettings = params.capabilities.workspace?.configuration === true;
    workspaceRoots = (params.workspaceFolders ?? (params.rootUri ? [{ uri: params.rootUri }] : []))
      .filter((folder) => folder.uri.startsWith('file:'))
      .map((folder) => fileNameOf(folder.uri));
    useDocumentChanges = params.capabilities.workspace?.workspaceEdit?.documentChanges === true;
    canRefreshCodeLenses = params.capabilities.workspace?.codeLens?.refreshSupport === true;
    return {
      capabilities: {
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental },
        codeActionProvider: { codeActionKinds: ['quickfix', FIX_ALL_KIND] },
        hoverProvider: true,
        codeLensProvider: { resolveProvider: false },
      },
      serverInfo: { name: 'lr-lens-language-server', version: '0.1.0' },
    };
  });

  /** The editor's `lrLens` settings for a document (pulled once, until they change). */
  function editorSettingsFor(uri: string): Promise<LensSettings> {
    if (!canPullSettings) return Promise.resolve(DEFAULT_SETTINGS);
    let settings = settingsByUri.get(uri);
    if (!settings) {
      settings = connection.workspace.getConfiguration({ scopeUri: uri, section: 'lrLens' }).then(
        (raw: unknown) => {
          presentationByUri.set(uri, toPresentationSettings(raw));
          return toLensSettings(raw);
        },
        () => DEFAULT_SETTINGS,
      );
      settingsByUri.set(uri, settings);
    }
    return settings;
  }

  /** The editor's settings over the nearest `.lr-lens.yaml`; one object per document until either changes (the analysis cache keys on it). */
  async function settingsFor(uri: string): Promise<LensSettings> {
    const editor = await editorSettingsFor(uri);
    const cached = resolvedSettings.get(uri);
    if (cached) return cached;
    const project = uri.startsWith('file:') ? projectConfigs.forFile(fileNameOf(uri)) : null;
    const readFile = (path: string) => {
      crossFile.recordRead(uri, path);
      return readComposedFile(path);
    };
    const settings = { ...(project ? mergeSettings(project.config.settings, editor) : editor), readFile };
    resolvedSettings.set(uri, settings);
    return settings;
  }

  /** Settings changed (editor or project file): re-read them and re-check every open document. */
  function settingsChanged(): void {
    settingsByUri.clear();
    resolvedSettings.clear();
    presentationByUri.clear();
    analyses.clear();
    for (const document of documents.all()) scheduleDiagnostics(document, 0);
    if (canRefreshCodeLenses) void connection.sendRequest('workspace/codeLens/refresh').catch(() => undefined);
  }

  function trackProjectConfig(document: TextDocument, open: boolean): void {
    if (!document.uri.startsWith('file:') || !isProjectConfigFile(fileNameOf(document.uri))) return;
    projectConfigs.setLiveText(fileNameOf(document.uri), open ? document.getText() : undefined);
    settingsChanged();
  }

  /** The document's analysis; a request cancelled (or made stale by an edit) while waiting is answered as cancelled, unanalysed. */
  async function analysisOf(document: TextDocument, token?: CancellationToken) {
    const settings = await settingsFor(document.uri);
    if (token && (token.isCancellationRequested || documents.get(document.uri)?.version !== document.version)) {
      throw new ResponseError(LSPErrorCodes.RequestCancelled, 'cancelled: the document changed');
    }
    const analysis = analyses.get(document, settings);
    heap.afterWork();
    return analysis;
  }

  async function publishDiagnostics(document: TextDocument): Promise<void> {
    const settings = await settingsFor(document.uri);
    if (documents.get(document.uri)?.version !== document.version) return; // a newer version is on its way
    const analysis = analyses.get(document, settings);
    const diagnostics = analysis.findings.map((finding, index) => toDiagnostic(finding, analysis.parsed.lines, index, uriOfFile));
    await crossFile.publish(document.uri, fileNameOf(document.uri), document.version, diagnostics, analysis);
    heap.afterWork();
  }

  function scheduleDiagnostics(document: TextDocument, delay: number): void {
    clearTimeout(pending.get(document.uri));
    pending.set(
      document.uri,
      setTimeout(() => {
        pending.delete(document.uri);
        publishDiagnostics(document).catch((error) => connection.console.error(String(error)));
      }, delay),
    );
  }

  documents.onDidOpen(({ document }) => {
    trackProjectConfig(document, true);
    scheduleDiagnostics(document, 0);
  });
  documents.onDidChangeContent(({ document }) => {
    trackProjectConfig(document, true);
    reanalyseDependents(document.uri);
    const now = Date.now();
    const inBurst = now - (lastChangeAt.get(document.uri) ?? -Infinity) < DIAGNOSTICS_DELAY_MS;
    lastChangeAt.set(document.uri, now);
    scheduleDiagnostics(document, inBurst ? DIAGNOSTICS_DELAY_MS : 0);
  });
  documents.onDidClose(({ document }) => {
    trackProjectConfig(document, false);
    clearTimeout(pending.get(document.uri));
    pending.delete(document.uri);
    lastChangeAt.delete(document.uri);
    analyses.forget(document.uri);
    settingsByUri.delete(document.uri);
    resolvedSettings.delete(document.uri);
    presentationByUri.delete(document.uri);
    void crossFile.closed(document.uri);
    reanalyseDependents(document.uri);
  });

  /** Documents that compose this one (Hydra defaults, `_BASE_`) are analysed again when it changes or closes. */
  function reanalyseDependents(uri: string): void {
    for (const dependent of crossFile.dependentsOf(fileNameOf(uri), uri)) {
      const document = documents.get(dependent);
      if (!document) continue;
      analyses.delete(dependent);
      scheduleDiagnostics(document, DIAGNOSTICS_DELAY_MS);
    }
  }

  connection.onDidChangeConfiguration(settingsChanged);
  connection.onDidChangeWatchedFiles(() => {
    projectConfigs.clear();
    settingsChanged();
  });

  connection.onCodeAction(async (params, token) => {
    const document = documents.get(params.textDocument.uri);
    if (!document) return [];
    if (wantsFixAll(params.context.only) && !params.context.only?.includes('quickfix')) {
      const action = fixAllAction(await analysisOf(document), document.uri, useDocumentChanges ? document.version : null);
      return action ? [action] : [];
    }
    const ours = params.context.diagnostics.filter((d) => d.source === DIAGNOSTIC_SOURCE);
    if (ours.length === 0) return [];
    const analysis = await analysisOf(document, token);
    const lines = analysis.parsed.lines;
    const actions: CodeAction[] = [];
    for (const diagnostic of ours) {
      const finding = analysis.findings.find((f) => {
        const range = lines.rangeOf(f.span);
        return (
          f.ruleId === diagnostic.code &&
          range.start.line === diagnostic.range.start.line &&
          range.start.character === diagnostic.range.start.character &&
          range.end.line === diagnostic.range.end.line &&
          range.end.character === diagnostic.range.end.character
        );
      });
      for (const fix of finding?.fixes ?? []) {
        actions.push(toCodeAction(fix, diagnostic, document.uri, useDocumentChanges ? document.version : null, lines));
      }
    }
    return actions;
  });

  connection.onHover(async (params, token) => {
    const document = documents.get(params.textDocument.uri);
    if (!document) return null;
    const analysis = await analysisOf(document, token);
    const hover = hoverAt(analysis, document.offsetAt(params.position));
    if (!hover) return null;
    return { contents: { kind: 'markdown', value: hover.markdown }, range: analysis.parsed.lines.rangeOf(hover.span) };
  });

  connection.onCodeLens(async (params, token): Promise<CodeLens[]> => {
    const document = documents.get(params.textDocument.uri);
    if (!document) return [];
    const analysis = await analysisOf(document, token);
    const presentation = presentationByUri.get(document.uri) ?? DEFAULT_PRESENTATION;
    const lines = analysis.parsed.lines;
    return analyses.lensesOf(analysis, presentation.sparkline).flatMap((lens) => {
      const range = lines.rangeOf(lens.span);
      return [
        // No command id: VS Code shows the summary as plain text.
        { range, command: { title: lens.title, command: '' } },
        { range, command: { title: 'Preview', command: SHOW_CURVE_COMMAND, arguments: [document.uri] } },
      ];
    });
  });

  connection.onRequest(CURVE_REQUEST, async (params: CurveParams): Promise<CurveResponse | null> => {
    const document = documents.get(params?.uri);
    if (!document) return null;
    const analysis = await analysisOf(document);
    const points = Number.isInteger(params.points) && params.points! > 1 ? Math.min(params.points!, 100_000) : 200;
    const curve = analyses.curveOf(analysis, { points, everyStep: params.everyStep === true });
    const first = analysis.documents[0];
    if (!curve) {
      return { uri: document.uri, version: document.version, dialect: first?.dialect.id ?? null, curve: null, description: [] };
    }
    const { plan, ...rest } = curve;
    const description = [
      `${curve.dialectName}: ${curve.summary.text}`,
      `Length: ${plan.length.basis}`,
      ...plan.assumptions.map((a) => `Assumed: ${a}`),
    ];
    return { uri: document.uri, version: document.version, dialect: curve.dialect, curve: rest, description };
  });

  connection.onRequest(FIX_PREVIEWS_REQUEST, async (params: FixPreviewsParams): Promise<FixPreviewsResponse | null> => {
    const document = documents.get(params?.uri);
    if (!document || !params.position) return null;
    const settings = await settingsFor(document.uri);
    const analysis = analyses.get(document, settings);
    const offset = document.offsetAt(params.position);
    const points = Number.isInteger(params.points) && params.points! > 1 ? Math.min(params.points!, 10_000) : 200;
    const previews: FixPreview[] = [];
    for (const finding of analysis.findings) {
      if (!spanContains(finding.span, offset) && !(finding.keySpan && spanContains(finding.keySpan, offset))) continue;
      for (const fix of finding.fixes) {
        const curve = previewFix(analysis, fix, fileNameOf(document.uri), settings, points);
        if (curve && !previews.some((p) => p.title === fix.title)) previews.push({ title: fix.title, points: curve });
      }
    }
    return { uri: document.uri, version: document.version, previews };
  });

  documents.listen(connection);
  connection.listen();
}
