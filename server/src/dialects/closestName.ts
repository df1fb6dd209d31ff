import { defined } from '../defined';

/** Levenshtein distance, for "did you mean" suggestions. */
function distance(a: string, b: string): number {
  // row[j]: the distance between the first i characters of `a` and the first j of `b`, row by row.
  let row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    /** The previous row's entry left of `above`. */
    let diagonal = i - 1;
    /** This row's entry left of the one computed. */
    let left = i;
    row = row.map((above, j) => {
      if (j === 0) return i;
      left = Math.min(above + 1, left + 1, diagonal + (a[i - 1] === b[j - 1] ? 0 : 1));
      diagonal = above;
      return left;
    });
  }
  return defined(row[b.length], 'the row has an entry for every prefix of b');
}

/** The known name closest to `name` (case and `-`/`_` ignored), if it is close enough to be a typo. */
export function closestName(name: string, known: readonly string[]): string | undefined {
  const normalized = name.toLowerCase().replace(/-/g, '_').trim();
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const candidate of known) {
    const d = distance(normalized, candidate);
    if (d < bestDistance) {
      best = candidate;
      bestDistance = d;
    }
  }
  return best !== undefined && bestDistance <= Math.max(2, Math.floor(best.length / 3)) ? best : undefined;
}
