// Runs every test file (test/**/*.test.ts) with Node's test runner, TypeScript loaded by tsx.
// Usage: node test/run.mjs [--list] [filter]   (filter: substring of the test file path; --list prints the order only)
import { spawnSync } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const list = process.argv[2] === '--list';
const filter = process.argv[list ? 3 : 2];

function find(dir) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (name === 'node_modules' || name === 'fixtures') return [];
    if (statSync(path).isDirectory()) return find(path);
    return name.endsWith('.test.ts') ? [path] : [];
  });
}

/**
 * The suites that take longest (a VS Code workbench in code-server, the server fuzz, headless Chromium, Neovim and
 * Emacs) start first, in this order; the unit and protocol suites run beside them in the other slot. Started last,
 * the workbench alone would add its minutes to the end of the run.
 */
const FIRST = ['test/vscode/codeServer.test.ts', 'test/reliability/serverFuzz.test.ts', 'test/browser/', 'test/editors/'];
const rank = (file) => {
  const index = FIRST.findIndex((prefix) => file.startsWith(prefix));
  return index === -1 ? FIRST.length : index;
};

const files = find(join(root, 'test'))
  .map((file) => relative(root, file))
  .filter((file) => !filter || file.includes(filter))
  .sort((a, b) => rank(a) - rank(b) || (a < b ? -1 : a > b ? 1 : 0));
if (files.length === 0) {
  console.error(`no test files match ${filter ?? 'test/**/*.test.ts'}`);
  process.exit(1);
}
if (list) {
  console.log(files.join('\n'));
  process.exit(0);
}
const result = spawnSync(process.execPath, ['--import', 'tsx', '--test', '--test-concurrency=2', ...files], {
  cwd: root,
  stdio: 'inherit',
  env: { ...process.env, LR_LENS_INTERNAL_ERRORS: 'throw' }, // faults inside dialects and rules fail the tests (server/src/analysis/internalErrors.ts)
});
process.exit(result.status ?? 1);
