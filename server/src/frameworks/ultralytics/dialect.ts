/**
 * Ultralytics YOLO training args (`ultralytics/cfg/default.yaml`, run `args.yaml`) and YOLOv5 hyp files.
 * Defaults (ultralytics/cfg/default.yaml, engine/trainer.py `_setup_scheduler`, `build_optimizer`;
 * trainer.py at commit 00016300): epochs 100, lr0 0.01, lrf 0.01, momentum 0.937 (SGD momentum / Adam beta1),
 * warmup_epochs 3.0, cos_lr false (linear), optimizer auto. The LR always decays from lr0 to lr0 × lrf (cosine
 * with `cos_lr`, else linear), stepped once per epoch; only `lrf: 1.0` keeps it constant. With
 * `optimizer: auto` lr0 and momentum are ignored. Adam β2 is fixed at 0.999; ε is torch's 1e-8.
 * With `time` (hours) the trainer resets `epochs` after every epoch to ceil(time × 3600 / mean epoch time) and
 * rebuilds the scheduler with it (engine/trainer.py `_do_train`, ultralytics/ultralytics
 * @3c5ac618ec954b0f238c8f4ae558dac6e7f9991b): the written `epochs` is not the run's length then.
 */
import * as z from '../../plan/zod';
import type { Dialect, DialectInput, Extraction, Recognition } from '../../dialects/dialect';
import { ConfigTree, topLevelKeys } from '../../dialects/configTree';
import { numberSetting } from '../../dialects/numbers';
import { readSettings } from '../../dialects/settingReader';
import { buildPlan } from '../../dialects/planBuilder';
import type { PlanLength } from '../../dialects/trainingLength';
import { ultralyticsDecayEdits } from './decayFix';
import { ULTRALYTICS_AUTO_PEAK } from './autoValues';
import { isYolov7Hyp, YOLOV7_ASSUMPTION, YOLOV7_DEFAULTS, yolov7DecayEdits } from './yolov7Hyp';

export const ULTRALYTICS_DEFAULTS = {
  epochs: 100,
  lr0: 0.01,
  lrf: 0.01,
  momentum: 0.937,
  warmup_epochs: 3.0,
  warmup_momentum: 0.8,
  warmup_bias_lr: 0.1,
  cos_lr: false,
  optimizer: 'auto',
  weight_decay: 0.0005,
  adam_beta2: 0.999,
  adam_eps: 1e-8,
} as const;

const SIGNATURE = [
  'lr0',
  'lrf',
  'warmup_epochs',
  'warmup_momentum',
  'warmup_bias_lr',
  'box',
  'cls',
  'dfl',
  'obj',
  'iou_t',
  'anchor_t',
  'hsv_h',
  'hsv_s',
  'hsv_v',
  'mosaic',
  'mixup',
  'fliplr',
  'cos_lr',
  'imgsz',
  'nbs',
];

const SETTINGS = {
  lr0: numberSetting('must be a number (the initial learning rate)').check(z.refine((v) => v > 0, { error: 'must be greater than 0' })),
  lrf: numberSetting('must be a number (final LR = lr0 × lrf)').check(z.refine((v) => v >= 0, { error: 'must not be negative' })),
  momentum: numberSetting('must be a number (SGD momentum / Adam beta1)').check(
    z.refine((v) => v >= 0 && v < 1, { error: 'must lie in [0, 1)' }),
  ),
  weight_decay: numberSetting('must be a number (e.g. 0.0005)'),
  warmup_epochs: numberSetting('must be a number of epochs (fractions allowed)').check(
    z.refine((v) => v >= 0, { error: 'must not be negative' }),
  ),
  warmup_momentum: numberSetting('must be a number'),
  warmup_bias_lr: numberSetting('must be a number'),
  epochs: numberSetting('must be a whole number of epochs').check(
    z.refine((v) => Number.isInteger(v) && v > 0, { error: 'must be a positive whole number' }),
  ),
  cos_lr: z.boolean({ error: 'must be true or false' }),
  time: z.nullable(numberSetting('must be a number of hours (or null)')),
  optimizer: z.string({ error: 'must be an optimizer name (SGD, Adam, AdamW, ..., auto)' }),
};

function recognize(input: DialectInput): Recognition | null {
  const keys = topLevelKeys(input.document);
  const hits = SIGNATURE.filter((k) => keys.has(k));
  if (!(keys.has('lr0') || keys.has('lrf')) || hits.length < 4) return null;
  return { confidence: Math.min(0.95, 0.4 + 0.06 * hits.length), reason: `Ultralytics hyperparameters: ${hits.slice(0, 4).join(', ')}` };
}

function extract(input: DialectInput): Extraction {
  const tree = new ConfigTree(input.document, { interpolate: false });
  const { values, findings } = readSettings(tree.entries(Object.keys(SETTINGS)), SETTINGS);
  // A value the framework would reject: report it, and judge no plan built on defaults standing in for it.
  if (findings.length > 0) return { findings };
  const get = <K extends keyof typeof ULTRALYTICS_DEFAULTS>(key: K) =>
    (values[key] as (typeof ULTRALYTICS_DEFAULTS)[K] | undefined) ?? ULTRALYTICS_DEFAULTS[key];
  if (tree.has('lr0') && values.lr0 === undefined) return { findings };
  const assumptions: string[] = [];
  const lr0 = get('lr0');
  const lrf = get('lrf') as number;
  const yolov7 = isYolov7Hyp(tree);
  const cosLr = yolov7 && !tree.has('cos_lr') ? YOLOV7_DEFAULTS.cosine : (get('cos_lr') as boolean);
  const optimizerName = (values.optimizer as string | undefined) ?? (tree.has('task') ? ULTRALYTICS_DEFAULTS.optimizer : 'SGD');
  if (yolov7) assumptions.push(YOLOV7_ASSUMPTION);
  else if (!tree.has('epochs') && !tree.has('task')) {
    assumptions.push('YOLOv5 hyp file: `--optimizer` (SGD) and `--epochs` (100) come from the command line');
  }
  // `optimizer: auto` ignores lr0: the peak depends on the dataset size and class count (ultralyticsAuto.ts).
  const peakUnknown = optimizerName === 'auto' ? ULTRALYTICS_AUTO_PEAK : undefined;
  if (peakUnknown) assumptions.push(peakUnknown);
  const epochs = yolov7 && !tree.has('epochs') ? YOLOV7_DEFAULTS.epochs : (get('epochs') as number);
  const warmupEpochs = get('warmup_epochs') as number;
  // A time budget replaces the epoch count once the first epoch is timed: the length is not known from the file.
  const hours = values.time as number | null | undefined;
  const timed = typeof hours === 'number' && hours > 0;
  if (timed) {
    assumptions.push(
      `\`time: ${hours}\` hours: the trainer resets epochs to ceil(time × 3600 / mean epoch time) after every epoch and ` +
        `rebuilds the schedule with it; the curve is drawn over epochs: ${epochs}`,
    );
  }
  const length: PlanLength = {
    steps: epochs,
    unit: 'epoch',
    epochs,
    assumed: timed,
    basis: timed
      ? `epochs: ${epochs} as written (time: ${hours} h sets the real count)`
      : `epochs: ${epochs}${tree.has('epochs') ? '' : ' (default)'} (LambdaLR stepped once per epoch)`,
  };
  const momentum = get('momentum') as number;
  const plan = buildPlan('ultralytics', input, tree, {
    optimizer: {
      name: optimizerName,
      beta1: momentum,
      beta2: ULTRALYTICS_DEFAULTS.adam_beta2,
      epsilon: ULTRALYTICS_DEFAULTS.adam_eps,
      weightDecay: get('weight_decay') as number,
    },
    baseLr: peakUnknown ? 1 : lr0,
    ...(peakUnknown ? { peakUnknown } : {}),
    schedule: {
      framework: 'ultralytics',
      name: cosLr ? 'cosine' : 'linear',
      params: {
        lrf,
        cos_lr: cosLr,
        epochs,
        warmup_epochs: warmupEpochs,
        warmup_momentum: get('warmup_momentum'),
        warmup_bias_lr: get('warmup_bias_lr'),
        momentum,
        optimizer: optimizerName,
      },
      explicit: tree.has('lrf') || tree.has('cos_lr'),
      constantAfterWarmup: lrf === 1,
      validationDriven: false,
    },
    // Ultralytics has no warmup ratio option: warmup_epochs only (item 11).
    warmup: { steps: Math.round(warmupEpochs) },
    length,
    sources: {
      baseLr: 'lr0',
      schedule: tree.has('lrf') ? 'lrf' : 'cos_lr',
      warmup: 'warmup_epochs',
      length: timed ? 'time' : 'epochs',
      optimizer: 'optimizer',
      beta1: 'momentum',
    },
    assumptions,
  });
  return { plan, findings };
}

export const ultralyticsDialect: Dialect = {
  id: 'ultralytics',
  name: 'Ultralytics YOLO',
  recognize,
  fileNameHints: [/(^|\/)(hyp\.[^/]+|args)\.ya?ml$/, /yolo|ultralytics/i],
  extract,
  decayEdits: (input, plan, family) => {
    const yolov7 = isYolov7Hyp(new ConfigTree(input.document, { interpolate: false }));
    return yolov7 ? yolov7DecayEdits(input, family) : ultralyticsDecayEdits(input, plan, family);
  },
};
