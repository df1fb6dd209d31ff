/**
 * fairseq decay fix: `lr_scheduler: {_name: cosine, ...}` or `{_name: polynomial_decay, ...}` (power 1: linear), with
 * `warmup_updates` / `warmup_init_lr` kept. Both read their horizon from optimization.max_update; when the file has
 * none, the cosine gets `lr_period_updates` and the polynomial `total_num_update` from the plan's (assumed) length.
 * An `lr` list (one LR per epoch for `fixed`) becomes its first value. A Hydra defaults-list choice
 * (`- lr_scheduler: fixed`) is switched in place; the flat `fairseq.optimization` style gets its `lr_scheduler` name.
 */
import type { TextEdit } from '../../analysis/finding';
import { ConfigTree } from '../../dialects/configTree';
import type { DecayFamily, DialectInput } from '../../dialects/dialect';
import type { TrainingPlan } from '../../plan/trainingPlan';
import { float, replaceValueAt, setPath, writtenScalar, type EditValue } from '../../fixes/pathEdits';

const KEPT = ['warmup_updates', 'warmup_init_lr'];

export function fairseqDecayEdits(input: DialectInput, plan: TrainingPlan, family: DecayFamily): TextEdit[] {
  const tree = new ConfigTree(input.document, { interpolate: false });
  const name = family === 'cosine' ? 'cosine' : 'polynomial_decay';
  const source = plan.sources.schedule;
  const flat = tree.has('fairseq.optimization');
  const opt = flat ? 'fairseq.optimization' : 'optimization';
  const maxUpdate = Number(tree.get(`${opt}.max_update`));
  const horizonKnown = maxUpdate > 0;
  const edits: TextEdit[] = [];
  const lr = tree.get(`${opt}.lr`);
  if (Array.isArray(lr) && lr.length > 1) edits.push(...setPath(input, [...opt.split('.'), 'lr'], [plan.baseLr]));
  if (source?.path === 'defaults.lr_scheduler') {
    return [...edits, replaceValueAt(input, source.value, name)];
  }
  if (flat) return [...edits, ...setPath(input, ['fairseq', 'optimization', 'lr_scheduler'], name)];
  const composite = tree.get('optimizer._name') === 'composite';
  const base = composite ? source?.path.replace(/\._name$/, '') : 'lr_scheduler';
  if (!base) return [];
  const block: Record<string, EditValue> = { _name: name };
  for (const key of KEPT) {
    const value = writtenScalar(input, [...base.split('.'), key]);
    if (value) block[key] = value;
  }
  if (family === 'linear') block.end_learning_rate = float(0);
  if (!horizonKnown) {
    const warmup = Number(tree.get(`${base}.warmup_updates`) ?? 0) || 0;
    if (family === 'cosine') block.lr_period_updates = Math.max(1, plan.length.steps - warmup);
    else block.total_num_update = plan.length.steps;
  }
  return [...edits, ...setPath(input, base.split('.'), block, { replace: true, beside: 'optimizer' })];
}
