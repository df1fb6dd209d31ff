import { getHeapStatistics, setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { performance } from 'node:perf_hooks';

/**
 * The language server's heap, kept small. Left to V8's defaults, a server that has read 150 configs holds
 * about twice the memory it needs: the young generation grows to 2 × 16 MB and stays there, and the old
 * generation's garbage is not collected until it reaches a limit sized for much bigger programs (no full
 * collection happens at all while the corpus is opened, nor in the 30 s idle after). Two measures, both taken
 * inside the process, so they hold however the server is started (the `lr-lens-language-server` bin,
 * `node bin/lr-lens-language-server.js`, or VS Code's client, which forks dist/server.js):
 *
 * - the young generation stays at its initial size (1 MB semi-spaces, what `--max-semi-space-size=1` gives):
 *   about 27 MB less, for roughly 10-25 % more CPU per analysis of a large file (more objects are promoted);
 * - full collections run by the server itself: one, compacting, when it goes idle after work that grew the
 *   heap, so the old generation's garbage is handed back after a burst of opens or edits; and within a burst,
 *   a plain one after the heap has grown by 6 MB: while documents are being opened (a workspace restored, a
 *   folder of configs opened), spaced so that such collections take at most 1/20 of the time (one that took
 *   5 ms waits 100 ms before the next); while someone types, at most once per 30 s, and never right after a
 *   request (a completion, hover, ...), so that no collection stands between a keystroke and its answer
 *   (completion right after an edit: 8 ms p95 with these, 15 ms with the spaced ones). Not after every piece of
 *   work: a forced collection after every edit of a 76 KB config doubled the CPU time of the edit.
 *
 * `LR_LENS_HEAP_TUNING=0` in the server's environment turns both off (V8's defaults).
 */

/** Heap growth since the last collection that triggers one right after the current work, even in a burst... */
const GROWTH_BEFORE_COLLECTING = 6 * 1024 * 1024;
/** ...while opening documents, once this many times the last collection's duration has passed (at most 1/20 of the time)... */
const SPACING_PER_COLLECTION_MS = 20;
/** ...and while editing, once this long has passed, so a burst of edits to a large file pays for few collections. */
const MIN_MS_BETWEEN_COLLECTIONS_WHILE_EDITING = 30_000;
/** Quiet time after the last piece of work before the idle collection. */
const IDLE_MS = 1000;
/** The idle collection is skipped when the heap has grown less than this since the last one. */
const IDLE_GROWTH_WORTH_COLLECTING = 1024 * 1024;

const tuningOn = () => process.env.LR_LENS_HEAP_TUNING !== '0';

/**
 * Stops the young generation from growing past its current (initial) size. Call before anything else
 * allocates much: the semi-space grows while the bundle's modules initialize.
 */
export function capYoungGeneration(): void {
  if (!tuningOn()) return;
  try {
    setFlagsFromString('--semi-space-growth-factor=1');
  } catch {
    // an engine without the flag: the defaults stay
  }
}

/** Runs a full collection when the server goes idle after work that grew the heap. */
export class HeapKeeper {
  private collect: (() => void) | null = null;
  private liveAfterLastCollection = getHeapStatistics().used_heap_size;
  private idleTimer: ReturnType<typeof setTimeout> | undefined;
  private lastCollectionAt = -Infinity;
  /** How long the last collection took, in ms. */
  private lastCollectionMs = 0;
  private collectionQueued = false;

  constructor(enabled = tuningOn()) {
    if (!enabled) return;
    try {
      // The `gc` function exists only in contexts created after --expose-gc is set (as Jest's leak detector does).
      setFlagsFromString('--expose-gc');
      const gc: unknown = runInNewContext('typeof gc === "function" ? gc : null');
      this.collect = typeof gc === 'function' ? (gc as () => void) : null;
    } catch {
      this.collect = null;
    }
  }

  /**
   * After a piece of work: diagnostics published for a document just opened (`open`) or edited (`edit`), or a
   * request answered (`request`, which only waits for the idle collection).
   */
  afterWork(kind: 'open' | 'edit' | 'request'): void {
    if (!this.collect) return;
    const grown = getHeapStatistics().used_heap_size - this.liveAfterLastCollection;
    const spacing = kind === 'open' ? SPACING_PER_COLLECTION_MS * this.lastCollectionMs : MIN_MS_BETWEEN_COLLECTIONS_WHILE_EDITING;
    const spaced = performance.now() - this.lastCollectionAt >= spacing;
    if (kind !== 'request' && grown > GROWTH_BEFORE_COLLECTING && !this.collectionQueued && spaced) {
      this.collectionQueued = true;
      // After the current turn, so the reply goes out first.
      setImmediate(() => {
        this.collectionQueued = false;
        this.collectNow(false);
      });
    }
    clearTimeout(this.idleTimer);
    this.idleTimer = setTimeout(() => {
      if (getHeapStatistics().used_heap_size - this.liveAfterLastCollection > IDLE_GROWTH_WORTH_COLLECTING) this.collectNow(true);
    }, IDLE_MS);
    this.idleTimer.unref?.();
  }

  /**
   * A full collection. Compacting when idle, so the pages the garbage was scattered over are handed back (a plain
   * full collection frees the objects but keeps nearly every old-generation page for reuse); plain in a burst,
   * where compacting costs several times more.
   */
  private collectNow(compact: boolean): void {
    if (!this.collect) return;
    if (compact) setFlagsFromString('--compact-on-every-full-gc');
    const start = performance.now();
    try {
      this.collect();
    } finally {
      if (compact) setFlagsFromString('--no-compact-on-every-full-gc');
    }
    this.lastCollectionAt = performance.now();
    this.lastCollectionMs = this.lastCollectionAt - start;
    this.liveAfterLastCollection = getHeapStatistics().used_heap_size;
  }
}
