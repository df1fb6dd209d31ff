/**
 * Weights & Biases sweep configs: `method: grid|random|bayes`, `metric`, `parameters` (and `program`,
 * `command`, `early_terminate`, `run_cap`; launch sweeps use `job` and `scheduler`). A sweep is recognised so it
 * gets the right dialect id and is never read as a training config; it has no single training plan.
 */
import type { Dialect, DialectInput, Recognition } from './dialect';
import { ConfigTree } from './configTree';

const METHODS = ['grid', 'random', 'bayes'];
const EXTRAS = ['metric', 'program', 'command', 'early_terminate', 'run_cap', 'job', 'description', 'name', 'project', 'entity'];

function recognize(input: DialectInput): Recognition | null {
  const tree = new ConfigTree(input.document, { interpolate: false });
  const method = tree.get('method');
  const parameters = tree.get('parameters');
  const hasParameters = parameters !== null && typeof parameters === 'object' && !Array.isArray(parameters);
  const extras = EXTRAS.filter((k) => tree.has(k));
  const launch = tree.has('job') && tree.has('scheduler') && tree.has('metric');
  if (!(typeof method === 'string' && METHODS.includes(method) && (hasParameters || extras.length > 0)) && !launch) return null;
  return { confidence: Math.min(0.98, 0.75 + 0.05 * extras.length + (hasParameters ? 0.1 : 0)), reason: `W&B sweep: ${typeof method === 'string' ? `method ${method}` : 'launch sweep'}${hasParameters ? ' with parameters' : ''}` };
}

export const wandbSweepDialect: Dialect = {
  id: 'wandb-sweep',
  name: 'W&B sweep',
  recognize,
  fileNameHints: [/sweep[^/]*\.ya?ml$/i],
  extract: () => ({ findings: [] }),
  decayEdits: () => [],
};
