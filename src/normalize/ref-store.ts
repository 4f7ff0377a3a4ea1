import { createWriteStream, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { gunzipSync } from 'node:zlib';
import { OnconavError, type Issue, type TumorType } from '../domain/index.js';
import { readLineBatches, type LongWorkOptions } from '../intake/lines.js';
import { migrate, type Db } from '../store/db.js';
import { GeneResolver, builtinGeneLookup, type GeneLookup } from './genes.js';
import { BUILTIN_RETIRED_CODES, ONCOTREE_ROOT, OncoTree } from './oncotree.js';

/**
 * Reference sets in the shared SQLite store: the HGNC gene set and the OncoTree tree, each imported from a
 * public release (file or URL) in one transaction, so a failed import leaves the previous release in use.
 */
const MIGRATIONS: readonly string[] = [
  `CREATE TABLE ref_releases (
     kind TEXT PRIMARY KEY,
     version TEXT NOT NULL,
     source TEXT NOT NULL,
     imported_at TEXT NOT NULL,
     row_count INTEGER NOT NULL
   );
   CREATE TABLE ref_hgnc_genes (
     symbol_upper TEXT PRIMARY KEY,
     symbol TEXT NOT NULL,
     hgnc_id TEXT,
     name TEXT,
     locus_group TEXT,
     entrez_id TEXT
   );
   CREATE TABLE ref_hgnc_names (
     name_upper TEXT NOT NULL,
     symbol TEXT NOT NULL,
     kind TEXT NOT NULL CHECK (kind IN ('alias', 'previous')),
     PRIMARY KEY (name_upper, kind, symbol)
   ) WITHOUT ROWID;
   CREATE TABLE ref_oncotree_nodes (
     code TEXT PRIMARY KEY,
     name TEXT NOT NULL,
     main_type TEXT,
     tissue TEXT,
     parent TEXT,
     level INTEGER
   );
   CREATE TABLE ref_oncotree_retired (
     old_code TEXT NOT NULL,
     code TEXT NOT NULL,
     PRIMARY KEY (old_code, code)
   ) WITHOUT ROWID;`,
];

export const REFERENCE_KINDS = ['hgnc', 'oncotree'] as const;
export type ReferenceKind = (typeof REFERENCE_KINDS)[number];

export function migrateReference(db: Db): void {
  migrate(db, 'reference', MIGRATIONS);
}

export interface ReferenceRelease {
  kind: ReferenceKind;
  version: string;
  source: string;
  importedAt: string;
  rowCount: number;
}

export interface ImportResult {
  kind: ReferenceKind;
  /** Undefined when nothing was imported (the previous release, if any, stays). */
  release?: ReferenceRelease;
  issues: Issue[];
}

export interface ImportOptions extends LongWorkOptions {
  /** Release label; default: taken from the file (HGNC date_modified, OncoTree file name). */
  version?: string;
  /** Name shown in issues and recorded as the source; default: the path. */
  displayName?: string;
  /** Clock, injectable for tests. */
  now?: () => Date;
}

function hasTable(db: Db, name: string): boolean {
  return db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?").get(name) !== undefined;
}

export function referenceStatus(db: Db): ReferenceRelease[] {
  if (!hasTable(db, 'ref_releases')) return [];
  const rows = db.prepare('SELECT kind, version, source, imported_at AS importedAt, row_count AS rowCount FROM ref_releases ORDER BY kind').all() as ReferenceRelease[];
  return rows;
}

function release(db: Db, kind: ReferenceKind): ReferenceRelease | undefined {
  return referenceStatus(db).find((r) => r.kind === kind);
}

// ---------------------------------------------------------------------------------------------------------
// HGNC

/** Pipe-separated HGNC list cell; newer downloads wrap lists in double quotes. */
function listCell(v: string | undefined): string[] {
  if (!v) return [];
  return v
    .replace(/^"|"$/g, '')
    .split('|')
    .map((s) => s.trim())
    .filter(Boolean);
}

interface HgncRow {
  symbol: string;
  hgncId: string;
  name: string;
  locusGroup: string;
  entrezId: string;
  aliases: string[];
  previous: string[];
}

/**
 * Reads the HGNC complete set (genenames.org `hgnc_complete_set.txt`, TSV, optionally gzip): columns
 * `symbol`, `status`, `alias_symbol`, `prev_symbol` (pipe-separated) are required. Only `Approved` rows
 * become genes; withdrawn entries are counted and skipped.
 */
export async function importHgnc(db: Db, path: string, options: ImportOptions = {}): Promise<ImportResult> {
  const file = options.displayName ?? path;
  const issues: Issue[] = [];
  const rows: HgncRow[] = [];
  let header: string[] | undefined;
  let col: Record<string, number> = {};
  let maxModified = '';
  let withdrawn = 0;
  let badRows = 0;
  for await (const batch of readLineBatches(path, { issues, signal: options.signal, onProgress: options.onProgress, displayName: file })) {
    for (let i = 0; i < batch.lines.length; i++) {
      const line = batch.lines[i]!;
      const lineNo = batch.firstLine + i;
      if (!line.trim()) continue;
      const cells = line.split('\t');
      if (!header) {
        header = cells.map((c) => c.trim().replace(/^"|"$/g, ''));
        col = Object.fromEntries(header.map((h, j) => [h, j]));
        const missing = ['symbol', 'status', 'alias_symbol', 'prev_symbol'].filter((c) => col[c] === undefined);
        if (missing.length) {
          issues.push({ severity: 'error', code: 'hgnc.missing-column', message: `not an HGNC complete set: missing column(s) ${missing.join(', ')}`, file, line: lineNo });
          return { kind: 'hgnc', issues };
        }
        continue;
      }
      const get = (c: string): string => {
        const j = col[c];
        return j === undefined ? '' : (cells[j] ?? '').trim().replace(/^"|"$/g, '');
      };
      const symbol = get('symbol');
      if (!symbol) {
        badRows++;
        if (badRows <= 50) issues.push({ severity: 'warning', code: 'hgnc.bad-row', message: 'row without a symbol skipped', file, line: lineNo, field: 'symbol' });
        continue;
      }
      const status = get('status');
      if (status !== 'Approved') {
        withdrawn++;
        continue;
      }
      const modified = get('date_modified');
      if (modified > maxModified) maxModified = modified;
      rows.push({
        symbol,
        hgncId: get('hgnc_id'),
        name: get('name'),
        locusGroup: get('locus_group'),
        entrezId: get('entrez_id'),
        aliases: listCell(cells[col['alias_symbol']!]),
        previous: listCell(cells[col['prev_symbol']!]),
      });
    }
  }
  if (badRows > 50) issues.push({ severity: 'warning', code: 'hgnc.bad-row', message: `${badRows} rows without a symbol skipped in all`, file });
  if (withdrawn) issues.push({ severity: 'info', code: 'hgnc.withdrawn', message: `${withdrawn} withdrawn entries skipped`, file });
  if (issues.some((i) => i.severity === 'error')) return { kind: 'hgnc', issues };
  if (!header || rows.length === 0) {
    issues.push({ severity: 'error', code: 'hgnc.empty', message: 'no approved genes found; nothing imported', file });
    return { kind: 'hgnc', issues };
  }
  options.signal?.throwIfAborted();
  const version = options.version ?? (maxModified ? `HGNC ${maxModified}` : `HGNC ${basename(path)}`);
  const rel: ReferenceRelease = { kind: 'hgnc', version, source: file, importedAt: (options.now?.() ?? new Date()).toISOString(), rowCount: rows.length };
  migrateReference(db);
  db.transaction(() => {
    db.exec('DELETE FROM ref_hgnc_genes; DELETE FROM ref_hgnc_names;');
    const gene = db.prepare('INSERT OR REPLACE INTO ref_hgnc_genes(symbol_upper, symbol, hgnc_id, name, locus_group, entrez_id) VALUES (?, ?, ?, ?, ?, ?)');
    const name = db.prepare('INSERT OR IGNORE INTO ref_hgnc_names(name_upper, symbol, kind) VALUES (?, ?, ?)');
    for (const r of rows) {
      gene.run(r.symbol.toUpperCase(), r.symbol, r.hgncId || null, r.name || null, r.locusGroup || null, r.entrezId || null);
      for (const a of r.aliases) name.run(a.toUpperCase(), r.symbol, 'alias');
      for (const p of r.previous) name.run(p.toUpperCase(), r.symbol, 'previous');
    }
    upsertRelease(db, rel);
  })();
  return { kind: 'hgnc', release: rel, issues };
}

function upsertRelease(db: Db, r: ReferenceRelease): void {
  db.prepare(
    `INSERT INTO ref_releases(kind, version, source, imported_at, row_count) VALUES (?, ?, ?, ?, ?)
     ON CONFLICT(kind) DO UPDATE SET version = excluded.version, source = excluded.source,
       imported_at = excluded.imported_at, row_count = excluded.row_count`,
  ).run(r.kind, r.version, r.source, r.importedAt, r.rowCount);
}

/** Gene lookups answered from the imported HGNC set; undefined when none was imported. */
export function storeGeneLookup(db: Db): GeneLookup | undefined {
  const rel = release(db, 'hgnc');
  if (!rel) return undefined;
  const approved = db.prepare('SELECT symbol FROM ref_hgnc_genes WHERE symbol_upper = ?').pluck();
  const names = db.prepare('SELECT symbol FROM ref_hgnc_names WHERE name_upper = ? AND kind = ? ORDER BY symbol').pluck();
  return {
    source: rel.version,
    approved: (upper) => approved.get(upper) as string | undefined,
    previousOf: (upper) => names.all(upper, 'previous') as string[],
    aliasOf: (upper) => names.all(upper, 'alias') as string[],
  };
}

/**
 * The resolver over the imported HGNC set plus the built-in panel-legacy rules; the built-in list still
 * answers "is this current" for symbols renamed after the imported release (e.g. 2020 histone names).
 * Falls back to the built-in resolver when nothing was imported.
 */
export function resolverFromStore(db: Db): GeneResolver {
  const lookup = storeGeneLookup(db);
  return lookup ? new GeneResolver(lookup, builtinGeneLookup()) : new GeneResolver();
}

// ---------------------------------------------------------------------------------------------------------
// OncoTree

interface ParsedTree {
  nodes: TumorType[];
  retired: Array<[string, string]>;
}

const splitCodes = (v: unknown): string[] =>
  Array.isArray(v)
    ? v.filter((x): x is string => typeof x === 'string' && x.trim() !== '').map((x) => x.trim())
    : typeof v === 'string'
      ? v
          .split(/[,|;]/)
          .map((s) => s.trim())
          .filter(Boolean)
      : [];

/** OncoTree JSON: the nested tree file (`{"TISSUE": {children: …}}`) or the API's flat array of nodes. */
function parseTreeJson(text: string, file: string, issues: Issue[]): ParsedTree | undefined {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (err) {
    issues.push({ severity: 'error', code: 'oncotree.bad-json', message: `not valid JSON: ${(err as Error).message}`, file });
    return undefined;
  }
  const out: ParsedTree = { nodes: [], retired: [] };
  const take = (n: unknown, pointer: string, parentHint: string | null): void => {
    if (typeof n !== 'object' || n === null) {
      issues.push({ severity: 'warning', code: 'oncotree.bad-node', message: 'node is not an object; skipped', file, pointer });
      return;
    }
    const o = n as Record<string, unknown>;
    const code = typeof o.code === 'string' ? o.code.trim() : '';
    const name = typeof o.name === 'string' ? o.name.trim() : '';
    if (!code || !name) {
      issues.push({ severity: 'warning', code: 'oncotree.bad-node', message: 'node without code or name; skipped', file, pointer });
    } else {
      const parent = typeof o.parent === 'string' && o.parent ? o.parent : parentHint;
      const node: TumorType = { code, name, parent: code === ONCOTREE_ROOT ? null : (parent ?? ONCOTREE_ROOT) };
      if (typeof o.mainType === 'string' && o.mainType) node.mainType = o.mainType;
      if (typeof o.tissue === 'string' && o.tissue) node.tissue = o.tissue;
      if (typeof o.level === 'number' && Number.isInteger(o.level) && o.level >= 0) node.level = o.level;
      out.nodes.push(node);
      for (const f of ['history', 'revocations', 'precursors']) for (const old of splitCodes(o[f])) out.retired.push([old, code]);
    }
    if (o.children && typeof o.children === 'object') {
      const kids = Array.isArray(o.children) ? o.children.map((c, i) => [String(i), c] as const) : Object.entries(o.children as Record<string, unknown>);
      for (const [k, child] of kids) take(child, `${pointer}/children/${k.replace(/~/g, '~0').replace(/\//g, '~1')}`, code || parentHint);
    }
  };
  if (Array.isArray(data)) data.forEach((n, i) => take(n, `/${i}`, null));
  else if (typeof data === 'object' && data !== null) for (const [k, n] of Object.entries(data)) take(n, `/${k}`, null);
  return out;
}

/**
 * OncoTree TSV: either a flat table with `code`, `name`, `parent` (and optional `main_type`/`mainType`,
 * `tissue`, `level`, `history`, `revocations`, `precursors`), or the classic `tumor_types.txt` with
 * `level_1`…`level_7` cells written `Name (CODE)`.
 */
function parseTreeTsv(text: string, file: string, issues: Issue[]): ParsedTree | undefined {
  const lines = text.split(/\r?\n/);
  const headerIdx = lines.findIndex((l) => l.trim() !== '');
  if (headerIdx < 0) {
    issues.push({ severity: 'error', code: 'oncotree.empty', message: 'file is empty', file });
    return undefined;
  }
  const header = lines[headerIdx]!.split('\t').map((h) => h.trim().toLowerCase());
  const col = (...names: string[]): number => header.findIndex((h) => names.includes(h));
  const out: ParsedTree = { nodes: [], retired: [] };
  const cCode = col('code');
  const cParent = col('parent');
  const cName = col('name');
  if (cCode >= 0 && cParent >= 0 && cName >= 0) {
    const cMain = col('main_type', 'maintype');
    const cTissue = col('tissue');
    const cLevel = col('level');
    const cHist = [col('history'), col('revocations'), col('precursors')].filter((c) => c >= 0);
    for (let i = headerIdx + 1; i < lines.length; i++) {
      const line = lines[i]!;
      if (!line.trim()) continue;
      const cells = line.split('\t');
      const code = (cells[cCode] ?? '').trim();
      const name = (cells[cName] ?? '').trim();
      if (!code || !name) {
        issues.push({ severity: 'warning', code: 'oncotree.bad-row', message: 'row without code or name; skipped', file, line: i + 1 });
        continue;
      }
      const parent = (cells[cParent] ?? '').trim();
      const node: TumorType = { code, name, parent: code === ONCOTREE_ROOT ? null : parent || ONCOTREE_ROOT };
      const main = cMain >= 0 ? (cells[cMain] ?? '').trim() : '';
      if (main) node.mainType = main;
      const tissue = cTissue >= 0 ? (cells[cTissue] ?? '').trim() : '';
      if (tissue) node.tissue = tissue;
      const level = cLevel >= 0 ? Number((cells[cLevel] ?? '').trim()) : NaN;
      if (Number.isInteger(level) && level >= 0) node.level = level;
      out.nodes.push(node);
      for (const c of cHist) for (const old of splitCodes(cells[c])) out.retired.push([old, code]);
    }
    return out;
  }
  const levels = header.map((h, j) => [h, j] as const).filter(([h]) => /^level_\d$/.test(h)).map(([, j]) => j);
  if (levels.length) {
    const cMain = col('metamaintype');
    const seen = new Set<string>();
    for (let i = headerIdx + 1; i < lines.length; i++) {
      const line = lines[i]!;
      if (!line.trim()) continue;
      const cells = line.split('\t');
      let parent = ONCOTREE_ROOT;
      for (const j of levels) {
        const cell = (cells[j] ?? '').trim();
        if (!cell) break;
        const m = /^(.*)\(([^()]+)\)\s*$/.exec(cell);
        if (!m) {
          issues.push({ severity: 'warning', code: 'oncotree.bad-cell', message: `cell "${cell}" is not "Name (CODE)"`, file, line: i + 1, column: j + 1 });
          break;
        }
        const code = m[2]!.trim();
        if (!seen.has(code)) {
          seen.add(code);
          out.nodes.push({ code, name: m[1]!.trim(), parent });
        }
        parent = code;
      }
      // The main type applies to the deepest node on the row.
      const main = cMain >= 0 ? (cells[cMain] ?? '').trim() : '';
      const last = out.nodes.find((n) => n.code === parent);
      if (main && last && last.mainType === undefined) last.mainType = main;
    }
    return out;
  }
  issues.push({ severity: 'error', code: 'oncotree.unknown-format', message: 'not an OncoTree file: expected JSON, a TSV with code/name/parent columns, or level_1…level_7 columns', file, line: headerIdx + 1 });
  return undefined;
}

/** Imports an OncoTree release (JSON tree, API JSON, flat TSV or tumor_types.txt; plain or gzip). */
export async function importOncoTree(db: Db, path: string, options: ImportOptions = {}): Promise<ImportResult> {
  const file = options.displayName ?? path;
  const issues: Issue[] = [];
  let buf: Buffer;
  try {
    buf = readFileSync(path);
    if (buf[0] === 0x1f && buf[1] === 0x8b) buf = gunzipSync(buf);
  } catch (err) {
    issues.push({ severity: 'error', code: 'oncotree.unreadable', message: `cannot read: ${(err as Error).message}`, file });
    return { kind: 'oncotree', issues };
  }
  options.onProgress?.({ bytes: buf.length, totalBytes: buf.length });
  const text = buf.toString('utf8').replace(/^\uFEFF/, '');
  const first = text.trimStart()[0];
  const parsed = first === '{' || first === '[' ? parseTreeJson(text, file, issues) : parseTreeTsv(text, file, issues);
  if (!parsed || issues.some((i) => i.severity === 'error')) return { kind: 'oncotree', issues };
  const codes = new Set(parsed.nodes.map((n) => n.code.toUpperCase()));
  if (parsed.nodes.filter((n) => n.code !== ONCOTREE_ROOT).length === 0) {
    issues.push({ severity: 'error', code: 'oncotree.empty', message: 'no tumor types found; nothing imported', file });
    return { kind: 'oncotree', issues };
  }
  for (const n of parsed.nodes) {
    if (n.parent !== null && n.parent !== ONCOTREE_ROOT && !codes.has(n.parent.toUpperCase())) {
      issues.push({ severity: 'warning', code: 'oncotree.orphan', message: `${n.code}: parent ${n.parent} is not in the file; attached to the root`, file });
      n.parent = ONCOTREE_ROOT;
    }
  }
  options.signal?.throwIfAborted();
  const fromName = /oncotree_(\d{4}_\d{2}_\d{2})/i.exec(basename(path))?.[0];
  const version = options.version ?? fromName ?? `OncoTree ${basename(path)}`;
  const rel: ReferenceRelease = { kind: 'oncotree', version, source: file, importedAt: (options.now?.() ?? new Date()).toISOString(), rowCount: parsed.nodes.length };
  migrateReference(db);
  db.transaction(() => {
    db.exec('DELETE FROM ref_oncotree_nodes; DELETE FROM ref_oncotree_retired;');
    const ins = db.prepare('INSERT OR REPLACE INTO ref_oncotree_nodes(code, name, main_type, tissue, parent, level) VALUES (?, ?, ?, ?, ?, ?)');
    for (const n of parsed.nodes) ins.run(n.code.toUpperCase(), n.name, n.mainType ?? null, n.tissue ?? null, n.parent?.toUpperCase() ?? null, n.level ?? null);
    const ret = db.prepare('INSERT OR IGNORE INTO ref_oncotree_retired(old_code, code) VALUES (?, ?)');
    for (const [old, code] of parsed.retired) if (old.toUpperCase() !== code.toUpperCase()) ret.run(old.toUpperCase(), code.toUpperCase());
    upsertRelease(db, rel);
  })();
  return { kind: 'oncotree', release: rel, issues };
}

/** The imported tree with our pseudo-nodes, retired codes and synonyms; undefined when none was imported. */
export function storeOncoTree(db: Db): OncoTree | undefined {
  const rel = release(db, 'oncotree');
  if (!rel) return undefined;
  const rows = db.prepare('SELECT code, name, main_type AS mainType, tissue, parent, level FROM ref_oncotree_nodes').all() as Array<{
    code: string;
    name: string;
    mainType: string | null;
    tissue: string | null;
    parent: string | null;
    level: number | null;
  }>;
  const nodes: TumorType[] = rows.map((r) => {
    const n: TumorType = { code: r.code, name: r.name, parent: r.parent };
    if (r.mainType) n.mainType = r.mainType;
    if (r.tissue) n.tissue = r.tissue;
    if (r.level !== null) n.level = r.level;
    return n;
  });
  const retired = new Map<string, string[]>(Object.entries(BUILTIN_RETIRED_CODES).map(([k, v]) => [k, [...v]]));
  const imported = new Map<string, string[]>();
  for (const r of db.prepare('SELECT old_code AS old, code FROM ref_oncotree_retired ORDER BY old_code, code').all() as Array<{ old: string; code: string }>) {
    const l = imported.get(r.old) ?? [];
    l.push(r.code);
    imported.set(r.old, l);
  }
  for (const [k, v] of imported) retired.set(k, v);
  return new OncoTree(nodes, { retiredCodes: retired, release: rel.version });
}

// ---------------------------------------------------------------------------------------------------------
// Sources given as URLs

/** True for http(s) URLs. */
export function isUrl(source: string): boolean {
  return /^https?:\/\//i.test(source);
}

/**
 * Downloads `url` to a temporary file and returns its path and a cleanup function. Fails with a clear
 * OnconavError when the network is unreachable (offline use: download elsewhere and pass the file).
 */
export async function downloadToTemp(url: string, options: { signal?: AbortSignal } = {}): Promise<{ path: string; cleanup: () => void }> {
  const dir = mkdtempSync(join(tmpdir(), 'onconav-ref-'));
  const cleanup = (): void => rmSync(dir, { recursive: true, force: true });
  const name = basename(new URL(url).pathname) || 'download';
  const path = join(dir, name);
  let res: Response;
  try {
    res = await fetch(url, { signal: options.signal ?? null, redirect: 'follow' });
  } catch (err) {
    cleanup();
    const cause = (err as { cause?: { code?: string; message?: string } }).cause;
    const why = cause?.code ?? cause?.message ?? (err as Error).message;
    throw new OnconavError(`cannot download ${url} (${why}); if this machine is offline, download the file elsewhere and pass its path`, 1);
  }
  if (!res.ok || !res.body) {
    cleanup();
    throw new OnconavError(`cannot download ${url}: HTTP ${res.status} ${res.statusText}`, 1);
  }
  try {
    await pipeline(Readable.fromWeb(res.body as import('node:stream/web').ReadableStream<Uint8Array>), createWriteStream(path));
  } catch (err) {
    cleanup();
    throw new OnconavError(`download of ${url} failed: ${(err as Error).message}`, 1);
  }
  return { path, cleanup };
}
