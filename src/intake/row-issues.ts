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

/** `NA`, `N/A`, `.`, `-`, `NaN`, `null` and empty cells mean "no value" in MAF/cBioPortal tables. */
const EMPTY_CELLS = new Set(['', 'NA', 'N/A', 'na', 'n/a', 'NaN', 'nan', 'null', 'NULL', '.', '[Not Available]', 'Unknown', 'UNKNOWN', 'unknown']);

/** The cell's text, or undefined when it holds a no-value marker. Not used for `-` alleles (insertions). */
export function cell(fields: readonly string[], index: number): string | undefined {
  if (index < 0) return undefined;
  const v = fields[index];
  if (v === undefined) return undefined;
  if (v.length === 0) return undefined;
  const t = v.length < 16 && EMPTY_CELLS.has(v) ? '' : v.trim();
  return t.length > 0 && !EMPTY_CELLS.has(t) ? t : undefined;
}

/** Non-negative integer from a cell, or undefined; no regex on the hot path. */
export function intCell(fields: readonly string[], index: number): number | undefined {
  const v = cell(fields, index);
  if (v === undefined) return undefined;
  const n = Number(v);
  return Number.isInteger(n) && n >= 0 ? n : undefined;
}
