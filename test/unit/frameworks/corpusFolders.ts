// The shared corpus (../shared/corpus, outside this repository) by folder: the dialect its files are written in,
// or null for folders of frameworks LR Lens has no module for (a generic reading would do, never a wrong one).
import type { FrameworkId } from '../../../server/src/frameworks/registry';

export const CORPUS_FOLDERS: Readonly<Record<string, FrameworkId | null>> = {
  hf_trainer: 'huggingface',
  axolotl: 'axolotl',
  torchtune: 'torchtune',
  lightning_cli: 'lightning',
  nemo: 'nemo',
  ultralytics: 'ultralytics',
  detectron2: 'detectron2',
  llm_foundry: 'composer',
  fairseq: 'fairseq',
  timm: 'timm',
  deepspeed: 'deepspeed',
  opennmt: 'opennmt',
  tf_model_garden: 'tf-model-garden',
  wandb_sweep: 'wandb-sweep',
  hydra_optuna: 'hydra-sweep',
  katib: 'katib',
  gpt_neox: 'gpt-neox',
  olmo: 'olmo',
  nanotron: 'nanotron',
  levanter: 'levanter',
  maxtext: 'maxtext',
  olmax: null,
  hydra_instantiate: 'hydra',
};

/**
 * Corpus files whose folder names another dialect: `<folder>/<file name prefix>` → the dialect they are written in
 * (litgpt recipes sit among the LightningCLI configs).
 */
export const CORPUS_FILE_DIALECTS: Readonly<Record<string, FrameworkId>> = {
  'lightning_cli/Lightning-AI__litgpt__': 'litgpt',
};

/** The dialect a corpus file is expected in: its prefix's, else its folder's. */
export function expectedCorpusDialect(file: string): FrameworkId | null | undefined {
  const prefix = Object.keys(CORPUS_FILE_DIALECTS).find((p) => file.startsWith(p));
  return prefix !== undefined ? CORPUS_FILE_DIALECTS[prefix] : CORPUS_FOLDERS[file.split('/')[0] ?? ''];
}

/** Modules with no corpus folder (their tests use files of their own). */
export const NO_CORPUS_FOLDER: readonly FrameworkId[] = ['sagemaker-tuning', 'torchtitan'];
