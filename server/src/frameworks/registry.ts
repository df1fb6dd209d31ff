/**
 * Every framework and sweep format LR Lens knows: one line each, in order of preference when two recognize a
 * document equally surely. Adding a framework = a new folder `frameworks/<id>/` whose `index.ts` exports a
 * `defineFramework({...})`, plus its line here. The unions and tables below are derived from this list.
 */
import { axolotlFramework } from './axolotl';
import { composerFramework } from './composer';
import { deepspeedFramework } from './deepspeed';
import { detectron2Framework } from './detectron2';
import { fairseqFramework } from './fairseq';
import { gptNeoxFramework } from './gpt-neox';
import type { EditingVocabulary, FrameworkModule, SchedulerVocabulary } from './framework';
import { huggingFaceFramework } from './huggingface';
import { hydraFramework } from './hydra';
import { hydraSweepFramework } from './hydra-sweep';
import { katibFramework } from './katib';
import { levanterFramework } from './levanter';
import { litgptFramework } from './litgpt';
import { lightningFramework } from './lightning';
import { maxtextFramework } from './maxtext';
import { nanotronFramework } from './nanotron';
import { nemoFramework } from './nemo';
import { olmoFramework } from './olmo';
import { openNmtFramework } from './opennmt';
import { sagemakerTuningFramework } from './sagemaker-tuning';
import { tfModelGardenFramework } from './tf-model-garden';
import { timmFramework } from './timm';
import { pytorchVocabulary } from './torch/vocabulary';
import { torchtitanFramework } from './torchtitan';
import { torchtuneFramework } from './torchtune';
import { ultralyticsFramework } from './ultralytics';
import { wandbSweepFramework } from './wandb-sweep';

export const FRAMEWORKS = [
  huggingFaceFramework,
  axolotlFramework,
  torchtuneFramework,
  lightningFramework,
  nemoFramework,
  ultralyticsFramework,
  detectron2Framework,
  composerFramework,
  fairseqFramework,
  timmFramework,
  deepspeedFramework,
  openNmtFramework,
  tfModelGardenFramework,
  gptNeoxFramework,
  olmoFramework,
  nanotronFramework,
  levanterFramework,
  maxtextFramework,
  torchtitanFramework,
  litgptFramework,
  hydraFramework,
  // Sweep formats: recognized (so they are never read as a training config), no plan of their own.
  wandbSweepFramework,
  hydraSweepFramework,
  katibFramework,
  sagemakerTuningFramework,
] as const;

type AnyFramework = (typeof FRAMEWORKS)[number];

/** A dialect id: `huggingface`, `tf-model-garden`, `wandb-sweep`, ... */
export type FrameworkId = AnyFramework['id'];

/** The shared torch.optim.lr_scheduler vocabulary, used by modules that define none of their own for torch classes. */
const SHARED_VOCABULARIES = { pytorch: pytorchVocabulary } as const;

/** A scheduler vocabulary key (`schedule.framework` of a plan): `pytorch` or one a module defines. */
export type ScheduleVocabularyId = keyof typeof SHARED_VOCABULARIES | VocabulariesOf<AnyFramework>;

type VocabulariesOf<M> = M extends FrameworkModule<string, infer V> ? V : never;

export const FRAMEWORK_IDS: readonly FrameworkId[] = FRAMEWORKS.map((m) => m.id);

export function isFrameworkId(id: unknown): id is FrameworkId {
  return typeof id === 'string' && (FRAMEWORK_IDS as readonly string[]).includes(id);
}

/** Every scheduler vocabulary by its key; a duplicate key is an error at startup. */
export const SCHEDULE_VOCABULARIES: Readonly<Record<ScheduleVocabularyId, SchedulerVocabulary>> = collectVocabularies();

function collectVocabularies(): Record<ScheduleVocabularyId, SchedulerVocabulary> {
  const table: Record<string, SchedulerVocabulary> = { ...SHARED_VOCABULARIES };
  for (const module of FRAMEWORKS as readonly FrameworkModule[]) {
    for (const [key, vocabulary] of Object.entries(module.schedulers)) {
      if (key in table) throw new Error(`scheduler vocabulary ${key} defined twice (${module.id})`);
      table[key] = vocabulary;
    }
  }
  return table as Record<ScheduleVocabularyId, SchedulerVocabulary>;
}

export const SCHEDULE_VOCABULARY_IDS: readonly ScheduleVocabularyId[] = Object.keys(SCHEDULE_VOCABULARIES) as ScheduleVocabularyId[];

export function isScheduleVocabularyId(id: unknown): id is ScheduleVocabularyId {
  return typeof id === 'string' && Object.hasOwn(SCHEDULE_VOCABULARIES, id);
}

/** The vocabulary a plan's `schedule.framework` names; throws for a key no module defines (an internal error). */
export function scheduleVocabulary(id: ScheduleVocabularyId): SchedulerVocabulary {
  if (!isScheduleVocabularyId(id)) throw new Error(`no scheduler vocabulary '${String(id)}' in the framework registry`);
  return SCHEDULE_VOCABULARIES[id];
}

export function frameworkById(id: string): AnyFramework | undefined {
  return FRAMEWORKS.find((m) => m.id === id);
}

/** The editing vocabulary of a dialect (for completion), or null when it has none. */
export function vocabularyOf(dialectId: string): EditingVocabulary | null {
  return frameworkById(dialectId)?.vocabulary ?? null;
}
