/**
 * Inlay hints for Composer's time strings, in both formats (the older hparams YAML and the newer one): `max_duration`
 * in epochs, samples or tokens → the batches it comes to (after `scale_schedule_ratio`, which the hparams trainer applies
 * to it), and a scheduler's `t_warmup` in `dur` or `ep` → the batches of warmup. Batches (`ba`) are optimizer steps
 * already: no hint.
 * The figures are the plan's, which follows composer/trainer/trainer.py `_scale_max_duration_by_ssr` and
 * composer/optim/scheduler.py `_convert_time` (mosaicml/composer v0.11.0, f5f95713b615ff2c3a23ef7a047117d339a98858).
 */
import { isMap, isScalar, isSeq, type Node } from 'yaml';
import type { DocumentAnalysis } from '../../analysis/analyzeConfig';
import type { InlayHint } from '../../analysis/inlayHints';
import { entriesOf, resolveNode, rootMap, spanOf } from '../../parse/yamlAccess';
import type { Span } from '../../parse/textSpan';
import type { TrainingPlan } from '../../plan/trainingPlan';
import { parseComposerTime, type ComposerTime } from './dialect';
import { hparamsView } from './hparamsFormat';
import { groupedCount as count, writtenText } from '../../analysis/hintText';

const GIVE_STEPS_PER_EPOCH = ' Give the real figure with `# lr-lens: steps-per-epoch=N` or the lrLens.stepsPerEpoch setting.';

/** The time written at a span: a time string, or an integer (epochs). */
function writtenTime(text: string, span: Span): ComposerTime | null {
  const raw = writtenText(text, span, 64);
  if (raw === null) return null;
  return /^\d+$/.test(raw) ? { value: Number(raw), unit: 'ep' } : parseComposerTime(raw);
}

function perEpoch(plan: TrainingPlan): string {
  const { stepsPerEpoch, assumed } = plan.length;
  return stepsPerEpoch === undefined ? '' : ` (${count(stepsPerEpoch)}/epoch${assumed ? ' assumed' : ''})`;
}

/** `scale_schedule_ratio` as written at the top level, when it is a number other than 1. */
function scaleRatio(document: DocumentAnalysis): number | undefined {
  const root = rootMap(document.input.document);
  const value = root ? entriesOf(document.input.document, root).get('scale_schedule_ratio')?.value : undefined;
  const ratio = typeof value === 'string' ? Number(value) : value;
  return typeof ratio === 'number' && Number.isFinite(ratio) && ratio > 0 && ratio !== 1 ? ratio : undefined;
}

/** `max_duration: 90ep` → `≈ 90,000 steps (1,000/epoch assumed)`; with a ratio, `× 4 = 360ep ≈ …`. */
function durationHint(document: DocumentAnalysis, plan: TrainingPlan, text: string): InlayHint | null {
  const source = plan.sources.length;
  if (!source || source.path !== 'max_duration' || plan.length.unit !== 'step') return null;
  const written = writtenTime(text, source.value);
  const { steps, assumed, epochs } = plan.length;
  // Samples and tokens: the batches they come to, once the batch size pins them down.
  if ((written?.unit === 'sp' || written?.unit === 'tok') && !assumed) {
    return { offset: source.value.end, label: `= ${count(steps)} steps`, tooltip: `${plan.length.basis}.` };
  }
  if (!written || (written.unit !== 'ep' && written.unit !== 'ba')) return null;
  // Only the hparams trainer's plan scales max_duration by the ratio (hparamsPlan.ts).
  const ratio = hparamsView(document.input) ? scaleRatio(document) : undefined;
  if (written.unit === 'ba' && ratio === undefined) return null;
  const scaled = ratio === undefined ? '' : `× ${ratio} = ${written.unit === 'ep' && epochs !== undefined ? `${count(epochs)}ep ` : ''}`;
  const approx = written.unit === 'ep' && assumed ? '≈' : '=';
  const approxSign = scaled && written.unit === 'ba' ? '' : `${approx} `;
  return {
    offset: source.value.end,
    label: `${scaled}${approxSign}${count(steps)} steps${written.unit === 'ep' ? perEpoch(plan) : ''}`,
    tooltip: `${plan.length.basis}.${assumed ? GIVE_STEPS_PER_EPOCH : ''}`,
  };
}

/** Where the last scheduler's `t_warmup` is written in a hparams `schedulers:` list (the plan has no source there). */
function listedWarmup(document: DocumentAnalysis): Span | undefined {
  const view = hparamsView(document.input);
  const last = view?.schedulers.at(-1);
  const root = rootMap(document.input.document);
  if (!last || last.index === undefined || !root) return undefined;
  const list = resolveNode(document.input.document, entriesOf(document.input.document, root).get('schedulers')?.valueNode);
  const item = isSeq(list) ? resolveNode(document.input.document, list.items[last.index]) : null;
  const args = isMap(item)
    ? resolveNode(document.input.document, entriesOf(document.input.document, item).get(last.name)?.valueNode)
    : null;
  const warmup = isMap(args) ? entriesOf(document.input.document, args).get('t_warmup') : undefined;
  const value = warmup?.valueNode as Node | null | undefined;
  return value && isScalar(value) ? spanOf(value) : undefined;
}

/** `t_warmup: 0.05dur` → `= 500 steps`; `t_warmup: 8ep` → `≈ 8,000 steps (1,000/epoch assumed)`. */
function warmupHint(document: DocumentAnalysis, plan: TrainingPlan, text: string): InlayHint | null {
  const span = plan.sources.warmup?.value ?? listedWarmup(document);
  const written = span && writtenTime(text, span);
  if (!span || !written || (written.unit !== 'dur' && written.unit !== 'ep') || plan.warmup.steps <= 0) return null;
  const assumed = plan.length.assumed;
  const label =
    written.unit === 'ep'
      ? `${assumed ? '≈' : '='} ${count(plan.warmup.steps)} steps${perEpoch(plan)}`
      : `= ${count(plan.warmup.steps)} steps${assumed ? ' (assumed length)' : ''}`;
  const of =
    written.unit === 'dur' ? `${written.value} × ${count(plan.length.steps)} steps (${plan.length.basis})` : `${written.value} epochs`;
  return { offset: span.end, label, tooltip: `Warmup of ${of}; scale_schedule_ratio does not scale t_warmup.` };
}

/** Composer's time hints for one document, in text order. */
export function composerTimeHints(document: DocumentAnalysis, text: string): InlayHint[] {
  const plan = document.plan;
  if (!plan) return [];
  return [durationHint(document, plan, text), warmupHint(document, plan, text)]
    .filter((hint): hint is InlayHint => hint !== null)
    .sort((a, b) => a.offset - b.offset);
}
