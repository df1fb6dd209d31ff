/**
 * Config trees built from user files (merged Hydra groups, `_BASE_` chains, resolved interpolations) are
 * null-prototype objects without the keys that reach a prototype: a `__proto__: {maxFileSize: 1}` in a composed
 * file must not become a property of every object in the process, and `constructor` must not read as a
 * function that is not in the file.
 */
const UNSAFE_KEYS: ReadonlySet<string> = new Set(['__proto__', 'constructor', 'prototype']);

export function isUnsafeKey(key: string): boolean {
  return UNSAFE_KEYS.has(key);
}

/**
 * The prototype of every config mapping: frozen, with nothing but a conversion to text, so a mapping that reaches
 * `String(...)` or a template (a value where a name was expected) reads as "[object Object]" instead of throwing as a
 * prototype-less object would. Nothing can be added to it, and `ownValue` never reads it.
 */
const MAPPING_PROTOTYPE: object = Object.freeze(
  Object.create(null, {
    toString: { value: () => '[object Object]' },
    [Symbol.toPrimitive]: { value: () => '[object Object]' },
  }) as object,
);

/** A fresh mapping whose prototype holds no config key (see MAPPING_PROTOTYPE). */
export function emptyRecord(): Record<string, unknown> {
  return Object.create(MAPPING_PROTOTYPE) as Record<string, unknown>;
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/** A mapping's own value at a key (never one inherited from a prototype). */
export function ownValue(node: unknown, key: string): unknown {
  return isRecord(node) && !isUnsafeKey(key) && Object.hasOwn(node, key) ? node[key] : undefined;
}

/** A deep copy of a plain value: mappings without prototype and without unsafe keys; other values as they are. */
export function safeCopy(value: unknown, depth = 0): unknown {
  if (depth > MAX_COPY_DEPTH) return undefined;
  if (Array.isArray(value)) return value.map((item) => safeCopy(item, depth + 1));
  if (value instanceof Date) return value;
  if (isRecord(value)) {
    const out = emptyRecord();
    for (const [key, item] of Object.entries(value)) if (!isUnsafeKey(key)) out[key] = safeCopy(item, depth + 1);
    return out;
  }
  return value;
}

/** Deeper than any config (plainValue stops at 64 levels); a guard against a hostile tree, not a format limit. */
const MAX_COPY_DEPTH = 256;
