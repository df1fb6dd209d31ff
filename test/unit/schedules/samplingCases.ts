// Schedules the sampling tests run over: one per family that exposes critical steps (added to as builders land).
import { pytorchSchedule } from '../../../server/src/schedules/pytorch';
import type { Schedule } from '../../../server/src/schedules/schedule';

export interface SamplingCase { label: string; schedule: Schedule }

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
    torch('SequentialLR', { schedulers: [{ name: 'LinearLR', params: { start_factor: 0.01, total_iters: 50 } }, { name: 'CosineAnnealingLR', params: { T_max: 300 } }], milestones: [50] }, 1000),
    torch('ChainedScheduler', { schedulers: [{ name: 'StepLR', params: { step_size: 50, gamma: 0.5 } }, { name: 'CosineAnnealingLR', params: { T_max: 120 } }] }, 1000),
  ];
}
