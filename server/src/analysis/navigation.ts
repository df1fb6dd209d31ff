/**
 * Navigation in composed configs: a Hydra `defaults:` item leads to its group file, a detectron2 `_BASE_` to the
 * base file, and an OmegaConf interpolation (`${a.b}`, relative `${.x}` / `${..x}`) to the key it resolves to,
 * in this file or in a file the composition reads. Files are read through the injected reader only.
 */
import { isMap, isScalar, isSeq, type Document, type Node } from 'yaml';
import { composeBase, normalizePath } from '../dialects/baseChain';
import { composeDefaults, defaultsChoices, groupHolding, originIn } from '../dialects/hydraDefaults';
import { entriesOf, rootMap } from '../parse/yamlAccess';
import type { Span } from '../parse/textSpan';

export type ReadFile = (path: string) => string | undefined;

/** A place to go: a file, and within it a span (absent: the file's start). */
export interface NavigationTarget {
  fileName: string;
  span?: Span;
}

/** A link from a span of this file to another file (Hydra group files, `_BASE_` files). */
export interface FileLink {
  span: Span;
  target: string;
  tooltip: string;
}

/** Interpolations longer than this are not read (a reference is a dotted path, not a document). */
const MAX_INTERPOLATION_LENGTH = 512;

function directoryOf(path: string): string {
  const i = Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\'));
  return i < 0 ? '' : path.slice(0, i + 1);
}

function readable(readFile: ReadFile, path: string): boolean {
  try {
    return readFile(path) !== undefined;
  } catch {
    return false;
  }
}

/** The `_BASE_` value of a document, with the file it names. */
function baseLink(document: Document, fileName: string, readFile: ReadFile): FileLink | null {
  const map = rootMap(document);
  const entry = map ? entriesOf(document, map).get('_BASE_') : undefined;
  const value = entry && isScalar(entry.valueNode) && typeof entry.valueNode.value === 'string' ? entry.valueNode.value.trim() : '';
  if (!entry || value === '' || value.startsWith('~') || /^https?:\/\//.test(value)) return null;
  const target = normalizePath(value.startsWith('/') || /^[A-Za-z]:[\\/]/.test(value) ? value : `${directoryOf(fileName)}${value}`);
  return readable(readFile, target) ? { span: entry.valueSpan, target, tooltip: 'Open the base config (`_BASE_`)' } : null;
}

/** Every `- group: option` of a defaults list whose group file exists, and the `_BASE_` file. */
export function fileLinksOf(documents: readonly Document[], fileName: string, readFile: ReadFile): FileLink[] {
  const links: FileLink[] = [];
  for (const document of documents) {
    // Where composition found each item's file (absolute `/group` items and `override`s resolve from the config root).
    const composed = new Map<number, string>();
    for (const group of composeDefaults(document, fileName, readFile)?.groups ?? []) composed.set(group.valueSpan.start, group.file);
    for (const [group, choice] of defaultsChoices(document)) {
      if (group.startsWith('hydra/') || choice.option === '???' || choice.option === '' || choice.option === 'null') continue;
      const target = composed.get(choice.valueSpan.start) ?? `${directoryOf(fileName)}${group}/${choice.option}.yaml`;
      if (readable(readFile, target))
        links.push({ span: choice.valueSpan, target, tooltip: `Open config group \`${group}\` option \`${choice.option}\`` });
    }
    const base = baseLink(document, fileName, readFile);
    if (base) links.push(base);
  }
  return links.sort((a, b) => a.span.start - b.span.start);
}

/** The scalar under an offset and the path of keys leading to it (sequence items as their index). */
function scalarAt(document: Document, offset: number): { node: Node; path: string[] } | null {
  let node: Node | null = document.contents as Node | null;
  const path: string[] = [];
  for (let depth = 0; node && depth < 10_000; depth++) {
    if (isScalar(node)) return { node, path };
    let next: Node | null = null;
    if (isMap(node)) {
      for (const pair of node.items) {
        const value = pair.value as Node | null;
        if (value?.range && offset >= value.range[0] && offset <= value.range[1]) {
          path.push(isScalar(pair.key) ? String(pair.key.value) : '');
          next = value;
          break;
        }
      }
    } else if (isSeq(node)) {
      node.items.forEach((item, index) => {
        const child = item as Node | null;
        if (!next && child?.range && offset >= child.range[0] && offset <= child.range[1]) {
          path.push(String(index));
          next = child;
        }
      });
    }
    node = next;
  }
  return null;
}

/** The `${...}` reference around an offset in a scalar's source text, with its span in the file. */
function interpolationAt(text: string, node: Node, offset: number): { reference: string; span: Span } | null {
  if (!node.range) return null;
  const [start, end] = node.range;
  if (end - start > 64 * 1024) return null;
  const source = text.slice(start, end);
  let open = source.lastIndexOf('${', offset - start);
  if (open < 0) return null;
  const close = source.indexOf('}', open);
  if (close < 0 || close - open > MAX_INTERPOLATION_LENGTH || start + close < offset - 1) return null;
  const reference = source.slice(open + 2, close).trim();
  // Resolvers (`oc.env:HOME`) and nested interpolations are not keys.
  if (reference === '' || reference.includes(':') || reference.includes('${')) return null;
  open += start;
  return { reference, span: { start: open, end: start + close + 1 } };
}

/** An OmegaConf reference as an absolute dotted path, from the path of the value that holds it. */
export function absoluteReference(reference: string, holderPath: readonly string[]): string | null {
  const dots = /^\.*/.exec(reference)?.[0].length ?? 0;
  const rest = reference.slice(dots);
  if (rest === '') return null;
  if (dots === 0) return rest;
  // `.x` is a sibling of the value (a key of its parent); every further dot climbs one level.
  const parent = holderPath.slice(0, -1);
  const climb = dots - 1;
  if (climb > parent.length) return null;
  return [...parent.slice(0, parent.length - climb), rest].join('.');
}

/** Where a dotted path is written in this document: its key. */
function keySpanIn(document: Document, path: string): Span | undefined {
  let node: Node | null = document.contents as Node | null;
  let span: Span | undefined;
  for (const key of path.split('.')) {
    if (!isMap(node)) return undefined;
    const entry = entriesOf(document, node).get(key);
    if (!entry) return undefined;
    span = entry.keySpan;
    node = entry.valueNode;
  }
  return span;
}

/** What is under an offset leads somewhere: a group or base file, or the key an interpolation resolves to. */
export function definitionAt(
  documents: readonly Document[],
  text: string,
  fileName: string,
  offset: number,
  readFile: ReadFile | undefined,
): { origin: Span; target: NavigationTarget } | null {
  for (const document of documents) {
    const range = document.range as [number, number, number] | undefined;
    if (!range || offset < range[0] || offset > range[2]) continue;
    if (readFile) {
      const link = fileLinksOf([document], fileName, readFile).find((l) => offset >= l.span.start && offset <= l.span.end);
      if (link) return { origin: link.span, target: { fileName: link.target } };
    }
    const holder = scalarAt(document, offset);
    const interpolation = holder && interpolationAt(text, holder.node, offset);
    if (!holder || !interpolation) return null;
    const path = absoluteReference(interpolation.reference, holder.path);
    if (!path) return null;
    const local = keySpanIn(document, path);
    if (local) return { origin: interpolation.span, target: { fileName, span: local } };
    if (!readFile) return null;
    for (const composition of [composeDefaults(document, fileName, readFile), composeBase(document, fileName, readFile)]) {
      const group = composition && groupHolding(composition, path);
      const origin = group && originIn(group, path);
      if (origin) return { origin: interpolation.span, target: { fileName: origin.fileName, span: origin.keySpan } };
    }
    return null;
  }
  return null;
}
