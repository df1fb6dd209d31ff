import { isAlias, isMap, isPair, isScalar, isSeq, type Node } from 'yaml';
import type { TextEdit } from '../analysis/finding';
import { parseConfig, type ParsedConfig } from '../parse/parseConfig';
import { parseTomlConfig } from '../parse/tomlConfig';
import type { Span } from '../parse/textSpan';
import { applyEdits } from './yamlEdits';

/** The outcome of checking edits before they are offered or written. */
export type EditCheck = { ok: true; fixed: string } | { ok: false; reason: string };

/** One value of the parsed tree: its path (document index, keys, indexes), a comparable form, and where it is written. */
interface Leaf {
  value: string;
  span: Span;
}

/** Deeper than this, or more values than MAX_LEAVES, the tree is not compared (and the edit is refused). */
const MAX_DEPTH = 64;
const MAX_LEAVES = 200_000;

/**
 * Every scalar (and empty collection, and alias) of every document, by path. Keys are read as text; a key that
 * repeats keeps its last value, as YAML readers do.
 */
function leavesOf(parsed: ParsedConfig): Map<string, Leaf> | null {
  const leaves = new Map<string, Leaf>();
  const visit = (node: unknown, path: readonly (string | number)[], depth: number): boolean => {
    if (depth > MAX_DEPTH || leaves.size > MAX_LEAVES) return false;
    const at = JSON.stringify(path);
    const range = (node as Node | null)?.range;
    const span: Span = range ? { start: range[0], end: range[1] } : { start: 0, end: 0 };
    if (isMap(node) && node.items.length) {
      return node.items.every((pair) => {
        if (!isPair(pair)) return true;
        const key = isScalar(pair.key) ? String(pair.key.value) : String(pair.key);
        const value = pair.value ?? null;
        if (value === null) {
          const keyRange = (pair.key as Node | null)?.range;
          leaves.set(JSON.stringify([...path, key]), { value: 'null', span: keyRange ? { start: keyRange[0], end: keyRange[1] } : span });
          return true;
        }
        return visit(value, [...path, key], depth + 1);
      });
    }
    if (isSeq(node) && node.items.length) return node.items.every((item, index) => visit(item, [...path, index], depth + 1));
    let value: string;
    if (isScalar(node)) value = `scalar:${typeof node.value}:${String(node.value)}`;
    else if (isAlias(node)) value = `alias:${node.source}`;
    else if (isMap(node)) value = 'map:{}';
    else if (isSeq(node)) value = 'seq:[]';
    else value = 'null';
    leaves.set(at, { value, span });
    return true;
  };
  for (const [index, document] of parsed.documents.entries()) {
    if (!visit(document.contents, [index], 0)) return null;
  }
  return leaves;
}

const overlaps = (a: Span, b: Span) => a.start < b.end && b.start < a.end;

/** Where each edit's new text lands in the edited text. */
function editedSpans(edits: readonly TextEdit[]): Span[] {
  let shift = 0;
  return [...edits]
    .sort((a, b) => a.span.start - b.span.start)
    .map((edit) => {
      const start = edit.span.start + shift;
      shift += edit.newText.length - (edit.span.end - edit.span.start);
      return { start, end: start + edit.newText.length };
    });
}

/**
 * The check every edit passes before LR Lens offers it (quick fixes, fix-all, previews) or writes it (`--fix`):
 * the edited text parses (no syntax problem the original did not have, the same number of documents), and only
 * the values the edits touch change. A value that changes, appears or disappears elsewhere (a key swallowed by a
 * replaced folded block scalar, say) refuses the edit.
 */
export function checkEdits(original: ParsedConfig, edits: readonly TextEdit[]): EditCheck {
  const fixed = applyEdits(original.text, edits);
  const after = original.language === 'toml' ? parseTomlConfig(fixed) : parseConfig(fixed);
  if (after.syntaxProblems.length > original.syntaxProblems.length) {
    return { ok: false, reason: `the edited text would not parse (${after.syntaxProblems[0]?.message.split('\n')[0] ?? 'syntax error'})` };
  }
  if (after.documents.length !== original.documents.length)
    return { ok: false, reason: 'the edit would change the number of YAML documents' };
  const before = leavesOf(original);
  const now = leavesOf(after);
  if (!before || !now) return { ok: false, reason: 'the file is too deep or too large to check the edit' };
  const touchedBefore = edits.map((edit) => edit.span);
  const touchedAfter = editedSpans(edits);
  const inside = (span: Span, touched: readonly Span[]) =>
    touched.some((t) => overlaps(span, t) || (t.start === t.end && span.start <= t.start && t.start < span.end));
  for (const [path, leaf] of before) {
    const other = now.get(path);
    if (other?.value === leaf.value) continue;
    if (!inside(leaf.span, touchedBefore)) return { ok: false, reason: `the edit would also change ${describePath(path)}` };
  }
  for (const [path, leaf] of now) {
    const other = before.get(path);
    if (other?.value === leaf.value) continue;
    if (!inside(leaf.span, touchedAfter)) return { ok: false, reason: `the edit would also change ${describePath(path)}` };
  }
  return { ok: true, fixed };
}

function describePath(path: string): string {
  const parts = (JSON.parse(path) as (string | number)[]).slice(1);
  return parts.length ? `\`${parts.join('.').slice(0, 80)}\`` : 'the document';
}
