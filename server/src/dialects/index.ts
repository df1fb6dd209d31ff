import type { Dialect, DialectInput, Recognition } from './dialect';
import { huggingFaceDialect } from './huggingFace';

/** Every dialect LR Lens knows, in order of preference when two are equally sure. */
export const DIALECTS: readonly Dialect[] = [huggingFaceDialect];

export function dialectById(id: string): Dialect | undefined {
  return DIALECTS.find((d) => d.id === id);
}

export interface Detection {
  dialect: Dialect;
  recognition: Recognition;
}

/** Below this confidence a document is not treated as a training config. */
const MIN_CONFIDENCE = 0.5;

/** Which dialect a document is written in; a `# lr-lens: dialect=<id>` comment overrides recognition. */
export function detectDialect(input: DialectInput): Detection | null {
  const forced = input.parsed.directives.dialect;
  if (forced) {
    const dialect = dialectById(forced);
    return dialect ? { dialect, recognition: { confidence: 1, reason: `\`# lr-lens: dialect=${forced}\` comment` } } : null;
  }
  let best: Detection | null = null;
  for (const dialect of DIALECTS) {
    const recognition = dialect.recognize(input);
    if (recognition && recognition.confidence >= MIN_CONFIDENCE && (!best || recognition.confidence > best.recognition.confidence)) {
      best = { dialect, recognition };
    }
  }
  return best;
}
