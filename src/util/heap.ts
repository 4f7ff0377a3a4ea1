import { getHeapStatistics, setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

/**
 * Keeps a long-running loop's dead objects from piling up. V8 lets the old generation grow to several times
 * what survived its last full collection before it collects again; in a bulk import the importing thread holds
 * each parsed record only until it is written, but long enough to be promoted, so a 30,000-trial import left
 * ~150 MB of dead records on its heap (peak RSS 545 MB; 437–460 MB with a full collection every few thousand
 * trials, and no slower). `check()` is cheap: it reads the heap size and collects only when the heap has grown
 * by `slackBytes` since the last collection.
 *
 * A full collection on request needs V8's `gc` function, which Node exposes only with --expose-gc; the flag is
 * set at run time and the function taken from a fresh context (as test runners do for leak detection). If that
 * is refused, `check()` does nothing and V8 keeps its own schedule.
 */
export class HeapGuard {
  private base = getHeapStatistics().used_heap_size;
  constructor(private readonly slackBytes = 96 * 1024 * 1024) {}

  /** Collects garbage now if the heap has grown by more than the slack since the last collection. */
  check(): boolean {
    const used = getHeapStatistics().used_heap_size;
    if (used - this.base < this.slackBytes) return false;
    const gc = fullGc();
    if (!gc) return false;
    gc();
    this.base = getHeapStatistics().used_heap_size;
    return true;
  }
}

let gcFn: (() => void) | null | undefined;

function fullGc(): (() => void) | null {
  if (gcFn !== undefined) return gcFn;
  const own = (globalThis as { gc?: unknown }).gc;
  if (typeof own === 'function') return (gcFn = own as () => void);
  try {
    setFlagsFromString('--expose-gc');
    const fn = runInNewContext('gc') as unknown;
    gcFn = typeof fn === 'function' ? (fn as () => void) : null;
  } catch {
    gcFn = null;
  }
  return gcFn;
}
