import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Fusion } from '../domain/index.js';
import { builtinContext } from '../normalize/context.js';
import { fusionListReader, orientSv, svReader } from './sv.js';

const ctx = builtinContext();
const fx = (name: string): string => join(import.meta.dirname, 'fixtures', name);
const fusions = (r: { samples: Array<{ id: string; alterations: unknown[] }> }, id: string): Fusion[] =>
  (r.samples.find((s) => s.id === id)?.alterations ?? []) as Fusion[];
const sum = (r: Record<string, number>): number => Object.values(r).reduce((a, b) => a + b, 0);

describe('orientSv', () => {
  it('takes 5′/3′ from Event_Info before the site order', () => {
    expect(orientSv('RET', 'CCDC6', 'Protein fusion: in frame (CCDC6-RET)', ctx).parts).toMatchObject({
      gene5: 'CCDC6',
      gene3: 'RET',
    });
    expect(orientSv('ROS1', 'TMEM181', 'ROS1-TMEM181 Fusion', ctx).parts).toMatchObject({
      gene5: 'ROS1',
      gene3: 'TMEM181',
    });
    expect(orientSv('KDM5D', 'KDM5D', 'KDM5D-intragenic', ctx).parts).toMatchObject({ intragenic: true });
    expect(orientSv('', '', '', ctx).parts).toBeNull();
  });
});

describe('svReader', () => {
  it('reads cBioPortal SV rows with orientation, frame, class, status and accounting', async () => {
    const r = await svReader.read(fx('sv-cbioportal.txt'), { ctx, displayName: 'sv.txt' });
    expect(fusions(r, 'S-01').map((f) => [f.alteration, f.gene, f.inFrame])).toEqual([
      ['EML4::ALK', 'ALK', true],
      ['ROS1::SLC34A2', 'ROS1', undefined],
    ]);
    const s2 = fusions(r, 'S-02');
    expect(s2[0]).toMatchObject({ gene: 'EGFR', intragenic: true, svClass: 'DELETION' });
    expect(s2[1]).toMatchObject({
      gene: 'ATP1B2',
      gene5: 'ATP1B2',
      gene3: null,
      alteration: 'ATP1B2 fusion',
    });
    expect(fusions(r, 'S-03')[0]).toMatchObject({ alteration: 'CUBN::RET', gene: 'RET' });
    expect(fusions(r, 'S-03')[0]!.description).toMatch(/Antisense fusion; orientation not stated/);
    expect(fusions(r, 'S-03')[1]).toMatchObject({ somaticStatus: 'germline', intragenic: true });
    expect(fusions(r, 'S-04')).toHaveLength(1);
    expect(fusions(r, 'S-04')[0]).toMatchObject({
      alteration: 'CCDC6::RET',
      inFrame: false,
      origin: { file: 'sv.txt', line: 8 },
    });
    expect(r.stats).toMatchObject({
      rows: 10,
      used: 6,
      flagged: { germline: 1 },
      skipped: { duplicate: 1, 'no-sample': 1, 'no-gene': 1 },
    });
    expect(r.stats.rows).toBe(r.stats.used + sum(r.stats.flagged) + sum(r.stats.skipped));
    expect(r.issues.filter((i) => i.severity === 'error')).toEqual([]);
    expect(r.issues.find((i) => i.code === 'sv.no-sample')).toMatchObject({ line: 10 });
  });

  it('reads oncokb-annotator GeneA/GeneB tables, folding legacy symbols', async () => {
    const r = await svReader.read(fx('sv-genea-geneb.txt'), { ctx });
    expect(fusions(r, 'S-01').map((f) => f.gene)).toEqual(['ALK', 'KMT2D']);
    expect(fusions(r, 'S-01')[1]).toMatchObject({ intragenic: true, svClass: 'DELETION' });
    expect(fusions(r, 'S-02')[0]).toMatchObject({ alteration: 'TMPRSS2::ERG' });
  });

  it('sniffs SV headers', () => {
    expect(
      svReader.sniff(['Sample_Id\tSite1_Hugo_Symbol\tSite2_Hugo_Symbol'], 'data_sv.txt'),
    ).toBeGreaterThan(0.9);
    expect(svReader.sniff(['Tumor_Sample_Barcode\tGeneA\tGeneB\tSv_Type'], 'x.txt')).toBeGreaterThan(0.9);
    expect(svReader.sniff(['Hugo_Symbol\tS1'], 'x.txt')).toBe(0);
  });
});

describe('fusionListReader', () => {
  it('reads sample + fusion tables and reports what it cannot read', async () => {
    const r = await fusionListReader.read(fx('fusion-list.txt'), { ctx, displayName: 'f.txt' });
    expect(fusions(r, 'S-01').map((f) => [f.alteration, f.gene])).toEqual([
      ['ALK::EML4', 'ALK'],
      ['EGFR intragenic rearrangement', 'EGFR'],
    ]);
    expect(fusions(r, 'S-02').map((f) => f.alteration)).toEqual(['ETV6::RUNX1', 'KIF5B::RET']);
    expect(fusions(r, 'S-03').map((f) => [f.alteration, f.gene5, f.gene3])).toEqual([
      ['ALK fusion', null, null],
    ]);
    expect(r.issues.map((i) => [i.code, i.line])).toEqual([['fusion.unreadable', 7]]);
    expect(r.stats).toMatchObject({ rows: 6, used: 5, skipped: { unreadable: 1 } });
  });

  it('reads a plain list with no header into one sample', async () => {
    const r = await fusionListReader.read(fx('fusion-plain.txt'), { ctx, sampleId: 'T1' });
    expect(r.samples.map((s) => s.id)).toEqual(['T1']);
    expect(fusions(r, 'T1').map((f) => f.alteration)).toEqual(['EML4::ALK', 'KIF5B::RET', 'ROS1 fusion']);
    expect(r.issues).toEqual([]);
  });

  it('folds the two rows per event of the older cBioPortal fusion file', async () => {
    const r = await fusionListReader.read(fx('fusion-cbioportal-old.txt'), { ctx });
    expect(fusions(r, 'S-01').map((f) => [f.alteration, f.inFrame])).toEqual([['EML4::ALK', true]]);
    expect(fusions(r, 'S-02').map((f) => f.gene)).toEqual(['NTRK3']);
    expect(r.stats).toMatchObject({ rows: 4, used: 2, skipped: { duplicate: 2 } });
  });
});
