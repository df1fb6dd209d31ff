import * as z from '../plan/zod';

const isDigit = (code: number) => code >= 48 && code <= 57;

/**
 * Where a decimal literal `[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?` that starts at `start` ends, or -1 when none
 * starts there. One left-to-right pass (no regular expression), so a 100,000-digit value costs 100,000 steps.
 */
export function decimalLiteralEnd(text: string, start = 0): number {
  let i = start;
  const code = (at: number) => text.charCodeAt(at);
  if (text[i] === '-' || text[i] === '+') i++;
  const intStart = i;
  while (isDigit(code(i))) i++;
  const intDigits = i - intStart;
  if (text[i] === '.') {
    const fracStart = ++i;
    while (isDigit(code(i))) i++;
    if (intDigits === 0 && i === fracStart) return -1;
  } else if (intDigits === 0) return -1;
  if (text[i] === 'e' || text[i] === 'E') {
    let j = i + 1;
    if (text[j] === '-' || text[j] === '+') j++;
    const expStart = j;
    while (isDigit(code(j))) j++;
    if (j > expStart) i = j;
  }
  return i;
}

/**
 * Numbers as users write them: YAML numbers, and numeric strings such as '1e-4' or `3e-4` under a YAML 1.1
 * loader, which the config loaders of these frameworks (OmegaConf, argparse defaults, pydantic) turn back
 * into floats.
 */
export function toNumber(value: unknown): unknown {
  if (typeof value !== 'string') return value;
  const trimmed = value.trim().replace(/_/g, '');
  if (trimmed === '' || decimalLiteralEnd(trimmed) !== trimmed.length) return value;
  return Number(trimmed);
}

export const numberSetting = (what = 'must be a number') =>
  z.pipe(z.transform(toNumber), z.number({ error: what }).check(z.refine(Number.isFinite, { error: what })));

export const integerSetting = (what = 'must be a whole number') =>
  z.pipe(z.transform(toNumber), z.number({ error: what }).check(z.int({ error: what })));
