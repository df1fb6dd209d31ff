import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { test } from 'node:test';
import { LspTestClient } from '../helpers/lspClient';
import { must } from '../helpers/must';

test('detectron2: a finding about a _BASE_ value is published in the base file, linked to the _BASE_ line', async () => {
  const root = mkdtempSync(join(tmpdir(), 'lr-lens-d2-'));
  mkdirSync(join(root, 'configs', 'Det'), { recursive: true });
  writeFileSync(join(root, 'configs', 'Base-Det.yaml'), 'MODEL: {}\nSOLVER:\n  BASE_LR: 0.02\n  WARMUP_ITERS: 5000\n');
  const uri = pathToFileURL(join(root, 'configs', 'Det', 'run.yaml')).toString();
  const baseUri = pathToFileURL(join(root, 'configs', 'Base-Det.yaml')).toString();
  const client = await LspTestClient.start({ rootUri: pathToFileURL(root).toString() });
  try {
    await client.open(uri, '_BASE_: "../Base-Det.yaml"\nSOLVER:\n  STEPS: (7000,)\n  MAX_ITER: 10000\n');
    const own = await client.diagnosticsFor(uri, (d) => d.some((x) => x.code === 'warmup-too-long'));
    const warmup = must(
      own.find((d) => d.code === 'warmup-too-long'),
      'warmup-too-long on the including file',
    );
    assert.equal(warmup.range.start.line, 0);
    assert.deepEqual(
      warmup.relatedInformation?.map((r) => [r.location.uri, r.location.range.start]),
      [[baseUri, { line: 3, character: 16 }]],
    );
    const [placed] = await client.diagnosticsFor(baseUri, (d) => d.length > 0);
    assert.ok(placed, 'a diagnostic placed in the base file');
    assert.equal(placed.code, 'warmup-too-long');
    assert.deepEqual(placed.range.start, { line: 3, character: 16 });
    assert.equal(placed.relatedInformation?.[0]?.location.uri, uri);
  } finally {
    await client.stop();
  }
});
