import {
  CompletionItemKind,
  CompletionTriggerKind,
  InsertTextFormat,
  type CancellationToken,
  type CompletionItem,
  type CompletionList,
  type CompletionParams,
  type DefinitionParams,
  type DocumentLink,
  type DocumentLinkParams,
  type InlayHint,
  type InlayHintParams,
  type LocationLink,
} from 'vscode-languageserver';
import { analyzeConfig, type ConfigAnalysis } from '../analysis/analyzeConfig';
import { completionsAt, type CompletionEntry, type CompletionHost } from '../analysis/completion';
import { inlayHintsOf } from '../analysis/inlayHints';
import { definitionAt, fileLinksOf } from '../analysis/navigation';
import { scheduleVocabulary, vocabularyOf } from '../frameworks/registry';
import { schedulerClassName } from '../frameworks/torch/torchParams';
import { LineIndex } from '../parse/textSpan';
import { familyOfName } from '../plan/scheduleFamily';
import { fileNameOf } from './documentAnalyses';
import type { LensSession } from './session';

/** Characters after which an editor asks for completion by itself: a key's colon and the space after it. */
export const COMPLETION_TRIGGER_CHARACTERS = [':', ' '];

/** Completion reads each framework's editing vocabulary from the registry. */
export const REGISTRY_COMPLETION_HOST: CompletionHost = {
  vocabularyOf,
  // A torch class offered in a framework with its own vocabulary (torchtune) is classified by the torch vocabulary.
  familyOf: (plan, name) => {
    const kind = familyOfName(plan, name).kind;
    return kind === 'unknown' ? scheduleVocabulary('pytorch').family(schedulerClassName(name), {}).kind : kind;
  },
};

const ITEM_KINDS: Record<CompletionEntry['kind'], CompletionItemKind> = {
  scheduler: CompletionItemKind.EnumMember,
  optimizer: CompletionItemKind.Class,
  key: CompletionItemKind.Property,
  value: CompletionItemKind.Value,
};

/** The YAML documents (of a multi-document file) that LR Lens recognized: navigation stays inside them. */
function recognizedDocuments(analysis: ConfigAnalysis) {
  return analysis.documents.flatMap((d) => analysis.parsed.documents[d.documentIndex] ?? []);
}

/**
 * Scheduler and optimizer names at a value, the framework's keys at a key; nothing outside a recognized training
 * config. A trigger character (`:` or a space, typed anywhere) answers at a value position only, so indenting a line
 * never pops up a list of keys.
 */
export async function completion(session: LensSession, params: CompletionParams, token: CancellationToken): Promise<CompletionList | null> {
  const document = session.documents.get(params.textDocument.uri);
  if (!document) return null;
  const analysis = await session.analysisOf(document, token);
  if (analysis.documents.length === 0) return null;
  const offset = document.offsetAt(params.position);
  // Sparklines are drawn when an item is resolved (one curve), not for every item of the list.
  let entries = completionsAt(analysis, document.getText(), offset, await hostFor(session, document.uri), { documentation: false });
  if (params.context?.triggerKind === CompletionTriggerKind.TriggerCharacter) {
    entries = entries.filter((entry) => entry.kind !== 'key' && entry.atKey !== true);
  }
  if (entries.length === 0) return null;
  const lines = analysis.parsed.lines;
  const items = entries.map((entry): CompletionItem => ({
    label: entry.label,
    kind: ITEM_KINDS[entry.kind],
    detail: entry.detail,
    documentation: { kind: 'markdown', value: entry.documentation },
    sortText: entry.sortText,
    filterText: entry.label,
    textEdit: { range: lines.rangeOf(entry.replace), newText: entry.insertText },
    insertTextFormat: entry.snippet ? InsertTextFormat.Snippet : InsertTextFormat.PlainText,
    ...(entry.additionalEdits
      ? { additionalTextEdits: entry.additionalEdits.map((e) => ({ range: lines.rangeOf(e.span), newText: e.newText })) }
      : {}),
    ...(entry.kind === 'scheduler' ? { data: { uri: document.uri, version: document.version, offset } satisfies ResolveData } : {}),
  }));
  return { isIncomplete: false, items };
}

/** What a scheduler item carries to its resolve request: where it was offered. */
interface ResolveData {
  uri: string;
  version: number;
  offset: number;
}

function isResolveData(data: unknown): data is ResolveData {
  const d = data as Partial<ResolveData> | null;
  return (
    typeof d === 'object' && d !== null && typeof d.uri === 'string' && Number.isSafeInteger(d.version) && Number.isSafeInteger(d.offset)
  );
}

/**
 * Beyond this length, a file whose scheduler value is being typed is not analyzed again with a name written in (a second
 * full analysis per completion request): its items come without sparklines until the value is there.
 */
const MAX_VARIANT_LENGTH = 256 * 1024;

/** The registry's vocabularies, and the plan of a variant text of this document (same file name and settings). */
async function hostFor(session: LensSession, uri: string): Promise<CompletionHost> {
  const settings = await session.settingsOf(uri);
  return {
    ...REGISTRY_COMPLETION_HOST,
    planOf: (variant, index) =>
      variant.length > MAX_VARIANT_LENGTH
        ? undefined
        : analyzeConfig(variant, fileNameOf(uri), settings).documents.find((d) => d.documentIndex === index)?.plan,
  };
}

/** A scheduler item's documentation with its sparkline (the curve that name gives under this file's plan). */
export async function resolveCompletion(session: LensSession, item: CompletionItem, token: CancellationToken): Promise<CompletionItem> {
  const data: unknown = item.data;
  if (!isResolveData(data)) return item;
  const document = session.documents.get(data.uri);
  // The document changed since the list was made: the item keeps what it has.
  if (!document || document.version !== data.version) return item;
  const analysis = await session.analysisOf(document, token);
  const [entry] = completionsAt(analysis, document.getText(), data.offset, await hostFor(session, document.uri), { only: item.label });
  return entry ? { ...item, documentation: { kind: 'markdown', value: entry.documentation } } : item;
}

/** The figures derived from values (warmup steps, epoch length, LR after milestones, sweep budget); off with `lrLens.inlayHints`. */
export async function inlayHints(session: LensSession, params: InlayHintParams, token: CancellationToken): Promise<InlayHint[] | null> {
  const document = session.documents.get(params.textDocument.uri);
  if (!document) return null;
  const analysis = await session.analysisOf(document, token);
  if (!session.presentationOf(document.uri).inlayHints || analysis.documents.length === 0) return [];
  const range = { start: document.offsetAt(params.range.start), end: document.offsetAt(params.range.end) };
  const settings = await session.settingsOf(document.uri);
  const lines = analysis.parsed.lines;
  return inlayHintsOf(analysis, document.getText(), settings, range).map((hint) => ({
    position: lines.positionAt(hint.offset),
    label: hint.label,
    tooltip: hint.tooltip,
    paddingLeft: true,
  }));
}

/** From a Hydra `defaults:` item, a `_BASE_` or an interpolation `${a.b}` to the file or key it names. */
export async function definition(session: LensSession, params: DefinitionParams, token: CancellationToken): Promise<LocationLink[] | null> {
  const document = session.documents.get(params.textDocument.uri);
  if (!document) return null;
  const analysis = await session.analysisOf(document, token);
  const documents = recognizedDocuments(analysis);
  if (documents.length === 0) return null;
  const settings = await session.settingsOf(document.uri);
  const fileName = fileNameOf(document.uri);
  const found = definitionAt(documents, document.getText(), fileName, document.offsetAt(params.position), settings.readFile);
  if (!found) return null;
  const { target } = found;
  // A span in this file is read from this text; in another file, from that file's text (through the same reader).
  const targetText = target.fileName === fileName ? document.getText() : settings.readFile?.(target.fileName);
  const targetRange =
    target.span && targetText !== undefined
      ? new LineIndex(targetText).rangeOf(target.span)
      : { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
  return [
    {
      originSelectionRange: analysis.parsed.lines.rangeOf(found.origin),
      targetUri: session.uriOfFile(target.fileName),
      targetRange,
      targetSelectionRange: targetRange,
    },
  ];
}

/** Links on Hydra `defaults:` items and `_BASE_` to the files they compose (only files that can be read). */
export async function documentLinks(
  session: LensSession,
  params: DocumentLinkParams,
  token: CancellationToken,
): Promise<DocumentLink[] | null> {
  const document = session.documents.get(params.textDocument.uri);
  if (!document) return null;
  const analysis = await session.analysisOf(document, token);
  const documents = recognizedDocuments(analysis);
  const settings = await session.settingsOf(document.uri);
  if (documents.length === 0 || !settings.readFile) return [];
  return fileLinksOf(documents, fileNameOf(document.uri), settings.readFile).map((link) => ({
    range: analysis.parsed.lines.rangeOf(link.span),
    target: session.uriOfFile(link.target),
    tooltip: link.tooltip,
  }));
}
