// Every real config under ../shared/corpus (outside this repository; never copied in) is analyzed: no internal
// error, the dialect its folder names, a reviewed snapshot of the derived plan figures, and constant-lr only
// where the run really keeps its LR constant. Update the snapshot with LR_LENS_UPDATE_SNAPSHOT=1 and review it.
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { analyzeConfig, onInternalError, type ConfigAnalysis } from '../../../server/src/index';
import { CORPUS_FOLDERS, expectedCorpusDialect } from '../frameworks/corpusFolders';

const CORPUS = join(__dirname, '../../../../shared/corpus');
const SNAPSHOT = join(__dirname, 'corpus.snapshot.json');

/** Folder → dialect id; null: no dialect (a generic reading would also do, never a wrong framework). */
const EXPECTED: Readonly<Record<string, string | null>> = CORPUS_FOLDERS;

/**
 * Corpus runs whose LR really is constant after warmup, per the framework's own semantics (so constant-lr is
 * a true finding there); every other corpus file must not get constant-lr.
 */
const REALLY_CONSTANT: Record<string, string> = {
  'axolotl/axolotl-ai-cloud__axolotl__examples__gpt-oss__gpt-oss-20b-fft-fsdp2.yaml': 'lr_scheduler: constant_with_warmup',
  'axolotl/axolotl-ai-cloud__axolotl__examples__llama-3__3b-fp8-fsdp2.yaml': 'cosine with cosine_min_lr_ratio 1.0',
  'deepspeed/deepspeedai__DeepSpeed__examples__sdma_allgather__ds_config_zero3.json': 'WarmupLR never decays',
  'deepspeed/deepspeedai__DeepSpeed__tests__model__Megatron_GPT2__ds_config_func_scheduler.json': 'WarmupLR never decays',
  'deepspeed/microsoft__DeepSpeedExamples__training__cifar__ds_config.json': 'WarmupLR never decays',
  'fairseq/facebookresearch__fairseq__examples__wav2vec__unsupervised__config__gan__w2vu.yaml': 'fixed schedule per group (GAN)',
  'hf_trainer/hiyouga__LLaMA-Factory__examples__megatron__qwen3_moe_full.yaml': 'lr_scheduler_type: constant',
  'hf_trainer/huggingface__open-r1__recipes__Qwen2.5-Coder-7B-Instruct__grpo__config_codeforces.yaml': 'constant_with_warmup',
  'opennmt/OpenNMT__OpenNMT-py__docs__source__examples__replicate_vicuna__templates__llama7B-finetune.yaml':
    'decay_method none, run ends before start_decay_steps',
  'torchtune/pytorch__torchtune__recipes__configs__llama3_1__70B_full.yaml': 'no lr_scheduler',
  'wandb_sweep/Arnie-He__BLPO__sweep.yaml': 'sweep fixes ANNEAL_LR "false" for every trial (PPO-style constant LR)',
};

interface Entry {
  dialect: string | null;
  framework?: string;
  scheduler?: string;
  baseLr?: number;
  optimizer?: string;
  warmupSteps?: number;
  lengthSteps?: number;
  unit?: string;
  assumed?: boolean;
  constantAfterWarmup?: boolean;
  rules: string[];
}

function derived(analysis: ConfigAnalysis): Entry {
  const first = analysis.documents[0];
  const plan = first?.plan;
  const rules = [...new Set(analysis.findings.map((f) => f.ruleId))].sort();
  if (!plan) return { dialect: first?.dialect.id ?? null, rules };
  return {
    dialect: first.dialect.id,
    framework: plan.schedule.framework,
    scheduler: plan.schedule.name,
    baseLr: plan.baseLr,
    optimizer: plan.optimizer.family,
    warmupSteps: plan.warmup.steps,
    lengthSteps: plan.length.steps,
    unit: plan.length.unit,
    assumed: plan.length.assumed,
    constantAfterWarmup: plan.schedule.constantAfterWarmup,
    rules,
  };
}

function corpusFiles(): string[] {
  return readdirSync(CORPUS, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .flatMap((d) => readdirSync(join(CORPUS, d.name)).map((f) => `${d.name}/${f}`))
    .sort();
}

test('corpus: every file is analyzed, recognized as its folder says, and matches the reviewed snapshot', (t) => {
  if (!existsSync(CORPUS)) {
    console.error(`\n*** corpus.test.ts: corpus folder ${CORPUS} is ABSENT: the corpus checks did NOT run ***\n`);
    t.skip(`corpus folder absent: ${CORPUS}`);
    return;
  }
  const errors: string[] = [];
  let current = '';
  onInternalError((error) => errors.push(`${current}: ${String(error)}`));
  const actual: Record<string, Entry> = {};
  const files = corpusFiles();
  assert.ok(files.length >= 150, `expected the full corpus, found ${files.length} files`);
  for (const file of files) {
    current = file;
    const [folder = ''] = file.split('/');
    assert.ok(folder in EXPECTED, `corpus folder ${folder} has no expected dialect in this test`);
    const analysis = analyzeConfig(readFileSync(join(CORPUS, file), 'utf8'), join(CORPUS, file));
    const entry = derived(analysis);
    actual[file] = entry;
    const expected = expectedCorpusDialect(file) ?? null;
    for (const document of analysis.documents) {
      assert.equal(document.dialect.id, expected, `${file}: document ${document.documentIndex} read as ${document.dialect.id}`);
    }
    if (expected !== null) assert.equal(entry.dialect, expected, `${file}: not recognized as ${expected}`);
    const constantLr = entry.rules.includes('constant-lr');
    assert.equal(
      constantLr,
      file in REALLY_CONSTANT,
      `${file}: constant-lr ${constantLr ? 'fired on a run that has a schedule' : 'missing on a really constant run'}`,
    );
  }
  onInternalError(() => undefined);
  assert.deepEqual(errors, []);

  if (process.env.LR_LENS_UPDATE_SNAPSHOT === '1') {
    writeFileSync(SNAPSHOT, `${JSON.stringify(actual, null, 2)}\n`);
    console.error(`corpus.test.ts: wrote ${SNAPSHOT}; review it before committing`);
  }
  assert.ok(existsSync(SNAPSHOT), 'corpus.snapshot.json is missing: run with LR_LENS_UPDATE_SNAPSHOT=1 and review it');
  const snapshot = JSON.parse(readFileSync(SNAPSHOT, 'utf8')) as Record<string, Entry>;
  assert.deepEqual(actual, snapshot);
});

test('corpus: per-folder recognition tally (printed for the report)', (t) => {
  if (!existsSync(CORPUS)) {
    console.error(`\n*** corpus.test.ts: corpus folder ${CORPUS} is ABSENT ***\n`);
    t.skip('corpus folder absent');
    return;
  }
  const tally: Record<string, [number, number]> = {};
  for (const file of corpusFiles()) {
    const [folder = ''] = file.split('/');
    const analysis = analyzeConfig(readFileSync(join(CORPUS, file), 'utf8'), file);
    const ok = (analysis.documents[0]?.dialect.id ?? null) === (expectedCorpusDialect(file) ?? null);
    const [good, all] = tally[folder] ?? [0, 0];
    tally[folder] = [good + (ok ? 1 : 0), all + 1];
  }
  t.diagnostic(
    Object.entries(tally)
      .map(([f, [g, a]]) => `${f} ${g}/${a}`)
      .join(', '),
  );
  for (const [folder, [good, all]] of Object.entries(tally)) assert.equal(good, all, folder);
});
