// The framework registry is the one list of frameworks: the package.json enum, the docs' quick-fix table, the
// README's framework table and the corpus map must name exactly the modules it holds.
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import type { FrameworkModule } from '../../../server/src/frameworks/framework';
import { FRAMEWORK_IDS, FRAMEWORKS, SCHEDULE_VOCABULARY_IDS, vocabularyOf } from '../../../server/src/frameworks/registry';
import { familyOfName } from '../../../server/src/plan/scheduleFamily';
import { planOf, yaml } from '../dialects/analyze';
import { DIALECTS } from '../../../server/src/dialects';
import { CORPUS_FILE_DIALECTS, CORPUS_FOLDERS, NO_CORPUS_FOLDER } from './corpusFolders';

const ROOT = join(__dirname, '../../..');
const CORPUS = join(ROOT, '../shared/corpus');
const modules: readonly FrameworkModule[] = FRAMEWORKS;
const training = modules.filter((m) => m.kind === 'training');

/** The rows of the first markdown table after `heading` (or of the first table in the text), cells trimmed. */
function tableRows(text: string, heading?: string): string[][] {
  const from = heading === undefined ? 0 : text.indexOf(heading);
  assert.ok(from >= 0, `${heading} not found`);
  const lines = text.slice(from).split('\n');
  const start = lines.findIndex((line) => line.startsWith('|'));
  const rows: string[][] = [];
  for (const line of lines.slice(start + 2)) {
    if (!line.startsWith('|')) break;
    rows.push(
      line
        .slice(1, -1)
        .split(' | ')
        .map((cell) => cell.trim()),
    );
  }
  return rows;
}

test("every module is whole: its id and name are its dialect's, ids are unique, the dialects are the registry's", () => {
  assert.equal(new Set(FRAMEWORK_IDS).size, FRAMEWORK_IDS.length);
  for (const module of modules) {
    assert.equal(module.dialect.id, module.id);
    assert.equal(module.dialect.name, module.name);
    if (module.kind === 'sweep')
      assert.deepEqual(Object.keys(module.schedulers), [], `${module.id}: a sweep format defines no scheduler vocabulary`);
  }
  assert.deepEqual(
    DIALECTS.map((d) => d.id),
    [...FRAMEWORK_IDS],
  );
});

test('scheduler vocabularies: the shared pytorch one and those the modules define, each with family and horizon', () => {
  const own = modules.flatMap((m) => Object.keys(m.schedulers));
  assert.deepEqual([...SCHEDULE_VOCABULARY_IDS].sort(), ['pytorch', ...own].sort());
  for (const module of modules) {
    for (const [key, vocabulary] of Object.entries(module.schedulers)) {
      assert.equal(typeof vocabulary.build, 'function', `${module.id}/${key}`);
      assert.equal(typeof vocabulary.family, 'function', `${module.id}/${key}`);
      assert.equal(typeof vocabulary.horizon, 'function', `${module.id}/${key}`);
    }
  }
});

test('package.json offers every dialect id, in registry order, and no other', () => {
  const manifest = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {
    contributes: { configuration: { properties: Record<string, { additionalProperties?: { enum?: string[] } }> } };
  };
  const offered = manifest.contributes.configuration.properties['lrLens.dialects']?.additionalProperties?.enum;
  assert.deepEqual(offered, [...FRAMEWORK_IDS]);
});

test('docs/quick-fixes.md has one row per training framework', () => {
  const rows = tableRows(readFileSync(join(ROOT, 'docs/quick-fixes.md'), 'utf8'));
  const ids = rows.map((row) => /\(`([^`]+)`\)$/.exec(row[0] ?? '')?.[1]);
  assert.deepEqual([...ids].sort(), training.map((m) => m.id).sort());
});

test("the README's framework table lists every module with its name, id and kind, in registry order", () => {
  const rows = tableRows(readFileSync(join(ROOT, 'README.md'), 'utf8'), '## Frameworks');
  assert.deepEqual(
    rows.map(([name, id, kind]) => [name, id, kind]),
    modules.map((m) => [m.name, `\`${m.id}\``, m.kind]),
  );
  const count = /what each of the (\d+) frameworks gets/.exec(readFileSync(join(ROOT, 'README.md'), 'utf8'))?.[1];
  assert.equal(Number(count), training.length, 'the README counts the training frameworks');
});

test('the corpus map names every corpus folder, and every module has a folder or says it has none', () => {
  assert.ok(existsSync(CORPUS), `the shared corpus is missing: ${CORPUS}`);
  const folders = readdirSync(CORPUS).filter((name) => statSync(join(CORPUS, name)).isDirectory());
  assert.deepEqual(folders.sort(), Object.keys(CORPUS_FOLDERS).sort());
  const mapped = new Set([...Object.values(CORPUS_FOLDERS), ...Object.values(CORPUS_FILE_DIALECTS)]);
  for (const module of FRAMEWORKS) {
    assert.ok(
      mapped.has(module.id) !== NO_CORPUS_FOLDER.includes(module.id),
      `${module.id}: a corpus folder, or listed in NO_CORPUS_FOLDER`,
    );
  }
});

/**
 * Training modules added before their defaults table and editing vocabulary were written (ids of other branches
 * too): each may still carry null there. Remove an id once its module has both.
 */
const PENDING_DEFAULTS_AND_VOCABULARY: readonly string[] = ['gpt-neox', 'olmo', 'nanotron', 'levanter', 'maxtext'];

test('training modules carry a cited defaults table and an editing vocabulary; sweep formats carry neither', () => {
  for (const module of modules) {
    if (module.kind === 'sweep') {
      assert.equal(module.defaults, null, module.id);
      assert.equal(module.vocabulary, null, module.id);
      continue;
    }
    if (PENDING_DEFAULTS_AND_VOCABULARY.includes(module.id) && module.defaults === null && module.vocabulary === null) continue;
    assert.ok(module.defaults && module.defaults.sources.length > 0, `${module.id}: defaults with upstream sources`);
    for (const source of module.defaults.sources)
      assert.match(source.repository, /^[\w.-]+\/[\w.-]+$/, `${module.id}: ${source.repository}`);
    const vocabulary = module.vocabulary;
    assert.ok(vocabulary && vocabulary.schedulers.length > 0 && vocabulary.keys.length > 0, `${module.id}: vocabulary`);
    const keys = vocabulary.keys.map((k) => k.key);
    assert.equal(new Set(keys).size, keys.length, `${module.id}: a key listed twice`);
    assert.ok(vocabulary.optimizerKeys.length > 0, `${module.id}: the key that names the optimizer`);
  }
});

test('vocabularyOf and familyOfName answer for a dialect and a plan', () => {
  assert.equal(vocabularyOf('huggingface')?.schedulerKeys[0], 'lr_scheduler_type');
  assert.equal(vocabularyOf('wandb-sweep'), null);
  assert.equal(vocabularyOf('keras'), null);
  const plan = planOf(
    yaml('learning_rate: 2.0e-5', 'lr_scheduler_type: constant', 'num_train_epochs: 3', 'output_dir: out'),
    'huggingface',
  );
  assert.equal(familyOfName(plan, 'cosine').kind, 'cosine');
  assert.equal(familyOfName(plan, 'reduce_lr_on_plateau').kind, 'validation');
  const lightning = planOf(
    yaml('trainer: {max_epochs: 10}', 'optimizer: {class_path: torch.optim.AdamW, init_args: {lr: 1.0e-3}}', 'model: {class_path: m.M}'),
    'lightning',
  );
  assert.equal(familyOfName(lightning, 'torch.optim.lr_scheduler.MultiStepLR').kind, 'piecewise');
});
