import type { EditingVocabulary } from '../framework';
import { DETECTRON2_DEFAULTS as D } from './dialect';

/** Names and keys a detectron2 config may write (for completion): what the dialect reads, with its defaults. */
export const detectron2Vocabulary: EditingVocabulary = {
  schedulerKeys: ['SOLVER.LR_SCHEDULER_NAME'],
  schedulers: ['WarmupMultiStepLR', 'WarmupCosineLR', 'WarmupStepWithFixedGammaLR'],
  optimizerKeys: ['SOLVER.OPTIMIZER'],
  /** The optimizer names this module knows (its default, or the classes whose defaults it knows). */
  optimizers: [D.OPTIMIZER],
  keys: [
    { key: 'SOLVER.LR_SCHEDULER_NAME', default: D.LR_SCHEDULER_NAME, meaning: 'the scheduler' },
    { key: 'SOLVER.BASE_LR', default: D.BASE_LR, meaning: 'the peak learning rate' },
    { key: 'SOLVER.BASE_LR_END', default: D.BASE_LR_END, meaning: "the cosine's final learning rate" },
    { key: 'SOLVER.MAX_ITER', default: D.MAX_ITER, meaning: 'training length in iterations' },
    { key: 'SOLVER.STEPS', default: D.STEPS, meaning: 'iterations at which the LR is multiplied by GAMMA' },
    { key: 'SOLVER.GAMMA', default: D.GAMMA, meaning: 'the factor at each step' },
    { key: 'SOLVER.WARMUP_ITERS', default: D.WARMUP_ITERS, meaning: 'warmup in iterations' },
    { key: 'SOLVER.WARMUP_FACTOR', default: D.WARMUP_FACTOR, meaning: 'the LR factor at the start of warmup' },
    { key: 'SOLVER.WARMUP_METHOD', default: D.WARMUP_METHOD, meaning: 'linear or constant warmup' },
    { key: 'SOLVER.MOMENTUM', default: D.MOMENTUM, meaning: 'SGD momentum' },
    { key: 'SOLVER.WEIGHT_DECAY', default: D.WEIGHT_DECAY, meaning: 'weight decay' },
    { key: 'SOLVER.OPTIMIZER', default: D.OPTIMIZER, meaning: 'the optimizer (projects that set it)' },
  ],
};
