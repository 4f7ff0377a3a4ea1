import type { Issue } from '../domain/index.js';
import { readLineBatches, type LongWorkOptions } from './lines.js';

/**
 * Tab-separated tables as cBioPortal and oncokb-annotator write them: optional `#` metadata lines before the
 * header (cBioPortal clinical files carry four: display name, description, datatype, priority), one header
 * row, then data rows. Shared by the CNA, SV, fusion-list and clinical readers.
 */
export interface TableHandlers {
  /** Called once with the header cells; return false to stop reading (e.g. required columns missing). */
  header(cells: string[], line: number): boolean;
  row(cells: string[], line: number): void;
}

export interface TableOptions extends LongWorkOptions {
  issues: Issue[];
  displayName: string;
  /** Lines starting with `#` after the header are comments too (true for all our formats). */
  commentPrefix?: string;
}

/** Reads a table, reporting a file that is empty, has no data rows or is not tab-separated. */
export async function readTable(
  path: string,
  opts: TableOptions,
  handlers: TableHandlers,
): Promise<{ headerLine?: number; dataRows: number }> {
  const prefix = opts.commentPrefix ?? '#';
  let headerLine: number | undefined;
  let stop = false;
  let dataRows = 0;
  let width = 0;
  for await (const batch of readLineBatches(path, {
    issues: opts.issues,
    displayName: opts.displayName,
    signal: opts.signal,
    onProgress: opts.onProgress,
  })) {
    if (stop) break;
    for (let i = 0; i < batch.lines.length; i++) {
      const raw = batch.lines[i]!;
      const line = batch.firstLine + i;
      if (raw.trim() === '' || raw.startsWith(prefix)) continue;
      const text = i === 0 && line === 1 ? raw.replace(/^\uFEFF/, '') : raw;
      const cells = text.split('\t');
      for (let k = 0; k < cells.length; k++) {
        const c = cells[k]!;
        // Plain cells (the vast majority) are kept as they are; only padded or quoted ones are rewritten.
        if (
          c.length > 0 &&
          (c.charCodeAt(0) <= 32 || c.charCodeAt(c.length - 1) <= 32 || c.charCodeAt(0) === 34)
        )
          cells[k] = unquote(c.trim());
      }
      if (headerLine === undefined) {
        headerLine = line;
        width = cells.length;
        if (cells.length === 1 && /[,;]/.test(cells[0]!)) {
          opts.issues.push({
            severity: 'error',
            code: 'table.not-tab-separated',
            file: opts.displayName,
            line,
            message: `the header has no tab characters; this file must be tab-separated (is it comma- or space-separated?)`,
          });
          stop = true;
          break;
        }
        if (!handlers.header(cells, line)) {
          stop = true;
          break;
        }
        continue;
      }
      dataRows++;
      while (cells.length < width) cells.push('');
      handlers.row(cells, line);
    }
  }
  if (
    headerLine === undefined &&
    !opts.issues.some((i) => i.severity === 'error' && i.file === opts.displayName)
  ) {
    opts.issues.push({
      severity: 'error',
      code: 'table.empty',
      file: opts.displayName,
      message: 'the file has no header line (it is empty or holds only comments)',
    });
  }
  return { headerLine, dataRows };
}

function unquote(c: string): string {
  return c.length >= 2 && c.startsWith('"') && c.endsWith('"') ? c.slice(1, -1) : c;
}

/** Column names compare without case, spaces, underscores or dashes: `Hugo_Symbol` = `Hugo Symbol` = `HUGO_SYMBOL`. */
export function columnKey(name: string): string {
  return name.toLowerCase().replace(/[\s_\-.]+/g, '');
}

/** Index of the first column whose name matches one of `names` (in order of preference), or -1. */
export function findColumn(header: readonly string[], ...names: string[]): number {
  const keys = header.map(columnKey);
  for (const n of names) {
    const idx = keys.indexOf(columnKey(n));
    if (idx !== -1) return idx;
  }
  return -1;
}

/** Header-less sniffing helper: the first non-comment, non-empty line split on tabs. */
export function headerCells(head: readonly string[]): string[] {
  for (const l of head) {
    if (l.trim() === '' || l.startsWith('#')) continue;
    return l
      .replace(/^\uFEFF/, '')
      .split('\t')
      .map((c) => c.trim());
  }
  return [];
}

/** Values cBioPortal and annotators write for "no value". */
export function isMissing(v: string | undefined): boolean {
  if (v === undefined || v.length === 0) return true;
  // Fast reject for ordinary values: every missing marker starts with n, [, ., -, / or blank.
  const c = v.charCodeAt(0);
  if (v.length > 16 || (c !== 110 && c !== 78 && c !== 91 && c !== 46 && c !== 45 && c !== 32 && c !== 9))
    return false;
  const t = v.trim().toLowerCase();
  return (
    t === '' ||
    t === 'na' ||
    t === 'nan' ||
    t === 'n/a' ||
    t === 'null' ||
    t === 'none' ||
    t === '[not available]' ||
    t === 'not available' ||
    t === '.'
  );
}

/**
 * Keeps reports readable on large files: the first `perCode` issues of each code are kept as they are, the
 * rest are counted and summarized by `flush()` as one issue with `count`.
 */
export class IssueLimiter {
  private readonly seen = new Map<string, { n: number; first: Issue }>();
  constructor(
    private readonly issues: Issue[],
    private readonly perCode = 20,
  ) {}
  add(issue: Issue): void {
    const s = this.seen.get(issue.code);
    if (s === undefined) {
      this.seen.set(issue.code, { n: 1, first: issue });
      this.issues.push(issue);
      return;
    }
    s.n++;
    if (s.n <= this.perCode) this.issues.push(issue);
  }
  flush(): void {
    for (const [code, s] of this.seen) {
      if (s.n > this.perCode) {
        this.issues.push({
          severity: s.first.severity,
          code,
          file: s.first.file,
          message: `${s.n - this.perCode} more like this were not listed (${s.first.message})`,
          count: s.n - this.perCode,
        });
      }
    }
    this.seen.clear();
  }
}
