/**
 * Composer / llm-foundry decay fix: a `scheduler` block `{name: cosine_with_warmup | linear_decay_with_warmup,
 * t_warmup, alpha_f}`. `t_warmup` is kept as written (else `0ba`); `alpha_f` kept when below 1 (else 0). No `t_max`:
 * its default `1dur` is the run's `max_duration`, so the horizon always matches.
 */
import type { TextEdit } from '../../analysis/finding';
import { ConfigTree } from '../../dialects/configTree';
import type { DecayFamily, DialectInput } from '../../dialects/dialect';
import type { TrainingPlan } from '../../plan/trainingPlan';
import { float, setPath, writtenScalar, type EditValue } from '../../fixes/pathEdits';

export function composerDecayEdits(input: DialectInput, _plan: TrainingPlan, family: DecayFamily): TextEdit[] {
  const tree = new ConfigTree(input.document, { interpolate: false });
  const alphaF = Number(tree.get('scheduler.alpha_f'));
  const block: Record<string, EditValue> = {
    name: family === 'cosine' ? 'cosine_with_warmup' : 'linear_decay_with_warmup',
    t_warmup: writtenScalar(input, ['scheduler', 't_warmup']) ?? '0ba',
    alpha_f: (alphaF >= 0 && alphaF < 1 ? writtenScalar(input, ['scheduler', 'alpha_f']) : undefined) ?? float(0),
  };
  return setPath(input, ['scheduler'], block, { replace: true, beside: 'optimizer' });
}
