import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import type { Worker } from 'node:worker_threads';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDb } from '../store/db.js';
import { importEntries, importTrials, type ImportEntry } from './import.js';
import { trialsFromBytes } from './from-bytes.js';
import { defaultParseWorkers, ParsePool, sharedParsePool } from './parse-pool.js';
import { prepareTrialRows } from './rows.js';
import { TrialStore } from './store.js';

const FX = join(import.meta.dirname, 'fixtures');
const XML = readFileSync(join(FX, 'legacy-pdq.xml'), 'utf8');
const JSON_STUDY = readFileSync(join(FX, 'api-v2-study.json'), 'utf8');

/** `n` registry records with ids NCT070000nn, alternating legacy XML and API v2 JSON. */
function records(n: number, status = 'Recruiting'): Array<{ name: string; text: string }> {
  return Array.from({ length: n }, (_, i) => {
    const id = `NCT07${String(i).padStart(6, '0')}`;
    return i % 2 === 0
      ? {
          name: `${id}.xml`,
          text: XML.replace(/<nct_id>NCT\d{8}<\/nct_id>/, `<nct_id>${id}</nct_id>`).replace(
            /<overall_status>[^<]*<\/overall_status>/,
            `<overall_status>${status}</overall_status>`,
          ),
        }
      : { name: `${id}.json`, text: JSON_STUDY.replace(/"nctId":\s*"NCT\d{8}"/, `"nctId": "${id}"`) };
  });
}

function entries(list: Array<{ name: string; text: string }>): AsyncIterable<ImportEntry> {
  return (async function* () {
    for (const r of list) yield { name: r.name, read: () => Promise.resolve(Buffer.from(r.text)) };
  })();
}

/** Everything a match reads of a trial, for comparing two stores. */
function snapshot(db: ReturnType<typeof openDb>): unknown {
  const store = new TrialStore(db);
  const ids = db.prepare('SELECT nct_id FROM trials ORDER BY nct_id').pluck().all() as string[];
  return { stats: store.stats(), trials: store.loadMany(ids).sort((a, b) => a.nctId.localeCompare(b.nctId)) };
}

describe('parse worker pool', () => {
  it('defaults to one worker per core but one (none on one core, at most 4), unless the environment says', () => {
    expect([1, 2, 3, 4, 16].map((cores) => defaultParseWorkers({}, cores))).toEqual([0, 1, 2, 3, 4]);
    expect(defaultParseWorkers({ ONCONAV_IMPORT_WORKERS: '2' }, 1)).toBe(2);
    expect(defaultParseWorkers({ ONCONAV_IMPORT_WORKERS: '0' }, 8)).toBe(0);
    // A value that is no count is ignored.
    expect(defaultParseWorkers({ ONCONAV_IMPORT_WORKERS: 'many' }, 2)).toBe(1);
  });

  it('parses records on worker threads into the same trials as the importing thread', async () => {
    const pool = new ParsePool(2);
    try {
      const [a, b] = await Promise.all([
        pool.parse('a.xml', Buffer.from(XML)),
        pool.parse('b.json', Buffer.from(JSON_STUDY)),
      ]);
      expect(a.format).toBe('legacy-xml');
      expect(b.format).toBe('api-v2-json');
      // The rows the store writes, exactly as the importing thread would prepare them.
      expect(a.prepared).toEqual(trialsFromBytes('a.xml', Buffer.from(XML)).trials.map(prepareTrialRows));
      expect(b.prepared).toEqual(
        trialsFromBytes('b.json', Buffer.from(JSON_STUDY)).trials.map(prepareTrialRows),
      );
      expect((JSON.parse(a.prepared[0]!.row[15]) as unknown[]).length).toBeGreaterThan(3);
      expect(JSON.parse(b.prepared[0]!.sites)).toHaveLength(3);
    } finally {
      await pool.close();
    }
  });

  it('imports with workers exactly what it imports without them, in submission order', async () => {
    // More records than are parsed in-thread before the pool starts (20 here), and the last 10 repeated with another
    // status: the later version must win, as it does without workers.
    const list = [...records(70), ...records(10, 'Completed')];
    const one = openDb(':memory:');
    const r0 = await importEntries(one, entries(list), { workers: 0, now: () => new Date(0) });
    // One worker or several: results come back out of order across workers but are written in order.
    for (const workers of [1, 2]) {
      const many = openDb(':memory:');
      const r = await importEntries(many, entries(list), {
        workers,
        workersAfter: 20,
        now: () => new Date(0),
      });
      expect(r).toEqual(r0);
      expect(r).toMatchObject({ files: 80, trials: 80, inserted: 70, updated: 10 });
      expect(snapshot(many)).toEqual(snapshot(one));
      expect(new TrialStore(many).get('NCT07000000')!.status).toBe('COMPLETED');
      expect(new TrialStore(many).get('NCT07000060')!.status).not.toBe('COMPLETED');
    }
  });

  it('rolls back when an import with workers is aborted, and the pool serves the next import', async () => {
    const db = openDb(':memory:');
    const ac = new AbortController();
    await expect(
      importEntries(db, entries(records(90)), {
        workers: 2,
        workersAfter: 20,
        signal: ac.signal,
        onProgress: (p) => {
          if (p.files >= 60) ac.abort(new Error('stop'));
        },
      }),
    ).rejects.toThrow('stop');
    expect(new TrialStore(db).stats().total).toBe(0);
    const again = await importEntries(db, entries(records(30)), { workers: 2, workersAfter: 5 });
    expect(again).toMatchObject({ trials: 30, inserted: 30 });
  });

  it('finishes on the importing thread, with the same result, when the workers die mid-import', async () => {
    const list = records(80);
    const now = (): Date => new Date(0);
    const one = openDb(':memory:');
    const r0 = await importEntries(one, entries(list), { workers: 0, now });
    async function* killing(): AsyncGenerator<ImportEntry> {
      let i = 0;
      for await (const e of entries(list)) {
        if (i++ === 40) {
          // The pool importEntries is using (one per process); its workers are stopped as a crash would.
          const pool = sharedParsePool(2) as unknown as { workers: Worker[] };
          await Promise.all(pool.workers.map((w) => w.terminate()));
        }
        yield e;
      }
    }
    const db = openDb(':memory:');
    const r = await importEntries(db, killing(), { workers: 2, workersAfter: 20, now });
    expect(r.issues.map((i) => i.code)).toEqual(['trials.workers-stopped']);
    expect({ ...r, issues: [] }).toEqual({ ...r0, issues: [] });
    expect(snapshot(db)).toEqual(snapshot(one));
  });

  it('imports a folder of many files through the pool (trials import)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'onconav-pool-'));
    mkdirSync(join(dir, 'in'));
    for (const r of records(60)) writeFileSync(join(dir, 'in', r.name), r.text);
    const db = openDb(join(dir, 't.db'));
    const r = await importTrials(db, [join(dir, 'in')], { workers: 2, workersAfter: 20 });
    expect(r).toMatchObject({ files: 60, trials: 60, skipped: 0 });
    expect(r.byFormat).toEqual({ 'legacy-xml': 30, 'api-v2-json': 30 });
    db.close();
  });
});
