// The code-server harness shared by the VS Code end-to-end suite (codeServer.test.ts) and the activation benchmark
// (test/bench/activation.bench.ts): start code-server offline on 127.0.0.1 with everything under a temp folder, copy a
// workspace, build workbench URLs (with the `payload` that runs an extension-host entry), and run such an entry.
import { spawn, type ChildProcess } from 'node:child_process';
import { cpSync, mkdirSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { format } from 'node:util';
import type { BrowserContext } from 'playwright-core';
import { REPO } from '../helpers/lspClient';

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

export async function poll<T>(
  what: string,
  probe: () => Promise<T | undefined | false> | T | undefined | false,
  timeoutMs: number,
  details: () => string = () => '',
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}${details() ? `\n${details()}` : ''}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

export interface CodeServer {
  port: number;
  origin: string;
  process: ChildProcess;
  output: string[];
  stop(): Promise<void>;
}

/** Starts code-server with everything (HOME, TMPDIR, XDG_*) under `root`, so nothing touches the real home. */
export async function startCodeServer(entry: string, root: string): Promise<CodeServer> {
  const port = await freePort();
  const home = join(root, 'home');
  const userData = join(root, 'user-data');
  const extensions = join(root, 'extensions');
  for (const dir of [
    home,
    join(root, 'tmp'),
    join(root, 'xdg-config'),
    join(root, 'xdg-data'),
    join(root, 'xdg-cache'),
    join(userData, 'User'),
    extensions,
  ]) {
    mkdirSync(dir, { recursive: true });
  }
  writeFileSync(
    join(userData, 'User', 'settings.json'),
    JSON.stringify({
      'workbench.startupEditor': 'none',
      'security.workspace.trust.enabled': false,
      'telemetry.telemetryLevel': 'off',
      'update.mode': 'none',
      'extensions.autoCheckUpdates': false,
      'extensions.autoUpdate': false,
      'workbench.enableExperiments': false,
      'workbench.tips.enabled': false,
      'editor.codeLens': true,
      'git.enabled': false,
    }),
  );
  const config = join(root, 'code-server.yaml');
  writeFileSync(config, `bind-addr: 127.0.0.1:${port}\nauth: none\ncert: false\n`);
  const env: NodeJS.ProcessEnv = {
    PATH: process.env['PATH'],
    LANG: 'C.UTF-8',
    HOME: home,
    TMPDIR: join(root, 'tmp'),
    XDG_CONFIG_HOME: join(root, 'xdg-config'),
    XDG_DATA_HOME: join(root, 'xdg-data'),
    XDG_CACHE_HOME: join(root, 'xdg-cache'),
    // No extension gallery: the workbench must not reach for the network.
    EXTENSIONS_GALLERY: '{}',
  };
  const args = [
    entry,
    '--auth',
    'none',
    '--bind-addr',
    `127.0.0.1:${port}`,
    '--disable-telemetry',
    '--disable-update-check',
    '--disable-workspace-trust',
    '--config',
    config,
    '--user-data-dir',
    userData,
    '--extensions-dir',
    extensions,
  ];
  // Its own process group, so stopping it stops the children it started (extension hosts, the language server).
  const child = spawn(process.execPath, args, { env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  const output: string[] = [];
  child.stdout.on('data', (chunk) => output.push(String(chunk)));
  child.stderr.on('data', (chunk) => output.push(String(chunk)));
  const origin = `http://127.0.0.1:${port}`;
  const stop = async () => {
    // No pid: the spawn itself failed, there is no process group to stop.
    const pid = child.pid;
    if (pid === undefined || child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    try {
      process.kill(-pid, 'SIGTERM');
    } catch {
      return;
    }
    const timer = setTimeout(() => {
      try {
        process.kill(-pid, 'SIGKILL');
      } catch {
        // gone
      }
    }, 5000);
    await exited;
    clearTimeout(timer);
    // Grandchildren outside the group may still hold the pipes: stop reading so this process can exit.
    child.stdout.destroy();
    child.stderr.destroy();
  };
  try {
    await poll(
      'code-server to answer /healthz',
      async () => {
        if (child.exitCode !== null) throw new Error(`code-server exited with ${child.exitCode}:\n${output.join('')}`);
        try {
          return (await fetch(`${origin}/healthz`)).ok;
        } catch {
          return false;
        }
      },
      60_000,
      () => output.join('').slice(-3000),
    );
  } catch (error) {
    await stop();
    throw error;
  }
  return { port, origin, process: child, output, stop };
}

export function workspaceCopy(root: string, name: string): string {
  const folder = join(root, name);
  cpSync(join(REPO, 'examples'), folder, { recursive: true });
  return folder;
}

export function workbenchUrl(server: CodeServer, folder: string, payload: [string, string][]): string {
  return `${server.origin}/?folder=${encodeURIComponent(folder)}&payload=${encodeURIComponent(JSON.stringify(payload))}`;
}

/** The `vscode-remote:` URI the workbench (served at `server`) uses for a path on the machine. */
export function remoteUri(server: CodeServer, path: string): string {
  return `vscode-remote://127.0.0.1:${server.port}${path}`;
}

/**
 * Loads the workbench on `folder` with the extension(s) at `extensionDevelopmentPath` and runs the extension-host entry
 * `extensionTestsPath` (a CommonJS file exporting `run()`, as for @vscode/test-electron) in a fresh page, hence a
 * fresh extension host. Resolves with the entry's exit code and its console output (the lines the workbench relays).
 */
export async function runExtensionHostEntry(
  context: BrowserContext,
  server: CodeServer,
  options: { folder: string; extensionDevelopmentPath: string | string[]; extensionTestsPath: string; timeoutMs: number },
): Promise<{ code: number; log: string[] }> {
  const page = await context.newPage();
  const log: string[] = [];
  let exit: (code: number) => void = () => undefined;
  const exited = new Promise<number>((resolve) => (exit = resolve));
  try {
    // The workbench reports the entry's console output and, at the end, its exit code through these.
    await page.exposeFunction('codeAutomationLog', (type: string, args: unknown[]) => {
      log.push(`${type}: ${format(...(args as [unknown, ...unknown[]]))}`);
    });
    await page.exposeFunction('codeAutomationExit', (code: number) => exit(code));
    await page.goto(
      workbenchUrl(server, options.folder, [
        ...[options.extensionDevelopmentPath].flat().map((path): [string, string] => ['extensionDevelopmentPath', remoteUri(server, path)]),
        ['extensionTestsPath', remoteUri(server, options.extensionTestsPath)],
      ]),
    );
    let timer: ReturnType<typeof setTimeout> | undefined;
    const code = await Promise.race([
      exited,
      new Promise<never>((_, reject) => {
        timer = setTimeout(
          () => reject(new Error(`the extension-host entry did not finish in ${options.timeoutMs / 1000} s:\n${log.join('\n')}`)),
          options.timeoutMs,
        );
      }),
    ]).finally(() => clearTimeout(timer));
    return { code, log };
  } finally {
    await page.close();
  }
}
