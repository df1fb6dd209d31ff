import { isMap, isScalar, isSeq, type Document, type YAMLMap } from 'yaml';
import type { Source } from '../plan/trainingPlan';
import { entriesOf, resolveNode, rootMap, plainValue, TOO_LARGE, type MapEntry } from '../parse/yamlAccess';
import { resolveInterpolationsOf, UNKNOWN } from './interpolation';
import { emptyRecord, ownValue } from './plainObjects';
import { composeDefaults, groupHolding, mergeComposition, originIn, type Composition } from './hydraDefaults';
import { spansWithOrigin } from './valueOrigin';
import { composeBase } from './baseChain';
import { applyMergeKeys, keysWithMerges, lookupWithMerges, MERGE_KEY } from './mergeKeys';

export interface ConfigTreeOptions {
  /** Resolve OmegaConf `${...}` interpolation and `???` (Hydra/OmegaConf loaders only). */
  interpolate: boolean;
  /** Follow a Hydra `defaults:` list into sibling group files (Hydra dialects; needs an injected reader). */
  compose?: { fileName: string; readFile?: ((path: string) => string | undefined) | undefined };
  /** Follow a detectron2 `_BASE_` chain (its files' values under this one's; needs an injected reader). */
  base?: { fileName: string; readFile?: ((path: string) => string | undefined) | undefined };
}

/**
 * A document read by dotted key paths (`optimizer.init_args.lr`), with where each value is written.
 * Values are plain JS values; with `interpolate`, interpolations are resolved and values that cannot be
 * known from the file are UNKNOWN.
 */
/** Root mappings as plain values, converted once per parsed document (every dialect's recognizer reads them). */
const plainRoots = new WeakMap<YAMLMap, { value: unknown; tooLarge: ReadonlySet<string> }>();

/**
 * The root mapping's plain value, shared by every tree of the document: never mutated (composition merges a
 * clone, interpolation builds a new tree, readers only read).
 */
function plainRootOf(document: Document, map: YAMLMap): { value: unknown; tooLarge: ReadonlySet<string> } {
  let root = plainRoots.get(map);
  if (!root) {
    const tooLarge = new Set<string>();
    // `<<` merge keys applied as PyYAML applies them (mergeKeys.ts).
    root = { value: applyMergeKeys(plainMapOf(document, map, { left: FALLBACK_BUDGET, tooLarge }, '')), tooLarge };
    plainRoots.set(map, root);
  }
  return root;
}

/** Conversions tried entry by entry after a mapping is over the per-value budget: bounds the work on a file of bombs. */
const FALLBACK_BUDGET = 64;

/**
 * A mapping as a plain value. When it is over the conversion budget as a whole (an alias bomb somewhere inside),
 * each entry is converted on its own, so only the values that are over it become UNKNOWN and the rest of the file
 * is still read.
 */
function plainMapOf(document: Document, map: YAMLMap, fallback: { left: number; tooLarge: Set<string> }, path: string): unknown {
  const whole = plainValue(document, map);
  if (whole !== undefined) return whole;
  if (--fallback.left < 0) {
    fallback.tooLarge.add(path);
    return UNKNOWN;
  }
  const out = emptyRecord();
  for (const pair of map.items) {
    const key = resolveNode(document, pair.key);
    if (!isScalar(key) || key.value === null || typeof key.value === 'object') continue;
    const name = String(key.value);
    if (name === '__proto__' || name === 'constructor' || name === 'prototype') continue;
    const value = resolveNode(document, pair.value);
    const at = path ? `${path}.${name}` : name;
    const plain = isMap(value) ? plainMapOf(document, value, fallback, at) : value === null ? null : plainValue(document, value);
    if (plain === undefined) fallback.tooLarge.add(at);
    out[name] = plain === undefined ? UNKNOWN : plain;
  }
  return out;
}

export class ConfigTree {
  readonly root: unknown;
  /** The Hydra config-group files merged into this tree, if any. */
  readonly composition: Composition | null;
  /** Some `${...}` would have built a string past the interpolation limits: those values are unknown. */
  readonly interpolationTooLong: boolean;
  /** Paths of values over the conversion budget (alias bombs): UNKNOWN in the tree, reported by `readSettings`. */
  readonly tooLarge: ReadonlySet<string>;
  private readonly entryCache = new Map<YAMLMap, Map<string, MapEntry>>();

  constructor(
    readonly document: Document,
    options: ConfigTreeOptions,
  ) {
    const map = rootMap(document);
    const root = map ? plainRootOf(document, map) : undefined;
    let plain = root?.value;
    this.tooLarge = root?.tooLarge ?? new Set();
    this.composition = options.compose
      ? composeDefaults(document, options.compose.fileName, options.compose.readFile)
      : options.base
        ? composeBase(document, options.base.fileName, options.base.readFile)
        : null;
    if (this.composition) plain = mergeComposition(plain, this.composition);
    const resolved = options.interpolate ? resolveInterpolationsOf(plain) : { root: plain, overLengthLimit: false };
    this.root = resolved.root;
    this.interpolationTooLong = resolved.overLengthLimit;
  }

  /** The resolved value at a path: undefined when absent, UNKNOWN when it cannot be known. */
  get(path: string): unknown {
    let node: unknown = this.root;
    for (const key of split(path)) {
      if (node === UNKNOWN) return UNKNOWN;
      if (Array.isArray(node)) node = node[Number(key)];
      else if (node && typeof node === 'object') node = ownValue(node, key);
      else return undefined;
      if (node === undefined) return undefined;
    }
    return node;
  }

  has(path: string): boolean {
    return this.get(path) !== undefined;
  }

  isUnknown(path: string): boolean {
    return this.get(path) === UNKNOWN;
  }

  /** A mapping's resolved keys (none when the value is not a mapping). */
  keys(path = ''): string[] {
    const node = path === '' ? this.root : this.get(path);
    return node && typeof node === 'object' && !Array.isArray(node) ? Object.keys(node) : [];
  }

  /** The YAML entry at a path (for spans), with its `value` replaced by the resolved value. */
  entry(path: string): MapEntry | undefined {
    // A group listed after `_self_` overrides what the file itself writes.
    if (this.composition && groupHolding(this.composition, path)?.afterSelf) return this.composedEntry(path);
    const keys = split(path);
    let map = rootMap(this.document);
    let found: MapEntry | undefined;
    for (const [i, key] of keys.entries()) {
      if (!map) return this.composedEntry(path);
      found = lookupWithMerges(this.document, map, key, (m) => this.entriesOfMap(m));
      if (!found) return this.composedEntry(path);
      if (i < keys.length - 1) {
        const next = resolveNode(this.document, found.valueNode);
        map = isMap(next) ? next : null;
      }
    }
    if (!found) return undefined;
    return { ...found, value: this.get(path) };
  }

  /**
   * Entries by path, for `readSettings`: absent keys and values that cannot be known here (UNKNOWN) are
   * left out, so they are neither validated nor reported.
   */
  entries(paths: readonly string[]): Map<string, MapEntry> {
    const out = new Map<string, MapEntry>();
    for (const path of paths) {
      const entry = this.entry(path);
      if (entry && this.tooLarge.has(path)) out.set(path, { ...entry, key: path, value: TOO_LARGE });
      else if (entry && entry.value !== UNKNOWN && !containsUnknown(entry.value)) out.set(path, { ...entry, key: path });
    }
    return out;
  }

  /**
   * A value a Hydra config group supplies: placed on the `- group: option` item that pulled it in (the file
   * holding it is named by `composedFrom`). Its spans are fresh objects registered with where the value is
   * written in that file (`valueOrigin`), so findings on them are also placed there.
   */
  private composedEntry(path: string): MapEntry | undefined {
    const group = this.composition ? groupHolding(this.composition, path) : undefined;
    if (!group || this.get(path) === undefined) return undefined;
    const origin = originIn(group, path);
    const spans = origin ? spansWithOrigin(group.keySpan, group.valueSpan, origin) : { keySpan: group.keySpan, valueSpan: group.valueSpan };
    return { key: path, pair: group.pair, keyNode: group.keyNode, valueNode: null, ...spans, value: this.get(path) };
  }

  /** The group file a value comes from, when a Hydra defaults list supplied it. */
  composedFrom(path: string): string | undefined {
    return this.composition ? groupHolding(this.composition, path)?.file : undefined;
  }

  /** Where a path is written, as a plan source. */
  source(path: string | undefined): Source | undefined {
    if (!path) return undefined;
    const entry = this.entry(path);
    return entry ? { path, key: entry.keySpan, value: entry.valueSpan } : undefined;
  }

  /** Length of a YAML sequence at the root, e.g. a Hydra `defaults:` list. */
  isSequence(path: string): boolean {
    const entry = this.entry(path);
    return entry ? isSeq(resolveNode(this.document, entry.valueNode)) : false;
  }

  private entriesOfMap(map: YAMLMap): Map<string, MapEntry> {
    let entries = this.entryCache.get(map);
    if (!entries) {
      entries = entriesOf(this.document, map);
      this.entryCache.set(map, entries);
    }
    return entries;
  }
}

/** Dotted paths already split (readers ask for the same few paths of every document); never mutated. */
const splitPaths = new Map<string, readonly string[]>();
const MAX_SPLIT_PATHS = 4096;

function split(path: string): readonly string[] {
  let keys = splitPaths.get(path);
  if (!keys) {
    keys = path === '' ? [] : path.split('.');
    if (splitPaths.size >= MAX_SPLIT_PATHS) splitPaths.clear();
    splitPaths.set(path, keys);
  }
  return keys;
}

function containsUnknown(value: unknown): boolean {
  if (value === UNKNOWN) return true;
  if (Array.isArray(value)) return value.some(containsUnknown);
  if (value && typeof value === 'object') return Object.values(value).some(containsUnknown);
  return false;
}

const NO_KEYS: ReadonlySet<string> = new Set();
/** Per root mapping (every dialect's recognizer asks), as `entriesOf` caches its entries. */
const topLevelKeySets = new WeakMap<YAMLMap, ReadonlySet<string>>();

/** The top-level keys of a document (for recognition), without building a tree. */
export function topLevelKeys(document: Document): ReadonlySet<string> {
  const map = rootMap(document);
  if (!map) return NO_KEYS;
  let keys = topLevelKeySets.get(map);
  if (!keys) {
    const entries = entriesOf(document, map);
    keys = new Set(entries.has(MERGE_KEY) ? keysWithMerges(document, map, (m) => entriesOf(document, m)) : entries.keys());
    topLevelKeySets.set(map, keys);
  }
  return keys;
}
