import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Issue } from '../domain/index.js';
import { readLineBatches } from './lines.js';

const dir = mkdtempSync(join(tmpdir(), 'onconav-lines-'));

async function collect(path: string, maxLineBytes?: number): Promise<{ lines: string[]; issues: Issue[] }> {
  const issues: Issue[] = [];
  const lines: string[] = [];
  for await (const b of readLineBatches(path, { issues, maxLineBytes })) lines.push(...b.lines);
  return { lines, issues };
}

describe('readLineBatches', () => {
  it('reads LF and CRLF alike, with or without a final newline', async () => {
    const p = join(dir, 'crlf.txt');
    writeFileSync(p, 'a\tb\r\nc\td\r\ne');
    expect((await collect(p)).lines).toEqual(['a\tb', 'c\td', 'e']);
  });

  it('reads gzip by its magic bytes and reports a truncated stream with the last good line', async () => {
    const body = Array.from({ length: 5000 }, (_, i) => `row${i}\tx`).join('\n') + '\n';
    const gz = gzipSync(Buffer.from(body));
    const full = join(dir, 'ok.txt.gz');
    writeFileSync(full, gz);
    expect((await collect(full)).lines).toHaveLength(5000);
    const cut = join(dir, 'cut.gz');
    writeFileSync(cut, gz.subarray(0, Math.floor(gz.length / 2)));
    const r = await collect(cut);
    expect(r.issues.map((i) => i.code)).toContain('file.gzip-truncated');
    expect(r.lines.length).toBeLessThan(5000);
  });

  it('reports binary content instead of yielding garbage lines', async () => {
    const p = join(dir, 'bin.dat');
    writeFileSync(p, Buffer.from([0, 1, 2, 3, 0, 255, 10, 65]));
    const r = await collect(p);
    expect(r.lines).toEqual([]);
    expect(r.issues[0]?.code).toBe('file.binary');
  });

  it('skips an over-long line with its line number and keeps the following lines', async () => {
    const p = join(dir, 'long.txt');
    writeFileSync(p, `h\n${'x'.repeat(3000)}\nlast\n`);
    const r = await collect(p, 1000);
    expect(r.lines).toEqual(['h', '', 'last']);
    expect(r.issues[0]).toMatchObject({ code: 'file.line-too-long', line: 2 });
  });

  it('yields exactly the lines of any text (property)', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.string({ unit: 'grapheme' }).map((s) => s.replace(/[\r\n\0]/g, ' ')), { minLength: 1, maxLength: 50 }), async (rows) => {
        const p = join(dir, 'prop.txt');
        writeFileSync(p, rows.join('\n') + '\n');
        const r = await collect(p);
        if (r.issues.some((i) => i.code === 'file.binary')) return; // control-heavy strings are rejected as binary
        expect(r.lines).toEqual(rows);
      }),
      { numRuns: 60 },
    );
  });
});
