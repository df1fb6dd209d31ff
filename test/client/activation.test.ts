// Activation stays cheap and still leaves the extension working: activate() registers the commands and forks the
// language server (with the arguments vscode-languageclient would give it) before it returns, while the language client
// (vscode-languageclient, loaded from afterActivation.ts) is only created on the next turn of the event loop.
// The client bundle is built as esbuild.mjs builds it and loaded with a stand-in `vscode` module that records calls;
// the server is a stand-in script, so no LSP traffic happens here (the VS Code suite covers the real thing).
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import Module from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import * as esbuild from 'esbuild';
import { REPO } from '../helpers/lspClient';

const scratch = mkdtempSync(join(tmpdir(), 'lr-lens-activation-test-'));
after(() => rmSync(scratch, { recursive: true, force: true }));

interface Calls {
  commands: string[];
  watchers: number;
  errors: string[];
}

/** Anything: a callable, constructible, extensible stand-in for whatever else vscode-languageclient reads at load. */
const anything: unknown = new Proxy(function () {}, {
  get: (_target, key) => (key === 'prototype' ? {} : anything),
  construct: () => ({}),
});
const orAnything = <T extends object>(known: T): T =>
  new Proxy(known, { get: (target, key) => (key in target ? (target as Record<PropertyKey, unknown>)[key] : anything) });

/** A stand-in for the parts of the `vscode` API the client touches during and right after activation. */
function fakeVscode(calls: Calls) {
  return orAnything({
    ...Object.fromEntries(Object.entries(knownVscode(calls)).map(([name, value]) => [name, orAnything(value)])),
  });
}

function knownVscode(calls: Calls) {
  const disposable = { dispose() {} };
  const event = () => disposable;
  const output = { append() {}, info() {}, warn() {}, show() {}, dispose() {}, error: (message: string) => calls.errors.push(message) };
  return {
    StatusBarAlignment: { Left: 1, Right: 2 },
    window: {
      createOutputChannel: () => output,
      createStatusBarItem: () => ({ show() {}, hide() {}, dispose() {} }),
      onDidChangeActiveTextEditor: event,
      activeTextEditor: undefined,
      showErrorMessage: async () => undefined,
    },
    workspace: {
      onDidChangeTextDocument: event,
      createFileSystemWatcher: () => {
        calls.watchers++;
        // The language client is being created: this is as far as a stand-in API goes.
        throw new Error('no language client in this test');
      },
    },
    commands: {
      registerCommand: (id: string) => {
        calls.commands.push(id);
        return disposable;
      },
      executeCommand: async () => undefined,
    },
  };
}

function serverProcesses(): { pid: number; args: string }[] {
  return execFileSync('ps', ['-o', 'pid=,args=', '--ppid', String(process.pid)], { encoding: 'utf8' })
    .split('\n')
    .filter((line) => line.includes('dist/server.js'))
    .map((line) => ({ pid: Number(line.trim().split(/\s+/)[0]), args: line.trim() }));
}

test('activate() registers the commands and starts the server; the language client comes on the next turn', async () => {
  const bundle = join(scratch, 'client.js');
  await esbuild.build({
    entryPoints: [join(REPO, 'client', 'src', 'extension.ts')],
    outfile: bundle,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node18',
    external: ['vscode'],
    logLevel: 'warning',
  });
  // A stand-in server that stays up until killed.
  const extensionDir = join(scratch, 'extension');
  mkdirSync(join(extensionDir, 'dist'), { recursive: true });
  writeFileSync(join(extensionDir, 'dist', 'server.js'), 'setInterval(() => {}, 1000);\n');

  const calls: Calls = { commands: [], watchers: 0, errors: [] };
  const moduleApi = Module as unknown as { _resolveFilename: (request: string, ...rest: unknown[]) => string };
  const resolve = moduleApi._resolveFilename;
  moduleApi._resolveFilename = function (request: string, ...rest: unknown[]) {
    return request === 'vscode' ? 'vscode' : resolve.call(this, request, ...rest);
  };
  require.cache['vscode'] = { id: 'vscode', filename: 'vscode', loaded: true, exports: fakeVscode(calls) } as unknown as NodeJS.Module;
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- the built bundle is CommonJS, loaded after the vscode stub
    const extension = require(bundle) as { activate(context: unknown): unknown; deactivate(): Promise<void> };
    const context = { subscriptions: [] as unknown[], extensionUri: {}, asAbsolutePath: (path: string) => join(extensionDir, path) };
    const returned = extension.activate(context);
    assert.equal(returned, undefined, 'activate() returns at once: nothing to await');

    // Before anything else runs: the commands exist, the server process is starting, no client yet.
    assert.deepEqual(calls.commands.sort(), ['lrLens.restartServer', 'lrLens.showCurve']);
    const servers = serverProcesses();
    assert.equal(servers.length, 1, 'one server process, forked during activate()');
    const [server] = servers;
    assert.ok(server);
    assert.match(server.args, new RegExp(`dist/server\\.js --node-ipc --clientProcessId=${process.pid}$`));
    assert.equal(calls.watchers, 0, 'the language client is not created during activate()');

    // The next turn: the client is created (here it fails on the stand-in API, and says so in the output channel).
    await new Promise((resolve) => setImmediate(resolve));
    await new Promise((resolve) => setImmediate(resolve));
    assert.equal(calls.watchers, 1, 'the language client is created right after activation');
    assert.match(calls.errors.join('\n'), /The language client could not be created: no language client in this test/);

    // Deactivation stops the server that no client took over.
    await extension.deactivate();
    const deadline = Date.now() + 60_000;
    while (serverProcesses().some((p) => p.pid === server.pid) && Date.now() < deadline)
      await new Promise((resolve) => setTimeout(resolve, 50));
    assert.equal(serverProcesses().length, 0, 'the server process is gone after deactivate()');
  } finally {
    moduleApi._resolveFilename = resolve;
    delete require.cache['vscode'];
    for (const p of serverProcesses()) process.kill(p.pid, 'SIGKILL');
  }
});
