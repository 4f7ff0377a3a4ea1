import type { Issue, TrialStatus } from '../domain/index.js';
import type { Db } from '../store/db.js';
import { trialsFromApiV2Json } from './import-ctgov-json.js';
import { TrialStore } from './store.js';

/**
 * Live sync from the ClinicalTrials.gov API v2 (`GET {base}/studies`). Query parameters follow the API:
 * `query.cond`, `filter.overallStatus` (comma list of upper-snake statuses), `filter.advanced` with an
 * AREA[LastUpdatePostDate]RANGE[from,MAX] expression for incremental runs, `pageSize` (≤ 1000), `pageToken`
 * from the previous page's `nextPageToken`, `countTotal=true` on the first page for the progress total.
 *
 * Each page is written in its own transaction together with the token of the next page, so an interrupted
 * sync resumes where it stopped (same query) and never leaves half a page. Transient failures (network,
 * 429, 5xx) are retried with exponential back-off.
 */
export interface SyncOptions {
  baseUrl?: string;
  condition?: string;
  statuses?: readonly TrialStatus[];
  /** Only studies whose last update was posted on or after this date (YYYY-MM-DD). */
  since?: string;
  pageSize?: number;
  maxPages?: number;
  retries?: number;
  /** Base delay for back-off, doubled at each retry (tests set it to 1). */
  backoffMs?: number;
  /** Start over even when a saved position exists for the same query. */
  restart?: boolean;
  /**
   * Without `since`: fetch only studies updated since the last complete sync of the same query (less one
   * day of overlap). Default true; false downloads everything again.
   */
  incremental?: boolean;
  signal?: AbortSignal;
  onProgress?: (p: { pages: number; trials: number; total?: number }) => void;
  fetchImpl?: typeof fetch;
  now?: () => Date;
}

export interface SyncResult {
  pages: number;
  trials: number;
  inserted: number;
  updated: number;
  total?: number;
  resumed: boolean;
  /** The date an automatic incremental run asked for (last complete sync less one day). */
  since?: string;
  complete: boolean;
  issues: Issue[];
}

export const DEFAULT_API = 'https://clinicaltrials.gov/api/v2';

export function syncQuery(o: SyncOptions): URLSearchParams {
  const q = new URLSearchParams();
  q.set('format', 'json');
  if (o.condition) q.set('query.cond', o.condition);
  if (o.statuses && o.statuses.length > 0) q.set('filter.overallStatus', o.statuses.join(','));
  if (o.since) q.set('filter.advanced', `AREA[LastUpdatePostDate]RANGE[${o.since},MAX]`);
  q.set('pageSize', String(Math.min(1000, Math.max(1, o.pageSize ?? 100))));
  return q;
}

const sleep = (ms: number, signal?: AbortSignal): Promise<void> =>
  new Promise((resolve, reject) => {
    const t = setTimeout(resolve, ms);
    signal?.addEventListener('abort', () => {
      clearTimeout(t);
      reject(signal.reason as Error);
    });
  });

async function fetchPage(url: string, o: SyncOptions): Promise<unknown> {
  const f = o.fetchImpl ?? fetch;
  const retries = o.retries ?? 5;
  let delay = o.backoffMs ?? 1000;
  for (let attempt = 0; ; attempt++) {
    o.signal?.throwIfAborted();
    let status = 0;
    let message = '';
    try {
      const res = await f(url, {
        headers: { accept: 'application/json' },
        ...(o.signal ? { signal: o.signal } : {}),
      });
      status = res.status;
      if (res.ok) return (await res.json()) as unknown;
      message = `HTTP ${res.status}`;
      // 4xx other than 429 will not get better by waiting.
      if (res.status < 500 && res.status !== 429)
        throw Object.assign(new Error(`${message} for ${url}`), { permanent: true });
      const retryAfter = Number(res.headers.get('retry-after'));
      if (Number.isFinite(retryAfter) && retryAfter > 0) delay = Math.max(delay, retryAfter * 1000);
    } catch (err) {
      if ((err as { permanent?: boolean }).permanent || o.signal?.aborted) throw err;
      message = (err as Error).message;
    }
    if (attempt >= retries)
      throw new Error(`giving up after ${retries + 1} attempts (${message || `HTTP ${status}`}): ${url}`);
    await sleep(delay, o.signal);
    delay *= 2;
  }
}

export async function syncTrials(db: Db, o: SyncOptions = {}): Promise<SyncResult> {
  const store = new TrialStore(db);
  const base = (o.baseUrl ?? DEFAULT_API).replace(/\/$/, '');
  // The last complete run of the same query (without a date filter) makes the next one incremental.
  const baseKey = `last-sync:${syncQuery({ ...o, since: undefined }).toString()}`;
  let since = o.since;
  let incremental = false;
  if (since === undefined && o.incremental !== false) {
    const last = store.getState(baseKey);
    if (last) {
      since = new Date(Date.parse(last) - 86_400_000).toISOString().slice(0, 10);
      incremental = true;
    }
  }
  const query = syncQuery({ ...o, ...(since !== undefined ? { since } : {}) });
  const queryKey = `sync:${query.toString()}`;
  let token = o.restart ? undefined : store.getState(queryKey);
  const resumed = token !== undefined;
  const result: SyncResult = {
    pages: 0,
    trials: 0,
    inserted: 0,
    updated: 0,
    resumed,
    ...(incremental && since ? { since } : {}),
    complete: false,
    issues: [],
  };
  const importedAt = (o.now ?? (() => new Date()))().toISOString();
  for (;;) {
    if (o.maxPages !== undefined && result.pages >= o.maxPages) break;
    const q = new URLSearchParams(query);
    if (token) q.set('pageToken', token);
    else q.set('countTotal', 'true');
    const url = `${base}/studies?${q.toString()}`;
    const doc = await fetchPage(url, o);
    const page = trialsFromApiV2Json(doc, url);
    if (page.totalCount !== undefined) result.total = page.totalCount;
    result.issues.push(...page.issues);
    const next = page.nextPageToken;
    store.transaction(() => {
      for (const t of page.trials) result[store.upsert(t, 'api-v2-sync', importedAt)]++;
      // The position is saved with the page: a crash after this commit resumes at the next page.
      store.setState(queryKey, next ?? null);
      if (!next) store.setState(baseKey, importedAt);
    });
    result.pages++;
    result.trials += page.trials.length;
    o.onProgress?.({
      pages: result.pages,
      trials: result.trials,
      ...(result.total !== undefined ? { total: result.total } : {}),
    });
    if (!next) {
      result.complete = true;
      break;
    }
    token = next;
  }
  return result;
}
