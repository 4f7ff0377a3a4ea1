import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDb } from '../store/db.js';
import { TrialStore } from './store.js';
import { syncQuery, syncTrials } from './sync.js';

const FX = join(import.meta.dirname, 'fixtures');
const study = JSON.parse(readFileSync(join(FX, 'api-v2-study.json'), 'utf8'));
const page = JSON.parse(readFileSync(join(FX, 'api-v2-page.json'), 'utf8'));
// Recorded pages in the API v2 shape: page 1 carries totalCount (countTotal=true) and a nextPageToken.
const PAGE1 = { totalCount: 3, studies: page.studies, nextPageToken: 'NF0g5JGBlfQ' };
const PAGE2 = { studies: [study] };

let server: Server;
let base = '';
const requests: URL[] = [];
let failNext = 0;

beforeAll(async () => {
  server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    requests.push(url);
    if (failNext > 0) {
      failNext--;
      res.writeHead(503, { 'content-type': 'text/plain' }).end('busy');
      return;
    }
    if (url.pathname !== '/api/v2/studies') {
      res.writeHead(404).end();
      return;
    }
    if (url.searchParams.get('filter.overallStatus') === 'BOGUS') {
      res.writeHead(400, { 'content-type': 'application/json' }).end('{"message":"bad status"}');
      return;
    }
    const token = url.searchParams.get('pageToken');
    const body = token === null ? PAGE1 : token === 'NF0g5JGBlfQ' ? PAGE2 : null;
    if (!body) {
      res.writeHead(400).end('{"message":"bad token"}');
      return;
    }
    res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(body));
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/v2`;
});
afterAll(() => new Promise<void>((r) => server.close(() => r())));

describe('syncTrials against a local API v2 server', () => {
  it('builds the API query: condition, statuses, incremental date range, page size', () => {
    const q = syncQuery({
      condition: 'lung cancer',
      statuses: ['RECRUITING', 'NOT_YET_RECRUITING'],
      since: '2026-01-01',
      pageSize: 50,
    });
    expect(q.get('query.cond')).toBe('lung cancer');
    expect(q.get('filter.overallStatus')).toBe('RECRUITING,NOT_YET_RECRUITING');
    expect(q.get('filter.advanced')).toBe('AREA[LastUpdatePostDate]RANGE[2026-01-01,MAX]');
    expect(q.get('pageSize')).toBe('50');
  });

  it('follows nextPageToken to the end, reports progress, and stores every study', async () => {
    requests.length = 0;
    const db = openDb(':memory:');
    const progress: number[] = [];
    const r = await syncTrials(db, {
      baseUrl: base,
      condition: 'cancer',
      statuses: ['RECRUITING'],
      since: '2026-01-01',
      backoffMs: 1,
      onProgress: (p) => progress.push(p.trials),
    });
    expect(r).toMatchObject({ pages: 2, trials: 3, inserted: 3, total: 3, complete: true, resumed: false });
    expect(progress).toEqual([2, 3]);
    expect(requests[0]!.searchParams.get('countTotal')).toBe('true');
    expect(requests[1]!.searchParams.get('pageToken')).toBe('NF0g5JGBlfQ');
    expect(requests[1]!.searchParams.get('filter.advanced')).toContain('2026-01-01');
    expect(new TrialStore(db).stats().total).toBe(3);
  });

  it('retries transient failures with back-off', async () => {
    failNext = 2;
    const db = openDb(':memory:');
    const r = await syncTrials(db, { baseUrl: base, backoffMs: 1 });
    expect(r.complete).toBe(true);
    expect(r.trials).toBe(3);
  });

  it('gives up after the retry budget and keeps what was committed', async () => {
    failNext = 10;
    const db = openDb(':memory:');
    await expect(syncTrials(db, { baseUrl: base, backoffMs: 1, retries: 2 })).rejects.toThrow(
      /giving up after 3 attempts/,
    );
    failNext = 0;
  });

  it('resumes from the saved page token after an interrupted run', async () => {
    const db = openDb(':memory:');
    const first = await syncTrials(db, { baseUrl: base, maxPages: 1, backoffMs: 1 });
    expect(first).toMatchObject({ pages: 1, trials: 2, complete: false });
    requests.length = 0;
    const second = await syncTrials(db, { baseUrl: base, backoffMs: 1 });
    expect(second).toMatchObject({ pages: 1, trials: 1, resumed: true, complete: true });
    expect(requests[0]!.searchParams.get('pageToken')).toBe('NF0g5JGBlfQ');
    expect(new TrialStore(db).stats().total).toBe(3);
  });

  it('is incremental after a complete run: asks only for studies updated since then', async () => {
    const db = openDb(':memory:');
    await syncTrials(db, {
      baseUrl: base,
      condition: 'lung',
      backoffMs: 1,
      now: () => new Date('2026-11-20T10:00:00Z'),
    });
    requests.length = 0;
    const again = await syncTrials(db, { baseUrl: base, condition: 'lung', backoffMs: 1 });
    expect(again.since).toBe('2026-11-19');
    expect(requests[0]!.searchParams.get('filter.advanced')).toBe(
      'AREA[LastUpdatePostDate]RANGE[2026-11-19,MAX]',
    );
    requests.length = 0;
    await syncTrials(db, { baseUrl: base, condition: 'lung', backoffMs: 1, incremental: false });
    expect(requests[0]!.searchParams.get('filter.advanced')).toBeNull();
  });

  it('fails at once on a client error (4xx)', async () => {
    const db = openDb(':memory:');
    await expect(
      syncTrials(db, { baseUrl: base, statuses: ['BOGUS' as 'RECRUITING'], backoffMs: 1 }),
    ).rejects.toThrow(/HTTP 400/);
  });
});
