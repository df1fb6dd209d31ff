// litgpt and Hydra `_target_` plans through the shared lens, hover and fix preview (server/src/analysis): each gets a
// curve lens, a hover with its curve on the LR key, and a preview that decays where the fix lowers the floor.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { analyzeConfig, hoverAt, onInternalError, previewFix } from '../../../server/src/index';
import { codeLensesOf } from '../../../server/src/analysis/codeLens';
import { yaml } from '../dialects/analyze';

onInternalError((error) => {
  throw error;
});

const cases = {
  litgpt: yaml(
    'model_name: m',
    'train:',
    '  global_batch_size: 16',
    '  max_tokens: 100000000',
    '  max_seq_length: 512',
    '  min_lr: 0.0003',
    'optimizer:',
    '  class_path: torch.optim.AdamW',
    '  init_args:',
    '    lr: 0.0003',
  ),
  hydra: yaml(
    '_target_: src.models.Net',
    'optimizer:',
    '  _target_: torch.optim.AdamW',
    '  _partial_: true',
    '  lr: 0.0003',
    'scheduler: null',
  ),
};

for (const [dialect, text] of Object.entries(cases)) {
  test(`${dialect}: lens, hover on the LR key, and a decaying preview of the constant-lr fix`, () => {
    const analysis = analyzeConfig(text, '/ws/configs/model/c.yaml', {});
    assert.equal(analysis.documents[0]?.dialect.id, dialect);
    assert.ok(codeLensesOf(analysis).length >= 1, 'a curve lens');
    const hover = hoverAt(analysis, text.indexOf('lr: 0.0003') + 1);
    assert.ok(hover, 'a hover on the LR key');
    assert.match(hover.markdown, /Learning-rate curve/);
    const fix = analysis.findings.find((f) => f.ruleId === 'constant-lr')?.fixes[0];
    assert.ok(fix, JSON.stringify(analysis.findings.map((f) => f.ruleId)));
    const points = previewFix(analysis, fix, '/ws/configs/model/c.yaml', {});
    assert.ok(points && points.length > 2, 'a preview');
    const last = points.at(-1)?.lr ?? 1;
    assert.ok(last < 0.0003 / 10, `the preview decays (last ${last})`);
  });
}
