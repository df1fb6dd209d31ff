#!/usr/bin/env node
'use strict';
// Starts the CLI bundle (dist/cli.js) with a V8 code cache, so later runs skip compiling it (Node 20 has no
// module.enableCompileCache). The cache is written after the first run, when the functions that run used
// are compiled too, to node_modules/.cache/lr-lens beside the package or else a private directory in the OS
// temp dir; it is keyed by the bundle's hash, Node's version and the architecture. Anything that goes wrong
// with it (unwritable, corrupt, rejected by V8) is ignored: the bundle then runs as without one.
// LR_LENS_CODE_CACHE=0 turns it off; LR_LENS_CACHE_DIR=DIR puts it in DIR.
const fs = require('node:fs');
const path = require('node:path');

const bundle = path.join(__dirname, '..', 'dist', 'cli.js');

// A CLI run lasts about a second: V8's default tier-up budget has TurboFan optimising many lukewarm functions
// on background threads, work that rarely pays back before the process exits. Three times the budget keeps
// the main thread as fast (the hot parser loops are still optimised) and cuts the run's total CPU by about a
// third (corpus check, 150 files: 1.97 -> 1.26 s of CPU, main thread 0.98 -> 0.93 s), which is what a busy
// machine feels. Set before the bundle is compiled, so the code cache's
// flag hash is the same on every run.
try {
  require('node:v8').setFlagsFromString('--interrupt-budget=400000');
} catch {
  // an engine without the flag: the default budget
}

function cacheDirectories() {
  if (process.env.LR_LENS_CACHE_DIR) return [{ dir: process.env.LR_LENS_CACHE_DIR, private: false }];
  const uid = typeof process.getuid === 'function' ? process.getuid() : undefined;
  return [
    { dir: path.join(__dirname, '..', 'node_modules', '.cache', 'lr-lens'), private: false },
    { dir: path.join(require('node:os').tmpdir(), `lr-lens-${uid ?? 'user'}`), private: true },
  ];
}

/** A directory in a shared temp dir is used only when it is ours and nobody else may write in it. */
function trusted(dir) {
  if (typeof process.getuid !== 'function') return true;
  const stats = fs.statSync(dir);
  return stats.isDirectory() && stats.uid === process.getuid() && (stats.mode & 0o022) === 0;
}

function readCache(name) {
  for (const { dir, private: isPrivate } of cacheDirectories()) {
    try {
      if (isPrivate && !trusted(dir)) continue;
      return fs.readFileSync(path.join(dir, name));
    } catch {
      // not there: try the next place
    }
  }
  return undefined;
}

function writeCache(name, data) {
  for (const { dir, private: isPrivate } of cacheDirectories()) {
    try {
      fs.mkdirSync(dir, { recursive: true, mode: isPrivate ? 0o700 : 0o777 });
      if (isPrivate && !trusted(dir)) continue;
      const temporary = path.join(dir, `${name}.${process.pid}.tmp`);
      fs.writeFileSync(temporary, data);
      fs.renameSync(temporary, path.join(dir, name));
      return;
    } catch {
      // unwritable: try the next place
    }
  }
}

function runWithCodeCache() {
  const vm = require('node:vm');
  const Module = require('node:module');
  const source = fs.readFileSync(bundle, 'utf8');
  const key = require('node:crypto').createHash('sha256').update(source).update(`\0${process.version}\0${process.arch}`).digest('hex').slice(0, 24);
  const name = `cli-${key}.v8cache`;
  const cachedData = readCache(name);
  // The wrapper Node puts around a CommonJS module, on its own line so line numbers stay the bundle's.
  const script = new vm.Script(`(function (exports, require, module, __filename, __dirname) {\n${source}\n})`, {
    filename: bundle,
    lineOffset: -1,
    ...(cachedData ? { cachedData } : {}),
  });
  const cli = new Module(bundle, module);
  cli.filename = bundle;
  cli.paths = Module._nodeModulePaths(path.dirname(bundle));
  const wrapper = script.runInThisContext();
  wrapper.call(cli.exports, cli.exports, Module.createRequire(bundle), cli, bundle, path.dirname(bundle));
  cli.loaded = true;
  // After the run, so the functions it called are in the cache too.
  if (!cachedData || script.cachedDataRejected) {
    try {
      writeCache(name, script.createCachedData());
    } catch {
      // no cache this time
    }
  }
}

if (process.env.LR_LENS_CODE_CACHE === '0') require(bundle);
else runWithCodeCache();
