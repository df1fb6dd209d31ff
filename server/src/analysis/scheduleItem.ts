/**
 * What a completion item for a scheduler name shows, shared by the frameworks' completers: one line of guidance per
 * schedule family, the order (decaying schedules first), and the curve the name gives under the file's plan.
 */
import type { FamilyKind } from '../plan/scheduleFamily';
import type { TrainingPlan } from '../plan/trainingPlan';
import { sparkline } from './codeLens';
import { curveOfPlan } from './curve';

export const GUIDANCE: Record<FamilyKind, string> = {
  cosine: 'Recommended default: decays over the run, passing through the rates that work best late in training.',
  linear: 'Recommended default: decays over the run, passing through the rates that work best late in training.',
  constant: 'Holds one rate for the whole run: a decaying schedule is likelier to pass through a good one.',
  piecewise: 'Hand-picked milestones record one run and rarely transfer: prefer linear or cosine decay.',
  validation: 'Driven by a validation metric: fine when fully automated, but its curve cannot be drawn ahead.',
  other: 'A legitimate schedule; linear and cosine decay are the recommended defaults to tune first.',
  unknown: 'LR Lens cannot tell how this schedule behaves.',
};

export const SORT_RANK: Record<FamilyKind, number> = {
  cosine: 0,
  linear: 0,
  other: 1,
  piecewise: 2,
  validation: 2,
  constant: 3,
  unknown: 4,
};

/** The plan with another scheduler name, as the framework would run it (null when it cannot be drawn). */
export function curveWith(plan: TrainingPlan, name: string, family: FamilyKind): string | null {
  const variant: TrainingPlan = {
    ...plan,
    schedule: {
      ...plan.schedule,
      name,
      explicit: true,
      constantAfterWarmup: family === 'constant',
      validationDriven: family === 'validation',
    },
  };
  try {
    const curve = curveOfPlan(variant, { points: 48 });
    if (!curve || curve.validationDriven) return null;
    return `${sparkline(curve.points, 24)}  \n${curve.summary.text.replace(/[\\`*_[\]<>]/g, (c) => `\\${c}`)}`;
  } catch {
    return null;
  }
}
