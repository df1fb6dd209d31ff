import { isMap, isPair, isScalar, visit, type Document, type Node, type Pair, type YAMLMap } from 'yaml';
import type { TextEdit } from '../analysis/finding';
import type { ParsedConfig } from '../parse/parseConfig';
import type { Span } from '../parse/textSpan';
import type { SweepEntry } from '../plan/sweepPlan';

/**
 * Minimal edits to a search-space entry in its framework's own syntax: fix it at one value, or remove it.
 * Only the entry's own lines change; comments elsewhere (and on lines of their own) are kept.
 */

const range = (node: unknown): Span => {
  const r = (node as Node | null)?.range;
  return r ? { start: r[0], end: r[1] } : { start: 0, end: 0 };
};

/** The pair whose key starts at `keyStart`, with the mapping holding it. */
function pairAt(document: Document, keyStart: number): { pair: Pair; map: YAMLMap } | null {
  let found: { pair: Pair; map: YAMLMap } | null = null;
  visit(document, {
    Pair(_key, pair, path) {
      if (range(pair.key).start !== keyStart) return undefined;
      const parent = path.at(-1);
      if (isMap(parent)) found = { pair, map: parent };
      return visit.BREAK;
    },
  });
  return found;
}

/** The node (collection or scalar) written at `start`. */
function nodeAt(document: Document, start: number, test: (node: unknown) => boolean): Node | null {
  let found: Node | null = null;
  visit(document, (_key, node) => {
    if (isPair(node) || found) return undefined;
    if (range(node).start === start && test(node)) {
      found = node as Node;
      return visit.BREAK;
    }
    return undefined;
  });
  return found;
}

/** End of a pair's written value, trailing blanks left out. */
function pairEnd(text: string, pair: Pair): number {
  let end = Math.max(range(pair.key).end, pair.value ? range(pair.value).end : 0);
  while (end > range(pair.key).end && /\s/.test(text.charAt(end - 1))) end--;
  return end;
}

/** Delete a block-mapping pair's whole lines (from its key's line to its value's last line, with the line break). */
function removePairLines(parsed: ParsedConfig, pair: Pair): TextEdit | null {
  const { text, lines } = parsed;
  const keyStart = range(pair.key).start;
  const lineStart = lines.lineStartOf(keyStart);
  if (!/^[ \t]*$/.test(text.slice(lineStart, keyStart))) return null;
  let end = lines.lineEndOf(pairEnd(text, pair));
  if (text.startsWith('\r\n', end)) end += 2;
  else if (text.startsWith('\n', end)) end += 1;
  return { span: { start: lineStart, end }, newText: '' };
}

/** Rewrite a mapping so it holds exactly `pairs` (`key: value` texts): its first pairs rewritten in place, the rest removed. */
function rewriteMap(parsed: ParsedConfig, map: YAMLMap, pairs: string[]): TextEdit[] | null {
  const { text } = parsed;
  if (map.flow) return [{ span: range(map), newText: `{${pairs.join(', ')}}` }];
  const items = map.items as Pair[];
  const [firstItem] = items;
  if (!firstItem) return null;
  const edits: TextEdit[] = [];
  let complete = true;
  const keyStart = range(firstItem.key).start;
  const indent = text.slice(parsed.lines.lineStartOf(keyStart), keyStart);
  const pad = /^[ \t]*$/.test(indent) ? indent : ' '.repeat(indent.length);
  items.forEach((pair, i) => {
    if (i < pairs.length) {
      const extra =
        i === items.length - 1
          ? pairs
              .slice(i + 1)
              .map((p) => `${parsed.eol}${pad}${p}`)
              .join('')
          : '';
      edits.push({ span: { start: range(pair.key).start, end: pairEnd(text, pair) }, newText: pairs[i] + extra });
    } else {
      const removal = removePairLines(parsed, pair);
      if (removal) edits.push(removal);
      else complete = false;
    }
  });
  return complete ? edits : null;
}

/** A number as every loader reads it as a float: `1e-8` is a string under YAML 1.1 (PyYAML, the W&B CLI), `1.0e-8` is not. */
export function numberText(value: number): string {
  const text = String(value);
  return /^[-+]?\d+e/i.test(text) ? text.replace(/e/i, '.0e') : text;
}

const flowNumber = (value: number | string) => (typeof value === 'number' ? numberText(value) : JSON.stringify(value));

/** Edits that give every trial the same `value` for this entry, or null when it cannot be done minimally. */
export function fixEntryEdits(parsed: ParsedConfig, document: Document, entry: SweepEntry, value: number): TextEdit[] | null {
  switch (entry.syntax) {
    case 'wandb': {
      const map = nodeAt(document, entry.valueSpan.start, isMap) as YAMLMap | null;
      return map ? rewriteMap(parsed, map, [`value: ${flowNumber(value)}`]) : null;
    }
    case 'hydra-override':
      return [{ span: entry.valueSpan, newText: numberText(value) }];
    case 'optuna-legacy': {
      const map = nodeAt(document, entry.valueSpan.start, isMap) as YAMLMap | null;
      return map ? rewriteMap(parsed, map, ['type: categorical', `choices: [${flowNumber(value)}]`]) : null;
    }
    case 'katib': {
      const space = nodeAt(document, entry.valueSpan.start, isMap) as YAMLMap | null;
      const item = nodeAt(document, entry.span.start, isMap) as YAMLMap | null;
      if (!space || !item) return null;
      const edits = rewriteMap(parsed, space, [`list: [${JSON.stringify(numberText(value))}]`]);
      if (!edits) return null;
      const type = item.items.find((p) => isScalar(p.key) && p.key.value === 'parameterType');
      if (type && isScalar(type.value) && (type.value.value === 'double' || type.value.value === 'int')) {
        edits.push({ span: range(type.value), newText: 'discrete' });
      }
      return edits;
    }
    case 'sagemaker':
      // A range item would have to move into StaticHyperParameters: not a minimal edit.
      return null;
  }
}

/** Edits that take the entry out of the search space (the program's own default then applies), or null. */
export function removeEntryEdits(parsed: ParsedConfig, document: Document, entry: SweepEntry): TextEdit[] | null {
  // A Katib parameter is referenced by the trial template: removing it alone would break the experiment.
  if (entry.syntax === 'katib' || entry.syntax === 'sagemaker') return null;
  const found = pairAt(document, entry.keySpan.start);
  if (!found || found.map.flow || found.map.items.length < 2) return null;
  const removal = removePairLines(parsed, found.pair);
  return removal ? [removal] : null;
}
