import { createReadStream, readdirSync, readFileSync, statSync } from 'node:fs';
import { readdir, stat } from 'node:fs/promises';
import { extname, join } from 'node:path';
import { Unzip, UnzipInflate } from 'fflate';
import type { Issue } from '../domain/index.js';
import type { Db } from '../store/db.js';
import { HeapGuard } from '../util/heap.js';
import { trialsFromBytes } from './from-bytes.js';
import { defaultParseWorkers, sharedParsePool, type ParsedEntry, type ParsePool } from './parse-pool.js';
import { prepareTrialRows } from './rows.js';
import { TrialStore } from './store.js';

export { trialsFromBytes };

/**
 * `onconav trials import <path…>`: files, folders (recursively) and zip archives holding ClinicalTrials.gov
 * API v2 JSON (one study, a `studies` page, an array of studies — the bulk download is a zip of one JSON
 * per study) or legacy XML (`<clinical_study>`, the retired AllPublicXML zip). Everything is written in one
 * transaction: a failed or aborted import leaves the store as it was.
 */
export interface ImportOptions {
  signal?: AbortSignal;
  onProgress?: (p: { files: number; trials: number; current?: string }) => void;
  /** Clock for the import time stored with each trial. */
  now?: () => Date;
  /**
   * Worker threads that parse records while this thread writes them; 0 parses on this thread. Default:
   * $ONCONAV_IMPORT_WORKERS, else one per core but one (at most 4, none on one core; see defaultParseWorkers).
   */
  workers?: number;
  /**
   * Records parsed on the importing thread before the workers start (default 200): a worker takes most of
   * a second to load the parsers, which small imports (a sync page, a few files) would only wait for.
   */
  workersAfter?: number;
}

export interface ImportResult {
  files: number;
  trials: number;
  inserted: number;
  updated: number;
  /** Records that could not be read (each has an issue). */
  skipped: number;
  byFormat: Record<'api-v2-json' | 'legacy-xml', number>;
  issues: Issue[];
}

export type ImportEntry = { name: string; read: () => Promise<Uint8Array> };

async function* walk(path: string, issues: Issue[]): AsyncGenerator<ImportEntry> {
  let st;
  try {
    // Synchronous metadata and reads: one event-loop round trip per file cost more than the read itself.
    st = statSync(path);
  } catch (err) {
    issues.push({
      severity: 'error',
      code: 'trials.path-unreadable',
      message: `cannot read ${path}: ${(err as Error).message}`,
      file: path,
    });
    return;
  }
  if (st.isDirectory()) {
    const names = readdirSync(path).sort();
    for (const n of names) {
      if (n.startsWith('.')) continue;
      yield* walk(join(path, n), issues);
    }
    return;
  }
  const ext = extname(path).toLowerCase();
  if (ext === '.zip') {
    yield* zipEntries(path, issues);
    return;
  }
  if (ext === '.json' || ext === '.xml')
    yield { name: path, read: () => Promise.resolve(new Uint8Array(readFileSync(path))) };
}

/** Streams a zip archive entry by entry (fflate), so the 1–2 GB bulk downloads need not fit in memory at once. */
async function* zipEntries(path: string, issues: Issue[]): AsyncGenerator<ImportEntry> {
  const ready: ImportEntry[] = [];
  let failure: Error | null = null;
  const unzip = new Unzip((file) => {
    const ext = extname(file.name).toLowerCase();
    if (ext !== '.json' && ext !== '.xml') return;
    const chunks: Uint8Array[] = [];
    file.ondata = (err, data, final) => {
      if (err) {
        issues.push({
          severity: 'error',
          code: 'trials.zip-entry',
          message: `${file.name}: ${err.message}`,
          file: `${path}!${file.name}`,
        });
        return;
      }
      chunks.push(data);
      if (final) {
        const buf = concat(chunks);
        ready.push({ name: `${path}!${file.name}`, read: async () => buf });
      }
    };
    file.start();
  });
  unzip.register(UnzipInflate);
  const stream = createReadStream(path);
  try {
    for await (const chunk of stream) {
      unzip.push(new Uint8Array(chunk as Buffer));
      while (ready.length > 0) yield ready.shift()!;
    }
    unzip.push(new Uint8Array(0), true);
  } catch (err) {
    failure = err as Error;
  }
  while (ready.length > 0) yield ready.shift()!;
  if (failure)
    issues.push({
      severity: 'error',
      code: 'trials.zip-unreadable',
      message: `${path}: ${failure.message}`,
      file: path,
    });
}

function concat(chunks: Uint8Array[]): Uint8Array {
  const n = chunks.reduce((a, c) => a + c.length, 0);
  const out = new Uint8Array(n);
  let o = 0;
  for (const c of chunks) {
    out.set(c, o);
    o += c.length;
  }
  return out;
}

/** Files a path holds (zip archives count once), for a progress total; unreadable paths count zero. */
export async function countImportFiles(paths: readonly string[]): Promise<number> {
  let n = 0;
  const visit = async (p: string): Promise<void> => {
    try {
      const st = await stat(p);
      if (st.isDirectory()) for (const f of await readdir(p)) await visit(join(p, f));
      else if (/\.(json|xml|zip)$/i.test(p)) n++;
    } catch {
      // Reported by the import itself.
    }
  };
  for (const p of paths) await visit(p);
  return n;
}

/**
 * Records sent to each worker and not yet back, beyond which the importing thread parses the next itself. A
 * deep backlog keeps a worker busy while the importing thread is in a long write or parse (8 left the one
 * worker idle ~30% of the time on the 2-core machine; 32 gave the best rate, 64 no better).
 */
const BACKLOG = 32;

/** Page cache during an import, in SQLite's negative-KiB notation (64 MB). */
const IMPORT_CACHE_KIB = -65536;

/** A record parsed or being parsed, waiting for its turn to be written. */
interface Queued {
  name: string;
  /** Kept until written: if a worker dies, the record is parsed again on the importing thread. */
  bytes: Uint8Array;
  /** Settles (never rejects) when a worker's parse is back; null for a record parsed on this thread. */
  settled: Promise<void> | null;
  done: boolean;
  value?: ParsedEntry;
  /** Why the worker gave no result (it stopped). */
  error?: unknown;
}

export async function importTrials(
  db: Db,
  paths: readonly string[],
  options: ImportOptions = {},
): Promise<ImportResult> {
  const issues: Issue[] = [];
  async function* entries(): AsyncGenerator<ImportEntry> {
    for (const p of paths) yield* walk(p, issues);
  }
  return importEntries(db, entries(), options, issues);
}

/**
 * Imports registry records from any source of entries (files, zip members, generated records) in one
 * transaction: parsed on worker threads when there are many, written here in the order they came.
 */
export async function importEntries(
  db: Db,
  entries: AsyncIterable<ImportEntry>,
  options: ImportOptions = {},
  issues: Issue[] = [],
): Promise<ImportResult> {
  const store = new TrialStore(db);
  const result: ImportResult = {
    files: 0,
    trials: 0,
    inserted: 0,
    updated: 0,
    skipped: 0,
    byFormat: { 'api-v2-json': 0, 'legacy-xml': 0 },
    issues,
  };
  const importedAt = (options.now ?? (() => new Date()))().toISOString();
  const workers = options.workers ?? defaultParseWorkers();
  let pool: ParsePool | null = null;
  // Parsed or parsing records, oldest first; bounded so a huge archive never piles up in memory.
  // Each keeps its bytes until written: if a worker dies, the record is parsed again on this thread.
  const queue: Queued[] = [];
  let inFlight = 0;
  let workersFailed = false;
  const workersStopped = (why: string): void => {
    if (!workersFailed)
      result.issues.push({
        severity: 'info',
        code: 'trials.workers-stopped',
        message: `parse workers stopped (${why}); the rest of the import was parsed on the importing thread`,
      });
    workersFailed = true;
  };
  const parseHere = (name: string, bytes: Uint8Array): ParsedEntry => {
    const r = trialsFromBytes(name, bytes);
    return { ...r, prepared: r.trials.map(prepareTrialRows) };
  };
  // Parsed records waiting to be written, at most (a slow record at the head holds the rest back).
  const window = Math.max(8, workers * BACKLOG * 2);

  // Parsed records live here until written: long enough to be promoted, so dead ones are collected on a
  // budget rather than when V8's growth heuristics get to them (see HeapGuard).
  const heap = new HeapGuard();
  const write = (name: string, r: ParsedEntry): void => {
    result.issues.push(...r.issues);
    result.skipped += r.issues.filter((i) => i.severity === 'error').length;
    for (const t of r.prepared) {
      const how = store.upsertPrepared(t, r.format ?? 'unknown', importedAt);
      result[how]++;
      result.trials++;
      if ((result.trials & 511) === 0) heap.check();
      if (r.format) result.byFormat[r.format]++;
    }
    options.onProgress?.({ files: result.files, trials: result.trials, current: name });
  };
  const writeHead = (head: Queued): void => {
    let r = head.value;
    if (r === undefined) {
      // A worker stopped (out of memory, killed): this record and the rest are parsed here instead.
      workersStopped((head.error as Error).message);
      r = parseHere(head.name, head.bytes);
    }
    write(head.name, r);
  };
  /** Writes records from the head of the queue until `keep` remain, waiting for each to be parsed. */
  const drain = async (keep: number): Promise<void> => {
    while (queue.length > keep) {
      const head = queue[0]!;
      if (!head.done) await head.settled;
      queue.shift();
      writeHead(head);
    }
  };
  /** Writes the records at the head of the queue that are already parsed, without waiting. */
  const writeReady = (): void => {
    while (queue.length > 0 && queue[0]!.done) writeHead(queue.shift()!);
  };

  // A larger page cache for the import's one long transaction: with the default (16 MB here), index and FTS
  // pages were evicted and read back again (7–10% faster at 50,000 trials in same-hour pairs, with less CPU).
  const cacheBefore = db.pragma('cache_size', { simple: true }) as number;
  db.pragma(`cache_size = ${IMPORT_CACHE_KIB}`);
  db.exec('BEGIN IMMEDIATE');
  try {
    for await (const entry of entries) {
      options.signal?.throwIfAborted();
      result.files++;
      let bytes: Uint8Array;
      try {
        bytes = await entry.read();
      } catch (err) {
        result.issues.push({
          severity: 'error',
          code: 'trials.file-unreadable',
          message: (err as Error).message,
          file: entry.name,
        });
        result.skipped++;
        continue;
      }
      if (pool === null && !workersFailed && workers > 0 && result.files > (options.workersAfter ?? 200))
        pool = sharedParsePool(workers);
      if (pool !== null && (workersFailed || !pool.usable)) {
        workersStopped('a worker exited');
        pool = null;
      }
      if (pool === null) {
        await drain(0);
        write(entry.name, parseHere(entry.name, bytes));
      } else {
        // One event-loop turn lets the workers' replies in, so `done` and `inFlight` are current.
        await new Promise<void>((resolve) => setImmediate(resolve));
        writeReady();
        if (inFlight >= pool.size * BACKLOG) {
          // Every worker has a full backlog: rather than wait, this thread parses the record itself (it is
          // written in its turn like the others). So the importing thread parses only what the workers
          // cannot take, and all cores stay busy with one worker fewer than cores (defaultParseWorkers).
          queue.push({
            name: entry.name,
            bytes,
            settled: null,
            done: true,
            value: parseHere(entry.name, bytes),
          });
        } else {
          // The worker gets a copy (its buffer is transferred); the original stays for a re-parse.
          const item: Queued = { name: entry.name, bytes, settled: null, done: false };
          inFlight++;
          item.settled = pool.parse(entry.name, bytes.slice()).then(
            (value) => {
              inFlight--;
              item.done = true;
              item.value = value;
            },
            (error: unknown) => {
              inFlight--;
              item.done = true;
              item.error = error;
            },
          );
          queue.push(item);
        }
        await drain(window);
      }
    }
    await drain(0);
    options.signal?.throwIfAborted();
    db.exec('COMMIT');
  } catch (err) {
    db.exec('ROLLBACK');
    // Parses still in flight finish on the shared pool; their results (or rejections) are ignored.
    throw err;
  } finally {
    db.pragma(`cache_size = ${cacheBefore}`);
  }
  return result;
}
