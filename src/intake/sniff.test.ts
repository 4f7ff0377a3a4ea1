import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { describeWithSharedData, sharedPath } from '../../test/shared-data.js';
import { builtinContext } from '../normalize/context.js';
import { READERS, readInputs } from './index.js';
import type { ReaderModule } from './registry.js';
import { headLines, sniffFile } from './sniff.js';
import { FORMATS, emptyStats } from './types.js';

const FIX = join(dirname(fileURLToPath(import.meta.url)), 'fixtures');
const tmp = mkdtempSync(join(tmpdir(), 'onconav-sniff-'));
const write = (name: string, content: string | Buffer): string => {
  const p = join(tmp, name);
  writeFileSync(p, content);
  return p;
};
const fake = (format: ReaderModule['format'], score: number): ReaderModule => ({
  format,
  description: format,
  sniff: () => score,
  read: async (path) => ({ file: path, format, samples: [], patients: [], issues: [], stats: emptyStats() }),
});

describe('sniffFile', () => {
  it('recognizes MAF and VCF fixtures, also gzip-compressed', async () => {
    expect((await sniffFile(join(FIX, 'gdc_small.maf'), READERS)).format).toBe('maf');
    expect((await sniffFile(join(FIX, 'vep_tumor_normal.vcf'), READERS)).format).toBe('vcf');
    const gz = write(
      'x.vcf.gz',
      gzipSync(Buffer.from('##fileformat=VCFv4.2\n#CHROM\tPOS\tID\tREF\tALT\tQUAL\tFILTER\tINFO\n')),
    );
    expect((await sniffFile(gz, READERS)).format).toBe('vcf');
  });

  it('reports empty, blank-only and binary files as located errors', async () => {
    expect((await sniffFile(write('e.txt', ''), READERS)).issues[0]).toMatchObject({
      severity: 'error',
      code: 'file.empty',
    });
    expect((await sniffFile(write('b.txt', '\n\r\n  \n'), READERS)).issues[0]!.code).toBe('file.empty');
    const bin = await sniffFile(write('b.bin', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 13])), READERS);
    expect(bin).toMatchObject({
      format: null,
      issues: [{ severity: 'error', code: 'file.binary', line: 1 }],
    });
  });

  it('asks for --as when nothing is sure enough, listing the formats', async () => {
    const r = await sniffFile(write('notes.txt', 'the patient has a BRAF mutation\n'), READERS);
    expect(r.format).toBeNull();
    expect(r.issues[0]!.code).toBe('file.unknown-format');
    expect(r.issues[0]!.message).toContain('--as');
    expect(r.issues[0]!.message).toContain('maf, vcf');
  });

  it('reports a tie instead of guessing', async () => {
    const r = await sniffFile(join(FIX, 'gdc_small.maf'), [
      fake('cna-long', 0.8),
      fake('sv', 0.8),
      fake('maf', 0.2),
    ]);
    expect(r.format).toBeNull();
    expect(r.issues[0]).toMatchObject({ code: 'file.ambiguous-format' });
    expect(r.issues[0]!.message).toContain('cna-long, sv');
  });

  it('survives a sniffer that throws', async () => {
    const bad: ReaderModule = {
      ...fake('sv', 0),
      sniff: () => {
        throw new Error('boom');
      },
    };
    expect((await sniffFile(join(FIX, 'gdc_small.maf'), [bad, fake('maf', 0.9)])).format).toBe('maf');
  });

  it('gives at most 50 non-empty lines without CR or BOM', async () => {
    const p = write('many.txt', '\ufeffa\r\n\r\n' + Array.from({ length: 80 }, (_, i) => `l${i}`).join('\n'));
    const h = await headLines(p);
    expect(h.lines).toHaveLength(50);
    expect(h.lines[0]).toBe('a');
  });

  it('never throws on random bytes', async () => {
    let n = 0;
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: 500 }), async (b) => {
        const r = await sniffFile(write(`r${n++}`, Buffer.from(b)), READERS);
        expect(r.format === null || READERS.some((x) => x.format === r.format)).toBe(true);
      }),
      { numRuns: 60 },
    );
  });
});

describe('READERS', () => {
  it('has exactly one reader for every format', () => {
    expect(READERS.map((r) => r.format).sort()).toEqual([...FORMATS].sort());
  });
});

describe('readInputs', () => {
  it('reads each file with its sniffed reader and reports files it could not read', async () => {
    const { results, issues } = await readInputs(
      [join(FIX, 'gdc_small.maf'), join(tmp, 'missing.maf'), tmp],
      { ctx: builtinContext() },
    );
    expect(results.map((r) => r.format)).toEqual(['maf']);
    expect(issues.map((i) => i.code)).toEqual(['file.not-found', 'file.not-a-file']);
  });

  it('reads with --as without sniffing', async () => {
    const { results } = await readInputs([join(FIX, 'gdc_small.maf')], { ctx: builtinContext(), as: 'vcf' });
    expect(results[0]!.format).toBe('vcf');
    expect(results[0]!.issues.some((i) => i.severity === 'error')).toBe(true);
  });
});

describeWithSharedData('sniffing the reference files', () => {
  const expected: [string, string][] = [
    ['examples/crc_msk_2017/data_mutations_extended.txt', 'maf'],
    ['examples/crc_msk_2017/data_clinical_sample.txt', 'clinical-sample'],
    ['examples/crc_msk_2017/data_clinical_patient.txt', 'clinical-patient'],
    ['examples/msk_impact_2017/data_sv.txt', 'sv'],
    ['examples/msk_impact_2017/data_gene_panel_matrix.txt', 'gene-panel-matrix'],
    ['knowledge/oncokb/annotator-examples/example_maf.txt', 'maf'],
    ['knowledge/oncokb/annotator-examples/example_maf_grch38.txt', 'maf'],
    ['knowledge/oncokb/annotator-examples/example_atypical_alterations.txt', 'maf'],
    ['knowledge/oncokb/annotator-examples/example_cna.txt', 'cna-discrete'],
    ['knowledge/oncokb/annotator-examples/example_individual_cna.txt', 'cna-long'],
    ['knowledge/oncokb/annotator-examples/example_fusions.txt', 'fusion-list'],
    ['knowledge/oncokb/annotator-examples/example_sv.txt', 'sv'],
    ['knowledge/oncokb/annotator-examples/example_clinical.txt', 'clinical-sample'],
    ['knowledge/civic/01-Aug-2024-civic_accepted.vcf', 'vcf'],
  ];
  it.each(expected)('%s is read as %s', async (file, format) => {
    const r = await sniffFile(sharedPath(file), READERS);
    expect(r.issues).toEqual([]);
    expect(r.format).toBe(format);
  });
});
