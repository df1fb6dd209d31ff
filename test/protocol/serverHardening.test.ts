// The language server against hostile or odd input: edits that would corrupt a file are never offered, every-step
// curves are capped, composed files are read only inside the workspace (real paths), hovers stay inert Markdown,
// malformed notifications are dropped, and a faulting handler answers with an error and the server keeps going.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, before, describe, test } from 'node:test';
import type { CodeAction, Diagnostic, Hover, TextEdit } from 'vscode-languageserver-protocol';
import { ensureBuilt } from '../helpers/build';
import { applyLspEdits, LspTestClient } from '../helpers/lspClient';
import type { CurveResponse } from '../../server/src/lsp/protocol';

const FOLDED = 'learning_rate: 2.0e-5\nlr_scheduler_type: >-\n  constant\nwarmup_steps: 10\nmax_steps: 1000\n';

const curveOf = (client: LspTestClient, uri: string, extra: Record<string, unknown> = {}) =>
  client.connection.sendRequest('lrLens/curve', { uri, ...extra }) as Promise<CurveResponse | null>;

describe('server hardening over LSP', { timeout: 120_000 }, () => {
  let client: LspTestClient;
  before(async () => {
    ensureBuilt();
    client = await LspTestClient.start();
  });
  after(async () => {
    await client.stop();
  });

  test('a folded block scalar: the quick fix rewrites the whole scalar, and the next key stays', async () => {
    const uri = 'file:///work/hardening/folded.yaml';
    await client.open(uri, FOLDED);
    const diagnostics = await client.diagnosticsFor(uri, (d) => d.some((x) => x.code === 'constant-lr'));
    const diagnostic = diagnostics.find((d) => d.code === 'constant-lr') as Diagnostic;
    const actions = (await client.connection.sendRequest('textDocument/codeAction', {
      textDocument: { uri },
      range: diagnostic.range,
      context: { diagnostics: [diagnostic] },
    })) as CodeAction[];
    assert.ok(actions.length > 0, 'the fixes are offered');
    for (const action of actions) {
      const edits = (action.edit?.documentChanges?.[0] as { edits: TextEdit[] }).edits;
      const fixed = applyLspEdits(FOLDED, edits);
      assert.match(fixed, /^lr_scheduler_type: (cosine|linear)\nwarmup_steps: 10\nmax_steps: 1000\n$/m, fixed);
    }
    const fixAll = (await client.connection.sendRequest('textDocument/codeAction', {
      textDocument: { uri },
      range: diagnostic.range,
      context: { diagnostics: [], only: ['source.fixAll'] },
    })) as CodeAction[];
    const fixedAll = applyLspEdits(FOLDED, (fixAll[0]?.edit?.documentChanges?.[0] as { edits: TextEdit[] }).edits);
    assert.equal(fixedAll, FOLDED.replace('>-\n  constant\n', 'cosine\n'));
  });

  test('a diagnostic whose data names another finding gets no quick fix', async () => {
    const uri = 'file:///work/hardening/stale.yaml';
    await client.open(uri, FOLDED);
    const diagnostic = (await client.diagnosticsFor(uri, (d) => d.some((x) => x.code === 'constant-lr'))).find(
      (d) => d.code === 'constant-lr',
    );
    assert.ok(diagnostic);
    const ask = (data: unknown) =>
      client.connection.sendRequest('textDocument/codeAction', {
        textDocument: { uri },
        range: diagnostic.range,
        context: { diagnostics: [{ ...diagnostic, data }] },
      }) as Promise<CodeAction[]>;
    assert.ok((await ask(diagnostic.data)).length > 0, 'the diagnostic as published is fixed');
    assert.deepEqual(await ask({ index: 0, ruleId: 'warmup-too-long' }), []);
    assert.deepEqual(await ask({ index: 7, ruleId: 'constant-lr' }), []);
    assert.deepEqual(await ask(undefined), []);
  });

  test('every-step curves of long runs are capped and say so; points are bounded', async () => {
    const uri = 'file:///work/hardening/long.yaml';
    await client.open(uri, 'learning_rate: 2.0e-5\nlr_scheduler_type: cosine\nwarmup_steps: 100\nmax_steps: 2000000\n');
    const capped = await curveOf(client, uri, { everyStep: true });
    assert.equal(capped?.dialect, 'huggingface');
    assert.deepEqual(capped?.everyStepCapped, { limit: 200_000, totalSteps: 2_000_000 });
    const cappedPoints = capped?.curve?.points.length ?? Infinity;
    assert.ok(cappedPoints <= 200_000 + 100, `${cappedPoints} points`);
    assert.ok(
      capped?.description.some((line) => /capped at 200000 points/.test(line)),
      capped?.description.join('\n'),
    );
    const huge = await curveOf(client, uri, { points: 1e9 });
    const hugePoints = huge?.curve?.points.length ?? Infinity;
    assert.ok(hugePoints <= 100_000 + 100, `${hugePoints} points`);
    assert.equal(huge?.everyStepCapped, undefined);

    const short = 'file:///work/hardening/short.yaml';
    await client.open(short, 'learning_rate: 2.0e-5\nlr_scheduler_type: cosine\nwarmup_steps: 10\nmax_steps: 1000\n');
    const every = await curveOf(client, short, { everyStep: true });
    assert.equal(every?.curve?.points.length, 1000);
    assert.equal(every?.everyStepCapped, undefined);
  });

  test('hover Markdown escapes what the file says: no image, link, command link or HTML', async () => {
    const uri = 'file:///work/hardening/hover.yaml';
    const text =
      'learning_rate: "![x](command:workbench.action.quit) [y](command:z) <img src=x onerror=alert(1)>"\nlr_scheduler_type: cosine\nmax_steps: 100\n';
    await client.open(uri, text);
    await client.diagnosticsFor(uri, (d) => d.some((x) => x.code === 'invalid-value'));
    const hover = (await client.connection.sendRequest('textDocument/hover', {
      textDocument: { uri },
      position: { line: 0, character: 20 },
    })) as Hover;
    const markdown = (hover.contents as { value: string }).value;
    assert.match(markdown, /invalid-value/);
    assert.doesNotMatch(markdown, /(^|[^\\])!\[x\]/);
    assert.doesNotMatch(markdown, /(^|[^\\])\[y\]\(command:/);
    assert.doesNotMatch(markdown, /(^|[^\\])<img/);
  });

  test('a didOpen whose text is not a string is dropped; the document keeps working', async () => {
    const uri = 'file:///work/hardening/odd.yaml';
    await client.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'yaml', version: 1, text: 42 } });
    await client.connection.sendNotification('textDocument/didOpen', {
      textDocument: { uri, languageId: 'yaml', version: 1, text: { a: 1 } },
    });
    await client.connection.sendNotification('textDocument/didChange', {
      textDocument: { uri, version: 2 },
      contentChanges: [{ text: null }],
    });
    assert.equal(await curveOf(client, uri), null, 'nothing was opened');
    await client.open(uri, FOLDED, 'yaml', 3);
    assert.ok((await client.diagnosticsFor(uri, (_d, p) => p.version === 3)).some((d) => d.code === 'constant-lr'));
    // A malformed open of the open document leaves it as it was.
    await client.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'yaml', version: 4, text: 7 } });
    await client.connection.sendNotification('textDocument/didChange', {
      textDocument: { uri, version: 5 },
      contentChanges: [{ range: { start: { line: 'x' } }, text: 'y' }],
    });
    const curve = await curveOf(client, uri);
    assert.equal(curve?.version, 3);
    assert.equal(curve?.dialect, 'huggingface');
  });

  test('a handler fault is answered as an error, and the server answers the next request', async () => {
    const uri = 'file:///work/hardening/fault.yaml';
    await client.open(uri, FOLDED);
    await client.diagnosticsFor(uri, (d) => d.length > 0);
    await assert.rejects(
      client.connection.sendRequest('textDocument/codeAction', { textDocument: { uri }, range: null, context: null }),
      /LR Lens could not answer/,
    );
    const curve = await curveOf(client, uri);
    assert.equal(curve?.dialect, 'huggingface');
  });
});

describe('composed files are read only inside the workspace, by real path', { timeout: 120_000 }, () => {
  const CONFIG =
    'defaults:\n  - lr_scheduler: cosine\ncommon: {}\ntask: {_name: audio_pretraining}\ncriterion: {_name: wav2vec}\noptimization: {max_update: 1000, lr: [0.0005]}\n';
  const GROUP = '_name: cosine\nwarmup_updates: 500\n';

  /** A workspace whose Hydra group file (or folder) is made by `place`; returns the findings of the composing file. */
  async function findingsWith(
    place: (groupDir: string, outside: string) => void,
  ): Promise<{ codes: unknown[]; dialect: string | null; messages: string }> {
    const root = mkdtempSync(join(tmpdir(), 'lr-lens-ws-'));
    const outside = mkdtempSync(join(tmpdir(), 'lr-lens-outside-'));
    writeFileSync(join(outside, 'cosine.yaml'), GROUP.replace('500', '500\nsecret: ghp_SECRET'));
    mkdirSync(join(root, 'conf'), { recursive: true });
    place(join(root, 'conf', 'lr_scheduler'), outside);
    const uri = pathToFileURL(join(root, 'conf', 'config.yaml')).toString();
    const client = await LspTestClient.start({ rootUri: pathToFileURL(root).toString() });
    try {
      await client.open(uri, CONFIG);
      const diagnostics = await client.diagnosticsFor(uri);
      const curve = await curveOf(client, uri);
      const files = [
        uri,
        pathToFileURL(join(root, 'conf', 'lr_scheduler', 'cosine.yaml')).toString(),
        pathToFileURL(join(outside, 'cosine.yaml')).toString(),
      ];
      const messages = JSON.stringify(files.map((file) => client.published(file)));
      return { codes: diagnostics.map((d) => d.code), dialect: curve?.dialect ?? null, messages };
    } finally {
      await client.stop();
    }
  }

  test('a regular group file inside the workspace is read; a link to another file inside too', async () => {
    const inside = await findingsWith((dir) => {
      mkdirSync(dir);
      writeFileSync(join(dir, 'cosine.yaml'), GROUP);
    });
    assert.deepEqual(inside.codes, ['warmup-too-long']);
    const linked = await findingsWith((dir) => {
      mkdirSync(dir);
      writeFileSync(join(dir, 'real.yaml'), GROUP);
      symlinkSync(join(dir, 'real.yaml'), join(dir, 'cosine.yaml'));
    });
    assert.deepEqual(linked.codes, ['warmup-too-long']);
  });

  test('a group file, or a group folder, that links out of the workspace is not followed', async () => {
    for (const place of [
      (dir: string, outside: string) => {
        mkdirSync(dir);
        symlinkSync(join(outside, 'cosine.yaml'), join(dir, 'cosine.yaml'));
      },
      (dir: string, outside: string) => symlinkSync(outside, dir),
    ]) {
      const result = await findingsWith(place);
      assert.equal(result.dialect, 'fairseq', 'the composing file is recognized');
      assert.deepEqual(result.codes, []);
      assert.doesNotMatch(result.messages, /SECRET/);
    }
  });

  test('a FIFO as a group file does not block the server', async () => {
    const result = await findingsWith((dir) => {
      mkdirSync(dir);
      execFileSync('mkfifo', [join(dir, 'cosine.yaml')]);
    });
    assert.equal(result.dialect, 'fairseq', 'the composing file is recognized');
    assert.deepEqual(result.codes, []);
  });
});
