// The messages between the curve page and the extension host, checked by hand-written type guards: a schema library
// here would cost about 20 KB in each of the client and page bundles for a handful of fixed shapes. The guards accept
// exactly what the former zod schemas accepted (strict objects reject unknown keys, numbers must be finite, string
// lengths count code points), and like zod they return a fresh value holding only the known keys.
import type { CurveResponse, FixPreview } from '../../server/src/lsp/protocol';

/** Caps on what the page may send: an export is a chart, not an arbitrary blob. */
const MAX_EXPORT_CHARS = 8_000_000;
const PNG_DATA_URL = /^data:image\/png;base64,[A-Za-z0-9+/=]+$/;

/** Messages from the page to the extension host: validated with parsePageMessage before use. */
export type PageMessage =
  { type: 'ready' } | { type: 'export'; format: 'svg' | 'png'; content: string } | { type: 'export'; format: 'csv' };

/** Messages from the extension host to the page. */
export interface HostMessage {
  type: 'curve';
  fileName: string;
  response: CurveResponse | null;
  /** Compare mode: the curves the fixes of the finding under the cursor would give. */
  previews?: FixPreview[];
}

interface Point {
  step: number;
  lr: number;
}

/** What the page draws from a host message: the parts of HostMessage it reads (the curve keeps every other key). */
export interface ValidHostMessage {
  type: 'curve';
  fileName: string;
  response: {
    uri: string;
    version: number;
    dialect: string | null;
    description: string[];
    curve: {
      [key: string]: unknown;
      dialect: string;
      dialectName: string;
      schedule: string;
      unit: string;
      totalSteps: number;
      validationDriven: boolean;
      points: Point[];
      markers: { step: number; kind: string; label: string }[];
      assumptions: string[];
      summary: { [key: string]: unknown; text: string };
    } | null;
  } | null;
  previews?: { title: string; points: Point[] }[];
}

type Fields = Record<string, unknown>;

const isObject = (value: unknown): value is Fields => typeof value === 'object' && value !== null && !Array.isArray(value);
const isString = (value: unknown): value is string => typeof value === 'string';
const isNumber = (value: unknown): value is number => typeof value === 'number' && Number.isFinite(value);
const isBoolean = (value: unknown): value is boolean => typeof value === 'boolean';
const isStringArray = (value: unknown): value is string[] => Array.isArray(value) && value.every(isString);

/** Only the given keys (a strict object): every key `for...in` sees must be one of them. */
function hasOnlyKeys(value: Fields, keys: readonly string[]): boolean {
  for (const key in value) if (!keys.includes(key)) return false;
  return true;
}

/** The length in Unicode code points (a surrogate pair is one), counted only when the UTF-16 length is over `max`. */
function fitsCodePoints(text: string, max: number): boolean {
  if (text.length <= max) return true;
  let count = 0;
  for (const _ of text) if (++count > max) return false;
  return true;
}

/** The page's message, or undefined when it is not one of the known shapes (the host never acts on it then). */
export function parsePageMessage(raw: unknown): PageMessage | undefined {
  if (!isObject(raw)) return undefined;
  if (raw.type === 'ready') return hasOnlyKeys(raw, ['type']) ? { type: 'ready' } : undefined;
  if (raw.type !== 'export') return undefined;
  const { format, content } = raw;
  if (format === 'csv') return hasOnlyKeys(raw, ['type', 'format']) ? { type: 'export', format } : undefined;
  if ((format !== 'svg' && format !== 'png') || !hasOnlyKeys(raw, ['type', 'format', 'content'])) return undefined;
  if (!isString(content) || !fitsCodePoints(content, MAX_EXPORT_CHARS)) return undefined;
  const valid = format === 'svg' ? content.startsWith('<svg ') : PNG_DATA_URL.test(content);
  return valid ? { type: 'export', format, content } : undefined;
}

function parsePoints(raw: unknown): Point[] | undefined {
  if (!Array.isArray(raw)) return undefined;
  const points: Point[] = [];
  for (const point of raw as unknown[]) {
    if (!isObject(point) || !isNumber(point.step) || !isNumber(point.lr)) return undefined;
    points.push({ step: point.step, lr: point.lr });
  }
  return points;
}

type Curve = NonNullable<NonNullable<ValidHostMessage['response']>['curve']>;

function parseCurve(raw: Fields): Curve | undefined {
  const { dialect, dialectName, schedule, unit, totalSteps, validationDriven, assumptions, summary } = raw;
  if (!isString(dialect) || !isString(dialectName) || !isString(schedule) || !isString(unit)) return undefined;
  if (!isNumber(totalSteps) || !isBoolean(validationDriven)) return undefined;
  const points = parsePoints(raw.points);
  if (!points || !Array.isArray(raw.markers)) return undefined;
  const markers: Curve['markers'] = [];
  for (const marker of raw.markers as unknown[]) {
    if (!isObject(marker) || !isNumber(marker.step) || !isString(marker.kind) || !isString(marker.label)) return undefined;
    markers.push({ step: marker.step, kind: marker.kind, label: marker.label });
  }
  if (!isStringArray(assumptions) || !isObject(summary) || !isString(summary.text)) return undefined;
  return {
    ...raw,
    dialect,
    dialectName,
    schedule,
    unit,
    totalSteps,
    validationDriven,
    points,
    markers,
    assumptions: [...assumptions],
    summary: { ...summary, text: summary.text },
  };
}

function parseResponse(raw: unknown): ValidHostMessage['response'] | undefined {
  if (raw === null) return null;
  if (!isObject(raw)) return undefined;
  const { uri, version, dialect, description } = raw;
  if (!isString(uri) || !isNumber(version) || !(dialect === null || isString(dialect)) || !isStringArray(description)) return undefined;
  let curve: Curve | null | undefined = null;
  if (raw.curve !== null) curve = isObject(raw.curve) ? parseCurve(raw.curve) : undefined;
  return curve === undefined ? undefined : { uri, version, dialect, description: [...description], curve };
}

/** The page validates what it is sent too: a malformed message is ignored (undefined), never rendered. */
export function parseHostMessage(raw: unknown): ValidHostMessage | undefined {
  if (!isObject(raw) || raw.type !== 'curve' || !isString(raw.fileName)) return undefined;
  const response = parseResponse(raw.response);
  if (response === undefined) return undefined;
  const message: ValidHostMessage = { type: 'curve', fileName: raw.fileName, response };
  if (raw.previews === undefined) return message;
  if (!Array.isArray(raw.previews)) return undefined;
  const previews: NonNullable<ValidHostMessage['previews']> = [];
  for (const preview of raw.previews as unknown[]) {
    if (!isObject(preview) || !isString(preview.title)) return undefined;
    const points = parsePoints(preview.points);
    if (!points) return undefined;
    previews.push({ title: preview.title, points });
  }
  return { ...message, previews };
}
