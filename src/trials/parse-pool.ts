import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { Issue } from '../domain/index.js';
import type { PreparedTrial } from './rows.js';
import type { ParseRequest } from './parse-worker.js';

/**
 * Parsing registry records (XML/JSON → trial → split and parsed eligibility criteria) costs several times
 * more than writing them, so large imports spread it over worker threads while the importing thread writes.
 * Results come back in submission order: a record imported twice keeps its last version, as without workers.
 */
export interface ParsedEntry {
  prepared: PreparedTrial[];
  format: 'api-v2-json' | 'legacy-xml' | null;
  issues: Issue[];
}

type Reply = ({ seq: number } & ParsedEntry) | { seq: number; crash: string };

/**
 * Worker count when the caller sets none: $ONCONAV_IMPORT_WORKERS, else one per core but one (the importing
 * thread writes, and parses a record itself whenever the workers are behind), at most 4; none on one core,
 * where a worker could only take turns with the importing thread. On the 2-core project machine one worker
 * beat two: each worker keeps its own parse caches, and three busy threads on two cores slowed each other
 * (26,127 replicated records: 1,454 against 1,325 trials/s, with 27 against 34 s of CPU).
 */
export function defaultParseWorkers(
  env: NodeJS.ProcessEnv = process.env,
  cores: number = availableParallelism(),
): number {
  if (env.ONCONAV_IMPORT_WORKERS !== undefined && env.ONCONAV_IMPORT_WORKERS !== '') {
    const n = Number(env.ONCONAV_IMPORT_WORKERS);
    if (Number.isInteger(n) && n >= 0) return Math.min(n, 64);
  }
  return Math.max(0, Math.min(4, cores - 1));
}

/**
 * The worker script beside this module. From TypeScript sources (tests, benchmarks) a small bootstrap
 * registers tsx's loader (a devDependency) in the worker first.
 */
function startWorker(): Worker {
  const fromSource = import.meta.url.endsWith('.ts');
  return new Worker(new URL(fromSource ? './parse-worker-dev.mjs' : './parse-worker.js', import.meta.url), {
    // A worker's live data is its bounded parse caches (~100 MB at most); a ceiling makes V8 collect
    // garbage instead of letting each thread's heap grow, which kept a 50,000-trial import above 1 GB.
    resourceLimits: { maxOldGenerationSizeMb: WORKER_HEAP_MB },
  });
}

/** Old-generation ceiling of a parse worker's heap. */
const WORKER_HEAP_MB = 320;

export class ParsePool {
  private readonly workers: Worker[] = [];
  private readonly waiting = new Map<
    number,
    { resolve: (r: ParsedEntry) => void; reject: (e: Error) => void }
  >();
  private seq = 0;
  private next = 0;
  private failure: Error | null = null;

  constructor(size: number) {
    for (let i = 0; i < size; i++) {
      const w = startWorker();
      w.on('message', (r: Reply) => this.settle(r));
      w.on('error', (err) => this.fail(err));
      w.on('exit', (code) => {
        if (code !== 0 && !this.closed)
          this.fail(new Error(`trial parse worker stopped (exit code ${code})`));
      });
      // Idle workers never keep the process alive; they are held while parses are in flight.
      w.unref();
      this.workers.push(w);
    }
  }

  /** True when the pool can take work (no worker has crashed, not closed). */
  get usable(): boolean {
    return this.failure === null && !this.closed;
  }

  get size(): number {
    return this.workers.length;
  }

  private hold(on: boolean): void {
    for (const w of this.workers)
      if (on) w.ref();
      else w.unref();
  }

  private closed = false;

  /** Parses one record on the next worker (round robin); rejects if the worker crashed. */
  parse(name: string, bytes: Uint8Array): Promise<ParsedEntry> {
    if (this.failure) return Promise.reject(this.failure);
    const seq = this.seq++;
    const w = this.workers[this.next++ % this.workers.length]!;
    // Transfer the bytes instead of copying them; a view into a larger (pooled) buffer is copied first.
    const own =
      bytes.byteOffset === 0 &&
      bytes.byteLength === bytes.buffer.byteLength &&
      bytes.buffer instanceof ArrayBuffer
        ? bytes
        : bytes.slice();
    const req: ParseRequest = { seq, name, bytes: own };
    return new Promise<ParsedEntry>((resolve, reject) => {
      if (this.waiting.size === 0) this.hold(true);
      this.waiting.set(seq, { resolve, reject });
      w.postMessage(req, [own.buffer as ArrayBuffer]);
    });
  }

  private settle(r: Reply): void {
    const p = this.waiting.get(r.seq);
    if (!p) return;
    this.waiting.delete(r.seq);
    if (this.waiting.size === 0) this.hold(false);
    if ('crash' in r) p.reject(new Error(`parsing failed: ${r.crash}`));
    else p.resolve({ prepared: r.prepared, format: r.format, issues: r.issues });
  }

  private fail(err: Error): void {
    this.failure ??= err;
    for (const p of this.waiting.values()) p.reject(err);
    this.waiting.clear();
    this.hold(false);
  }

  async close(): Promise<void> {
    this.closed = true;
    await Promise.all(this.workers.map((w) => w.terminate()));
  }
}

let shared: ParsePool | null = null;

/**
 * The process's parse pool, started on first use and kept (idle workers do not hold the process open), so
 * the parsers' caches stay warm across imports in one process, as they do on the importing thread.
 */
export function sharedParsePool(size: number): ParsePool {
  if (shared === null || !shared.usable || shared.size !== size) {
    void shared?.close();
    shared = new ParsePool(size);
  }
  return shared;
}
