import { basename } from 'node:path';
import type { Issue } from '../domain/index.js';
import { looksBinary, readHead } from './lines.js';
import type { ReaderModule } from './registry.js';
import type { FormatId } from './types.js';

/** Enough decompressed bytes for 50 lines of any table we read; a longer first line is cut, which sniffers tolerate. */
const HEAD_BYTES = 256 * 1024;
const MAX_LINES = 50;
/** A reader must be more sure than this for its format to be chosen without `--as`. */
export const SNIFF_THRESHOLD = 0.5;

export interface SniffScore {
  format: FormatId;
  score: number;
}

export interface SniffResult {
  /** The chosen format, or null when no reader is sure enough or two tie (see `issues`). */
  format: FormatId | null;
  /** Every reader's score, best first. */
  scores: SniffScore[];
  issues: Issue[];
}

/** The first ≤ 50 non-empty lines of a file, decompressed; null when the file is binary. */
export async function headLines(path: string): Promise<{ lines: string[]; binary: boolean; empty: boolean }> {
  const buf = await readHead(path, HEAD_BYTES, true);
  if (buf.length === 0) return { lines: [], binary: false, empty: true };
  if (looksBinary(buf)) return { lines: [], binary: true, empty: false };
  const text = buf.toString('utf8');
  const raw = text.split('\n');
  // The last piece may be a line cut at HEAD_BYTES; keep it only when it is all we have.
  if (buf.length === HEAD_BYTES && raw.length > 1) raw.pop();
  const lines: string[] = [];
  for (const l of raw) {
    const t = l.endsWith('\r') ? l.slice(0, -1) : l;
    if (t.trim().length === 0) continue;
    lines.push(t.charCodeAt(0) === 0xfeff ? t.slice(1) : t);
    if (lines.length >= MAX_LINES) break;
  }
  return { lines, binary: false, empty: lines.length === 0 };
}

/**
 * Asks every reader how sure it is that the file is in its format and picks the most confident. A tie at the
 * top, or nothing above the threshold, is an error that lists the candidates and suggests `--as`.
 */
export async function sniffFile(
  path: string,
  readers: readonly ReaderModule[],
  displayName = path,
): Promise<SniffResult> {
  let head: Awaited<ReturnType<typeof headLines>>;
  try {
    head = await headLines(path);
  } catch (err) {
    const msg = err instanceof Error ? err.message : String(err);
    return {
      format: null,
      scores: [],
      issues: [
        {
          severity: 'error',
          code: 'file.unreadable',
          file: displayName,
          message: `cannot read the file: ${msg}`,
        },
      ],
    };
  }
  if (head.binary) {
    return {
      format: null,
      scores: [],
      issues: [
        {
          severity: 'error',
          code: 'file.binary',
          file: displayName,
          line: 1,
          message: 'the file is binary, not a tab-separated table, VCF or JSON text',
        },
      ],
    };
  }
  if (head.empty) {
    return {
      format: null,
      scores: [],
      issues: [
        {
          severity: 'error',
          code: 'file.empty',
          file: displayName,
          message: 'the file is empty (no non-blank lines)',
        },
      ],
    };
  }
  const name = basename(displayName);
  const scores: SniffScore[] = readers
    .map((r) => {
      let score = 0;
      try {
        score = r.sniff(head.lines, name);
      } catch {
        score = 0; // a sniffer that trips over odd input simply does not claim the file
      }
      return { format: r.format, score: Number.isFinite(score) ? Math.max(0, Math.min(1, score)) : 0 };
    })
    .sort((a, b) => b.score - a.score || a.format.localeCompare(b.format));
  const best = scores[0];
  const second = scores[1];
  const formats = readers.map((r) => r.format).join(', ');
  if (!best || best.score <= SNIFF_THRESHOLD) {
    return {
      format: null,
      scores,
      issues: [
        {
          severity: 'error',
          code: 'file.unknown-format',
          file: displayName,
          line: 1,
          message: `cannot tell the file's format from its first lines${best && best.score > 0 ? ` (closest: ${best.format}, ${best.score.toFixed(2)})` : ''}; formats read: ${formats}. Name one with --as FORMAT`,
        },
      ],
    };
  }
  if (second && Math.abs(best.score - second.score) < 1e-9) {
    const tied = scores.filter((s) => Math.abs(s.score - best.score) < 1e-9).map((s) => s.format);
    return {
      format: null,
      scores,
      issues: [
        {
          severity: 'error',
          code: 'file.ambiguous-format',
          file: displayName,
          line: 1,
          message: `the file could be any of ${tied.join(', ')}; name one with --as FORMAT`,
        },
      ],
    };
  }
  return { format: best.format, scores, issues: [] };
}
