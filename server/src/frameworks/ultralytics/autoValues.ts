/**
 * Ultralytics `optimizer: auto` (ultralytics/ultralytics ultralytics/engine/trainer.py, commit
 * 3c5ac618ec954b0f238c8f4ae558dac6e7f9991b, BaseTrainer.build_optimizer and _setup_train): lr0 and momentum are
 * ignored; with iterations = ceil(images / max(batch, nbs)) × epochs above 10000 the trainer takes SGD with lr 0.01,
 * else AdamW with lr round(0.002 × 5 / (4 + nc), 6); momentum 0.9 either way. Neither the image count nor `nc` is
 * in the args file, so the peak is unknown: the curve is the schedule's shape, normalized to a peak of 1.
 */
export const ULTRALYTICS_AUTO_PEAK =
  '`optimizer: auto` ignores lr0: the trainer picks SGD with lr 0.01 when the run has more than 10000 iterations ' +
  '(ceil(images / max(batch, nbs)) × epochs), else AdamW with lr round(0.002 × 5 / (4 + nc), 6); ' +
  'the curve is the shape, normalized to a peak of 1';
