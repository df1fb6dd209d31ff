// YAML merge keys (`<<: *anchor`) read as PyYAML and OmegaConf read them: own keys win, then the first merged mapping.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseDocument } from 'yaml';
import { ConfigTree, topLevelKeys } from '../../../server/src/dialects/configTree';
import { applyMergeKeys } from '../../../server/src/dialects/mergeKeys';
import { dialectOf, planOf, ruleIds, yaml } from './analyze';
import { fixedBy } from '../frameworks/fixedBy';

test('merge keys: own keys win, the first merged mapping wins over the second, nested mappings merge on their own', () => {
  const text = yaml(
    'a: &a {lr: 1, warmup: 10, deep: {x: 1}}',
    'b: &b {lr: 2, steps: 5}',
    'run:',
    '  <<: [*a, *b]',
    '  warmup: 20',
    '  nested:',
    '    <<: *b',
    '    steps: 7',
  );
  const tree = new ConfigTree(parseDocument(text), { interpolate: false });
  assert.deepEqual(
    ['run.lr', 'run.warmup', 'run.steps', 'run.deep.x', 'run.nested.lr', 'run.nested.steps'].map((path) => tree.get(path)),
    [1, 20, 5, 1, 2, 7],
  );
  assert.equal(tree.has('run.<<'), false);
  // The entry of a merged key is where the anchor writes it (findings are placed there).
  const entry = tree.entry('run.lr');
  assert.equal(text.slice(entry?.valueSpan.start, entry?.valueSpan.end), '1');
  assert.ok((entry?.valueSpan.start ?? 0) < text.indexOf('b: &b'));
  // Nothing to merge: the very same value comes back.
  const plain = { x: [1, { y: 2 }] };
  assert.equal(applyMergeKeys(plain), plain);
});

test('merge keys: an Axolotl config whose schedule comes through `<<: *defaults` is read whole', () => {
  const text = yaml(
    'base_model: NousResearch/Llama-2-7b-hf',
    'defaults: &sched',
    '  lr_scheduler: constant',
    '  learning_rate: 0.0002',
    '<<: *sched',
    'micro_batch_size: 2',
    'num_epochs: 4',
  );
  assert.ok(topLevelKeys(parseDocument(text)).has('learning_rate'));
  assert.equal(dialectOf(text), 'axolotl');
  const plan = planOf(text, 'axolotl');
  assert.deepEqual([plan.baseLr, plan.schedule.name], [2e-4, 'constant']);
  assert.deepEqual(ruleIds(text), ['constant-lr']);
  // The fix writes the file's own key (it wins over the merged one) and leaves the anchor to its other users.
  const fixed = fixedBy(text, 'constant-lr', 'Use cosine decay');
  assert.ok(fixed.endsWith('num_epochs: 4\nlr_scheduler: cosine\n') && fixed.includes('  lr_scheduler: constant\n'), fixed);
  // A key written in the file itself wins over the merged one.
  const own = text.replace('micro_batch_size: 2', 'lr_scheduler: cosine\nmicro_batch_size: 2');
  assert.equal(planOf(own, 'axolotl').schedule.name, 'cosine');
});
