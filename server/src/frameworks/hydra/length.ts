/**
 * How many scheduler steps a Hydra `_target_` run takes, in the scheduler's unit.
 * - torch schedulers: stepped once per epoch, as ashleve/lightning-hydra-template src/models/mnist_module.py
 *   `configure_optimizers` (lines 192-213 @bddbc24b82ab6ccfa6243e815a49dc5bfe8d4144) returns `interval: "epoch"`;
 *   a scheduler block that says `interval: step` (beside it, as `extras.interval` in some forks) is stepped per
 *   optimizer step. The length is `trainer.max_epochs`, else `trainer.max_steps` over the steps per epoch, else
 *   Lightning's 1000 epochs when a trainer is composed.
 * - transformers factories: stepped per optimizer step over their own `num_training_steps` (their horizon; a different
 *   `trainer.max_steps` is said), else `trainer.max_steps`.
 * - A config group on its own (a `model/*.yaml` with optimizer and scheduler, no trainer): the trainer that sets the
 *   length is another group's. What the user wants to see there is the schedule they wrote, once: the scheduler's
 *   own horizon (T_max, total_iters, total_steps, num_training_steps) when it has one, else an assumed 100 epochs;
 *   either way the length is marked assumed, so no rule judges it.
 */
import type { ConfigTree } from '../../dialects/configTree';
import type { DialectInput } from '../../dialects/dialect';
import type { PlanDraft } from '../../dialects/planBuilder';
import { ASSUMED_STEPS_PER_EPOCH, givenStepsPerEpoch, stepLength, type PlanLength } from '../../dialects/trainingLength';
import { finiteNumber } from '../torch/torchParams';
import type { TargetNode } from './targets';

/** Epochs drawn for a config group with no trainer and a scheduler without a horizon of its own. */
export const ASSUMED_GROUP_EPOCHS = 100;

const OWN_HORIZON: Readonly<Record<string, string>> = {
  CosineAnnealingLR: 'T_max',
  LinearLR: 'total_iters',
  PolynomialLR: 'total_iters',
  ConstantLR: 'total_iters',
  OneCycleLR: 'total_steps',
};

function intervalOf(node: TargetNode | undefined, tree: ConfigTree): string | undefined {
  if (!node) return undefined;
  const parent = node.path.split('.').slice(0, -1).join('.');
  for (const path of [parent ? `${parent}.extras.interval` : 'extras.interval', parent ? `${parent}.interval` : 'interval']) {
    const value = tree.get(path);
    if (typeof value === 'string') return value;
  }
  return undefined;
}

export function hydraLength(
  input: DialectInput,
  tree: ConfigTree,
  schedule: PlanDraft['schedule'],
  scheduler: TargetNode | undefined,
  composedRoot: boolean,
  assumptions: string[],
): { length: PlanLength; source?: string } {
  const maxEpochs = finiteNumber(tree.get('trainer.max_epochs'));
  const maxSteps = finiteNumber(tree.get('trainer.max_steps'));
  const perStep = schedule.framework === 'huggingface' || intervalOf(scheduler, tree) === 'step';
  const given = givenStepsPerEpoch(input);
  const perEpoch = given ?? ASSUMED_STEPS_PER_EPOCH;
  const perEpochNote = `${ASSUMED_STEPS_PER_EPOCH} optimizer steps per epoch (the dataset size is not in the config)`;
  if (perStep) {
    const own = finiteNumber(schedule.params['num_training_steps']);
    // The factory's own num_training_steps is its horizon: the curve is drawn over it, whatever the trainer says.
    if (own !== undefined && own > 0 && (composedRoot || maxSteps !== undefined)) {
      if (maxSteps !== undefined && maxSteps > 0 && maxSteps !== own) {
        assumptions.push(
          `the curve spans num_training_steps (${own}); trainer.max_steps is ${maxSteps}, so the run ` +
            (maxSteps > own ? 'continues past the schedule' : 'stops before the schedule ends'),
        );
      }
      return {
        length: stepLength(own, `num_training_steps: ${own}`),
        source: `${scheduler?.path ? `${scheduler.path}.` : ''}num_training_steps`,
      };
    }
    if (maxSteps !== undefined && maxSteps > 0)
      return { length: stepLength(maxSteps, `trainer.max_steps: ${maxSteps}`), source: 'trainer.max_steps' };
    if (maxEpochs !== undefined && maxEpochs > 0) {
      if (given === undefined) assumptions.push(perEpochNote);
      return {
        length: {
          steps: Math.ceil(maxEpochs * perEpoch),
          unit: 'step',
          epochs: maxEpochs,
          stepsPerEpoch: perEpoch,
          assumed: given === undefined,
          basis: `trainer.max_epochs: ${maxEpochs} × ${perEpoch} steps per epoch`,
        },
        source: 'trainer.max_epochs',
      };
    }
    if (own !== undefined && own > 0) {
      assumptions.push(`the run length is not composed here: the curve spans num_training_steps (${own})`);
      return { length: { ...stepLength(own, `num_training_steps: ${own}`), assumed: true } };
    }
    assumptions.push('10000 optimizer steps (the run length is not in the composed config)');
    return { length: { steps: 10_000, unit: 'step', assumed: true, basis: 'assumed: the run length is not in the composed config' } };
  }
  if (maxEpochs !== undefined && maxEpochs > 0) {
    return {
      length: {
        steps: maxEpochs,
        unit: 'epoch',
        epochs: maxEpochs,
        assumed: false,
        basis: `trainer.max_epochs: ${maxEpochs} (scheduler stepped once per epoch)`,
      },
      source: 'trainer.max_epochs',
    };
  }
  if (maxSteps !== undefined && maxSteps > 0) {
    const epochs = Math.max(1, Math.ceil(maxSteps / perEpoch));
    if (given === undefined) assumptions.push(`${perEpochNote}, to turn trainer.max_steps into epochs`);
    return {
      length: {
        steps: epochs,
        unit: 'epoch',
        epochs,
        stepsPerEpoch: perEpoch,
        assumed: given === undefined,
        basis: `trainer.max_steps: ${maxSteps} ÷ ${perEpoch} steps per epoch`,
      },
      source: 'trainer.max_steps',
    };
  }
  if (composedRoot && tree.has('trainer')) {
    const epochs = 1000;
    return {
      length: { steps: epochs, unit: 'epoch', epochs, assumed: false, basis: `trainer.max_epochs: ${epochs} (Lightning's default)` },
    };
  }
  const key = OWN_HORIZON[schedule.name];
  const own = key ? finiteNumber(schedule.params[key]) : undefined;
  if (own !== undefined && own > 0 && Number.isInteger(own)) {
    assumptions.push(`no trainer is composed here: the curve spans the scheduler's own ${key} (${own} epochs)`);
    return {
      length: {
        steps: own,
        unit: 'epoch',
        epochs: own,
        assumed: true,
        basis: `assumed: the scheduler's ${key} (${own}); the trainer group sets the run's length`,
      },
    };
  }
  assumptions.push(`${ASSUMED_GROUP_EPOCHS} epochs (no trainer is composed here; the trainer group sets the run's length)`);
  return {
    length: {
      steps: ASSUMED_GROUP_EPOCHS,
      unit: 'epoch',
      epochs: ASSUMED_GROUP_EPOCHS,
      assumed: true,
      basis: "assumed: the trainer group sets the run's length",
    },
  };
}
