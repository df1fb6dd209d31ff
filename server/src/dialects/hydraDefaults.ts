/**
 * Hydra `defaults:` lists followed into sibling config-group files: `- optimizer: adamw` reads
 * `<dir>/optimizer/adamw.yaml` and places it under `optimizer` (or under `pkg` for `group@pkg`, or at the root
 * for `# @package _global_`). One level deep; `override`, `hydra/...`, `null` and `???` entries are skipped.
 * Groups listed after `_self_` override the composing file's values; without `_self_` the file's own values
 * win (Hydra ≥ 1.1 appends `_self_`).
 * Source: facebookresearch/hydra website/docs/advanced/defaults_list.md.
 */
import { isMap, isScalar, isSeq, parseDocument, type Document, type Pair, type Scalar } from 'yaml';
import { LineIndex, type Span } from '../parse/textSpan';
import { entriesOf, resolveNode, rootMap, spanOf } from '../parse/yamlAccess';
import type { ValueOrigin } from './valueOrigin';
import { emptyRecord, isRecord, isUnsafeKey, ownValue, safeCopy } from './plainObjects';

export interface ComposedGroup {
  /** Listed after `_self_`, so its values override the composing file's. */
  afterSelf: boolean;
  /** The `- group: option` pair in the composing file. */
  pair: Pair;
  keyNode: Scalar;
  /** Where the group's values go, as a dotted path ('' for the root). */
  packagePath: string;
  /** The file that holds them, as read. */
  file: string;
  /** The `- group: option` item in the composing file. */
  keySpan: Span;
  valueSpan: Span;
  values: Record<string, unknown>;
  /** The file as parsed, with ranges, and its text: findings about its values are placed in it. */
  document: Document;
  text: string;
  /** What pulled the file in, in words (`- optimizer: adam`, `_BASE_: ../Base.yaml`). */
  via: string;
}

export interface Composition {
  groups: ComposedGroup[];
  /** Files the composition names but that could not be read (their values stay unknown). */
  unresolved?: string[];
  /** What composed the values, for the plan's assumptions (`Hydra defaults` when absent). */
  label?: string;
}

/**
 * Files one composition reads at most, and their bytes together: a defaults list naming one 100 KB group file
 * 2,000 times parsed it 2,000 times. Real lists name a few files; past the limits the rest are listed as not read.
 */
export const MAX_COMPOSED_FILES = 64;
export const MAX_COMPOSED_BYTES = 2 * 1024 * 1024;

function dirname(path: string): string {
  const i = Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\'));
  return i < 0 ? '' : path.slice(0, i + 1);
}

function packageOf(text: string): string | undefined {
  const match = /^\s*#\s*@package\s+(\S+)/m.exec(text.split('\n').slice(0, 5).join('\n'));
  return match?.[1];
}

export function composeDefaults(document: Document, fileName: string, readFile: ((path: string) => string | undefined) | undefined): Composition | null {
  if (!readFile) return null;
  const map = rootMap(document);
  const defaultsPair = map?.items.find((pair) => isScalar(pair.key) && pair.key.value === 'defaults');
  const list = resolveNode(document, defaultsPair?.value);
  if (!isSeq(list)) return null;
  const groups: ComposedGroup[] = [];
  const unresolved: string[] = [];
  let selfSeen = false;
  let composedBytes = 0;
  const readFiles = new Map<string, { text: string | undefined; parsed: ReturnType<typeof parseComposedFile> }>();
  list.items.forEach((raw) => {
    const item = resolveNode(document, raw);
    if (isScalar(item) && item.value === '_self_') selfSeen = true;
    if (!isMap(item) || item.items.length !== 1) return;
    const [pair] = item.items;
    if (!pair) return;
    const key = resolveNode(document, pair.key);
    const value = resolveNode(document, pair.value);
    if (!isScalar(key) || !isScalar(value) || typeof value.value !== 'string') return;
    let group = String(key.value).trim();
    const option = value.value.trim();
    if (group.startsWith('override ') || option === '???' || option === '') return;
    group = group.replace(/^optional\s+/, '');
    if (group.startsWith('hydra/') || group.startsWith('/hydra')) return;
    const [groupPath = '', explicitPackage] = group.replace(/^\//, '').split('@', 2);
    const file = `${dirname(fileName)}${groupPath}/${option}.yaml`;
    if (groups.length >= MAX_COMPOSED_FILES) {
      unresolved.push(`${file} (more than ${MAX_COMPOSED_FILES} files)`);
      return;
    }
    // A file named twice is read and parsed once.
    let read = readFiles.get(file);
    if (!read) {
      let text: string | undefined;
      try {
        text = readFile(file);
      } catch {
        text = undefined;
      }
      if (text !== undefined && composedBytes + text.length > MAX_COMPOSED_BYTES) {
        unresolved.push(`${file} (more than ${MAX_COMPOSED_BYTES / (1024 * 1024)} MB composed)`);
        return;
      }
      composedBytes += text?.length ?? 0;
      read = { text, parsed: text === undefined ? null : parseComposedFile(text) };
      readFiles.set(file, read);
    }
    const { text, parsed } = read;
    if (text === undefined || !parsed) return;
    const { document: groupDocument, values } = parsed;
    const declared = packageOf(text);
    const packagePath = explicitPackage ?? (declared === '_global_' ? '' : declared && declared !== '_group_' ? declared : groupPath.replace(/\//g, '.'));
    groups.push({
      afterSelf: selfSeen,
      pair,
      keyNode: key,
      packagePath,
      file,
      keySpan: spanOf(key),
      valueSpan: spanOf(value),
      values,
      document: groupDocument,
      text,
      via: `\`- ${String(key.value).trim()}: ${option}\``,
    });
  });
  if (groups.length === 0) return null;
  return unresolved.length > 0 ? { groups, unresolved } : { groups };
}

/** A composed file's document (with ranges) and its values; null when it is not a YAML mapping. */
export function parseComposedFile(text: string): { document: Document; values: Record<string, unknown> } | null {
  try {
    const document = parseDocument(text, { uniqueKeys: false, strict: false });
    if (document.errors.length > 0) return null;
    const values: unknown = document.toJS({ maxAliasCount: 100 });
    if (!values || typeof values !== 'object' || Array.isArray(values)) return null;
    return { document, values: values as Record<string, unknown> };
  } catch {
    return null;
  }
}

/**
 * Where a dotted path of the composed tree is written in a group's own file, when the group holds it: the key
 * and value spans there with their ranges. Undefined when the file does not write it (or only through an alias).
 */
export function originIn(group: ComposedGroup, path: string): ValueOrigin | undefined {
  const prefix = group.packagePath.split('.').filter(Boolean);
  const keys = path.split('.');
  if (keys.length <= prefix.length || prefix.some((key, i) => keys[i] !== key)) return undefined;
  let map = rootMap(group.document);
  let keySpan: Span | undefined;
  let valueSpan: Span | undefined;
  for (const [i, key] of keys.slice(prefix.length).entries()) {
    if (!map) return undefined;
    const entry = entriesOf(group.document, map).get(key);
    if (!entry) return undefined;
    keySpan = entry.keySpan;
    valueSpan = entry.valueSpan;
    if (i < keys.length - prefix.length - 1) {
      const next = resolveNode(group.document, entry.valueNode);
      map = isMap(next) ? next : null;
    }
  }
  if (!keySpan || !valueSpan) return undefined;
  const lines = new LineIndex(group.text);
  return { fileName: group.file, keySpan, valueSpan, keyRange: lines.rangeOf(keySpan), valueRange: lines.rangeOf(valueSpan), via: `composed by ${group.via}` };
}

/** A `- group: option` choice of the defaults list, whether or not its file could be read. */
export interface DefaultsChoice {
  option: string;
  keySpan: Span;
  valueSpan: Span;
}

/** Every `- group: option` choice of a document's defaults list (`override` and `optional` prefixes dropped). */
export function defaultsChoices(document: Document): Map<string, DefaultsChoice> {
  const choices = new Map<string, DefaultsChoice>();
  const map = rootMap(document);
  const defaultsPair = map?.items.find((pair) => isScalar(pair.key) && pair.key.value === 'defaults');
  const list = resolveNode(document, defaultsPair?.value);
  if (!isSeq(list)) return choices;
  for (const raw of list.items) {
    const item = resolveNode(document, raw);
    if (!isMap(item) || item.items.length !== 1) continue;
    const [pair] = item.items;
    if (!pair) continue;
    const key = resolveNode(document, pair.key);
    const value = resolveNode(document, pair.value);
    if (!isScalar(key) || !isScalar(value) || typeof value.value !== 'string') continue;
    const [group = ''] = String(key.value).trim().replace(/^(override|optional)\s+/, '').replace(/^\//, '').split('@');
    choices.set(group, { option: value.value.trim(), keySpan: spanOf(key), valueSpan: spanOf(value) });
  }
  return choices;
}

/** Merges mappings key by key (anything else replaces), into a null-prototype target; unsafe keys are skipped. */
function mergeInto(target: Record<string, unknown>, source: Record<string, unknown>): void {
  for (const [key, value] of Object.entries(source)) {
    if (isUnsafeKey(key)) continue;
    const current = ownValue(target, key);
    if (isRecord(value) && isRecord(current)) mergeInto(current, value);
    else target[key] = safeCopy(value);
  }
}

function placed(group: ComposedGroup): Record<string, unknown> {
  let value: Record<string, unknown> = group.values;
  for (const key of group.packagePath.split('.').filter(Boolean).reverse()) {
    const wrapper = emptyRecord();
    wrapper[key] = value;
    value = wrapper;
  }
  return value;
}

/** The file's values with the composed groups merged in list order around `_self_`. */
export function mergeComposition(own: unknown, composition: Composition): unknown {
  const merged = emptyRecord();
  for (const group of composition.groups) if (!group.afterSelf) mergeInto(merged, placed(group));
  if (isRecord(own)) mergeInto(merged, own);
  for (const group of composition.groups) if (group.afterSelf) mergeInto(merged, placed(group));
  return merged;
}

/** The group that supplied a dotted path (the last one in list order whose values hold it). */
export function groupHolding(composition: Composition, path: string): ComposedGroup | undefined {
  const keys = path.split('.');
  let found: ComposedGroup | undefined;
  for (const group of composition.groups) {
    const prefix = group.packagePath.split('.').filter(Boolean);
    if (prefix.some((key, i) => keys[i] !== key)) continue;
    let node: unknown = group.values;
    for (const key of keys.slice(prefix.length)) {
      node = ownValue(node, key);
    }
    if (node !== undefined && keys.length > prefix.length) found = group;
  }
  return found;
}
