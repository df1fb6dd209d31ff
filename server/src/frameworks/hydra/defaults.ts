import type { DefaultsTable } from '../framework';
import { HYDRA_DEFAULTS } from './dialect';

const TEMPLATE = 'ashleve/lightning-hydra-template';
const COMMIT = 'bddbc24b82ab6ccfa6243e815a49dc5bfe8d4144';

/** The defaults the Hydra `_target_` dialect applies, and where upstream they were read. */
export const hydraDefaults: DefaultsTable = {
  values: HYDRA_DEFAULTS,
  sources: [
    {
      repository: TEMPLATE,
      path: 'src/models/mnist_module.py',
      commit: COMMIT,
      what: 'configure_optimizers: interval "epoch", no scheduler when null',
    },
    {
      repository: TEMPLATE,
      path: 'configs/model/mnist.yaml',
      commit: COMMIT,
      what: 'optimizer and scheduler as _partial_ _target_ blocks',
    },
    {
      repository: 'Lightning-AI/pytorch-lightning',
      path: 'src/lightning/pytorch/trainer/trainer.py',
      commit: '000699b5',
      what: 'max_epochs default 1000',
    },
    { repository: 'pytorch/pytorch', path: 'torch/optim/lr_scheduler.py', commit: '008f727e', what: 'the scheduler classes' },
  ],
};
