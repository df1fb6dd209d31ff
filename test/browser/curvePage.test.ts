// The built curve page (dist/webview) in headless Chromium, as the webview runs it: a strict CSP with a nonce, a stub
// `acquireVsCodeApi`, messages posted the way VS Code posts them, and every request answered from dist/ (anything
// else is a failure: the page must load no remote resources). The page harness is in curvePageHarness.ts.
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { ensureBuilt } from '../helpers/build';
import type { Page } from 'playwright-core';
import { formatLr } from '../../server/src/analysis/describePlan';
import type { CurveResponse } from '../../server/src/lsp/protocol';
import { parsePageMessage } from '../../client/webview/messages';
import { LspTestClient, REPO } from '../helpers/lspClient';
import { DARK, LIGHT, NONCE, ORIGIN, openPage, setTheme, type Harness } from './curvePageHarness';

const SCREENSHOTS = join(REPO, 'test-results', 'screenshots');

const COSINE = readFileSync(join(REPO, 'examples', 'hf-cosine.yaml'), 'utf8');
const CONSTANT = readFileSync(join(REPO, 'examples', 'hf-constant.yaml'), 'utf8');

let cosine: CurveResponse;
let cosineLonger: CurveResponse;
let constant: CurveResponse;
let constantPreviews: { title: string; points: { step: number; lr: number }[] }[];

before(async () => {
  ensureBuilt();
  // The page is fed what the real server answers.
  const server = await LspTestClient.start();
  try {
    const curveOf = async (uri: string, text: string) => {
      await server.open(uri, text);
      return (await server.connection.sendRequest('lrLens/curve', { uri, points: 400 })) as CurveResponse;
    };
    cosine = await curveOf('file:///ws/hf-cosine.yaml', COSINE);
    cosineLonger = await curveOf(
      'file:///ws/hf-cosine-4000.yaml',
      COSINE.replace('max_steps: 2000', 'max_steps: 4000').replace('2.0e-5', '3.0e-5'),
    );
    constant = await curveOf('file:///ws/hf-constant.yaml', CONSTANT);
    const previews = (await server.connection.sendRequest('lrLens/fixPreviews', {
      uri: 'file:///ws/hf-constant.yaml',
      position: { line: 5, character: 25 },
    })) as { previews: typeof constantPreviews };
    constantPreviews = previews.previews;
  } finally {
    await server.stop();
  }
  assert.ok(cosine.curve && cosineLonger.curve && constant.curve, 'the server draws the example curves');
  mkdirSync(SCREENSHOTS, { recursive: true });
});

/** Marks the chart's canvas so a later check can tell whether the chart was rebuilt or updated in place. */
const markCanvas = (page: Page) =>
  page.evaluate(() => ((document.querySelector('#chart canvas') as unknown as { __mark: number }).__mark = 42));
const canvasMarked = (page: Page) =>
  page.evaluate(() => (document.querySelector('#chart canvas') as unknown as { __mark?: number } | null)?.__mark === 42);

describe('curve page in headless Chromium', () => {
  let h: Harness;
  before(async () => {
    h = await openPage();
  });
  after(async () => {
    await h?.close();
  });

  test('sets a strict CSP with a nonce, asks for the curve, loads nothing remote', async () => {
    const csp = await h.page.getAttribute('meta[http-equiv="Content-Security-Policy"]', 'content');
    assert.equal(csp, `default-src 'none'; img-src ${ORIGIN} data:; style-src ${ORIGIN} 'nonce-${NONCE}'; script-src 'nonce-${NONCE}'`);
    assert.equal(await h.page.getAttribute('script', 'nonce'), NONCE);
    await h.page
      .waitForFunction(() => (window as unknown as { __posted: unknown[] }).__posted.length > 0, undefined, { timeout: 5000 })
      .catch(() => undefined);
    assert.deepEqual(h.errors, []);
    assert.deepEqual(await h.posted(), [{ type: 'ready' }]);
    assert.deepEqual(h.offOrigin, []);
    assert.deepEqual(await h.page.evaluate(() => (window as unknown as { __violations: string[] }).__violations), []);
    // The CSP is enforced: an inline script without the nonce does not run.
    const ran = await h.page.evaluate(() => {
      const script = document.createElement('script');
      script.textContent = 'window.__inlineRan = true';
      document.body.append(script);
      return (window as unknown as { __inlineRan?: boolean }).__inlineRan === true;
    });
    assert.equal(ran, false);
    assert.deepEqual(
      h.errors.splice(0).map((e) => /^Executing inline script violates .*script-src 'nonce-/.test(e)),
      [true],
    );
  });

  test('renders the curve from a posted message, with summary, axis note and markers', async () => {
    await setTheme(h.page, 'vscode-light', LIGHT);
    await h.send({ type: 'curve', fileName: 'examples/hf-cosine.yaml', response: cosine });
    await h.page.waitForSelector('#chart .uplot canvas');
    assert.equal(await h.page.textContent('#title'), 'Learning-Rate Curve · examples/hf-cosine.yaml');
    assert.equal(await h.page.textContent('#summary'), 'cosine · peak 2e-5 · warmup 60 steps · ends at 1.311e-11 · 2000 steps');
    assert.equal(await h.page.textContent('#axis-note'), 'x: 2000 steps');
    assert.deepEqual(await h.page.$$eval('#description li', (items) => items.map((i) => i.textContent)), cosine.description);
    assert.equal(await h.page.isDisabled('#export-csv'), false);
    await h.page.screenshot({ path: join(SCREENSHOTS, 'curve-light.png') });
  });

  test('the crosshair reads out the step and the LR under the mouse', async () => {
    const over = await h.page.$('#chart .u-over');
    assert.ok(over, 'the chart has its overlay');
    const box = await over.boundingBox();
    assert.ok(box, 'the overlay is shown');
    await h.page.mouse.move(box.x + box.width * 0.5, box.y + box.height * 0.5);
    await h.page.waitForFunction(() => (document.getElementById('readout')?.textContent ?? '') !== '');
    const text = await h.page.textContent('#readout');
    assert.ok(text !== null);
    const match = /^step (\d+) · LR: (\S+)$/.exec(text);
    assert.ok(match, text);
    const step = Number(match[1]);
    assert.ok(step > 800 && step < 1200, `step ${step} is mid-run`);
    const point = cosine.curve?.points.find((p) => p.step === step);
    assert.ok(point, `step ${step} is one of the curve's points`);
    assert.equal(match[2], formatLr(point.lr));
  });

  test('a second message updates the existing chart in place (no rebuild, no reload)', async () => {
    await markCanvas(h.page);
    await h.send({ type: 'curve', fileName: 'examples/hf-cosine.yaml', response: cosineLonger });
    await h.page.waitForFunction(() => document.getElementById('summary')?.textContent?.includes('4000 steps') === true);
    assert.equal(await h.page.textContent('#summary'), cosineLonger.curve?.summary.text);
    assert.equal(await canvasMarked(h.page), true, 'the same chart, new data');
    assert.deepEqual(await h.posted(), [{ type: 'ready' }], 'no second ready: the page was not reloaded');
  });

  test('malformed messages are ignored and break nothing', async () => {
    const before = await h.page.textContent('#summary');
    for (const bad of [
      null,
      'curve',
      { type: 'curve' },
      { type: 'curve', fileName: 7, response: null },
      { type: 'curve', fileName: 'x', response: { ...cosine, curve: { ...cosine.curve, points: [{ step: 'a', lr: 1 }] } } },
      { type: 'curve', fileName: '<img src=x onerror=alert(1)>', response: { uri: 1 } },
      { type: 'script', code: 'alert(1)' },
    ]) {
      await h.send(bad);
    }
    await h.send({ type: 'curve', fileName: 'examples/hf-cosine.yaml', response: cosineLonger }); // a good one after the bad ones
    await h.page.waitForFunction(() => document.getElementById('title')?.textContent === 'Learning-Rate Curve · examples/hf-cosine.yaml');
    assert.equal(await h.page.textContent('#summary'), before);
    assert.equal(await canvasMarked(h.page), true);
    assert.equal(await h.page.$('img'), null);
    assert.deepEqual(h.errors, []);
  });

  test('log y-axis toggle redraws and can be turned back', async () => {
    const linear = await h.page.locator('#chart canvas').screenshot();
    await h.page.click('#log');
    assert.equal(await h.page.getAttribute('#log', 'aria-pressed'), 'true');
    const log = await h.page.locator('#chart canvas').screenshot();
    assert.notDeepEqual(log, linear);
    await h.page.screenshot({ path: join(SCREENSHOTS, 'curve-light-log.png') });
    await h.page.click('#log');
    assert.equal(await h.page.getAttribute('#log', 'aria-pressed'), 'false');
  });

  test('compare mode draws each fix curve beside the current one', async () => {
    assert.deepEqual(
      constantPreviews.map((p) => p.title),
      ['Use cosine decay', 'Use linear decay'],
    );
    await h.send({ type: 'curve', fileName: 'examples/hf-constant.yaml', response: constant, previews: constantPreviews });
    await h.page.waitForFunction(() => document.querySelectorAll('.u-legend .u-series').length === 4);
    const labels = await h.page.$$eval('.u-legend .u-series .u-label', (items) => items.map((i) => i.textContent));
    assert.deepEqual(labels, ['step', 'LR', 'Use cosine decay', 'Use linear decay']);
    assert.match(
      (await h.page.textContent('#axis-note')) ?? '',
      /dashed: the curve after each quick fix \(Use cosine decay, Use linear decay\)/,
    );
    await h.page.screenshot({ path: join(SCREENSHOTS, 'curve-compare-light.png') });
  });

  test('exports ask the host with messages its schema accepts', async () => {
    for (const format of ['csv', 'svg', 'png']) await h.page.click(`#export-${format}`);
    const exports = (await h.posted()).slice(1) as { type: string; format: string; content?: string }[];
    assert.deepEqual(
      exports.map((m) => m.format),
      ['csv', 'svg', 'png'],
    );
    for (const message of exports)
      assert.notEqual(parsePageMessage(message), undefined, `${message.format} export passes the host's check`);
    const [, svg, png] = exports;
    assert.match(svg?.content ?? '', /^<svg [^>]*>\n<title>constant_with_warmup · peak 1e-5/);
    assert.match(png?.content ?? '', /^data:image\/png;base64,/);
  });

  test('follows the theme: dark colors after VS Code switches theme', async () => {
    await h.send({ type: 'curve', fileName: 'examples/hf-cosine.yaml', response: cosine });
    await setTheme(h.page, 'vscode-dark', DARK);
    await h.page.waitForFunction(() => getComputedStyle(document.body).backgroundColor === 'rgb(30, 30, 30)');
    assert.equal(await canvasMarked(h.page), false, 'the chart was rebuilt in the new colors');
    await h.page.screenshot({ path: join(SCREENSHOTS, 'curve-dark.png') });
    assert.deepEqual(h.errors, []);
  });

  test('a file that is not a training config clears the chart and says why', async () => {
    await h.send({
      type: 'curve',
      fileName: 'ci.yaml',
      response: { uri: 'file:///ci.yaml', version: 1, dialect: null, curve: null, description: [] },
    });
    await h.page.waitForFunction(() => document.querySelector('#chart canvas') === null);
    assert.equal(await h.page.textContent('#status'), 'This file is not a training config LR Lens recognizes.');
    assert.equal(await h.page.isDisabled('#export-csv'), true);
  });
});

describe('messages from the page are validated before the host uses them', () => {
  test('the host accepts only the known shapes', () => {
    assert.deepEqual(parsePageMessage({ type: 'ready' }), { type: 'ready' });
    assert.deepEqual(parsePageMessage({ type: 'export', format: 'csv' }), { type: 'export', format: 'csv' });
    for (const bad of [
      { type: 'ready', extra: 1 },
      { type: 'export', format: 'exe', content: 'x' },
      { type: 'export', format: 'svg', content: '<script>alert(1)</script>' },
      { type: 'export', format: 'png', content: 'data:text/html;base64,AAAA' },
      { type: 'export', format: 'svg', content: `<svg ${'x'.repeat(8_000_001)}` },
      { type: 'open', path: '/etc/passwd' },
      'ready',
    ]) {
      assert.equal(parsePageMessage(bad), undefined, JSON.stringify(bad).slice(0, 80));
    }
  });
});
