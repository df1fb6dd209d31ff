import {
  Document,
  isMap,
  isPair,
  isScalar,
  isSeq,
  Pair,
  parseAllDocuments,
  parseDocument,
  YAMLMap,
  YAMLSeq,
  type Node,
  type Range,
  type Scalar,
  type YAMLError,
} from 'yaml';

/** The options every LR Lens YAML parse uses (PyYAML and OmegaConf accept duplicate keys: the last one wins). */
export const YAML_OPTIONS = { keepSourceTokens: false, uniqueKeys: false, prettyErrors: false, strict: false } as const;

/** Something that turns a text into its YAML documents. */
export interface YamlDocumentsParser {
  parseAll(text: string): Document.Parsed[];
}

export const fullYamlParser: YamlDocumentsParser = {
  parseAll: (text) => [...parseAllDocuments(text, YAML_OPTIONS)] as Document.Parsed[],
};

/** Texts shorter than this are parsed whole (in a few milliseconds): no chunks are kept for them. */
export const INCREMENTAL_MIN_LENGTH = 32 * 1024;
/** An entry at least this long is split into its own entries when its value is a block collection. */
const SPLIT_MIN_LENGTH = 8 * 1024;
/** Blocks nested deeper than this are not split further (each level re-reads its lines and its ancestors' keys). */
const MAX_SPLIT_DEPTH = 16;
/** Entries are grouped into chunks of about eight (cut where an entry's first line hashes to 0 mod 8) ... */
const CUT_MASK = 7;
/** ... and of at most this many characters. */
const MAX_CHUNK_LENGTH = 16 * 1024;

/**
 * Anchors, aliases and tags tie one part of a text to another (or change how it reads); document markers and
 * directives split it. Texts holding any are parsed whole.
 */
const WHOLE_TEXT_ONLY = /(?:^|[\s[{,])[&*!][^\s,[\]{}]|^(?:---|\.\.\.|%)/m;

/** Characters that open or close flow collections and quoted scalars (whose errors depend on the lines after them). */
const FLOW_OR_QUOTE = /[[\]{}"']/;

/** First characters of a line that cannot start a plain `key: value` entry of a block mapping. */
const NOT_A_KEY = new Set(['-', '[', '{', '?', ':', '|', '>', '@', '`', '!', '&', '*', '%', ',', '#', '\t']);

interface CachedChunk {
  /** The chunk's entries (a parse's own context lines left out), with absolute ranges for `offset`. */
  items: unknown[];
  /** The range of the collection holding them, up to the chunk's end. */
  range: [number, number, number];
  /**
   * The syntax errors the chunk's own lines hold (a key typed without its colon yet, say), with absolute
   * positions for `offset`: reported as a whole parse reports them, in the order of the text.
   */
  errors: YAMLError[];
  /**
   * For the last chunk of a collection: where each collection from the top down to it ends with the comment lines
   * after it (range[2]). A whole parse counts comment lines below a nested collection into the end of an
   * enclosing one, depending on their indentation; the chunk's parse, below its ancestors' stand-ins, counts
   * them the same way.
   */
  ends?: number[];
  offset: number;
  /** How far the chunk's nodes are from where they were parsed (their ranges read it: see PlacedRange). */
  place: Place;
}

/** How far a cached chunk has moved from where it was parsed: moving it changes this one number. */
interface Place {
  delta: number;
}

/**
 * A node's source range within a cached chunk, read as the range where the chunk is now: a chunk moved by an
 * edit above it (every chunk after the edit) costs one addition, not a walk over its nodes. It reads like the
 * `[start, valueEnd, nodeEnd]` array it stands for, and copies into one (`slice`, spreading).
 */
class PlacedRange {
  private readonly start: number;
  private readonly valueEnd: number;
  private readonly nodeEnd: number;

  constructor(
    private readonly place: Place,
    parsed: Range,
  ) {
    [this.start, this.valueEnd, this.nodeEnd] = parsed;
  }

  get length(): 3 {
    return 3;
  }

  get 0(): number {
    return this.start + this.place.delta;
  }

  get 1(): number {
    return this.valueEnd + this.place.delta;
  }

  get 2(): number {
    return this.nodeEnd + this.place.delta;
  }

  slice(): Range {
    return [this[0], this[1], this[2]];
  }

  *[Symbol.iterator](): Generator<number> {
    yield this[0];
    yield this[1];
    yield this[2];
  }
}

/** A key no config uses, for the line that stands in for whatever follows a chunk. */
const SENTINEL_KEY = '__lr_lens_next__';
/**
 * Another, for the line that stands in for the entry before a chunk of mapping entries: a line typed without its
 * colon yet (`new_ke`) reads as a key only below another key, as it does in the whole text.
 */
const PREVIOUS_KEY = '__lr_lens_previous__';

/** The schema the collections assembled from chunks carry (the one every parse with YAML_OPTIONS gets). */
const SCHEMA = new Document(undefined, YAML_OPTIONS).schema;

/** The lines of a text: where each starts, its indentation in spaces and its first character (-1 when blank). */
class Lines {
  readonly starts: Int32Array;
  readonly indents: Int32Array;
  readonly firsts: Int32Array;
  readonly count: number;

  constructor(readonly text: string) {
    let count = 1;
    for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) count++;
    this.starts = new Int32Array(count + 1);
    this.indents = new Int32Array(count);
    this.firsts = new Int32Array(count);
    let line = 0;
    let start = 0;
    while (line < count) {
      const end = line === count - 1 ? text.length : text.indexOf('\n', start);
      let i = start;
      while (i < end && text.charCodeAt(i) === 32) i++;
      const first = i < end ? text.charCodeAt(i) : -1;
      this.starts[line] = start;
      this.indents[line] = i - start;
      this.firsts[line] = first === 13 && i + 1 === end ? -1 : first;
      line++;
      start = end + 1;
    }
    this.starts[count] = text.length;
    this.count = count;
  }

  /** Where the line starts (for line `count`, the end of the text). */
  start(line: number): number {
    return lineEntry(this.starts, line);
  }

  /** The line's indentation in spaces. */
  indent(line: number): number {
    return lineEntry(this.indents, line);
  }

  /** The line's first character other than a space (-1 when blank). */
  first(line: number): number {
    return lineEntry(this.firsts, line);
  }

  /** Whether the line holds something other than blanks and a comment. */
  isContent(line: number): boolean {
    const first = this.first(line);
    return first !== -1 && first !== 35; /* # */
  }
}

class NotChunkable extends Error {}

/** One line's entry of a table of `Lines`; the parser reads only lines of the text (a fault here makes it parse whole). */
function lineEntry(table: Int32Array, line: number): number {
  const value = table[line];
  if (value === undefined) throw new NotChunkable(`line ${line} is outside the table of ${table.length}`);
  return value;
}

/** A node's source range: every node a parse returns has one (a fault here makes the text parse whole). */
function rangeOf(node: Node): Range {
  if (!node.range) throw new NotChunkable('a parsed node without a source range');
  return node.range;
}

/**
 * A YAML parser for one document being edited: large texts are parsed in chunks (the entries of block
 * mappings and sequences, grouped by content so that an edit changes only the chunks around it), and chunks
 * whose text did not change are not parsed again. The assembled document has the same nodes, values and
 * source ranges as a whole parse; texts whose parts may depend on each other (anchors, aliases, tags,
 * several documents, flow collections at the top) or that a chunk cannot parse cleanly are parsed whole.
 */
export class IncrementalYamlParser implements YamlDocumentsParser {
  private cache = new Map<string, CachedChunk[]>();
  private used = new Map<string, CachedChunk[]>();
  private text = '';
  private lines: Lines | undefined;
  /** The syntax errors of the chunks assembled so far, in the order of the text. */
  private errors: YAMLError[] = [];
  /** The chunk that holds the last line of the collection assembled last. */
  private tail: CachedChunk | undefined;
  /** How the last parse went: chunks parsed anew, chunks reused, or a whole parse. */
  lastParse = { whole: true, parsed: 0, reused: 0 };

  private readonly minLength: number;
  private readonly splitMinLength: number;
  private readonly cutMask: number;

  /** The thresholds are for tests, which chunk small texts (and cut after every entry) to exercise every path. */
  constructor(options: { minLength?: number; splitMinLength?: number; cutMask?: number } = {}) {
    this.minLength = options.minLength ?? INCREMENTAL_MIN_LENGTH;
    this.splitMinLength = options.splitMinLength ?? SPLIT_MIN_LENGTH;
    this.cutMask = options.cutMask ?? CUT_MASK;
  }

  parseAll(text: string): Document.Parsed[] {
    if (text.length < this.minLength || WHOLE_TEXT_ONLY.test(text)) return this.parseWhole(text);
    this.text = text;
    this.lines = new Lines(text);
    this.used = new Map();
    this.errors = [];
    this.lastParse = { whole: false, parsed: 0, reused: 0 };
    try {
      const document = this.assembleTop();
      this.cache = this.used;
      return [document];
    } catch {
      // A text the chunks cannot stand for (a syntax error while typing, say), or a fault here: the whole
      // parse is always right. The chunks read so far stay cached (they are keyed by their text), so the
      // next version, once it parses cleanly, is not parsed from scratch.
      const kept = this.cache;
      for (const [key, chunks] of this.used) kept.set(key, [...(kept.get(key) ?? []), ...chunks]);
      const documents = fullYamlParser.parseAll(text);
      this.cache = kept;
      this.lastParse.whole = true;
      return documents;
    } finally {
      this.used = new Map();
      this.errors = [];
      this.lines = undefined;
      this.text = '';
    }
  }

  private parseWhole(text: string): Document.Parsed[] {
    this.cache = new Map();
    this.lastParse = { whole: true, parsed: 0, reused: 0 };
    return fullYamlParser.parseAll(text);
  }

  /** The lines of the text being parsed (there are while parseAll assembles chunks). */
  private currentLines(): Lines {
    if (!this.lines) throw new NotChunkable('the lines of a text are read only while it is parsed');
    return this.lines;
  }

  private assembleTop(): Document.Parsed {
    const lines = this.currentLines();
    let first = 0;
    while (first < lines.count && !lines.isContent(first)) first++;
    if (first === lines.count || lines.indents[first] !== 0) throw new NotChunkable();
    const map = this.assemble(0, lines.count, 0, 'map', []);
    const document = new Document(undefined, YAML_OPTIONS) as unknown as Document.Parsed;
    document.contents = map as Document.Parsed['contents'];
    for (const error of this.errors) document.errors.push(error);
    const [mapStart, mapValueEnd, mapEnd] = rangeOf(map);
    document.range = [mapStart, mapValueEnd, Math.max(mapEnd, this.endOfContent(lines.count - 1))];
    return document;
  }

  /** The end of the last non-blank line at or before `line` (where a whole parse ends a document's range). */
  private endOfContent(line: number): number {
    const lines = this.currentLines();
    for (let l = line; l >= 0; l--) {
      if (lines.firsts[l] !== -1) return lines.start(l + 1);
    }
    return 0;
  }

  /**
   * The block collection whose entries start at `indent` on lines [from, to): a mapping (`key: ...` lines)
   * or a sequence (`- ...` lines). `ancestors` are the lines of the `key:` entries it is the value of.
   */
  private assemble(from: number, to: number, indent: number, kind: 'map' | 'seq', ancestors: readonly number[]): YAMLMap | YAMLSeq {
    const lines = this.currentLines();
    const entries: number[] = [];
    for (let line = from; line < to; line++) {
      if (!lines.isContent(line)) continue;
      const lineIndent = lines.indent(line);
      if (lineIndent < indent) throw new NotChunkable();
      if (lineIndent > indent) continue;
      const first = String.fromCharCode(lines.first(line));
      if (kind === 'seq') {
        if (first !== '-') throw new NotChunkable();
        const after = this.text.charCodeAt(lines.start(line) + indent + 1);
        if (after !== 32 && after !== 10 && after !== 13 && !Number.isNaN(after)) throw new NotChunkable();
        entries.push(line);
      } else if (first === '-') {
        // `key:` followed by a sequence at the key's own indentation: part of the entry above.
        if (entries.length === 0) throw new NotChunkable();
      } else {
        if (NOT_A_KEY.has(first)) throw new NotChunkable();
        entries.push(line);
      }
    }
    const [firstEntry] = entries;
    if (firstEntry === undefined) throw new NotChunkable();
    // An entry's chunk runs from the blank and comment lines above it to its last line of content; the lines
    // after that are read again, as context, when the chunk is parsed.
    const spans = entries.map((entry, i) => {
      let end = entries[i + 1] ?? to;
      while (end - 1 > entry && !lines.isContent(end - 1)) end--;
      return { entry, end };
    });

    const collection = kind === 'map' ? new YAMLMap(SCHEMA) : new YAMLSeq(SCHEMA);
    const items = collection.items as unknown[];
    let end: [number, number, number] | undefined;
    /** The chunk that holds the collection's last line. */
    let tail: CachedChunk | undefined;
    let chunkFrom = from;
    let chunkEntries = 0;
    const flush = (until: number) => {
      if (chunkEntries > 0) {
        const chunk = this.parseChunk(chunkFrom, until, indent, kind, chunkEntries, ancestors, items.length > 0);
        for (const item of chunk.items) items.push(item);
        end = chunk.range;
        tail = chunk;
      }
      chunkFrom = until;
      chunkEntries = 0;
    };
    /** Where the entry before the current one ends (the lines from there on are the current one's). */
    let previousEnd = from;
    for (const { entry, end: next } of spans) {
      const start = previousEnd;
      previousEnd = next;
      const length = lines.start(next) - lines.start(start);
      if (kind === 'map' && length >= this.splitMinLength && ancestors.length < MAX_SPLIT_DEPTH) {
        const split = this.splitEntry(start, entry, next, indent, ancestors, items.length + chunkEntries > 0);
        if (split) {
          flush(start);
          items.push(split.pair);
          end = split.range;
          tail = split.tail;
          chunkFrom = next;
          continue;
        }
      }
      chunkEntries++;
      if ((this.hashLine(entry) & this.cutMask) === 0 || lines.start(next) - lines.start(chunkFrom) >= MAX_CHUNK_LENGTH) flush(next);
    }
    flush(previousEnd);
    const firstItem = items[0] as { key?: Node; range?: number[] };
    const begin = rangeOf(isPair(firstItem) ? (firstItem.key as Node) : (firstItem as Node));
    if (!end) throw new NotChunkable('a collection assembled from no chunk');
    collection.range = [kind === 'seq' ? lines.start(firstEntry) + indent : begin[0], end[1], tail?.ends?.[ancestors.length] ?? end[2]];
    this.tail = tail;
    return collection;
  }

  /**
   * A mapping entry `key:` whose value is a block collection on the lines below, assembled from the key's
   * line and that collection's own entries; undefined when the entry is not of that shape.
   */
  private splitEntry(
    from: number,
    keyLine: number,
    to: number,
    indent: number,
    ancestors: readonly number[],
    afterSibling: boolean,
  ): { pair: Pair; range: [number, number, number]; tail: CachedChunk | undefined } | undefined {
    const lines = this.currentLines();
    let body = keyLine + 1;
    while (body < to && !lines.isContent(body)) body++;
    if (body === to) return undefined;
    const bodyIndent = lines.indent(body);
    const isSeq = lines.firsts[body] === 45; /* - */
    if (bodyIndent < indent || (bodyIndent === indent && !isSeq)) return undefined;
    // The key's line (with the comments above it) must read as `key:` with no value.
    const header = this.parseChunk(from, keyLine + 1, indent, 'map', 1, ancestors, afterSibling, false);
    if (header.errors.length > 0) throw new NotChunkable();
    const pair = header.items[0] as Pair;
    const empty = pair.value as Scalar | null;
    if (!isScalar(empty) || empty.value !== null) return undefined;
    const [emptyStart, emptyEnd] = rangeOf(empty);
    if (emptyStart !== emptyEnd) return undefined;
    const value = this.assemble(keyLine + 1, to, bodyIndent, isSeq ? 'seq' : 'map', [...ancestors, keyLine]);
    const valueEnd = rangeOf(value)[2];
    return { pair: new Pair(pair.key, value), range: [valueEnd, valueEnd, valueEnd], tail: this.tail };
  }

  /**
   * One chunk of `entries` entries (lines [from, to)) of the collection at `indent`, parsed or taken from the
   * cache and moved to its place. It is parsed below the lines of its ancestors' keys and above a line that
   * stands in for the next one in the text (a key or an item at the same indentation), so that it is read
   * exactly as a whole parse reads it.
   */
  private parseChunk(
    from: number,
    to: number,
    indent: number,
    kind: 'map' | 'seq',
    entries: number,
    ancestors: readonly number[],
    afterSibling: boolean,
    withNext = true,
  ): CachedChunk {
    const lines = this.currentLines();
    const text = this.text;
    const offset = lines.start(from);
    const source = text.slice(offset, lines.start(to));
    let prefix = '';
    // Only the ancestors' indentation matters to how the chunk reads; their keys are left out of the cache key.
    for (const line of ancestors) prefix += `${' '.repeat(lines.indent(line))}k:\n`;
    const before = kind === 'map' && afterSibling ? 1 : 0;
    if (before) prefix += `${' '.repeat(indent)}${PREVIOUS_KEY}: 0\n`;
    let next = to;
    while (next < lines.count && !lines.isContent(next)) next++;
    let suffix = '';
    let nextIsSibling = false;
    /** Where the stand-in for the next entry starts in the text parsed, -1 when there is none. */
    let standIn = -1;
    if (withNext) {
      suffix = text.slice(lines.start(to), lines.start(next));
      if (next < lines.count) {
        const nextIndent = lines.indent(next);
        const nextIsItem = lines.firsts[next] === 45; /* - */
        standIn = prefix.length + source.length + suffix.length + nextIndent;
        suffix += `${' '.repeat(nextIndent)}${nextIsItem ? '- 0' : `${SENTINEL_KEY}: 0`}\n`;
        nextIsSibling = nextIndent === indent && nextIsItem === (kind === 'seq');
      }
    }
    const key = `${prefix}\u0000${source}\u0000${suffix}`;
    let chunk = this.cache.get(key)?.pop();
    if (chunk) {
      this.lastParse.reused++;
    } else {
      this.lastParse.parsed++;
      const document = parseDocument(prefix + source + suffix, YAML_OPTIONS) as Document.Parsed;
      // A syntax error is the chunk's own only when it lies within the chunk's lines, and when what follows them
      // still reads as it should: the parser may recover from an error by dropping the rest of the text, so the
      // stand-in for the next entry must be there as an entry of its own.
      if (document.errors.length > 0) {
        const start = prefix.length;
        const end = start + source.length;
        if (document.errors.some((error) => error.pos[0] < start || error.pos[1] > end)) throw new NotChunkable();
        // An unclosed flow collection or quoted scalar reads on into the lines that follow, as far as they allow.
        if (FLOW_OR_QUOTE.test(source) && !source.split('\n').every(closesOnItsLine)) throw new NotChunkable();
        if (standIn !== -1 && !holdsStandIn(document.contents, standIn)) throw new NotChunkable();
      }
      let collection: unknown = document.contents;
      const ends: number[] = [];
      for (let depth = 0; depth < ancestors.length; depth++) {
        if (!isMap(collection) || collection.flow) throw new NotChunkable();
        const [firstPair] = collection.items;
        if (!firstPair) throw new NotChunkable();
        ends.push(collection.range?.[2] ?? 0);
        collection = firstPair.value;
      }
      if (kind === 'map' ? !isMap(collection) : !isSeq(collection)) throw new NotChunkable();
      const found = collection as YAMLMap | YAMLSeq;
      if (found.flow || found.items.length !== before + entries + (nextIsSibling ? 1 : 0)) throw new NotChunkable();
      const items = found.items.slice(before, before + entries) as unknown[];
      const last = items[items.length - 1];
      const range = [...(nextIsSibling ? endOf(last) : rangeOf(found))] as [number, number, number];
      // Ranges are those of the text parsed, which begins with the ancestors' stand-ins.
      const place = { delta: 0 };
      for (const item of items) placeRanges(item, place);
      chunk = { items, range, errors: document.errors, offset: prefix.length, place };
      if (!nextIsSibling) chunk.ends = [...ends, range[2]];
    }
    moveChunk(chunk, offset);
    for (const error of chunk.errors) this.errors.push(error);
    const list = this.used.get(key);
    if (list) list.push(chunk);
    else this.used.set(key, [chunk]);
    return chunk;
  }

  private hashLine(line: number): number {
    const lines = this.currentLines();
    let hash = 0;
    for (let i = lines.start(line), end = lines.start(line + 1); i < end; i++) hash = (Math.imul(hash, 31) + this.text.charCodeAt(i)) | 0;
    return (hash ^ (hash >>> 15)) >>> 0;
  }
}

/** Whether every flow collection and quoted scalar the line opens is closed on it (counted roughly: a doubt is a no). */
function closesOnItsLine(line: string): boolean {
  if (!FLOW_OR_QUOTE.test(line)) return true;
  let squares = 0;
  let braces = 0;
  let doubles = 0;
  let singles = 0;
  for (const char of line) {
    if (char === '[') squares++;
    else if (char === ']') squares--;
    else if (char === '{') braces++;
    else if (char === '}') braces--;
    else if (char === '"') doubles++;
    else if (char === "'") singles++;
  }
  return squares === 0 && braces === 0 && doubles % 2 === 0 && singles % 2 === 0;
}

/** Whether the stand-in for the next entry (`__lr_lens_next__: 0` or `- 0`) starting at `at` reads as a whole entry. */
function holdsStandIn(node: unknown, at: number): boolean {
  if (isMap(node)) {
    return node.items.some((pair) => {
      const key = pair.key as Node | null;
      if (isScalar(key) && key.range?.[0] === at) return key.value === SENTINEL_KEY && isScalar(pair.value) && pair.value.value === 0;
      return holdsStandIn(pair.key, at) || holdsStandIn(pair.value, at);
    });
  }
  if (isSeq(node)) {
    return node.items.some((item) => (isScalar(item) && item.range?.[0] === at + 2 ? item.value === 0 : holdsStandIn(item, at)));
  }
  return false;
}

/** Where an item of a collection ends, as the collection's own range would if it were the last one. */
function endOf(item: unknown): [number, number, number] {
  const node = (isPair(item) ? (item.value ?? item.key) : item) as Node | null;
  const range = node?.range ?? [0, 0, 0];
  return [range[2], range[2], range[2]];
}

/** Moves a chunk's source ranges to where it starts now. */
function moveChunk(chunk: CachedChunk, offset: number): void {
  const delta = offset - chunk.offset;
  if (delta === 0) return;
  chunk.place.delta += delta;
  for (const error of chunk.errors) {
    error.pos[0] += delta;
    error.pos[1] += delta;
  }
  chunk.range[0] += delta;
  chunk.range[1] += delta;
  chunk.range[2] += delta;
  if (chunk.ends) chunk.ends = chunk.ends.map((end) => end + delta);
  chunk.offset = offset;
}

/** Makes every source range under `node` read where the chunk holding it is now. */
function placeRanges(node: unknown, place: Place): void {
  if (!node || typeof node !== 'object') return;
  if (isPair(node)) {
    placeRanges(node.key, place);
    placeRanges(node.value, place);
    return;
  }
  const range = (node as Node).range;
  if (range) (node as Node).range = new PlacedRange(place, range) as unknown as Range;
  if (isMap(node) || isSeq(node)) for (const item of node.items) placeRanges(item, place);
}
