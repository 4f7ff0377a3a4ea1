import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { builtinContext } from '../normalize/context.js';
import { cnaChange, cnaDiscreteReader, cnaLongReader } from './cna.js';

const ctx = builtinContext();
const fx = (name: string): string => join(import.meta.dirname, 'fixtures', name);
const sum = (r: Record<string, number>): number => Object.values(r).reduce((a, b) => a + b, 0);

describe('cnaChange', () => {
  it('maps cBioPortal discrete values and annotator words', () => {
    expect(cnaChange('-2')).toEqual({ change: 'deepDeletion', value: -2 });
    expect(cnaChange('-1.5')).toEqual({ change: 'hemizygousDeletion', value: -1.5 });
    expect(cnaChange('-1')).toEqual({ change: 'shallowDeletion', value: -1 });
    expect(cnaChange('0')).toEqual({ change: 'diploid', value: 0 });
    expect(cnaChange('1')).toEqual({ change: 'gain', value: 1 });
    expect(cnaChange('2')).toEqual({ change: 'amplification', value: 2 });
    expect(cnaChange('Amplification')).toEqual({ change: 'amplification' });
    expect(cnaChange('Deletion')).toEqual({ change: 'deepDeletion' });
    expect(cnaChange('Loss')).toEqual({ change: 'shallowDeletion' });
    expect(cnaChange('3')).toBeUndefined();
    expect(cnaChange('amp?')).toBeUndefined();
  });
});

describe('cnaDiscreteReader', () => {
  it('reads a matrix: every non-diploid cell becomes an alteration, every cell is accounted for', async () => {
    const r = await cnaDiscreteReader.read(fx('cna-matrix.txt'), { ctx, displayName: 'cna-matrix.txt' });
    expect(r.samples.map((s) => s.id)).toEqual(['S-01', 'S-02', 'S-03']);
    const s1 = r.samples[0]!.alterations.map((a) => `${a.gene}:${a.kind === 'copyNumber' ? a.change : ''}`);
    expect(s1).toEqual(['ERBB2:amplification', 'CDKN2A:deepDeletion', 'MYC:gain']);
    expect(r.samples[1]!.alterations.map((a) => (a.kind === 'copyNumber' ? a.alteration : ''))).toEqual([
      'Hemizygous Deletion',
    ]);
    expect(r.samples[2]!.alterations.map((a) => a.gene)).toEqual(['CDKN2A', 'KRAS']);
    expect(r.stats.rows).toBe(15);
    expect(r.stats.used).toBe(6);
    expect(r.stats.skipped).toEqual({ 'not-called': 2, diploid: 6, 'bad-value': 1 });
    expect(r.stats.rows).toBe(r.stats.used + sum(r.stats.skipped));
    const bad = r.issues.find((i) => i.code === 'cna.bad-value');
    expect(bad).toMatchObject({
      file: 'cna-matrix.txt',
      line: 6,
      column: 3,
      field: 'S-01',
      severity: 'warning',
    });
    const amp = r.samples[0]!.alterations[0]!;
    expect(amp).toMatchObject({ kind: 'copyNumber', value: 2, origin: { file: 'cna-matrix.txt', line: 2 } });
  });

  it('reads the GISTIC layout (Gene Symbol, Locus ID, Cytoband)', async () => {
    const r = await cnaDiscreteReader.read(fx('cna-gistic.txt'), { ctx });
    expect(r.samples.map((s) => [s.id, s.alterations.map((a) => a.alteration)])).toEqual([
      ['TCGA-AA-0001-01', ['Amplification', 'Deletion']],
      ['TCGA-AA-0002-01', ['Gain']],
    ]);
    expect(r.issues).toEqual([]);
  });

  it('sniffs matrices and not other tables', () => {
    const head = ['Hugo_Symbol\tEntrez_Gene_Id\tS1\tS2', 'ERBB2\t2064\t2\t0', 'MYC\t4609\tNA\t-1'];
    expect(cnaDiscreteReader.sniff(head, 'data_cna.txt')).toBeGreaterThan(0.8);
    expect(
      cnaDiscreteReader.sniff(['Hugo_Symbol\tVariant_Classification\tTumor_Sample_Barcode'], 'x.maf'),
    ).toBe(0);
    expect(
      cnaDiscreteReader.sniff(['Tumor_Sample_Barcode\tHugo_Symbol\tCopy_Number_Alteration'], 'x.txt'),
    ).toBe(0);
  });
});

describe('cnaLongReader', () => {
  it('reads words and numbers one call per row (CRLF file)', async () => {
    const r = await cnaLongReader.read(fx('cna-long.txt'), { ctx, displayName: 'cna-long.txt' });
    expect(r.samples.map((s) => [s.id, s.alterations.map((a) => `${a.gene} ${a.alteration}`)])).toEqual([
      ['S-01', ['MET Amplification', 'CDKN2A Deletion', 'PTEN Shallow Deletion']],
      ['S-02', ['ERBB2 Amplification', 'CCND1 Gain']],
    ]);
    expect(r.stats).toMatchObject({ rows: 7, used: 5, skipped: { diploid: 1, 'bad-value': 1 } });
    expect(r.issues.map((i) => [i.code, i.line])).toEqual([['cna.bad-value', 8]]);
    expect(
      cnaLongReader.sniff(['Tumor_Sample_Barcode\tHugo_Symbol\tCopy_Number_Alteration'], 'x.txt'),
    ).toBeGreaterThan(0.9);
  });
});
