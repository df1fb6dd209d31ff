import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { LspTestClient, REPO } from '../helpers/lspClient';
import { must } from '../helpers/must';

const CONSTANT = readFileSync(join(REPO, 'examples', 'hf-constant.yaml'), 'utf8');

let client: LspTestClient;
before(async () => {
  client = await LspTestClient.start();
});
after(async () => {
  await client.stop();
});

interface Previews {
  version: number;
  previews: { title: string; points: { step: number; lr: number }[] }[];
}

test('lrLens/fixPreviews: on a finding with fixes, each fix curve (compare mode)', async () => {
  const uri = 'file:///work/previews/hf-constant.yaml';
  await client.open(uri, CONSTANT, 'yaml', 3);
  // Line 5 is `lr_scheduler_type: constant_with_warmup`, the constant-lr finding.
  const onFinding = (await client.connection.sendRequest('lrLens/fixPreviews', {
    uri,
    position: { line: 5, character: 25 },
    points: 50,
  })) as Previews;
  assert.equal(onFinding.version, 3);
  assert.deepEqual(
    onFinding.previews.map((p) => p.title),
    ['Use cosine decay', 'Use linear decay'],
  );
  for (const preview of onFinding.previews) {
    // 800 steps (2 epochs × 400), warmup 100 to the tuned 1e-5, then down to ~0: no longer constant.
    const last = must(preview.points.at(-1), `the last point of ${preview.title}`);
    assert.equal(must(preview.points[0], `the first point of ${preview.title}`).step, 0);
    assert.equal(last.step, 799);
    assert.equal(Math.max(...preview.points.map((p) => p.lr)), 1e-5);
    assert.equal(preview.points.find((p) => p.step === 100)?.lr, 1e-5);
    assert.ok(last.lr < 1e-7, `${preview.title} decays`);
  }
  // The linear fix is Hugging Face's linear decay after warmup: peak · (800 − t) / 700 at every sampled step.
  const decaying = must(onFinding.previews[1], 'the linear-decay preview').points.filter((p) => p.step > 100);
  assert.ok(decaying.length > 10);
  for (const p of decaying) assert.ok(Math.abs(p.lr - (1e-5 * (800 - p.step)) / 700) < 1e-15, `step ${p.step}: ${p.lr}`);

  const elsewhere = (await client.connection.sendRequest('lrLens/fixPreviews', { uri, position: { line: 1, character: 3 } })) as Previews;
  assert.deepEqual(elsewhere.previews, []);
  assert.equal(
    await client.connection.sendRequest('lrLens/fixPreviews', { uri: 'file:///nowhere.yaml', position: { line: 0, character: 0 } }),
    null,
  );
});
