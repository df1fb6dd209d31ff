/**
 * YAML merge keys (`<<: *defaults`, `<<: [*a, *b]`), as the loaders of the frameworks read them: PyYAML's
 * SafeLoader (`flatten_mapping` in yaml/constructor.py) and OmegaConf, which loads through it. The mapping's own
 * keys win over merged ones, and among merged mappings the first listed wins; nested mappings merge on their own.
 * The YAML parser here reads YAML 1.2, where `<<` is an ordinary key: these helpers apply the merge on top of it.
 */
import { isMap, isSeq, type Document, type YAMLMap } from 'yaml';
import { resolveNode } from '../parse/yamlAccess';
import { emptyRecord } from './plainObjects';

export const MERGE_KEY = '<<';

/** How deep merged mappings are followed when looking up a key (merge chains in real files are one or two deep). */
const MAX_MERGE_DEPTH = 16;

function isPlainMapping(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/**
 * Plain values known to hold no `<<` anywhere. Plain values are never mutated, and those of unchanged YAML nodes are
 * shared from one analysis to the next (yamlAccess.ts `plainValue`), so an edit walks only what it parsed anew.
 */
const withoutMergeKeys = new WeakSet<object>();

/** Whether a `<<` key sits anywhere in a plain value (a walk that allocates nothing: most files have none). */
function containsMergeKey(value: unknown, depth: number): boolean {
  if (depth > 64 || value === null || typeof value !== 'object' || withoutMergeKeys.has(value)) return false;
  let found: boolean;
  if (Array.isArray(value)) found = value.some((item) => containsMergeKey(item, depth + 1));
  else if (!isPlainMapping(value)) return false;
  else if (Object.prototype.hasOwnProperty.call(value, MERGE_KEY)) found = true;
  else {
    found = false;
    for (const key in value) {
      if (containsMergeKey(value[key], depth + 1)) {
        found = true;
        break;
      }
    }
  }
  if (!found) withoutMergeKeys.add(value);
  return found;
}

/** A plain value with every `<<` applied; the same object when there is none (nothing is copied then). */
export function applyMergeKeys(value: unknown, depth = 0): unknown {
  if (depth === 0 && !containsMergeKey(value, 0)) return value;
  if (depth > 64) return value;
  if (Array.isArray(value)) {
    let changed = false;
    const items = value.map((item) => {
      const merged = applyMergeKeys(item, depth + 1);
      if (merged !== item) changed = true;
      return merged;
    });
    return changed ? items : value;
  }
  if (!isPlainMapping(value)) return value;
  let changed = false;
  const own: [string, unknown][] = [];
  for (const [key, item] of Object.entries(value)) {
    if (key === MERGE_KEY) continue;
    const merged = applyMergeKeys(item, depth + 1);
    if (merged !== item) changed = true;
    own.push([key, merged]);
  }
  const mergeValue = Object.prototype.hasOwnProperty.call(value, MERGE_KEY) ? value[MERGE_KEY] : undefined;
  const sources = (Array.isArray(mergeValue) ? mergeValue : [mergeValue]).filter(isPlainMapping);
  if (!changed && sources.length === 0 && mergeValue === undefined) return value;
  const out = emptyRecord();
  // Last source first, so the first listed wins; then the mapping's own keys over all of them.
  for (const source of [...sources].reverse()) {
    const merged = applyMergeKeys(source, depth + 1);
    if (isPlainMapping(merged)) for (const [key, item] of Object.entries(merged)) out[key] = item;
  }
  for (const [key, item] of own) out[key] = item;
  return out;
}

/** The mappings a YAML mapping merges in, in precedence order (first wins). */
export function mergeSources(
  document: Document,
  map: YAMLMap,
  entryOf: (map: YAMLMap) => ReadonlyMap<string, { valueNode: unknown }>,
): YAMLMap[] {
  const entry = entryOf(map).get(MERGE_KEY);
  if (!entry) return [];
  const node = resolveNode(document, entry.valueNode);
  if (isMap(node)) return [node];
  if (isSeq(node)) return node.items.map((item) => resolveNode(document, item)).filter((item): item is YAMLMap => isMap(item));
  return [];
}

/** The entry for `key` in `map` or, when the mapping does not write it, in the mappings it merges in. */
export function lookupWithMerges<E extends { valueNode: unknown }>(
  document: Document,
  map: YAMLMap,
  key: string,
  entryOf: (map: YAMLMap) => ReadonlyMap<string, E>,
  depth = 0,
): E | undefined {
  const own = entryOf(map).get(key);
  if (own || depth >= MAX_MERGE_DEPTH || key === MERGE_KEY) return own;
  for (const source of mergeSources(document, map, entryOf)) {
    const found = lookupWithMerges(document, source, key, entryOf, depth + 1);
    if (found) return found;
  }
  return undefined;
}

/** The keys of a mapping, its merged-in mappings' keys included (and `<<` itself left out). */
export function keysWithMerges(
  document: Document,
  map: YAMLMap,
  entryOf: (map: YAMLMap) => ReadonlyMap<string, unknown>,
  depth = 0,
): string[] {
  const keys = [...entryOf(map).keys()].filter((key) => key !== MERGE_KEY);
  if (depth >= MAX_MERGE_DEPTH || !entryOf(map).has(MERGE_KEY)) return keys;
  const typed = entryOf as (map: YAMLMap) => ReadonlyMap<string, { valueNode: unknown }>;
  for (const source of mergeSources(document, map, typed)) keys.push(...keysWithMerges(document, source, entryOf, depth + 1));
  return [...new Set(keys)];
}
