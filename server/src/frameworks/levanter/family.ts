import type { ScheduleFamily } from '../family';

/**
 * The family of a levanter `lr_schedule`
 * (stanford-crfm/levanter src/levanter/optim/config.py @9263f81e8b453241332c2c0b2d2001bfb2d2241c).
 */
export function levanterFamily(name: string, params: Readonly<Record<string, unknown>>): ScheduleFamily {
  const cyclic = params['cycles'] !== undefined || params['cycle_length'] !== undefined || params['haps'] !== undefined;
  if (cyclic && (name === 'cosine' || name === 'linear')) return { kind: 'other', name: `${name} in cycles (rewarmups)` };
  switch (name) {
    case 'cosine':
      return { kind: 'cosine', name: 'cosine' };
    case 'linear':
      return { kind: 'linear', name: 'linear' };
    case 'constant':
      return { kind: 'constant', name: 'constant' };
    case 'inv_sqrt':
      return { kind: 'other', name: 'inverse square root' };
    case 'inv':
      return { kind: 'other', name: 'inverse decay' };
    case 'power':
      return { kind: 'other', name: 'power law (tokens seen)' };
    default:
      return { kind: 'unknown', name };
  }
}
