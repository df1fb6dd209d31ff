// Real configs from the five pretraining stacks' own repositories (test/unit/frameworks/<id>/configs/, each folder's
// SOURCES.tsv gives repository, path, commit and license), with expectations derived by hand from each file and the
// framework's formula as cited in its schedule module. Update the expected figures only after re-deriving them.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { analyzeConfig, onInternalError } from '../../../server/src/index';
import { scheduleOfPlan } from '../../../server/src/schedules';
import { assertLr } from '../schedules/expectLr';

onInternalError((error) => {
  throw error;
});

const PI = Math.PI;
/** NeoX AnnealingLR cosine after warmup: min_lr + (lr - min_lr) / 2 * (cos(pi t' / E) + 1). */
const neoxCos = (lr: number, min: number, W: number, N: number, t: number) =>
  min + ((lr - min) / 2.0) * (Math.cos((PI * (t - W)) / (N - W)) + 1);

interface Expected {
  dialect: string | null;
  schedule?: string;
  baseLr?: number;
  warmup?: number;
  steps?: number;
  assumed?: boolean;
  lr?: Record<number, number>;
  rules?: string[];
}

const EXPECTED: Record<string, Expected> = {
  // warmup 0.01 of 320000, min_lr 6e-5: update 0 gets lr * max(1, 0) / 3200
  'gpt-neox/configs_125M-json.yml': {
    dialect: 'gpt-neox',
    schedule: 'cosine',
    baseLr: 6e-4,
    warmup: 3200,
    steps: 320000,
    lr: { 0: 6e-4 / 3200, 3200: 6e-4, 319999: neoxCos(6e-4, 6e-5, 3200, 320000, 319999) },
  },
  'gpt-neox/configs_19M.yml': {
    dialect: 'gpt-neox',
    schedule: 'cosine',
    baseLr: 1e-3,
    warmup: 1430,
    steps: 143000,
    lr: { 715: (1e-3 * 715) / 1430, 72215: neoxCos(1e-3, 1e-4, 1430, 143000, 72215) },
  },
  'gpt-neox/configs_1-3B.yml': {
    dialect: 'gpt-neox',
    schedule: 'cosine',
    baseLr: 2e-4,
    warmup: 3200,
    steps: 320000,
    lr: { 161600: neoxCos(2e-4, 2e-5, 3200, 320000, 161600) },
  },
  'gpt-neox/configs_350M.yml': {
    dialect: 'gpt-neox',
    schedule: 'cosine',
    baseLr: 3e-4,
    warmup: 3200,
    steps: 320000,
    lr: { 1: 3e-4 / 3200 },
  },
  // a model-only file of a merged NeoX run (no schedule key): not claimed
  'gpt-neox/configs_llama2_7B.yml': { dialect: null },
  // 2e12T at 2048 x 2048 tokens per step: ceil(2e12 / 4194304) = 476838 steps, + 10 (stop_at default); update k uses s = k + 1
  'olmo/configs_official-0724_OLMo-7B.yaml': {
    dialect: 'olmo',
    schedule: 'linear_with_warmup',
    baseLr: 3e-4,
    warmup: 5000,
    steps: 476848,
    lr: { 0: 3e-5 + (2.7e-4 * 1) / 5000, 4999: 3e-4, 240918: 3e-4 - 2.7e-4 * ((240919 - 5000) / (476838 - 5000)), 476847: 3e-5 },
  },
  // units tokens: t_warmup 8388608000 tokens = 4000 steps of 512 x 4096; warmup_min_lr 0; t_max 5e12 tokens
  'olmo/configs_official-0425_OLMo2-1B-stage1.yaml': {
    dialect: 'olmo',
    schedule: 'cosine_with_warmup',
    baseLr: 4e-4,
    warmup: 4000,
    lr: {
      0: (4e-4 * 2097152) / 8388608000,
      3999: 4e-4,
      999999: 4e-5 + (3.6e-4 * (1 + Math.cos((PI * (1e6 * 2097152 - 8388608000)) / (5e12 - 8388608000)))) / 2,
    },
  },
  // max_duration 1ep needs the dataset: the length is assumed
  'olmo/configs_official-1124_OLMo2-13B-stage1.yaml': { dialect: 'olmo', schedule: 'cosine_with_warmup', baseLr: 3e-4, assumed: true },
  // D = train_steps - W = 31998 (set when the config loads), update 0 at LR 0
  'nanotron/examples_config_qwen.yaml': {
    dialect: 'nanotron',
    schedule: 'cosine',
    baseLr: 3e-4,
    warmup: 2,
    steps: 32000,
    lr: { 0: 0, 1: 1.5e-4, 2: 3e-4, 16001: 1e-5 + ((3e-4 - 1e-5) * (1 + Math.cos((PI * 15999) / 31998))) / 2 },
  },
  'nanotron/examples_mamba_config_mamba.yaml': {
    dialect: 'nanotron',
    schedule: 'cosine',
    baseLr: 3e-4,
    warmup: 10,
    steps: 100,
    lr: { 99: 1e-5 + ((3e-4 - 1e-5) * (1 + Math.cos((PI * 89) / 90))) / 2 },
  },
  'nanotron/examples_doremi_configs_config_280m_llama.yaml': {
    dialect: 'nanotron',
    schedule: 'cosine',
    warmup: 2,
    steps: 10,
    rules: ['warmup-too-long'],
  },
  // no optimizer block: levanter's defaults (6e-4, cosine, warmup 0.01 -> 1 step, min_lr_ratio 0.1) over 100 steps
  'levanter/config_gpt2_nano.yaml': {
    dialect: 'levanter',
    schedule: 'cosine',
    baseLr: 6e-4,
    warmup: 1,
    steps: 100,
    lr: { 0: 0, 1: 6e-4, 50: 6e-4 * (0.9 * 0.5 * (1 + Math.cos((PI * 49) / 99)) + 0.1) },
  },
  'levanter/config_gpt2_7b.yaml': {
    dialect: 'levanter',
    schedule: 'cosine',
    baseLr: 1.2e-4,
    warmup: 1000,
    steps: 100000,
    lr: { 500: 1.2e-4 * 0.5 },
  },
  // no num_train_steps: levanter's 400_000, said to be assumed
  'levanter/config_gpt2_small.yaml': { dialect: 'levanter', schedule: 'cosine', baseLr: 6e-4, steps: 400000, assumed: true },
  // base.yml defaults over steps 30: W = 3, cosine over 27 steps with p = c / 26, ending at 0.1 lr
  'maxtext/src_maxtext_configs_gpu_models_llama2_7b.yml': {
    dialect: 'maxtext',
    schedule: 'cosine',
    baseLr: 3e-5,
    warmup: 3,
    steps: 30,
    lr: { 0: 0, 1: 1e-5, 16: 3e-5 * (0.5 * (Math.cos((PI * 13) / 26) + 1)) + 3e-6 * (1 - 0.5 * (Math.cos((PI * 13) / 26) + 1)), 29: 3e-6 },
  },
  'maxtext/src_maxtext_configs_gpu_models_llama3_8b.yml': { dialect: 'maxtext', schedule: 'cosine', baseLr: 3e-5, warmup: 3, steps: 30 },
  'maxtext/src_maxtext_configs_gpu_models_mixtral_8x7b.yml': { dialect: 'maxtext', schedule: 'cosine', baseLr: 3e-5, warmup: 3, steps: 30 },
};

for (const [file, expected] of Object.entries(EXPECTED)) {
  test(`real config ${file}`, () => {
    const [id, name] = file.split('/') as [string, string];
    const path = join(__dirname, id, 'configs', name);
    const sources = readFileSync(join(__dirname, id, 'configs', 'SOURCES.tsv'), 'utf8');
    assert.ok(
      sources.split('\n').some((line) => line.startsWith(`${name}\t`)),
      `${name} is listed in SOURCES.tsv`,
    );
    const analysis = analyzeConfig(readFileSync(path, 'utf8'), path, {});
    const document = analysis.documents[0];
    assert.equal(document?.dialect.id ?? null, expected.dialect);
    if (expected.dialect === null) return;
    const plan = document?.plan;
    assert.ok(plan, 'a plan');
    if (expected.schedule !== undefined) assert.equal(plan.schedule.name, expected.schedule);
    if (expected.baseLr !== undefined) assert.equal(plan.baseLr, expected.baseLr);
    if (expected.warmup !== undefined) assert.equal(plan.warmup.steps, expected.warmup);
    if (expected.steps !== undefined) assert.equal(plan.length.steps, expected.steps);
    assert.equal(plan.length.assumed, expected.assumed ?? false);
    const curve = scheduleOfPlan(plan);
    assert.ok(curve, 'a curve');
    for (const [step, lr] of Object.entries(expected.lr ?? {})) assertLr(curve.lrAt(Number(step)), lr, `step ${step}`);
    assert.deepEqual([...new Set(analysis.findings.map((f) => f.ruleId))].sort(), expected.rules ?? []);
  });
}
