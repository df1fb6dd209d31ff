// client/src/languageClientSemver.ts stands in for semver inside vscode-languageclient (esbuild.mjs): it must give
// semver's answers for what LanguageClient.checkVersion asks.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { test } from 'node:test';
import { parse, satisfies } from '../../client/src/languageClientSemver';
import { REPO } from '../helpers/lspClient';

// semver as vscode-languageclient resolves it.
const fromClient = createRequire(createRequire(join(REPO, 'package.json')).resolve('vscode-languageclient/node'));
const semverParse = fromClient('semver/functions/parse') as (v: unknown) => {
  major: number;
  minor: number;
  patch: number;
  prerelease: (string | number)[];
  build: string[];
  version: string;
} | null;
const semverSatisfies = fromClient('semver/functions/satisfies') as (v: unknown, range: string) => boolean;

const VERSIONS = [
  '1.91.0',
  '1.91.1',
  '1.90.9',
  '1.96.0-insider',
  '1.100.2',
  '1.105.0-insider',
  '2.0.0',
  '2.0.0-0',
  '1.91.0-alpha.1',
  '1.91.0+build.5',
  '1.92.0-rc.1+abc-def',
  'v1.95.0',
  ' 1.95.0 ',
  '=1.95.0',
  '1.95',
  '01.95.0',
  '1.095.0',
  '1.95.0-01',
  '1.95.0-0a.x-y.00z',
  '1.95.0-',
  '1.95.0+',
  '1.95.0-a..b',
  '9007199254740992.0.0',
  '1.9007199254740991.0',
  '1.95.0-9007199254740991',
  `1.95.0-${'a'.repeat(250)}`,
  `1.95.0+${'b'.repeat(249)}`,
  `1.95.0+${'b'.repeat(250)}`,
  '',
  'insider',
  '1.95.0\n',
  '0.1.0',
  '3.1.0',
];

test('parse agrees with semver: the same versions are valid, with the same parts', () => {
  for (const version of VERSIONS) {
    const expected = semverParse(version);
    const actual = parse(version);
    if (expected === null) {
      assert.equal(actual, null, JSON.stringify(version));
      continue;
    }
    assert.ok(actual, JSON.stringify(version));
    const { major, minor, patch, prerelease, build, version: normalized } = expected;
    assert.deepEqual(actual, { major, minor, patch, prerelease, build, version: normalized }, JSON.stringify(version));
  }
  assert.equal(parse(undefined), null);
});

test('satisfies agrees with semver on caret ranges, with and without the prerelease checkVersion clears', () => {
  const languageClient = readFileSync(fromClient.resolve('vscode-languageclient/node'), 'utf8');
  const required = /const REQUIRED_VSCODE_VERSION = '([^']+)'/.exec(languageClient)?.[1];
  assert.ok(required, 'vscode-languageclient states the VS Code version it needs');
  for (const range of [required, '^1.91.0', '^1.0.0', '^2.3.4', '^1.100.0']) {
    for (const version of VERSIONS) {
      const expected = semverParse(version);
      const actual = parse(version);
      if (!expected || !actual) continue;
      assert.equal(satisfies(actual, range), semverSatisfies(expected, range), `${version} ${range}`);
      expected.prerelease = [];
      actual.prerelease = [];
      assert.equal(satisfies(actual, range), semverSatisfies(expected, range), `${version} ${range} (prerelease cleared)`);
    }
  }
  assert.throws(() => satisfies({ major: 1, minor: 0, patch: 0, prerelease: [], build: [], version: '1.0.0' }, '>=1.0.0'));
});
