import type { TrainingPlan } from './trainingPlan';

/**
 * The family a plan's schedule belongs to, whatever vocabulary named it: the recommended defaults (`cosine`,
 * `linear`), `constant`, `piecewise` (hand-picked milestones, LR lists, stepwise boundaries), `validation` (driven by
 * a metric), `other` (a legitimate family that is not a recommended default: exponential, inverse sqrt, one-cycle,
 * ...; `name` says which), or `unknown` (the file does not say).
 */
export type FamilyKind = 'cosine' | 'linear' | 'constant' | 'piecewise' | 'validation' | 'other' | 'unknown';

export interface ScheduleFamily {
  kind: FamilyKind;
  /** In words, for messages: `inverse square root`, `multi-step milestones`, ... */
  name: string;
}

const family = (kind: FamilyKind, name: string = kind): ScheduleFamily => ({ kind, name });

function num(params: Record<string, unknown>, key: string): number | undefined {
  const value = params[key];
  const n = typeof value === 'string' ? Number(value) : value;
  return typeof n === 'number' && Number.isFinite(n) ? n : undefined;
}

/** torch.optim.lr_scheduler classes (also used by NeMo, torchtune and DeepSpeed for these names). */
function pytorchFamily(name: string, params: Record<string, unknown>): ScheduleFamily | null {
  switch (name) {
    case 'CosineAnnealingLR':
      return family('cosine');
    case 'LinearLR':
      return (num(params, 'end_factor') ?? 1) < (num(params, 'start_factor') ?? 1 / 3) ? family('linear') : family('other', 'linear ramp');
    case 'PolynomialLR':
      return (num(params, 'power') ?? 1) === 1 ? family('linear') : family('other', 'polynomial decay');
    case 'MultiStepLR':
      return family('piecewise', 'multi-step milestones');
    case 'StepLR':
      return family('other', 'step decay');
    case 'ExponentialLR':
      return family('other', 'exponential decay');
    case 'CosineAnnealingWarmRestarts':
      return family('other', 'cosine with warm restarts');
    case 'OneCycleLR':
      return family('other', 'one-cycle');
    case 'CyclicLR':
      return family('other', 'cyclic');
    case 'ConstantLR':
      return family('constant');
    case 'ReduceLROnPlateau':
      return family('validation', 'reduce on plateau');
    case 'SequentialLR':
    case 'ChainedScheduler': {
      // A warmup child followed by the decay: the decay is the family.
      const children = Array.isArray(params.schedulers) ? (params.schedulers as unknown[]) : [];
      const last = children.at(-1) as Record<string, unknown> | undefined;
      const lastName = typeof last?.class_path === 'string' ? last.class_path : typeof last?.name === 'string' ? last.name : undefined;
      const lastParams = (last?.init_args ?? last?.params ?? {}) as Record<string, unknown>;
      return lastName ? pytorchFamily(lastName.split('.').pop()!, lastParams) : family('unknown');
    }
    default:
      return null;
  }
}

function huggingFaceFamily(name: string, params: Record<string, unknown>): ScheduleFamily {
  switch (name) {
    case 'linear':
      return family('linear');
    case 'cosine':
    case 'cosine_with_min_lr':
    case 'cosine_warmup_with_min_lr':
      return family('cosine');
    case 'polynomial':
      return (num(params, 'power') ?? 1) === 1 ? family('linear') : family('other', 'polynomial decay');
    case 'constant':
    case 'constant_with_warmup':
      return family('constant');
    case 'reduce_lr_on_plateau':
      return family('validation', 'reduce on plateau');
    case 'cosine_with_restarts':
      return family('other', 'cosine with hard restarts');
    case 'inverse_sqrt':
      return family('other', 'inverse square root');
    case 'warmup_stable_decay':
      return family('other', 'warmup-stable-decay');
    case 'one_cycle':
      return family('other', 'one-cycle');
    case 'rex':
      return family('other', 'REX');
    default:
      return family('unknown', name);
  }
}

const COMPOSER: Record<string, FamilyKind | [FamilyKind, string]> = {
  cosine_with_warmup: 'cosine', CosineAnnealingWithWarmupScheduler: 'cosine', cosine_decay: 'cosine', CosineAnnealingScheduler: 'cosine',
  linear_decay_with_warmup: 'linear', LinearWithWarmupScheduler: 'linear', linear_decay: 'linear', LinearScheduler: 'linear',
  constant: 'constant', constant_with_warmup: 'constant', ConstantScheduler: 'constant', ConstantWithWarmupScheduler: 'constant',
  multistep: ['piecewise', 'multi-step milestones'], multistep_with_warmup: ['piecewise', 'multi-step milestones'],
  MultiStepScheduler: ['piecewise', 'multi-step milestones'], MultiStepWithWarmupScheduler: ['piecewise', 'multi-step milestones'],
  step: ['other', 'step decay'], StepScheduler: ['other', 'step decay'],
  exponential: ['other', 'exponential decay'], ExponentialScheduler: ['other', 'exponential decay'],
  inv_sqrt_with_warmup: ['other', 'inverse square root'], InverseSquareRootWithWarmupScheduler: ['other', 'inverse square root'],
  cosine_warmrestart: ['other', 'cosine with warm restarts'], CosineAnnealingWarmRestartsScheduler: ['other', 'cosine with warm restarts'],
  polynomial: ['other', 'polynomial decay'], PolynomialScheduler: ['other', 'polynomial decay'],
  polynomial_with_warmup: ['other', 'polynomial decay'], PolynomialWithWarmupScheduler: ['other', 'polynomial decay'],
};

const NEMO: Record<string, FamilyKind | [FamilyKind, string]> = {
  CosineAnnealing: 'cosine', WarmupAnnealing: 'linear', WarmupHoldAnnealLinear: 'linear',
  WarmupPolicy: 'constant', WarmupHoldPolicy: 'constant',
  SquareAnnealing: ['other', 'square annealing'], SquareRootAnnealing: ['other', 'square-root annealing'],
  InverseSquareRootAnnealing: ['other', 'inverse square root'], T5InverseSquareRootAnnealing: ['other', 'inverse square root'],
  NoamAnnealing: ['other', 'Noam'], NoamHoldAnnealing: ['other', 'Noam'],
  PolynomialDecayAnnealing: ['other', 'polynomial decay'], PolynomialHoldDecayAnnealing: ['other', 'polynomial decay'],
  WarmupHoldAnnealOneMinusSquareRoot: ['other', '1 - sqrt annealing'],
};

function fromTable(table: Record<string, FamilyKind | [FamilyKind, string]>, name: string): ScheduleFamily | null {
  const entry = table[name];
  if (!entry) return null;
  return typeof entry === 'string' ? family(entry) : family(entry[0], entry[1]);
}

/** The family of the schedule a plan runs. */
export function scheduleFamilyOf(plan: TrainingPlan): ScheduleFamily {
  const { framework, params } = plan.schedule;
  const name = plan.schedule.name.split('.').pop() ?? plan.schedule.name;
  if (plan.schedule.validationDriven) return family('validation', 'reduce on plateau');
  if (plan.schedule.constantAfterWarmup) return family('constant');
  switch (framework) {
    case 'huggingface':
    case 'axolotl':
      return huggingFaceFamily(name, params);
    case 'pytorch':
      return pytorchFamily(name, params) ?? family('unknown', name);
    case 'torchtune':
      return name === 'get_cosine_schedule_with_warmup' ? family('cosine') : name === 'constant' ? family('constant') : family('unknown', name);
    case 'composer':
      return fromTable(COMPOSER, name) ?? family('unknown', name);
    case 'nemo':
      return fromTable(NEMO, name) ?? pytorchFamily(name, params) ?? family('unknown', name);
    case 'deepspeed':
      if (name === 'WarmupCosineLR') return family('cosine');
      if (name === 'WarmupDecayLR') return family('linear');
      if (name === 'WarmupLR') return family('constant');
      if (name === 'OneCycle') return family('other', 'one-cycle');
      if (name === 'LRRangeTest') return family('other', 'LR range test');
      return pytorchFamily(name, params) ?? family('unknown', name);
    case 'detectron2':
      if (name === 'WarmupCosineLR') return family('cosine');
      if (name === 'WarmupMultiStepLR') return family('piecewise', 'multi-step milestones');
      if (name === 'WarmupStepWithFixedGammaLR') return family('other', 'step decay');
      return family('unknown', name);
    case 'ultralytics':
      return params.cos_lr === true || name === 'cos' || name === 'cosine' ? family('cosine') : family('linear');
    case 'fairseq':
      if (name === 'cosine') return (num(params, 't_mult') ?? 1) === 1 ? family('cosine') : family('other', 'cosine with growing restarts');
      if (name === 'polynomial_decay') return (num(params, 'power') ?? 1) === 1 ? family('linear') : family('other', 'polynomial decay');
      if (name === 'fixed') return Array.isArray(params.lr) && params.lr.length > 1 ? family('piecewise', 'per-epoch LR list') : family('other', 'forced annealing');
      if (name === 'step') return family('other', 'step decay');
      if (name === 'inverse_sqrt') return family('other', 'inverse square root');
      if (name === 'tri_stage') return family('other', 'tri-stage');
      if (name === 'pass_through') return family('unknown', name);
      return family('unknown', name);
    case 'opennmt':
      if (name === 'noam' || name === 'noamwd') return family('other', 'Noam');
      if (name === 'rsqrt') return family('other', 'inverse square root');
      return family('other', 'exponential step decay');
    case 'timm':
      if (name === 'cosine') return family('cosine');
      if (name === 'poly') return (num(params, 'decay_rate') ?? 0.1) === 1 ? family('linear') : family('other', 'polynomial decay');
      if (name === 'multistep') return family('piecewise', 'multi-step milestones');
      if (name === 'step') return family('other', 'step decay');
      if (name === 'tanh') return family('other', 'tanh decay');
      return family('unknown', name);
    case 'tf-model-garden':
      if (name === 'cosine') return family('cosine');
      if (name === 'polynomial') return (num(params, 'power') ?? 1) === 1 ? family('linear') : family('other', 'polynomial decay');
      if (name === 'stepwise') return family('piecewise', 'stepwise boundaries');
      if (name === 'exponential') return family('other', 'exponential decay');
      if (name === 'step_cosine_with_offset') return family('other', 'step cosine');
      if (name.startsWith('power')) return family('other', 'power decay');
      return family('unknown', name);
    default:
      return family('unknown', name);
  }
}
