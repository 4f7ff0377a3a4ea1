import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { describeWithSharedData, sharedPath } from '../../test/shared-data.js';
import type { Mutation } from '../domain/index.js';
import { builtinContext, type NormalizeContext } from '../normalize/context.js';
import type { GeneResolver } from '../normalize/genes.js';
import { mafReader, readMaf } from './maf.js';
import type { ReadResult } from './types.js';

const FIX = join(dirname(fileURLToPath(import.meta.url)), 'fixtures');
const tmp = mkdtempSync(join(tmpdir(), 'onconav-maf-'));
const ctx = builtinContext();

function write(name: string, content: string | Buffer): string {
  const p = join(tmp, name);
  writeFileSync(p, content);
  return p;
}

function mutations(r: ReadResult): Mutation[] {
  return r.samples.flatMap((s) => s.alterations).filter((a): a is Mutation => a.kind === 'mutation');
}

function accounted(r: ReadResult): number {
  const sum = (o: Record<string, number>) => Object.values(o).reduce((a, b) => a + b, 0);
  return r.stats.used + sum(r.stats.flagged) + sum(r.stats.skipped);
}

describe('MAF reader: GDC-style file', async () => {
  const r = await readMaf(join(FIX, 'gdc_small.maf'), { ctx });
  const byGene = new Map(mutations(r).map((m) => [m.geneInput ?? m.gene, m]));

  it('reads every row, groups by sample and accounts for each row', () => {
    expect(r.issues.filter((i) => i.severity === 'error')).toEqual([]);
    expect(r.stats.rows).toBe(7);
    expect(accounted(r)).toBe(7);
    expect(r.samples.map((s) => s.id)).toEqual(['TCGA-AA-0001-01A', 'TCGA-AA-0002-01A', 'TCGA-AA-0003-01A']);
  });

  it('converts 1-based MAF coordinates to 0-based half-open loci with the build', () => {
    expect(byGene.get('BRAF')!.locus).toEqual({
      chrom: '7',
      start: 140753335,
      end: 140753336,
      ref: 'A',
      alt: 'T',
      build: 'GRCh38',
    });
    const del = byGene.get('EGFR')!.locus!;
    expect([del.start, del.end, del.end - del.start]).toEqual([55174771, 55174786, 15]);
    // Insertion: Start_Position is the base before; the locus is the empty interval after it.
    expect(byGene.get('ERBB2')!.locus).toMatchObject({
      start: 39724737,
      end: 39724737,
      ref: '-',
      alt: 'GCATACGTGATG',
    });
  });

  it('takes protein change, VAF, depth, exon, cDNA and transcript', () => {
    const braf = byGene.get('BRAF')!;
    expect(braf).toMatchObject({
      alteration: 'V600E',
      proteinStart: 600,
      vaf: 0.4,
      depth: 100,
      exon: 15,
      cdna: 'c.1799T>A',
      transcript: 'ENST00000646891',
    });
    expect(braf.origin).toEqual({ file: join(FIX, 'gdc_small.maf'), line: 3 });
    expect(braf.originalText).toBe('BRAF p.V600E');
    expect(byGene.get('EGFR')).toMatchObject({ alteration: 'E746_A750del', exon: 19, vaf: 0.5 });
    expect(byGene.get('TP53')!.vaf).toBeUndefined();
  });

  it('keeps germline rows flagged, never as somatic and not counted as used', () => {
    const brca2 = byGene.get('BRCA2')!;
    expect(brca2.somaticStatus).toBe('germline');
    expect(r.stats.flagged).toEqual({ germline: 1 });
    expect(r.stats.used).toBe(6);
    expect(byGene.get('BRAF')!.somaticStatus).toBe('somatic');
    // An empty Mutation_Status cell says nothing either way.
    expect(byGene.get('MLL2')!.somaticStatus).toBe('unknown');
  });

  it('keeps silent and intronic rows with their consequence; intron rows have no protein change', () => {
    const silent = byGene.get('TP53')!;
    expect(silent.variantClassification).toBe('Silent');
    const intron = byGene.get('APC')!;
    expect(intron.variantClassification).toBe('Intron');
    expect(intron.alteration).toBeNull();
    expect(intron.originalText).toBe('APC Intron');
  });

  it('records the input symbol when normalization renames a gene', () => {
    const m = byGene.get('MLL2')!;
    if (m.gene !== 'MLL2') expect(m.geneInput).toBe('MLL2');
    else expect(m.geneInput).toBeUndefined();
  });
});

describe('MAF reader: cBioPortal and annotator variants', () => {
  it('creates sequenced samples without mutations from #sequenced_samples', async () => {
    const r = await readMaf(join(FIX, 'cbio_mutations.txt'), { ctx });
    expect(r.samples.map((s) => [s.id, s.alterations.length])).toEqual([
      ['P-1-T01', 1],
      ['P-2-T01', 1],
      ['P-3-T01', 0],
    ]);
    expect(mutations(r).map((m) => m.somaticStatus)).toEqual(['somatic', 'unknown']);
  });

  it('reads SAMPLE_ID/ALTERATION lists and turns "Other Biomarkers" into biomarkers', async () => {
    const r = await readMaf(join(FIX, 'alteration_list.txt'), { ctx });
    const s1 = r.samples.find((s) => s.id === 'S1')!;
    expect(s1.biomarkers.map((b) => [b.name, b.status])).toEqual([
      ['MSI', 'MSI-H'],
      ['TMB', 'TMB-H'],
    ]);
    expect(s1.alterations).toHaveLength(1);
    expect(r.stats.skipped).toEqual({ 'unrecognized-biomarker': 1 });
    expect(r.issues.find((i) => i.code === 'maf.unrecognized-biomarker')).toMatchObject({ line: 5 });
    expect(accounted(r)).toBe(r.stats.rows);
  });

  it('matches column names case-insensitively', async () => {
    const p = write('lower.maf', 'hugo_symbol\ttumor_sample_barcode\thgvsp_short\nBRAF\tS1\tp.V600E\n');
    const r = await readMaf(p, { ctx });
    expect(mutations(r)[0]).toMatchObject({ gene: 'BRAF', alteration: 'V600E' });
  });

  it('falls back to HGVSp when HGVSp_Short is NA', async () => {
    const p = write(
      'long.maf',
      'Hugo_Symbol\tTumor_Sample_Barcode\tHGVSp_Short\tHGVSp\nBRAF\tS1\tNA\tp.Val600Glu\n',
    );
    const r = await readMaf(p, { ctx });
    expect(mutations(r)[0]!.alteration).toBe('V600E');
  });
});

describe('MAF reader: streaming consumer (onAlteration)', () => {
  it('hands every mutation and biomarker to the consumer and keeps none on the samples', async () => {
    const whole = await readMaf(join(FIX, 'alteration_list.txt'), { ctx });
    const got: Array<[string, string]> = [];
    const streamed = await readMaf(join(FIX, 'alteration_list.txt'), {
      ctx,
      onAlteration: (sample, a) => got.push([sample, a.kind === 'biomarker' ? a.status! : a.alteration!]),
    });
    expect(got).toEqual([
      ['S1', 'MSI-H'],
      ['S1', 'TMB-H'],
      ['S1', 'V600E'],
    ]);
    // Samples are still listed, empty; stats and issues are the same as when reading the whole case.
    expect(streamed.samples.map((s) => [s.id, s.alterations.length, s.biomarkers.length])).toEqual([
      ['S1', 0, 0],
    ]);
    expect(streamed.stats).toEqual(whole.stats);
    expect(streamed.issues).toEqual(whole.issues);
  });

  const HEADER =
    'Hugo_Symbol\tNCBI_Build\tChromosome\tStart_Position\tTumor_Sample_Barcode\tMutation_Status\tHGVSp_Short';
  const BUILD: Record<string, string | undefined> = {
    GRCh37: 'GRCh37',
    ' GRCh37': 'GRCh37',
    hg38: 'GRCh38',
    NA: undefined,
    '': undefined,
    hg17: undefined,
  };
  const STATUS: Record<string, string> = {
    SOMATIC: 'somatic',
    ' Somatic ': 'somatic',
    Germline: 'germline',
    LOH: 'germline',
    NA: 'unknown',
    '': 'unknown',
  };
  const rowArb = fc.record({
    gene: fc.constantFrom('BRAF', 'KRAS', 'MLL2', 'TP53'),
    build: fc.constantFrom(...Object.keys(BUILD)),
    sample: fc.constantFrom('S1', 'S1', 'S2', ' S2', 'S10'),
    status: fc.constantFrom(...Object.keys(STATUS)),
    change: fc.constantFrom('p.V600E', 'p.G12C', 'NA', 'p.R248Q'),
  });

  it('gives each row its own sample, build and status however runs of rows repeat them (property)', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(rowArb, { minLength: 1, maxLength: 30 }), async (rows) => {
        const text = [
          HEADER,
          ...rows.map((r, i) =>
            [r.gene, r.build, '7', String(1000 + i), r.sample, r.status, r.change].join('\t'),
          ),
        ].join('\n');
        const p = write('stream-prop.maf', text + '\n');
        const seen: Array<{ sample: string; line: number; build?: string; status: string }> = [];
        const streamed = await readMaf(p, {
          ctx,
          onAlteration: (sample, a) => {
            if (a.kind === 'mutation')
              seen.push({ sample, line: a.origin!.line!, build: a.locus?.build, status: a.somaticStatus! });
          },
        });
        expect(seen.map((x) => x.line)).toEqual(rows.map((_, i) => i + 2));
        for (const x of seen) {
          const r = rows[x.line - 2]!;
          expect(x.sample).toBe(r.sample.trim());
          expect(x.build).toBe(BUILD[r.build]);
          expect(x.status).toBe(STATUS[r.status]);
        }
        // The whole-case read gives the same mutations in the same samples.
        const whole = await readMaf(p, { ctx });
        expect(whole.samples.flatMap((s) => s.alterations.map((a) => [s.id, a.origin!.line]))).toEqual(
          [...seen]
            .sort(
              (a, b) =>
                whole.samples.findIndex((s) => s.id === a.sample) -
                  whole.samples.findIndex((s) => s.id === b.sample) || a.line - b.line,
            )
            .map((x) => [x.sample, x.line]),
        );
        expect(streamed.stats).toEqual(whole.stats);
      }),
      { numRuns: 60 },
    );
  });
});

describe('MAF reader: bad input', () => {
  it('names the missing required columns and reads no rows', async () => {
    const r = await readMaf(join(FIX, 'missing_columns.maf'), { ctx, displayName: 'x.maf' });
    expect(r.stats.rows).toBe(0);
    const e = r.issues.find((i) => i.code === 'maf.missing-column')!;
    expect(e).toMatchObject({ severity: 'error', file: 'x.maf', line: 1 });
    expect(e.message).toContain('Tumor_Sample_Barcode');
    expect(e.message).toContain('HGVSp_Short');
    expect(e.message).not.toContain('Hugo_Symbol');
  });

  it('explains a comma-separated file', async () => {
    const r = await readMaf(join(FIX, 'commas.maf'), { ctx });
    expect(r.issues[0]).toMatchObject({ severity: 'error', code: 'maf.wrong-delimiter', line: 1 });
    expect(r.issues[0]!.message).toMatch(/tab-separated/);
    expect(r.samples).toEqual([]);
  });

  it('skips rows with the wrong number of fields, with their line, and counts them', async () => {
    const p = write(
      'short.maf',
      'Hugo_Symbol\tTumor_Sample_Barcode\tHGVSp_Short\nBRAF\tS1\tp.V600E\nKRAS\tS1\nNRAS\tS1\tp.Q61K\textra\n\nTP53\tS2\tp.R175H\t\t\n',
    );
    const r = await readMaf(p, { ctx });
    expect(r.stats).toMatchObject({ rows: 4, used: 2, skipped: { 'wrong-field-count': 2 } });
    expect(r.issues.filter((i) => i.code === 'maf.field-count').map((i) => i.line)).toEqual([3, 4]);
  });

  it('reads CRLF files exactly like LF files', async () => {
    const lf = readFileSync(join(FIX, 'gdc_small.maf'), 'utf8');
    const a = await readMaf(write('lf.maf', lf), { ctx, displayName: 'f' });
    const b = await readMaf(write('crlf.maf', lf.replace(/\n/g, '\r\n')), { ctx, displayName: 'f' });
    expect(b.samples).toEqual(a.samples);
    expect(b.stats).toEqual(a.stats);
  });

  it('reads gzip and reports a gzip stream that ends early', async () => {
    const rows = Array.from({ length: 20000 }, (_, i) => `G${i % 50}\tS${i % 7}\tp.V${(i % 900) + 1}E`).join(
      '\n',
    );
    const gz = gzipSync(Buffer.from(`Hugo_Symbol\tTumor_Sample_Barcode\tHGVSp_Short\n${rows}\n`));
    const full = await readMaf(write('ok.maf.gz', gz), { ctx });
    expect(full.stats.rows).toBe(20000);
    const cut = await readMaf(write('cut.maf.gz', gz.subarray(0, Math.floor(gz.length * 0.6))), { ctx });
    expect(cut.issues.some((i) => i.code === 'file.gzip-truncated' && i.severity === 'error')).toBe(true);
    expect(cut.stats.rows).toBeLessThan(20000);
    expect(accounted(cut)).toBe(cut.stats.rows);
  });

  it('reports empty and binary files as errors', async () => {
    const empty = await readMaf(write('empty.maf', ''), { ctx });
    expect(empty.issues.map((i) => [i.severity, i.code])).toEqual([['error', 'maf.empty']]);
    const bin = await readMaf(
      write('bin.maf', Buffer.from([0x50, 0x4b, 0x03, 0x04, 0, 0, 1, 2, 3, 0, 0, 0])),
      { ctx },
    );
    expect(bin.issues.map((i) => i.code)).toEqual(['file.binary']);
  });

  it('skips a 10 MB line with a located issue and reads the rest', async () => {
    const huge = 'A'.repeat(10 * 1024 * 1024);
    const p = write(
      'huge.maf',
      `Hugo_Symbol\tTumor_Sample_Barcode\tHGVSp_Short\nBRAF\tS1\t${huge}\nKRAS\tS1\tp.G12C\n`,
    );
    const r = await readMaf(p, { ctx });
    expect(r.issues.find((i) => i.code === 'file.line-too-long')).toMatchObject({ line: 2 });
    expect(mutations(r).map((m) => m.gene)).toEqual(['KRAS']);
    expect(accounted(r)).toBe(r.stats.rows);
  });

  it('folds unknown gene symbols into one warning per symbol and keeps the rows', async () => {
    const genes = {
      resolve: (s: string) => ({ symbol: s, input: s, changed: false, known: s !== 'NOTAGENE' }),
    } as unknown as GeneResolver;
    const c: NormalizeContext = { ...ctx, genes };
    const p = write(
      'unk.maf',
      'Hugo_Symbol\tTumor_Sample_Barcode\tHGVSp_Short\nNOTAGENE\tS1\tp.V1E\nNOTAGENE\tS2\tp.V2E\nBRAF\tS1\tp.V600E\n',
    );
    const r = await readMaf(p, { ctx: c });
    const w = r.issues.filter((i) => i.code === 'gene.unknown');
    expect(w).toHaveLength(1);
    expect(w[0]).toMatchObject({ severity: 'warning', line: 2, count: 2 });
    expect(r.stats.used).toBe(3);
  });

  it('limits repeated row issues and says how many more there were', async () => {
    const bad = Array.from({ length: 120 }, () => 'BRAF\tS1').join('\n');
    const r = await readMaf(write('many.maf', `Hugo_Symbol\tTumor_Sample_Barcode\tHGVSp_Short\n${bad}\n`), {
      ctx,
    });
    expect(r.stats.skipped['wrong-field-count']).toBe(120);
    expect(r.issues.filter((i) => i.code === 'maf.field-count').length).toBe(51);
    expect(r.issues.at(-1)!.message).toMatch(/70 more/);
  });

  it('never throws and accounts for every data row, whatever the lines hold', async () => {
    const cellArb = fc.oneof(
      fc.constantFrom(
        '',
        'NA',
        'BRAF',
        'p.V600E',
        'Germline',
        '-',
        '7',
        '140753336',
        'Missense_Mutation',
        'S1',
      ),
      fc.string({ maxLength: 12 }),
    );
    const lineArb = fc.array(cellArb, { minLength: 0, maxLength: 6 }).map((cells) => cells.join('\t'));
    let n = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(lineArb, { maxLength: 25 }), fc.boolean(), async (lines, crlf) => {
        const header =
          'Hugo_Symbol\tTumor_Sample_Barcode\tHGVSp_Short\tMutation_Status\tChromosome\tStart_Position';
        const text = [header, ...lines].join(crlf ? '\r\n' : '\n');
        const r = await readMaf(write(`prop${n++}.maf`, text), { ctx });
        const dataLines = lines.filter((l) => l.length > 0 && !l.startsWith('#')).length;
        expect(r.stats.rows).toBe(dataLines);
        expect(accounted(r)).toBe(r.stats.rows);
      }),
      { numRuns: 60 },
    );
  });

  it('never throws on random bytes', async () => {
    let n = 0;
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: 400 }), async (bytes) => {
        const r = await readMaf(write(`bytes${n++}.maf`, Buffer.from(bytes)), { ctx });
        expect(accounted(r)).toBe(r.stats.rows);
      }),
      { numRuns: 60 },
    );
  });
});

describe('MAF sniffing', () => {
  it('claims MAF headers and not other tables', () => {
    expect(
      mafReader.sniff(
        ['#version 2.4', 'Hugo_Symbol\tTumor_Sample_Barcode\tVariant_Classification\tHGVSp_Short'],
        'x.maf',
      ),
    ).toBeGreaterThan(0.9);
    expect(mafReader.sniff(['HUGO_SYMBOL\tSAMPLE_ID\tALTERATION'], 'list.txt')).toBeGreaterThan(0.5);
    expect(mafReader.sniff(['Tumor_Sample_Barcode\tFusion'], 'f.txt')).toBe(0);
    expect(mafReader.sniff(['SAMPLE_ID\tONCOTREE_CODE'], 'c.txt')).toBe(0);
    expect(mafReader.sniff(['Hugo_Symbol,Tumor_Sample_Barcode,HGVSp_Short'], 'x.csv')).toBe(0);
  });
});

describeWithSharedData('MAF reader on shared data', () => {
  it('accounts for every one of the 14,645 crc_msk_2017 rows across 1,134 sequenced samples', async () => {
    const r = await readMaf(sharedPath('examples/crc_msk_2017/data_mutations_extended.txt'), { ctx });
    expect(r.issues.filter((i) => i.severity === 'error')).toEqual([]);
    expect(r.stats.rows).toBe(14645);
    expect(accounted(r)).toBe(14645);
    expect(r.stats.flagged).toEqual({ germline: 17 });
    expect(r.samples).toHaveLength(1134);
    expect(r.samples.reduce((n, s) => n + s.alterations.length, 0)).toBe(14645);
    const germline = mutations(r).filter((m) => m.somaticStatus === 'germline');
    expect(germline).toHaveLength(17);
    expect(mutations(r).every((m) => m.locus?.build === 'GRCh37')).toBe(true);
  });

  it('reads the oncokb-annotator example MAFs cleanly', async () => {
    for (const f of ['example_maf.txt', 'example_maf_grch38.txt', 'example_atypical_alterations.txt']) {
      const r = await readMaf(sharedPath('knowledge/oncokb/annotator-examples', f), { ctx });
      // Unknown-gene warnings depend on which gene set is loaded (built-in vs imported HGNC); errors never.
      expect(
        r.issues.filter(
          (i) => i.severity === 'error' || (i.severity === 'warning' && i.code !== 'gene.unknown'),
        ),
        f,
      ).toEqual([]);
      expect(r.stats.used, f).toBe(r.stats.rows);
      expect(r.stats.rows, f).toBeGreaterThan(10);
    }
  });
});
