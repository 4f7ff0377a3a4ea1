import { basename } from 'node:path';
import type {
  AlterationClass,
  AlterationPattern,
  Evidence,
  Issue,
  KnowledgeRelease,
} from '../../domain/index.js';
import { readLineBatches } from '../../intake/lines.js';
import type { ImportReport } from '../store.js';

/** Options every importer takes: long work gets a signal and a progress callback (style.md §6). */
export interface ImportOptions {
  signal?: AbortSignal;
  /** Called with rows done / rows total (or bytes when rows are not known yet). */
  onProgress?: (done: number, total: number) => void;
  /** Overrides the version/date derived from the file names or content. */
  version?: string;
  date?: string;
  /** Injected clock for reproducible output. */
  importedAt?: string;
}

export interface ImportResult {
  release: KnowledgeRelease;
  evidence: Evidence[];
  report: ImportReport;
  issues: Issue[];
}

/** Tally of skipped rows and unmapped names, folded into an ImportReport at the end. */
export class Tally {
  rowsRead = 0;
  readonly skipped: Record<string, number> = {};
  readonly unmappedDiseases: Record<string, number> = {};
  readonly unmappedAlterations: Record<string, number> = {};
  skip(reason: string): void {
    this.skipped[reason] = (this.skipped[reason] ?? 0) + 1;
  }
  disease(name: string): void {
    this.unmappedDiseases[name] = (this.unmappedDiseases[name] ?? 0) + 1;
  }
  alteration(name: string): void {
    this.unmappedAlterations[name] = (this.unmappedAlterations[name] ?? 0) + 1;
  }
  report(imported: number): ImportReport {
    return {
      rowsRead: this.rowsRead,
      imported,
      skipped: sortedRecord(this.skipped),
      unmappedDiseases: sortedRecord(this.unmappedDiseases),
      unmappedAlterations: sortedRecord(this.unmappedAlterations),
    };
  }
}

/** Most frequent first, then by name: stable output for reports and tests. */
export function sortedRecord(r: Record<string, number>): Record<string, number> {
  return Object.fromEntries(
    Object.entries(r).sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0)),
  );
}

export interface TsvRow {
  /** 1-based line number in the file. */
  line: number;
  get(column: string): string;
}

export interface TsvTable {
  file: string;
  header: string[];
  rows: TsvRow[];
}

/**
 * Reads a tab-separated file with a header line (plain or gzip). CIViC and CGI write unquoted TSV, so no
 * quote handling: a tab always separates fields. Short rows are padded (reported), blank lines skipped.
 */
export async function readTsv(
  path: string,
  issues: Issue[],
  options: { signal?: AbortSignal; required?: readonly string[] } = {},
): Promise<TsvTable> {
  const file = basename(path);
  let header: string[] | null = null;
  let index = new Map<string, number>();
  const rows: TsvRow[] = [];
  for await (const batch of readLineBatches(path, {
    issues,
    displayName: file,
    ...(options.signal ? { signal: options.signal } : {}),
  })) {
    for (let i = 0; i < batch.lines.length; i++) {
      const text = batch.lines[i]!;
      const line = batch.firstLine + i;
      if (header === null) {
        if (text.trim() === '') continue;
        header = text
          .replace(/^\uFEFF/, '')
          .split('\t')
          .map((h) => h.trim());
        index = new Map(header.map((h, k) => [h, k]));
        continue;
      }
      if (text.trim() === '') continue;
      const fields = text.split('\t');
      if (fields.length < header.length) {
        issues.push({
          severity: 'warning',
          code: 'tsv.short-row',
          message: `row has ${fields.length} fields, header has ${header.length}`,
          file,
          line,
        });
      }
      rows.push({ line, get: (c) => (fields[index.get(c) ?? -1] ?? '').trim() });
    }
  }
  if (header === null) {
    issues.push({ severity: 'error', code: 'tsv.empty', message: 'file is empty (no header line)', file });
    return { file, header: [], rows };
  }
  const missing = (options.required ?? []).filter((c) => !index.has(c));
  for (const c of missing)
    issues.push({
      severity: 'error',
      code: 'tsv.missing-column',
      message: `required column "${c}" is missing`,
      file,
      line: 1,
      field: c,
    });
  return { file, header, rows };
}

/**
 * A protein change as written by a knowledge source (`V600E`, `p.V600E`, `V600`, `R248*`, `E746_A750del`,
 * `L747_P753delinsS`, `A767_V769dupASV`, `G12/G13`, `V600E/K`) → patterns in our canonical short form.
 * Returns null when the text is not a protein change we model.
 */
export function proteinChangePatterns(gene: string, text: string): AlterationPattern[] | null {
  const t = text
    .trim()
    .replace(/^p\./i, '')
    .replace(/\s*\(c\.[^)]*\)\s*$/, '')
    // Some sources write the HGVS keywords in capitals (`Y772_A775DUP`, `W288FS`).
    .replace(/(\d)(DELINS|DEL|DUP|INS|FS)/g, (_m, d: string, k: string) => `${d}${k.toLowerCase()}`);
  if (t === '') return null;
  // Several codons: G12/G13, or one codon with several alternatives: V600E/K.
  if (t.includes('/')) {
    const parts = t.split('/');
    const first = /^([A-Z])(\d+)([A-Z*])$/.exec(parts[0]!);
    if (first && parts.slice(1).every((p) => /^[A-Z*]$/.test(p))) {
      return [first[3]!, ...parts.slice(1)].map((alt) => ({
        type: 'variant',
        gene,
        alteration: `${first[1]}${first[2]}${alt}`,
      }));
    }
    const all = parts.map((p) => proteinChangePatterns(gene, p));
    if (all.every((a): a is AlterationPattern[] => a !== null && a.length === 1)) return all.flat();
    return null;
  }
  let m = /^([A-Z])(\d+)([A-Z]|\*|X|Ter)$/.exec(t);
  if (m) {
    const alt = m[3] === 'X' || m[3] === 'Ter' ? '*' : m[3]!;
    if (m[1] === alt) return null; // synonymous: not actionable knowledge we model
    return [{ type: 'variant', gene, alteration: `${m[1]}${Number(m[2])}${alt}` }];
  }
  m = /^([A-Z])(\d+)$/.exec(t);
  if (m) {
    const position = Number(m[2]);
    return position > 0 ? [{ type: 'codon', gene, position }] : null;
  }
  // In-frame deletions/duplications: the deleted residues after `del`/`dup` are implied by the range (HGVS).
  m = /^([A-Z]\d+(?:_[A-Z]\d+)?)(del|dup)[A-Z]*$/.exec(t);
  if (m) return [{ type: 'variant', gene, alteration: `${m[1]}${m[2]}` }];
  m = /^([A-Z]\d+(?:_[A-Z]\d+)?)(delins|ins)([A-Z]+)$/.exec(t);
  if (m) return [{ type: 'variant', gene, alteration: `${m[1]}${m[2]}${m[3]}` }];
  // Frameshifts are kept in the short form given (`W288Cfs*12`, `Y177fs`).
  m = /^([A-Z]\d+)([A-Z]?)fs(?:\*|X|Ter)?(\d*)$/.exec(t);
  if (m) return [{ type: 'variant', gene, alteration: `${m[1]}${m[2]}fs${m[3] ? `*${m[3]}` : ''}` }];
  return null;
}

/** Exon-level classes our alteration model names (domain ALTERATION_CLASSES). */
export function exonClass(
  exon: number,
  kind: 'deletion' | 'insertion' | 'mutation' | 'skipping',
): AlterationClass | null {
  if (kind === 'deletion') return exon === 19 ? 'exon19_inframe_deletion' : null;
  if (kind === 'insertion') return exon === 20 ? 'exon20_insertion' : null;
  if (kind === 'skipping') return exon === 14 ? 'exon14_skipping' : null;
  switch (exon) {
    case 9:
      return 'exon9_mutation';
    case 11:
      return 'exon11_mutation';
    case 13:
      return 'exon13_mutation';
    case 17:
      return 'exon17_mutation';
    case 18:
      return 'exon18_mutation';
    default:
      return null;
  }
}

/** Generic drug names as the domain wants them: lower case, single spaces. */
export function drugName(s: string): string {
  return s.trim().replace(/\s+/g, ' ').toLowerCase();
}

/** Short human form of a pattern for descriptions. */
export function describePattern(p: AlterationPattern): string {
  switch (p.type) {
    case 'variant':
      return `${p.gene} ${p.alteration}`;
    case 'codon':
      return `${p.gene} codon ${p.position}`;
    case 'class':
      return `${p.gene} ${p.class.replace(/_/g, ' ')}`;
    case 'oncogenic':
      return `${p.gene} oncogenic mutations`;
    case 'anyMutation':
      return `${p.gene} mutations`;
    case 'amplification':
      return `${p.gene} amplification`;
    case 'deletion':
      return `${p.gene} deletion`;
    case 'fusion':
      return p.partner ? `${p.gene} fusion with ${p.partner}` : `${p.gene} fusion`;
    case 'biomarker': {
      const parts = [p.biomarker, ...(p.statuses ?? [])];
      if (p.min !== undefined) parts.push(`≥ ${p.min}`);
      return parts.join(' ');
    }
  }
}

/** Throws the signal's reason when aborted: importers check between rows. */
export function checkAbort(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw signal.reason instanceof Error ? signal.reason : new Error('import aborted');
}

const MONTHS: Record<string, string> = {
  jan: '01',
  feb: '02',
  mar: '03',
  apr: '04',
  may: '05',
  jun: '06',
  jul: '07',
  aug: '08',
  sep: '09',
  oct: '10',
  nov: '11',
  dec: '12',
};

/** `01-Aug-2024` (CIViC release folder/prefix) → `2024-08-01`; null when not that form. */
export function civicReleaseDate(name: string): string | null {
  const m = /(\d{2})-([A-Za-z]{3})-(\d{4})/.exec(name);
  if (!m) return null;
  const month = MONTHS[m[2]!.toLowerCase()];
  return month ? `${m[3]}-${month}-${m[1]}` : null;
}
