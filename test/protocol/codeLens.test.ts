import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { ensureBuilt } from '../helpers/build';
import type { CodeLens, Hover } from 'vscode-languageserver-protocol';
import { codeLensesOf, sparkline } from '../../server/src/analysis/codeLens';
import { analyzeConfig } from '../../server/src/analysis/analyzeConfig';
import { LspTestClient, REPO } from '../helpers/lspClient';
import { must } from '../helpers/must';

const example = (name: string) => readFileSync(join(REPO, 'examples', name), 'utf8');

before(() => {
  ensureBuilt();
});

describe('sparkline', () => {
  test('a straight ramp climbs one bar at a time to a full bar', () => {
    assert.equal(
      sparkline(
        [
          { step: 0, lr: 0 },
          { step: 7, lr: 7 },
        ],
        8,
      ),
      '▂▃▄▅▅▆▇█',
    );
  });

  test('a constant LR is all full bars; an all-zero curve all low bars', () => {
    assert.equal(
      sparkline(
        [
          { step: 0, lr: 3e-4 },
          { step: 999, lr: 3e-4 },
        ],
        5,
      ),
      '█████',
    );
    assert.equal(
      sparkline(
        [
          { step: 0, lr: 0 },
          { step: 999, lr: 0 },
        ],
        4,
      ),
      '▁▁▁▁',
    );
  });

  test('a one-step restart spike inside a slice stays visible', () => {
    const points = [
      { step: 0, lr: 0.1 },
      { step: 40, lr: 0.1 },
      { step: 41, lr: 1 },
      { step: 42, lr: 0.1 },
      { step: 99, lr: 0.1 },
    ];
    assert.equal(sparkline(points, 4), '▂█▂▂');
  });
});

describe('CodeLens summaries from the core', () => {
  test('sits on the scheduler key and summarizes the run, with a sparkline', () => {
    const text = example('hf-cosine.yaml');
    const [lens, ...rest] = codeLensesOf(analyzeConfig(text, 'hf-cosine.yaml'));
    assert.equal(rest.length, 0);
    assert.ok(lens, 'a lens for hf-cosine.yaml');
    assert.equal(text.slice(lens.span.start, lens.span.end), 'lr_scheduler_type');
    // 16 slices of 125 steps: the warmup peak (step 60) fills the first, then cosine: 0.5·(1+cos(π·(t−60)/1940)) at
    // each slice start, scaled to 7 levels (checked by hand against the formula).
    assert.equal(lens.title, 'LR ████▇▇▆▅▅▄▃▃▂▂▁▁  cosine · peak 2e-5 · warmup 60 steps · ends at 1.311e-11 · 2000 steps');
  });

  test('sits on the LR key when the file names no scheduler; sparkline can be turned off', () => {
    const text = example('hf-default-linear.json');
    const [lens] = codeLensesOf(analyzeConfig(text, 'hf-default-linear.json'), { sparkline: false });
    assert.ok(lens, 'a lens for hf-default-linear.json');
    assert.equal(text.slice(lens.span.start, lens.span.end), '"learning_rate"');
    assert.match(lens.title, /^LR linear \(default\) · peak 5e-5 · warmup 20 steps · ends at 1\.042e-7 · 500 steps$/);
  });

  test('no lens for a file that is not a training config', () => {
    assert.deepEqual(codeLensesOf(analyzeConfig(example('not-a-config.yaml'), 'not-a-config.yaml')), []);
  });
});

describe('textDocument/codeLens and the curve hover over LSP', () => {
  let client: LspTestClient;
  before(async () => {
    client = await LspTestClient.start({ settings: {} });
  });
  after(async () => {
    await client.stop();
  });

  test('the server advertises CodeLens and returns the summary plus a Preview lens on the scheduler line', async () => {
    const uri = 'file:///work/lens/hf-cosine.yaml';
    await client.open(uri, example('hf-cosine.yaml'));
    const lenses = (await client.connection.sendRequest('textDocument/codeLens', { textDocument: { uri } })) as CodeLens[];
    const range = { start: { line: 6, character: 0 }, end: { line: 6, character: 17 } };
    assert.deepEqual(lenses, [
      {
        range,
        command: { title: 'LR ████▇▇▆▅▅▄▃▃▂▂▁▁  cosine · peak 2e-5 · warmup 60 steps · ends at 1.311e-11 · 2000 steps', command: '' },
      },
      { range, command: { title: 'Preview', command: 'lrLens.showCurve', arguments: [uri] } },
    ]);
  });

  test('lrLens.sparkline = false drops the sparkline; unknown documents get no lenses', async () => {
    client.settings = { sparkline: false };
    await client.connection.sendNotification('workspace/didChangeConfiguration', { settings: null });
    const uri = 'file:///work/lens/nospark.yaml';
    await client.open(uri, example('hf-cosine.yaml'));
    const lenses = (await client.connection.sendRequest('textDocument/codeLens', { textDocument: { uri } })) as CodeLens[];
    assert.equal(
      must(lenses[0]?.command, 'the summary lens command').title,
      'LR cosine · peak 2e-5 · warmup 60 steps · ends at 1.311e-11 · 2000 steps',
    );
    assert.deepEqual(await client.connection.sendRequest('textDocument/codeLens', { textDocument: { uri: 'file:///nowhere.yaml' } }), []);
    client.settings = {};
    await client.connection.sendNotification('workspace/didChangeConfiguration', { settings: null });
  });

  test('hover on the scheduler key shows the curve as an SVG image with axes and the summary', async () => {
    const uri = 'file:///work/lens/hover.yaml';
    await client.open(uri, example('hf-cosine.yaml'));
    const hover = (await client.connection.sendRequest('textDocument/hover', {
      textDocument: { uri },
      position: { line: 6, character: 4 },
    })) as Hover;
    const markdown = (hover.contents as { value: string }).value;
    const image = /!\[Learning-rate curve: [^\]]*\]\(data:image\/svg\+xml;base64,([A-Za-z0-9+/=]+)\)/.exec(markdown);
    assert.ok(image, `no data: image in ${markdown.slice(0, 300)}`);
    const svg = Buffer.from(must(image[1], 'the base64 of the image'), 'base64').toString('utf8');
    assert.match(svg, /^<svg xmlns="http:\/\/www.w3.org\/2000\/svg" width="560" height="190"/);
    assert.match(svg, /cosine · peak 2e-5 · warmup 60 steps/); // the summary, UTF-8 intact
    assert.match(svg, />step<\/text>/); // x-axis label with the unit
    assert.match(svg, />2e-5<\/text>/); // y-axis tick at the peak
    assert.match(svg, /class="lr-marker"><title>warmup ends \(step 60\)/);
    assert.match(markdown, /\n\ncosine · peak 2e-5 · warmup 60 steps · ends at 1\.311e-11 · 2000 steps\n\n/);
    assert.deepEqual(hover.range, { start: { line: 6, character: 0 }, end: { line: 6, character: 17 } });
  });
});
