// Schedules the sampling tests run over: one per family that exposes critical steps (added to as builders land).
import { axolotlSchedule } from '../../../server/src/frameworks/axolotl/schedule';
import type { ScheduleInput } from '../../../server/src/schedules/closedFormSchedule';
import { composerSchedule } from '../../../server/src/frameworks/composer/schedule';
import { deepspeedSchedule } from '../../../server/src/frameworks/deepspeed/schedule';
import { detectron2Schedule } from '../../../server/src/frameworks/detectron2/schedule';
import { fairseqSchedule } from '../../../server/src/frameworks/fairseq/schedule';
import { huggingFaceSchedule } from '../../../server/src/frameworks/huggingface/schedule';
import { nemoSchedule } from '../../../server/src/frameworks/nemo/schedule';
import { openNmtSchedule } from '../../../server/src/frameworks/opennmt/schedule';
import { pytorchSchedule } from '../../../server/src/schedules/pytorch';
import { tfModelGardenSchedule } from '../../../server/src/frameworks/tf-model-garden/schedule';
import { timmSchedule } from '../../../server/src/frameworks/timm/schedule';
import { torchtuneSchedule } from '../../../server/src/frameworks/torchtune/schedule';
import { ultralyticsSchedule } from '../../../server/src/frameworks/ultralytics/schedule';
import type { Schedule } from '../../../server/src/schedules/schedule';

export interface SamplingCase {
  label: string;
  schedule: Schedule;
}

function must(label: string, schedule: Schedule | null): SamplingCase {
  if (!schedule) throw new Error(`${label}: builder returned null`);
  return { label, schedule };
}

export function SAMPLING_CASES(): SamplingCase[] {
  const torch = (name: string, params: Record<string, unknown>, totalSteps: number) =>
    must(`pytorch ${name}`, pytorchSchedule({ name, params, baseLr: 0.1, totalSteps }));
  return [
    torch('StepLR', { step_size: 37, gamma: 0.7 }, 1000),
    torch('MultiStepLR', { milestones: [10, 333, 334, 900], gamma: 0.5 }, 1000),
    torch('CosineAnnealingLR', { T_max: 97, eta_min: 0.001 }, 1000),
    torch('CosineAnnealingWarmRestarts', { T_0: 13, T_mult: 2 }, 2000),
    torch('CosineAnnealingWarmRestarts', { T_0: 29 }, 2000),
    torch('OneCycleLR', { max_lr: 0.5, total_steps: 999, pct_start: 0.123, three_phase: true }, 1000),
    torch('CyclicLR', { base_lr: 0.01, max_lr: 0.1, step_size_up: 17, step_size_down: 40, mode: 'triangular2' }, 1000),
    torch('CyclicLR', { base_lr: 0.01, max_lr: 0.1, step_size_up: 7, mode: 'exp_range', gamma: 0.995 }, 1000),
    torch(
      'SequentialLR',
      {
        schedulers: [
          { name: 'LinearLR', params: { start_factor: 0.01, total_iters: 50 } },
          { name: 'CosineAnnealingLR', params: { T_max: 300 } },
        ],
        milestones: [50],
      },
      1000,
    ),
    torch(
      'ChainedScheduler',
      {
        schedulers: [
          { name: 'StepLR', params: { step_size: 50, gamma: 0.5 } },
          { name: 'CosineAnnealingLR', params: { T_max: 120 } },
        ],
      },
      1000,
    ),
    ...HF_CASES.map(([name, W, kwargs]) =>
      must(`huggingface ${name}`, huggingFaceSchedule({ name, baseLr: 0.1, warmupSteps: W, totalSteps: 1000, kwargs })),
    ),
    ...OTHER_FRAMEWORKS.map(([framework, build, name, params, totalSteps, extra]) =>
      must(`${framework} ${name}`, build({ name, params, baseLr: 0.1, warmupSteps: 0, totalSteps, ...extra })),
    ),
  ];
}

type Builder = (input: ScheduleInput) => Schedule | null;
const OTHER_FRAMEWORKS: [string, Builder, string, Record<string, unknown>, number, Partial<ScheduleInput>?][] = [
  ['torchtune', torchtuneSchedule, 'get_cosine_schedule_with_warmup', { num_warmup_steps: 37, num_cycles: 2.5 }, 1500],
  ['axolotl', axolotlSchedule, 'rex', { cosine_min_lr_ratio: 0.1 }, 1000, { warmupSteps: 50 }],
  ['axolotl', axolotlSchedule, 'cosine', { cosine_min_lr_ratio: 0.1, cosine_constant_lr_ratio: 0.7 }, 1000, { warmupSteps: 30 }],
  ['axolotl', axolotlSchedule, 'one_cycle', {}, 1000, { warmupSteps: 123 }],
  ['timm', timmSchedule, 'cosine', { epochs: 97, warmup_epochs: 13, lr_cycle_limit: 4, lr_cycle_mul: 1.5, min_lr: 0.001 }, 1000],
  ['timm', timmSchedule, 'multistep', { decay_milestones: [100, 333, 700], warmup_epochs: 20, warmup_prefix: true }, 1000],
  ['ultralytics', ultralyticsSchedule, 'linear', { epochs: 20, warmup_epochs: 2.7 }, 1000, { unit: 'step', stepsPerEpoch: 50 }],
  ['composer', composerSchedule, 'cosine_with_warmup', { t_warmup: '0.07dur', alpha_f: 0.1 }, 1000],
  ['composer', composerSchedule, 'CosineAnnealingWarmRestartsScheduler', { t_0: '37ba', t_mult: 1.7 }, 1000],
  ['nemo', nemoSchedule, 'CosineAnnealing', { warmup_steps: 41, constant_steps: 200, min_lr: 0.001 }, 1000],
  ['nemo', nemoSchedule, 'NoamHoldAnnealing', { warmup_steps: 50, hold_steps: 100 }, 1000],
  ['nemo', nemoSchedule, 'PolynomialDecayAnnealing', { warmup_steps: 20, cycle: true, max_steps: 300 }, 1000],
  ['fairseq', fairseqSchedule, 'cosine', { lr: [0.1], warmup_updates: 25, lr_period_updates: 111, t_mult: 1.3, max_update: 1000 }, 1000],
  ['fairseq', fairseqSchedule, 'tri_stage', { lr: [0.1], phase_ratio: [0.1, 0.4, 0.5], max_update: 1000 }, 1000],
  ['detectron2', detectron2Schedule, 'WarmupMultiStepLR', { MAX_ITER: 1000, STEPS: [500, 800], WARMUP_ITERS: 77 }, 1000],
  ['detectron2', detectron2Schedule, 'WarmupCosineLR', { MAX_ITER: 1000, WARMUP_ITERS: 77 }, 1000],
  [
    'deepspeed',
    deepspeedSchedule,
    'OneCycle',
    {
      cycle_min_lr: 0.01,
      cycle_max_lr: 0.1,
      cycle_first_step_size: 123,
      cycle_second_step_size: 300,
      decay_lr_rate: 0.5,
      decay_step_size: 50,
    },
    1000,
  ],
  ['deepspeed', deepspeedSchedule, 'WarmupCosineLR', { total_num_steps: 900, warmup_num_steps: 70 }, 1000],
  ['opennmt', openNmtSchedule, 'noam', { hidden_size: 512, warmup_steps: 300 }, 1000],
  [
    'tf-model-garden',
    tfModelGardenSchedule,
    'polynomial',
    { initial_learning_rate: 0.1, decay_steps: 300, cycle: true, warmup: { type: 'linear', warmup_steps: 50 } },
    1000,
  ],
  ['tf-model-garden', tfModelGardenSchedule, 'step_cosine_with_offset', { boundaries: [0, 300, 700], values: [0.1, 0.05, 0.01] }, 1000],
];

const HF_CASES: [Parameters<typeof huggingFaceSchedule>[0]['name'], number, Record<string, unknown>][] = [
  ['cosine', 33, { num_cycles: 3.3 }],
  ['cosine_with_restarts', 17, { num_cycles: 7 }],
  ['cosine_warmup_with_min_lr', 40, { num_cycles: 1.5, min_lr_rate: 0.1 }],
  ['warmup_stable_decay', 50, { num_decay_steps: 300, num_cycles: 1.5, min_lr_ratio: 0.05 }],
  ['polynomial', 20, { power: 2, lr_end: 0.001 }],
  ['inverse_sqrt', 60, {}],
];
