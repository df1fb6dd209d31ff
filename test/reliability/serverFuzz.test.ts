import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import fc from 'fast-check';
import type { CodeAction, Diagnostic, Position, TextDocumentEdit, TextEdit } from 'vscode-languageserver-protocol';
import { LineIndex } from '../../server/src/parse/textSpan';
import { analyzeConfig } from '../../server/src';
import { INCREMENTAL_MIN_LENGTH } from '../../server/src/parse/incrementalYaml';
import { largeConfig } from '../bench/largeConfig';
import { corpusFiles } from '../helpers/corpus';
import { LspTestClient, REPO } from '../helpers/lspClient';

/**
 * Mutates real configs and drives the real server over stdio with incremental edits: every request must
 * be answered (a hang guard of 60 s per request: speed is measured by `npm run bench`, never asserted here,
 * so a busy machine cannot fail the test), nothing may be logged as an internal error, and after each run the
 * server's diagnostics must equal the core's for the text we hold (so incremental sync never loses a byte).
 * Bounded in `npm test`; `npm run fuzz` runs longer (FUZZ_RUNS, FUZZ_SEED to replay).
 */
const RUNS = Number(process.env.FUZZ_RUNS ?? 40);
const EDITS_PER_RUN = Number(process.env.FUZZ_EDITS ?? 25);
const SEED = Number(process.env.FUZZ_SEED ?? Date.now() % 2 ** 31);
const LARGE_RUNS = Number(process.env.FUZZ_LARGE_RUNS ?? 6);
/** A request not answered in this long has hung (a generous guard, not a speed limit). */
const HANG_GUARD_MS = 60_000;

type Mutation =
  | { kind: 'flip'; at: number; text: string }
  | { kind: 'deleteLine'; at: number }
  | { kind: 'indent'; at: number; width: number }
  | { kind: 'insert'; at: number; text: string };

const TOKENS = [
  ':',
  '- ',
  '{',
  '}',
  '[',
  ']',
  '"',
  "'",
  '${',
  '${..x}',
  '\t',
  '\n',
  '  ',
  '#',
  '&a ',
  '*a',
  '---\n',
  '1e-5',
  'constant',
  'cosine',
  'learning_rate: ',
  'lr_scheduler_type: ',
  '\r\n',
  '\u00e9',
  '\ud83d\ude00',
];

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constant('flip' as const), at: fc.nat(), text: fc.string({ minLength: 1, maxLength: 1 }) }),
  fc.record({ kind: fc.constant('deleteLine' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('indent' as const), at: fc.nat(), width: fc.integer({ min: -4, max: 4 }) }),
  fc.record({ kind: fc.constant('insert' as const), at: fc.nat(), text: fc.constantFrom(...TOKENS) }),
);

// Positions as LSP counts them: LF, CRLF and a lone CR each end a line (a mutation may leave a lone CR).
function positionAt(text: string, offset: number): Position {
  return new LineIndex(text).positionAt(offset);
}

function offsetAt(text: string, p: Position): number {
  return new LineIndex(text).offsetAt(p);
}

/** The edit a mutation makes on a text, as [start, end, newText]. */
function editFor(text: string, m: Mutation): [number, number, string] {
  const [start, end, newText] = rawEditFor(text, m);
  // An LSP position cannot fall between the CR and LF of one line break (editors never split it): move such an end
  // past the LF.
  const whole = (offset: number) => (text[offset - 1] === '\r' && text[offset] === '\n' ? offset + 1 : offset);
  return [whole(start), Math.max(whole(start), whole(end)), newText];
}

function rawEditFor(text: string, m: Mutation): [number, number, string] {
  const at = text.length ? m.at % (text.length + 1) : 0;
  const lineStart = text.lastIndexOf('\n', at - 1) + 1;
  switch (m.kind) {
    case 'flip':
      return [at, Math.min(at + 1, text.length), m.text];
    case 'deleteLine': {
      const end = text.indexOf('\n', at);
      return [lineStart, end === -1 ? text.length : end + 1, ''];
    }
    case 'indent': {
      if (m.width >= 0) return [lineStart, lineStart, ' '.repeat(m.width)];
      const spaces = text.slice(lineStart).search(/[^ ]|$/);
      return [lineStart, lineStart + Math.min(spaces, -m.width), ''];
    }
    case 'insert':
      return [at, at, m.text];
  }
}

/** The answer to a request, or a failure naming the request and the seed when none comes (the server hung). */
async function answered<T>(what: string, request: Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const hung = new Promise<never>((_resolve, reject) => {
    const message = `${what}: no answer in ${HANG_GUARD_MS / 1000} s (replay with FUZZ_SEED=${SEED})`;
    timer = setTimeout(() => reject(new Error(message)), HANG_GUARD_MS);
  });
  try {
    return await Promise.race([request, hung]);
  } finally {
    clearTimeout(timer);
  }
}

function seeds(): { name: string; text: string }[] {
  const examples = readdirSync(join(REPO, 'examples')).map((name) => ({ name, text: readFileSync(join(REPO, 'examples', name), 'utf8') }));
  const corpus = corpusFiles();
  if (!corpus) console.error('FUZZ: ../shared/corpus is missing: fuzzing our examples only');
  return [...examples, ...(corpus ?? []).map((f) => ({ name: `${f.folder}/${f.name}`, text: f.text }))];
}

/** Documents of 32 KB or more, which the server parses incrementally (chunks reused from edit to edit). */
function largeSeeds(): { name: string; text: string }[] {
  const corpus = (corpusFiles() ?? []).filter((f) => f.text.length >= INCREMENTAL_MIN_LENGTH);
  return [
    { name: 'large-sft.yaml', text: largeConfig(48 * 1024) },
    ...corpus.map((f) => ({ name: `${f.folder}/${f.name}`, text: f.text })),
  ];
}

test(`server fuzz: ${RUNS} runs × ${EDITS_PER_RUN} incremental edits (seed ${SEED})`, { timeout: 30 * 60_000 }, async () => {
  await fuzz(seeds(), RUNS);
});

test(
  `server fuzz, large documents (incremental parsing): ${LARGE_RUNS} runs × ${EDITS_PER_RUN} edits (seed ${SEED})`,
  { timeout: 30 * 60_000 },
  async () => {
    const inputs = largeSeeds();
    assert.ok(inputs.length >= 3, 'the corpus has large files (maxtext, OLMo)');
    await fuzz(inputs, LARGE_RUNS);
  },
);

async function fuzz(inputs: { name: string; text: string }[], runs: number): Promise<void> {
  console.log(`# fuzz seed ${SEED} (replay with FUZZ_SEED=${SEED})`);
  const client = await LspTestClient.start();
  const internalErrors: string[] = [];
  client.connection.onNotification('window/logMessage', (p: { type: number; message: string }) => {
    if (p.type === 1) internalErrors.push(p.message);
  });
  let run = 0;
  let requests = 0;
  let completionItems = 0;
  try {
    await fc.assert(
      fc.asyncProperty(
        fc.nat(inputs.length - 1),
        fc.array(mutation, { minLength: 1, maxLength: EDITS_PER_RUN }),
        fc.nat(),
        async (which, mutations, salt) => {
          const input = inputs[which];
          assert.ok(input);
          const uri = `file:///fuzz/${run++}/${input.name.replace(/[^\w.-]/g, '_')}`;
          const languageId = input.name.endsWith('.json') ? 'json' : 'yaml';
          let text = input.text;
          let version = 1;
          await client.open(uri, text, languageId, version);
          for (const [i, m] of mutations.entries()) {
            const [start, end, newText] = editFor(text, m);
            const range = { start: positionAt(text, start), end: positionAt(text, end) };
            text = text.slice(0, start) + newText + text.slice(end);
            await client.connection.sendNotification('textDocument/didChange', {
              textDocument: { uri, version: ++version },
              contentChanges: [{ range, text: newText }],
            });
            const position = positionAt(text, (salt + i * 7919) % (text.length + 1));
            await answered('hover', client.connection.sendRequest('textDocument/hover', { textDocument: { uri }, position }));
            // Completion items replace one line's text around the cursor (editors drop items whose range does not contain it).
            const completion = (await answered(
              'completion',
              client.connection.sendRequest('textDocument/completion', { textDocument: { uri }, position }),
            )) as {
              items: { textEdit?: { range: { start: Position; end: Position } } }[];
            } | null;
            for (const item of completion?.items ?? []) {
              const r = item.textEdit?.range;
              assert.ok(
                r &&
                  r.start.line === position.line &&
                  r.end.line === position.line &&
                  r.start.character <= position.character &&
                  position.character <= r.end.character,
                'completion range holds the cursor',
              );
              completionItems++;
            }
            requests += 2;
            if (i % 5 === 0) {
              await answered('lrLens/curve', client.connection.sendRequest('lrLens/curve', { uri, points: 100 }));
              const whole = { start: { line: 0, character: 0 }, end: positionAt(text, text.length) };
              await answered('inlayHint', client.connection.sendRequest('textDocument/inlayHint', { textDocument: { uri }, range: whole }));
              await answered('documentLink', client.connection.sendRequest('textDocument/documentLink', { textDocument: { uri } }));
              await answered('definition', client.connection.sendRequest('textDocument/definition', { textDocument: { uri }, position }));
              requests += 4;
            }
          }
          const diagnostics: Diagnostic[] = await client.diagnosticsFor(uri, (_d, p) => p.version === version);
          // The server holds exactly our text: its findings are the core's findings for it, at the same places.
          const analysis = analyzeConfig(text, uri.slice('file://'.length));
          const where = (code: unknown, r: Diagnostic['range']) =>
            `${String(code)}@${r.start.line}:${r.start.character}-${r.end.line}:${r.end.character}`;
          const expected = analysis.findings.map((f) => where(f.ruleId, analysis.parsed.lines.rangeOf(f.span))).sort();
          assert.deepEqual(diagnostics.map((d) => where(d.code, d.range)).sort(), expected, `diagnostics differ for ${input.name}`);
          // Every quick fix applies cleanly to this exact version, with edits that never overlap.
          const actions = (await answered(
            'codeAction',
            client.connection.sendRequest('textDocument/codeAction', {
              textDocument: { uri },
              range: { start: { line: 0, character: 0 }, end: positionAt(text, text.length) },
              context: { diagnostics },
            }),
          )) as CodeAction[];
          requests++;
          for (const action of actions) {
            const change = action.edit?.documentChanges?.[0] as TextDocumentEdit | undefined;
            assert.ok(change, 'a fix edits the document');
            assert.equal(change.textDocument.version, version);
            const spans = (change.edits as TextEdit[])
              .map((e) => [offsetAt(text, e.range.start), offsetAt(text, e.range.end)] as const)
              .sort((a, b) => a[0] - b[0]);
            let previousEnd = -Infinity;
            for (const [start, end] of spans) {
              assert.ok(start >= previousEnd, 'edits overlap');
              previousEnd = end;
            }
          }
          await client.connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
          assert.deepEqual(internalErrors, []);
        },
      ),
      { seed: SEED, numRuns: runs, endOnFailure: true, includeErrorInReport: true },
    );
    const rss = Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${client.process.pid}/status`, 'utf8'))?.[1] ?? 0) / 1024;
    console.log(
      `# fuzz: ${run} documents, ${requests} requests answered (${completionItems} completion items checked), server RSS ${rss.toFixed(0)} MB`,
    );
    assert.ok(rss < 400, `server memory ${rss.toFixed(0)} MB`);
  } finally {
    await client.stop();
  }
}
