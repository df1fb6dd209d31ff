import type { DefaultsTable } from '../framework';
import { COMPOSER_DEFAULTS } from './dialect';

/** The defaults the composer dialect applies, and where upstream they were read. */
export const composerDefaults: DefaultsTable = {
  values: COMPOSER_DEFAULTS,
  sources: [
    {
      repository: 'mosaicml/composer',
      path: 'composer/optim/scheduler.py',
      commit: '6405188805a0',
      what: 'the schedulers and their defaults',
    },
    { repository: 'mosaicml/composer', path: 'composer/optim/decoupled_weight_decay.py', what: 'DecoupledAdamW defaults' },
    { repository: 'mosaicml/llm-foundry', path: 'llmfoundry/optim/__init__.py', what: 'the registry names of schedulers and optimizers' },
  ],
};
