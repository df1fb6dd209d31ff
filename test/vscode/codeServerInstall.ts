// Installs code-server (a real VS Code workbench and Node extension host, offline) from the npm registry into a
// cache folder, doing by hand what its postinstall would (it refuses root and downloads ripgrep from GitHub).
// See docs: shared reference vscode-e2e.md. Run directly to warm the cache: node --import tsx test/vscode/codeServerInstall.ts
import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, renameSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export const CODE_SERVER_VERSION = '4.100.3';
export const CACHE_ROOT = join(__dirname, '..', '..', 'node_modules', '.cache', 'lr-lens-code-server');
const INSTALL_DIR = join(CACHE_ROOT, CODE_SERVER_VERSION);
const MARKER = join(INSTALL_DIR, '.installed');

/** code-server's entry point (`node entry.js …`). */
export const CODE_SERVER_ENTRY = join(INSTALL_DIR, 'node_modules', 'code-server', 'out', 'node', 'entry.js');

/** Whether code-server is installed in the cache already (the benchmark measures only then: it never installs). */
export function codeServerInstalled(): boolean {
  return existsSync(MARKER) && existsSync(CODE_SERVER_ENTRY);
}

/** Debian packages the install needs (also in .ci/run). */
export const DEBIAN_BUILD_DEPS = 'build-essential python3 pkg-config libkrb5-dev libxkbfile-dev libsecret-1-dev libx11-dev ripgrep';

function run(command: string, args: string[], cwd: string, log: (line: string) => void): void {
  log(`$ (cd ${cwd} && ${command} ${args.join(' ')})`);
  try {
    execFileSync(command, args, {
      cwd,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: {
        ...process.env,
        npm_config_yes: 'true',
        npm_config_audit: 'false',
        npm_config_fund: 'false',
        npm_config_update_notifier: 'false',
      },
      maxBuffer: 64 * 1024 * 1024,
    });
  } catch (error) {
    const e = error as { stdout?: Buffer; stderr?: Buffer; message: string };
    throw new Error(
      `code-server install step failed: ${command} ${args.join(' ')} in ${cwd}\n${e.message}\n${String(e.stderr ?? '').slice(-4000)}\n` +
        `Debian build dependencies needed: ${DEBIAN_BUILD_DEPS}`,
      { cause: error },
    );
  }
}

function which(binary: string): string | undefined {
  for (const dir of (process.env['PATH'] ?? '').split(':')) {
    const candidate = join(dir, binary);
    if (dir && existsSync(candidate)) return candidate;
  }
  return undefined;
}

/** Installs once (about 2-3 minutes), then returns at once. Throws with a clear message when it cannot. */
export function ensureCodeServer(log: (line: string) => void = () => undefined): string {
  if (codeServerInstalled()) return CODE_SERVER_ENTRY;
  const rg = which('rg');
  if (!rg) throw new Error(`ripgrep (rg) is missing: code-server needs it. Install Debian's packages: ${DEBIAN_BUILD_DEPS}`);
  const npm = which('npm');
  if (!npm) throw new Error('npm is missing: it is needed to install code-server from the npm registry.');

  mkdirSync(CACHE_ROOT, { recursive: true });
  const staging = `${INSTALL_DIR}.partial-${process.pid}`;
  rmSync(staging, { recursive: true, force: true });
  mkdirSync(staging, { recursive: true });
  writeFileSync(join(staging, 'package.json'), JSON.stringify({ name: 'lr-lens-code-server', private: true }, null, 2));
  run('npm', ['install', `code-server@${CODE_SERVER_VERSION}`, '--ignore-scripts', '--no-save'], staging, log);
  run('npm', ['rebuild', 'argon2'], staging, log);
  const vscodeDir = join(staging, 'node_modules', 'code-server', 'lib', 'vscode');
  run('npm', ['install', '--omit=dev', '--ignore-scripts'], vscodeDir, log);
  run('npm', ['rebuild', 'node-pty', '@vscode/spdlog', '@vscode/deviceid', 'native-watchdog', 'kerberos'], vscodeDir, log);
  const rgTarget = join(vscodeDir, 'node_modules', '@vscode', 'ripgrep', 'bin');
  mkdirSync(rgTarget, { recursive: true });
  copyFileSync(rg, join(rgTarget, 'rg'));
  const link = (target: string, path: string) => {
    rmSync(path, { force: true });
    symlinkSync(target, path);
  };
  link('node_modules', join(vscodeDir, 'node_modules.asar'));
  link('code-linux.sh', join(vscodeDir, 'bin', 'remote-cli', 'code-server'));
  link('browser-linux.sh', join(vscodeDir, 'bin', 'helpers', 'browser.sh'));
  run('npm', ['install', '--omit=dev'], join(vscodeDir, 'extensions'), log);
  writeFileSync(join(staging, '.installed'), `code-server ${CODE_SERVER_VERSION}\n`);
  rmSync(INSTALL_DIR, { recursive: true, force: true });
  renameSync(staging, INSTALL_DIR);
  return CODE_SERVER_ENTRY;
}

if (require.main === module) {
  const started = Date.now();
  ensureCodeServer((line) => console.log(line));
  console.log(`code-server ${CODE_SERVER_VERSION} ready in ${((Date.now() - started) / 1000).toFixed(0)} s: ${CODE_SERVER_ENTRY}`);
}
