/**
 * DeepSpeed JSON configs: `optimizer: {type, params}`, `scheduler: {type, params}`, batch and ZeRO keys.
 * Defaults (deepspeedai/DeepSpeed deepspeed/runtime/lr_schedules.py, engine.py; commit edaa7221267):
 * WarmupLR / WarmupDecayLR / WarmupCosineLR warmup_num_steps 1000, warmup_min_lr 0, warmup_type log;
 * WarmupLR holds the LR after warmup (no decay); Adam/AdamW betas (0.9, 0.999), eps 1e-8. Values written
 * `"auto"` are filled in by the Hugging Face Trainer and are unknown here. Without a `scheduler` block the
 * schedule lives elsewhere (the training script, or the HF Trainer's own `lr_scheduler_type`), so the plan
 * does not claim a constant LR.
 */
import type { Dialect, DialectInput, Extraction, Recognition } from '../../dialects/dialect';
import { ConfigTree, topLevelKeys } from '../../dialects/configTree';
import { finiteNumber } from '../torch/torchParams';
import { toNumberList } from '../../dialects/numberLists';
import { buildPlan, type PlanDraft } from '../../dialects/planBuilder';
import { coerceParams } from '../../dialects/torchDefaults';
import { assumedLength, stepLength, type PlanLength } from '../../dialects/trainingLength';
import { deepspeedDecayEdits } from './decayFix';
import { schedulerArgProblems } from './schedulerArgs';
import { AUTO_PEAK, fillAutoSchedulerParams } from './autoValues';

export const DEEPSPEED_DEFAULTS = {
  warmup_num_steps: 1000,
  warmup_min_lr: 0,
  warmup_type: 'log',
  betas: [0.9, 0.999],
  eps: 1e-8,
  weight_decay: 0,
} as const;

const SIGNATURE = [
  'train_batch_size',
  'train_micro_batch_size_per_gpu',
  'gradient_accumulation_steps',
  'zero_optimization',
  'fp16',
  'bf16',
  'steps_per_print',
  'gradient_clipping',
  'wall_clock_breakdown',
  'prescale_gradients',
  'zero_allow_untested_optimizer',
];
/** GPT-NeoX configs embed DeepSpeed keys among Megatron ones; they are not DeepSpeed configs. */
const NEOX = [
  'num_layers',
  'num-layers',
  'hidden_size',
  'hidden-size',
  'seq_length',
  'seq-length',
  'pipe_parallel_size',
  'pipe-parallel-size',
  'train_iters',
  'train-iters',
  'lr_decay_style',
  'lr-decay-style',
];

function recognize(input: DialectInput): Recognition | null {
  const keys = topLevelKeys(input.document);
  if (NEOX.some((k) => keys.has(k))) return null;
  const tree = new ConfigTree(input.document, { interpolate: false });
  const hits = SIGNATURE.filter((k) => keys.has(k));
  const typed = ['optimizer', 'scheduler'].filter((k) => tree.has(`${k}.type`));
  if (hits.length === 0 || hits.length + typed.length < 2) return null;
  const json = /\.jsonc?$/i.test(input.fileName) ? 0.1 : 0;
  return {
    confidence: Math.min(0.95, 0.4 + 0.1 * hits.length + 0.1 * typed.length + json),
    reason: `DeepSpeed config keys: ${[...hits, ...typed].slice(0, 4).join(', ')}`,
  };
}

const known = finiteNumber;

function extract(input: DialectInput): Extraction {
  const tree = new ConfigTree(input.document, { interpolate: false });
  const assumptions: string[] = [];
  const schedulerType = typeof tree.get('scheduler.type') === 'string' ? (tree.get('scheduler.type') as string) : undefined;
  const params = coerceParams(tree.get('scheduler.params'));
  // A key DeepSpeed's scheduler class does not take stops the run at start-up: no plan is built on the rest.
  const argProblems = schedulerArgProblems(tree, schedulerType);
  if (argProblems.length > 0) return { findings: argProblems };
  const optimizerLr = known(tree.get('optimizer.params.lr'));
  const warmupMax = known(params.warmup_max_lr);
  // Warmup* schedulers warm up to warmup_max_lr; otherwise the optimizer's lr is the peak.
  const warmsToMax = schedulerType?.startsWith('Warmup') && schedulerType !== 'WarmupCosineLR';
  const knownPeak = warmsToMax ? (warmupMax ?? optimizerLr) : (optimizerLr ?? warmupMax);
  // A peak written "auto" is the Trainer's learning_rate: the shape is still known, drawn normalized (autoValues.ts).
  const peakIsAuto = knownPeak === undefined && [tree.get('optimizer.params.lr'), params.warmup_max_lr].includes('auto');
  const baseLr = peakIsAuto ? 1 : knownPeak;
  if (baseLr === undefined || !(baseLr > 0)) return { findings: [] };
  if (tree.get('optimizer.params.lr') === 'auto' || params.warmup_max_lr === 'auto')
    assumptions.push('"auto" values are filled in by the Hugging Face Trainer');
  if (peakIsAuto) assumptions.push(AUTO_PEAK);

  const total = known(params.total_num_steps);
  const length: PlanLength =
    total !== undefined && total > 0
      ? stepLength(total, `scheduler.params.total_num_steps: ${total}`)
      : assumedLength('the run length is not in a DeepSpeed config', assumptions);
  fillAutoSchedulerParams(params, baseLr, length.steps, assumptions);
  let schedule: PlanDraft['schedule'];
  let warmupSteps = 0;
  if (!schedulerType) {
    schedule = { framework: 'deepspeed', name: 'none', params: {}, explicit: false, constantAfterWarmup: false, validationDriven: false };
    assumptions.push('no `scheduler` block: the schedule is set by the training script or the Hugging Face Trainer, not this file');
  } else {
    if (schedulerType.startsWith('Warmup')) warmupSteps = known(params.warmup_num_steps) ?? DEEPSPEED_DEFAULTS.warmup_num_steps;
    schedule = {
      framework: 'deepspeed',
      name: schedulerType,
      params,
      explicit: true,
      constantAfterWarmup: schedulerType === 'WarmupLR',
      validationDriven: false,
    };
  }
  const optimizerType = typeof tree.get('optimizer.type') === 'string' ? (tree.get('optimizer.type') as string) : 'Adam';
  const betas = toNumberList(tree.get('optimizer.params.betas'));
  const validBetas =
    Array.isArray(betas) && betas.length === 2 && betas.every((b) => typeof b === 'number' && b >= 0 && b < 1)
      ? (betas as number[])
      : DEEPSPEED_DEFAULTS.betas;
  const plan = buildPlan('deepspeed', input, tree, {
    optimizer: {
      name: optimizerType,
      beta1: validBetas[0],
      beta2: validBetas[1],
      epsilon: known(tree.get('optimizer.params.eps')) ?? DEEPSPEED_DEFAULTS.eps,
      weightDecay: known(tree.get('optimizer.params.weight_decay')) ?? DEEPSPEED_DEFAULTS.weight_decay,
    },
    baseLr,
    schedule,
    warmup: { steps: warmupSteps },
    length,
    sources: {
      baseLr: schedulerType?.startsWith('Warmup') && warmupMax !== undefined ? 'scheduler.params.warmup_max_lr' : 'optimizer.params.lr',
      schedule: schedulerType ? 'scheduler.type' : undefined,
      warmup: 'scheduler.params.warmup_num_steps',
      length: 'scheduler.params.total_num_steps',
      optimizer: 'optimizer.type',
      beta1: 'optimizer.params.betas',
      beta2: 'optimizer.params.betas',
      epsilon: 'optimizer.params.eps',
    },
    assumptions,
    ...(peakIsAuto ? { peakUnknown: AUTO_PEAK } : {}),
  });
  return { plan, findings: [] };
}

export const deepspeedDialect: Dialect = {
  id: 'deepspeed',
  name: 'DeepSpeed',
  recognize,
  fileNameHints: [/(^|\/)(ds_config|deepspeed)[^/]*\.json$/i],
  extract,
  decayEdits: deepspeedDecayEdits,
  writesDecayHorizon: true,
};
