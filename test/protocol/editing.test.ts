// Editing assistance over the protocol: completion, inlay hints, definition, document links and hover on values, asked of the
// real server over stdio, for every framework and sweep format in the registry (editingCases.ts), and nothing at all
// in YAML files that are not training configs.
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, before, describe, test } from 'node:test';
import {
  CompletionItemKind,
  CompletionTriggerKind,
  InsertTextFormat,
  type CompletionItem,
  type CompletionList,
  type DocumentLink,
  type Hover,
  type InlayHint,
  type LocationLink,
  type Position,
  type TextEdit,
} from 'vscode-languageserver-protocol';
import { FRAMEWORK_IDS } from '../../server/src/frameworks/registry';
import { ensureBuilt } from '../helpers/build';
import { applyLspEdits, LspTestClient } from '../helpers/lspClient';
import { EDITING_CASES, EXTRA_EDITING_CASES, withoutMarkers, type EditingCase } from './editingCases';

function positionAt(text: string, offset: number): Position {
  const before = text.slice(0, offset);
  return { line: before.split('\n').length - 1, character: offset - (before.lastIndexOf('\n') + 1) };
}

const WHOLE_FILE = { start: { line: 0, character: 0 }, end: { line: 100_000, character: 0 } };

before(() => {
  ensureBuilt();
});

describe('editing assistance over stdio', () => {
  let client: LspTestClient;
  before(async () => {
    client = await LspTestClient.start({ settings: {} });
  });
  after(async () => {
    await client.stop();
  });

  const complete = async (uri: string, position: Position, trigger?: string): Promise<CompletionItem[] | null> => {
    const context =
      trigger === undefined
        ? { triggerKind: CompletionTriggerKind.Invoked }
        : { triggerKind: CompletionTriggerKind.TriggerCharacter, triggerCharacter: trigger };
    const list = (await client.connection.sendRequest('textDocument/completion', {
      textDocument: { uri },
      position,
      context,
    })) as CompletionList | null;
    return list && list.items;
  };
  const hintsOf = async (uri: string) =>
    (await client.connection.sendRequest('textDocument/inlayHint', { textDocument: { uri }, range: WHOLE_FILE })) as InlayHint[] | null;
  const recognized = async (uri: string) =>
    ((await client.connection.sendRequest('lrLens/curve', { uri })) as { dialect: string | null }).dialect;

  test('every framework in the registry has an editing case', () => {
    assert.deepEqual(
      FRAMEWORK_IDS.filter((id) => !(id in EDITING_CASES)),
      [],
    );
  });

  const cases: [name: string, dialect: string, spec: EditingCase][] = [
    ...FRAMEWORK_IDS.map((id): [string, string, EditingCase] => [id, id, EDITING_CASES[id]]),
    ...EXTRA_EDITING_CASES.map((spec): [string, string, EditingCase] => [spec.name, spec.dialect, spec]),
  ];
  for (const [name, id, spec] of cases) {
    test(`${name}: completion at a value and at a key, inlay hints, navigation`, async (t) => {
      const { text, value, key } = withoutMarkers(spec.text);
      const uri = `file:///work/editing/${name.replace(/\W+/g, '-')}/${spec.fileName}`;
      await client.open(uri, text, spec.fileName.endsWith('.json') ? 'json' : spec.fileName.endsWith('.toml') ? 'toml' : 'yaml');
      assert.equal(await recognized(uri), id, 'the case must be recognized as its framework');

      const hints = (await hintsOf(uri)) ?? [];
      assert.equal(hints.length, spec.hints.length, `hints: ${JSON.stringify(hints.map((h) => h.label))}`);
      spec.hints.forEach((pattern, i) => assert.match(String(hints[i]?.label), pattern));
      for (const hint of hints) assert.equal(hint.paddingLeft, true);

      if (spec.noCompletion) {
        // Not a todo (a todo test's failures would not count): the file asserts the rest, and that nothing is offered.
        t.diagnostic(`no completion: ${spec.noCompletion}`);
        for (const offset of [value, key, text.indexOf('\n') + 1, text.length]) {
          if (offset !== undefined) assert.equal(await complete(uri, positionAt(text, offset)), null);
        }
        return;
      }
      // Navigation: an interpolation leads to its key; a file that composes nothing has no links.
      assert.deepEqual(await client.connection.sendRequest('textDocument/documentLink', { textDocument: { uri } }), []);
      if (spec.definition) {
        const from = text.indexOf(spec.definition.from);
        assert.ok(from >= 0);
        const found = (await client.connection.sendRequest('textDocument/definition', {
          textDocument: { uri },
          position: positionAt(text, from + 3),
        })) as LocationLink[] | null;
        assert.equal(found?.[0]?.targetUri, uri);
        const targetLine = found?.[0]?.targetSelectionRange.start.line ?? -1;
        assert.ok(text.split('\n')[targetLine]?.startsWith(spec.definition.to), `landed on line ${targetLine}`);
      }
      if (value !== undefined) {
        assert.equal(
          await client.connection.sendRequest('textDocument/definition', { textDocument: { uri }, position: positionAt(text, value) }),
          null,
        );
      }

      assert.ok((value !== undefined && spec.valueItem) || (key !== undefined && spec.keyItem), 'a position and the item expected there');
      if (value !== undefined && spec.valueItem) await valueCompletion(uri, text, value, spec.valueItem, spec.valueAtKey);
      // JSON files (DeepSpeed) get names at values only: keys would be inserted as YAML.
      if (key === undefined || !spec.keyItem) return;
      const keys = (await complete(uri, positionAt(text, key))) ?? [];
      const keyItem = keys.find((i) => i.label === spec.keyItem);
      assert.ok(keyItem, `${spec.keyItem} not offered: ${keys.map((i) => i.label).join(', ')}`);
      assert.equal(keyItem.kind, CompletionItemKind.Property);
      if (spec.keyDetail) assert.match(String(keyItem.detail), spec.keyDetail);
      const keyEdit = keyItem.textEdit as TextEdit;
      // Snippet tab stops (`${1:name}`) take their placeholder text, as an editor inserts them.
      const inserted =
        keyItem.insertTextFormat === InsertTextFormat.Snippet ? keyEdit.newText.replace(/\$\{\d+:([^}]*)\}/g, '$1') : keyEdit.newText;
      // YAML sweeps write the name first (Katib as a list item); SageMaker writes a JSON range object.
      assert.match(inserted, new RegExp(`^(- \\{name: |\\{"Name": ")?(optimizer\\.)?${spec.keyItem}`));
      // A space typed while indenting is no reason to list keys.
      assert.equal(await complete(uri, positionAt(text, key), ' '), null);
      if (spec.ruleAfterKey) {
        const after = `${uri.replace(/(\.\w+)$/, '-after$1')}`;
        await client.open(after, applyLspEdits(text, [{ range: keyEdit.range, newText: inserted }]));
        const diagnostics = await client.diagnosticsFor(after, (d) => d.length > 0);
        assert.ok(
          diagnostics.some((d) => d.code === spec.ruleAfterKey),
          JSON.stringify(diagnostics.map((d) => d.code)),
        );
      }
    });
  }

  async function valueCompletion(uri: string, text: string, value: number, valueItem: string, atKey = false): Promise<void> {
    const items = (await complete(uri, positionAt(text, value))) ?? [];
    const item = items.find((i) => i.label === valueItem);
    assert.ok(item, `${valueItem} not offered: ${items.map((i) => i.label).join(', ')}`);
    assert.ok(items.length <= 40, `few items, not ${items.length}`);
    assert.equal(item.documentation && typeof item.documentation === 'object' ? item.documentation.kind : undefined, 'markdown');
    if (item.kind === CompletionItemKind.EnumMember) {
      // Schedulers: decaying ones (cosine, linear) sort first, when the framework has any.
      const decaying = (i: CompletionItem) => /^(cosine|linear) schedule/.test(String(i.detail));
      const first = [...items].sort((a, b) => String(a.sortText).localeCompare(String(b.sortText)))[0];
      if (items.some(decaying)) assert.ok(first && decaying(first), String(first?.detail));
    }
    // The item's edit replaces the value on its line only; every other byte stays.
    const edited = applyLspEdits(text, [item.textEdit as TextEdit]);
    const line = positionAt(text, value).line;
    const split = (s: string) => s.split('\n');
    assert.deepEqual(
      split(edited).filter((_, i) => i !== line),
      split(text).filter((_, i) => i !== line),
    );
    assert.ok(split(edited)[line]?.includes(valueItem), split(edited)[line]);
    // After a trigger character (the space after the colon) a value position still answers; names at a key do not.
    if (atKey) assert.equal(await complete(uri, positionAt(text, value), ' '), null);
    else assert.ok((await complete(uri, positionAt(text, value), ' '))?.some((i) => i.label === valueItem));
  }

  test('a value typed right after the colon gets its space; the sparkline documentation shows the curve', async () => {
    const uri = 'file:///work/editing/colon.yaml';
    const text = 'output_dir: out\nlearning_rate: 2.0e-5\nmax_steps: 1000\nlr_scheduler_type:\n';
    await client.open(uri, text);
    assert.equal(await recognized(uri), 'huggingface');
    const items = (await complete(uri, { line: 3, character: 18 }, ':')) ?? [];
    const cosine = items.find((i) => i.label === 'cosine');
    assert.ok(cosine);
    assert.equal(applyLspEdits(text, [cosine.textEdit as TextEdit]), text.replace('lr_scheduler_type:', 'lr_scheduler_type: cosine'));
    // A name that needs a key brings it (HF raises ValueError for cosine_with_min_lr without a floor).
    const withMin = items.find((i) => i.label === 'cosine_with_min_lr');
    assert.ok(withMin);
    assert.equal(
      applyLspEdits(text, [withMin.textEdit as TextEdit, ...(withMin.additionalTextEdits ?? [])]),
      text.replace('lr_scheduler_type:\n', 'lr_scheduler_type: cosine_with_min_lr\nlr_scheduler_kwargs: {min_lr_rate: 0.1}\n'),
    );
    assert.doesNotMatch((cosine.documentation as { value: string }).value, /[▁▂▃▄▅▆▇█]/, 'the list is sent without sparklines');
    const resolved = (await client.connection.sendRequest('completionItem/resolve', cosine)) as CompletionItem;
    const documentation = (resolved.documentation as { value: string }).value;
    assert.match(documentation, /^[▁▂▃▄▅▆▇█]{24} {2}\n/);
    assert.match(documentation, /cosine · peak 2e-5/);
    assert.match(documentation, /Recommended default/);
  });

  test('lrLens.inlayHints = false turns the hints off', async () => {
    const uri = 'file:///work/editing/nohints.yaml';
    await client.open(uri, 'output_dir: out\nlearning_rate: 2.0e-5\nlr_scheduler_type: cosine\nwarmup_ratio: 0.03\nmax_steps: 2000\n');
    assert.deepEqual(
      (await hintsOf(uri))?.map((h) => h.label),
      ['= 60 steps'],
    );
    client.settings = { inlayHints: false };
    await client.connection.sendNotification('workspace/didChangeConfiguration', { settings: null });
    try {
      assert.deepEqual(await hintsOf(uri), []);
    } finally {
      client.settings = {};
      await client.connection.sendNotification('workspace/didChangeConfiguration', { settings: null });
    }
    assert.equal((await hintsOf(uri))?.length, 1);
  });

  test('hover on a scheduler name: its formula in one line and the curve it gives here', async () => {
    const uri = 'file:///work/editing/hovername.yaml';
    await client.open(uri, 'output_dir: out\nlearning_rate: 2.0e-5\nlr_scheduler_type: cosine\nwarmup_steps: 100\nmax_steps: 2000\n');
    const hover = (await client.connection.sendRequest('textDocument/hover', {
      textDocument: { uri },
      position: { line: 2, character: 21 },
    })) as Hover;
    const markdown = (hover.contents as { value: string }).value;
    assert.match(
      markdown,
      /`linear warmup over 100 steps, then lr\(t\) = 0 \+ \(2e-5 − 0\) · ½ · \(1 \+ cos\(π · \(t − 100\) \/ 1900\)\)`/,
    );
    assert.match(markdown, /!\[Learning-rate curve: [^\]]*\]\(data:image\/svg\+xml;base64,/);
    assert.deepEqual(hover.range, { start: { line: 2, character: 19 }, end: { line: 2, character: 25 } });
  });

  for (const [name, text, at] of [
    [
      'a GitHub Actions workflow',
      'name: ci\non: [push]\njobs:\n  test:\n    runs-on: ubuntu-latest\n    env:\n      LR: ${{ secrets.LR }}\n    steps:\n      - run: make\n',
      { line: 6, character: 14 },
    ],
    [
      'a Kubernetes manifest',
      'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: trainer\nspec:\n  replicas: 1\n  \n',
      { line: 6, character: 2 },
    ],
    [
      'a docker-compose file',
      'services:\n  train:\n    image: trainer:latest\n    environment:\n      - LR=0.001\n    command: python train.py\n',
      { line: 5, character: 13 },
    ],
  ] as const) {
    test(`nothing is offered in ${name}`, async () => {
      const uri = `file:///work/editing/negative-${name.replace(/\W+/g, '-')}.yaml`;
      await client.open(uri, text);
      assert.equal(await recognized(uri), null, 'the file must not be recognized as a training config');
      assert.equal(await complete(uri, at), null);
      assert.equal(await complete(uri, { line: 1, character: 0 }), null);
      assert.deepEqual(await hintsOf(uri), []);
      assert.deepEqual(await client.connection.sendRequest('textDocument/documentLink', { textDocument: { uri } }), []);
      assert.equal(await client.connection.sendRequest('textDocument/definition', { textDocument: { uri }, position: at }), null);
    });
  }
});

describe('nothing offered in JSON and TOML files that are not training configs', () => {
  let client: LspTestClient;
  before(async () => {
    client = await LspTestClient.start({ settings: {} });
  });
  after(async () => {
    await client.stop();
  });

  for (const [name, fileName, marked] of [
    // ParameterRanges without ResourceLimits or Strategy is not a SageMaker tuning job.
    [
      'a plain JSON file with ParameterRanges (not a SageMaker job)',
      'ranges.json',
      '{\n  "ParameterRanges": {\n    "ContinuousParameterRanges": [\n      {"Name": "lr", "ScalingType": "|Linear"},\n      \n    ]\n  }\n}\n',
    ],
    ['a package.json', 'package.json', '{\n  "name": "x",\n  "scripts": {"test": "|node"},\n  "files": [\n    \n  ]\n}\n'],
    [
      'a pyproject.toml (not torchtitan)',
      'pyproject.toml',
      '[project]\nname = |\nversion = "1.0"\n\n[tool.ruff]\nline-length = 100\n\n[training]\nsteps = 10\n',
    ],
    ['a TOML file under train_configs that is not torchtitan', 'train_configs/app.toml', '[server]\nport = 8080\nname = "|"\n'],
  ] as const) {
    test(`nothing is offered in ${name}`, async () => {
      const offset = marked.indexOf('|');
      const text = marked.replace('|', '');
      const uri = `file:///work/editing/negative-json-toml/${fileName}`;
      await client.open(uri, text, fileName.endsWith('.toml') ? 'toml' : 'json');
      const dialect = ((await client.connection.sendRequest('lrLens/curve', { uri })) as { dialect: string | null }).dialect;
      assert.equal(dialect, null, 'the file must not be recognized as a training config');
      const complete = (position: Position) =>
        client.connection.sendRequest('textDocument/completion', { textDocument: { uri }, position, context: { triggerKind: 1 } });
      for (const at of [offset, text.indexOf('\n  \n') + 3, text.indexOf('\n') + 1]) {
        if (at > 0) assert.equal(await complete(positionAt(text, at)), null, `at offset ${at}`);
      }
      assert.deepEqual(await client.connection.sendRequest('textDocument/inlayHint', { textDocument: { uri }, range: WHOLE_FILE }), []);
    });
  }
});

describe('navigation over stdio, in a workspace on disk', () => {
  let root: string;
  let client: LspTestClient;
  const file = (path: string) => join(root, path);
  const uriOf = (path: string) => pathToFileURL(file(path)).toString();
  before(async () => {
    root = mkdtempSync(join(tmpdir(), 'lr-lens-editing-'));
    mkdirSync(file('conf/lr_scheduler'), { recursive: true });
    mkdirSync(file('configs/COCO'), { recursive: true });
    writeFileSync(file('conf/lr_scheduler/cosine.yaml'), '_name: cosine\nwarmup_updates: 500\n');
    writeFileSync(
      file('configs/Base-RCNN-FPN.yaml'),
      'MODEL:\n  META_ARCHITECTURE: GeneralizedRCNN\nSOLVER:\n  BASE_LR: 0.02\n  STEPS: (60000, 80000)\n  MAX_ITER: 90000\n',
    );
    client = await LspTestClient.start({ rootUri: pathToFileURL(root).toString(), settings: {} });
  });
  after(async () => {
    await client.stop();
  });
  const links = async (uri: string) =>
    (await client.connection.sendRequest('textDocument/documentLink', { textDocument: { uri } })) as DocumentLink[];
  const definition = async (uri: string, position: Position) =>
    (await client.connection.sendRequest('textDocument/definition', { textDocument: { uri }, position })) as LocationLink[] | null;

  test('fairseq (Hydra): a defaults item links to its group file; go to definition lands there, and an interpolation in its key', async () => {
    const uri = uriOf('conf/config.yaml');
    const text =
      'defaults:\n  - lr_scheduler: cosine\ncommon: {}\ntask: {_name: audio_pretraining}\ncriterion: {_name: wav2vec}\noptimization: {max_update: 100000, lr: [0.0005]}\n' +
      'checkpoint:\n  save_interval_updates: ${lr_scheduler.warmup_updates}\n';
    await client.open(uri, text);
    const found = await links(uri);
    assert.deepEqual(
      found.map((l) => [l.range, l.target]),
      [[{ start: { line: 1, character: 18 }, end: { line: 1, character: 24 } }, uriOf('conf/lr_scheduler/cosine.yaml')]],
    );
    const [target] = (await definition(uri, { line: 1, character: 20 })) ?? [];
    assert.equal(target?.targetUri, uriOf('conf/lr_scheduler/cosine.yaml'));
    assert.deepEqual(target?.originSelectionRange, found[0]?.range);
    // An interpolation into the composed group goes to the key in the group file.
    const [composed] = (await definition(uri, { line: 7, character: 30 })) ?? [];
    assert.deepEqual(
      [composed?.targetUri, composed?.targetSelectionRange],
      [uriOf('conf/lr_scheduler/cosine.yaml'), { start: { line: 1, character: 0 }, end: { line: 1, character: 14 } }],
    );
  });

  test('detectron2: _BASE_ links to the base file; an interpolation-free value has no definition', async () => {
    const uri = uriOf('configs/COCO/faster.yaml');
    const text = '_BASE_: "../Base-RCNN-FPN.yaml"\nMODEL:\n  MASK_ON: False\nSOLVER:\n  BASE_LR: 0.02\n  MAX_ITER: 180000\n';
    await client.open(uri, text);
    const found = await links(uri);
    assert.deepEqual(
      found.map((l) => l.target),
      [uriOf('configs/Base-RCNN-FPN.yaml')],
    );
    assert.equal((await definition(uri, { line: 0, character: 12 }))?.[0]?.targetUri, uriOf('configs/Base-RCNN-FPN.yaml'));
    assert.equal(await definition(uri, { line: 4, character: 12 }), null);
  });

  test('composer: ${variables.lr} goes to the key it resolves to; NeMo ${..lr} climbs to its parent', async () => {
    const uri = uriOf('mpt.yaml');
    const text = withoutMarkers(EDITING_CASES.composer.text).text;
    await client.open(uri, text);
    const line = text.split('\n').findIndex((l) => l.includes('${variables.lr}'));
    const [target] = (await definition(uri, { line, character: 10 })) ?? [];
    assert.equal(target?.targetUri, uri);
    assert.deepEqual(target?.targetSelectionRange, { start: { line: 1, character: 2 }, end: { line: 1, character: 4 } });

    const nemo = uriOf('nemo.yaml');
    const nemoText =
      'name: run\nmodel:\n  train_ds: {}\n  optim:\n    name: adamw\n    lr: 1e-3\n    sched:\n      name: CosineAnnealing\n      min_lr: ${..lr}\ntrainer:\n  max_steps: 10000\nexp_manager: {}\n';
    await client.open(nemo, nemoText);
    const [up] = (await definition(nemo, { line: 8, character: 16 })) ?? [];
    assert.deepEqual([up?.targetUri, up?.targetSelectionRange.start], [nemo, { line: 5, character: 4 }]);
  });
});
