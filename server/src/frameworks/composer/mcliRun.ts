/**
 * MosaicML platform run files (`mcli run -f run.yaml`) wrap a Composer / llm-foundry training config under
 * `parameters:`, beside the run's own keys (`command`, `image`, `compute` / `gpu_num`, `integrations`); the platform
 * writes `parameters` to a file the command's training script reads (mosaicml/examples
 * examples/bert/yamls/main/mlm_scheduled/constant.yaml, commit 3a154b4a616cbd6b51cd25bfd223acea20c59507, "Changes to
 * `parameters` will be reflected in `/mnt/config/parameters.yaml`"). Read such a file as the config under it.
 */
import { isMap } from 'yaml';
import { entriesOf, resolveNode, rootMap } from '../../parse/yamlAccess';
import type { DialectInput } from '../../dialects/dialect';
import { narrowedInput } from '../../dialects/narrowedInput';

const RUN_KEYS = ['command', 'image', 'compute', 'gpu_num', 'gpu_type', 'integrations', 'cluster'];

/** The input narrowed to `parameters:` when the document is an MCLI run file, else the input itself. */
export function mcliParameters(input: DialectInput): DialectInput {
  const root = rootMap(input.document);
  if (!root) return input;
  const entries = entriesOf(input.document, root);
  const parameters = entries.get('parameters');
  if (!parameters || RUN_KEYS.filter((k) => entries.has(k)).length < 2) return input;
  const node = resolveNode(input.document, parameters.valueNode);
  if (!isMap(node)) return input;
  return narrowedInput(input, node);
}
