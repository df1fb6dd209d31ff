/**
 * Glob matching for the `dialectGlobs` setting (`lrLens.dialects`, `.lr-lens.yaml`'s `dialects:`), with
 * picomatch's meaning of a glob (`dot: true`): `**` as a whole segment (any folders, none included), `*` (within
 * one segment; so are `**` inside a segment and `***`), `?` (one character other than `/`), `[abc]` / `[a-z]` / `[!abc]`
 * (a character class), `{a,b}` (alternatives, nested); a backslash is a folder separator, as on Windows. A
 * pattern without a folder part matches the file name in any folder; one with folders matches the end of the
 * path at a folder boundary (so workspace-relative patterns work on absolute paths).
 *
 * The matching is a simulation of the glob's automaton, one pass over the path keeping the set of pattern
 * positions reached: at most (path length + 1) × (pattern elements + 1) steps, whatever the glob. Regex-based
 * matchers (picomatch's included) backtrack: `**?**?**?…Z` against a 37-character path takes seconds there.
 * picomatch stays the reference for the meaning (test/cli/globMatch.test.ts compares the two).
 */

/** Longer globs match nothing (a settings typo, not a pattern anyone means). */
export const MAX_GLOB_LENGTH = 1024;
/** Longer paths match no glob. */
export const MAX_GLOB_PATH_LENGTH = 4096;
/** `{…}` alternatives beyond this many (after expanding nested braces) make the glob match nothing. */
const MAX_ALTERNATIVES = 256;

type Element =
  | { kind: 'char'; char: string }
  | { kind: 'any' } // ?
  | { kind: 'star' } // * inside a segment
  | { kind: 'folders' } // **/ : zero or more whole folders
  | { kind: 'everything' } // a trailing ** : anything, folders included
  | { kind: 'slashOrEnd' } // the `/` of a trailing `/**`: the path may also end before it (`a/**` matches `a`)
  | { kind: 'class'; negated: boolean; test: (char: string) => boolean };

/** Where an alternative of `{…}` starts and ends, in the expanded text; it matches nothing itself. */
const BOUNDARY = '\u0000';

/** `{a,b}` expanded (innermost first); null when there would be too many alternatives. */
function expandBraces(glob: string): string[] | null {
  let open = -1;
  for (let i = 0; i < glob.length; i++) {
    if (glob[i] === '{') open = i;
    else if (glob[i] === '}' && open >= 0) {
      const options: string[] = [];
      let start = open + 1;
      for (let j = open + 1; j < i; j++) {
        if (glob[j] === ',') {
          options.push(glob.slice(start, j));
          start = j + 1;
        }
      }
      options.push(glob.slice(start, i));
      // `{a}` is not an alternative: the braces are literal, as in picomatch.
      if (options.length < 2) return expandLiteralBrace(glob, i);
      const results: string[] = [];
      for (const option of options) {
        // Marked off, so that `{a,*}*` cannot turn into a `**`.
        const expanded = expandBraces(`${glob.slice(0, open)}${BOUNDARY}${option}${BOUNDARY}${glob.slice(i + 1)}`);
        if (!expanded || results.length + expanded.length > MAX_ALTERNATIVES) return null;
        results.push(...expanded);
      }
      return results;
    }
  }
  return [glob];
}

function expandLiteralBrace(glob: string, close: number): string[] | null {
  const rest = expandBraces(glob.slice(close + 1));
  return rest && rest.map((tail) => glob.slice(0, close + 1) + tail);
}

function classAt(glob: string, start: number): { element: Element; end: number } | null {
  let i = start + 1;
  const negated = glob[i] === '!' || glob[i] === '^';
  if (negated) i++;
  const ranges: Array<[string, string]> = [];
  const first = i;
  for (; i < glob.length; i++) {
    const char = glob[i] ?? '';
    if (char === ']' && i > first) {
      const test = (c: string) => ranges.some(([low, high]) => c >= low && c <= high);
      return { element: { kind: 'class', negated, test }, end: i };
    }
    if (char === '/') return null;
    if (glob[i + 1] === '-' && i + 2 < glob.length && glob[i + 2] !== ']') {
      ranges.push([char, glob[i + 2] ?? char]);
      i += 2;
    } else ranges.push([char, char]);
  }
  return null;
}

function elementsOf(glob: string): Element[] {
  const elements: Element[] = [];
  for (let i = 0; i < glob.length; i++) {
    const char = glob[i] ?? '';
    const atSegmentStart = i === 0 || glob[i - 1] === '/';
    if (char === '*') {
      let end = i;
      while (glob[end + 1] === '*') end++;
      const wholeSegment = atSegmentStart && end === i + 1 && (end + 1 === glob.length || glob[end + 1] === '/');
      if (wholeSegment && glob[end + 1] === '/') {
        elements.push({ kind: 'folders' });
        i = end + 1;
      } else if (wholeSegment) {
        // `a/**` also matches `a` itself (picomatch): the slash before it becomes optional.
        if (elements.at(-1)?.kind === 'char' && glob[i - 1] === '/') {
          elements.pop();
          elements.push({ kind: 'slashOrEnd' });
        }
        elements.push({ kind: 'everything' });
        i = end;
      } else {
        if (elements.at(-1)?.kind !== 'star') elements.push({ kind: 'star' });
        i = end;
      }
    } else if (char === BOUNDARY) continue;
    else if (char === '?') elements.push({ kind: 'any' });
    else if (char === '[') {
      const parsed = classAt(glob, i);
      if (parsed) {
        elements.push(parsed.element);
        i = parsed.end;
      } else elements.push({ kind: 'char', char });
    } else elements.push({ kind: 'char', char });
  }
  return elements;
}

/** Steps of the last match (pattern positions visited), for tests that check the work stays linear. */
export let lastGlobMatchSteps = 0;

function matchesAny(alternatives: readonly Element[][], path: string): boolean {
  let steps = 0;
  let result = false;
  for (const elements of alternatives) {
    const size = elements.length + 1;
    // current[k]: the path so far matches elements before k; inside[k]: it ends inside the folders of a `**/` at k.
    let current = new Uint8Array(size);
    let next = new Uint8Array(size);
    let inside = new Uint8Array(size);
    let nextInside = new Uint8Array(size);
    // Zero-width moves: past a `*`, a `**/` or a trailing `**`, which may match nothing.
    const close = (states: Uint8Array) => {
      for (let k = 0; k < elements.length; k++) {
        steps++;
        const kind = elements[k]?.kind;
        if (states[k] && (kind === 'star' || kind === 'folders' || kind === 'everything')) states[k + 1] = 1;
        if (states[k] && kind === 'slashOrEnd') states[k + 2] = 1;
      }
    };
    current[0] = 1;
    close(current);
    for (let p = 0; p < path.length; p++) {
      const char = path[p] ?? '';
      next.fill(0);
      nextInside.fill(0);
      for (let k = 0; k < elements.length; k++) {
        steps++;
        const element = elements[k];
        if (!element || !(current[k] || (element.kind === 'folders' && inside[k]))) continue;
        switch (element.kind) {
          case 'char':
            if (element.char === char) next[k + 1] = 1;
            break;
          case 'any':
            if (char !== '/') next[k + 1] = 1;
            break;
          case 'class':
            if (char !== '/' && element.test(char) !== element.negated) next[k + 1] = 1;
            break;
          case 'star':
            if (char !== '/') next[k] = 1;
            break;
          case 'folders':
            // `(?:.*/)?`: any characters, then a slash ends the folders.
            nextInside[k] = 1;
            if (char === '/') next[k + 1] = 1;
            break;
          case 'everything':
            next[k] = 1;
            break;
          case 'slashOrEnd':
            if (char === '/') next[k + 1] = 1;
            break;
        }
      }
      // The match may start at any folder boundary: `(?:^|/)pattern$`.
      if (char === '/') next[0] = 1;
      close(next);
      [current, next] = [next, current];
      [inside, nextInside] = [nextInside, inside];
    }
    if (current[elements.length]) {
      result = true;
      break;
    }
  }
  lastGlobMatchSteps = steps;
  return result;
}

const compiled = new Map<string, Element[][] | null>();
const MAX_COMPILED = 500;

function compile(pattern: string): Element[][] | null {
  const cached = compiled.get(pattern);
  if (cached !== undefined) return cached;
  const expanded = pattern.length > MAX_GLOB_LENGTH ? null : expandBraces(pattern);
  const result = expanded && expanded.map(elementsOf);
  if (compiled.size >= MAX_COMPILED) compiled.clear();
  compiled.set(pattern, result);
  return result;
}

export function globMatches(glob: string, fileName: string): boolean {
  lastGlobMatchSteps = 0;
  const path = fileName.replace(/\\/g, '/');
  if (path.length > MAX_GLOB_PATH_LENGTH) return false;
  // Backslashes are Windows folder separators here (as in the paths), not escapes.
  let pattern = glob.replace(/\\/g, '/').replace(/^\.\//, '');
  if (pattern.startsWith('/')) pattern = pattern.slice(1);
  // `dir/**/**` is `dir/**`.
  while (pattern.endsWith('/**/**')) pattern = pattern.slice(0, -3);
  const alternatives = compile(pattern);
  return alternatives !== null && matchesAny(alternatives, path);
}
