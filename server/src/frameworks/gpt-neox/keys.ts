import { topLevelKeys } from '../../dialects/configTree';
import type { DialectInput } from '../../dialects/dialect';

/**
 * A NeoX file's top-level keys by their normalized spelling (`train-iters` → `train_iters`) → the key as written.
 * NeoX turns `-` into `_` on load (EleutherAI/gpt-neox megatron/neox_arguments/arguments.py
 * @ea7aefd8f8e183256992d9fede4d7c71a46d67a5).
 */
export function neoxKeys(input: DialectInput): Map<string, string> {
  const out = new Map<string, string>();
  for (const key of topLevelKeys(input.document)) out.set(key.replace(/-/g, '_'), key);
  return out;
}
