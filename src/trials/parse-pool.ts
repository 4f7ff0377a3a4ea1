import { Worker } from 'node:worker_threads';
import type { Issue, Trial } from '../domain/index.js';
import type { ParseRequest } from './parse-worker.js';

/**
 * Parsing registry records (XML/JSON → trial → split and parsed eligibility criteria) costs several times
 * more than writing them, so large imports spread it over worker threads while the importing thread writes.
 * Results come back in submission order: a record imported twice keeps its last version, as without workers.
 */
export interface ParsedEntry {
  trials: Trial[];
  format: 'api-v2-json' | 'legacy-xml' | null;
  issues: Issue[];
}

type Reply = ({ seq: number } & ParsedEntry) | { seq: number; crash: string };

/** Worker count when the caller sets none: ONCONAV_IMPORT_WORKERS, else none (see docs/trials.md). */
export function defaultParseWorkers(env: NodeJS.ProcessEnv = process.env): number {
  const n = Number(env.ONCONAV_IMPORT_WORKERS ?? 0);
  return Number.isInteger(n) && n >= 0 ? Math.min(n, 64) : 0;
}

/**
 * The worker script beside this module. From TypeScript sources (tests, benchmarks) a small bootstrap
 * registers tsx's loader (a devDependency) in the worker first.
 */
function startWorker(): Worker {
  const fromSource = import.meta.url.endsWith('.ts');
  return new Worker(new URL(fromSource ? './parse-worker-dev.mjs' : './parse-worker.js', import.meta.url));
}

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
      this.workers.push(w);
    }
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
      this.waiting.set(seq, { resolve, reject });
      w.postMessage(req, [own.buffer as ArrayBuffer]);
    });
  }

  private settle(r: Reply): void {
    const p = this.waiting.get(r.seq);
    if (!p) return;
    this.waiting.delete(r.seq);
    if ('crash' in r) p.reject(new Error(`parsing failed: ${r.crash}`));
    else p.resolve({ trials: r.trials, format: r.format, issues: r.issues });
  }

  private fail(err: Error): void {
    this.failure ??= err;
    for (const p of this.waiting.values()) p.reject(err);
    this.waiting.clear();
  }

  async close(): Promise<void> {
    this.closed = true;
    await Promise.all(this.workers.map((w) => w.terminate()));
  }
}
