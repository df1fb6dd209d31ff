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

export const family = (kind: FamilyKind, name: string = kind): ScheduleFamily => ({ kind, name });

/** Scheduler name → family, or family and its name in words. */
export type FamilyTable = Readonly<Record<string, FamilyKind | readonly [FamilyKind, string]>>;

export function familyFromTable(table: FamilyTable, name: string): ScheduleFamily | null {
  const entry = table[name];
  if (!entry) return null;
  return typeof entry === 'string' ? family(entry) : family(entry[0], entry[1]);
}
