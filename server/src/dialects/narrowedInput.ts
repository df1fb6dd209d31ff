import type { Document, YAMLMap } from 'yaml';
import type { DialectInput } from './dialect';

/**
 * The input with its document's root replaced by a mapping inside it (a wrapper key such as an MCLI run's
 * `parameters:` or a LightningCLI dump's `fit:`). Nodes are shared, so every span stays where it is in the file.
 */
export function narrowedInput(input: DialectInput, root: YAMLMap): DialectInput {
  const narrowed = Object.create(
    Object.getPrototypeOf(input.document) as object,
    Object.getOwnPropertyDescriptors(input.document),
  ) as Document.Parsed;
  narrowed.contents = root as Document.Parsed['contents'];
  return { ...input, document: narrowed };
}
