// esbuild.mjs rewrites what TypeScript repeats in vscode-languageclient, -server, -protocol and vscode-jsonrpc (helpers,
// re-export getters, the __esModule mark) and gives the language client a few-line semver and no minimatch. The
// bundles must expose exactly what the libraries do: the protocol bundle is compared with the library itself, name by
// name, and the bundled LanguageClient with the library's, down to its version check; the server must register no
// glob filter that minimatch would match. The bundles are loaded with a stand-in `vscode` module, as
// test/client/activation.test.ts does.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import Module from 'node:module';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { createProtocolConnection, StreamMessageReader, StreamMessageWriter } from 'vscode-languageserver-protocol/node';
import { ensureBuilt } from '../helpers/build';
import { REPO } from '../helpers/lspClient';
import { stopLanguageServer } from '../helpers/stopServer';

const fromRepo = createRequire(join(REPO, 'package.json'));
// The protocol library as the client bundle resolves it (esbuild.mjs bundles it from there into lsp-protocol.js).
const fromClient = createRequire(fromRepo.resolve('vscode-languageclient/node'));

let vscodeVersion = '1.96.0';
const anything: unknown = new Proxy(function () {}, {
  get: (_target, key) => (key === 'prototype' ? {} : key === Symbol.toPrimitive ? undefined : anything),
  construct: () => anything as object,
  apply: () => anything,
});
const vscode = new Proxy({} as Record<PropertyKey, unknown>, {
  get: (_target, key) => (key === 'version' ? vscodeVersion : anything),
});
const moduleApi = Module as unknown as { _resolveFilename: (request: string, ...rest: unknown[]) => string };
const resolve = moduleApi._resolveFilename;

before(() => {
  ensureBuilt();
  moduleApi._resolveFilename = function (request: string, ...rest: unknown[]) {
    return request === 'vscode' ? 'vscode' : resolve.call(this, request, ...rest);
  };
  require.cache['vscode'] = { id: 'vscode', filename: 'vscode', loaded: true, exports: vscode } as unknown as NodeJS.Module;
});
after(() => {
  moduleApi._resolveFilename = resolve;
  delete require.cache['vscode'];
});

/**
 * The differences between two module surfaces: names, kinds, __esModule marks and values of constants. (Names are
 * compared as sets: bundled, vscode-languageserver-types is its ES module build, whose namespace lists names sorted.)
 */
function differences(expected: unknown, actual: unknown, path: string, depth: number, seen = new Set<unknown>()): string[] {
  if (typeof expected !== typeof actual) return [`${path}: ${typeof expected} became ${typeof actual}`];
  if (expected === null || (typeof expected !== 'object' && typeof expected !== 'function')) {
    return Object.is(expected, actual) ? [] : [`${path}: ${String(expected)} became ${String(actual)}`];
  }
  if (seen.has(expected) || depth === 0) return [];
  seen.add(expected);
  const before = expected as Record<string, unknown>;
  const now = actual as Record<string, unknown>;
  const found: string[] = [];
  if (JSON.stringify(Object.keys(before).sort()) !== JSON.stringify(Object.keys(now).sort())) found.push(`${path}: other names`);
  if (before['__esModule'] !== now['__esModule']) found.push(`${path}: other __esModule mark`);
  for (const key of Object.keys(before)) found.push(...differences(before[key], now[key], `${path}.${key}`, depth - 1, seen));
  return found;
}

test('lsp-protocol.js exposes what vscode-languageserver-protocol does, name by name', () => {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- the bundle is CommonJS
  const bundled = require(join(REPO, 'dist', 'lsp-protocol.js')) as { common: object; node: object };
  const library = {
    common: fromClient('vscode-languageserver-protocol') as object,
    node: fromClient('vscode-languageserver-protocol/node') as object,
  };
  assert.ok(Object.keys(library.node).length > 200, 'the library is loaded');
  assert.deepEqual(differences(library, bundled, 'protocol', 4), []);
});

test("afterActivation.js gives vscode-languageclient's LanguageClient, with its version check", () => {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- the bundle is CommonJS, loaded after the vscode stand-in
  const bundled = require(join(REPO, 'dist', 'afterActivation.js')) as Record<string, unknown>;
  const library = fromRepo('vscode-languageclient/node') as Record<string, unknown>;
  for (const name of ['CloseAction', 'ErrorAction', 'IPCMessageReader', 'IPCMessageWriter', 'LanguageClient']) {
    assert.deepEqual(differences(library[name], bundled[name], name, 3), [], name);
  }
  type Client = new (id: string, name: string, server: object, options: object) => { start: unknown };
  const methods = (client: Client) => {
    const names: string[] = [];
    for (
      let proto = client.prototype as object | null;
      proto && proto !== Object.prototype;
      proto = Object.getPrototypeOf(proto) as object | null
    ) {
      names.push(...Object.getOwnPropertyNames(proto));
    }
    return names;
  };
  const LanguageClient = bundled['LanguageClient'] as Client;
  assert.deepEqual(methods(LanguageClient), methods(library['LanguageClient'] as Client));
  const server = { run: { module: 'server.js' }, debug: { module: 'server.js' } };
  for (const [version, accepted] of [
    ['1.96.0', true],
    ['1.97.0-insider', true],
    ['1.90.2', false],
    ['2.0.0', false],
    ['not a version', false],
  ] as const) {
    vscodeVersion = version;
    const create = () => new LanguageClient('lrLens', 'LR Lens', server, {});
    if (accepted) assert.equal(typeof create().start, 'function', version);
    else assert.throws(create, /VS Code version/, version);
  }
});

test('the client bundles no minimatch: the server registers no glob filter that would need it', async () => {
  const bundled = readFileSync(join(REPO, 'dist', 'afterActivation.js'), 'utf8');
  assert.match(bundled, /the client bundle has no glob matcher/, 'esbuild.mjs swapped in client/src/languageClientMinimatch.ts');
  // What the server advertises and registers, to a client that supports every dynamic registration.
  const child = spawn(process.execPath, [join(REPO, 'bin', 'lr-lens-language-server.js'), '--stdio'], { cwd: REPO });
  const connection = createProtocolConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
  const registered: string[] = [];
  connection.onRequest('client/registerCapability', (params: { registrations: { method: string }[] }) => {
    registered.push(...params.registrations.map((r) => r.method));
    return null;
  });
  connection.onRequest('workspace/configuration', (params: { items: unknown[] }) => params.items.map(() => ({})));
  const published = new Promise<void>((resolve) => connection.onNotification('textDocument/publishDiagnostics', () => resolve()));
  connection.listen();
  try {
    const dynamic = { dynamicRegistration: true };
    const result = (await connection.sendRequest('initialize', {
      processId: process.pid,
      rootUri: null,
      capabilities: {
        workspace: { configuration: true, didChangeConfiguration: dynamic, didChangeWatchedFiles: dynamic, fileOperations: dynamic },
        textDocument: { diagnostic: dynamic, synchronization: dynamic },
        notebookDocument: { synchronization: dynamic },
      },
    })) as { capabilities: Record<string, unknown> & { workspace?: Record<string, unknown> } };
    await connection.sendNotification('initialized', {});
    await connection.sendNotification('textDocument/didOpen', {
      textDocument: { uri: 'file:///tmp/train.yaml', languageId: 'yaml', version: 1, text: 'learning_rate: 1e-4\noutput_dir: o\n' },
    });
    await published;
    assert.ok(result.capabilities.textDocumentSync, 'the server answered initialize');
    for (const key of ['diagnosticProvider', 'notebookDocumentSync']) assert.equal(result.capabilities[key], undefined, key);
    assert.equal(result.capabilities.workspace?.['fileOperations'], undefined, 'workspace.fileOperations');
    assert.deepEqual(
      registered.filter((method) =>
        /^workspace\/(will|did)(Create|Rename|Delete)Files$|^textDocument\/diagnostic$|^notebookDocument\//.test(method),
      ),
      [],
    );
  } finally {
    await stopLanguageServer(connection, child);
  }
});
