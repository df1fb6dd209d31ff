/**
 * Hydra's override grammar as sweepers read it: `a,b,c`, `choice(..)`, `range(start, stop, step=..)`,
 * `interval(a, b)`, `int(..)`, `tag(log, ..)`, `shuffle(..)`, `glob(..)`. Only what a sweep plan needs: the
 * kind of the value, its listed values, bounds and step.
 */
import { toNumber } from './numbers';

export interface OverrideSweep {
  kind: 'fixed' | 'choice' | 'range' | 'distribution';
  values?: unknown[];
  min?: number;
  max?: number;
  step?: number;
  /** `log` under `tag(log, ..)`, `int` under `int(..)`, `glob` for config-group globs. */
  distribution?: string;
}

/** Split on commas outside quotes, brackets and parentheses. */
export function splitTopLevel(text: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let quote: string | null = null;
  let current = '';
  for (const ch of text) {
    if (quote) {
      if (ch === quote) quote = null;
    } else if (ch === '"' || ch === "'") quote = ch;
    else if ('([{'.includes(ch)) depth++;
    else if (')]}'.includes(ch)) depth--;
    else if (ch === ',' && depth === 0) {
      parts.push(current.trim());
      current = '';
      continue;
    }
    current += ch;
  }
  parts.push(current.trim());
  return parts;
}

/** A primitive as Hydra reads it: numbers, booleans, null, quoted or plain strings. */
function primitive(text: string): unknown {
  const t = text.trim();
  const quoted = t.match(/^(['"])(.*)\1$/s);
  if (quoted) return quoted[2];
  if (/^(true|false)$/i.test(t)) return t.toLowerCase() === 'true';
  if (/^null$/i.test(t)) return null;
  const n = toNumber(t);
  return typeof n === 'number' ? n : t;
}

/** `name(args)` → [name, args], when the whole text is one call. */
function call(text: string): [string, string] | null {
  const m = text.trim().match(/^([A-Za-z_]\w*)\((.*)\)$/s);
  if (!m) return null;
  // `f(a)+g(b)` is not one call: the opening parenthesis must close at the end.
  let depth = 0;
  const [, name = '', body = ''] = m;
  for (const ch of body) {
    if (ch === '(') depth++;
    else if (ch === ')' && --depth < 0) return null;
  }
  return [name, body];
}

function args(body: string): { positional: string[]; named: Record<string, string> } {
  const positional: string[] = [];
  const named: Record<string, string> = {};
  for (const part of splitTopLevel(body)) {
    const kw = part.match(/^([A-Za-z_]\w*)\s*=\s*(.*)$/s);
    if (kw) {
      const [, keyword = '', argument = ''] = kw;
      named[keyword] = argument;
    } else if (part !== '') positional.push(part);
  }
  return { positional, named };
}

const asNumber = (text: string | undefined): number | undefined => {
  if (text === undefined) return undefined;
  const n = primitive(text);
  return typeof n === 'number' && Number.isFinite(n) ? n : undefined;
};

/**
 * Calls nested deeper than this (`int(int(int(...)))`) are read as a fixed text: real overrides nest two or three
 * deep, and each level reads the whole text again (10,000 levels overflowed the stack).
 */
export const MAX_OVERRIDE_DEPTH = 16;

/** Read one sweep value (`hydra.sweeper.params.<name>`), as written in YAML. */
export function readOverride(value: unknown, depth = 0): OverrideSweep {
  if (typeof value !== 'string') return { kind: 'fixed', values: [value] };
  const text = value.trim();
  const fn = depth < MAX_OVERRIDE_DEPTH ? call(text) : null;
  if (fn) {
    const [name, body] = fn;
    const { positional, named } = args(body);
    switch (name) {
      case 'choice':
        return { kind: 'choice', values: positional.map(primitive) };
      case 'range': {
        const start = asNumber(positional[0] ?? named.start);
        const stop = asNumber(positional[1] ?? named.stop);
        const step = asNumber(positional[2] ?? named.step) ?? 1;
        // `range(n)` is range(0, n).
        const [min, max] = stop === undefined ? [0, start] : [start, stop];
        return { kind: 'range', ...(min !== undefined ? { min } : {}), ...(max !== undefined ? { max } : {}), step };
      }
      case 'interval': {
        const min = asNumber(positional[0] ?? named.start);
        const max = asNumber(positional[1] ?? named.end);
        return {
          kind: 'distribution',
          ...(min !== undefined ? { min } : {}),
          ...(max !== undefined ? { max } : {}),
          distribution: 'uniform',
        };
      }
      case 'tag': {
        // tag(log, inner) / tag(inner, log): the tags are the plain words, the sweep the call.
        const inner = positional.find((p) => call(p) !== null) ?? positional.at(-1) ?? '';
        const tags = positional.filter((p) => p !== inner);
        const read = readOverride(inner, depth + 1);
        return tags.includes('log') ? { ...read, distribution: 'log' } : read;
      }
      case 'int':
      case 'float':
      case 'str':
      case 'bool':
      case 'shuffle':
      case 'sort': {
        const read = readOverride(positional[0] ?? '', depth + 1);
        return name === 'int' && read.kind === 'distribution' ? { ...read, distribution: 'int' } : read;
      }
      case 'glob':
        return { kind: 'choice', distribution: 'glob' };
      default:
        return { kind: 'fixed', values: [text] };
    }
  }
  const parts = splitTopLevel(text);
  if (parts.length > 1) return { kind: 'choice', values: parts.map(primitive) };
  return { kind: 'fixed', values: [primitive(text)] };
}

/** The values of a stepped range, stop excluded (Hydra's basic sweeper; Optuna's grid sampler), when few enough to list. */
export function rangeValues(min: number, max: number, step: number, limit = 10_000): number[] | null {
  if (!(step > 0) || max < min) return step > 0 ? [] : null;
  const count = Math.ceil((max - min) / step - 1e-9);
  if (count > limit) return null;
  return Array.from({ length: count }, (_, i) => +(min + i * step).toPrecision(12));
}
