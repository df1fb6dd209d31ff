import * as z from '../plan/zod';
import { toNumber } from './numbers';

/**
 * Lists of numbers as users write them: YAML lists (`[0.9, 0.95]`, block lists), Python tuples written as
 * strings that the framework `eval`s (`'(0.9, 0.98)'`, detectron2's `(210000, 250000)`), or a lone number.
 * Returns the input unchanged when it is none of these, so a schema can report it.
 */
export function toNumberList(value: unknown): unknown {
  if (Array.isArray(value)) {
    const numbers = value.map(toNumber);
    return numbers.every((n) => typeof n === 'number') ? numbers : value;
  }
  if (typeof value === 'number') return [value];
  if (typeof value !== 'string') return value;
  // `(`, the body, an optional trailing comma, `)` (either bracket kind), spaces anywhere between: read by slicing,
  // not by a regular expression (overlapping `\s*` groups backtracked for minutes on `(` + 600 spaces).
  const text = value.trim();
  if (text.length < 2 || !'(['.includes(text.charAt(0)) || !')]'.includes(text.charAt(text.length - 1))) return value;
  let body = text.slice(1, -1).trim();
  if (body.endsWith(',')) body = body.slice(0, -1).trimEnd();
  if (body === '') return [];
  const numbers = body.split(',').map((part) => toNumber(part.trim()));
  return numbers.every((n) => typeof n === 'number') ? numbers : value;
}

/** Adam (beta1, beta2) in any of the spellings above. */
export const betasSetting = (what = 'must be two numbers in [0, 1), e.g. [0.9, 0.999]') => {
  const unit = z.number({ error: what }).check(z.gte(0, { error: what }), z.lt(1, { error: what }));
  return z.pipe(z.transform(toNumberList), z.tuple([unit, unit], { error: what }));
};

export const numberListSetting = (what = 'must be a list of numbers') =>
  z.pipe(z.transform(toNumberList), z.array(z.number({ error: what }), { error: what }));
