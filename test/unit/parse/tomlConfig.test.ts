import assert from 'node:assert/strict';
import { test } from 'node:test';
import { isMap, isScalar, isSeq, type Node } from 'yaml';
import { ConfigTree } from '../../../server/src/dialects/configTree';
import { isTomlFile, MAX_TOML_LENGTH, parseConfigFile, parseTomlConfig } from '../../../server/src/parse/tomlConfig';
import { setTomlKeys, tomlFloat } from '../../../server/src/parse/tomlEdits';
import { applyEdits } from '../../../server/src/fixes/yamlEdits';

const TEXT = [
  '# lr-lens: disable=warmup-too-long',
  'title = "t"',
  '[a.b]',
  'c = 3  # three',
  "'quoted key' = 'literal'",
  'd.e = [1, 2.5, {f = true}]',
  '[[runs]]',
  'x = 1',
  '[[runs]]',
  'x = 2',
  '[a]',
  'g = 1979-05-27',
  'h = inf',
  '',
].join('\n');

const sliceOf = (text: string, node: unknown) => {
  const range = (node as Node).range;
  assert.ok(range);
  return text.slice(range[0], range[1]);
};

test('TOML becomes a YAML-shaped document whose node ranges point at the TOML source', () => {
  const parsed = parseTomlConfig(TEXT);
  assert.equal(parsed.language, 'toml');
  assert.deepEqual(parsed.syntaxProblems, []);
  assert.equal(parsed.documents.length, 1);
  const document = parsed.documents[0];
  assert.ok(document);
  assert.deepEqual(document.toJS(), {
    title: 't',
    a: { b: { c: 3, 'quoted key': 'literal', d: { e: [1, 2.5, { f: true }] } }, g: '1979-05-27', h: Infinity },
    runs: [{ x: 1 }, { x: 2 }],
  });
  const tree = new ConfigTree(document, { interpolate: false });
  const c = tree.entry('a.b.c');
  assert.ok(c);
  assert.equal(TEXT.slice(c.keySpan.start, c.keySpan.end), 'c');
  assert.equal(TEXT.slice(c.valueSpan.start, c.valueSpan.end), '3');
  const quoted = tree.entry('a.b.quoted key');
  assert.ok(quoted && isScalar(quoted.valueNode));
  assert.equal(TEXT.slice(quoted.valueSpan.start, quoted.valueSpan.end), "'literal'");
  const e = tree.entry('a.b.d.e');
  assert.ok(e && isSeq(e.valueNode) && e.valueNode.flow);
  assert.equal(TEXT.slice(e.valueSpan.start, e.valueSpan.end), '[1, 2.5, {f = true}]');
  // a table's map spans its header to its last value; [a] declared after [a.b] takes its own header
  const a = tree.entry('a');
  assert.ok(a && isMap(a.valueNode));
  assert.equal(sliceOf(TEXT, a.valueNode), '[a]\ng = 1979-05-27\nh = inf');
  assert.equal(TEXT.slice(a.keySpan.start, a.keySpan.end), 'a');
  assert.equal(parsed.directives.disabledRules.has('warmup-too-long'), true);
});

test('files are parsed by extension: .toml as TOML, anything else as YAML', () => {
  assert.ok(isTomlFile('/x/train_configs/llama3_8b.toml') && isTomlFile('C:\\x\\A.TOML') && !isTomlFile('a.toml.yaml'));
  assert.equal(parseConfigFile('a = 1\n', 'x.toml').language, 'toml');
  assert.equal(parseConfigFile('a: 1\n', 'x.yaml').language, undefined);
});

test('a syntax error is reported at its position and the rest of the file still parses', () => {
  const text = '[optimizer]\nlr = = 3e-4\n[lr_scheduler\nwarmup_steps = 2\n[training]\nsteps = 10\n';
  const parsed = parseTomlConfig(text);
  assert.deepEqual(
    parsed.syntaxProblems.map((p) => [p.message, text.slice(p.span.start, p.span.end)]),
    [
      ['TOML: Unexpected token (line 2, column 6)', '='],
      ['TOML: The key, equals sign, and value must be on the same line (line 4, column 1)', 'warmup_steps'],
    ],
  );
  // the unterminated header's keys are dropped with it, never read as another table's
  assert.deepEqual(parsed.documents[0]?.toJS(), { optimizer: {}, training: { steps: 10 } });
  // duplicate keys are an error in TOML (tomllib refuses them)
  assert.match(parseTomlConfig('a = 1\na = 2\n').syntaxProblems[0]?.message ?? '', /Defining a key multiple times/);
});

test('an assignment being typed (`key = ` with no value yet) loses only its own line, not the tables after it', () => {
  for (const text of [
    '[lr_scheduler]\nwarmup_steps = 2\ndecay_type = \n[training]\nsteps = 10\n',
    '[lr_scheduler]\nwarmup_steps = 2\ndecay_type =   # soon\n\n# next\n[training]\nsteps = 10\n',
    '[lr_scheduler]\ndecay_type = \nwarmup_steps = 2\n[training]\nsteps = 10\n',
    '[lr_scheduler]\r\nwarmup_steps = 2\r\ndecay_type =\r\n[training]\r\nsteps = 10\r\n',
    '[training]\nsteps = 10\n[lr_scheduler]\nwarmup_steps = 2\ndecay_type = ',
  ]) {
    const parsed = parseTomlConfig(text);
    assert.equal(parsed.syntaxProblems.length, 1, JSON.stringify(parsed.syntaxProblems));
    // Reported at the `=` of the unfinished line, not on the header or key the parser stopped at.
    const problem = parsed.syntaxProblems[0];
    assert.equal(text.slice(problem?.span.start, problem?.span.end), '=');
    assert.match(problem?.message ?? '', /^TOML: a value must follow `=` on the same line \(line \d\)$/);
    assert.match(text.split(/\r?\n/)[Number(/line (\d)/.exec(problem?.message ?? '')?.[1]) - 1] ?? '', /^decay_type =/);
    assert.deepEqual(parsed.documents[0]?.toJS(), { lr_scheduler: { warmup_steps: 2 }, training: { steps: 10 } }, JSON.stringify(text));
  }
  // A multi-line value is not an unfinished one.
  assert.deepEqual(parseTomlConfig('a = [\n  1,\n  2,\n]\nb = """\nx"""\n').documents[0]?.toJS(), { a: [1, 2], b: 'x' });
});

test('random damage never throws and never loops: seeded mutations of a torchtitan file', () => {
  const seed = Number(process.env['TOML_FUZZ_SEED'] ?? 20261203);
  console.log(`toml fuzz seed ${seed} (replay: TOML_FUZZ_SEED=${seed})`);
  let state = seed >>> 0;
  const random = () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
  const base =
    '[job]\ndump_folder = "./out"\n[optimizer]\nlr = 3e-4 # peak\n[lr_scheduler]\nwarmup_steps = 2\ndecay_type = "cosine"\n' +
    '[training]\nsteps = [1, {a = 2}]\n';
  const alphabet = '[]{}="\'#\n ,.=a1';
  for (let i = 0; i < 500; i++) {
    let text = base;
    for (let k = 0; k < 1 + Math.floor(random() * 4); k++) {
      const at = Math.floor(random() * text.length);
      const ch = alphabet[Math.floor(random() * alphabet.length)] ?? '';
      text = random() < 0.5 ? text.slice(0, at) + ch + text.slice(at) : text.slice(0, at) + text.slice(at + 1);
    }
    const parsed = parseTomlConfig(text);
    for (const problem of parsed.syntaxProblems)
      assert.ok(problem.span.start >= 0 && problem.span.end <= text.length, `seed ${seed} #${i}`);
    assert.ok(parsed.syntaxProblems.length <= 21, `seed ${seed} #${i}`);
  }
});

test('TOML edits keep every other byte: replace in place, append to a table, add a table after another', () => {
  const text =
    '[optimizer]\nlr = 3e-4  # peak\n\n[lr_scheduler]\n  warmup_steps = 2 # w\n\n[lr_scheduler.sub]\nq = 1\n[training]\nsteps = 10\n';
  const parsed = parseTomlConfig(text);
  const document = parsed.documents[0];
  assert.ok(document);
  const edits = setTomlKeys(parsed, document, 'lr_scheduler', [
    ['warmup_steps', 5],
    ['decay_type', 'cosine'],
    ['min_lr_factor', tomlFloat(0)],
  ]);
  // appended after the table's own last key (not inside [lr_scheduler.sub]), with its indentation
  assert.equal(
    applyEdits(text, edits),
    '[optimizer]\nlr = 3e-4  # peak\n\n[lr_scheduler]\n  warmup_steps = 5 # w\n  decay_type = "cosine"\n  min_lr_factor = 0.0\n\n' +
      '[lr_scheduler.sub]\nq = 1\n[training]\nsteps = 10\n',
  );
  const noTable = '[optimizer]\nlr = 3e-4  # peak\n\n[training]\nsteps = 10';
  const p2 = parseTomlConfig(noTable);
  const d2 = p2.documents[0];
  assert.ok(d2);
  assert.equal(
    applyEdits(noTable, setTomlKeys(p2, d2, 'lr_scheduler', [['decay_type', 'linear']], { after: 'optimizer' })),
    '[optimizer]\nlr = 3e-4  # peak\n\n[lr_scheduler]\ndecay_type = "linear"\n\n[training]\nsteps = 10',
  );
  assert.equal(
    applyEdits(noTable, setTomlKeys(p2, d2, 'lr_scheduler', [['decay_type', 'linear']], { after: 'absent' })),
    `${noTable}\n\n[lr_scheduler]\ndecay_type = "linear"\n`,
  );
  const inline = 'lr_scheduler = { warmup_steps = 2 }\n';
  const p3 = parseTomlConfig(inline);
  const d3 = p3.documents[0];
  assert.ok(d3);
  const fixed = applyEdits(inline, setTomlKeys(p3, d3, 'lr_scheduler', [['decay_type', 'cosine']]));
  assert.equal(fixed, 'lr_scheduler = { warmup_steps = 2, decay_type = "cosine" }\n');
  assert.deepEqual(parseTomlConfig(fixed).syntaxProblems, []);
  assert.deepEqual(
    [tomlFloat(1).text, tomlFloat(0.9).text, tomlFloat(1e-5).text, tomlFloat(Infinity).text],
    ['1.0', '0.9', '0.00001', 'inf'],
  );
});

test('large TOML: above MAX_TOML_LENGTH not parsed; below it, errors are recovered from within a bounded number of parses', () => {
  const block = (i: number) => `[t${i}]\nname = "x${i}"  # c\nvalue = ${i}.5\n\n`;
  let text = '';
  for (let i = 0; text.length <= MAX_TOML_LENGTH; i++) text += block(i);
  const skipped = parseTomlConfig(text);
  assert.equal(skipped.language, 'toml');
  assert.deepEqual([skipped.documents.length, skipped.syntaxProblems.length], [0, 0]);
  // 100 KB with an error in every table: at most PARSE_BUDGET / length parses (10 here), each error reported once
  const broken = text.slice(0, 100 * 1024).replace(/value = /g, 'value = = ');
  const parsed = parseTomlConfig(broken);
  assert.ok(parsed.syntaxProblems.length >= 1 && parsed.syntaxProblems.length <= 10, String(parsed.syntaxProblems.length));
  assert.equal(new Set(parsed.syntaxProblems.map((p) => p.span.start)).size, parsed.syntaxProblems.length);
});

test('arrays and inline tables nested thousands deep: a syntax problem, no document, no exception', () => {
  for (const text of ['a = ' + '['.repeat(30000) + ']'.repeat(30000), 'a = ' + '{b = '.repeat(12000) + '1' + '}'.repeat(12000)]) {
    const parsed = parseTomlConfig(text);
    assert.equal(parsed.language, 'toml');
    assert.deepEqual(
      parsed.syntaxProblems.map((p) => p.message),
      ['TOML: nested too deeply to read'],
    );
    assert.equal(parsed.documents.length, 0);
  }
  // a nesting of a few levels, as real files have, is read
  assert.deepEqual(parseTomlConfig('a = [[1, [2]], {b = {c = [3]}}]\n').documents[0]?.toJS(), { a: [[1, [2]], { b: { c: [3] } }] });
});
