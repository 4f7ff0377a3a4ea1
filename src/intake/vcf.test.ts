import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { describeWithSharedData, sharedPath } from '../../test/shared-data.js';
import type { Mutation } from '../domain/index.js';
import { builtinContext } from '../normalize/context.js';
import type { ReadResult } from './types.js';
import { parseAnnotationHeader, readVcf, vcfReader } from './vcf.js';

const FIX = join(dirname(fileURLToPath(import.meta.url)), 'fixtures');
const tmp = mkdtempSync(join(tmpdir(), 'onconav-vcf-'));
const ctx = builtinContext();

function write(name: string, content: string | Buffer): string {
  const p = join(tmp, name);
  writeFileSync(p, content);
  return p;
}
function muts(r: ReadResult): Mutation[] {
  return r.samples.flatMap((s) => s.alterations) as Mutation[];
}
function accounted(r: ReadResult): number {
  const sum = (o: Record<string, number>) => Object.values(o).reduce((a, b) => a + b, 0);
  return r.stats.used + sum(r.stats.flagged) + sum(r.stats.skipped);
}

describe('VCF reader: VEP-annotated tumor/normal file', async () => {
  const r = await readVcf(join(FIX, 'vep_tumor_normal.vcf'), { ctx, displayName: 'vep.vcf' });
  const m = muts(r);

  it('uses the TUMOR column by default and says so', () => {
    expect(r.samples.map((s) => s.id)).toEqual(['TUMOR']);
    expect(r.issues.find((i) => i.code === 'vcf.tumor-sample')!.message).toContain('"TUMOR" (2 of 2');
    expect(r.issues.filter((i) => i.severity === 'error')).toEqual([]);
  });

  it('takes the PICK-flagged transcript over the first one', () => {
    const braf = m.find((x) => x.gene === 'BRAF')!;
    expect(braf).toMatchObject({
      alteration: 'V600E',
      exon: 15,
      transcript: 'ENST00000646891',
      cdna: 'c.1799T>A',
      vaf: 0.4,
      depth: 100,
      somaticStatus: 'somatic',
    });
    expect(braf.locus).toEqual({
      chrom: '7',
      start: 140753335,
      end: 140753336,
      ref: 'A',
      alt: 'T',
      build: 'GRCh38',
    });
  });

  it('splits multi-allelic records and gives each allele its own annotation (MANE over the first transcript)', () => {
    const kras = m.filter((x) => x.gene === 'KRAS');
    expect(kras.map((x) => [x.alteration, x.locus?.alt, x.transcript])).toEqual([
      ['G12C', 'A', 'ENST00000256078'],
      ['G12V', 'T', 'ENST00000256078'],
    ]);
    expect(kras.map((x) => x.vaf)).toEqual([0.3, 0.2]);
    expect(kras[0]!.somaticStatus).toBe('unknown');
  });

  it("matches VEP's '-' allele for deletions and drops the padding base from the locus", () => {
    const egfr = m.find((x) => x.gene === 'EGFR')!;
    expect(egfr).toMatchObject({ alteration: 'E746_A750del', exon: 19, vaf: 0.25 });
    expect(egfr.locus).toMatchObject({ start: 55174771, end: 55174786, ref: 'GGAATTAAGAGAAGC', alt: '-' });
  });

  it('un-escapes VEP HGVSp (%3D) and skips filtered records', () => {
    expect(m.find((x) => x.gene === 'TP53')!.alteration).toBe('R249=');
    expect(m.some((x) => x.gene === 'XYZ')).toBe(false);
    expect(r.stats).toMatchObject({ rows: 5, used: 4, skipped: { filtered: 1 } });
    expect(accounted(r)).toBe(r.stats.rows);
  });

  it('honours --tumor-sample by name or index, and --sample for the id', async () => {
    const byName = await readVcf(join(FIX, 'vep_tumor_normal.vcf'), { ctx, tumorSample: 'NORMAL' });
    // The normal's genotypes are 0/0: nothing is carried.
    expect(muts(byName)).toEqual([]);
    expect(byName.stats.skipped['not-in-tumor-sample']).toBe(4);
    const byIndex = await readVcf(join(FIX, 'vep_tumor_normal.vcf'), {
      ctx,
      tumorSample: '1',
      sampleId: 'PT-7',
    });
    expect(byIndex.samples[0]!.id).toBe('PT-7');
    expect(muts(byIndex)).toHaveLength(5);
  });

  it('reports an unknown --tumor-sample with the names available', async () => {
    const r2 = await readVcf(join(FIX, 'vep_tumor_normal.vcf'), { ctx, tumorSample: 'T1' });
    const e = r2.issues.find((i) => i.code === 'vcf.tumor-sample-not-found')!;
    expect(e.severity).toBe('error');
    expect(e.message).toContain('NORMAL, TUMOR');
  });
});

describe('VCF reader: SnpEff and unannotated files', () => {
  it('reads SnpEff ANN, preferring a protein-coding transcript', async () => {
    const r = await readVcf(join(FIX, 'snpeff.vcf'), { ctx });
    const [nras] = muts(r);
    expect(nras).toMatchObject({
      gene: 'NRAS',
      alteration: 'Q61L',
      transcript: 'ENST00000369535',
      exon: 3,
      vaf: 0.3,
      depth: 100,
    });
    expect(nras!.locus!.build).toBe('GRCh37');
    expect(r.samples[0]!.id).toBe('S1');
  });

  it('keeps unannotated variants by position with one warning that says how to annotate', async () => {
    const r = await readVcf(join(FIX, 'plain.vcf'), { ctx, displayName: 'plain.vcf' });
    const m = muts(r);
    expect(m.map((x) => [x.locus?.alt, x.alteration, x.consequence, x.gene])).toEqual([
      ['A', null, 'unknown', ''],
      ['C', null, 'unknown', ''],
    ]);
    expect(m[0]!.locus!.build).toBe('GRCh38');
    const w = r.issues.filter((i) => i.code === 'vcf.unannotated');
    expect(w).toHaveLength(1);
    expect(w[0]!.message).toMatch(/vep .*--vcf/);
    expect(w[0]!.message).toMatch(/snpEff/);
    expect(r.samples[0]!.id).toBe('plain');
    expect(r.stats).toMatchObject({
      rows: 3,
      used: 1,
      skipped: { 'symbolic-allele': 1, 'no-alt-allele': 1 },
    });
  });

  it('reads gzip VCF and reports a truncated one', async () => {
    const text = readFileSync(join(FIX, 'vep_tumor_normal.vcf'), 'utf8');
    const many =
      text +
      Array.from({ length: 3000 }, (_, i) => `chr1\t${1000 + i}\t.\tG\tA\t.\tPASS\tDP=3\tGT\t0/0\t0/1`).join(
        '\n',
      ) +
      '\n';
    const gz = gzipSync(Buffer.from(many));
    expect(muts(await readVcf(write('ok.vcf.gz', gz), { ctx }))).toHaveLength(3005);
    const cut = await readVcf(write('cut.vcf.gz', gz.subarray(0, Math.floor(gz.length / 2))), { ctx });
    expect(cut.issues.some((i) => i.code === 'file.gzip-truncated')).toBe(true);
  });

  it('reads bgzip output (several gzip members back to back)', async () => {
    const head = gzipSync(
      '##fileformat=VCFv4.2\n#CHROM\tPOS\tID\tREF\tALT\tQUAL\tFILTER\tINFO\n1\t100\t.\tA\tT\t.\tPASS\t.\n',
    );
    const body = gzipSync('1\t200\t.\tA\tG\t.\tPASS\t.\n');
    const r = await readVcf(write('multi.vcf.bgz', Buffer.concat([head, body, gzipSync('')])), { ctx });
    expect(muts(r).map((m) => m.locus?.start)).toEqual([99, 199]);
    expect(r.samples[0]!.id).toBe('multi');
  });

  it('takes VAF from FreeBayes AO/RO and VarScan FREQ when there is no AF or AD', async () => {
    const head = '##fileformat=VCFv4.2\n#CHROM\tPOS\tID\tREF\tALT\tQUAL\tFILTER\tINFO\tFORMAT\tTUMOR\n';
    const fb = await readVcf(
      write('fb.vcf', `${head}1\t100\t.\tA\tT,G\t.\tPASS\t.\tGT:RO:AO\t1/2:50:30,20\n`),
      { ctx },
    );
    expect(muts(fb).map((m) => [m.vaf, m.depth])).toEqual([
      [0.3, 100],
      [0.2, 100],
    ]);
    const vs = await readVcf(write('vs.vcf', `${head}1\t100\t.\tA\tT\t.\tPASS\t.\tGT:FREQ\t0/1:12.5%\n`), {
      ctx,
    });
    expect(muts(vs)[0]!.vaf).toBe(0.125);
  });

  it('reports data before the header, bad headers, short records and empty files', async () => {
    const noHeader = await readVcf(write('nh.vcf', '1\t100\t.\tA\tT\t.\tPASS\t.\n'), { ctx });
    expect(noHeader.issues[0]).toMatchObject({ severity: 'error', code: 'vcf.missing-header', line: 1 });
    const short = await readVcf(
      write(
        'short.vcf',
        '##fileformat=VCFv4.2\n#CHROM\tPOS\tID\tREF\tALT\tQUAL\tFILTER\tINFO\n1\t100\tA\n1\tx\t.\tA\tT\t.\tPASS\t.\n',
      ),
      { ctx },
    );
    expect(short.issues.filter((i) => i.severity === 'error').map((i) => [i.code, i.line])).toEqual([
      ['vcf.field-count', 3],
      ['vcf.bad-record', 4],
    ]);
    expect(accounted(short)).toBe(2);
    const empty = await readVcf(write('empty.vcf', ''), { ctx });
    expect(empty.issues.map((i) => i.code)).toEqual(['vcf.missing-header']);
  });

  it('never throws on arbitrary records', async () => {
    const cell = fc.oneof(
      fc.constantFrom(
        '.',
        'A',
        'T,G',
        '<DEL>',
        '*',
        '100',
        'PASS',
        'GT:AD',
        '0/1:5,5',
        'CSQ=T|missense_variant|x',
        'chr1',
      ),
      fc.string({ maxLength: 8 }),
    );
    const rec = fc.array(cell, { maxLength: 11 }).map((c) => c.join('\t'));
    const header =
      '##fileformat=VCFv4.2\n##INFO=<ID=CSQ,Number=.,Type=String,Description="Consequence annotations from Ensembl VEP. Format: Allele|Consequence|IMPACT|SYMBOL|HGVSp">\n#CHROM\tPOS\tID\tREF\tALT\tQUAL\tFILTER\tINFO\tFORMAT\tTUMOR\n';
    let n = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(rec, { maxLength: 20 }), async (lines) => {
        const r = await readVcf(write(`p${n++}.vcf`, header + lines.join('\n')), { ctx });
        expect(accounted(r)).toBe(r.stats.rows);
      }),
      { numRuns: 80 },
    );
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: 300 }), async (bytes) => {
        const r = await readVcf(write(`b${n++}.vcf`, Buffer.from(bytes)), { ctx });
        expect(accounted(r)).toBe(r.stats.rows);
      }),
      { numRuns: 60 },
    );
  });
});

describe('VCF helpers', () => {
  it('parses VEP and SnpEff annotation layouts from ##INFO lines', () => {
    const vep = parseAnnotationHeader(
      '##INFO=<ID=CSQ,Number=.,Type=String,Description="Consequence annotations from Ensembl VEP. Format: Allele|Consequence|IMPACT|SYMBOL|HGVSp">',
    );
    expect(vep).toMatchObject({ annotator: 'vep', key: 'CSQ' });
    expect(vep!.fields.get('HGVSp')).toBe(4);
    const ann = parseAnnotationHeader(
      '##INFO=<ID=ANN,Number=.,Type=String,Description="Functional annotations: \'Allele | Annotation | Annotation_Impact | Gene_Name | Gene_ID | Feature_Type | Feature_ID | Transcript_BioType | Rank | HGVS.c | HGVS.p\' ">',
    );
    expect(ann).toMatchObject({ annotator: 'snpeff', key: 'ANN' });
    expect(ann!.fields.get('HGVS.p')).toBe(10);
    expect(parseAnnotationHeader('##INFO=<ID=DP,Number=1,Type=Integer,Description="Depth">')).toBeNull();
  });

  it('sniffs VCF by its header', () => {
    expect(vcfReader.sniff(['##fileformat=VCFv4.2'], 'x.txt')).toBeGreaterThan(0.9);
    expect(vcfReader.sniff(['Hugo_Symbol\tTumor_Sample_Barcode'], 'x.maf')).toBe(0);
  });
});

describeWithSharedData('VCF reader on shared data', () => {
  it('reads the CIViC release VCF (CSQ-style header, sites only) without errors, one mutation per record', async () => {
    const r = await readVcf(sharedPath('knowledge/civic/01-Aug-2024-civic_accepted.vcf'), { ctx });
    expect(r.issues.filter((i) => i.severity === 'error')).toEqual([]);
    expect(r.stats.rows).toBe(804);
    expect(accounted(r)).toBe(804);
    const m = muts(r);
    expect(m.every((x) => x.locus?.build === 'GRCh37')).toBe(true);
    expect(m.find((x) => x.gene === 'ERRFI1')!.locus).toMatchObject({
      chrom: '1',
      start: 8073508,
      end: 8073509,
    });
  });
});
