import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { test } from 'node:test';
import { grammarFiles, grammarText } from '../../syntaxes/generate';

// Runs vscode-tmgrammar-test (the TextMate engine VS Code uses) on the fixtures in ./fixtures.
// The injection grammars come from package.json `contributes.grammars` (the tool reads it as
// VS Code does, `injectTo` included). They must work on two YAML grammars: the one VS Code ships
// today (RedCMD's, scopes like meta.flow.sequence.yaml; taken from the npm package that carries VS
// Code's YAML extension) and the older TextMate-bundle grammar other editors and older VS Code use
// (tm-grammars). JSON and JSON with comments come from tm-grammars (VS Code's own JSON grammars).

const root = join(dirname(new URL(import.meta.url).pathname), '..', '..');
const fixtures = join(root, 'test', 'grammar', 'fixtures');
const require = createRequire(join(root, 'package.json'));

const toolPackage = require.resolve('vscode-tmgrammar-test/package.json');
const toolBinPath = (JSON.parse(readFileSync(toolPackage, 'utf8')) as { bin: Record<string, string> }).bin['vscode-tmgrammar-test'];
assert.ok(toolBinPath, 'vscode-tmgrammar-test names its command in package.json');
const toolBin = join(dirname(toolPackage), toolBinPath);
// TOML (torchtitan configs) from tm-grammars too: scope source.toml, as TOML extensions for VS Code name it.
const jsonGrammars = ['json', 'jsonc', 'toml'].map((name) => require.resolve(`tm-grammars/grammars/${name}.json`));
const vscodeYamlDir = join(dirname(require.resolve('@codingame/monaco-vscode-yaml-default-extension/package.json')), 'resources');
const yamlBases: Record<"VS Code's YAML grammar" | 'TextMate-bundle YAML grammar', string[]> = {
  "VS Code's YAML grammar": readdirSync(vscodeYamlDir)
    .filter((name) => /^yaml.*\.tmLanguage\.json$/.test(name))
    .map((name) => join(vscodeYamlDir, name)),
  'TextMate-bundle YAML grammar': [require.resolve('tm-grammars/grammars/yaml.json')],
};

interface GrammarContribution {
  scopeName: string;
  path: string;
  injectTo?: string[];
}
const contributed = (JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { contributes: { grammars: GrammarContribution[] } })
  .contributes.grammars;

function runTool(baseGrammars: string[], testCases: string[]) {
  const args = [toolBin, '--config', join(root, 'package.json'), ...baseGrammars.flatMap((g) => ['-g', g]), ...testCases];
  // The tool's own assertion parser can backtrack for minutes on a malformed assertion line: bound it.
  const result = spawnSync(process.execPath, args, { cwd: root, encoding: 'utf8', timeout: 120_000 });
  const timedOut = result.error ? `\n(${result.error.message})` : '';
  return { status: result.status, output: `${result.stdout}${result.stderr}${timedOut}` };
}

function countAssertions(file: string): number {
  const text = readFileSync(file, 'utf8');
  return text.split('\n').filter((line) => /^(#|\/\/)\s*(\^|<[~]*-)/.test(line)).length;
}

const fixtureFiles = readdirSync(fixtures)
  .filter((name) => /\.(ya?ml|jsonc?|toml)$/.test(name))
  .sort()
  .map((name) => join(fixtures, name));

test('every contributed grammar is an injection grammar whose file exists and names the same scope', () => {
  assert.ok(contributed.length > 0, 'package.json contributes no grammars');
  for (const g of contributed) {
    const file = join(root, g.path);
    assert.ok(existsSync(file), `${g.path} is missing`);
    const grammar = JSON.parse(readFileSync(file, 'utf8')) as { scopeName: string; injectionSelector?: string };
    assert.equal(grammar.scopeName, g.scopeName, `${g.path}: scopeName differs from package.json`);
    assert.ok(g.injectTo && g.injectTo.length > 0, `${g.scopeName}: not injected anywhere`);
    // Injection only: never a replacement grammar for YAML, JSON or TOML, and only into them.
    assert.equal((g as { language?: string }).language, undefined, `${g.scopeName}: must not claim a language`);
    assert.ok(grammar.injectionSelector, `${g.scopeName}: no injectionSelector`);
    for (const alternative of grammar.injectionSelector.split(',')) {
      assert.match(alternative.trim(), /^(L:)?source\.(yaml|json|toml)\b/, `${g.scopeName}: selector ${alternative}`);
    }
  }
});

test('the grammar files are the ones syntaxes/generate.ts writes (edit it, then run npx tsx syntaxes/generate.ts)', () => {
  const contributedFiles = contributed.map((g) => g.path.replace(/^\.\/syntaxes\//, '')).sort();
  assert.deepEqual(Object.keys(grammarFiles).sort(), contributedFiles);
  for (const [name, grammar] of Object.entries(grammarFiles)) {
    assert.equal(readFileSync(join(root, 'syntaxes', name), 'utf8'), grammarText(grammar), `syntaxes/${name} is stale`);
  }
});

test('both YAML base grammars are there', () => {
  assert.ok(yamlBases["VS Code's YAML grammar"].length >= 5, `VS Code's YAML grammars not found in ${vscodeYamlDir}`);
});

for (const [label, yamlGrammars] of Object.entries(yamlBases)) {
  test(`grammar fixtures pass vscode-tmgrammar-test on ${label}`, () => {
    assert.ok(fixtureFiles.length >= 4, `expected fixtures in ${fixtures}`);
    const assertions = fixtureFiles.reduce((sum, f) => sum + countAssertions(f), 0);
    assert.ok(assertions >= 100, `only ${assertions} assertions`);
    const { status, output } = runTool([...yamlGrammars, ...jsonGrammars], fixtureFiles);
    assert.equal(status, 0, `vscode-tmgrammar-test failed:\n${output}`);
    // Each fixture must have been run, not skipped.
    for (const file of fixtureFiles) {
      const name = file.slice(root.length + 1);
      assert.ok(output.includes(name), `no result for ${name} in:\n${output}`);
    }
  });
}

// The tool's own registry (the code that runs the fixtures above) and the vscode-textmate it uses, to
// compare tokens with and without the LR Lens injections.
interface Token {
  startIndex: number;
  scopes: string[];
}
interface Grammar {
  tokenizeLine(line: string, state: unknown): { tokens: Token[]; ruleStack: unknown };
}
const toolRequire = createRequire(toolPackage);
const toolCommon = toolRequire('./dist/common/index.js') as {
  loadConfiguration(config: string, scope: undefined, grammars: string[]): { grammars: unknown[] };
  createRegistry(grammars: unknown[]): { loadGrammar(scope: string): Promise<Grammar | null> };
};
const textmate = toolRequire('vscode-textmate') as { INITIAL: unknown };
const OUR_SCOPE = /\.(omegaconf|composer|hydra|lr-lens)$/;

for (const [label, yamlGrammars] of Object.entries(yamlBases)) {
  test(`on ${label}, lines without an LR Lens construct tokenize exactly as the base grammars alone tokenize them`, async () => {
    const baseGrammars = [...yamlGrammars, ...jsonGrammars];
    const withOurs = toolCommon.createRegistry(toolCommon.loadConfiguration(join(root, 'package.json'), undefined, baseGrammars).grammars);
    const baseOnly = toolCommon.createRegistry(baseGrammars.map((path) => ({ path, scopeName: '' })));
    const examples = readdirSync(join(root, 'examples'))
      .filter((n) => /\.(ya?ml|json)$/.test(n))
      .map((n) => join(root, 'examples', n));
    const files = [...examples, ...fixtureFiles];
    let compared = 0;
    let withConstructs = 0;
    const changed: string[] = [];
    for (const file of files) {
      const scope = file.endsWith('.jsonc')
        ? 'source.json.comments'
        : file.endsWith('.json')
          ? 'source.json'
          : file.endsWith('.toml')
            ? 'source.toml'
            : 'source.yaml';
      const a = await withOurs.loadGrammar(scope);
      const b = await baseOnly.loadGrammar(scope);
      assert.ok(a && b, `no grammar for ${scope}`);
      let stateA = textmate.INITIAL;
      let stateB = textmate.INITIAL;
      readFileSync(file, 'utf8')
        .split('\n')
        .forEach((line, i) => {
          const ra = a.tokenizeLine(line, stateA);
          const rb = b.tokenizeLine(line, stateB);
          stateA = ra.ruleStack;
          stateB = rb.ruleStack;
          if (ra.tokens.some((t) => t.scopes.some((s) => OUR_SCOPE.test(s)))) {
            withConstructs++;
            return;
          }
          compared++;
          const show = (tokens: Token[]) => JSON.stringify(tokens.map((t) => [t.startIndex, t.scopes]));
          if (show(ra.tokens) !== show(rb.tokens)) changed.push(`${file.slice(root.length + 1)}:${i + 1}: ${line}`);
        });
    }
    assert.ok(compared > 200 && withConstructs > 50, `compared ${compared} lines, ${withConstructs} with constructs`);
    assert.deepEqual(changed, [], 'the injections changed how these lines are colored');
  });
}

test('the harness reports a wrong assertion (so the test above can fail)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'lr-lens-grammar-'));
  try {
    const wrong = join(dir, 'wrong.yaml');
    writeFileSync(
      wrong,
      ['# SYNTAX TEST "source.yaml" "deliberately wrong"', 't_warmup: 100ba', '#         ^^^ keyword.other.unit.composer', ''].join('\n'),
    );
    const right = join(dir, 'right.yaml');
    writeFileSync(
      right,
      [
        '# SYNTAX TEST "source.yaml" "the same line, asserted right"',
        't_warmup: 100ba',
        '#            ^^ keyword.other.unit.composer',
        '',
      ].join('\n'),
    );
    const failing = runTool(yamlBases['TextMate-bundle YAML grammar'], [wrong]);
    assert.notEqual(failing.status, 0, `a wrong assertion passed:\n${failing.output}`);
    assert.match(failing.output, /missing required scopes: keyword\.other\.unit\.composer/);
    const passing = runTool(yamlBases['TextMate-bundle YAML grammar'], [right]);
    assert.equal(passing.status, 0, `the correct assertion failed:\n${passing.output}`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
