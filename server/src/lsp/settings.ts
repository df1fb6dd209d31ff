import { z } from 'zod';
import type { LensSettings } from '../analysis/analyzeConfig';

const SeveritySchema = z.enum(['error', 'warning', 'information', 'hint', 'off']);

/** The `lrLens` settings section as the client sends it; anything malformed falls back to defaults. */
const ClientSettingsSchema = z
  .object({
    stepsPerEpoch: z.number().int().positive().nullable().optional().catch(undefined),
    rules: z.record(z.string(), SeveritySchema.catch('warning')).optional().catch(undefined),
  })
  .passthrough();

export const DEFAULT_SETTINGS: LensSettings = Object.freeze({});

export function toLensSettings(raw: unknown): LensSettings {
  const parsed = ClientSettingsSchema.safeParse(raw ?? {});
  if (!parsed.success) return DEFAULT_SETTINGS;
  const settings: LensSettings = {};
  if (parsed.data.stepsPerEpoch) settings.stepsPerEpoch = parsed.data.stepsPerEpoch;
  if (parsed.data.rules) settings.severities = parsed.data.rules;
  return settings;
}
