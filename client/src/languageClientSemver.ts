/**
 * The two semver functions vscode-languageclient calls, in the one way it calls them, bundled in place of the semver
 * package (about 20 KB of the client bundle; esbuild.mjs swaps them in only after checking that this is still all
 * the library asks of semver).
 *
 * vscode-languageclient (lib/node/main.js, `LanguageClient.checkVersion`) does
 *   const codeVersion = semverParse(vscode.version); if (!codeVersion) throw ...;
 *   codeVersion.prerelease = [];            // an Insiders build counts as its release
 *   if (!semverSatisfies(codeVersion, REQUIRED_VSCODE_VERSION)) throw ...;
 * with REQUIRED_VSCODE_VERSION a caret range '^MAJOR.MINOR.PATCH' (MAJOR >= 1).
 *
 * `parse` accepts exactly what semver's strict `parse` accepts (the FULL pattern of semver/internal/re.js, versions
 * of at most 256 characters, parts up to Number.MAX_SAFE_INTEGER) and yields the same major, minor, patch,
 * prerelease and build. `satisfies` gives semver's answer for a caret range with MAJOR >= 1, which semver expands to
 * '>=MAJOR.MINOR.PATCH <MAJOR+1.0.0-0': a version with a prerelease never satisfies it, since no comparator of the
 * range has a prerelease on the same MAJOR.MINOR.PATCH (semver's Range#test). Any other range throws.
 * test/client/languageClientSemver.test.ts compares both with the semver package.
 */

const NUMERIC = '0|[1-9]\\d*';
const PRERELEASE_ID = `(?:\\d*[a-zA-Z-][a-zA-Z0-9-]*|${NUMERIC})`;
const BUILD_ID = '[a-zA-Z0-9-]+';
const FULL = new RegExp(
  `^v?(${NUMERIC})\\.(${NUMERIC})\\.(${NUMERIC})(?:-(${PRERELEASE_ID}(?:\\.${PRERELEASE_ID})*))?(?:\\+(${BUILD_ID}(?:\\.${BUILD_ID})*))?$`,
);
const CARET = /^\^([1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)$/;
const MAX_LENGTH = 256;

export interface ParsedVersion {
  major: number;
  minor: number;
  patch: number;
  prerelease: (string | number)[];
  build: string[];
  version: string;
}

export function parse(version: unknown): ParsedVersion | null {
  if (typeof version !== 'string' || version.length > MAX_LENGTH) return null;
  const match = FULL.exec(version.trim());
  if (!match) return null;
  const [major, minor, patch] = [match[1], match[2], match[3]].map(Number) as [number, number, number];
  if (major > Number.MAX_SAFE_INTEGER || minor > Number.MAX_SAFE_INTEGER || patch > Number.MAX_SAFE_INTEGER) return null;
  const prerelease = match[4]
    ? match[4].split('.').map((id) => (/^[0-9]+$/.test(id) && Number(id) < Number.MAX_SAFE_INTEGER ? Number(id) : id))
    : [];
  const build = match[5] ? match[5].split('.') : [];
  return {
    major,
    minor,
    patch,
    prerelease,
    build,
    version: `${major}.${minor}.${patch}${prerelease.length ? `-${prerelease.join('.')}` : ''}`,
  };
}

export function satisfies(version: ParsedVersion, range: string): boolean {
  const caret = CARET.exec(range);
  if (!caret) throw new Error(`languageClientSemver: only a caret range ^MAJOR.MINOR.PATCH (MAJOR >= 1) is supported, not '${range}'`);
  const [major, minor, patch] = [caret[1], caret[2], caret[3]].map(Number) as [number, number, number];
  if (version.prerelease.length > 0 || version.major !== major) return false;
  return version.minor > minor || (version.minor === minor && version.patch >= patch);
}
