import type { Dialect, DialectInput, Recognition } from './dialect';
import { globMatches } from './globMatch';
import { notTrainingConfig } from './notTrainingConfig';
import { FRAMEWORKS } from '../frameworks/registry';

/** Every dialect LR Lens knows, in order of preference when two are equally sure (the framework registry's order). */
export const DIALECTS: readonly Dialect[] = FRAMEWORKS.map((module) => module.dialect);

export function dialectById(id: string): Dialect | undefined {
  return DIALECTS.find((d) => d.id === id);
}

export interface Detection {
  dialect: Dialect;
  recognition: Recognition;
}

/** Below this confidence a document is not treated as a training config. */
const MIN_CONFIDENCE = 0.5;

/** How much a typical file path adds to a content recognition (file name second: it breaks near-ties). */
const FILE_NAME_BONUS = 0.1;

/** Content recognition, raised a little when the path looks like one of the dialect's files. */
function recognize(dialect: Dialect, input: DialectInput): Recognition | null {
  const recognition = dialect.recognize(input);
  if (!recognition) return null;
  const path = input.fileName.replace(/\\/g, '/');
  const hint = dialect.fileNameHints?.find((pattern) => pattern.test(path));
  if (!hint) return recognition;
  return { confidence: Math.min(1, recognition.confidence + FILE_NAME_BONUS), reason: `${recognition.reason}; file name fits` };
}

/** Whether the dialect reads the document's language (YAML and JSON unless it says otherwise). */
function readsLanguage(dialect: Dialect, input: DialectInput): boolean {
  return (dialect.languages ?? ['yaml']).includes(input.parsed.language ?? 'yaml');
}

/**
 * Which dialect a document is written in. Order:
 * 1. a `# lr-lens: dialect=<id>` comment in the file;
 * 2. the `dialectGlobs` setting (first glob matching the file path): both are the user's explicit word;
 * 3. files that are known not to be training configs (CI workflows, k8s manifests, docker-compose, OpenAPI)
 *    get no dialect;
 * 4. content recognition by every dialect, the most confident winning; a path matching a dialect's
 *    `fileNameHints` adds a little to its content confidence (file name second: it never recognizes alone).
 */
export function detectDialect(input: DialectInput): Detection | null {
  const forced = input.parsed.directives.dialect;
  if (forced) {
    const dialect = dialectById(forced);
    if (!dialect || !readsLanguage(dialect, input)) return null;
    return { dialect, recognition: { confidence: 1, reason: `\`# lr-lens: dialect=${forced}\` comment` } };
  }
  for (const [glob, id] of Object.entries(input.settings.dialectGlobs ?? {})) {
    if (!globMatches(glob, input.fileName)) continue;
    const dialect = dialectById(id);
    if (!dialect || !readsLanguage(dialect, input)) continue;
    return { dialect, recognition: { confidence: 1, reason: `lrLens.dialectGlobs: \`${glob}\` → ${id}` } };
  }
  if (notTrainingConfig(input.document)) return null;
  let best: Detection | null = null;
  for (const dialect of DIALECTS) {
    if (!readsLanguage(dialect, input)) continue;
    const recognition = recognize(dialect, input);
    if (recognition && recognition.confidence >= MIN_CONFIDENCE && (!best || recognition.confidence > best.recognition.confidence)) {
      best = { dialect, recognition };
    }
  }
  return best;
}
