import type { DefaultsTable } from '../framework';
import { MAXTEXT_DEFAULTS } from './dialect';

/** The defaults the maxtext dialect applies, and where upstream they were read. */
export const maxtextDefaults: DefaultsTable = {
  values: MAXTEXT_DEFAULTS,
  sources: [
    { repository: 'AI-Hypercomputer/maxtext', path: 'src/maxtext/configs/base.yml', commit: 'e591f30cbbf217ed67ef71263ec0538239f9c3b8' },
    { repository: 'AI-Hypercomputer/maxtext', path: 'src/maxtext/configs/types.py', commit: 'e591f30cbbf217ed67ef71263ec0538239f9c3b8' },
  ],
};
