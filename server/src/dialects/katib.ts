/**
 * Kubeflow Katib `Experiment` resources (`apiVersion: kubeflow.org/v1beta1`, `kind: Experiment`,
 * `spec.{objective, algorithm, parameters, trialTemplate}`). Recognised so the file gets the right dialect id;
 * other Kubernetes manifests get none. It has no single training plan.
 */
import type { Dialect, DialectInput, Recognition } from './dialect';
import { ConfigTree } from './configTree';

function recognize(input: DialectInput): Recognition | null {
  const tree = new ConfigTree(input.document, { interpolate: false });
  const api = tree.get('apiVersion');
  if (typeof api !== 'string' || !api.startsWith('kubeflow.org/') || tree.get('kind') !== 'Experiment') return null;
  return { confidence: 0.99, reason: `Katib Experiment (${api})` };
}

export const katibDialect: Dialect = {
  id: 'katib',
  name: 'Katib experiment',
  recognize,
  extract: () => ({ findings: [] }),
  decayEdits: () => [],
};
