// The hand-written checks of the messages between the curve page and the extension host (client/webview/messages.ts).
// The page itself, fed real and malformed messages in Chromium, is covered by test/browser/curvePage.test.ts.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseHostMessage, parsePageMessage } from '../../client/webview/messages';

const curve = {
  dialect: 'huggingface',
  dialectName: 'Hugging Face Trainer',
  documentIndex: 0,
  schedule: 'cosine',
  unit: 'step',
  totalSteps: 100,
  validationDriven: false,
  points: [
    { step: 0, lr: 0 },
    { step: 100, lr: 1e-5 },
  ],
  markers: [{ step: 10, kind: 'warmup-end', label: 'warmup ends' }],
  assumptions: [],
  summary: { text: 'cosine · peak 1e-5', peak: 1e-5 },
};
const response = { uri: 'file:///a.yaml', version: 3, dialect: 'huggingface', description: ['cosine'], curve };
const message = { type: 'curve', fileName: 'a.yaml', response };

test('a host message is accepted whole; unknown keys are dropped except in the curve and its summary', () => {
  const parsed = parseHostMessage({ ...message, extra: 1, response: { ...response, everyStepCapped: { limit: 1, totalSteps: 2 } } });
  assert.deepEqual(parsed, message);
  assert.deepEqual(parseHostMessage({ type: 'curve', fileName: 'ci.yaml', response: null }), {
    type: 'curve',
    fileName: 'ci.yaml',
    response: null,
  });
  assert.deepEqual(parseHostMessage({ ...message, response: { ...response, dialect: null, curve: null } })?.response?.curve, null);
  const previews = [{ title: 'Use cosine decay', points: [{ step: 0, lr: 1 }] }];
  assert.deepEqual(parseHostMessage({ ...message, previews })?.previews, previews);
});

test('a malformed host message is refused', () => {
  assert.notEqual(parseHostMessage(message), undefined, 'the well-formed message the cases below alter');
  for (const bad of [
    null,
    'curve',
    [message],
    { ...message, type: 'script' },
    { ...message, fileName: 7 },
    { ...message, response: undefined },
    { ...message, response: { ...response, version: Number.NaN } },
    { ...message, response: { ...response, description: 'cosine' } },
    { ...message, response: { ...response, curve: { ...curve, points: [{ step: 'a', lr: 1 }] } } },
    { ...message, response: { ...response, curve: { ...curve, points: [{ step: 1, lr: Number.POSITIVE_INFINITY }] } } },
    { ...message, response: { ...response, curve: { ...curve, markers: [{ step: 1, kind: 'x' }] } } },
    { ...message, response: { ...response, curve: { ...curve, summary: {} } } },
    { ...message, response: { ...response, curve: { ...curve, validationDriven: 'no' } } },
    { ...message, previews: [{ title: 'x' }] },
    { ...message, previews: {} },
  ]) {
    assert.equal(parseHostMessage(bad), undefined, JSON.stringify(bad)?.slice(0, 120));
  }
});

test('an export from the page is accepted in its known shapes only', () => {
  const svg = { type: 'export', format: 'svg', content: '<svg width="1"></svg>' };
  const png = { type: 'export', format: 'png', content: 'data:image/png;base64,iVBORw0KGgo=' };
  assert.deepEqual(parsePageMessage(svg), svg);
  assert.deepEqual(parsePageMessage(png), png);
  // 8,000,000 code points at most: a surrogate pair counts once.
  assert.notEqual(parsePageMessage({ ...svg, content: `<svg ${'\u{1F600}'.repeat(4_000_000)}` }), undefined);
  assert.equal(parsePageMessage({ ...svg, content: `<svg ${'x'.repeat(7_999_996)}` }), undefined);
  for (const bad of [
    { ...svg, extra: true },
    { ...png, format: 'svg' },
    { ...svg, format: 'png' },
    { ...svg, content: 7 },
    { type: 'export', format: 'svg' },
    { type: 'export', format: 'csv', content: 'step,lr' },
    { type: 'ready', format: 'csv' },
  ]) {
    assert.equal(parsePageMessage(bad), undefined, JSON.stringify(bad));
  }
});
