import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseAllDocuments } from 'yaml';
import { absoluteReference, definitionAt, fileLinksOf } from '../../../server/src/analysis/navigation';
import { yaml } from '../dialects/analyze';

const files: Record<string, string> = {
  '/ws/conf/optimizer/adamw.yaml': yaml('lr: 3.0e-4', 'betas: [0.9, 0.95]'),
  '/ws/conf/scheduler/cosine.yaml': yaml('# @package model.scheduler', 'T_max: 100'),
  '/ws/configs/Base-RCNN.yaml': yaml('SOLVER:', '  BASE_LR: 0.02', '  STEPS: [60000, 80000]'),
};
const readFile = (path: string): string | undefined => files[path];

function at(text: string, marker: string, shift = 1): number {
  const i = text.indexOf(marker);
  assert.ok(i >= 0, `marker ${marker} not in the text`);
  return i + shift;
}

function definition(text: string, fileName: string, offset: number) {
  return definitionAt(parseAllDocuments(text), text, fileName, offset, readFile);
}

test('a defaults item links to its group file when the file exists, and only then', () => {
  const text = yaml('defaults:', '  - optimizer: adamw', '  - scheduler: cosine', '  - trainer: missing', '  - _self_', 'max_steps: 100');
  const links = fileLinksOf(parseAllDocuments(text), '/ws/conf/train.yaml', readFile);
  assert.deepEqual(
    links.map((l) => [text.slice(l.span.start, l.span.end), l.target]),
    [
      ['adamw', '/ws/conf/optimizer/adamw.yaml'],
      ['cosine', '/ws/conf/scheduler/cosine.yaml'],
    ],
  );
  assert.deepEqual(definition(text, '/ws/conf/train.yaml', at(text, 'adamw'))?.target, { fileName: '/ws/conf/optimizer/adamw.yaml' });
  assert.equal(definition(text, '/ws/conf/train.yaml', at(text, 'missing')), null);
});

test('_BASE_ links to the base file, resolved against the file', () => {
  const text = yaml('_BASE_: "../Base-RCNN.yaml"', 'SOLVER:', '  MAX_ITER: 90000');
  const links = fileLinksOf(parseAllDocuments(text), '/ws/configs/COCO/faster.yaml', readFile);
  assert.deepEqual(
    links.map((l) => l.target),
    ['/ws/configs/Base-RCNN.yaml'],
  );
  assert.deepEqual(definition(text, '/ws/configs/COCO/faster.yaml', at(text, 'Base'))?.target, { fileName: '/ws/configs/Base-RCNN.yaml' });
});

test('an interpolation goes to the key it resolves to in the same file, absolute and relative', () => {
  const text = yaml(
    'trainer:',
    '  max_steps: 1000',
    'model:',
    '  warmup: 10',
    '  scheduler:',
    '    total: ${trainer.max_steps}',
    '    warm: ${..warmup}',
    '    again: ${.total}',
  );
  const keyAt = (marker: string) => {
    const result = definition(text, '/ws/conf/train.yaml', at(text, marker, 3));
    assert.ok(result, `no definition for ${marker}`);
    assert.equal(result.target.fileName, '/ws/conf/train.yaml');
    const span = result.target.span;
    assert.ok(span);
    return text.slice(span.start, span.end) + '@' + text.slice(0, span.start).split('\n').length;
  };
  assert.equal(keyAt('${trainer.max_steps}'), 'max_steps@2');
  assert.equal(keyAt('${..warmup}'), 'warmup@4');
  assert.equal(keyAt('${.total}'), 'total@6');
});

test('an interpolation into a composed group goes to the group file', () => {
  const text = yaml('defaults:', '  - optimizer: adamw', '  - _self_', 'model:', '  lr: ${optimizer.lr}');
  const result = definition(text, '/ws/conf/train.yaml', at(text, '${optimizer.lr}', 4));
  assert.equal(result?.target.fileName, '/ws/conf/optimizer/adamw.yaml');
  const span = result?.target.span;
  assert.ok(span);
  assert.equal(files['/ws/conf/optimizer/adamw.yaml']?.slice(span.start, span.end), 'lr');
});

test('resolvers, unknown keys and plain values lead nowhere', () => {
  const text = yaml('a: ${oc.env:HOME}', 'b: ${nothing.here}', 'c: plain');
  assert.equal(definition(text, '/ws/conf/train.yaml', at(text, 'oc.env')), null);
  assert.equal(definition(text, '/ws/conf/train.yaml', at(text, 'nothing')), null);
  assert.equal(definition(text, '/ws/conf/train.yaml', at(text, 'plain')), null);
});

test('relative references climb from the holder', () => {
  assert.equal(absoluteReference('.x', ['a', 'b', 'c']), 'a.b.x');
  assert.equal(absoluteReference('..x', ['a', 'b', 'c']), 'a.x');
  assert.equal(absoluteReference('...x', ['a', 'b', 'c']), 'x');
  assert.equal(absoluteReference('....x', ['a', 'b', 'c']), null);
  assert.equal(absoluteReference('a.b', ['z']), 'a.b');
});
