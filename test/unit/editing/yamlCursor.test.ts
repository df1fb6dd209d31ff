import assert from 'node:assert/strict';
import { test } from 'node:test';
import { yamlCursorAt } from '../../../server/src/analysis/yamlCursor';

/** The cursor where `|` stands in the text (the bar removed). */
function cursor(withBar: string) {
  const offset = withBar.indexOf('|');
  const text = withBar.replace('|', '');
  const at = yamlCursorAt(text, offset);
  return (
    at && {
      kind: at.kind,
      key: at.key,
      parents: at.parents,
      prefix: at.prefix,
      replaced: text.slice(at.replace.start, at.replace.end),
      siblings: [...at.siblings],
    }
  );
}

test('a value position names its key, parents and what it replaces', () => {
  assert.deepEqual(cursor('lr_scheduler_type: co|\nwarmup_ratio: 0.1\n'), {
    kind: 'value',
    key: 'lr_scheduler_type',
    parents: [],
    prefix: 'co',
    replaced: 'co',
    siblings: ['warmup_ratio'],
  });
  assert.deepEqual(
    cursor(
      'optimizer:\n  class_path: torch.optim.AdamW\nlr_scheduler:\n  class_path: torch.optim.lr_scheduler.Co|\n  init_args:\n    T_max: 10\n',
    ),
    {
      kind: 'value',
      key: 'class_path',
      parents: ['lr_scheduler'],
      prefix: 'torch.optim.lr_scheduler.Co',
      replaced: 'torch.optim.lr_scheduler.Co',
      siblings: ['init_args'],
    },
  );
  assert.deepEqual(cursor('x: "cos|"')?.replaced, 'cos');
  assert.deepEqual(cursor('x: |"cos"')?.replaced, '"cos"');
  assert.deepEqual(cursor('x: |"cos"')?.prefix, '');
  // The replaced range always contains the cursor: blanks between the colon and the value are replaced too.
  assert.deepEqual(cursor('x:|  cos # note')?.replaced, '  cos');
  assert.deepEqual(cursor('{\n  "scheduler": {\n    "type": "Warm|upLR",\n    "params": {}\n  }\n}\n'), {
    kind: 'value',
    key: 'type',
    parents: ['scheduler'],
    prefix: 'Warm',
    replaced: 'WarmupLR',
    siblings: ['params'],
  });
  assert.deepEqual(cursor('x: "cos|"')?.prefix, 'cos');
});

test('a key position inside nested mappings and list items', () => {
  assert.deepEqual(cursor('learning_rate: 1e-4\nlr_sch|'), {
    kind: 'key',
    key: undefined,
    parents: [],
    prefix: 'lr_sch',
    replaced: 'lr_sch',
    siblings: ['learning_rate'],
  });
  assert.deepEqual(cursor('lr_scheduler:\n  init_args:\n    |\n    T_max: 3\n')?.parents, ['lr_scheduler', 'init_args']);
  assert.deepEqual(cursor('lr_scheduler:\n  init_args:\n    |\n    T_max: 3\n')?.siblings, ['T_max']);
  assert.deepEqual(cursor('schedulers:\n  - name: |\n')?.parents, ['schedulers']);
  assert.deepEqual(cursor('model:\n  optim:\n    sched:\n      name: |\n')?.parents, ['model', 'optim', 'sched']);
});

test('comments and flow collections are no place for completion', () => {
  assert.equal(cursor('# comm|'), null);
  assert.equal(cursor('a: [1, |]'), null);
  assert.equal(cursor('a: 1 # note |'), null);
});

test('a huge line or many lines above stay bounded', () => {
  assert.equal(cursor(`a: ${'x'.repeat(100_000)}|`), null);
  const many = `${'k: 1\n'.repeat(200_000)}|`;
  const at = cursor(many);
  assert.equal(at?.kind, 'key');
  assert.ok((at?.siblings.length ?? 0) <= 1);
});
