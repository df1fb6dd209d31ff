/**
 * Decay fix in Composer's hparams YAML (hparamsFormat.ts): `schedulers:` becomes one registry entry,
 * `{cosine_decay_with_warmup | linear_decay_with_warmup: {t_warmup, alpha_f}}` (mosaicml/composer
 * composer/optim/scheduler_hparams_registry.py at v0.11.0, f5f95713b615ff2c3a23ef7a047117d339a98858). The last
 * scheduler's `t_warmup` is kept as written (else `0ba`), its `alpha_f` when below 1 (else 0). No `t_max`: its default
 * `1dur` is the (scaled) max_duration, so the horizon matches the run.
 */
import type { TextEdit } from '../../analysis/finding';
import type { DecayFamily, DialectInput } from '../../dialects/dialect';
import { ConfigTree } from '../../dialects/configTree';
import { float, RawText, setPath, writtenScalar, type EditValue } from '../../fixes/pathEdits';
import type { HparamsView } from './hparamsFormat';
import { schedulerArgsAt } from './hparamsPlan';
import { parseComposerTime } from './dialect';

export function hparamsDecayEdits(input: DialectInput, view: HparamsView, family: DecayFamily): TextEdit[] {
  const last = view.schedulers.at(-1);
  const tree = new ConfigTree(input.document, { interpolate: false });
  const listed = last && !last.path ? schedulerArgsAt(tree, last.index ?? view.schedulers.length - 1, last.name) : undefined;
  const at = (key: string): RawText | undefined => {
    if (last?.path) return writtenScalar(input, [...last.path.split('.'), key]);
    const value = listed && typeof listed === 'object' ? (listed as Record<string, unknown>)[key] : undefined;
    if (typeof value === 'number') return new RawText(String(value));
    // A time string such as `2ep` is plain YAML; anything else is written quoted.
    return typeof value === 'string' ? new RawText(parseComposerTime(value) ? value.trim() : JSON.stringify(value)) : undefined;
  };
  const alphaF = at('alpha_f');
  const alphaValue = alphaF ? Number(alphaF.text) : NaN;
  const args: Record<string, EditValue> = {
    t_warmup: at('t_warmup') ?? new RawText('0ba'),
    alpha_f: (alphaValue >= 0 && alphaValue < 1 ? alphaF : undefined) ?? float(0),
  };
  const name = family === 'cosine' ? 'cosine_decay_with_warmup' : 'linear_decay_with_warmup';
  return setPath(input, ['schedulers'], { [name]: args }, { replace: true, beside: view.optimizerKey });
}
