import { isScalar, isSeq, visit, type Node } from 'yaml';
import { ADAM_ROLES, ROLE_WORDS } from '../plan/searchSpaceRoles';
import type { SweepPlan } from '../plan/sweepPlan';
import type { TrainingPlan } from '../plan/trainingPlan';
import { supportedRoles } from '../rules/adamBudget';
import { scheduleOfPlan } from '../schedules';
import { groupedCount as count, writtenText } from './hintText';
import type { Span } from '../parse/textSpan';
import type { ConfigAnalysis, DocumentAnalysis, LensSettings } from './analyzeConfig';
import { formatLr } from './describePlan';
import { composerTimeHints } from '../frameworks/composer/timeHints';

/**
 * Figures users otherwise work out by hand, shown after the value they are derived from: the steps a warmup
 * ratio comes to, the steps an epoch count comes to, the LR after each milestone, and what a sweep's trial budget
 * can afford to tune.
 */
export interface InlayHint {
  /** Where the hint is shown: the end of the value it explains. */
  offset: number;
  label: string;
  /** A longer explanation, shown on hover over the hint. */
  tooltip: string;
}

/** Keys whose list value holds a piecewise schedule's milestones, in the frameworks' own spellings. */
const MILESTONE_KEYS = new Set(['milestones', 'STEPS', 'decay_milestones', 'boundaries', 'lr_steps']);

/** At most this many LRs are listed after a milestone list; longer lists end with an ellipsis. */
const MAX_MILESTONE_LRS = 6;

function unitWord(plan: TrainingPlan, n: number): string {
  const unit = plan.length.unit === 'epoch' ? 'epoch' : 'step';
  return Math.round(n) === 1 ? unit : `${unit}s`;
}

/** The number written at a span of the text, when the text there is a plain number. */
function writtenNumber(text: string, span: Span): number | undefined {
  const raw = writtenText(text, span, 40);
  if (raw === null) return undefined;
  const value = Number(raw);
  return Number.isFinite(value) ? value : undefined;
}

const near = (a: number, b: number): boolean => Math.abs(a - b) <= 1e-12 * Math.max(1, Math.abs(a), Math.abs(b));

/** `warmup_ratio: 0.03` → `= 60 steps`. */
function warmupRatioHint(plan: TrainingPlan, text: string): InlayHint | null {
  const source = plan.sources.warmup;
  const ratio = plan.warmup.ratio;
  if (!source || ratio === undefined) return null;
  const written = writtenNumber(text, source.value);
  // Only where the written value is the ratio (not a step count that a ratio was computed from).
  if (written === undefined || !near(written, ratio) || (Number.isInteger(written) && written > 1)) return null;
  const steps = plan.warmup.steps;
  return {
    offset: source.value.end,
    label: `= ${count(steps)} ${unitWord(plan, steps)}${plan.length.assumed ? ' (assumed length)' : ''}`,
    tooltip: `Warmup of ${ratio} × ${count(plan.length.steps)} ${unitWord(plan, plan.length.steps)} (${plan.length.basis}).`,
  };
}

/** `num_train_epochs: 3` → `≈ 3,000 steps (1,000/epoch assumed)`. */
function epochLengthHint(plan: TrainingPlan, text: string): InlayHint | null {
  const source = plan.sources.length;
  const { epochs, stepsPerEpoch, unit, steps, assumed } = plan.length;
  if (!source || epochs === undefined || unit !== 'step' || stepsPerEpoch === undefined) return null;
  const written = writtenNumber(text, source.value);
  if (written === undefined || !near(written, epochs)) return null;
  return {
    offset: source.value.end,
    label: `${assumed ? '≈' : '='} ${count(steps)} steps (${count(stepsPerEpoch)}/epoch${assumed ? ' assumed' : ''})`,
    tooltip: `${plan.length.basis}.${assumed ? ' Give the real figure with `# lr-lens: steps-per-epoch=N` or the lrLens.stepsPerEpoch setting.' : ''}`,
  };
}

/** A milestone list → the LR after each milestone, as the framework computes it. */
function milestoneHints(document: DocumentAnalysis, plan: TrainingPlan): InlayHint[] {
  const schedule = scheduleOfPlan(plan);
  if (!schedule || schedule.validationDriven) return [];
  const markerSteps = new Set(schedule.markers.filter((marker) => marker.kind === 'milestone').map((marker) => marker.step));
  if (markerSteps.size === 0) return [];
  const hints: InlayHint[] = [];
  visit(document.input.document, {
    Pair(_key, pair) {
      if (!isScalar(pair.key) || !MILESTONE_KEYS.has(String(pair.key.value))) return undefined;
      const value = pair.value as Node | null;
      if (!isSeq(value) || !value.range) return undefined;
      const written = value.items.map((item) => (isScalar(item) && typeof item.value === 'number' ? item.value : Number.NaN));
      const steps = milestoneSteps(written, markerSteps);
      if (!steps) return undefined;
      const lrs = steps.slice(0, MAX_MILESTONE_LRS).map((step) => formatLr(schedule.lrAt(Math.min(step, schedule.totalSteps - 1))));
      hints.push({
        offset: value.range[1],
        label: `→ ${lrs.join(' → ')}${steps.length > MAX_MILESTONE_LRS ? ' → …' : ''}`,
        tooltip: `The learning rate from each milestone on (${unitWord(plan, 2)} ${steps.join(', ')}), as ${plan.schedule.name} computes it.`,
      });
      return visit.SKIP;
    },
  });
  return hints;
}

/**
 * The run steps a written milestone list stands for: the schedule's milestone markers, shifted by one offset for all
 * of them (a SequentialLR child counts from its own start). Null when the list is not the schedule's milestones.
 */
function milestoneSteps(written: readonly number[], markers: ReadonlySet<number>): number[] | null {
  const first = written[0];
  if (first === undefined || written.some((value) => !Number.isFinite(value))) return null;
  for (const marker of markers) {
    const offset = marker - first;
    if (written.every((value) => markers.has(value + offset))) return written.map((value) => value + offset);
  }
  return null;
}

/** A sweep's trial budget → which Adam hyperparameters it can afford to tune. */
function budgetHint(sweep: SweepPlan, threshold: number | undefined): InlayHint | null {
  const span = sweep.budget.capSpan;
  const trials = sweep.budget.trials;
  if (!span || trials === null) return null;
  const supported = supportedRoles(trials, threshold);
  const words = supported.map((role) => ROLE_WORDS[role]);
  const rest = ADAM_ROLES.filter((role) => !supported.includes(role)).map((role) => ROLE_WORDS[role]);
  return {
    offset: span.end,
    label: `tunes ${words.join(', ')}`,
    tooltip: `${trials} trials can afford to tune ${words.join(', ')}${rest.length ? `; keep ${rest.join(', ')} fixed` : ''} (Adam, tuning playbook).`,
  };
}

/** Inlay hints of a file, in text order, optionally only those inside `range`. */
export function inlayHintsOf(analysis: ConfigAnalysis, text: string, settings: LensSettings = {}, range?: Span): InlayHint[] {
  const hints: InlayHint[] = [];
  for (const document of analysis.documents) {
    const plan = document.plan;
    if (plan) {
      for (const hint of [warmupRatioHint(plan, text), epochLengthHint(plan, text)]) if (hint) hints.push(hint);
      hints.push(...milestoneHints(document, plan));
      // Composer writes lengths as time strings (`90ep`, `0.05dur`): their own hints.
      if (document.dialect.id === 'composer') hints.push(...composerTimeHints(document, text));
    }
    if (document.sweep) {
      const hint = budgetHint(document.sweep, settings.budgetThreshold);
      if (hint) hints.push(hint);
    }
  }
  return hints.filter((hint) => !range || (hint.offset >= range.start && hint.offset <= range.end)).sort((a, b) => a.offset - b.offset);
}
