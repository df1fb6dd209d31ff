/**
 * Decay fix in Composer's hparams YAML (hparamsFormat.ts): `schedulers:` becomes one registry entry,
 * `{cosine_decay_with_warmup | linear_decay_with_warmup: {t_warmup, alpha_f}}` (mosaicml/composer
 * composer/optim/scheduler_hparams_registry.py at v0.11.0, f5f95713b615ff2c3a23ef7a047117d339a98858). The last
 * scheduler's `t_warmup` is kept as written (else `0ba`), its `alpha_f` when below 1 (else 0). No `t_max`: its default
 * `1dur` is the (scaled) max_duration, so the horizon matches the run.
 */
import type { TextEdit } from '../../analysis/finding';
import type { DecayFamily, DialectInput } from '../../dialects/dialect';
import { float, setPath, writtenScalar, type EditValue } from '../../fixes/pathEdits';
import type { HparamsView } from './hparamsFormat';

export function hparamsDecayEdits(input: DialectInput, view: HparamsView, family: DecayFamily): TextEdit[] {
  const last = view.schedulers.at(-1);
  const at = (key: string) => (last?.path ? writtenScalar(input, [...last.path.split('.'), key]) : undefined);
  const alphaF = at('alpha_f');
  const alphaValue = alphaF ? Number(alphaF.text) : NaN;
  const args: Record<string, EditValue> = {
    t_warmup: at('t_warmup') ?? '0ba',
    alpha_f: (alphaValue >= 0 && alphaValue < 1 ? alphaF : undefined) ?? float(0),
  };
  const name = family === 'cosine' ? 'cosine_decay_with_warmup' : 'linear_decay_with_warmup';
  return setPath(input, ['schedulers'], { [name]: args }, { replace: true, beside: view.optimizerKey });
}
