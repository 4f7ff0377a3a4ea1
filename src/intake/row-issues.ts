import type { Issue } from '../domain/index.js';

/**
 * Collects located issues for row-based readers without letting a broken million-row file build a
 * million-entry list: the first `perCode` issues of each code keep their line, the rest are counted and
 * reported once at the end ("… and N more like this").
 */
export class RowIssues {
  private readonly seen = new Map<string, number>();
  /** Folded issues keyed by code + message (e.g. one `gene.unknown` per symbol with a count). */
  private readonly folded = new Map<string, Issue>();

  constructor(
    readonly list: Issue[],
    readonly file: string,
    private readonly perCode = 50,
  ) {}

  add(issue: Omit<Issue, 'file'>): void {
    const n = (this.seen.get(issue.code) ?? 0) + 1;
    this.seen.set(issue.code, n);
    if (n <= this.perCode) this.list.push({ file: this.file, ...issue });
  }

  /** The same problem on many rows (an unknown gene symbol): one issue, first line kept, with a count. */
  addFolded(issue: Omit<Issue, 'file'>): void {
    const key = `${issue.code}\u0000${issue.message}`;
    const prev = this.folded.get(key);
    if (prev) prev.count = (prev.count ?? 1) + 1;
    else {
      const full: Issue = { file: this.file, ...issue, count: 1 };
      this.folded.set(key, full);
      this.list.push(full);
    }
  }

  /** Adds "N more" summaries for codes that went over the per-code limit. */
  finish(): void {
    for (const [code, n] of this.seen) {
      if (n > this.perCode) {
        const first = this.list.find((i) => i.code === code);
        this.list.push({
          severity: first?.severity ?? 'warning',
          code,
          file: this.file,
          message: `… and ${n - this.perCode} more issue(s) like the above (${code}); only the first ${this.perCode} are listed`,
        });
      }
    }
    for (const i of this.folded.values()) if (i.count === 1) delete i.count;
  }
}

/**
 * One tab-separated line, split lazily: only field boundaries are recorded, and a field becomes a string
 * when asked for. MAF rows have ~46 columns of which a reader needs ~17, so this saves most allocations.
 */
export class TabRow {
  line = '';
  /** Number of fields (tabs + 1). */
  count = 0;
  private starts: Int32Array;

  constructor(capacity = 64) {
    this.starts = new Int32Array(capacity + 1);
  }

  set(line: string): number {
    this.line = line;
    let n = 1;
    let pos = line.indexOf('\t');
    let starts = this.starts;
    starts[0] = 0;
    while (pos !== -1) {
      if (n >= starts.length - 1) {
        const grown = new Int32Array(starts.length * 2);
        grown.set(starts);
        this.starts = starts = grown;
      }
      starts[n++] = pos + 1;
      pos = line.indexOf('\t', pos + 1);
    }
    starts[n] = line.length + 1;
    this.count = n;
    return n;
  }

  /** True when field i is exactly `text`, compared in place (no substring is made). */
  is(i: number, text: string): boolean {
    if (i < 0 || i >= this.count) return false;
    const a = this.starts[i]!;
    return this.starts[i + 1]! - 1 - a === text.length && this.line.startsWith(text, a);
  }

  /** A non-negative integer field parsed in place (no substring), or undefined when it is not one. */
  int(i: number): number | undefined {
    if (i < 0 || i >= this.count) return undefined;
    const line = this.line;
    let a = this.starts[i]!;
    let b = this.starts[i + 1]! - 1;
    while (a < b && line.charCodeAt(a) <= 32) a++;
    while (b > a && line.charCodeAt(b - 1) <= 32) b--;
    if (a === b || b - a > 15) return undefined;
    let n = 0;
    for (let k = a; k < b; k++) {
      const d = line.charCodeAt(k) - 48;
      if (d < 0 || d > 9) return undefined;
      n = n * 10 + d;
    }
    return n;
  }

  /** The field as written (not trimmed), or undefined past the end of the row. */
  raw(i: number): string | undefined {
    if (i < 0 || i >= this.count) return undefined;
    return this.line.slice(this.starts[i]!, this.starts[i + 1]! - 1);
  }
}

/** `NA`, `N/A`, `.`, `NaN`, `null`, `Unknown` and empty cells mean "no value" in MAF/cBioPortal tables. `-` does not (an allele). */
const EMPTY_CELLS = new Set([
  '',
  'NA',
  'N/A',
  'na',
  'n/a',
  'NaN',
  'nan',
  'null',
  'NULL',
  '.',
  '[Not Available]',
  'Unknown',
  'UNKNOWN',
  'unknown',
]);

/** The cell's trimmed text, or undefined when it holds a no-value marker. */
export function cell(row: TabRow, index: number): string | undefined {
  const v = row.raw(index);
  if (v === undefined || v.length === 0) return undefined;
  const t = v.charCodeAt(0) <= 32 || v.charCodeAt(v.length - 1) <= 32 ? v.trim() : v;
  if (t.length === 0) return undefined;
  // Only short cells starting with N, n, U, u, '.' or '[' can be no-value markers: skip the hash lookup otherwise.
  const c0 = t.charCodeAt(0);
  if (
    t.length <= 15 &&
    (c0 === 78 || c0 === 110 || c0 === 85 || c0 === 117 || c0 === 46 || c0 === 91) &&
    EMPTY_CELLS.has(t)
  )
    return undefined;
  return t;
}

/** Non-negative integer from a cell, or undefined; no regex on the hot path. */
export function intCell(row: TabRow, index: number): number | undefined {
  return row.int(index);
}
