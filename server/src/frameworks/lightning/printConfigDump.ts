/**
 * LightningCLI `--print_config` dumps. A LightningCLI whose model class is fixed in code
 * (`LightningCLI(MyModel)`) prints the model's arguments directly under `model:` (no `class_path`), and prints
 * `seed_everything`, `trainer:`, `optimizer:`/`lr_scheduler:` (null unless given) and `ckpt_path` at the top, under
 * a header naming the Lightning version (`# lightning.pytorch==2.1.3`). Dumped with the subcommand
 * (`python main.py --print_config fit ...` writes the whole config under `fit:`), everything sits one level down.
 * Source: Lightning-AI/pytorch-lightning src/lightning/pytorch/cli.py, commit 0214810b8dc9f65b09494226a9d564dd9aa9b139
 * (init_parser's `dump_header`, add_default_arguments_to_parser's `seed_everything`, _add_arguments adding the
 * `optimizer`/`lr_scheduler` arguments, the `fit` subcommand's `ckpt_path`).
 */
import { isMap } from 'yaml';
import { entriesOf, resolveNode, rootMap } from '../../parse/yamlAccess';
import type { DialectInput } from '../../dialects/dialect';
import { narrowedInput } from '../../dialects/narrowedInput';

/** `# lightning.pytorch==2.x` / `# pytorch_lightning==1.x` as the first line of the file. */
const HEADER = /^\uFEFF?#\s*(?:lightning\.pytorch|pytorch_lightning|lightning)==\d/;

/** True when the document opens with the version header LightningCLI writes on every dump. */
export function hasLightningHeader(input: DialectInput): boolean {
  if (input.documentIndex !== 0) return false;
  return HEADER.test(input.parsed.text.trimStart());
}

/**
 * The input narrowed to the `fit:` subcommand's mapping when the dump is written under it (a `fit` key whose
 * mapping holds `trainer`), else the input itself. Nodes are shared, so every span stays where it is in the file.
 */
export function fitSubcommand(input: DialectInput): DialectInput {
  const root = rootMap(input.document);
  if (!root) return input;
  const entries = entriesOf(input.document, root);
  const fit = entries.get('fit');
  if (!fit || entries.size > 2) return input;
  const node = resolveNode(input.document, fit.valueNode);
  if (!isMap(node) || !entriesOf(input.document, node).has('trainer')) return input;
  return narrowedInput(input, node);
}

/** Lightning `Trainer` arguments a dump always prints (a Hydra or other `trainer:` block rarely has several). */
const TRAINER_KEYS = [
  'max_epochs',
  'max_steps',
  'accelerator',
  'devices',
  'precision',
  'strategy',
  'num_nodes',
  'check_val_every_n_epoch',
  'accumulate_grad_batches',
];

/** How much a LightningCLI dump's own keys say the document is one, with the keys that said it. */
export function dumpMarks(input: DialectInput, narrowed: boolean): { confidence: number; what: string[] } {
  const root = rootMap(input.document);
  if (!root) return { confidence: 0, what: [] };
  const entries = entriesOf(input.document, root);
  const trainerNode = entries.get('trainer') ? resolveNode(input.document, entries.get('trainer')?.valueNode) : null;
  const trainerKeys = isMap(trainerNode) ? [...entriesOf(input.document, trainerNode).keys()] : [];
  // A Hydra-instantiated trainer (`_target_`) belongs to a Hydra project, not to LightningCLI.
  if (trainerKeys.includes('_target_')) return { confidence: 0, what: [] };
  // seed_everything is LightningCLI's own argument: with the Trainer's arguments beside it, the file is a CLI config.
  const marks: [boolean, number, string][] = [
    [hasLightningHeader(input), 0.35, 'lightning version header'],
    [narrowed, 0.2, 'fit subcommand'],
    [entries.has('seed_everything'), 0.3, 'seed_everything'],
    [TRAINER_KEYS.filter((k) => trainerKeys.includes(k)).length >= 2, 0.2, 'trainer arguments'],
    [entries.has('ckpt_path'), 0.15, 'ckpt_path'],
    [entries.has('optimizer') || entries.has('lr_scheduler'), 0.1, 'optimizer/lr_scheduler'],
  ];
  const present = marks.filter(([on]) => on);
  const confidence = Math.round(100 * present.reduce((sum, [, weight]) => sum + weight, 0)) / 100;
  return { confidence, what: present.map(([, , why]) => why) };
}
