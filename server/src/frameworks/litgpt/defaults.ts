import type { DefaultsTable } from '../framework';
import { LITGPT_DEFAULTS } from './dialect';

const COMMIT = '26857050fe3ff627cd714fe92f5838f51a3d5efa';

/** The defaults the litgpt dialect applies, and where upstream they were read. */
export const litgptDefaults: DefaultsTable = {
  values: LITGPT_DEFAULTS,
  sources: [
    { repository: 'Lightning-AI/litgpt', path: 'litgpt/args.py', commit: COMMIT, what: 'TrainArgs fields and defaults' },
    { repository: 'Lightning-AI/litgpt', path: 'litgpt/pretrain.py', commit: COMMIT, what: 'setup() TrainArgs defaults, get_lr' },
    {
      repository: 'Lightning-AI/litgpt',
      path: 'litgpt/finetune/lora.py',
      commit: COMMIT,
      what: 'setup() TrainArgs defaults, get_lr_scheduler',
    },
    { repository: 'Lightning-AI/litgpt', path: 'litgpt/utils.py', commit: COMMIT, what: 'instantiate_torch_optimizer, parse_devices' },
  ],
};
