/**
 * Words shared by the curve summary and the findings: counts in the plan's own unit
 * with the right singular or plural, and a note when an assumed run length is too short for the schedule's
 * fixed phases to fit, so the drawing under that assumption is degenerate.
 */
import type { TrainingPlan } from './trainingPlan';

/** "1 epoch", "3 epochs", "1 step", "300 steps". */
export function unitCount(count: number, unit: TrainingPlan['length']['unit']): string {
  return `${count} ${unit}${count === 1 ? '' : 's'}`;
}

function phase(params: Record<string, unknown>, key: string): number {
  const value = params[key];
  return typeof value === 'number' && Number.isFinite(value) && value > 0 ? value : 0;
}

/**
 * When the run's length is assumed and the warmup plus the schedule's fixed hold / constant phases (NeMo
 * `hold_steps`, `constant_steps`; fairseq tri_stage `hold_steps`) do not fit in it: what to say, else null.
 */
export function degenerateUnderAssumption(plan: TrainingPlan): string | null {
  if (!plan.length.assumed) return null;
  const params = plan.schedule.params;
  const hold = phase(params, 'hold_steps') + phase(params, 'constant_steps');
  const fixed = plan.warmup.steps + hold;
  if (fixed < plan.length.steps) return null;
  const how =
    plan.length.stepsPerEpoch !== undefined
      ? 'give the real steps per epoch (`# lr-lens: steps-per-epoch=N` or the lrLens.stepsPerEpoch setting)'
      : "write the run's length in the file";
  const phases =
    hold > 0 ? `warmup + hold take ${unitCount(fixed, plan.length.unit)}` : `warmup takes ${unitCount(fixed, plan.length.unit)}`;
  return `degenerate under the assumed length of ${unitCount(plan.length.steps, plan.length.unit)} (${phases}): ${how}`;
}

/** The option a user writes for a plan source path: `model.optim.sched.warmup_steps`, `warmup_epochs`. */
export function optionName(path: string): string {
  // fairseq tri_stage's warmup is the first entry of phase_ratio.
  return /(^|\.)phase_ratio$/.test(path) ? `${path}[0]` : path;
}

/**
 * What the framework does to a short warmup that the file cannot change: Ultralytics warms up for at least 100
 * iterations whatever `warmup_epochs` says (ultralytics/ultralytics ultralytics/engine/trainer.py, commit
 * 3c5ac618ec954b0f238c8f4ae558dac6e7f9991b, `nw = max(round(warmup_epochs * nb), 100)`); YOLOv7 for at least 1000
 * (WongKinYiu/yolov7 train.py, commit a207844b1ce82d204ab36d87d496728d3d2348e7, line 294).
 */
export function warmupFloorNote(plan: TrainingPlan): string {
  if (plan.schedule.framework !== 'ultralytics') return '';
  const floor = plan.assumptions.some((a) => a.startsWith('YOLOv7')) ? 1000 : 100;
  return ` (the trainer still warms up for at least ${floor} iterations)`;
}
