import { createReadStream, readdirSync, readFileSync, statSync } from 'node:fs';
import { readdir, stat } from 'node:fs/promises';
import { extname, join } from 'node:path';
import { Unzip, UnzipInflate } from 'fflate';
import type { Issue, Trial } from '../domain/index.js';
import type { Db } from '../store/db.js';
import { trialsFromJsonText } from './import-ctgov-json.js';
import { trialFromXmlText } from './import-ctgov-xml.js';
import { TrialStore } from './store.js';

/**
 * `onconav trials import <path…>`: files, folders (recursively) and zip archives holding ClinicalTrials.gov
 * API v2 JSON (one study, a `studies` page, an array of studies — the bulk download is a zip of one JSON
 * per study) or legacy XML (`<clinical_study>`, the retired AllPublicXML zip). Everything is written in one
 * transaction: a failed or aborted import leaves the store as it was.
 */
export interface ImportOptions {
  signal?: AbortSignal;
  onProgress?: (p: { files: number; trials: number; current?: string }) => void;
  /** Label stored with each trial (default: the registry format). */
  now?: () => Date;
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

type Entry = { name: string; read: () => Promise<Uint8Array> };

async function* walk(path: string, issues: Issue[]): AsyncGenerator<Entry> {
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
async function* zipEntries(path: string, issues: Issue[]): AsyncGenerator<Entry> {
  const ready: Entry[] = [];
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

const decoder = new TextDecoder('utf-8');

/** Reads one entry into trials (JSON or XML by content, not only by extension). */
export function trialsFromBytes(
  name: string,
  bytes: Uint8Array,
): { trials: Trial[]; format: 'api-v2-json' | 'legacy-xml' | null; issues: Issue[] } {
  const text = decoder.decode(bytes).replace(/^\uFEFF/, '');
  const head = text.trimStart().slice(0, 1);
  if (head === '{' || head === '[') {
    const r = trialsFromJsonText(text, name);
    return { trials: r.trials, format: 'api-v2-json', issues: r.issues };
  }
  if (head === '<') {
    const r = trialFromXmlText(text, name);
    return { trials: r.trial ? [r.trial] : [], format: 'legacy-xml', issues: r.issues };
  }
  return {
    trials: [],
    format: null,
    issues: [
      { severity: 'error', code: 'trials.unknown-format', message: 'neither JSON nor XML', file: name },
    ],
  };
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

export async function importTrials(
  db: Db,
  paths: readonly string[],
  options: ImportOptions = {},
): Promise<ImportResult> {
  const store = new TrialStore(db);
  const result: ImportResult = {
    files: 0,
    trials: 0,
    inserted: 0,
    updated: 0,
    skipped: 0,
    byFormat: { 'api-v2-json': 0, 'legacy-xml': 0 },
    issues: [],
  };
  const importedAt = (options.now ?? (() => new Date()))().toISOString();
  db.exec('BEGIN IMMEDIATE');
  try {
    for (const p of paths) {
      for await (const entry of walk(p, result.issues)) {
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
        const r = trialsFromBytes(entry.name, bytes);
        result.issues.push(...r.issues);
        result.skipped += r.issues.filter((i) => i.severity === 'error').length;
        for (const t of r.trials) {
          const how = store.upsert(t, r.format ?? 'unknown', importedAt);
          result[how]++;
          result.trials++;
          if (r.format) result.byFormat[r.format]++;
        }
        options.onProgress?.({ files: result.files, trials: result.trials, current: entry.name });
      }
    }
    db.exec('COMMIT');
  } catch (err) {
    db.exec('ROLLBACK');
    throw err;
  }
  return result;
}
