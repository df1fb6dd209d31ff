import type { DefaultsTable } from '../framework';
import { NEMO_DEFAULTS } from './dialect';

/** The defaults the nemo dialect applies, and where upstream they were read. */
export const nemoDefaults: DefaultsTable = {
  values: NEMO_DEFAULTS,
  sources: [
    { repository: 'NVIDIA/NeMo', path: 'nemo/core/optim/lr_scheduler.py', what: 'the schedulers and which step per epoch' },
    { repository: 'NVIDIA/NeMo', path: 'nemo/core/optim/optimizers.py', what: 'optimizer defaults' },
    { repository: 'NVIDIA/NeMo', path: 'nemo/core/classes/modelPT.py', what: 'setup_optimization: max_steps from the trainer' },
  ],
};
