import type { OptimizerFamily } from '../plan/trainingPlan';

/** The family of an optimizer name in any framework's spelling (adamw_torch, AdamW, torch.optim.Adam, FusedAdam, ...). */
export function optimizerFamily(name: string): OptimizerFamily {
  const n = name.toLowerCase();
  if (n.includes('adafactor')) return 'adafactor';
  if (n.includes('adam') && !n.includes('ademamix')) return 'adam';
  if (n.includes('sgd')) return 'sgd';
  if (n.includes('rmsprop')) return 'rmsprop';
  if (n.includes('lion')) return 'lion';
  return 'other';
}
