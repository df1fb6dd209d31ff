import type * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { CURVE_REQUEST, type CurveParams, type CurveResponse } from '../../server/src/lsp/protocol';

export type ClientProvider = () => LanguageClient | undefined;

/** Asks the server for the document's curve; null when the server is down or the file is not a training config. */
export async function requestCurve(getClient: ClientProvider, document: vscode.TextDocument, points = 400): Promise<CurveResponse | null> {
  const client = getClient();
  if (!client || !client.isRunning()) return null;
  const params: CurveParams = { uri: document.uri.toString(), points };
  try {
    return await client.sendRequest<CurveResponse | null>(CURVE_REQUEST, params);
  } catch {
    return null;
  }
}

export function isConfigLanguage(document: vscode.TextDocument): boolean {
  return ['yaml', 'json', 'jsonc'].includes(document.languageId);
}
