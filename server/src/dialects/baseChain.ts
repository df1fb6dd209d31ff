/**
 * detectron2 (yacs) `_BASE_` chains: `_BASE_: ../Base-RCNN-FPN.yaml` is read relative to the file, recursively,
 * and the file's own values are merged over its base's, as detectron2's `CfgNode.load_yaml_with_base` /
 * `merge_from_file` do (facebookresearch/detectron2 detectron2/config/config.py; fvcore/common/config.py:
 * `~` is expanded, paths starting with `/` or `http(s)://` are taken as they are, others joined to the file's
 * directory; `merge_a_into_b` merges mappings key by key, anything else replaces).
 * Files are read through the injected reader only; a base that cannot be read (missing, outside the workspace,
 * `~`, a URL), a cycle, or a chain deeper than MAX_BASE_DEPTH ends the chain there and is listed as unresolved.
 */
import { isScalar, type Document } from 'yaml';
import type { Span } from '../parse/textSpan';
import { entriesOf, rootMap, type MapEntry } from '../parse/yamlAccess';
import { MAX_COMPOSED_BYTES, parseComposedFile, type ComposedGroup, type Composition } from './hydraDefaults';

export const BASE_KEY = '_BASE_';
/** detectron2 itself has no limit; real chains are two or three files deep. */
export const MAX_BASE_DEPTH = 8;

function dirname(path: string): string {
  const i = Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\'));
  return i < 0 ? '' : path.slice(0, i + 1);
}

/** `a/b/../c/./d` → `a/c/d` (separators kept as `/` after the directory part); leading `..` kept. */
export function normalizePath(path: string): string {
  const absolute = path.startsWith('/');
  const out: string[] = [];
  for (const part of path.split(/[\\/]/)) {
    if (part === '' || part === '.') continue;
    if (part === '..' && out.length > 0 && out[out.length - 1] !== '..') out.pop();
    else if (part === '..' && absolute) continue;
    else out.push(part);
  }
  const drive = /^[A-Za-z]:$/.test(out[0] ?? '');
  return `${absolute ? '/' : ''}${out.join(drive ? '\\' : '/')}`;
}

function baseOf(document: Document): { value: string; keySpan: Span; valueSpan: Span; entry: MapEntry } | undefined {
  const map = rootMap(document);
  const entry = map ? entriesOf(document, map).get(BASE_KEY) : undefined;
  if (!entry || !isScalar(entry.valueNode) || typeof entry.valueNode.value !== 'string' || entry.valueNode.value.trim() === '')
    return undefined;
  return { value: entry.valueNode.value.trim(), keySpan: entry.keySpan, valueSpan: entry.valueSpan, entry };
}

/** Where `_BASE_` points from a file, or undefined when it cannot be followed here (`~`, a URL). */
function basePath(fileName: string, base: string): string | undefined {
  if (base.startsWith('~') || /^https?:\/\//.test(base)) return undefined;
  return normalizePath(base.startsWith('/') || /^[A-Za-z]:[\\/]/.test(base) ? base : `${dirname(fileName)}${base}`);
}

/**
 * The `_BASE_` chain of a document as composed groups, the farthest base first (so nearer files override it),
 * all merged under the document's own values; null when the document has no `_BASE_` or no reader.
 */
export function composeBase(
  document: Document,
  fileName: string,
  readFile: ((path: string) => string | undefined) | undefined,
): Composition | null {
  const own = baseOf(document);
  if (!own || !readFile) return null;
  const groups: ComposedGroup[] = [];
  const unresolved: string[] = [];
  const seen = new Set<string>([normalizePath(fileName)]);
  let from = fileName;
  let base: string | undefined = own.value;
  const chain: string[] = [];
  let composedBytes = 0;
  while (base !== undefined) {
    const path = basePath(from, base);
    if (path === undefined || chain.length >= MAX_BASE_DEPTH || seen.has(path)) {
      // Listed as written in the file that names it: an absolute path would differ from one checkout to the next.
      unresolved.push(path === undefined ? base : seen.has(path) ? `${base} (a cycle)` : `${base} (deeper than ${MAX_BASE_DEPTH} files)`);
      break;
    }
    seen.add(path);
    let text: string | undefined;
    try {
      text = readFile(path);
    } catch {
      text = undefined;
    }
    if (text !== undefined && composedBytes + text.length > MAX_COMPOSED_BYTES) {
      unresolved.push(`${path} (more than ${MAX_COMPOSED_BYTES / (1024 * 1024)} MB composed)`);
      break;
    }
    composedBytes += text?.length ?? 0;
    const parsed = text === undefined ? null : parseComposedFile(text);
    if (!parsed || text === undefined) {
      unresolved.push(base);
      break;
    }
    chain.push(path.slice(Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\')) + 1));
    // detectron2 drops `_BASE_` once it has followed it.
    const { [BASE_KEY]: _followed, ...values } = parsed.values;
    groups.unshift({
      afterSelf: false,
      pair: own.entry.pair,
      keyNode: own.entry.keyNode,
      packagePath: '',
      file: path,
      keySpan: own.keySpan,
      valueSpan: own.valueSpan,
      values,
      document: parsed.document,
      text,
      via: `\`${BASE_KEY}: ${own.value}\`${chain.length > 1 ? ` (through ${chain.slice(0, -1).join(' → ')})` : ''}`,
    });
    from = path;
    base = baseOf(parsed.document)?.value;
  }
  if (groups.length === 0 && unresolved.length === 0) return null;
  return { groups, unresolved, label: `${BASE_KEY} files` };
}
