import { isAlias, isMap, isScalar, isSeq, type Document, type Node, type Pair, type Scalar, type YAMLMap } from 'yaml';
import type { Span } from './textSpan';

/** One `key: value` of a mapping, with where its key and value are written. */
export interface MapEntry {
  key: string;
  pair: Pair;
  keyNode: Scalar;
  /** The value node after alias resolution; null for `key:` with nothing after it. */
  valueNode: Node | null;
  keySpan: Span;
  /** Where the value is written; an empty span just after the key when there is no value. */
  valueSpan: Span;
  /** The value as a plain JS value (scalars as the YAML 1.2 core schema reads them). */
  value: unknown;
}

/** How many nodes a plain conversion may visit: keeps alias bombs (billion laughs) from exploding. */
export const PLAIN_VALUE_BUDGET = 10_000;

/** The value of an entry over PLAIN_VALUE_BUDGET, as `ConfigTree.entries` hands it to the setting reader. */
export const TOO_LARGE: unique symbol = Symbol('too large to read');

export function spanOf(node: Node): Span {
  const range = node.range ?? [0, 0, 0];
  return { start: range[0], end: range[1] };
}

export function resolveNode(document: Document, node: unknown): Node | null {
  let current = node;
  for (let hops = 0; hops < 100 && isAlias(current); hops++) {
    current = current.resolve(document) ?? null;
  }
  return (current as Node | null) ?? null;
}

/** How deep a plain conversion may nest (a deeper value is not read). */
const MAX_PLAIN_DEPTH = 64;

/**
 * Plain values of collections with no alias inside, by node, frozen: a parsed node is never changed (the
 * incremental parser only moves the ranges of the nodes it keeps), so an edit converts only the collections it
 * parsed anew. `size` is the count of nodes under it, `height` how deep it nests.
 */
const plainCollections = new WeakMap<Node, { value: unknown; size: number; height: number }>();

/**
 * Plain JS value of a node, resolving aliases; undefined when the aliases would expand it past
 * PLAIN_VALUE_BUDGET nodes (an alias bomb), or when it nests deeper than MAX_PLAIN_DEPTH. Nodes written out
 * count nothing against the budget (the text bounds them); nodes reached through an alias all count.
 * The value is shared with other readers of the same nodes: never to be mutated.
 */
export function plainValue(document: Document, node: Node | null): unknown {
  let budget = PLAIN_VALUE_BUDGET;
  let aliases = 0;
  let nodes = 0;
  let deepest = 0;
  const visit = (raw: unknown, depth: number, expanded: boolean): unknown => {
    if (depth > MAX_PLAIN_DEPTH) throw new RangeError('too deep');
    const throughAlias = expanded || isAlias(raw);
    if (isAlias(raw)) aliases++;
    if (throughAlias && --budget < 0) throw new RangeError('too large');
    nodes++;
    if (depth > deepest) deepest = depth;
    const current = resolveNode(document, raw);
    if (current === null) return null;
    if (isScalar(current)) return current.value;
    const cached = plainCollections.get(current);
    if (cached) {
      if (depth + cached.height > MAX_PLAIN_DEPTH) throw new RangeError('too deep');
      if (throughAlias && (budget -= cached.size - 1) < 0) throw new RangeError('too large');
      nodes += cached.size - 1;
      deepest = Math.max(deepest, depth + cached.height);
      return cached.value;
    }
    const [aliasesBefore, nodesBefore, deepestBefore] = [aliases, nodes, deepest];
    deepest = depth;
    let value: unknown;
    if (isMap(current)) {
      const out: Record<string, unknown> = {};
      for (const pair of current.items) {
        const key = resolveNode(document, pair.key);
        const name = isScalar(key) ? String(key.value) : String(visit(key, depth + 1, throughAlias));
        // `__proto__: {...}` would set the mapping's prototype; such keys are no config value of any framework here.
        if (name !== '__proto__' && name !== 'constructor' && name !== 'prototype') out[name] = visit(pair.value, depth + 1, throughAlias);
      }
      value = out;
    } else if (isSeq(current)) {
      value = current.items.map((item) => visit(item, depth + 1, throughAlias));
    } else {
      deepest = Math.max(deepest, deepestBefore);
      return undefined;
    }
    if (aliases === aliasesBefore) {
      plainCollections.set(current, { value: Object.freeze(value), size: nodes - nodesBefore + 1, height: deepest - depth });
    }
    deepest = Math.max(deepest, deepestBefore);
    return value;
  };
  try {
    return visit(node, 0, false);
  } catch {
    return undefined;
  }
}

const entriesCache = new WeakMap<YAMLMap, Map<string, MapEntry>>();

/**
 * The entries of a mapping by key; with duplicate keys the last one wins, as in PyYAML and OmegaConf.
 * Cached per mapping node (a parse makes new nodes), and each entry's plain `value` is converted only
 * when read, so a large subtree nobody asks about costs nothing.
 */
export function entriesOf(document: Document, map: YAMLMap): Map<string, MapEntry> {
  const cached = entriesCache.get(map);
  if (cached) return cached;
  const entries = new Map<string, MapEntry>();
  for (const pair of map.items) {
    const keyNode = resolveNode(document, pair.key);
    if (!isScalar(keyNode) || keyNode.value === null || typeof keyNode.value === 'object') continue;
    const key = String(keyNode.value);
    const valueNode = resolveNode(document, pair.value);
    const keySpan = spanOf(pair.key as Node);
    const valueSpan = pair.value ? spanOf(pair.value as Node) : { start: keySpan.end, end: keySpan.end };
    let converted = false;
    let plain: unknown;
    entries.set(key, {
      key,
      pair,
      keyNode,
      valueNode,
      keySpan,
      valueSpan,
      get value() {
        if (!converted) {
          plain = isScalar(valueNode) ? valueNode.value : plainValue(document, valueNode);
          converted = true;
        }
        return plain;
      },
    });
  }
  entriesCache.set(map, entries);
  return entries;
}

/** The top-level mapping of a document, if it is one. */
export function rootMap(document: Document): YAMLMap | null {
  const contents = resolveNode(document, document.contents);
  return isMap(contents) ? contents : null;
}
