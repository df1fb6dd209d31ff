import { isAlias, isMap, isPair, isScalar, isSeq, type Document } from 'yaml';

/**
 * A dump of everything LR Lens reads of an AST: node kinds, styles, values and where each node is written
 * (range[0] and range[1]; range[2], where trailing comments end, is not read anywhere and may differ).
 */
const written = (range: readonly number[] | null | undefined) => (range ? [range[0], range[1]] : null);

export function astDump(documents: readonly Document.Parsed[]): unknown {
  const node = (value: unknown): unknown => {
    if (value === null || value === undefined) return value ?? null;
    if (isPair(value)) return ['pair', node(value.key), node(value.value)];
    if (isScalar(value))
      return [
        'scalar',
        value.type ?? null,
        typeof value.value === 'number' && Number.isNaN(value.value) ? 'NaN' : value.value,
        written(value.range),
      ];
    if (isMap(value)) return ['map', !!value.flow, written(value.range), value.items.map(node)];
    if (isSeq(value)) return ['seq', !!value.flow, written(value.range), value.items.map(node)];
    if (isAlias(value)) return ['alias', value.source, written(value.range)];
    return ['?', String(value)];
  };
  return documents.map((document) => ({
    contents: node(document.contents),
    errors: document.errors.map((e) => [e.code, e.pos, e.message]),
  }));
}
