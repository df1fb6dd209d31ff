/**
 * YOLOv7 hyp files (`data/hyp.scratch.*.yaml`) share YOLOv5's keys but not its schedule. YOLOv7's train.py
 * (WongKinYiu/yolov7 train.py, commit a207844b1ce82d204ab36d87d496728d3d2348e7, lines 192-196) decays with
 * `one_cycle(1, lrf, epochs)` — a cosine from lr0 to lr0 × lrf — unless `--linear-lr` is passed, and `--epochs`
 * defaults to 300 (line 533); the optimizer is SGD unless `--adam`. Keys only YOLOv7 reads: `loss_ota` (OTA loss
 * switch) and `paste_in` (its copy-paste augmentation).
 */
import type { TextEdit } from '../../analysis/finding';
import { setPath } from '../../fixes/pathEdits';
import { ConfigTree } from '../../dialects/configTree';
import type { DecayFamily, DialectInput } from '../../dialects/dialect';

export const YOLOV7_DEFAULTS = { epochs: 300, cosine: true } as const;

export function isYolov7Hyp(tree: ConfigTree): boolean {
  return !tree.has('task') && (tree.has('loss_ota') || tree.has('paste_in'));
}

export const YOLOV7_ASSUMPTION =
  'YOLOv7 hyp file: train.py decays with a one-cycle cosine from lr0 to lr0 × lrf unless `--linear-lr` is passed; ' +
  '`--epochs` (300) and the optimizer (SGD unless `--adam`) come from the command line';

/**
 * Decay fixes a YOLOv7 hyp file can hold: its cosine only needs `lrf` below 1 (the p5 default 0.1); a linear
 * decay needs `--linear-lr` on the command line, which no edit of this file gives.
 */
export function yolov7DecayEdits(input: DialectInput, family: DecayFamily): TextEdit[] {
  const tree = new ConfigTree(input.document, { interpolate: false });
  if (family !== 'cosine' || !tree.has('lrf') || Number(tree.get('lrf')) < 1) return [];
  return setPath(input, ['lrf'], 0.1);
}
