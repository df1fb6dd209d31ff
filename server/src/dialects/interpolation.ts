/**
 * OmegaConf interpolation inside one file: `${a.b}`, relative `${.x}` / `${..x}`, string interpolation
 * (`run_${seed}`) and the mandatory-missing marker `???`. Custom resolvers (`${oc.env:HOME}`,
 * `${replace:...}`), references to keys the file does not hold and cycles resolve to UNKNOWN, so that
 * readers treat the value as "not known here" instead of raising a false finding.
 */

/** A value that exists but cannot be known from this file alone. */
export const UNKNOWN: unique symbol = Symbol('unknown');
export type Unknown = typeof UNKNOWN;

const WHOLE = /^\$\{([^${}]+)\}$/;
const PART = /\$\{([^${}]+)\}/g;
const RESOLVER = /^[A-Za-z_][\w.-]*:/;
const MAX_DEPTH = 32;
/** Values visited at most while resolving: keeps interpolation bombs (`b: [${a}, ${a}]`, `c: [${b}, ${b}]`, ...) cheap. */
const MAX_VISITS = 200_000;

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
  if (node && typeof node === 'object') return (node as Record<string, unknown>)[key];
  return undefined;
}

/** Resolves every interpolation of a plain config tree (as read from YAML) against the tree itself. */
export function resolveInterpolations(root: unknown): unknown {
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
    const rest = text.slice(dots).split('.').filter((part) => part !== '');
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
    return resolve(value, atOf(path), depth + 1);
  };

  let visits = 0;
  const resolve = (value: unknown, at: At | null, depth: number): unknown => {
    if (depth > MAX_DEPTH || ++visits > MAX_VISITS) return UNKNOWN;
    if (typeof value === 'string') {
      // Most strings hold neither `???` nor `${`: no trimming, no regular expression.
      if (!value.includes('${')) return value.includes('???') && value.trim() === '???' ? UNKNOWN : value;
      const whole = WHOLE.exec(value.trim());
      if (whole) return resolveExpr(whole[1]!, at, depth);
      let unknown = false;
      const text = value.replace(PART, (_match, expr: string) => {
        const part = resolveExpr(expr, at, depth);
        if (part === UNKNOWN || (part !== null && typeof part === 'object')) unknown = true;
        return String(part);
      });
      return unknown ? UNKNOWN : text;
    }
    if (Array.isArray(value)) return value.map((item, i) => resolve(item, { parent: at, key: i }, depth));
    if (value && typeof value === 'object') {
      const out: Record<string, unknown> = {};
      for (const [key, item] of Object.entries(value)) out[key] = resolve(item, { parent: at, key }, depth);
      return out;
    }
    return value;
  };

  return resolve(root, null, 0);
}
