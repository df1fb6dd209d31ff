/**
 * Which litgpt command a recipe is for. The file does not name its command; the keys each command's `setup`
 * signature accepts tell them apart (Lightning-AI/litgpt @26857050fe3ff627cd714fe92f5838f51a3d5efa):
 * - `litgpt pretrain` (litgpt/pretrain.py `setup`, lines 48-75): `model_name`, `model_config`, `initial_checkpoint_dir`,
 *   `resume`, `tokenizer_dir`; `validate_args` requires `train.max_tokens` and rejects `train.epochs`.
 * - `litgpt finetune_*` (litgpt/finetune/lora.py `setup`, lines 49-80, and its siblings): `checkpoint_dir`, `quantize`,
 *   `lora_*`; `validate_args` requires `train.epochs` and rejects `train.max_tokens` and `train.lr_warmup_fraction`.
 */
import type { ConfigTree } from '../../dialects/configTree';

export type LitgptRecipe = 'pretrain' | 'finetune';

const PRETRAIN_KEYS = ['model_name', 'model_config', 'initial_checkpoint_dir', 'resume', 'tokenizer_dir'];
const FINETUNE_KEYS = ['checkpoint_dir', 'quantize', 'lora_r', 'lora_alpha', 'lora_dropout', 'lora_query', 'lora_key', 'lora_value'];

/** A value that is set (jsonargparse reads an empty `key:` as None, the same as absent). */
function isSet(tree: ConfigTree, path: string): boolean {
  const value = tree.get(path);
  return value !== undefined && value !== null;
}

export interface RecipeGuess {
  recipe: LitgptRecipe;
  /** The keys that decided, in words (for the plan's assumptions). */
  why: string;
  /** False when nothing in the file named the command (values one command rejects are then not reported). */
  sure: boolean;
}

export function litgptRecipe(tree: ConfigTree, keys: ReadonlySet<string>, fileName: string): RecipeGuess {
  const pretrain = PRETRAIN_KEYS.filter((k) => keys.has(k));
  const finetune = FINETUNE_KEYS.filter((k) => keys.has(k));
  if (isSet(tree, 'train.max_tokens')) pretrain.push('train.max_tokens');
  if (isSet(tree, 'train.epochs')) finetune.push('train.epochs');
  if (pretrain.length !== finetune.length) {
    const recipe: LitgptRecipe = pretrain.length > finetune.length ? 'pretrain' : 'finetune';
    return { recipe, why: (recipe === 'pretrain' ? pretrain : finetune).slice(0, 3).join(', '), sure: true };
  }
  if (/[\\/]pretrain[\\/]/.test(fileName)) return { recipe: 'pretrain', why: 'the file sits in a pretrain folder', sure: false };
  return { recipe: 'finetune', why: 'nothing in the file names the command; finetune assumed', sure: false };
}
