/**
 * OmegaConf interpolation inside one file: `${a.b}`, relative `${.x}` / `${..x}`, string interpolation
 * (`run_${seed}`) and the mandatory-missing marker `???`. Custom resolvers (`${oc.env:HOME}`,
 * `${replace:...}`), references to keys the file does not hold and cycles resolve to UNKNOWN, so that
 * readers treat the value as "not known here" instead of raising a false finding.
 */
import { emptyRecord, isRecord, isUnsafeKey, ownValue } from './plainObjects';

/** A value that exists but cannot be known from this file alone. */
export const UNKNOWN: unique symbol = Symbol('unknown');
export type Unknown = typeof UNKNOWN;

const WHOLE = /^\$\{([^${}]+)\}$/;
const PART = /\$\{([^${}]+)\}/;
const RESOLVER = /^[A-Za-z_][\w.-]*:/;
const MAX_DEPTH = 32;
/** Values visited at most while resolving: keeps interpolation bombs (`b: [${a}, ${a}]`, `c: [${b}, ${b}]`, ...) cheap. */
const MAX_VISITS = 200_000;
/** Longest string one interpolation may build (`b: ${a}${a}...`); longer values are UNKNOWN. */
export const MAX_INTERPOLATED_LENGTH = 64 * 1024;
/** Characters all string interpolations of one tree may build together; past it, further ones are UNKNOWN. */
export const MAX_INTERPOLATED_TOTAL = 1024 * 1024;

type Path = readonly (string | number)[];

/** Where a value sits, as a chain to its parent: built for every value, turned into a Path only for an interpolation. */
interface At {
  readonly parent: At | null;
  readonly key: string | number;
}

function pathOf(at: At | null): Path {
  const path: (string | number)[] = [];
  for (let node = at; node; node = node.parent) path.push(node.key);
  return path.reverse();
}

function atOf(path: Path): At | null {
  let at: At | null = null;
  for (const key of path) at = { parent: at, key };
  return at;
}

function child(node: unknown, key: string): unknown {
  if (Array.isArray(node)) {
    const index = Number(key);
    return Number.isInteger(index) ? node[index] : undefined;
  }
  return ownValue(node, key);
}

export interface ResolvedTree {
  root: unknown;
  /** Some string interpolation would have built more than the limits allow: those values are UNKNOWN. */
  overLengthLimit: boolean;
}

/**
 * Resolves every interpolation of a plain config tree (as read from YAML) against the tree itself. Mappings of
 * the result have no prototype and no `__proto__`/`constructor`/`prototype` keys; a list with an unknown item
 * is unknown as a whole (a reader of `lr: ["${oc.env:LR}"]` cannot know the list).
 */
export function resolveInterpolations(root: unknown): unknown {
  return resolveInterpolationsOf(root).root;
}

export function resolveInterpolationsOf(root: unknown): ResolvedTree {
  const lookup = (path: Path): unknown => {
    let node = root;
    for (const key of path) {
      node = child(node, String(key));
      if (node === undefined) return undefined;
    }
    return node;
  };

  /** Path of the value an expression names, seen from the value at `at`. */
  const target = (expr: string, at: Path): Path | null => {
    const text = expr.trim();
    if (RESOLVER.test(text)) return null;
    const dots = /^\.*/.exec(text)?.[0].length ?? 0;
    const rest = text
      .slice(dots)
      .split('.')
      .filter((part) => part !== '');
    if (dots === 0) return rest;
    const base = at.slice(0, at.length - dots);
    if (at.length - dots < 0) return null;
    return [...base, ...rest];
  };

  const resolveExpr = (expr: string, at: At | null, depth: number): unknown => {
    const path = target(expr, pathOf(at));
    if (!path) return UNKNOWN;
    const value = lookup(path);
    if (value === undefined) return UNKNOWN;
    // A value that refers back to itself (`a: [${..a}]`) is a cycle, which OmegaConf rejects: unknown at once,
    // instead of spending the visit budget of the whole file on it.
    const key = path.join('\u0000');
    if (resolving.has(key)) return UNKNOWN;
    resolving.add(key);
    try {
      return resolve(value, atOf(path), depth + 1);
    } finally {
      resolving.delete(key);
    }
  };
  const resolving = new Set<string>();

  let visits = 0;
  let built = 0;
  let overLengthLimit = false;
  /** `run_${seed}`: the parts joined, or UNKNOWN when one is unknown or the text would pass the length limits. */
  const interpolateString = (value: string, at: At | null, depth: number): unknown => {
    const pieces: string[] = [];
    let length = 0;
    let last = 0;
    const parts = new RegExp(PART.source, 'g');
    for (let match = parts.exec(value); match; match = parts.exec(value)) {
      const start = match.index;
      const end = parts.lastIndex;
      const part = resolveExpr(match[1] ?? '', at, depth);
      if (part === UNKNOWN || (part !== null && typeof part === 'object')) return UNKNOWN;
      const text = String(part);
      length += start - last + text.length;
      if (length > MAX_INTERPOLATED_LENGTH || built + length > MAX_INTERPOLATED_TOTAL) {
        overLengthLimit = true;
        return UNKNOWN;
      }
      pieces.push(value.slice(last, start), text);
      last = end;
    }
    if (last === 0) return value;
    length += value.length - last;
    if (length > MAX_INTERPOLATED_LENGTH || built + length > MAX_INTERPOLATED_TOTAL) {
      overLengthLimit = true;
      return UNKNOWN;
    }
    pieces.push(value.slice(last));
    built += length;
    return pieces.join('');
  };

  const resolve = (value: unknown, at: At | null, depth: number): unknown => {
    if (depth > MAX_DEPTH || ++visits > MAX_VISITS) return UNKNOWN;
    if (typeof value === 'string') {
      // Most strings hold neither `???` nor `${`: no trimming, no regular expression.
      if (!value.includes('${')) return value.includes('???') && value.trim() === '???' ? UNKNOWN : value;
      const whole = WHOLE.exec(value.trim());
      if (whole) return resolveExpr(whole[1] ?? '', at, depth);
      return interpolateString(value, at, depth);
    }
    if (Array.isArray(value)) {
      const items = value.map((item, i) => resolve(item, { parent: at, key: i }, depth));
      return items.includes(UNKNOWN) ? UNKNOWN : items;
    }
    if (isRecord(value)) {
      const out = emptyRecord();
      for (const [key, item] of Object.entries(value)) if (!isUnsafeKey(key)) out[key] = resolve(item, { parent: at, key }, depth);
      return out;
    }
    return value;
  };

  const resolved = resolve(root, null, 0);
  return { root: resolved, overLengthLimit };
}
