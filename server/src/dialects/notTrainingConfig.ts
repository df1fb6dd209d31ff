import type { Document } from 'yaml';
import { ConfigTree, topLevelKeys } from './configTree';

/**
 * Well-known YAML/JSON files that are never training configs, whatever keys they share with one:
 * GitHub Actions workflows, Kubernetes manifests (Katib `Experiment`s excepted), docker-compose files,
 * OpenAPI/Swagger documents. Returns what the file is, or null.
 */
export function notTrainingConfig(document: Document): string | null {
  const keys = topLevelKeys(document);
  if (keys.has('openapi') || keys.has('swagger')) return 'an OpenAPI document';
  if (keys.has('jobs') && (keys.has('on') || keys.has('true') || keys.has('runs-on'))) return 'a CI workflow';
  if (keys.has('services') && (keys.has('version') || keys.has('volumes') || keys.has('networks') || keys.size <= 3)) {
    return 'a docker-compose file';
  }
  if (keys.has('apiVersion') && keys.has('kind')) {
    const tree = new ConfigTree(document, { interpolate: false });
    const api = String(tree.get('apiVersion'));
    if (!(api.startsWith('kubeflow.org/') && tree.get('kind') === 'Experiment')) return 'a Kubernetes manifest';
  }
  return null;
}
