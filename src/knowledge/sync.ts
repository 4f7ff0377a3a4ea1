import {
  closeSync,
  existsSync,
  mkdtempSync,
  openSync,
  readFileSync,
  readSync,
  renameSync,
  rmSync,
  statSync,
  writeSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { unzipSync } from 'fflate';
import { OnconavError } from '../domain/index.js';
import { writeFileAtomic } from '../util/atomic.js';
import { importCgi } from './importers/cgi.js';
import { importCivic } from './importers/civic.js';
import type { ImportOptions, ImportResult } from './importers/common.js';
import { importMoalmanac } from './importers/moalmanac.js';
import type { KnowledgeStore } from './store.js';

/** Sources with an importer. Built-in knowledge is code, not an import. */
export const IMPORTABLE_SOURCES = ['civic', 'moalmanac', 'cgi'] as const;
export type ImportableSource = (typeof IMPORTABLE_SOURCES)[number];

export function isImportableSource(s: string): s is ImportableSource {
  return (IMPORTABLE_SOURCES as readonly string[]).includes(s);
}

/**
 * Where `kb sync` downloads the current public releases (docs/knowledge-sources.md lists them too):
 * - CIViC nightly TSVs (civicdb.org "Data Releases"; monthly ones live under /downloads/DD-Mon-YYYY/).
 * - MOAlmanac flat JSON from the moalmanac-db repository's main branch.
 * - CGI biomarkers zip ("latest"), which holds cgi_biomarkers_per_variant.tsv.
 */
export const DEFAULT_URLS = {
  civic: 'https://civicdb.org/downloads/nightly/nightly-ClinicalEvidenceSummaries.tsv',
  civicAssertions: 'https://civicdb.org/downloads/nightly/nightly-AssertionSummaries.tsv',
  moalmanac:
    'https://raw.githubusercontent.com/vanallenlab/moalmanac-db/main/molecular-oncology-almanac.json',
  cgi: 'https://www.cancergenomeinterpreter.org/data/biomarkers/cgi_biomarkers_latest.zip',
} as const;

export type SyncUrls = { [K in keyof typeof DEFAULT_URLS]?: string };

export interface DownloadOptions {
  signal?: AbortSignal;
  onProgress?: (done: number, total: number) => void;
  /** Injected for tests; defaults to the global fetch. */
  fetch?: typeof fetch;
}

export function isUrl(s: string): boolean {
  return /^https?:\/\//i.test(s);
}

const OFFLINE_CODES = new Set([
  'ENOTFOUND',
  'EAI_AGAIN',
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'ENETUNREACH',
  'EHOSTUNREACH',
  'UND_ERR_CONNECT_TIMEOUT',
]);

function networkErrorCode(err: unknown): string | undefined {
  let e: unknown = err;
  for (let i = 0; i < 4 && e && typeof e === 'object'; i++) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'string') return code;
    e = (e as { cause?: unknown }).cause;
  }
  return undefined;
}

/** Downloads `url` to `dest` (written complete or not at all). Network failures become one clear message. */
export async function download(url: string, dest: string, options: DownloadOptions = {}): Promise<void> {
  const doFetch = options.fetch ?? fetch;
  let res: Response;
  try {
    res = await doFetch(url, { ...(options.signal ? { signal: options.signal } : {}), redirect: 'follow' });
  } catch (err) {
    if (options.signal?.aborted) throw err;
    const code = networkErrorCode(err);
    const cause = (err as { cause?: { message?: unknown } }).cause?.message;
    const why =
      code && OFFLINE_CODES.has(code)
        ? `the network looks unavailable (${code})`
        : `${(err as Error).message}${typeof cause === 'string' && cause !== '' ? ` (${cause})` : ''}`;
    throw new OnconavError(
      `cannot download ${url}: ${why}. Offline? Import a local copy instead: onconav kb import <source> <file|dir>`,
      1,
    );
  }
  if (!res.ok || !res.body)
    throw new OnconavError(`cannot download ${url}: HTTP ${res.status} ${res.statusText}`.trim(), 1);
  const total = Number(res.headers.get('content-length') ?? 0);
  const tmp = `${dest}.part`;
  const fd = openSync(tmp, 'w');
  let done = 0;
  try {
    const reader = res.body.getReader();
    for (;;) {
      const { value, done: end } = await reader.read();
      if (end) break;
      writeSync(fd, value);
      done += value.byteLength;
      options.onProgress?.(done, total > 0 ? total : done);
    }
  } catch (err) {
    closeSync(fd);
    rmSync(tmp, { force: true });
    if (options.signal?.aborted) throw err;
    throw new OnconavError(`download of ${url} broke off after ${done} bytes: ${(err as Error).message}`, 1);
  }
  closeSync(fd);
  renameSync(tmp, dest);
}

/** A zip (CGI ships its biomarkers as one) → the per-variant TSV inside, written next to it. */
export function extractCgiTsv(zipPath: string): string {
  const entries = unzipSync(readFileSync(zipPath));
  const names = Object.keys(entries).filter((n) => !n.endsWith('/'));
  const pick =
    names.find((n) => /per_variant.*\.tsv$/i.test(basename(n))) ?? names.find((n) => /\.tsv$/i.test(n));
  if (!pick)
    throw new OnconavError(
      `${basename(zipPath)} holds no .tsv file (entries: ${names.join(', ') || 'none'})`,
      1,
    );
  const out = join(zipPath.replace(/[^/\\]+$/, ''), basename(pick));
  writeFileAtomic(out, entries[pick]!);
  return out;
}

function isZip(path: string): boolean {
  const fd = openSync(path, 'r');
  try {
    const b = Buffer.alloc(4);
    return readSync(fd, b, 0, 4, 0) === 4 && b[0] === 0x50 && b[1] === 0x4b && b[2] === 0x03 && b[3] === 0x04;
  } finally {
    closeSync(fd);
  }
}

export const IMPORTERS: Record<
  ImportableSource,
  (path: string, options?: ImportOptions) => Promise<ImportResult>
> = {
  civic: importCivic,
  moalmanac: importMoalmanac,
  cgi: importCgi,
};

export interface ImportIntoStoreOptions extends ImportOptions, Omit<DownloadOptions, 'onProgress'> {
  /** Download progress (bytes). `onProgress` reports import progress (rows). */
  onDownloadProgress?: (done: number, total: number) => void;
}

/**
 * Imports one source from a local path or a URL into the store (one transaction). A URL is fetched to a
 * temporary directory first; CIViC URLs may point at the evidence TSV (the matching assertions file is
 * fetched too when `assertionsUrl` is given). A zip (CGI) is unpacked.
 */
export async function importIntoStore(
  /** null: read and map only (a dry run), the store is not touched. */
  store: KnowledgeStore | null,
  source: ImportableSource,
  pathOrUrl: string | { url: string; assertionsUrl?: string },
  options: ImportIntoStoreOptions = {},
): Promise<ImportResult> {
  const tmp = mkdtempSync(join(tmpdir(), `onconav-${source}-`));
  try {
    const local = await materialize(source, pathOrUrl, tmp, options);
    const { onDownloadProgress: _d, fetch: _f, ...importOptions } = options;
    const result = await IMPORTERS[source](local, importOptions);
    store?.replaceRelease(result.release, result.evidence, result.report);
    return result;
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}

async function materialize(
  source: ImportableSource,
  input: string | { url: string; assertionsUrl?: string },
  tmp: string,
  options: ImportIntoStoreOptions,
): Promise<string> {
  const dl: DownloadOptions = {
    ...(options.signal ? { signal: options.signal } : {}),
    ...(options.fetch ? { fetch: options.fetch } : {}),
    ...(options.onDownloadProgress ? { onProgress: options.onDownloadProgress } : {}),
  };
  const spec = typeof input === 'string' ? (isUrl(input) ? urlSpec(source, input) : null) : input;
  let path: string;
  if (spec === null) {
    const p = input as string;
    if (!existsSync(p)) throw new OnconavError(`no such file or directory: ${p}`, 1);
    path = p;
  } else {
    const name = fileNameFromUrl(spec.url, source);
    path = join(tmp, name);
    await download(spec.url, path, dl);
    if (source === 'civic' && spec.assertionsUrl) {
      // The assertions file adds level 1/2 statements; without it the evidence still imports.
      const aName = fileNameFromUrl(spec.assertionsUrl, source).replace(/ClinicalEvidence/i, 'Assertion');
      await download(spec.assertionsUrl, join(tmp, aName), dl).catch(() => undefined);
      path = tmp;
    }
  }
  if (source === 'cgi' && statSync(path).isFile() && isZip(path)) {
    const dir = mkdtempSync(join(tmp, 'unzip-'));
    const copy = join(dir, basename(path));
    writeFileAtomic(copy, readFileSync(path));
    return extractCgiTsv(copy);
  }
  return path;
}

/** A CIViC evidence URL brings its release's assertions file along (same folder, same prefix). */
function urlSpec(source: ImportableSource, url: string): { url: string; assertionsUrl?: string } {
  if (source === 'civic' && /ClinicalEvidenceSummaries\.tsv$/i.test(url)) {
    return {
      url,
      assertionsUrl: url.replace(/(Accepted)?ClinicalEvidenceSummaries\.tsv$/i, 'AssertionSummaries.tsv'),
    };
  }
  return { url };
}

function fileNameFromUrl(url: string, source: ImportableSource): string {
  const last = decodeURIComponent(new URL(url).pathname.split('/').pop() ?? '').replace(
    /[^A-Za-z0-9._-]/g,
    '_',
  );
  if (last !== '') return last;
  switch (source) {
    case 'civic':
      return 'ClinicalEvidenceSummaries.tsv';
    case 'moalmanac':
      return 'molecular-oncology-almanac.json';
    case 'cgi':
      return 'cgi_biomarkers.zip';
  }
}

export interface SyncOutcome {
  source: ImportableSource;
  ok: boolean;
  result?: ImportResult;
  error?: string;
}

/**
 * Downloads and imports the current public release of each source. Sources are independent: one failing
 * (offline, HTTP error, changed format) leaves its previous release in place and the others still import.
 */
export async function syncKnowledge(
  store: KnowledgeStore,
  options: ImportIntoStoreOptions & { sources?: readonly ImportableSource[]; urls?: SyncUrls } = {},
): Promise<SyncOutcome[]> {
  const urls = { ...DEFAULT_URLS, ...options.urls };
  const outcomes: SyncOutcome[] = [];
  const { sources = IMPORTABLE_SOURCES, urls: _u, ...rest } = options;
  for (const source of sources) {
    const input =
      source === 'civic'
        ? { url: urls.civic, assertionsUrl: urls.civicAssertions }
        : { url: source === 'moalmanac' ? urls.moalmanac : urls.cgi };
    try {
      outcomes.push({ source, ok: true, result: await importIntoStore(store, source, input, rest) });
    } catch (err) {
      if (options.signal?.aborted) throw err;
      outcomes.push({ source, ok: false, error: (err as Error).message });
    }
  }
  return outcomes;
}
