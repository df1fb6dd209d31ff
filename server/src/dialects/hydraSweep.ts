/**
 * Hydra sweeper configs (the Optuna sweeper and friends): `defaults: [override /hydra/sweeper: optuna]`,
 * `hydra.sweeper._target_: hydra_plugins...`, `hydra.sweeper.{n_trials, params|search_space}`. Recognised so the
 * file gets the right dialect id and is never read as a training config; it has no single training plan.
 */
import type { Dialect, DialectInput, Recognition } from './dialect';
import { ConfigTree } from './configTree';

function sweeperOverride(tree: ConfigTree): string | undefined {
  const defaults = tree.get('defaults');
  if (!Array.isArray(defaults)) return undefined;
  for (const item of defaults) {
    if (!item || typeof item !== 'object') continue;
    for (const [key, value] of Object.entries(item)) {
      if (/(^|\s|\/)hydra\/sweeper$/.test(key.trim())) return String(value);
    }
  }
  return undefined;
}

function recognize(input: DialectInput): Recognition | null {
  const tree = new ConfigTree(input.document, { interpolate: false });
  const override = sweeperOverride(tree);
  const target = tree.get('hydra.sweeper._target_');
  const sweeperKeys = ['n_trials', 'params', 'search_space', 'sampler', 'direction'].filter((k) => tree.has(`hydra.sweeper.${k}`));
  if (override === undefined && typeof target !== 'string' && sweeperKeys.length < 2) return null;
  const reason = override !== undefined ? `Hydra sweeper override: ${override}` : typeof target === 'string' ? `hydra.sweeper._target_: ${target}` : `hydra.sweeper keys: ${sweeperKeys.join(', ')}`;
  return { confidence: override !== undefined || typeof target === 'string' ? 0.97 : 0.8, reason };
}

export const hydraSweepDialect: Dialect = {
  id: 'hydra-sweep',
  name: 'Hydra sweep',
  recognize,
  fileNameHints: [/hparams_search\//],
  extract: () => ({ findings: [] }),
  decayEdits: () => [],
};
