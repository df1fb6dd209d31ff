// Hydra experiment files (`# @package _global_`, `- override /group: option`): the lightning-hydra-template's
// `python train.py experiment=example`. Real configs under ./configs (SOURCES.tsv: ashleve/lightning-hydra-template
// @bddbc24b82ab6ccfa6243e815a49dc5bfe8d4144, MIT); in-memory workspaces for the edge cases.
// Hydra's rules (facebookresearch/hydra @2c03d1b925fe239e0b67b923699d4027685f198f): a group starting with `/` is read
// from the config root, one without from the composing file's own group (hydra/core/default_element.py
// GroupDefault.get_group_path); `override` replaces the primary config's choice for that group
// (hydra/_internal/defaults_list.py); a primary config without `_self_` has its own values merged last (Hydra >= 1.1).
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { analyzeConfig, onInternalError, type ConfigAnalysis } from '../../../../server/src/index';
import { fileLinksOf } from '../../../../server/src/analysis/navigation';
import { yaml } from '../../dialects/analyze';

onInternalError((error) => {
  throw error;
});

const TEMPLATE = join(__dirname, 'configs', 'lightning-hydra-template');
const readDisk = (path: string) => (existsSync(path) ? readFileSync(path, 'utf8') : undefined);

/** Analyze text at `path` with a workspace of in-memory files (path → text), recording every path read. */
function analyzeIn(files: Record<string, string>, path: string, reads: string[] = []): ConfigAnalysis {
  const text = files[path];
  assert.ok(text !== undefined, path);
  return analyzeConfig(text, path, {
    readFile: (p) => {
      reads.push(p);
      return files[p];
    },
  });
}

const ruleIdsOf = (analysis: ConfigAnalysis) => analysis.findings.map((f) => f.ruleId);

test('experiment/example.yaml: Adam from model/mnist.yaml with the experiment lr 0.002, ReduceLROnPlateau, max_epochs 10', () => {
  const path = join(TEMPLATE, 'experiment', 'example.yaml');
  const text = readFileSync(path, 'utf8');
  const analysis = analyzeConfig(text, path, { readFile: readDisk });
  const document = analysis.documents[0];
  assert.equal(document?.dialect.id, 'hydra');
  const plan = document?.plan;
  assert.ok(plan);
  // model/mnist.yaml: torch.optim.Adam lr 0.001 weight_decay 0.0; example.yaml: model.optimizer.lr 0.002,
  // trainer.max_epochs 10 (trainer/default.yaml also says 10, min_epochs 1 → the experiment's 10).
  assert.deepEqual(
    [plan.optimizer.name, plan.optimizer.weightDecay, plan.baseLr, plan.schedule.name, plan.schedule.validationDriven],
    ['Adam', 0, 0.002, 'ReduceLROnPlateau', true],
  );
  assert.deepEqual(plan.schedule.params, { mode: 'min', factor: 0.1, patience: 10 });
  assert.deepEqual([plan.length.steps, plan.length.unit, plan.length.assumed], [10, 'epoch', false]);
  // The primary config train.yaml is the base; the experiment's overrides choose the groups.
  const composed = plan.assumptions.find((a) => a.startsWith('values composed from')) ?? '';
  const files = ['lightning-hydra-template/train.yaml', 'data/mnist.yaml', 'model/mnist.yaml', 'callbacks/default.yaml'];
  files.push('trainer/default.yaml');
  for (const file of files) assert.ok(composed.includes(file), `${file} in ${composed}`);
  assert.deepEqual(ruleIdsOf(analysis), ['validation-driven-schedule']);
  // The scheduler is the model group's: the finding sits on `- override /model: mnist` and names model/mnist.yaml.
  const finding = analysis.findings[0];
  assert.ok(finding);
  assert.equal(text.slice(finding.span.start, finding.span.end), 'mnist');
  assert.equal(text.slice(0, finding.span.start).split('\n').pop(), '  - override /model: ');
  assert.equal(finding.elsewhere?.fileName, join(TEMPLATE, 'model', 'mnist.yaml'));
  assert.deepEqual(finding.fixes, []);
});

const model = (lr: string, scheduler: string[]) =>
  yaml('_target_: src.models.Net', 'optimizer:', '  _target_: torch.optim.AdamW', '  _partial_: true', `  lr: ${lr}`, ...scheduler);
const cosine = (tMax: number) => [
  'scheduler:',
  '  _target_: torch.optim.lr_scheduler.CosineAnnealingLR',
  '  _partial_: true',
  `  T_max: ${tMax}`,
];
const trainer = (epochs: number) => yaml('_target_: lightning.pytorch.trainer.Trainer', `max_epochs: ${epochs}`);
const primary = (self: boolean, ...rest: string[]) =>
  yaml(
    '# @package _global_',
    'defaults:',
    ...(self ? ['  - _self_'] : []),
    '  - model: small',
    '  - trainer: default',
    '  - experiment: null',
    ...rest,
  );
const experiment = (...lines: string[]) => yaml('# @package _global_', 'defaults:', ...lines);

test("an override replaces the primary config's choice; groups it does not name come from the primary's defaults", () => {
  const files: Record<string, string> = {
    '/ws/configs/train.yaml': primary(true, 'seed: 1'),
    '/ws/configs/model/small.yaml': model('0.1', cosine(3)),
    '/ws/configs/model/big.yaml': model('3.0e-4', cosine(30)),
    '/ws/configs/trainer/default.yaml': trainer(30),
    '/ws/configs/experiment/big.yaml': experiment('  - override /model: big'),
  };
  const reads: string[] = [];
  const analysis = analyzeIn(files, '/ws/configs/experiment/big.yaml', reads);
  assert.equal(analysis.documents[0]?.dialect.id, 'hydra');
  const plan = analysis.documents[0]?.plan;
  assert.ok(plan);
  // big.yaml's AdamW 3e-4 with T_max 30 over the primary's trainer (30 epochs): nothing to report.
  assert.deepEqual(
    [plan.optimizer.name, plan.baseLr, plan.schedule.name, plan.length.steps, plan.length.assumed],
    ['AdamW', 3e-4, 'CosineAnnealingLR', 30, false],
  );
  assert.deepEqual(analysis.findings, []);
  assert.ok(!reads.includes('/ws/configs/model/small.yaml'), 'the replaced choice is not read');
  assert.ok(reads.includes('/ws/configs/trainer/default.yaml'));
  // `override model: big` without `/` names experiment/model/big.yaml: the primary's model/small.yaml stays (lr 0.1).
  files['/ws/configs/experiment/relative.yaml'] = experiment('  - override /trainer: default', '  - override model: big');
  const relativeReads: string[] = [];
  const relative = analyzeIn(files, '/ws/configs/experiment/relative.yaml', relativeReads);
  assert.equal(relative.documents[0]?.dialect.id, 'hydra');
  assert.equal(relative.documents[0]?.plan?.baseLr, 0.1);
  assert.ok(relativeReads.includes('/ws/configs/experiment/model/big.yaml'));
  assert.ok(!relativeReads.includes('/ws/configs/model/big.yaml'));
});

test('the primary without `_self_` has its own values merged last (Hydra >= 1.1): its trainer.max_epochs wins', () => {
  const files: Record<string, string> = {
    '/ws/configs/train.yaml': primary(false, 'trainer:', '  max_epochs: 5'),
    '/ws/configs/model/small.yaml': model('0.1', cosine(30)),
    '/ws/configs/trainer/default.yaml': trainer(30),
    '/ws/configs/experiment/long.yaml': experiment('  - override /trainer: default', 'trainer:', '  max_epochs: 30'),
  };
  const analysis = analyzeIn(files, '/ws/configs/experiment/long.yaml');
  const plan = analysis.documents[0]?.plan;
  assert.equal(analysis.documents[0]?.dialect.id, 'hydra');
  assert.deepEqual([plan?.length.steps, plan?.length.assumed], [5, false]);
  // With `_self_` first the experiment's 30 wins.
  files['/ws/configs/train.yaml'] = primary(true, 'trainer:', '  max_epochs: 5');
  assert.equal(analyzeIn(files, '/ws/configs/experiment/long.yaml').documents[0]?.plan?.length.steps, 30);
});

test("no primary config: the overrides are the named group options; a group without `/` is the file's own group", () => {
  const files: Record<string, string> = {
    '/ws/configs/model/small.yaml': model('0.1', cosine(30)),
    '/ws/configs/trainer/default.yaml': trainer(30),
    // experiment/trainer/default.yaml would be the relative `trainer: default`: it does not exist, so no trainer.
    '/ws/configs/experiment/a.yaml': experiment('  - override /model: small', '  - trainer: default'),
    '/ws/configs/experiment/b.yaml': experiment('  - override /model: small', '  - /trainer: default'),
  };
  const reads: string[] = [];
  const a = analyzeIn(files, '/ws/configs/experiment/a.yaml', reads);
  assert.equal(a.documents[0]?.dialect.id, 'hydra');
  assert.deepEqual([a.documents[0]?.plan?.baseLr, a.documents[0]?.plan?.length.assumed], [0.1, true]);
  assert.ok(reads.includes('/ws/configs/experiment/trainer/default.yaml'));
  const b = analyzeIn(files, '/ws/configs/experiment/b.yaml');
  assert.deepEqual([b.documents[0]?.plan?.length.steps, b.documents[0]?.plan?.length.assumed], [30, false]);
});

test('bounded: a file naming itself, a root further up than three folders, and many overrides', () => {
  const files: Record<string, string> = {
    '/ws/configs/train.yaml': primary(true),
    '/ws/configs/model/small.yaml': model('0.1', cosine(30)),
    '/ws/configs/trainer/default.yaml': trainer(30),
    '/ws/configs/experiment/self.yaml': experiment('  - override /experiment: self', '  - override /model: small'),
    '/ws/configs/experiment/a/b/c/d/deep.yaml': experiment('  - override /model: small'),
  };
  const reads: string[] = [];
  const self = analyzeIn(files, '/ws/configs/experiment/self.yaml', reads);
  assert.equal(self.documents[0]?.dialect.id, 'hydra');
  assert.equal(self.documents[0]?.plan?.length.steps, 30);
  assert.equal(reads.filter((p) => p === '/ws/configs/experiment/self.yaml').length, 0);
  // /ws/configs is five folders above deep.yaml: not searched, so nothing is composed and nothing is claimed.
  const deepReads: string[] = [];
  const deep = analyzeIn(files, '/ws/configs/experiment/a/b/c/d/deep.yaml', deepReads);
  assert.notEqual(deep.documents[0]?.dialect.id, 'hydra');
  assert.deepEqual(deep.findings, []);
  assert.ok(deepReads.length <= 4, deepReads.join(', '));
  // 200 overrides naming missing groups: the reads stay within the composition's caps.
  const many = experiment('  - override /model: small', ...Array.from({ length: 200 }, (_, i) => `  - override /g${i}: x`));
  files['/ws/configs/experiment/many.yaml'] = many;
  const manyReads: string[] = [];
  analyzeIn(files, '/ws/configs/experiment/many.yaml', manyReads);
  // Each composition (recognition, then extraction) reads at most 64 group files plus the root probes and the primary.
  assert.ok(new Set(manyReads).size <= 64 + 7, String(new Set(manyReads).size));
  assert.ok(new Set(manyReads).size > 64, 'the cap, not the list, ends the reads');
});

test("a finding about a group the primary config chose sits on the experiment's `defaults:` key and names the group file", () => {
  const files: Record<string, string> = {
    '/ws/configs/train.yaml': primary(false, 'trainer:', '  max_epochs: 50'),
    '/ws/configs/model/small.yaml': model('0.1', cosine(30)),
    '/ws/configs/trainer/default.yaml': trainer(30),
    '/ws/configs/experiment/long.yaml': experiment('  - override /trainer: default', 'trainer:', '  max_epochs: 30'),
  };
  const text = files['/ws/configs/experiment/long.yaml'] ?? '';
  const analysis = analyzeIn(files, '/ws/configs/experiment/long.yaml');
  assert.equal(analysis.documents[0]?.dialect.id, 'hydra');
  // T_max 30 epochs under the primary's own max_epochs 50 (merged last, no `_self_`): the cosine turns back up.
  assert.deepEqual(ruleIdsOf(analysis), ['schedule-horizon']);
  const finding = analysis.findings[0];
  assert.ok(finding);
  assert.equal(text.slice(finding.span.start, finding.span.end), 'defaults');
  assert.equal(finding.elsewhere?.fileName, '/ws/configs/model/small.yaml');
  assert.match(finding.message, /T_max` is 30 epochs but the run is 50 epochs/);
});

test('experiment/example.yaml: each `override /group: option` links to the group file composition read', () => {
  const path = join(TEMPLATE, 'experiment', 'example.yaml');
  const text = readFileSync(path, 'utf8');
  const analysis = analyzeConfig(text, path, { readFile: readDisk });
  const links = fileLinksOf(analysis.parsed.documents, path, readDisk);
  const targets = links.map((link) => [text.slice(link.span.start, link.span.end), link.target.slice(TEMPLATE.length + 1)]);
  assert.deepEqual(
    targets.filter(([option]) => option === 'mnist'),
    [
      ['mnist', join('data', 'mnist.yaml')],
      ['mnist', join('model', 'mnist.yaml')],
    ],
  );
});
