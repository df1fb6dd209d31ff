// Schedule engine benchmark (figures, not a pass/fail test). Targets:
// sampling a 10^9-step schedule to 2,000 points <= 2 ms; every step of a 10^5-step schedule <= 5 ms.
import { everyStep, everyStepValues, sampleCurve } from '../../server/src/schedules/sampleCurve';
import { pytorchSchedule } from '../../server/src/schedules/pytorch';
import { huggingFaceSchedule } from '../../server/src/frameworks/huggingface/schedule';
import { timmSchedule } from '../../server/src/frameworks/timm/schedule';
import type { Schedule } from '../../server/src/schedules/schedule';
import { must } from '../helpers/must';
import { figure, medianTime as median } from './figures';

function torch(name: string, params: Record<string, unknown>, totalSteps: number): Schedule {
  const schedule = pytorchSchedule({ name, params, baseLr: 0.1, totalSteps });
  if (!schedule) throw new Error(name);
  return schedule;
}

const huge: [string, () => Schedule][] = [
  ['CosineAnnealingWarmRestarts T_0=1e6', () => torch('CosineAnnealingWarmRestarts', { T_0: 1_000_000 }, 1e9)],
  ['CosineAnnealingWarmRestarts T_0=1000 (10^6 restarts)', () => torch('CosineAnnealingWarmRestarts', { T_0: 1000 }, 1e9)],
  ['OneCycleLR', () => torch('OneCycleLR', { max_lr: 0.1, total_steps: 1e9 }, 1e9)],
  ['CyclicLR triangular2 up=2000', () => torch('CyclicLR', { base_lr: 0.001, max_lr: 0.1, mode: 'triangular2' }, 1e9)],
  [
    'HF cosine_with_restarts 1000 cycles',
    () =>
      huggingFaceSchedule({ name: 'cosine_with_restarts', baseLr: 0.1, warmupSteps: 1e6, totalSteps: 1e9, kwargs: { num_cycles: 1000 } }),
  ],
  [
    'timm cosine cycle_mul 2, 20 cycles',
    () =>
      must(
        timmSchedule({
          name: 'cosine',
          params: { epochs: 1000, lr_cycle_mul: 2, lr_cycle_limit: 20 },
          baseLr: 0.1,
          warmupSteps: 0,
          totalSteps: 1e9,
        }),
        'the timm cosine schedule with cycles',
      ),
  ],
];
for (const [label, make] of huge) {
  const ms = median(() => sampleCurve(make(), 2000));
  figure(`sample 10^9 steps to 2000 points, ${label}`, ms, 'ms', { op: '<=', value: 2 });
}

const steps: [string, () => Schedule][] = [
  ['CosineAnnealingLR (recursive, as torch runs it)', () => torch('CosineAnnealingLR', { T_max: 100_000 }, 100_000)],
  ['OneCycleLR', () => torch('OneCycleLR', { max_lr: 0.1, total_steps: 100_000 }, 100_000)],
];
for (const [label, make] of steps) {
  const typed = median(() => everyStepValues(make()));
  const objects = median(() => everyStep(make()));
  figure(`every step of 10^5 steps, ${label}, as Float64Array`, typed, 'ms', { op: '<=', value: 5 });
  figure(
    `every step of 10^5 steps, ${label}, as points`,
    objects,
    'ms',
    null,
    'objects for JSON; the 5 ms target is the Float64Array path',
  );
}
