import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { analyzeConfig } from '../../server/src';
import { DetectionMemo } from '../../server/src/analysis/detectionMemo';

const HF = 'learning_rate: 2.0e-5\nlr_scheduler_type: constant\nmax_steps: 1000\n';
const TORCHTUNE =
  'optimizer:\n  _component_: torch.optim.AdamW\n  lr: 3e-4\nlr_scheduler:\n  _component_: torchtune.training.lr_schedulers.get_cosine_schedule_with_warmup\n  num_warmup_steps: 100\nmax_steps_per_epoch: 500\nepochs: 1\n';

const dialects = (text: string, memo?: DetectionMemo) =>
  analyzeConfig(text, 'runs.yaml', {}, memo ? { detections: memo } : {}).documents.map((d) => d.dialect.id);

describe('dialect detection kept across versions', () => {
  test('in a multi-document file, only the edited document is recognized again; the results equal a fresh analysis', () => {
    const memo = new DetectionMemo();
    const first = `${HF}---\n${TORCHTUNE}`;
    assert.deepEqual(dialects(first, memo), dialects(first));
    assert.deepEqual(memo.lastRun, { detected: 2, reused: 0 });

    const edited = `${HF.replace('1000', '2000')}---\n${TORCHTUNE}`;
    assert.deepEqual(dialects(edited, memo), dialects(edited));
    assert.deepEqual(memo.lastRun, { detected: 1, reused: 1 });
    const findings = analyzeConfig(edited, 'runs.yaml', {}, { detections: memo }).findings;
    assert.deepEqual(findings, analyzeConfig(edited, 'runs.yaml').findings);
  });

  test("a changed dialect directive, or a document that became another framework's, is recognized again", () => {
    const memo = new DetectionMemo();
    dialects(`${HF}---\n${TORCHTUNE}`, memo);
    const forced = `# lr-lens: dialect=axolotl\n${HF}---\n${TORCHTUNE}`;
    assert.deepEqual(dialects(forced, memo), dialects(forced));
    assert.equal(memo.lastRun.reused, 0);
    const swapped = `${TORCHTUNE}---\n${HF}`;
    assert.deepEqual(dialects(swapped, memo), ['torchtune', 'huggingface']);
  });
});
