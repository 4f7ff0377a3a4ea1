import {
  EvidenceSchema,
  KnowledgeReleaseSchema,
  LEVELS,
  type Evidence,
  type KnowledgeRelease,
  type Level,
} from '../domain/index.js';
import { migrate, openDb, type Db } from '../store/db.js';

/**
 * Imported knowledge (CIViC, MOAlmanac, CGI…) in the shared SQLite file. One current release per source:
 * an import replaces that source's release and all its evidence in one transaction, so a failed or killed
 * import leaves the previous release in place and queryable (SQLite rolls back an uncommitted
 * transaction; WAL keeps readers on the last committed state meanwhile).
 *
 * Built-in knowledge is code (src/knowledge/builtin) and is not stored here.
 */
const MIGRATIONS = [
  `CREATE TABLE knowledge_releases (
     source TEXT PRIMARY KEY,
     version TEXT NOT NULL,
     date TEXT NOT NULL,
     imported_at TEXT NOT NULL,
     research_use_only INTEGER NOT NULL DEFAULT 0,
     license TEXT,
     evidence_count INTEGER NOT NULL,
     report TEXT
   );
   CREATE TABLE knowledge_evidence (
     source TEXT NOT NULL,
     id TEXT NOT NULL,
     gene TEXT,
     partner TEXT,
     pattern_type TEXT NOT NULL,
     pattern TEXT NOT NULL,
     tumor_types TEXT NOT NULL,
     excluded_tumor_types TEXT NOT NULL,
     drugs TEXT NOT NULL,
     effect TEXT NOT NULL,
     level TEXT NOT NULL,
     citations TEXT NOT NULL,
     description TEXT,
     source_level TEXT,
     research_use_only INTEGER NOT NULL DEFAULT 0,
     release TEXT NOT NULL,
     seq INTEGER NOT NULL,
     PRIMARY KEY (source, id)
   );
   CREATE INDEX knowledge_evidence_gene ON knowledge_evidence(gene);
   CREATE INDEX knowledge_evidence_partner ON knowledge_evidence(partner);`,
];

/** What an importer tells about a release beyond the evidence: counts of rows skipped by reason, etc. */
export interface ImportReport {
  rowsRead: number;
  imported: number;
  skipped: Record<string, number>;
  /** Source disease names (or codes) that could not be mapped to OncoTree, with counts. */
  unmappedDiseases?: Record<string, number>;
  /** Source alteration names that could not be turned into a pattern, with counts. */
  unmappedAlterations?: Record<string, number>;
}

export interface SourceStats {
  source: string;
  version: string;
  date: string;
  researchUseOnly: boolean;
  evidence: number;
  genes: number;
  byLevel: Record<Level, number>;
  byEffect: { sensitivity: number; resistance: number };
}

export interface KnowledgeStats {
  sources: SourceStats[];
  totalEvidence: number;
}

interface EvidenceRow {
  source: string;
  id: string;
  pattern: string;
  tumor_types: string;
  excluded_tumor_types: string;
  drugs: string;
  effect: string;
  level: string;
  citations: string;
  description: string | null;
  source_level: string | null;
  research_use_only: number;
  release: string;
}

interface ReleaseRow {
  source: string;
  version: string;
  date: string;
  imported_at: string;
  research_use_only: number;
  license: string | null;
  evidence_count: number;
  report: string | null;
}

/** The key a pattern is looked up by: its gene, or for biomarker patterns the biomarker name (`MSI`, `TMB`…). */
export function patternKey(e: Evidence): { gene: string | null; partner: string | null } {
  const p = e.pattern;
  switch (p.type) {
    case 'biomarker':
      return { gene: p.biomarker, partner: null };
    case 'fusion':
      return { gene: p.gene, partner: p.partner ?? null };
    case 'variant':
    case 'codon':
    case 'class':
    case 'oncogenic':
    case 'anyMutation':
    case 'amplification':
    case 'deletion':
      return { gene: p.gene, partner: null };
  }
}

const SELECT_COLUMNS =
  'source, id, pattern, tumor_types, excluded_tumor_types, drugs, effect, level, citations, description, source_level, research_use_only, release';

export class KnowledgeStore {
  /** False for a read-only file that has never held knowledge: every query then answers empty. */
  private readonly ready: boolean;

  constructor(readonly db: Db) {
    if (db.readonly) {
      // A read-only connection cannot migrate; a file written only by other modules simply has no knowledge yet.
      this.ready =
        db
          .prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'knowledge_evidence'")
          .get() !== undefined;
    } else {
      migrate(db, 'knowledge', MIGRATIONS);
      this.ready = true;
    }
  }

  /** Current releases, one per imported source, by source name. */
  releases(): KnowledgeRelease[] {
    if (!this.ready) return [];
    const rows = this.db.prepare('SELECT * FROM knowledge_releases ORDER BY source').all() as ReleaseRow[];
    return rows.map(toRelease);
  }

  release(source: string): KnowledgeRelease | undefined {
    if (!this.ready) return undefined;
    const row = this.db.prepare('SELECT * FROM knowledge_releases WHERE source = ?').get(source) as
      ReleaseRow | undefined;
    return row ? toRelease(row) : undefined;
  }

  /** The importer's report (skips by reason, unmapped names) stored with the current release. */
  importReport(source: string): ImportReport | undefined {
    if (!this.ready) return undefined;
    const row = this.db.prepare('SELECT report FROM knowledge_releases WHERE source = ?').get(source) as
      { report: string | null } | undefined;
    return row?.report ? (JSON.parse(row.report) as ImportReport) : undefined;
  }

  /**
   * Evidence whose pattern is keyed on one of `genes` (as gene or as fusion partner). Biomarker evidence is
   * keyed on the biomarker name, so `['MSI', 'TMB']` finds it. Order: source, then import order.
   */
  evidenceForGenes(genes: readonly string[], sources?: readonly string[]): Evidence[] {
    const keys = [...new Set(genes.map((g) => g.trim()).filter((g) => g !== ''))];
    if (keys.length === 0 || !this.ready) return [];
    const out: Evidence[] = [];
    // SQLite limits bound parameters (32766 in recent builds); chunk to stay far below.
    for (let i = 0; i < keys.length; i += 400) {
      const chunk = keys.slice(i, i + 400);
      const ph = chunk.map(() => '?').join(',');
      const params: string[] = [...chunk, ...chunk];
      let sql = `SELECT ${SELECT_COLUMNS} FROM knowledge_evidence WHERE (gene IN (${ph}) OR partner IN (${ph}))`;
      if (sources && sources.length > 0) {
        sql += ` AND source IN (${sources.map(() => '?').join(',')})`;
        params.push(...sources);
      }
      sql += ' ORDER BY source, seq';
      for (const row of this.db.prepare(sql).iterate(...params) as Iterable<EvidenceRow>)
        out.push(toEvidence(row));
    }
    if (keys.length > 400) out.sort((a, b) => (a.source < b.source ? -1 : a.source > b.source ? 1 : 0));
    return out;
  }

  allEvidence(sources?: readonly string[]): Evidence[] {
    if (!this.ready) return [];
    let sql = `SELECT ${SELECT_COLUMNS} FROM knowledge_evidence`;
    const params: string[] = [];
    if (sources && sources.length > 0) {
      sql += ` WHERE source IN (${sources.map(() => '?').join(',')})`;
      params.push(...sources);
    }
    sql += ' ORDER BY source, seq';
    return (this.db.prepare(sql).all(...params) as EvidenceRow[]).map(toEvidence);
  }

  stats(): KnowledgeStats {
    const sources: SourceStats[] = [];
    let totalEvidence = 0;
    for (const r of this.releases()) {
      const byLevel = Object.fromEntries(LEVELS.map((l) => [l, 0])) as Record<Level, number>;
      for (const row of this.db
        .prepare('SELECT level, COUNT(*) AS n FROM knowledge_evidence WHERE source = ? GROUP BY level')
        .all(r.source) as {
        level: Level;
        n: number;
      }[])
        byLevel[row.level] = row.n;
      const byEffect = { sensitivity: 0, resistance: 0 };
      for (const row of this.db
        .prepare('SELECT effect, COUNT(*) AS n FROM knowledge_evidence WHERE source = ? GROUP BY effect')
        .all(r.source) as {
        effect: 'sensitivity' | 'resistance';
        n: number;
      }[])
        byEffect[row.effect] = row.n;
      const genes = (
        this.db
          .prepare('SELECT COUNT(DISTINCT gene) AS n FROM knowledge_evidence WHERE source = ?')
          .get(r.source) as { n: number }
      ).n;
      const evidence = byEffect.sensitivity + byEffect.resistance;
      totalEvidence += evidence;
      sources.push({
        source: r.source,
        version: r.version,
        date: r.date,
        researchUseOnly: r.researchUseOnly,
        evidence,
        genes,
        byLevel,
        byEffect,
      });
    }
    return { sources, totalEvidence };
  }

  /**
   * Replaces `release.source`'s release and evidence in one transaction. Each evidence item is validated
   * against the domain schema; any error (invalid item, duplicate id, an exception thrown by the iterable)
   * rolls everything back and leaves the previous release as it was.
   */
  replaceRelease(
    release: KnowledgeRelease,
    evidence: Iterable<Evidence>,
    report?: ImportReport,
  ): { evidenceCount: number } {
    const rel = KnowledgeReleaseSchema.parse(release);
    const insert = this.db.prepare(
      `INSERT INTO knowledge_evidence (source, id, gene, partner, pattern_type, pattern, tumor_types, excluded_tumor_types, drugs, effect, level,
         citations, description, source_level, research_use_only, release, seq)
       VALUES (@source, @id, @gene, @partner, @pattern_type, @pattern, @tumor_types, @excluded_tumor_types, @drugs, @effect, @level,
         @citations, @description, @source_level, @research_use_only, @release, @seq)`,
    );
    const run = this.db.transaction(() => {
      this.db.prepare('DELETE FROM knowledge_evidence WHERE source = ?').run(rel.source);
      let seq = 0;
      for (const raw of evidence) {
        const e = EvidenceSchema.parse(raw);
        if (e.source !== rel.source)
          throw new Error(`evidence ${e.id} has source ${e.source}, expected ${rel.source}`);
        const key = patternKey(e);
        insert.run({
          source: e.source,
          id: e.id,
          gene: key.gene,
          partner: key.partner,
          pattern_type: e.pattern.type,
          pattern: JSON.stringify(e.pattern),
          tumor_types: JSON.stringify(e.tumorTypes),
          excluded_tumor_types: JSON.stringify(e.excludedTumorTypes),
          drugs: JSON.stringify(e.drugs),
          effect: e.effect,
          level: e.level,
          citations: JSON.stringify(e.citations),
          description: e.description ?? null,
          source_level: e.sourceLevel ?? null,
          research_use_only: e.researchUseOnly ? 1 : 0,
          release: e.release,
          seq: seq++,
        });
      }
      this.db
        .prepare(
          `INSERT INTO knowledge_releases (source, version, date, imported_at, research_use_only, license, evidence_count, report)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?)
           ON CONFLICT(source) DO UPDATE SET version = excluded.version, date = excluded.date, imported_at = excluded.imported_at,
             research_use_only = excluded.research_use_only, license = excluded.license, evidence_count = excluded.evidence_count,
             report = excluded.report`,
        )
        .run(
          rel.source,
          rel.version,
          rel.date,
          rel.importedAt ?? new Date().toISOString(),
          rel.researchUseOnly ? 1 : 0,
          rel.license ?? null,
          seq,
          report ? JSON.stringify(report) : null,
        );
      return seq;
    });
    return { evidenceCount: run() };
  }

  /** Removes a source's release and evidence (one transaction). */
  removeSource(source: string): boolean {
    return this.db.transaction(() => {
      this.db.prepare('DELETE FROM knowledge_evidence WHERE source = ?').run(source);
      return this.db.prepare('DELETE FROM knowledge_releases WHERE source = ?').run(source).changes > 0;
    })();
  }

  close(): void {
    this.db.close();
  }
}

function toRelease(r: ReleaseRow): KnowledgeRelease {
  return {
    source: r.source,
    version: r.version,
    date: r.date,
    importedAt: r.imported_at,
    researchUseOnly: r.research_use_only === 1,
    ...(r.license !== null ? { license: r.license } : {}),
    evidenceCount: r.evidence_count,
  };
}

function toEvidence(r: EvidenceRow): Evidence {
  return {
    id: r.id,
    source: r.source,
    release: r.release,
    pattern: JSON.parse(r.pattern) as Evidence['pattern'],
    tumorTypes: JSON.parse(r.tumor_types) as string[],
    excludedTumorTypes: JSON.parse(r.excluded_tumor_types) as string[],
    drugs: JSON.parse(r.drugs) as string[],
    effect: r.effect as Evidence['effect'],
    level: r.level as Level,
    citations: JSON.parse(r.citations) as Evidence['citations'],
    ...(r.description !== null ? { description: r.description } : {}),
    ...(r.source_level !== null ? { sourceLevel: r.source_level } : {}),
    researchUseOnly: r.research_use_only === 1,
  };
}

/** Opens (creating and migrating if needed) the knowledge store in the SQLite file at `dbPath`. */
export function openKnowledgeStore(dbPath: string, options: { readonly?: boolean } = {}): KnowledgeStore {
  return new KnowledgeStore(openDb(dbPath, options));
}
