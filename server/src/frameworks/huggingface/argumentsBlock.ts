/**
 * Where a YAML file keeps its `TrainingArguments` keys: at the root (HfArgumentParser.parse_yaml_file, TRL,
 * alignment-handbook), or in one nested block that a training script passes whole to `TrainingArguments(**block)`
 * (`training_args:` beside `model_args:` / `data_args:`). Transformers' own defaults apply to either.
 */
import { isMap, type YAMLMap } from 'yaml';
import type { DialectInput } from '../../dialects/dialect';
import { entriesOf, resolveNode, rootMap } from '../../parse/yamlAccess';

/** Block names that hold TrainingArguments keyword arguments. */
export const TRAINING_ARGUMENTS_BLOCKS = ['training_args', 'training_arguments', 'TrainingArguments'] as const;

export interface ArgumentsBlock {
  /** '' at the root, else `training_args.` (the block's key and a dot). */
  prefix: string;
  /** Key path of the block ([] at the root). */
  path: string[];
  map: YAMLMap;
}

/** The root block, or the nested block when the root itself has neither `learning_rate` nor `lr_scheduler_type`. */
export function argumentsBlock(input: DialectInput): ArgumentsBlock | null {
  const root = rootMap(input.document);
  if (!root) return null;
  const rootEntries = entriesOf(input.document, root);
  if (rootEntries.has('learning_rate') || rootEntries.has('lr_scheduler_type')) return { prefix: '', path: [], map: root };
  for (const name of TRAINING_ARGUMENTS_BLOCKS) {
    const entry = rootEntries.get(name);
    const node = entry ? resolveNode(input.document, entry.valueNode) : null;
    if (isMap(node)) return { prefix: `${name}.`, path: [name], map: node };
  }
  return { prefix: '', path: [], map: root };
}

/** The block's own keys. */
export function blockKeys(input: DialectInput, block: ArgumentsBlock): Set<string> {
  return new Set(entriesOf(input.document, block.map).keys());
}
