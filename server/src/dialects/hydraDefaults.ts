/**
 * Hydra `defaults:` lists followed into sibling config-group files: `- optimizer: adamw` reads
 * `<dir>/optimizer/adamw.yaml` and places it under `optimizer` (or under `pkg` for `group@pkg`, or at the root
 * for `# @package _global_`). One level deep; `hydra/...`, `null` and `???` entries are skipped.
 * Groups listed after `_self_` override the composing file's values; without `_self_` the file's own values
 * win (Hydra ≥ 1.1 appends `_self_`).
 * A group written `/group` is read from the config root (the nearest folder at most MAX_ROOT_LEVELS above the file
 * that holds it), one without `/` from the file's own folder (its group). An experiment file's `override /group:
 * option` items replace the choices of the primary config that lists the file's group (`- experiment: null`), whose
 * defaults are then the base; with no primary config found they are read as the options they name.
 * Sources: facebookresearch/hydra website/docs/advanced/defaults_list.md; hydra/core/default_element.py
 * (GroupDefault.get_group_path) and hydra/_internal/defaults_list.py @2c03d1b925fe239e0b67b923699d4027685f198f. */
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

/** One `- group: option` item of a defaults list, as written. */
interface GroupItem {
  pair: Pair;
  key: Scalar;
  value: Scalar;
  /** `override` marks a change of the choice a primary config made (Hydra 1.1's `override` keyword). */
  override: boolean;
  /** `/group`: relative to the config root rather than to the composing file's own group. */
  absolute: boolean;
  groupPath: string;
  explicitPackage: string | undefined;
  option: string;
  /** Listed after `_self_`. */
  afterSelf: boolean;
}

/** The `defaults:` items of a document in order (`_self_` marks the position of the file's own values). */
function defaultsItems(document: Document): { pair: Pair; key: Scalar; items: GroupItem[]; hasSelf: boolean } | null {
  const map = rootMap(document);
  const defaultsPair = map?.items.find((pair) => isScalar(pair.key) && pair.key.value === 'defaults');
  const list = resolveNode(document, defaultsPair?.value);
  if (!defaultsPair || !isScalar(defaultsPair.key) || !isSeq(list)) return null;
  const items: GroupItem[] = [];
  let selfSeen = false;
  for (const raw of list.items) {
    const item = resolveNode(document, raw);
    if (isScalar(item) && item.value === '_self_') selfSeen = true;
    if (!isMap(item) || item.items.length !== 1) continue;
    const pair = item.items[0];
    const key = resolveNode(document, pair?.key);
    const value = resolveNode(document, pair?.value);
    // `- experiment: null` is a slot a group may fill later (YAML null, read as the option `null`).
    if (!pair || !isScalar(key) || !isScalar(value) || (typeof value.value !== 'string' && value.value !== null)) continue;
    let group = String(key.value).trim();
    const override = /^override\s+/.test(group);
    group = group.replace(/^(override|optional)\s+/, '');
    const absolute = group.startsWith('/');
    const [groupPath = '', explicitPackage] = group.replace(/^\//, '').split('@', 2);
    const option = typeof value.value === 'string' ? value.value.trim() : 'null';
    items.push({ pair, key, value, override, absolute, groupPath, explicitPackage, option, afterSelf: selfSeen });
  }
  return { pair: defaultsPair, key: defaultsPair.key, items, hasSelf: selfSeen };
}

/** Ancestors searched for the config root of a file that names groups absolutely (`/data: mnist`). */
export const MAX_ROOT_LEVELS = 3;
/** Names a primary config conventionally has (Hydra's `config_name`; lightning-hydra-template's train.yaml). */
const PRIMARY_NAMES = ['train.yaml', 'config.yaml', 'main.yaml'];

function parentOf(dir: string): string | undefined {
  const trimmed = dir.replace(/[\\/]$/, '');
  const parent = dirname(trimmed);
  return parent === '' || parent === dir ? undefined : parent;
}

/** A group item names no file to read: `???`, empty, `null`, and Hydra's own groups (`hydra/...`, `/hydra`). */
function skipped(item: GroupItem): boolean {
  if (item.option === '???' || item.option === '' || item.option === 'null') return true;
  return item.groupPath.startsWith('hydra/') || (item.absolute && item.groupPath === 'hydra');
}

type Read = (file: string) => { text: string; parsed: NonNullable<ReturnType<typeof parseComposedFile>> } | undefined;

interface Primary {
  file: string;
  text: string;
  document: Document;
  values: Record<string, unknown>;
  items: GroupItem[];
  hasSelf: boolean;
  /** The group of the composing file, as the primary's defaults list names it (`experiment`). */
  slot: string;
}

/**
 * The primary config of a file in a group folder: a conventionally named file at the config root whose defaults list
 * has a slot for the file's group (lightning-hydra-template's train.yaml lists `- experiment: null`).
 */
function primaryOf(root: string, ownDir: string, fileName: string, read: Read): Primary | undefined {
  const slot = ownDir
    .slice(root.length)
    .replace(/[\\/]$/, '')
    .replace(/\\/g, '/');
  if (slot === '') return undefined;
  for (const name of PRIMARY_NAMES) {
    const file = `${root}${name}`;
    if (file === fileName) continue;
    const found = read(file);
    const list = found ? defaultsItems(found.parsed.document) : null;
    if (!found || !list?.items.some((item) => !item.override && item.groupPath === slot)) continue;
    const { document, values } = found.parsed;
    return { file, text: found.text, document, values, items: list.items, hasSelf: list.hasSelf, slot };
  }
  return undefined;
}

type ReadFile = (path: string) => string | undefined;

export function composeDefaults(document: Document, fileName: string, readFile: ReadFile | undefined): Composition | null {
  if (!readFile) return null;
  const own = defaultsItems(document);
  if (!own) return null;
  const groups: ComposedGroup[] = [];
  const unresolved: string[] = [];
  let composedBytes = 0;
  let reads = 0;
  const readFiles = new Map<string, { text: string | undefined; parsed: ReturnType<typeof parseComposedFile> }>();
  /** A file read once, within the caps (too many reads or bytes: noted as not read, undefined). */
  const read: Read = (file) => {
    let entry = readFiles.get(file);
    if (!entry) {
      if (reads >= MAX_COMPOSED_FILES + MAX_ROOT_LEVELS + PRIMARY_NAMES.length + 1) {
        unresolved.push(`${file} (more than ${MAX_COMPOSED_FILES} files)`);
        return undefined;
      }
      reads++;
      let text: string | undefined;
      try {
        text = readFile(file);
      } catch {
        text = undefined;
      }
      if (text !== undefined && composedBytes + text.length > MAX_COMPOSED_BYTES) {
        unresolved.push(`${file} (more than ${MAX_COMPOSED_BYTES / (1024 * 1024)} MB composed)`);
        return undefined;
      }
      composedBytes += text?.length ?? 0;
      entry = { text, parsed: text === undefined ? null : parseComposedFile(text) };
      readFiles.set(file, entry);
    }
    return entry.text !== undefined && entry.parsed ? { text: entry.text, parsed: entry.parsed } : undefined;
  };
  const ownDir = dirname(fileName);
  // The config root: the nearest folder (the file's own, then up to MAX_ROOT_LEVELS above) holding the first group
  // the file names absolutely. Hydra resolves `/group` from the root and `group` from the file's own group
  // (facebookresearch/hydra hydra/core/default_element.py GroupDefault.get_group_path @2c03d1b9).
  const firstAbsolute = own.items.find((item) => item.absolute && !skipped(item));
  let root: string | undefined;
  if (firstAbsolute) {
    let dir: string | undefined = ownDir;
    for (let level = 0; dir !== undefined && level <= MAX_ROOT_LEVELS && root === undefined; level++) {
      const probe = `${dir}${firstAbsolute.groupPath}/${firstAbsolute.option}.yaml`;
      // A file naming itself shows where the root is without being read again.
      if (probe === fileName || read(probe)) root = dir;
      else dir = parentOf(dir);
    }
  }
  const fileOf = (item: GroupItem): string => `${item.absolute && root !== undefined ? root : ownDir}${item.groupPath}/${item.option}.yaml`;
  const add = (item: GroupItem, file: string, anchor: { pair: Pair; key: Scalar; value: Scalar }, via: string, afterSelf: boolean) => {
    // A file naming itself (`override /experiment: example` in experiment/example.yaml) adds nothing.
    if (file === fileName) return;
    if (groups.length >= MAX_COMPOSED_FILES) {
      unresolved.push(`${file} (more than ${MAX_COMPOSED_FILES} files)`);
      return;
    }
    const found = read(file);
    if (!found) return;
    const declared = packageOf(found.text);
    const byHeader = declared === '_global_' ? '' : declared && declared !== '_group_' ? declared : undefined;
    const packagePath = item.explicitPackage ?? byHeader ?? item.groupPath.replace(/\//g, '.');
    groups.push({
      afterSelf,
      pair: anchor.pair,
      keyNode: anchor.key,
      packagePath,
      file,
      keySpan: spanOf(anchor.key),
      valueSpan: spanOf(anchor.value),
      values: found.parsed.values,
      document: found.parsed.document,
      text: found.text,
      via,
    });
  };
  const viaOf = (item: GroupItem) => `\`- ${String(item.key.value).trim()}: ${item.option}\``;
  const overrides = own.items.filter((item) => item.override && !skipped(item) && (!item.absolute || root !== undefined));
  const primary = root !== undefined && root !== ownDir && overrides.length > 0 ? primaryOf(root, ownDir, fileName, read) : undefined;
  const ownGroups = () => {
    for (const item of own.items) if (!item.override && !skipped(item)) add(item, fileOf(item), item, viaOf(item), item.afterSelf);
  };
  if (!primary) {
    // No primary config: the overrides are read as the group options they name, in list order.
    for (const item of own.items) {
      if (!skipped(item) && (!item.override || overrides.includes(item))) add(item, fileOf(item), item, viaOf(item), item.afterSelf);
    }
  } else {
    // The primary config's defaults are the base; this file's `override` items replace the choices for their groups,
    // and the file sits at its group's slot (`- experiment: null`): groups listed before the slot are merged under
    // its values, groups after it over them (hydra/_internal/defaults_list.py _create_defaults_tree_impl @2c03d1b9).
    const anchor = { pair: own.pair, key: own.key, value: own.key };
    const primaryName = primary.file.split(/[\\/]/).pop() ?? primary.file;
    const used = new Set<GroupItem>();
    let afterSlot = false;
    let selfAdded = false;
    // The primary's own values (its `defaults:` left out), at its `_self_`; without one, last (Hydra ≥ 1.1 appends
    // `_self_`: hydra/_internal/defaults_list.py _validate_self @2c03d1b9).
    const addSelf = () => {
      selfAdded = true;
      const values = emptyRecord();
      for (const [key, value] of Object.entries(primary.values)) if (key !== 'defaults' && !isUnsafeKey(key)) values[key] = value;
      groups.push({
        afterSelf: afterSlot,
        pair: anchor.pair,
        keyNode: anchor.key,
        packagePath: '',
        file: primary.file,
        keySpan: spanOf(anchor.key),
        valueSpan: spanOf(anchor.value),
        values,
        document: primary.document,
        text: primary.text,
        via: `the primary config ${primaryName}`,
      });
    };
    for (const item of primary.items) {
      if (primary.hasSelf && item.afterSelf && !selfAdded) addSelf();
      if (!item.override && item.groupPath === primary.slot && item.explicitPackage === undefined) {
        afterSlot = true;
        ownGroups();
        continue;
      }
      // A relative `override data: x` in experiment/ names experiment/data, not the primary's `data`.
      const replaced = overrides.find((o) => o.absolute && o.groupPath === item.groupPath && o.explicitPackage === item.explicitPackage);
      if (replaced) used.add(replaced);
      const chosen = replaced ?? item;
      if (skipped(chosen)) continue;
      const file = replaced ? fileOf(replaced) : `${root}${item.groupPath}/${item.option}.yaml`;
      const via = replaced ? viaOf(replaced) : `${primaryName} \`- ${String(item.key.value).trim()}: ${item.option}\``;
      add(chosen, file, replaced ?? anchor, via, afterSlot);
    }
    if (!selfAdded) addSelf();
    // An override of a group the primary does not list (Hydra refuses it): read as the option it names.
    for (const item of overrides) if (!used.has(item)) add(item, fileOf(item), item, viaOf(item), item.afterSelf);
  }
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
  return {
    fileName: group.file,
    keySpan,
    valueSpan,
    keyRange: lines.rangeOf(keySpan),
    valueRange: lines.rangeOf(valueSpan),
    via: `composed by ${group.via}`,
  };
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
    const [group = ''] = String(key.value)
      .trim()
      .replace(/^(override|optional)\s+/, '')
      .replace(/^\//, '')
      .split('@');
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
