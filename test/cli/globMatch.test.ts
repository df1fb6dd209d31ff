import assert from 'node:assert/strict';
import { test } from 'node:test';
import picomatch from 'picomatch';
import { globMatches, lastGlobMatchSteps, MAX_GLOB_LENGTH, MAX_GLOB_PATH_LENGTH } from '../../server/src/dialects/globMatch';

test('globs as users write them', () => {
  assert.ok(globMatches('configs/**/*.yaml', '/home/u/ws/configs/a/b/c.yaml'));
  assert.ok(globMatches('configs/**/*.yaml', 'configs/c.yaml'));
  assert.ok(!globMatches('configs/*.yaml', 'configs/a/c.yaml'));
  assert.ok(globMatches('*.json', 'C:\\ws\\ds\\ds_config.json'));
  assert.ok(globMatches('configs\\*.yaml', 'C:\\ws\\configs\\a.yaml'));
  assert.ok(globMatches('./configs/*.yaml', '/ws/configs/a.yaml'));
  assert.ok(globMatches('ds_config?.json', '/x/ds_config2.json'));
  assert.ok(globMatches('**/*.{yml,yaml}', '/x/y.yml'));
  assert.ok(!globMatches('**/*.{yml,yaml}', '/x/y.json'));
  assert.ok(!globMatches('recipes/*.yaml', '/x/myrecipes/a.yaml'));
  assert.ok(globMatches('recipes/**', '/x/recipes/a/b.yaml'));
  assert.ok(!globMatches('recipes/**', '/x/recipesx/b.yaml'));
  assert.ok(globMatches('run[0-9].yaml', '/x/run7.yaml'));
  assert.ok(!globMatches('run[!0-9].yaml', '/x/run7.yaml'));
  assert.ok(globMatches('*.yaml', '/x/.hidden.yaml'), 'dot files match, as with picomatch dot: true');
});

/** A seeded generator (mulberry32), so a failure replays from the printed seed. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

test('the same meaning as picomatch (dot: true) on random globs and paths', () => {
  const seed = Number(process.env.GLOB_SEED ?? Math.floor(Math.random() * 2 ** 31));
  console.log(`glob differential seed ${seed} (GLOB_SEED=${seed} replays it)`);
  const next = random(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)] as T;
  const globParts = ['a', 'b', 'ab', '*', '?', '**', '/', '/**/', '{a,b}', '{ab,*}', '[ab]', '[a-b]'];
  const pathParts = ['a', 'b', 'ab', 'ba', 'aab', 'c'];
  let compared = 0;
  let matched = 0;
  for (let round = 0; round < 3000; round++) {
    let glob = '';
    for (let n = 1 + Math.floor(next() * 5); n > 0; n--) glob += pick(globParts);
    glob = glob.replace(/\/+/g, '/').replace(/^\//, '').replace(/\/$/, '');
    if (!glob) continue;
    // Three picomatch quirks left out: `x/**` matches `x` only after a literal (not after `*`, `]` or `}`); a
    // `/**/` followed by what may be empty also matches where the path ends; a `**` beside `{…}` is a globstar.
    if (/[*\]}]\/\*\*$/.test(glob) || /\*\*\{|\}\*\*/.test(glob)) continue;
    if (glob.includes('/**/') && !/[ab?[]/.test(glob.slice(glob.lastIndexOf('/**/') + 4).replace(/\{[^}]*\}/g, ''))) continue;
    const segments = Array.from({ length: 1 + Math.floor(next() * 4) }, () => pick(pathParts));
    const path = segments.join('/');
    // The reference: a glob matches the end of the path at a folder boundary, i.e. picomatch's `**/glob`.
    const reference = picomatch.isMatch(path, glob.startsWith('**/') || glob === '**' ? glob : `**/${glob}`, { dot: true });
    assert.equal(globMatches(glob, path), reference, `glob ${JSON.stringify(glob)} on ${JSON.stringify(path)} (seed ${seed})`);
    compared++;
    if (reference) matched++;
  }
  assert.ok(compared > 1500 && matched > 100 && matched < compared - 100, `${compared} compared, ${matched} matching (seed ${seed})`);
});

test('pathological globs take work linear in the path (no backtracking); hang guard 30 s', { timeout: 30_000 }, () => {
  const cases = [
    ['**?'.repeat(12) + 'Z', 'a'.repeat(37)],
    ['*a'.repeat(40) + 'b', 'a'.repeat(2000)],
    ['**/a/'.repeat(30) + 'b', 'a/'.repeat(1000) + 'c'],
    ['{a,b}'.repeat(20), 'ab'.repeat(10)],
  ] as const;
  for (const [glob, path] of cases) {
    assert.equal(globMatches(glob, path), false);
    // One pass over the path with at most one visit per pattern element (plus the zero-width moves) per character.
    const bound = 2 * (path.length + 1) * (glob.length + 1);
    assert.ok(lastGlobMatchSteps <= bound, `${lastGlobMatchSteps} steps (bound ${bound}) for ${glob.slice(0, 20)}…`);
  }
  const glob = '**?'.repeat(12) + 'Z';
  for (const length of [100, 200, 400]) {
    globMatches(glob, 'a'.repeat(length));
    const steps = lastGlobMatchSteps;
    globMatches(glob, 'a'.repeat(2 * length));
    assert.ok(lastGlobMatchSteps <= 2 * steps + 200, `doubling the path at most doubles the work (${steps} → ${lastGlobMatchSteps})`);
  }
  assert.equal(globMatches('a'.repeat(MAX_GLOB_LENGTH + 1), 'a'.repeat(MAX_GLOB_LENGTH + 1)), false, 'an over-long glob matches nothing');
  assert.equal(globMatches('**', 'a'.repeat(MAX_GLOB_PATH_LENGTH + 1)), false, 'an over-long path matches nothing');
  assert.equal(globMatches('{a,b}'.repeat(20), 'a'.repeat(20)), false, 'more than 256 alternatives match nothing');
});
