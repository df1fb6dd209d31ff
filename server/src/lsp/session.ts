import {
  LSPErrorCodes,
  ResponseError,
  TextDocuments,
  type CancellationToken,
  type Connection,
  type InitializeParams,
} from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { ConfigAnalysis, LensSettings } from '../analysis/analyzeConfig';
import { describeError, internalErrorsThrow, type AnalysisLogger } from '../analysis/internalErrors';
import { ProjectConfigFinder } from '../config/findProjectConfig';
import { isProjectConfigFile, mergeSettings } from '../config/projectConfig';
import { fileUri, toDiagnostic } from './conversions';
import { CrossFileDiagnostics } from './crossFileDiagnostics';
import { DocumentAnalyses, fileNameOf } from './documentAnalyses';
import { DocumentState } from './documentState';
import type { ServerLogger } from './guard';
import { HeapKeeper } from './heap';
import { diffingTextDocuments } from '../parse/textDiff';
import { DEFAULT_SETTINGS, toLensSettings, toPresentationSettings, type PresentationSettings } from './settings';
import { insideWorkspace, workspaceFileReader } from './workspaceFiles';

/**
 * Within a burst of typing (edits less than this apart), diagnostics wait this long after the last keystroke, so the
 * burst is analyzed once; an edit after a pause is analyzed at once.
 */
export const DIAGNOSTICS_DELAY_MS = 60;

/** What the client said it can do (from `initialize`). */
interface ClientAbilities {
  pullSettings: boolean;
  documentChanges: boolean;
  refreshCodeLenses: boolean;
  refreshInlayHints: boolean;
}

/**
 * The server's state: the open documents (one DocumentState each), their analyses, the workspace folders, the
 * project config files, and the diagnostics published across files. Handlers ask it for a document's analysis
 * and presentation; the LSP notifications that change documents or settings land here.
 */
export class LensSession {
  // Full-text changes are applied as the ranged change they amount to, so the incremental parse stays cheap.
  readonly documents = new TextDocuments(diffingTextDocuments);
  private readonly analyses = new DocumentAnalyses();
  private readonly states = new Map<string, DocumentState>();
  /** `.lr-lens.yaml` files are read from the workspace folders only. */
  private readonly projectConfigs = new ProjectConfigFinder(insideWorkspace(() => this.workspaceRoots));
  /** Full collections after bursts of work, so memory goes back once the corpus is open or the typing stops. */
  private readonly heap = new HeapKeeper();
  /** Findings about values written in composed files are published in those files too. */
  private readonly crossFile: CrossFileDiagnostics;
  /** Faults inside dialects and rules: logged (thrown under test, so the request fails where a test sees it). */
  private readonly analysisLogger: AnalysisLogger;
  private client: ClientAbilities = { pullSettings: false, documentChanges: false, refreshCodeLenses: false, refreshInlayHints: false };
  private workspaceRoots: string[] = [];
  private refreshQueued = false;

  constructor(
    private readonly connection: Connection,
    private readonly logger: ServerLogger,
  ) {
    this.crossFile = new CrossFileDiagnostics(
      (uri, diagnostics, version) => connection.sendDiagnostics({ uri, version, diagnostics }),
      this.uriOfFile,
    );
    this.analysisLogger = {
      internalError: (error, where) => {
        if (internalErrorsThrow()) throw error;
        logger.error(`LR Lens internal error in ${where}: ${describeError(error)}`);
      },
    };
  }

  initialize(params: InitializeParams): void {
    const capabilities = params.capabilities;
    this.client = {
      pullSettings: capabilities.workspace?.configuration === true,
      documentChanges: capabilities.workspace?.workspaceEdit?.documentChanges === true,
      refreshCodeLenses: capabilities.workspace?.codeLens?.refreshSupport === true,
      refreshInlayHints: capabilities.workspace?.inlayHint?.refreshSupport === true,
    };
    this.workspaceRoots = (params.workspaceFolders ?? (params.rootUri ? [{ uri: params.rootUri }] : []))
      .filter((folder) => folder.uri.startsWith('file:'))
      .map((folder) => fileNameOf(folder.uri));
  }

  /** The version a workspace edit names (`documentChanges`), or null for a plain `changes` map. */
  editVersion(document: TextDocument): number | null {
    return this.client.documentChanges ? document.version : null;
  }

  /** An open document's own URI for a file name, else a file URI (editors spell some URIs their own way). */
  readonly uriOfFile = (fileName: string): string => this.openFile(fileName)?.uri ?? fileUri(fileName);

  private openFile(fileName: string): TextDocument | undefined {
    return this.documents.all().find((d) => d.uri.startsWith('file:') && fileNameOf(d.uri) === fileName);
  }

  /** An open document's state (one of its own for a document not open, which nothing keeps). */
  private stateOf(uri: string): DocumentState {
    let state = this.states.get(uri);
    if (!state) {
      state = new DocumentState();
      if (this.documents.get(uri)) this.states.set(uri, state);
    }
    return state;
  }

  /** How results are shown for a document (from the settings pulled for it). */
  presentationOf(uri: string): PresentationSettings {
    return this.stateOf(uri).presentation;
  }

  /** The editor's `lrLens` settings for a document (pulled once, until they change). */
  private editorSettingsOf(uri: string): Promise<LensSettings> {
    if (!this.client.pullSettings) return Promise.resolve(DEFAULT_SETTINGS);
    const state = this.stateOf(uri);
    state.editorSettings ??= this.connection.workspace.getConfiguration({ scopeUri: uri, section: 'lrLens' }).then(
      (raw: unknown) => {
        state.presentation = toPresentationSettings(raw);
        return toLensSettings(raw);
      },
      () => DEFAULT_SETTINGS,
    );
    return state.editorSettings;
  }

  /** The editor's settings over the nearest `.lr-lens.yaml`, with the reader for composed files and the logger. */
  async settingsOf(uri: string): Promise<LensSettings> {
    const editor = await this.editorSettingsOf(uri);
    const state = this.stateOf(uri);
    if (state.settings) return state.settings;
    const project = uri.startsWith('file:') ? this.projectConfigs.forFile(fileNameOf(uri)) : null;
    // Hydra `defaults:` and `_BASE_` files: open documents first, else files inside the workspace folders; with no
    // workspace folder, open documents only (the server reads nothing else of the disk).
    const reader = workspaceFileReader(this.workspaceRoots, (path) => this.openFile(path)?.getText());
    const readFile = (path: string) => {
      this.crossFile.recordRead(uri, path);
      return reader(path);
    };
    state.settings = { ...(project ? mergeSettings(project.config.settings, editor) : editor), readFile, logger: this.analysisLogger };
    return state.settings;
  }

  /** The document's analysis; a request cancelled (or made stale by an edit) while waiting is answered as cancelled. */
  async analysisOf(document: TextDocument, token?: CancellationToken): Promise<ConfigAnalysis> {
    const settings = await this.settingsOf(document.uri);
    if (token && (token.isCancellationRequested || this.documents.get(document.uri)?.version !== document.version)) {
      throw new ResponseError(LSPErrorCodes.RequestCancelled, 'cancelled: the document changed');
    }
    const analysis = this.analyses.get(document, settings);
    this.heap.afterWork('request');
    return analysis;
  }

  /** The analyses' caches of lenses and curves. */
  get derived(): Pick<DocumentAnalyses, 'lensesOf' | 'curveOf'> {
    return this.analyses;
  }

  opened(document: TextDocument): void {
    this.trackProjectConfig(document, true);
    this.scheduleDiagnostics(document, 0);
  }

  changed(document: TextDocument): void {
    this.trackProjectConfig(document, true);
    this.reanalyzeDependents(document.uri);
    const state = this.stateOf(document.uri);
    const now = Date.now();
    const inBurst = now - state.lastChangeAt < DIAGNOSTICS_DELAY_MS;
    state.lastChangeAt = now;
    this.scheduleDiagnostics(document, inBurst ? DIAGNOSTICS_DELAY_MS : 0);
  }

  closed(document: TextDocument): void {
    this.trackProjectConfig(document, false);
    this.states.get(document.uri)?.dispose();
    this.states.delete(document.uri);
    this.analyses.forget(document.uri);
    void this.crossFile.closed(document.uri).catch((error: unknown) => this.logger.error(describeError(error)));
    this.reanalyzeDependents(document.uri);
  }

  /** Settings changed (editor or project file): re-read them and re-check every open document. */
  settingsChanged(): void {
    for (const state of this.states.values()) state.forgetSettings();
    this.analyses.clear();
    for (const document of this.documents.all()) this.scheduleDiagnostics(document, 0);
    this.refreshCodeLenses();
    // Inlay hints depend on settings too (`lrLens.inlayHints`, steps per epoch): the editor asks for them again.
    if (this.client.refreshInlayHints) this.connection.sendRequest('workspace/inlayHint/refresh').catch(() => undefined);
  }

  /**
   * Asks the client to ask for code lenses again (once for all calls in the same turn). An editor asks for a
   * document's lenses once, when it opens it, and again only after an edit or a refresh; an answer lost while the
   * server starts (cancelled by the refresh that the first settings pull triggers, or asked before the client
   * sent the document) would leave a file without its lens until it is edited.
   */
  private refreshCodeLenses(): void {
    if (!this.client.refreshCodeLenses || this.refreshQueued) return;
    this.refreshQueued = true;
    setImmediate(() => {
      this.refreshQueued = false;
      this.connection.sendRequest('workspace/codeLens/refresh').catch(() => undefined);
    });
  }

  /** A `.lr-lens.yaml` changed on disk. */
  projectFilesChanged(): void {
    this.projectConfigs.clear();
    this.settingsChanged();
  }

  private trackProjectConfig(document: TextDocument, open: boolean): void {
    if (!document.uri.startsWith('file:') || !isProjectConfigFile(fileNameOf(document.uri))) return;
    this.projectConfigs.setLiveText(fileNameOf(document.uri), open ? document.getText() : undefined);
    this.settingsChanged();
  }

  /** Documents that compose this one (Hydra defaults, `_BASE_`) are analyzed again when it changes or closes. */
  private reanalyzeDependents(uri: string): void {
    for (const dependent of this.crossFile.dependentsOf(fileNameOf(uri), uri)) {
      const document = this.documents.get(dependent);
      if (!document) continue;
      this.analyses.delete(dependent);
      this.scheduleDiagnostics(document, DIAGNOSTICS_DELAY_MS);
    }
  }

  private scheduleDiagnostics(document: TextDocument, delay: number): void {
    this.stateOf(document.uri).schedule(delay, () => {
      this.publishDiagnostics(document).catch((error: unknown) =>
        this.logger.error(`LR Lens: diagnostics failed: ${describeError(error)}`),
      );
    });
  }

  private async publishDiagnostics(document: TextDocument): Promise<void> {
    const settings = await this.settingsOf(document.uri);
    if (this.documents.get(document.uri)?.version !== document.version) return; // a newer version is on its way
    const analysis = this.analyses.get(document, settings);
    const diagnostics = analysis.findings.map((finding, index) => toDiagnostic(finding, analysis.parsed.lines, index, this.uriOfFile));
    await this.crossFile.publish(document.uri, fileNameOf(document.uri), document.version, diagnostics, analysis);
    const state = this.states.get(document.uri);
    this.heap.afterWork(state?.published ? 'edit' : 'open');
    if (state && !state.published) {
      state.published = true;
      // The document's first analysis is done: lenses asked for before it (see refreshCodeLenses) are asked again.
      this.refreshCodeLenses();
    }
  }
}
