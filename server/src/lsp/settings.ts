import * as z from '../plan/zod';
import type { LensSettings } from '../analysis/analyzeConfig';

const SeveritySchema = z.enum(['error', 'warning', 'information', 'hint', 'off']);

/** The `lrLens` settings section as the client sends it; anything malformed falls back to defaults. */
const ClientSettingsSchema = z.looseObject({
  stepsPerEpoch: z.catch(z.optional(z.nullable(z.number().check(z.int(), z.positive()))), undefined),
  maxFileSizeMB: z.catch(z.optional(z.number().check(z.positive())), undefined),
  rules: z.catch(z.optional(z.record(z.string(), z.catch(SeveritySchema, 'warning'))), undefined),
  sparkline: z.catch(z.optional(z.boolean()), undefined),
  inlayHints: z.catch(z.optional(z.boolean()), undefined),
  dialects: z.catch(z.optional(z.record(z.string(), z.string())), undefined),
  budgetThreshold: z.catch(z.optional(z.number().check(z.int(), z.positive())), undefined),
});

export const DEFAULT_SETTINGS: LensSettings = Object.freeze({});

export function toLensSettings(raw: unknown): LensSettings {
  const parsed = ClientSettingsSchema.safeParse(raw ?? {});
  if (!parsed.success) return DEFAULT_SETTINGS;
  const settings: LensSettings = {};
  if (parsed.data.stepsPerEpoch) settings.stepsPerEpoch = parsed.data.stepsPerEpoch;
  if (parsed.data.rules) settings.severities = parsed.data.rules;
  if (parsed.data.dialects && Object.keys(parsed.data.dialects).length) settings.dialectGlobs = parsed.data.dialects;
  if (parsed.data.budgetThreshold) settings.budgetThreshold = parsed.data.budgetThreshold;
  if (parsed.data.maxFileSizeMB) settings.maxFileSize = Math.round(parsed.data.maxFileSizeMB * 1024 * 1024);
  return settings;
}

/** Settings that change how results are shown, not what is found. */
export interface PresentationSettings {
  /** A Unicode sparkline in the CodeLens summary (`lrLens.sparkline`, default on). */
  sparkline: boolean;
  /** Inlay hints with derived figures (`lrLens.inlayHints`, default on). */
  inlayHints: boolean;
}

export const DEFAULT_PRESENTATION: PresentationSettings = Object.freeze({ sparkline: true, inlayHints: true });

export function toPresentationSettings(raw: unknown): PresentationSettings {
  const parsed = ClientSettingsSchema.safeParse(raw ?? {});
  if (!parsed.success) return DEFAULT_PRESENTATION;
  return { sparkline: parsed.data.sparkline !== false, inlayHints: parsed.data.inlayHints !== false };
}
