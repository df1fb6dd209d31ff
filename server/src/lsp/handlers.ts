import type { CancellationToken, CodeAction, CodeActionParams, CodeLens, CodeLensParams, Hover, HoverParams } from 'vscode-languageserver';
import { describeCurve } from '../analysis/curveDescription';
import { fixPreviewsAt } from '../analysis/fixPreview';
import { hoverAt } from '../analysis/hover';
import { offeredFixes } from '../analysis/offeredFixes';
import { DIAGNOSTIC_SOURCE, findingOf, toCodeAction } from './conversions';
import { fileNameOf } from './documentAnalyses';
import { fixAllAction, wantsFixAll } from './fixAllAction';
import {
  EVERY_STEP_REPLY_LIMIT,
  MAX_CURVE_POINTS,
  MAX_PREVIEW_POINTS,
  type CurveParams,
  type CurveResponse,
  type FixPreviewsParams,
  type FixPreviewsResponse,
} from './protocol';
import type { LensSession } from './session';

/** The client command the "Preview" lens runs (VS Code's `lrLens.showCurve`; other editors map it or ignore it). */
export const SHOW_CURVE_COMMAND = 'lrLens.showCurve';

/** A points count from a request: an integer from 2 to `max`, else `fallback`. */
function pointsOf(value: unknown, max: number, fallback = 200): number {
  return typeof value === 'number' && Number.isInteger(value) && value > 1 ? Math.min(value, max) : fallback;
}

const isPosition = (value: unknown): value is { line: number; character: number } =>
  typeof value === 'object' &&
  value !== null &&
  Number.isSafeInteger((value as { line?: unknown }).line) &&
  Number.isSafeInteger((value as { character?: unknown }).character);

const uriOf = (params: unknown): string | undefined => {
  const uri = (params as { uri?: unknown } | null | undefined)?.uri;
  return typeof uri === 'string' ? uri : undefined;
};

/** Quick fixes of LR Lens's diagnostics (each found by its `data.index`), or the fix-all source action. */
export async function codeActions(session: LensSession, params: CodeActionParams, token: CancellationToken): Promise<CodeAction[]> {
  const document = session.documents.get(params.textDocument.uri);
  if (!document) return [];
  if (wantsFixAll(params.context.only) && !params.context.only?.includes('quickfix')) {
    const action = fixAllAction(await session.analysisOf(document), document.uri, session.editVersion(document));
    return action ? [action] : [];
  }
  const ours = params.context.diagnostics.filter((d) => d.source === DIAGNOSTIC_SOURCE);
  if (ours.length === 0) return [];
  const analysis = await session.analysisOf(document, token);
  return ours.flatMap((diagnostic) => {
    const finding = findingOf(analysis, diagnostic);
    if (!finding) return [];
    return offeredFixes(analysis, finding).map((fix) =>
      toCodeAction(fix, diagnostic, document.uri, session.editVersion(document), analysis.parsed.lines),
    );
  });
}

export async function hover(session: LensSession, params: HoverParams, token: CancellationToken): Promise<Hover | null> {
  const document = session.documents.get(params.textDocument.uri);
  if (!document || !isPosition(params.position)) return null;
  const analysis = await session.analysisOf(document, token);
  const found = hoverAt(analysis, document.offsetAt(params.position));
  return found && { contents: { kind: 'markdown', value: found.markdown }, range: analysis.parsed.lines.rangeOf(found.span) };
}

/** Two lenses per drawable plan: the summary (plain text: no command) and "Preview". */
export async function codeLenses(session: LensSession, params: CodeLensParams, token: CancellationToken): Promise<CodeLens[]> {
  const document = session.documents.get(params.textDocument.uri);
  if (!document) return [];
  const analysis = await session.analysisOf(document, token);
  return session.derived.lensesOf(analysis, session.presentationOf(document.uri).sparkline).flatMap((lens) => {
    const range = analysis.parsed.lines.rangeOf(lens.span);
    return [
      { range, command: { title: lens.title, command: '' } },
      { range, command: { title: 'Preview', command: SHOW_CURVE_COMMAND, arguments: [document.uri] } },
    ];
  });
}

/** `lrLens/curve`: the curve and the plan in words; every-step curves are capped and never cached. */
export async function curve(session: LensSession, params: CurveParams): Promise<CurveResponse | null> {
  const uri = uriOf(params);
  const document = uri === undefined ? undefined : session.documents.get(uri);
  if (!document) return null;
  const analysis = await session.analysisOf(document);
  const everyStep = params.everyStep === true;
  const options = { points: pointsOf(params.points, MAX_CURVE_POINTS), everyStep, everyStepLimit: EVERY_STEP_REPLY_LIMIT };
  const drawn = session.derived.curveOf(analysis, options);
  const reply = { uri: document.uri, version: document.version };
  if (!drawn) return { ...reply, dialect: analysis.documents[0]?.dialect.id ?? null, curve: null, description: [] };
  const { plan: _plan, ...rest } = drawn;
  const capped =
    everyStep && drawn.totalSteps > EVERY_STEP_REPLY_LIMIT ? { limit: EVERY_STEP_REPLY_LIMIT, totalSteps: drawn.totalSteps } : undefined;
  const notes = capped
    ? [
        `Every-step output is capped at ${capped.limit} points: this run has ${capped.totalSteps} steps, so the curve is sampled (peaks kept).`,
      ]
    : [];
  return {
    ...reply,
    dialect: drawn.dialect,
    curve: rest,
    description: describeCurve(drawn, notes),
    ...(capped ? { everyStepCapped: capped } : {}),
  };
}

/** `lrLens/fixPreviews`: the curve of each quick fix at the cursor (fixes that pass the edit check only). */
export async function fixPreviews(session: LensSession, params: FixPreviewsParams): Promise<FixPreviewsResponse | null> {
  const uri = uriOf(params);
  const document = uri === undefined ? undefined : session.documents.get(uri);
  if (!document || !isPosition(params.position)) return null;
  const analysis = await session.analysisOf(document);
  const settings = await session.settingsOf(document.uri);
  const offset = document.offsetAt(params.position);
  const previews = fixPreviewsAt(analysis, offset, fileNameOf(document.uri), settings, pointsOf(params.points, MAX_PREVIEW_POINTS));
  return { uri: document.uri, version: document.version, previews };
}
