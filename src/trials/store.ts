import type { Db } from '../store/db.js';
type Statement = import('better-sqlite3').Statement<unknown[]>;
import { migrate } from '../store/db.js';
import type { Trial, TrialSite, TrialStatus } from '../domain/index.js';
import { cancerAncestors } from './cancer-types.js';
import {
  expandCriteria,
  prepareTrialRows,
  storedParsed,
  type PreparedTrial,
  type StoredCriterion,
} from './rows.js';

export { prepareTrialRows, trialGenes, type PreparedTrial } from './rows.js';

/**
 * Trial store in the shared SQLite file. One row per trial with its JSON parts (sites included), plus
 * narrow index tables the matcher screens on (tumor type, gene, status), an external-content FTS5 index
 * over titles, conditions and eligibility text (the text itself stays in `trials`), and a deduplicated
 * table of geocoded site places. Imports replace whole trials inside one transaction.
 */
/** Schema versions in order; exported so tests can build a database at an earlier version. */
export const MIGRATIONS: readonly string[] = [
  `CREATE TABLE trials (
     nct_id TEXT PRIMARY KEY,
     title TEXT NOT NULL,
     official_title TEXT,
     phase TEXT,
     status TEXT NOT NULL,
     sponsor TEXT,
     start_date TEXT,
     last_update TEXT,
     sex TEXT,
     min_age REAL,
     max_age REAL,
     conditions TEXT NOT NULL,
     tumor_types TEXT NOT NULL,
     interventions TEXT NOT NULL,
     eligibility_text TEXT NOT NULL,
     criteria TEXT NOT NULL,
     source TEXT,
     imported_at TEXT NOT NULL
   );
   CREATE INDEX trials_status ON trials(status);
   CREATE TABLE trial_sites (
     nct_id TEXT NOT NULL REFERENCES trials(nct_id) ON DELETE CASCADE,
     idx INTEGER NOT NULL,
     facility TEXT, city TEXT, state TEXT, country TEXT, postal_code TEXT,
     lat REAL, lon REAL, status TEXT,
     PRIMARY KEY (nct_id, idx)
   ) WITHOUT ROWID;
   CREATE INDEX trial_sites_city ON trial_sites(city COLLATE NOCASE);
   CREATE TABLE trial_tumor (
     nct_id TEXT NOT NULL REFERENCES trials(nct_id) ON DELETE CASCADE,
     code TEXT NOT NULL,
     PRIMARY KEY (code, nct_id)
   ) WITHOUT ROWID;
   CREATE TABLE trial_gene (
     nct_id TEXT NOT NULL REFERENCES trials(nct_id) ON DELETE CASCADE,
     gene TEXT NOT NULL,
     required INTEGER NOT NULL,
     PRIMARY KEY (gene, nct_id)
   ) WITHOUT ROWID;
   CREATE VIRTUAL TABLE trial_fts USING fts5(nct_id UNINDEXED, title, conditions, eligibility, tokenize = 'porter unicode61');
   CREATE TABLE trial_sync_state (key TEXT PRIMARY KEY, value TEXT NOT NULL);`,
  // v2: the trial status copied into the screening indexes, so candidate queries never touch the trials table.
  `ALTER TABLE trial_tumor ADD COLUMN status TEXT;
   ALTER TABLE trial_gene ADD COLUMN status TEXT;
   UPDATE trial_tumor SET status = (SELECT status FROM trials t WHERE t.nct_id = trial_tumor.nct_id);
   UPDATE trial_gene SET status = (SELECT status FROM trials t WHERE t.nct_id = trial_gene.nct_id);
   CREATE INDEX trial_tumor_code_status ON trial_tumor(code, status, nct_id);
   CREATE INDEX trial_gene_gene_status ON trial_gene(gene, status, required, nct_id);`,
  // v3: each trial's required driver genes beside its tumor rows, so screening needs one query.
  `ALTER TABLE trial_tumor ADD COLUMN req_genes TEXT;
   UPDATE trial_tumor SET req_genes = (SELECT group_concat(gene, ',') FROM trial_gene g
     WHERE g.nct_id = trial_tumor.nct_id AND g.required = 1 AND g.gene NOT IN ('CD274','ER','PR','HR'));`,
  // v4: faster writes. Sites move into a JSON column of the trial row (one insert instead of ~18), with
  // a deduplicated table of geocoded places for the city gazetteer; the FTS index reads its text from
  // `trials` (external content) instead of holding a second copy. `trials` gets an INTEGER PRIMARY KEY
  // because external content is keyed by rowid and VACUUM may renumber implicit rowids. The screening
  // tables are rebuilt (dropping `trials` would otherwise cascade into them) with an index on nct_id, so
  // replacing a trial no longer scans them. The FTS index and places are written by `upsert`, not by
  // triggers: an FTS5 write inside a trigger flushes its pending terms at every statement (~2× slower).
  `CREATE TABLE trials_v4 (
     id INTEGER PRIMARY KEY,
     nct_id TEXT NOT NULL UNIQUE,
     title TEXT NOT NULL,
     official_title TEXT,
     phase TEXT,
     status TEXT NOT NULL,
     sponsor TEXT,
     start_date TEXT,
     last_update TEXT,
     sex TEXT,
     min_age REAL,
     max_age REAL,
     conditions TEXT NOT NULL,
     tumor_types TEXT NOT NULL,
     interventions TEXT NOT NULL,
     eligibility_text TEXT NOT NULL,
     criteria TEXT NOT NULL,
     source TEXT,
     imported_at TEXT NOT NULL,
     sites TEXT NOT NULL DEFAULT '[]'
   );
   INSERT INTO trials_v4 (nct_id, title, official_title, phase, status, sponsor, start_date, last_update, sex,
     min_age, max_age, conditions, tumor_types, interventions, eligibility_text, criteria, source, imported_at, sites)
   SELECT t.nct_id, t.title, t.official_title, t.phase, t.status, t.sponsor, t.start_date, t.last_update, t.sex,
     t.min_age, t.max_age, t.conditions, t.tumor_types, t.interventions, t.eligibility_text, t.criteria, t.source,
     t.imported_at,
     coalesce((SELECT json_group_array(json_patch('{}', json_object('facility', nullif(s.facility, ''),
         'city', nullif(s.city, ''), 'state', nullif(s.state, ''), 'country', nullif(s.country, ''),
         'postalCode', nullif(s.postal_code, ''), 'lat', s.lat, 'lon', s.lon, 'status', nullif(s.status, '')))
         ORDER BY s.idx)
       FROM trial_sites s WHERE s.nct_id = t.nct_id), '[]')
   FROM trials t ORDER BY t.rowid;
   CREATE TABLE trial_places (
     city TEXT NOT NULL COLLATE NOCASE,
     state TEXT NOT NULL,
     country TEXT NOT NULL,
     lat REAL NOT NULL,
     lon REAL NOT NULL,
     PRIMARY KEY (city, state, country, lat, lon)
   ) WITHOUT ROWID;
   INSERT OR IGNORE INTO trial_places
   SELECT city, coalesce(state, ''), coalesce(country, ''), lat, lon FROM trial_sites
   WHERE city <> '' AND lat IS NOT NULL AND lon IS NOT NULL;
   CREATE TABLE trial_tumor_v4 AS SELECT nct_id, code, status, req_genes FROM trial_tumor;
   CREATE TABLE trial_gene_v4 AS SELECT nct_id, gene, required, status FROM trial_gene;
   DROP TABLE trial_tumor;
   DROP TABLE trial_gene;
   DROP TABLE trial_sites;
   DROP TABLE trial_fts;
   DROP TABLE trials;
   ALTER TABLE trials_v4 RENAME TO trials;
   CREATE INDEX trials_status ON trials(status);
   CREATE TABLE trial_tumor (
     nct_id TEXT NOT NULL REFERENCES trials(nct_id) ON DELETE CASCADE,
     code TEXT NOT NULL,
     status TEXT,
     req_genes TEXT,
     PRIMARY KEY (code, nct_id)
   ) WITHOUT ROWID;
   INSERT INTO trial_tumor SELECT nct_id, code, status, req_genes FROM trial_tumor_v4;
   CREATE TABLE trial_gene (
     nct_id TEXT NOT NULL REFERENCES trials(nct_id) ON DELETE CASCADE,
     gene TEXT NOT NULL,
     required INTEGER NOT NULL,
     status TEXT,
     PRIMARY KEY (gene, nct_id)
   ) WITHOUT ROWID;
   INSERT INTO trial_gene SELECT nct_id, gene, required, status FROM trial_gene_v4;
   DROP TABLE trial_tumor_v4;
   DROP TABLE trial_gene_v4;
   CREATE INDEX trial_tumor_code_status ON trial_tumor(code, status, nct_id);
   CREATE INDEX trial_gene_gene_status ON trial_gene(gene, status, required, nct_id);
   CREATE INDEX trial_tumor_nct ON trial_tumor(nct_id);
   CREATE INDEX trial_gene_nct ON trial_gene(nct_id);
   CREATE VIRTUAL TABLE trial_fts USING fts5(title, conditions, eligibility_text,
     content = 'trials', content_rowid = 'id', tokenize = 'porter unicode61');
   INSERT INTO trial_fts(trial_fts) VALUES ('rebuild');`,
  // v5: the FTS index collects new terms in memory up to 'hashsize' bytes (default 1 MB) before writing them as
  // a segment that later merges have to rewrite. A large import's one transaction wrote ~ a segment per 100
  // trials; with 32 MB the index cost per trial at 50,000 trials fell from ~87 to ~53 µs (same-hour runs of
  // scratch-sized imports). The setting is stored in the index's config table; memory is released at commit.
  `INSERT INTO trial_fts(trial_fts, rank) VALUES ('hashsize', 33554432);`,
];

export function migrateTrials(db: Db): void {
  migrate(db, 'trials', MIGRATIONS);
}

export interface UpsertStats {
  inserted: number;
  updated: number;
}

/** A trial found by full-text search. */
export interface SearchHit {
  nctId: string;
  title: string;
  status: TrialStatus;
  phase?: string;
  /** Words around the match, the matched ones marked «…». */
  snippet: string;
}

/**
 * An FTS5 query from plain words: each word becomes a quoted phrase (so "non-small", "HER2+" or "(IHC 3+)" are
 * searched as the words they contain instead of failing as query syntax), all of them required.
 */
export function ftsQueryFromWords(text: string): string {
  return text
    .split(/\s+/)
    .filter((w) => /[\p{L}\p{N}]/u.test(w))
    .map((w) => `"${w.replace(/"/g, '""')}"`)
    .join(' ');
}

export class TrialStore {
  private readonly stmts;
  /** Statements whose SQL depends on the argument count (IN lists), prepared once per shape. */
  private readonly shaped = new Map<string, Statement>();
  private prepared(sql: string): Statement {
    let st = this.shaped.get(sql);
    if (!st) this.shaped.set(sql, (st = this.db.prepare(sql)));
    return st;
  }
  constructor(readonly db: Db) {
    migrateTrials(db);
    this.stmts = {
      // The indexed values of an existing version, for the FTS 'delete' (a miss costs ~1 µs, a DELETE ~3).
      old: db.prepare('SELECT id, title, conditions, eligibility_text FROM trials WHERE nct_id = ?').raw(),
      // Deleting cascades to the screening rows.
      del: db.prepare('DELETE FROM trials WHERE id = ?'),
      ftsDel: db.prepare(
        "INSERT INTO trial_fts(trial_fts, rowid, title, conditions, eligibility_text) VALUES ('delete', ?, ?, ?, ?)",
      ),
      fts: db.prepare(
        'INSERT INTO trial_fts(rowid, title, conditions, eligibility_text) VALUES (?, ?, ?, ?)',
      ),
      place: db.prepare('INSERT OR IGNORE INTO trial_places VALUES (?, ?, ?, ?, ?)'),
      ins: db.prepare(`INSERT INTO trials (nct_id, title, official_title, phase, status, sponsor, start_date, last_update, sex, min_age, max_age,
        conditions, tumor_types, interventions, eligibility_text, criteria, source, imported_at, sites)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`),
      tumor: db.prepare(
        'INSERT OR IGNORE INTO trial_tumor (nct_id, code, status, req_genes) VALUES (?, ?, ?, ?)',
      ),
      gene: db.prepare(
        'INSERT OR IGNORE INTO trial_gene (nct_id, gene, required, status) VALUES (?, ?, ?, ?)',
      ),
      get: db.prepare('SELECT * FROM trials WHERE nct_id = ?'),
      sites: db.prepare('SELECT sites FROM trials WHERE nct_id = ?').pluck(),
    };
  }

  /** Writes trials, replacing earlier versions. Call inside `transaction()` for atomic imports. */
  upsert(trial: Trial, source: string, importedAt: string): 'inserted' | 'updated' {
    return this.upsertPrepared(prepareTrialRows(trial), source, importedAt);
  }

  /** Writes what prepareTrialRows computed (possibly on another thread), replacing an earlier version. */
  upsertPrepared(p: PreparedTrial, source: string, importedAt: string): 'inserted' | 'updated' {
    const s = this.stmts;
    const old = s.old.get(p.nctId) as [number, string, string, string] | undefined;
    if (old) {
      s.del.run(old[0]);
      s.ftsDel.run(old);
    }
    const { lastInsertRowid: id } = s.ins.run(...p.row, source, importedAt, p.sites);
    // The index reads the conditions as stored (a JSON array): the tokenizer sees the same words.
    s.fts.run(id, p.row[1], p.row[11], p.row[14]);
    for (const x of p.places) s.place.run(...x);
    for (const [code, req] of p.tumors) s.tumor.run(p.nctId, code, p.row[4], req);
    for (const [gene, required] of p.genes) s.gene.run(p.nctId, gene, required, p.row[4]);
    return old ? 'updated' : 'inserted';
  }

  transaction<T>(fn: () => T): T {
    return this.db.transaction(fn)();
  }

  get(nctId: string): Trial | null {
    const row = this.stmts.get.get(nctId) as TrialRow | undefined;
    return row ? this.rowToTrial(row, parseSites(row.sites)) : null;
  }

  sitesOf(nctId: string): TrialSite[] {
    const json = this.stmts.sites.get(nctId) as string | undefined;
    return json === undefined ? [] : parseSites(json);
  }

  rowToTrial(row: TrialRow, sites: TrialSite[]): Trial {
    const t: Trial = {
      nctId: row.nct_id,
      title: row.title,
      status: row.status as TrialStatus,
      conditions: JSON.parse(row.conditions) as string[],
      tumorTypes: JSON.parse(row.tumor_types) as string[],
      interventions: JSON.parse(row.interventions) as Trial['interventions'],
      sites,
      eligibilityText: row.eligibility_text,
      criteria: expandCriteria(JSON.parse(row.criteria) as StoredCriterion[], row.eligibility_text),
    };
    if (row.official_title) t.officialTitle = row.official_title;
    if (row.phase) t.phase = row.phase;
    if (row.sponsor) t.sponsor = row.sponsor;
    if (row.start_date) t.startDate = row.start_date;
    if (row.last_update) t.lastUpdate = row.last_update;
    if (row.sex) t.sex = row.sex as 'ALL' | 'FEMALE' | 'MALE';
    if (row.min_age !== null) t.minimumAge = row.min_age;
    if (row.max_age !== null) t.maximumAge = row.max_age;
    return t;
  }

  /**
   * Candidate screening: trials whose tumor types are the case's type or one of its ancestors (including
   * "all solid tumors"), or that require one of the case's genes; filtered by status. Returns a cheap
   * pre-score used to decide which candidates get full criterion evaluation.
   */
  candidates(opts: {
    tumorCode?: string;
    genes: readonly string[];
    statuses?: readonly TrialStatus[];
  }): Array<{ nctId: string; depth: number; geneHits: number; requiresOtherGene: boolean }> {
    const anc = opts.tumorCode ? cancerAncestors(opts.tumorCode) : ['ALL_TUMORS'];
    const depthOf = new Map(anc.map((c, i) => [c, anc.length - 1 - i]));
    const st = opts.statuses ?? [];
    const statusSql = st.length > 0 ? ` AND status IN (${st.map(() => '?').join(',')})` : '';
    const out = new Map<
      string,
      { nctId: string; depth: number; geneHits: number; requiresOtherGene: boolean }
    >();
    const caseGenes = new Set(opts.genes);
    // One string for all matching rows (id, depth and required genes, split by the ASCII unit and record
    // separators, which no NCT id or gene symbol holds), split here: better-sqlite3 builds a JS array
    // and strings for every row it returns (~1 µs a row, ~7,000 rows for a common cancer type at 50,000
    // trials), three times the cost of concatenating them in SQLite and splitting once.
    const depthSql = `CASE code ${anc.map(() => 'WHEN ? THEN ?').join(' ')} ELSE 0 END`;
    const packed = this.prepared(
      `SELECT group_concat(nct_id || char(31) || ${depthSql} || char(31) || ifnull(req_genes, ''), char(30)) FROM trial_tumor
       WHERE code IN (${anc.map(() => '?').join(',')})${statusSql}`,
    )
      .pluck()
      .get(...anc.flatMap((c) => [c, depthOf.get(c)!]), ...anc, ...st) as string | null;
    // Required-gene lists repeat across trials: each distinct list is checked against the case once.
    const otherGene = new Map<string, boolean>();
    for (const item of packed ? packed.split('\x1e') : []) {
      const a = item.indexOf('\x1f');
      const b = item.indexOf('\x1f', a + 1);
      const id = item.slice(0, a);
      const d = Number(item.slice(a + 1, b));
      const cur = out.get(id);
      if (cur && cur.depth >= d) continue;
      let requiresOtherGene = false;
      if (b + 1 < item.length) {
        const req = item.slice(b + 1);
        let v = otherGene.get(req);
        if (v === undefined) otherGene.set(req, (v = req.split(',').every((g) => !caseGenes.has(g))));
        requiresOtherGene = v;
      }
      // Updated in place: the map keeps each trial where it first appeared.
      if (cur) {
        cur.depth = d;
        cur.requiresOtherGene = requiresOtherGene;
      } else out.set(id, { nctId: id, depth: d, geneHits: 0, requiresOtherGene });
    }
    if (opts.genes.length > 0) {
      const geneRows = this.prepared(
        `SELECT nct_id, count(*) FROM trial_gene WHERE gene IN (${opts.genes.map(() => '?').join(',')}) AND required = 1${statusSql} GROUP BY nct_id`,
      )
        .raw()
        .all(...opts.genes, ...st) as Array<[string, number]>;
      for (const [id, n] of geneRows) {
        const cur = out.get(id);
        // A gene-only hit (tumor type not matching) is kept for basket trials; tumor mismatch is judged later.
        if (cur) {
          cur.geneHits = n;
          cur.requiresOtherGene = false;
        } else out.set(id, { nctId: id, depth: -1, geneHits: n, requiresOtherGene: false });
      }
    }
    return [...out.values()];
  }

  /**
   * Trials by id, in no particular order. `{ sites: false }` leaves each trial's sites empty without reading
   * them (a multi-centre trial may list hundreds): the matcher reads sites only for the trials it keeps.
   */
  loadMany(ids: readonly string[], options: { sites?: boolean } = {}): Trial[] {
    if (ids.length === 0) return [];
    const withSites = options.sites ?? true;
    const cols = withSites ? '*' : TRIAL_COLUMNS_BUT_SITES;
    const out: Trial[] = [];
    for (let i = 0; i < ids.length; i += IN_CHUNK) {
      const chunk = ids.slice(i, i + IN_CHUNK);
      const q = chunk.map(() => '?').join(',');
      const rows = this.prepared(`SELECT ${cols} FROM trials WHERE nct_id IN (${q})`).all(
        ...chunk,
      ) as TrialRow[];
      for (const r of rows) out.push(this.rowToTrial(r, withSites ? parseSites(r.sites) : []));
    }
    return out;
  }

  /** The sites of several trials at once (ids not in the store are left out). */
  sitesOfMany(ids: readonly string[]): Map<string, TrialSite[]> {
    const out = new Map<string, TrialSite[]>();
    for (let i = 0; i < ids.length; i += IN_CHUNK) {
      const chunk = ids.slice(i, i + IN_CHUNK);
      const q = chunk.map(() => '?').join(',');
      const rows = this.prepared(`SELECT nct_id, sites FROM trials WHERE nct_id IN (${q})`)
        .raw()
        .all(...chunk) as Array<[string, string]>;
      for (const [id, json] of rows) out.set(id, parseSites(json));
    }
    return out;
  }

  /** Full-text search over titles, conditions and eligibility text (FTS5 query syntax): the NCT ids, best first. */
  search(query: string, limit = 20): string[] {
    return this.searchTrials(query, { limit }).map((h) => h.nctId);
  }

  /**
   * Full-text search with what a listing shows: best matches first (BM25), optionally only trials of the given
   * statuses, each with a snippet of the eligibility text around the matched words (marked «…»), or of the
   * title when only the title matched. `query` is FTS5 syntax (see ftsQueryFromWords for plain words); a
   * malformed query throws SQLite's "fts5: syntax error" message.
   */
  searchTrials(query: string, opts: { statuses?: readonly TrialStatus[]; limit?: number } = {}): SearchHit[] {
    const st = opts.statuses ?? [];
    const statusSql = st.length > 0 ? ` AND t.status IN (${st.map(() => '?').join(',')})` : '';
    const rows = this.prepared(
      `SELECT t.nct_id, t.title, t.status, t.phase,
         snippet(trial_fts, 2, '«', '»', '…', 16) AS elig, snippet(trial_fts, 0, '«', '»', '…', 16) AS head
       FROM trial_fts f JOIN trials t ON t.id = f.rowid
       WHERE trial_fts MATCH ?${statusSql} ORDER BY f.rank LIMIT ?`,
    )
      .raw()
      .all(query, ...st, opts.limit ?? 20) as Array<[string, string, string, string | null, string, string]>;
    return rows.map(([nctId, title, status, phase, elig, head]) => ({
      nctId,
      title,
      status: status as TrialStatus,
      ...(phase ? { phase } : {}),
      snippet: elig.includes('«') ? elig : head,
    }));
  }

  stats(): TrialStats {
    const total = this.db.prepare('SELECT count(*) FROM trials').pluck().get() as number;
    const byStatus = Object.fromEntries(
      this.db
        .prepare('SELECT status, count(*) FROM trials GROUP BY status ORDER BY 2 DESC')
        .raw()
        .all() as Array<[string, number]>,
    );
    const byTumor = Object.fromEntries(
      this.db
        .prepare('SELECT code, count(*) FROM trial_tumor GROUP BY code ORDER BY 2 DESC LIMIT 25')
        .raw()
        .all() as Array<[string, number]>,
    );
    const byGene = Object.fromEntries(
      this.db
        .prepare(
          'SELECT gene, count(*) FROM trial_gene WHERE required = 1 GROUP BY gene ORDER BY 2 DESC LIMIT 25',
        )
        .raw()
        .all() as Array<[string, number]>,
    );
    const [sites, geocoded] = this.db
      .prepare(`SELECT count(*), count(s.value ->> 'lat') FROM trials t, json_each(t.sites) s`)
      .raw()
      .get() as [number, number];
    const lastImport =
      (this.db.prepare('SELECT max(imported_at) FROM trials').pluck().get() as string | null) ?? null;
    let criteria = 0;
    let parsed = 0;
    for (const row of this.db.prepare('SELECT criteria FROM trials').pluck().iterate() as Iterable<string>) {
      const cs = JSON.parse(row) as StoredCriterion[];
      criteria += cs.length;
      parsed += cs.filter(storedParsed).length;
    }
    return {
      total,
      byStatus,
      byTumorType: byTumor,
      byRequiredGene: byGene,
      sites,
      geocodedSites: geocoded,
      criteria,
      parsedCriteria: parsed,
      lastImport,
    };
  }

  getState(key: string): string | undefined {
    return (
      (this.db.prepare('SELECT value FROM trial_sync_state WHERE key = ?').pluck().get(key) as
        string | undefined) ?? undefined
    );
  }
  setState(key: string, value: string | null): void {
    if (value === null) this.db.prepare('DELETE FROM trial_sync_state WHERE key = ?').run(key);
    else
      this.db
        .prepare(
          'INSERT INTO trial_sync_state VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value',
        )
        .run(key, value);
  }
}

export interface TrialStats {
  total: number;
  byStatus: Record<string, number>;
  byTumorType: Record<string, number>;
  byRequiredGene: Record<string, number>;
  sites: number;
  geocodedSites: number;
  criteria: number;
  parsedCriteria: number;
  lastImport: string | null;
}

/** Ids per `IN (…)` query, well under SQLite's bound-parameter limit. */
const IN_CHUNK = 500;
const TRIAL_COLUMNS_BUT_SITES =
  'nct_id, title, official_title, phase, status, sponsor, start_date, last_update, sex, min_age, max_age, conditions, tumor_types, interventions, eligibility_text, criteria';

export interface TrialRow {
  nct_id: string;
  title: string;
  official_title: string | null;
  phase: string | null;
  status: string;
  sponsor: string | null;
  start_date: string | null;
  last_update: string | null;
  sex: string | null;
  min_age: number | null;
  max_age: number | null;
  conditions: string;
  tumor_types: string;
  interventions: string;
  eligibility_text: string;
  criteria: string;
  /** JSON array of the trial's sites, in registry order. */
  sites: string;
}

/**
 * Sites back from the JSON column, with the fields in a fixed order and empty values left out, as the
 * earlier one-row-per-site table returned them.
 */
function parseSites(json: string): TrialSite[] {
  if (json === '[]') return [];
  const raw = JSON.parse(json) as Array<Record<string, unknown>>;
  return raw.map((r) => {
    const s: TrialSite = {};
    if (r.facility) s.facility = r.facility as string;
    if (r.city) s.city = r.city as string;
    if (r.state) s.state = r.state as string;
    if (r.country) s.country = r.country as string;
    if (r.postalCode) s.postalCode = r.postalCode as string;
    if (typeof r.lat === 'number') s.lat = r.lat;
    if (typeof r.lon === 'number') s.lon = r.lon;
    if (r.status) s.status = r.status as TrialStatus;
    return s;
  });
}

const STORES = new WeakMap<Db, TrialStore>();
/** One store (migration check and prepared statements) per connection, for repeated calls like `match`. */
export function trialStoreFor(db: Db): TrialStore {
  let s = STORES.get(db);
  if (!s) STORES.set(db, (s = new TrialStore(db)));
  return s;
}
