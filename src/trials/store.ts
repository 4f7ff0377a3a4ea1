import type { Db } from '../store/db.js';
type Statement = import('better-sqlite3').Statement<unknown[]>;
import { migrate } from '../store/db.js';
import type { Criterion, Trial, TrialSite, TrialStatus } from '../domain/index.js';
import { cancerAncestors } from './cancer-types.js';
import { registryBiomarkers } from './eligibility/parse.js';

/**
 * Trial store in the shared SQLite file. One row per trial with its JSON parts, plus narrow index tables
 * the matcher screens on (tumor type, gene, status) and an FTS5 table over titles, conditions and
 * eligibility text. Imports replace whole trials inside one transaction.
 */
const MIGRATIONS = [
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
];

export function migrateTrials(db: Db): void {
  migrate(db, 'trials', MIGRATIONS);
}

/** Genes an inclusion criterion requires (biomarker items not negated), and all genes mentioned. */
export function trialGenes(criteria: readonly Criterion[]): Map<string, boolean> {
  const genes = new Map<string, boolean>();
  for (const c of criteria) {
    for (const p of c.parsed) {
      if (p.category !== 'biomarker') continue;
      const item = p as unknown as { anyOf: Array<{ gene: string }>; negated: boolean };
      const required = c.type === 'inclusion' && !item.negated;
      for (const t of item.anyOf) genes.set(t.gene, (genes.get(t.gene) ?? false) || required);
    }
  }
  return genes;
}

/** Title + conditions biomarkers, cached: records re-imported or sharing a title read them once. */
const REGISTRY_CACHE = new Map<string, ReturnType<typeof registryBiomarkers>>();
function registryBiomarkersOf(
  title: string,
  conditions: readonly string[],
): ReturnType<typeof registryBiomarkers> {
  const key = `${title}\u0000${conditions.join('\u0001')}`;
  let v = REGISTRY_CACHE.get(key);
  if (!v) {
    v = registryBiomarkers(title, conditions);
    if (REGISTRY_CACHE.size >= 20_000) REGISTRY_CACHE.clear();
    REGISTRY_CACHE.set(key, v);
  }
  return v;
}

export interface UpsertStats {
  inserted: number;
  updated: number;
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
      exists: db.prepare('SELECT 1 FROM trials WHERE nct_id = ?').pluck(),
      del: db.prepare('DELETE FROM trials WHERE nct_id = ?'),
      delFts: db.prepare('DELETE FROM trial_fts WHERE nct_id = ?'),
      ins: db.prepare(`INSERT INTO trials (nct_id, title, official_title, phase, status, sponsor, start_date, last_update, sex, min_age, max_age,
        conditions, tumor_types, interventions, eligibility_text, criteria, source, imported_at)
        VALUES (@nctId, @title, @officialTitle, @phase, @status, @sponsor, @startDate, @lastUpdate, @sex, @minAge, @maxAge,
        @conditions, @tumorTypes, @interventions, @eligibilityText, @criteria, @source, @importedAt)`),
      site: db.prepare('INSERT INTO trial_sites VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)'),
      tumor: db.prepare(
        'INSERT OR IGNORE INTO trial_tumor (nct_id, code, status, req_genes) VALUES (?, ?, ?, ?)',
      ),
      gene: db.prepare(
        'INSERT OR IGNORE INTO trial_gene (nct_id, gene, required, status) VALUES (?, ?, ?, ?)',
      ),
      fts: db.prepare('INSERT INTO trial_fts (nct_id, title, conditions, eligibility) VALUES (?, ?, ?, ?)'),
      get: db.prepare('SELECT * FROM trials WHERE nct_id = ?'),
      sites: db.prepare('SELECT * FROM trial_sites WHERE nct_id = ? ORDER BY idx'),
    };
  }

  /** Writes trials, replacing earlier versions. Call inside `transaction()` for atomic imports. */
  upsert(trial: Trial, source: string, importedAt: string): 'inserted' | 'updated' {
    const s = this.stmts;
    const existed = s.exists.get(trial.nctId) !== undefined;
    if (existed) {
      s.del.run(trial.nctId);
      s.delFts.run(trial.nctId);
    }
    s.ins.run({
      nctId: trial.nctId,
      title: trial.title,
      officialTitle: trial.officialTitle ?? null,
      phase: trial.phase ?? null,
      status: trial.status,
      sponsor: trial.sponsor ?? null,
      startDate: trial.startDate ?? null,
      lastUpdate: trial.lastUpdate ?? null,
      sex: trial.sex ?? null,
      minAge: trial.minimumAge ?? null,
      maxAge: trial.maximumAge ?? null,
      conditions: JSON.stringify(trial.conditions),
      tumorTypes: JSON.stringify(trial.tumorTypes),
      interventions: JSON.stringify(trial.interventions),
      eligibilityText: trial.eligibilityText,
      criteria: JSON.stringify(compactCriteria(trial.criteria, trial.eligibilityText)),
      source,
      importedAt,
    });
    trial.sites.forEach((x, i) =>
      s.site.run(
        trial.nctId,
        i,
        x.facility ?? null,
        x.city ?? null,
        x.state ?? null,
        x.country ?? null,
        x.postalCode ?? null,
        x.lat ?? null,
        x.lon ?? null,
        x.status ?? null,
      ),
    );
    // Trials with no recognised cancer type are indexed as "all tumors" so they stay findable (ranked low).
    const codes = trial.tumorTypes.length > 0 ? trial.tumorTypes : ['ALL_TUMORS'];
    const genes = trialGenes(trial.criteria);
    for (const b of registryBiomarkersOf(trial.title, trial.conditions))
      for (const t of b.anyOf) genes.set(t.gene, true);
    const required = [...genes]
      .filter(([g, r]) => r && !['CD274', 'ER', 'PR', 'HR'].includes(g))
      .map(([g]) => g);
    for (const c of codes)
      s.tumor.run(trial.nctId, c, trial.status, required.length > 0 ? required.join(',') : null);
    for (const [gene, required] of genes) s.gene.run(trial.nctId, gene, required ? 1 : 0, trial.status);
    s.fts.run(trial.nctId, trial.title, trial.conditions.join('; '), trial.eligibilityText);
    return existed ? 'updated' : 'inserted';
  }

  transaction<T>(fn: () => T): T {
    return this.db.transaction(fn)();
  }

  get(nctId: string): Trial | null {
    const row = this.stmts.get.get(nctId) as TrialRow | undefined;
    return row ? this.rowToTrial(row, this.sitesOf(nctId)) : null;
  }

  sitesOf(nctId: string): TrialSite[] {
    return (this.stmts.sites.all(nctId) as SiteRow[]).map(siteFromRow);
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
    const tumorRows = this.prepared(
      `SELECT nct_id, code, req_genes FROM trial_tumor WHERE code IN (${anc.map(() => '?').join(',')})${statusSql}`,
    )
      .raw()
      .all(...anc, ...st) as Array<[string, string, string | null]>;
    for (const [id, code, req] of tumorRows) {
      const d = depthOf.get(code) ?? 0;
      const cur = out.get(id);
      const requiresOtherGene = req !== null && req.split(',').every((g) => !caseGenes.has(g));
      if (!cur || cur.depth < d)
        out.set(id, { nctId: id, depth: d, geneHits: cur?.geneHits ?? 0, requiresOtherGene });
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
        out.set(id, { nctId: id, depth: cur?.depth ?? -1, geneHits: n, requiresOtherGene: false });
      }
    }
    return [...out.values()];
  }

  loadMany(ids: readonly string[]): Trial[] {
    if (ids.length === 0) return [];
    const out: Trial[] = [];
    const CH = 500;
    for (let i = 0; i < ids.length; i += CH) {
      const chunk = ids.slice(i, i + CH);
      const q = chunk.map(() => '?').join(',');
      const rows = this.prepared(`SELECT * FROM trials WHERE nct_id IN (${q})`).all(...chunk) as TrialRow[];
      const sites = this.prepared(
        `SELECT * FROM trial_sites WHERE nct_id IN (${q}) ORDER BY nct_id, idx`,
      ).all(...chunk) as SiteRow[];
      const byId = new Map<string, TrialSite[]>();
      for (const s of sites) {
        let l = byId.get(s.nct_id);
        if (!l) byId.set(s.nct_id, (l = []));
        l.push(siteFromRow(s));
      }
      for (const r of rows) out.push(this.rowToTrial(r, byId.get(r.nct_id) ?? []));
    }
    return out;
  }

  /** Full-text search over titles, conditions and eligibility text (FTS5 query syntax). */
  search(query: string, limit = 20): string[] {
    return this.db
      .prepare('SELECT nct_id FROM trial_fts WHERE trial_fts MATCH ? ORDER BY rank LIMIT ?')
      .pluck()
      .all(query, limit) as string[];
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
    const sites = this.db.prepare('SELECT count(*) FROM trial_sites').pluck().get() as number;
    const geocoded = this.db
      .prepare('SELECT count(*) FROM trial_sites WHERE lat IS NOT NULL')
      .pluck()
      .get() as number;
    const lastImport =
      (this.db.prepare('SELECT max(imported_at) FROM trials').pluck().get() as string | null) ?? null;
    let criteria = 0;
    let parsed = 0;
    for (const row of this.db.prepare('SELECT criteria FROM trials').pluck().iterate() as Iterable<string>) {
      const cs = JSON.parse(row) as Criterion[];
      criteria += cs.length;
      parsed += cs.filter((c) => c.parsed.length > 0).length;
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
}
interface SiteRow {
  nct_id: string;
  idx: number;
  facility: string | null;
  city: string | null;
  state: string | null;
  country: string | null;
  postal_code: string | null;
  lat: number | null;
  lon: number | null;
  status: string | null;
}
function siteFromRow(r: SiteRow): TrialSite {
  const s: TrialSite = {};
  if (r.facility) s.facility = r.facility;
  if (r.city) s.city = r.city;
  if (r.state) s.state = r.state;
  if (r.country) s.country = r.country;
  if (r.postal_code) s.postalCode = r.postal_code;
  if (r.lat !== null) s.lat = r.lat;
  if (r.lon !== null) s.lon = r.lon;
  if (r.status) s.status = r.status as TrialStatus;
  return s;
}

const STORES = new WeakMap<Db, TrialStore>();
/** One store (migration check and prepared statements) per connection, for repeated calls like `match`. */
export function trialStoreFor(db: Db): TrialStore {
  let s = STORES.get(db);
  if (!s) STORES.set(db, (s = new TrialStore(db)));
  return s;
}

/**
 * Most criterion texts are the eligibility text at their span: those are stored without the text (it is
 * already in `eligibility_text`) and cut out again on load, so the database holds each text once. Rows
 * written before carry the text and load unchanged.
 */
type StoredCriterion = Omit<Criterion, 'text'> & { text?: string };

function compactCriteria(criteria: readonly Criterion[], text: string): StoredCriterion[] {
  return criteria.map((c) => {
    if (c.span && text.slice(c.span[0], c.span[1]) === c.text) {
      const { text: _omit, ...rest } = c;
      return rest;
    }
    return c;
  });
}

function expandCriteria(stored: StoredCriterion[], text: string): Criterion[] {
  for (let i = 0; i < stored.length; i++) {
    const c = stored[i]!;
    if (c.text === undefined && c.span) {
      const { type, ...rest } = c;
      stored[i] = { type, text: text.slice(c.span[0], c.span[1]), ...rest } as Criterion;
    }
  }
  return stored as Criterion[];
}
