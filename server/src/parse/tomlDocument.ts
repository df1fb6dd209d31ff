/**
 * A TOML text as a `yaml` Document: the tables, keys and values of the TOML AST (toml-eslint-parser) rebuilt as
 * `YAMLMap`/`YAMLSeq`/`Scalar` nodes whose `range` points at the TOML source.
 *
 * Why this shape: every reader of the core (`ConfigTree`, `entriesOf`, `placeFinding`, the plan's value origins,
 * hover, code lens, inlay hints) walks a YAML `Document` and takes spans from node ranges. Converting once here lets
 * a TOML document reach every framework module through the same `DialectInput` without a second tree type or a
 * language branch in each reader. What the conversion cannot give is YAML text: edits into a TOML file are written
 * by TOML-aware code (`tomlEdits.ts`), never by the YAML edit helpers, and only a dialect that declares TOML
 * (`Dialect.languages`) is offered a TOML document.
 *
 * Mapping (TOML 1.0 as Python's tomllib reads it):
 * - the root table and each `[a.b]` table are block maps (a header's map spans the header to its last value);
 *   dotted keys (`a.b = 1`, `[a.b]`) create the intermediate maps; `[[t]]` appends a map to a sequence;
 * - inline tables are flow maps, arrays flow sequences;
 * - integers and floats are numbers (`inf`/`nan` as in Python), booleans booleans, strings strings (basic strings
 *   as double-quoted scalars, literal strings as single-quoted ones), dates and times their source text;
 * - each key scalar spans the last segment of its key as written; each value node spans the value.
 */
import { Document, Pair, Scalar, YAMLMap, YAMLSeq, type Node } from 'yaml';
import type { AST } from 'toml-eslint-parser';

type Range = [number, number, number];

const rangeOf = (node: { range: [number, number] }): Range => [node.range[0], node.range[1], node.range[1]];

function keyName(segment: AST.TOMLBare | AST.TOMLQuoted): string {
  return segment.type === 'TOMLBare' ? segment.name : segment.value;
}

function keyScalar(segment: AST.TOMLBare | AST.TOMLQuoted): Scalar {
  const scalar = new Scalar(keyName(segment));
  scalar.range = rangeOf(segment);
  scalar.type = segment.type === 'TOMLBare' ? Scalar.PLAIN : segment.style === 'basic' ? Scalar.QUOTE_DOUBLE : Scalar.QUOTE_SINGLE;
  return scalar;
}

function valueNode(text: string, node: AST.TOMLContentNode): Node {
  switch (node.type) {
    case 'TOMLArray': {
      const seq = new YAMLSeq();
      seq.flow = true;
      seq.range = rangeOf(node);
      for (const element of node.elements) seq.items.push(valueNode(text, element));
      return seq;
    }
    case 'TOMLInlineTable': {
      const map = new YAMLMap();
      map.flow = true;
      map.range = rangeOf(node);
      for (const entry of node.body) addKeyValue(text, map, entry);
      return map;
    }
    default: {
      const source = text.slice(node.range[0], node.range[1]);
      let value: unknown;
      let type: Scalar.Type = Scalar.PLAIN;
      if (node.kind === 'string') {
        value = node.value;
        type = node.style === 'basic' ? Scalar.QUOTE_DOUBLE : Scalar.QUOTE_SINGLE;
      } else if (node.kind === 'integer' || node.kind === 'float' || node.kind === 'boolean') {
        value = node.value;
      } else {
        value = source;
      }
      const scalar = new Scalar(value);
      scalar.range = rangeOf(node);
      scalar.type = type;
      scalar.source = source;
      return scalar;
    }
  }
}

/** Each map's pairs by key name, so that a file of many tables is converted in linear time. */
const pairsByName = new WeakMap<YAMLMap, Map<string, Pair>>();

function pairNamed(map: YAMLMap, name: string): Pair | undefined {
  return pairsByName.get(map)?.get(name);
}

function addPair(map: YAMLMap, pair: Pair<Scalar>): void {
  map.items.push(pair);
  let byName = pairsByName.get(map);
  if (!byName) pairsByName.set(map, (byName = new Map()));
  byName.set(String(pair.key.value), pair);
}

/** The map at `segments` below `map`, created (spanning `span`) where missing; the last array-of-tables item for a sequence. */
function descend(map: YAMLMap, segments: readonly (AST.TOMLBare | AST.TOMLQuoted)[], span: Range): YAMLMap {
  let current = map;
  for (const segment of segments) {
    const name = keyName(segment);
    const pair = pairNamed(current, name);
    let next: unknown = pair?.value;
    if (next instanceof YAMLSeq) next = next.items[next.items.length - 1];
    if (!(next instanceof YAMLMap)) {
      // The parser rejects redefinitions (a value where a table is declared), so a missing map is a new one.
      const created = new YAMLMap();
      created.range = [...span];
      addPair(current, new Pair(keyScalar(segment), created));
      next = created;
    }
    current = next as YAMLMap;
  }
  return current;
}

function addKeyValue(text: string, map: YAMLMap, entry: AST.TOMLKeyValue): void {
  const segments = entry.key.keys;
  const last = segments[segments.length - 1];
  if (!last) return;
  const parent = descend(map, segments.slice(0, -1), rangeOf(entry));
  addPair(parent, new Pair(keyScalar(last), valueNode(text, entry.value)));
}

function addTable(text: string, root: YAMLMap, table: AST.TOMLTable): void {
  const segments = table.key.keys;
  const last = segments[segments.length - 1];
  if (!last) return;
  const span = rangeOf(table);
  const parent = descend(root, segments.slice(0, -1), span);
  let map: YAMLMap;
  const name = keyName(last);
  const existing = pairNamed(parent, name);
  if (table.kind === 'array') {
    map = new YAMLMap();
    map.range = span;
    if (existing?.value instanceof YAMLSeq) {
      existing.value.items.push(map);
      const seqRange = existing.value.range;
      if (seqRange) existing.value.range = [seqRange[0], span[1], span[2]];
    } else {
      const seq = new YAMLSeq();
      seq.range = [...span];
      seq.items.push(map);
      addPair(parent, new Pair(keyScalar(last), seq));
    }
  } else if (existing?.value instanceof YAMLMap) {
    // A table whose sub-table came first (`[a.b]` then `[a]`): its header and keys are this declaration.
    map = existing.value;
    existing.key = keyScalar(last);
    map.range = span;
  } else {
    map = new YAMLMap();
    map.range = span;
    addPair(parent, new Pair(keyScalar(last), map));
  }
  for (const entry of table.body) addKeyValue(text, map, entry);
}

/** The YAML-shaped document of a parsed TOML program (`text` is the text it was parsed from). */
export function tomlToDocument(text: string, program: AST.TOMLProgram): Document.Parsed {
  const root = new YAMLMap();
  root.range = [0, text.length, text.length];
  const top = program.body[0];
  for (const item of top.body) {
    if (item.type === 'TOMLTable') addTable(text, root, item);
    else addKeyValue(text, root, item);
  }
  const document = new Document();
  document.contents = root;
  document.range = [0, text.length, text.length];
  return document as unknown as Document.Parsed;
}
