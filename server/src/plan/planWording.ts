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
 * What the training script does to a short warmup that the file cannot change: YOLOv5's train.py warms up for at
 * least 100 iterations whatever `warmup_epochs` says (ultralytics/yolov5 train.py, `nw = max(round(hyp["warmup_epochs"]
 * * nb), 100)`), YOLOv7's for at least 1000 (WongKinYiu/yolov7 train.py, commit
 * a207844b1ce82d204ab36d87d496728d3d2348e7, line 294). The current Ultralytics trainer has no such floor: it takes
 * round(min(warmup_epochs, epochs - 1) * nb) iterations (ultralytics/ultralytics ultralytics/engine/trainer.py,
 * `_get_warmup_iterations`, commit 00016300105e79eb8b1646ab03c3d1df9274523f; the floor of 100 was dropped there).
 */
export function warmupFloorNote(plan: TrainingPlan): string {
  if (plan.schedule.framework !== 'ultralytics') return '';
  const floor = plan.assumptions.some((a) => a.startsWith('YOLOv7'))
    ? 1000
    : plan.assumptions.some((a) => a.startsWith('YOLOv5'))
      ? 100
      : undefined;
  return floor === undefined ? '' : ` (the training script still warms up for at least ${floor} iterations)`;
}
