import { readFileSync } from 'node:fs';
import { availableParallelism, cpus as osCpus, loadavg } from 'node:os';
import { basename } from 'node:path';
import type { MessagePort } from 'node:worker_threads';

/**
 * `lr-lens check` over many files: the main thread and worker threads take files from one shared counter
 * (largest first, so the last ones are small) and the results come back in the files' order. Synchronous on
 * the main thread (workers answer through a port read with `receiveMessageOnPort`, waited for with
 * `Atomics.wait`), so the CLI stays one straight run. A job is whatever the caller analyses: it must survive
 * structured cloning, and so must its result.
 */

/** Below this much text a worker's start (a Node thread and the bundle, about 100 ms of CPU) does not pay. */
const MIN_BYTES_FOR_WORKERS = 128 * 1024;
/** Text a worker must have to itself to be worth starting. */
const BYTES_PER_WORKER = 96 * 1024;
const MAX_WORKERS = 3;
/** Idle CPU (in cores, measured while this process started) a worker needs: on a busy machine it only adds its start. */
const IDLE_CORES_PER_WORKER = 0.6;

const WORKER_MARK = 'lr-lens-check-worker';
/** Set in a worker's environment, so the main thread can tell it is not one without loading worker_threads. */
const WORKER_ENV = 'LR_LENS_CHECK_WORKER';

/** node:worker_threads, loaded only where threads are used (it costs the CLI's start about 4 ms otherwise). */
function workerThreads(): typeof import('node:worker_threads') {
  return require('node:worker_threads') as typeof import('node:worker_threads');
}

/** Slots of the shared counters. */
const NEXT = 0;
const POSTED = 1;
const EXITED = 2;

interface WorkerData<Job> {
  mark: typeof WORKER_MARK;
  jobs: Job[];
  order: number[];
  shared: SharedArrayBuffer;
  port: MessagePort;
}

type Answer<Result> = { index: number; result: Result } | { index: number; failed: string };

/** Idle and total CPU time of the whole machine so far, in clock ticks (Linux: /proc/stat; elsewhere os.cpus()). */
function machineTimes(): { idle: number; total: number } | null {
  try {
    if (process.platform === 'linux') {
      const fields = readFileSync('/proc/stat', 'latin1').slice(0, 200).split('\n', 1)[0]!.trim().split(/\s+/).slice(1, 9).map(Number);
      // user nice system idle iowait irq softirq steal
      return { idle: fields[3]! + fields[4]!, total: fields.reduce((sum, n) => sum + n, 0) };
    }
    const cpus = osCpus();
    return {
      idle: cpus.reduce((sum, cpu) => sum + cpu.times.idle, 0),
      total: cpus.reduce((sum, cpu) => sum + cpu.times.user + cpu.times.nice + cpu.times.sys + cpu.times.idle + cpu.times.irq, 0),
    };
  } catch {
    return null;
  }
}

/** Taken when the CLI is loaded: how idle the machine is while it starts up decides the workers. */
const timesAtLoad = process.env[WORKER_ENV] === WORKER_MARK ? null : machineTimes();

/** Idle cores since the CLI was loaded (this process's own main thread is busy meanwhile), or null when unknown. */
function idleCores(cores: number): number | null {
  const now = machineTimes();
  if (!timesAtLoad || !now) return null;
  const total = now.total - timesAtLoad.total;
  // Fewer than about 4 ticks per core (40 ms on Linux) says too little.
  if (total < 4 * cores) return null;
  return ((now.idle - timesAtLoad.idle) / total) * cores;
}

/**
 * Worker threads worth starting for jobs of these sizes: none on one core, for little text, or when the
 * machine's other cores are busy. LR_LENS_WORKERS=N decides instead.
 */
export function workerCount(sizes: readonly number[]): number {
  const forced = process.env.LR_LENS_WORKERS;
  if (forced !== undefined && /^\d+$/.test(forced)) return Math.min(Number(forced), Math.max(0, sizes.length - 1));
  const bytes = sizes.reduce((sum, size) => sum + size, 0);
  if (sizes.length < 2 || bytes < MIN_BYTES_FOR_WORKERS) return 0;
  const cores = availableParallelism();
  if (cores < 2) return 0;
  // Unknown idleness (a very short start, or no way to measure): the 1-minute load average, which counts this process too.
  const idle = idleCores(cores) ?? (process.platform === 'win32' ? cores - 1 : cores - loadavg()[0]!);
  return Math.max(0, Math.min(cores - 1, MAX_WORKERS, sizes.length - 1, Math.floor(bytes / BYTES_PER_WORKER), Math.floor(idle / IDLE_CORES_PER_WORKER)));
}

/**
 * The script a worker starts: the one this process started from when it is LR Lens's own (bin/lr-lens.js
 * loads the bundle with its code cache), else the bundle itself.
 */
function workerEntry(): string {
  const main = require.main?.filename;
  return main && (main === __filename || basename(main) === 'lr-lens.js') ? main : __filename;
}

/** A worker silent this long is given up on: what it took is done here (a late answer is ignored). */
const SILENCE_LIMIT_MS = 20_000;

/** Who did the work, for LR_LENS_WORKER_STATS=1. */
export interface JobStats {
  workersStarted: number;
  onMainThread: number;
}

/** Runs `analyse` over every job on this thread and `workers` others; results in job order. */
export function runJobs<Job, Result>(
  jobs: readonly Job[],
  sizes: readonly number[],
  workers: number,
  analyse: (job: Job) => Result,
  stats: JobStats = { workersStarted: 0, onMainThread: 0 },
): Result[] {
  const results = new Array<Result>(jobs.length);
  const done = new Array<boolean>(jobs.length).fill(false);
  let remaining = jobs.length;
  const finish = (index: number, result: Result, here = true) => {
    if (done[index]) return;
    if (here) stats.onMainThread++;
    results[index] = result;
    done[index] = true;
    remaining--;
  };
  const order = jobs.map((_, index) => index).sort((a, b) => sizes[b]! - sizes[a]! || a - b);
  const counters = new Int32Array(new SharedArrayBuffer(3 * Int32Array.BYTES_PER_ELEMENT));
  const inboxes: MessagePort[] = [];
  const { MessageChannel, receiveMessageOnPort, Worker } = workers > 0 && jobs.length > 1 ? workerThreads() : ({} as typeof import('node:worker_threads'));
  for (let i = 0; i < workers && jobs.length > 1; i++) {
    const { port1: inbox, port2: outbox } = new MessageChannel();
    try {
      const data: WorkerData<Job> = { mark: WORKER_MARK, jobs: [...jobs], order, shared: counters.buffer as SharedArrayBuffer, port: outbox };
      const worker = new Worker(workerEntry(), {
        workerData: data,
        transferList: [outbox],
        argv: [],
        env: { ...process.env, [WORKER_ENV]: WORKER_MARK },
        stdout: false,
        stderr: false,
      });
      // A worker that fails only loses its share, which this thread then does (see below): never a crash here.
      worker.on('error', () => undefined);
      // The run never waits for a worker to end: the shared counter tells it when nothing is left.
      worker.unref();
      inboxes.push(inbox);
      stats.workersStarted++;
    } catch {
      inbox.close();
    }
  }
  const receive = (): boolean => {
    let any = false;
    for (const inbox of inboxes) {
      for (let message = receiveMessageOnPort(inbox)?.message as Answer<Result> | undefined; message; message = receiveMessageOnPort(inbox)?.message as Answer<Result> | undefined) {
        any = true;
        // A job that failed in a worker is done again here, so its error (if it has one) is the main thread's.
        if (!done[message.index]) finish(message.index, 'result' in message ? message.result : analyse(jobs[message.index]!), !('result' in message));
      }
    }
    return any;
  };
  for (let k = Atomics.add(counters, NEXT, 1); k < order.length; k = Atomics.add(counters, NEXT, 1)) {
    finish(order[k]!, analyse(jobs[order[k]!]!));
    receive();
  }
  // What is left was taken by workers.
  let lastNews = Date.now();
  while (remaining > 0) {
    const posted = Atomics.load(counters, POSTED);
    if (receive()) {
      lastNews = Date.now();
      continue;
    }
    const allExited = Atomics.load(counters, EXITED) >= inboxes.length;
    if (allExited || Date.now() - lastNews > SILENCE_LIMIT_MS) {
      // Workers that stopped (or died, or hang) without answering: their jobs are done here.
      receive();
      done.forEach((isDone, index) => isDone || finish(index, analyse(jobs[index]!)));
      break;
    }
    Atomics.wait(counters, POSTED, posted, 100);
  }
  for (const inbox of inboxes) inbox.close();
  return results;
}

/** In a worker started by `runJobs`: true after the worker has taken jobs until none were left. */
export function runAsWorker<Job, Result>(analyse: (job: Job) => Result): boolean {
  if (process.env[WORKER_ENV] !== WORKER_MARK) return false;
  const { isMainThread, workerData } = workerThreads();
  if (isMainThread || (workerData as Partial<WorkerData<Job>> | null)?.mark !== WORKER_MARK) return false;
  const { jobs, order, shared, port } = workerData as WorkerData<Job>;
  const counters = new Int32Array(shared);
  process.on('exit', () => {
    Atomics.add(counters, EXITED, 1);
    Atomics.notify(counters, POSTED);
  });
  for (let k = Atomics.add(counters, NEXT, 1); k < order.length; k = Atomics.add(counters, NEXT, 1)) {
    const index = order[k]!;
    let answer: Answer<Result>;
    try {
      answer = { index, result: analyse(jobs[index]!) };
    } catch (error) {
      answer = { index, failed: error instanceof Error ? (error.stack ?? error.message) : String(error) };
    }
    port.postMessage(answer);
    Atomics.add(counters, POSTED, 1);
    Atomics.notify(counters, POSTED);
  }
  port.close();
  return true;
}
