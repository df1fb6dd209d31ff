import type * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import {
  CURVE_REQUEST,
  FIX_PREVIEWS_REQUEST,
  type CurveParams,
  type CurveResponse,
  type FixPreviewsParams,
  type FixPreviewsResponse,
} from '../../server/src/lsp/protocol';

/** The language client once it has started (undefined when it could not); requests wait for it. */
export type ClientProvider = () => Promise<LanguageClient | undefined>;

/** Asks the server for the document's curve; null when the server is down or the file is not a training config. */
export async function requestCurve(
  getClient: ClientProvider,
  document: vscode.TextDocument,
  options: { points?: number; everyStep?: boolean } = {},
): Promise<CurveResponse | null> {
  const client = await getClient();
  if (!client || !client.isRunning()) return null;
  const params: CurveParams = { uri: document.uri.toString(), points: options.points ?? 400, everyStep: options.everyStep === true };
  try {
    return await client.sendRequest<CurveResponse | null>(CURVE_REQUEST, params);
  } catch {
    return null;
  }
}

/** The curves the quick fixes at `position` would give (compare mode); null when the server cannot say. */
export async function requestFixPreviews(
  getClient: ClientProvider,
  document: vscode.TextDocument,
  position: vscode.Position,
): Promise<FixPreviewsResponse | null> {
  const client = await getClient();
  if (!client || !client.isRunning()) return null;
  const params: FixPreviewsParams = { uri: document.uri.toString(), position: { line: position.line, character: position.character } };
  try {
    return await client.sendRequest<FixPreviewsResponse | null>(FIX_PREVIEWS_REQUEST, params);
  } catch {
    return null;
  }
}

export function isConfigLanguage(document: vscode.TextDocument): boolean {
  return ['yaml', 'json', 'jsonc', 'toml'].includes(document.languageId) || /\.toml$/i.test(document.fileName);
}
