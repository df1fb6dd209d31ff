import * as z from '../plan/zod';
import type { LensSettings } from '../analysis/analyzeConfig';

const SeveritySchema = z.enum(['error', 'warning', 'information', 'hint', 'off']);

/**
 * `schema`'s value, or `fallback` when the value does not pass: what `z.catch(schema, fallback)` gives. Written as a
 * transform because zod/mini's `catch` reaches zod's internal `util` namespace through two namespace levels, which
 * esbuild cannot tree-shake: that one call kept about 10 KB of zod in the language server bundle.
 */
function orElse<T extends z.ZodMiniType, F>(schema: T, fallback: F) {
  return z.pipe(
    z.unknown(),
    z.transform((value): z.output<T> | F => {
      const parsed = schema.safeParse(value);
      return parsed.success ? parsed.data : fallback;
    }),
  );
}

/** An optional setting that is undefined when malformed (a key may be missing, unlike a bare transform's). */
const setting = <T extends z.ZodMiniType>(schema: T) => z.optional(orElse(schema, undefined));

/** The `lrLens` settings section as the client sends it; anything malformed falls back to defaults. */
const ClientSettingsSchema = z.looseObject({
  stepsPerEpoch: setting(z.nullable(z.number().check(z.int(), z.positive()))),
  maxFileSizeMB: setting(z.number().check(z.positive())),
  rules: setting(z.record(z.string(), orElse(SeveritySchema, 'warning' as const))),
  sparkline: setting(z.boolean()),
  inlayHints: setting(z.boolean()),
  dialects: setting(z.record(z.string(), z.string())),
  budgetThreshold: setting(z.number().check(z.int(), z.positive())),
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
