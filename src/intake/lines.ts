import { createReadStream, statSync } from 'node:fs';
import { createGunzip } from 'node:zlib';
import type { Readable } from 'node:stream';
import type { Issue } from '../domain/index.js';

export interface Progress {
  /** Bytes of the file read so far (compressed bytes for .gz). */
  bytes: number;
  totalBytes: number;
}

export interface LongWorkOptions {
  signal?: AbortSignal;
  onProgress?: (p: Progress) => void;
}

export interface LineReadOptions extends LongWorkOptions {
  /** Issues found while reading (binary content, broken gzip, over-long lines) are pushed here. */
  issues: Issue[];
  /** Name shown in issues; defaults to the path. */
  displayName?: string;
  /** Lines longer than this (in bytes) are replaced by '' and reported. Default 8 MiB. */
  maxLineBytes?: number;
}

export interface LineBatch {
  lines: string[];
  /** 1-based number of lines[0] in the (decompressed) file. */
  firstLine: number;
}

const GZIP_MAGIC_0 = 0x1f;
const GZIP_MAGIC_1 = 0x8b;
const NL = 0x0a;
const CR = 0x0d;

/** True when the first bytes look like gzip, whatever the file is called. */
export async function isGzipFile(path: string): Promise<boolean> {
  const head = await readHead(path, 2);
  return head.length >= 2 && head[0] === GZIP_MAGIC_0 && head[1] === GZIP_MAGIC_1;
}

/** The first `n` bytes of a file (decompressed if gzip), for format sniffing. */
export async function readHead(path: string, n: number, decompress = false): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let got = 0;
  let stream: Readable = createReadStream(path, decompress ? {} : { start: 0, end: Math.max(0, n - 1) });
  if (decompress && (await isGzipFile(path))) stream = stream.pipe(createGunzip());
  try {
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      chunks.push(chunk);
      got += chunk.length;
      if (got >= n) break;
    }
  } catch {
    // A broken gzip still yields what decompressed so far; the full read reports the error.
  } finally {
    stream.destroy();
  }
  return Buffer.concat(chunks).subarray(0, n);
}

/**
 * Streams a text file (plain or gzip, detected by magic bytes) as batches of lines. Handles LF and CRLF,
 * UTF-8 split across chunks, and reports — never throws on — binary content, truncated gzip and lines over
 * the size limit. Batching keeps the per-line cost of `await` off the hot path.
 */
export async function* readLineBatches(path: string, options: LineReadOptions): AsyncGenerator<LineBatch> {
  const { issues, signal, onProgress } = options;
  const file = options.displayName ?? path;
  const maxLineBytes = options.maxLineBytes ?? 8 * 1024 * 1024;
  const totalBytes = statSync(path).size;
  const gz = await isGzipFile(path);
  const raw = createReadStream(path, { highWaterMark: 1 << 20 });
  const stream: Readable = gz ? raw.pipe(createGunzip()) : raw;
  let carry: Buffer | null = null;
  let carryOversized = false;
  let lineNo = 1;
  let checkedBinary = false;
  try {
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      if (signal?.aborted) throw signal.reason ?? new Error('aborted');
      if (!checkedBinary) {
        checkedBinary = true;
        if (looksBinary(chunk)) {
          issues.push({
            severity: 'error',
            code: 'file.binary',
            file,
            message: `${gz ? 'the decompressed content' : 'the file'} is binary (NUL bytes or control characters), not tab-separated or VCF text`,
          });
          return;
        }
      }
      const lines: string[] = [];
      const firstLine = lineNo;
      let start = 0;
      let idx = chunk.indexOf(NL, start);
      while (idx !== -1) {
        if (carry === null) {
          // The usual line lies inside this chunk: decode it in place, without a Buffer view per line.
          if (idx - start > maxLineBytes) {
            issues.push(oversizedIssue(file, lineNo, maxLineBytes));
            lines.push('');
          } else {
            const end = idx > start && chunk[idx - 1] === CR ? idx - 1 : idx;
            lines.push(chunk.toString('utf8', start, end));
          }
          lineNo++;
          start = idx + 1;
          idx = chunk.indexOf(NL, start);
          continue;
        }
        let piece: Buffer = chunk.subarray(start, idx);
        if (carry !== null) {
          piece = carryOversized ? Buffer.alloc(0) : Buffer.concat([carry, piece]);
        }
        const oversized = carryOversized || piece.length > maxLineBytes;
        if (oversized) {
          issues.push(oversizedIssue(file, lineNo, maxLineBytes));
          lines.push('');
        } else {
          let end = piece.length;
          if (end > 0 && piece[end - 1] === CR) end--;
          lines.push(piece.toString('utf8', 0, end));
        }
        carry = null;
        carryOversized = false;
        lineNo++;
        start = idx + 1;
        idx = chunk.indexOf(NL, start);
      }
      if (start < chunk.length) {
        const rest = chunk.subarray(start);
        if (carryOversized) {
          // keep discarding until the newline
        } else if (carry !== null && carry.length + rest.length > maxLineBytes) {
          carry = Buffer.alloc(0);
          carryOversized = true;
        } else if (rest.length > maxLineBytes) {
          carry = Buffer.alloc(0);
          carryOversized = true;
        } else {
          carry = carry === null ? Buffer.from(rest) : Buffer.concat([carry, rest]);
        }
      }
      onProgress?.({ bytes: raw.bytesRead, totalBytes });
      if (lines.length > 0) yield { lines, firstLine };
    }
  } catch (err) {
    if (signal?.aborted) throw err;
    const msg = err instanceof Error ? err.message : String(err);
    issues.push({
      severity: 'error',
      code: gz ? 'file.gzip-truncated' : 'file.read-failed',
      file,
      line: lineNo,
      message: gz
        ? `the gzip stream is damaged or ends early after line ${lineNo - 1} (${msg}); rows before it were read`
        : `reading stopped at line ${lineNo}: ${msg}`,
    });
  } finally {
    raw.destroy();
  }
  if (carry !== null) {
    if (carryOversized) {
      issues.push(oversizedIssue(file, lineNo, maxLineBytes));
      yield { lines: [''], firstLine: lineNo };
    } else if (carry.length > 0) {
      let end = carry.length;
      if (carry[end - 1] === CR) end--;
      yield { lines: [carry.toString('utf8', 0, end)], firstLine: lineNo };
    }
  }
}

function oversizedIssue(file: string, line: number, max: number): Issue {
  return {
    severity: 'error',
    code: 'file.line-too-long',
    file,
    line,
    message: `line is longer than ${Math.round(max / 1024 / 1024)} MiB and was skipped (is this the right file?)`,
  };
}

/** NUL bytes, or many control characters, in the first block mean this is not a text table. */
export function looksBinary(chunk: Buffer): boolean {
  const n = Math.min(chunk.length, 8192);
  let control = 0;
  for (let i = 0; i < n; i++) {
    const b = chunk[i]!;
    if (b === 0) return true;
    if (b < 9 || (b > 13 && b < 32)) control++;
  }
  return n > 0 && control / n > 0.1;
}
