/**
 * Hugging Face decay fix: `lr_scheduler_type: cosine | linear` beside `learning_rate` (warmup keys untouched), in the
 * block that holds the TrainingArguments keys.
 * `lr_scheduler_kwargs` are passed to the new scheduler, and one that does not take them raises TypeError at start-up:
 * a `min_lr` / `min_lr_rate` floor keeps its meaning with `cosine_with_min_lr`; kwargs no decay takes are emptied.
 */
import type { TextEdit } from '../../analysis/finding';
import type { DecayFamily, DialectInput } from '../../dialects/dialect';
import type { TrainingPlan } from '../../plan/trainingPlan';
import { entriesOf } from '../../parse/yamlAccess';
import { setPath } from '../../fixes/pathEdits';
import { argumentsBlock } from './argumentsBlock';

/** The keyword arguments each scheduler we write accepts (transformers.optimization). */
const ACCEPTS: Record<DecayFamily | 'cosine_with_min_lr', readonly string[]> = {
  linear: [],
  cosine: ['num_cycles'],
  cosine_with_min_lr: ['num_cycles', 'min_lr', 'min_lr_rate'],
};

export function huggingFaceDecayEdits(input: DialectInput, plan: TrainingPlan, family: DecayFamily): TextEdit[] {
  const block = argumentsBlock(input);
  if (!block) return [];
  const kwargs = plan.schedule.params;
  const keys = Object.keys(kwargs);
  const floor = keys.filter((k) => k === 'min_lr' || k === 'min_lr_rate').length === 1;
  const name = family === 'cosine' && floor ? 'cosine_with_min_lr' : family;
  const edits = setPath(input, [...block.path, 'lr_scheduler_type'], name, { beside: 'learning_rate' });
  const entry = entriesOf(input.document, block.map).get('lr_scheduler_kwargs');
  if (entry && keys.some((k) => !ACCEPTS[name].includes(k))) {
    // Empty the kwargs after the colon (a block mapping, a flow mapping or a JSON string alike).
    const { text } = input.parsed;
    const colon = text.indexOf(':', entry.keySpan.end);
    let end = entry.valueSpan.end;
    while (end > colon && /\s/.test(text.charAt(end - 1))) end--;
    edits.push({ span: { start: colon + 1, end }, newText: ' {}' });
  }
  return edits;
}
