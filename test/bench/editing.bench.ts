// Editing assistance: completion and inlay hints answer in <= 20 ms (p95) on every corpus file. Round trips over stdio
// with the built server, at many positions of each file (value positions after `key: ` and key positions at a line's
// indentation), side by side with yaml-language-server's completion at the same positions of the same file
// (interleaved, so load on the machine hits both alike). Two LR Lens figures: on an analyzed document (what an editor
// asks while the cursor moves), and right after an edit (the request waits for the new version's analysis).
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { extname, join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { REPO, SERVER_BIN } from '../helpers/lspClient';
import { CORPUS_DIR, corpusFiles, type CorpusFile } from '../helpers/corpus';
import { figure, median } from './figures';
import { TRAINING_ARGS_SCHEMA } from './largeConfig';
import { StdioLanguageServer } from './stdioLanguageServer';

const YAML_LANGUAGE_SERVER = join(REPO, 'node_modules', 'yaml-language-server', 'bin', 'yaml-language-server');
/** Positions asked per file and kind (value, key), spread evenly over the file's lines. */
const POSITIONS_PER_KIND = 12;
/** Each position is asked this many times (interleaved over the whole corpus). */
const ROUNDS = 3;
/** Inlay hints are asked for the whole file this many times per round. */
const HINT_REPEATS = 10;

const files = corpusFiles()?.filter((file) => ['.yaml', '.yml', '.json'].includes(extname(file.name)));
if (!files) {
  console.error(`corpus not found at ${CORPUS_DIR}: no figures`);
  process.exit(1);
}

interface Position {
  line: number;
  character: number;
}

/** Value positions (just after `key: `) and key positions (a key's first character) of a file, evenly spread. */
function positionsOf(text: string): Position[] {
  const values: Position[] = [];
  const keys: Position[] = [];
  text.split('\n').forEach((line, index) => {
    const match = /^(\s*(?:- )?)("?[A-Za-z_][\w.-]*"?\s*:\s)/.exec(line);
    if (!match || line.length > 400) return;
    keys.push({ line: index, character: match[1]?.length ?? 0 });
    values.push({ line: index, character: match[0].length });
  });
  const spread = (list: Position[]) =>
    list.filter((_, i) => list.length <= POSITIONS_PER_KIND || i % Math.ceil(list.length / POSITIONS_PER_KIND) === 0);
  return [...spread(values), ...spread(keys)];
}

const p95 = (values: number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil(sorted.length * 0.95) - 1)] ?? Number.NaN;
};

const scratch = mkdtempSync(join(tmpdir(), 'lr-lens-editing-'));
const schemaPath = join(scratch, 'training-args.schema.json');
writeFileSync(schemaPath, JSON.stringify(TRAINING_ARGS_SCHEMA));
// yaml-language-server with a schema on every file (offline: no schema store), completion on, validation off.
const yamlSettings = {
  validate: false,
  completion: true,
  hover: false,
  schemas: { [`file://${schemaPath}`]: ['*.yaml', '*.yml'] },
  schemaStore: { enable: false },
  format: { enable: false },
};

async function timed<T>(request: () => Promise<T>): Promise<{ ms: number; result: T }> {
  const start = performance.now();
  const result = await request();
  return { ms: performance.now() - start, result };
}

async function main(): Promise<void> {
  const ours = await StdioLanguageServer.start([SERVER_BIN, '--stdio'], () => ({}), REPO);
  const theirs = await StdioLanguageServer.start(
    [YAML_LANGUAGE_SERVER, '--stdio'],
    (section) => (section === 'yaml' ? yamlSettings : section === 'http' ? { proxyStrictSSL: true } : {}),
    scratch,
  );
  await theirs.connection.sendNotification('workspace/didChangeConfiguration', { settings: { yaml: yamlSettings } });
  const docs = (files as CorpusFile[]).map((file, i) => ({
    file,
    uri: `file://${join(scratch, `${i}-${file.folder}-${file.name}`)}`,
    languageId: file.name.endsWith('.json') ? 'json' : 'yaml',
    positions: positionsOf(file.text),
  }));
  for (const doc of docs) {
    for (const server of [ours, theirs]) {
      await server.connection.sendNotification('textDocument/didOpen', {
        textDocument: { uri: doc.uri, languageId: doc.languageId, version: 1, text: doc.file.text },
      });
    }
    await ours.publication(doc.uri, 0, () => true);
  }
  const perFile = new Map(docs.map((doc) => [doc.uri, { completion: [] as number[], yamlLs: [] as number[], hints: [] as number[] }]));
  const all = { completion: [] as number[], yamlLs: [] as number[], hints: [] as number[], afterEdit: [] as number[] };
  let offered = 0;
  // Warm-up: one untimed pass over every file.
  for (const doc of docs)
    for (const position of doc.positions)
      await ours.connection.sendRequest('textDocument/completion', { textDocument: { uri: doc.uri }, position });
  for (let round = 0; round < ROUNDS; round++) {
    for (const doc of docs) {
      const mine = perFile.get(doc.uri) ?? { completion: [], yamlLs: [], hints: [] };
      for (const position of doc.positions) {
        const params = { textDocument: { uri: doc.uri }, position, context: { triggerKind: 1 } };
        const a = await timed(() => ours.connection.sendRequest('textDocument/completion', params) as Promise<{ items: unknown[] } | null>);
        const b = doc.languageId === 'yaml' ? await timed(() => theirs.connection.sendRequest('textDocument/completion', params)) : null;
        mine.completion.push(a.ms);
        all.completion.push(a.ms);
        if (a.result?.items.length) offered++;
        if (b) {
          mine.yamlLs.push(b.ms);
          all.yamlLs.push(b.ms);
        }
      }
      const lines = doc.file.text.split('\n').length;
      for (let repeat = 0; repeat < HINT_REPEATS; repeat++) {
        const range = { start: { line: 0, character: 0 }, end: { line: lines, character: 0 } };
        const hints = await timed(() => ours.connection.sendRequest('textDocument/inlayHint', { textDocument: { uri: doc.uri }, range }));
        mine.hints.push(hints.ms);
        all.hints.push(hints.ms);
      }
    }
  }
  const slowest: [number, string][] = [];
  // Right after an edit: a space typed at the end of the file (and removed next time), then completion at the first value position.
  for (const [i, doc] of docs.entries()) {
    const position = doc.positions[0];
    if (!position) continue;
    for (let version = 2; version < 6; version++) {
      const text = version % 2 === 0 ? `${doc.file.text} ` : doc.file.text;
      await ours.connection.sendNotification('textDocument/didChange', {
        textDocument: { uri: doc.uri, version },
        contentChanges: [{ text }],
      });
      const { ms } = await timed(() =>
        ours.connection.sendRequest('textDocument/completion', { textDocument: { uri: doc.uri }, position }),
      );
      all.afterEdit.push(ms);
      slowest.push([ms, `${doc.file.folder}/${doc.file.name}`]);
    }
    if (i % 50 === 49) await new Promise((resolve) => setTimeout(resolve, 50));
  }
  slowest.sort((a, b) => b[0] - a[0]);
  console.log(
    `slowest completions after an edit: ${slowest
      .slice(0, 5)
      .map(([ms, name]) => `${ms.toFixed(1)} ms ${name}`)
      .join('; ')}`,
  );
  const worst = (pick: (f: { completion: number[]; yamlLs: number[]; hints: number[] }) => number[]) =>
    Math.max(
      ...[...perFile.values()]
        .map((f) => pick(f))
        .filter((v) => v.length > 0)
        .map(p95),
    );
  const note = `${docs.length} corpus files, ${all.completion.length / ROUNDS} positions, ${ROUNDS} rounds; items offered at ${((100 * offered) / all.completion.length).toFixed(0)}% of positions`;
  figure('completion p95, all positions of the corpus (LR Lens)', p95(all.completion), 'ms', { op: '<=', value: 20 }, note);
  figure(
    'completion p95 of the worst corpus file (LR Lens)',
    worst((f) => f.completion),
    'ms',
    { op: '<=', value: 20 },
  );
  figure('completion median (LR Lens)', median(all.completion), 'ms');
  figure('completion p95 right after an edit (LR Lens, waits for the new analysis)', p95(all.afterEdit), 'ms', { op: '<=', value: 20 });
  figure('completion p95, same YAML positions (yaml-language-server, schema on)', p95(all.yamlLs), 'ms', null, 'context, no target');
  figure(
    'completion p95 of the worst corpus file (yaml-language-server)',
    worst((f) => f.yamlLs),
    'ms',
    null,
    'context',
  );
  figure('inlay hints p95, whole file (LR Lens)', p95(all.hints), 'ms', { op: '<=', value: 20 });
  figure(
    'inlay hints p95 of the worst corpus file (LR Lens)',
    worst((f) => f.hints),
    'ms',
    { op: '<=', value: 20 },
  );
  await ours.stop();
  await theirs.stop();
}

main()
  .catch((error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  })
  .finally(() => rmSync(scratch, { recursive: true, force: true }));
