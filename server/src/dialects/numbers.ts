import * as z from '../plan/zod';

/**
 * Numbers as users write them: YAML numbers, and numeric strings such as '1e-4' or `3e-4` under a YAML 1.1
 * loader, which the config loaders of these frameworks (OmegaConf, argparse defaults, pydantic) turn back
 * into floats.
 */
export function toNumber(value: unknown): unknown {
  if (typeof value !== 'string') return value;
  const trimmed = value.trim().replace(/_/g, '');
  if (!/^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/.test(trimmed)) return value;
  return Number(trimmed);
}

export const numberSetting = (what = 'must be a number') =>
  z.pipe(z.transform(toNumber), z.number({ error: what }).check(z.refine(Number.isFinite, { error: what })));

export const integerSetting = (what = 'must be a whole number') =>
  z.pipe(z.transform(toNumber), z.number({ error: what }).check(z.int({ error: what })));
