import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { analyzeConfig } from '../../../server/src';
import { fullYamlParser, IncrementalYamlParser } from '../../../server/src/parse/incrementalYaml';
import { largeConfig } from '../../bench/largeConfig';
import { corpusFiles } from '../../helpers/corpus';
import { astDump } from './sameAsWholeParse';

/** Chunks even small texts, splits every `key:` block and cuts after every entry: every path is taken. */
const finest = () => new IncrementalYamlParser({ minLength: 0, splitMinLength: 0, cutMask: 0 });

const REPO = join(__dirname, '..', '..', '..');
const yamlFiles = (() => {
  const corpus = corpusFiles();
  if (!corpus) throw new Error('the shared corpus (../shared/corpus) is missing: these tests need it');
  const examples = readdirSync(join(REPO, 'examples'), { recursive: true, encoding: 'utf8' })
    .filter((name) => /\.ya?ml$/.test(name))
    .map((name) => ({ path: join('examples', name), text: readFileSync(join(REPO, 'examples', name), 'utf8') }));
  return [...corpus.filter((file) => /\.ya?ml$/.test(file.name)), ...examples];
})();

/** Whole parses of the texts tests come back to (a large config and its first version), parsed once. */
const wholeDumps = new Map<string, unknown>();

function assertSameAsWhole(parser: IncrementalYamlParser, text: string, label: string): void {
  const chunked = parser.parseAll(text);
  let whole = wholeDumps.get(text);
  if (whole === undefined) {
    whole = astDump(fullYamlParser.parseAll(text));
    if (text.length >= 32 * 1024) wholeDumps.set(text, whole);
  }
  assert.deepEqual(astDump(chunked), whole, label);
}

/** The large config of the edit tests (about 700 entries: above the incremental threshold four times over). */
const LARGE = largeConfig(128 * 1024);

/** A small deterministic PRNG (mulberry32), so that a failure can be replayed from the printed seed. */
function random(seed: number): (n: number) => number {
  let state = seed >>> 0;
  return (n) => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return (((t ^ (t >>> 14)) >>> 0) % n) as number;
  };
}

/** Edits as people make them: typing, deleting, duplicating or removing a line, indenting, pasting YAML. */
function edit(text: string, pick: (n: number) => number): string {
  const at = pick(text.length + 1);
  const lineStart = text.lastIndexOf('\n', at - 1) + 1;
  const newline = text.indexOf('\n', at);
  const lineEnd = newline === -1 ? text.length : newline + 1;
  const snippets = [
    'x',
    '1',
    ' ',
    '\n',
    '# note\n',
    'key: 1\n',
    '  - a: 1\n',
    '- ',
    ': ',
    '"',
    '[',
    '{',
    '|\n',
    '\t',
    'null',
    '1e-5',
    '\r\n',
    '  ',
  ];
  switch (pick(7)) {
    case 0:
      return text.slice(0, at) + 'abc1 '[pick(5)] + text.slice(at);
    case 1:
      return text.slice(0, at) + text.slice(at + 1 + pick(12));
    case 2:
      return text.slice(0, lineEnd) + text.slice(lineStart, lineEnd) + text.slice(lineEnd);
    case 3:
      return text.slice(0, lineStart) + text.slice(lineEnd);
    case 4:
      return text.slice(0, lineStart) + '  ' + text.slice(lineStart);
    case 5:
      return text.slice(0, lineStart) + text.slice(lineStart).replace(/^ {1,2}/, '');
    default:
      return text.slice(0, at) + snippets[pick(snippets.length)] + text.slice(at);
  }
}

describe('incremental YAML parsing', () => {
  test('every corpus and example file reads the same in chunks as whole (values, styles, ranges, errors)', () => {
    let chunked = 0;
    for (const file of yamlFiles) {
      const parser = finest();
      assertSameAsWhole(parser, file.text, file.path);
      if (!parser.lastParse.whole) chunked++;
    }
    // Most files are chunked (the rest hold anchors, tags or several documents, and are parsed whole).
    assert.ok(chunked >= 0.7 * yamlFiles.length, `only ${chunked} of ${yamlFiles.length} files were chunked`);
  });

  test('a long series of random edits, each checked against a whole parse of the edited text', () => {
    const seed = Number(process.env.LR_LENS_SEED ?? Date.now() % 100_000);
    console.log(`incremental YAML edits: seed ${seed} (LR_LENS_SEED=${seed} replays it)`);
    const pick = random(seed);
    let checks = 0;
    let chunked = 0;
    let reused = 0;
    for (const file of yamlFiles.filter((_, i) => i % 3 === seed % 3)) {
      const parser = finest();
      let text = file.text;
      for (let step = 0; step < 12; step++) {
        text = pick(4) === 0 ? file.text : edit(text, pick);
        assertSameAsWhole(parser, text, `${file.path} after edit ${step} (seed ${seed})`);
        checks++;
        if (!parser.lastParse.whole) chunked++;
        reused += parser.lastParse.reused;
      }
    }
    assert.ok(chunked >= checks / 3, `only ${chunked} of ${checks} edited texts were chunked`);
    assert.ok(reused > checks, 'chunks of unchanged text are reused');
  });

  test('an edit to a large config parses only the chunks it touches, and the result matches a whole parse', () => {
    const text = LARGE;
    const parser = new IncrementalYamlParser();
    assertSameAsWhole(parser, text, 'large config');
    const chunks = parser.lastParse.parsed;
    assert.ok(chunks > 50, `the large config is parsed in ${chunks} chunks`);

    const renamed = text.replace('lr_scheduler_type: cosine', 'lr_scheduler_type: linear');
    assertSameAsWhole(parser, renamed, 'after an edit in the header');
    assert.ok(parser.lastParse.parsed <= 2 && parser.lastParse.reused >= chunks - 2, JSON.stringify(parser.lastParse));

    // An insertion in the middle moves every later chunk: they are reused, their ranges moved.
    const middle = renamed.indexOf('org/dataset_00300');
    const inserted = `${renamed.slice(0, middle)}more/${renamed.slice(middle)}`;
    assertSameAsWhole(parser, inserted, 'after an insertion in the middle');
    assert.ok(parser.lastParse.parsed <= 2, JSON.stringify(parser.lastParse));

    // Deleting a whole entry, then undoing: back to the first text, nearly all from the cache.
    const entry = inserted.indexOf('  - path: org/dataset_00500');
    const next = inserted.indexOf('  - path:', entry + 1);
    assertSameAsWhole(parser, inserted.slice(0, entry) + inserted.slice(next), 'after deleting an entry');
    assertSameAsWhole(parser, inserted, 'after undoing');
    assertSameAsWhole(parser, text, 'back to the first text');
  });

  test('typing after the last entry (comments, a key without its colon yet, an item) parses only the chunks it touches', () => {
    const text = largeConfig(64 * 1024);
    const parser = new IncrementalYamlParser();
    assertSameAsWhole(parser, text, 'large config');
    const chunks = parser.lastParse.parsed;
    // Each version is diffed against the one before, as the server's documents apply a full-text change.
    const typed = ['# note\n', '    # indented note\n', 'n', 'ne', 'new_key', 'new_key:', 'new_key: 1\n', '  - path: extra\n'];
    for (const tail of typed) {
      assertSameAsWhole(parser, text + tail, `after typing ${JSON.stringify(tail)} at the end`);
      assert.equal(parser.lastParse.whole, false, JSON.stringify(tail));
      assert.ok(
        parser.lastParse.parsed <= 2 && parser.lastParse.reused >= chunks - 2,
        `${JSON.stringify(tail)}: ${JSON.stringify(parser.lastParse)}`,
      );
    }
    // The same in the middle: a key typed without its colon is a syntax error of that chunk only.
    const middle = text.indexOf('\n', text.indexOf('org/dataset_00100')) + 1;
    for (const typedKey of ['    n', '    new_key', '    new_key: 1']) {
      assertSameAsWhole(
        parser,
        `${text.slice(0, middle)}${typedKey}\n${text.slice(middle)}`,
        `after typing ${JSON.stringify(typedKey)} in the middle`,
      );
      assert.equal(parser.lastParse.whole, false, typedKey);
    }
  });

  test('comment lines after nested blocks end the enclosing blocks where a whole parse ends them', () => {
    const text = 'top:\n  mid:\n    inner:\n      a: 1\n      b: 2\n    # under inner\n  # under mid\n# at the top\n';
    for (const comments of ['', '    # c\n', '  # c\n', '# c\n', '      # c\n\n    # d\n']) {
      for (const after of ['', 'next: 1\n', '  sibling: 1\n']) {
        assertSameAsWhole(finest(), text + comments + after, JSON.stringify(comments + after));
      }
    }
  });

  test('identical entries at different places get nodes of their own', () => {
    const entry = '  - name: same\n    weight: 0.5\n';
    const text = `data:\n${entry.repeat(400)}other: 1\n`;
    const parser = new IncrementalYamlParser({ minLength: 0, splitMinLength: 0, cutMask: 0 });
    assertSameAsWhole(parser, text, 'repeated entries');
    assertSameAsWhole(parser, `# moved\n${text}`, 'repeated entries, moved');
    const [document] = parser.parseAll(text);
    assert.ok(document);
    const items = (document.toJS() as { data: unknown[] }).data;
    assert.equal(items.length, 400);
  });

  test('texts whose parts depend on each other are parsed whole, with the same result', () => {
    const cases = {
      anchors: 'defaults: &d\n  lr: 1\nrun:\n  <<: *d\n',
      tags: 'lr: !!float 1\nsteps: 10\n',
      documents: 'a: 1\n---\nb: 2\n',
      sequence: '- a: 1\n- b: 2\n',
      json: '{"learning_rate": 1e-4,\n "max_steps": 10}\n',
      indentedStart: '  a: 1\n  b: 2\n',
      directive: '%YAML 1.2\n---\na: 1\n',
    };
    for (const [name, text] of Object.entries(cases)) {
      const parser = finest();
      assertSameAsWhole(parser, text, name);
      assert.equal(parser.lastParse.whole, true, `${name} is parsed whole`);
    }
  });

  test('a syntax error in one chunk is reported exactly as a whole parse reports it', () => {
    const text = `${largeConfig(40 * 1024)}broken: [1, 2\nlast: 1\n`;
    const parser = new IncrementalYamlParser();
    const chunked = parser.parseAll(text);
    assert.ok((chunked[0]?.errors.length ?? 0) > 0);
    assert.deepEqual(astDump(chunked), astDump(fullYamlParser.parseAll(text)));
  });

  test('while a syntax error is being typed the text is parsed whole, and the chunks stay cached for when it parses again', () => {
    const text = LARGE;
    const parser = new IncrementalYamlParser();
    parser.parseAll(text);
    const chunks = parser.lastParse.parsed;
    const at = text.indexOf('org/dataset_00500');
    const broken = `${text.slice(0, at)}"unclosed ${text.slice(at)}`;
    assertSameAsWhole(parser, broken, 'with an unclosed quote');
    assert.equal(parser.lastParse.whole, true);
    assertSameAsWhole(parser, text, 'quote removed again');
    assert.equal(parser.lastParse.whole, false);
    assert.ok(parser.lastParse.parsed <= 2 && parser.lastParse.reused >= chunks - 2, JSON.stringify(parser.lastParse));
  });

  test('deeply nested blocks are split only so deep, and read as a whole parse reads them', () => {
    let text = '';
    for (let depth = 0; depth < 400; depth++)
      text += `${' '.repeat(depth)}k${depth}:\n${' '.repeat(depth + 1)}pad${depth}: ${'x'.repeat(200)}\n`;
    text += `${' '.repeat(400)}v: 1\n`;
    assertSameAsWhole(new IncrementalYamlParser({ minLength: 0, splitMinLength: 1024 }), text, 'nested 400 deep');
  });

  test('analysis with a document’s incremental parser finds what a fresh analysis finds, edit after edit', () => {
    const text = largeConfig(64 * 1024);
    const parser = new IncrementalYamlParser();
    const versions = [
      text,
      text.replace('cosine', 'cosinee'),
      text.replace('cosine', 'constant'),
      text.replace('learning_rate: 2.0e-5', 'learning_rate: -1'),
    ];
    for (const version of versions) {
      const incremental = analyzeConfig(version, 'sft.yaml', {}, { parser }).findings;
      const fresh = analyzeConfig(version, 'sft.yaml', {}).findings;
      assert.deepEqual(incremental, fresh);
    }
    assert.equal(parser.lastParse.whole, false);
  });
});
