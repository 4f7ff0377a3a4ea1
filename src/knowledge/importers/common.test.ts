import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Issue } from '../../domain/index.js';
import { civicReleaseDate, proteinChangePatterns, readTsv } from './common.js';

const dir = mkdtempSync(join(tmpdir(), 'kb-tsv-'));
const cell = fc.string({ maxLength: 12 }).map((s) => s.replace(/[\t\r\n]/g, ' ').trim());

describe('readTsv', () => {
  it('reads back any table it is given, plain or gzip (property)', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.array(cell, { minLength: 3, maxLength: 3 }), { maxLength: 20 }),
        fc.boolean(),
        async (rows, gz) => {
          const text = ['a\tb\tc', ...rows.map((r) => r.join('\t'))].join('\n') + '\n';
          const path = join(dir, `t${Math.random().toString(36).slice(2)}.tsv${gz ? '.gz' : ''}`);
          writeFileSync(path, gz ? gzipSync(text) : text);
          const issues: Issue[] = [];
          const t = await readTsv(path, issues, { required: ['a', 'c'] });
          expect(issues).toEqual([]);
          const nonBlank = rows.filter((r) => r.join('\t').trim() !== '');
          expect(t.rows.map((r) => [r.get('a'), r.get('b'), r.get('c')])).toEqual(nonBlank);
        },
      ),
      { numRuns: 40 },
    );
  });

  it('reports missing columns, short rows and empty files as located issues', async () => {
    const p = join(dir, 'short.tsv');
    writeFileSync(p, 'a\tb\n1\n');
    const issues: Issue[] = [];
    const t = await readTsv(p, issues, { required: ['a', 'z'] });
    expect(t.rows[0]?.get('b')).toBe('');
    expect(issues.map((i) => [i.code, i.line, i.field])).toEqual([
      ['tsv.short-row', 2, undefined],
      ['tsv.missing-column', 1, 'z'],
    ]);
    const e = join(dir, 'empty.tsv');
    writeFileSync(e, '\n\n');
    const issues2: Issue[] = [];
    await readTsv(e, issues2);
    expect(issues2.map((i) => i.code)).toEqual(['tsv.empty']);
  });
});

describe('proteinChangePatterns', () => {
  it('reads the short forms knowledge bases write', () => {
    expect(proteinChangePatterns('BRAF', 'p.V600E')).toEqual([
      { type: 'variant', gene: 'BRAF', alteration: 'V600E' },
    ]);
    expect(proteinChangePatterns('TP53', 'R248X')).toEqual([
      { type: 'variant', gene: 'TP53', alteration: 'R248*' },
    ]);
    expect(proteinChangePatterns('NPM1', 'W288Cfs*12')).toEqual([
      { type: 'variant', gene: 'NPM1', alteration: 'W288Cfs*12' },
    ]);
    expect(proteinChangePatterns('NPM1', 'W288FS')).toEqual([
      { type: 'variant', gene: 'NPM1', alteration: 'W288fs' },
    ]);
    expect(proteinChangePatterns('EGFR', 'L747_P753delinsS')).toEqual([
      { type: 'variant', gene: 'EGFR', alteration: 'L747_P753delinsS' },
    ]);
    expect(proteinChangePatterns('KIT', 'V560del')).toEqual([
      { type: 'variant', gene: 'KIT', alteration: 'V560del' },
    ]);
    expect(proteinChangePatterns('KRAS', 'G12C (c.34G>T)')).toEqual([
      { type: 'variant', gene: 'KRAS', alteration: 'G12C' },
    ]);
    expect(proteinChangePatterns('ABCB1', 'I1145I')).toBeNull();
    expect(proteinChangePatterns('X', 'Amplification')).toBeNull();
  });
  it('returns null or well-formed patterns for any text (property)', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 24 }), (t) => {
        const r = proteinChangePatterns('G', t);
        if (r === null) return;
        expect(r.length).toBeGreaterThan(0);
        for (const p of r) {
          expect(['variant', 'codon']).toContain(p.type);
          if (p.type === 'codon') expect(p.position).toBeGreaterThan(0);
          if (p.type === 'variant') expect(p.alteration).toMatch(/^[A-Z]\d+/);
        }
      }),
    );
  });
});

describe('civicReleaseDate', () => {
  it('parses CIViC release names', () => {
    expect(civicReleaseDate('01-Aug-2024')).toBe('2024-08-01');
    expect(civicReleaseDate('01-Aug-2024-ClinicalEvidenceSummaries.tsv')).toBe('2024-08-01');
    expect(civicReleaseDate('nightly')).toBeNull();
    expect(civicReleaseDate('01-Foo-2024')).toBeNull();
  });
});
