import { expect, it } from 'vitest';
import { describeWithSharedData, sharedPath } from '../../test/shared-data.js';
import { hasErrors } from '../domain/index.js';
import { builtinContext } from '../normalize/context.js';
import { clinicalPatientReader, clinicalSampleReader, genePanelMatrixReader } from './clinical.js';
import { cnaDiscreteReader, cnaLongReader } from './cna.js';
import type { ReaderModule } from './registry.js';
import { fusionListReader, svReader } from './sv.js';
import type { ReadResult } from './types.js';

const ctx = builtinContext();
const annotator = (f: string): string => sharedPath('knowledge', 'oncokb', 'annotator-examples', f);
const sum = (r: Record<string, number>): number => Object.values(r).reduce((a, b) => a + b, 0);
const count = (r: ReadResult, what: 'alterations' | 'biomarkers'): number =>
  r.samples.reduce((n, s) => n + s[what].length, 0);

function accounted(r: ReadResult): void {
  expect(r.stats.rows).toBe(r.stats.used + sum(r.stats.flagged) + sum(r.stats.skipped));
}

describeWithSharedData('CNA, SV, clinical and panel readers on the reference files', () => {
  it('oncokb-annotator example_cna.txt (GISTIC matrix): 8 calls, no errors', async () => {
    const r = await cnaDiscreteReader.read(annotator('example_cna.txt'), { ctx });
    expect(hasErrors(r.issues)).toBe(false);
    expect(r.samples.map((s) => s.id)).toEqual(['TCGA-05-4417-01', 'TCGA-02-0033-01']);
    expect(r.stats.rows).toBe(8);
    expect(count(r, 'alterations')).toBe(8);
    accounted(r);
    expect(
      cnaDiscreteReader.sniff(
        ['Gene Symbol\tLocus ID\tCytoband\tTCGA-05-4417-01', 'MET\t0\t0\t2'],
        'example_cna.txt',
      ),
    ).toBeGreaterThan(0.5);
  });

  it('example_individual_cna.txt: numbers and words, 12 calls', async () => {
    const r = await cnaLongReader.read(annotator('example_individual_cna.txt'), { ctx });
    expect(hasErrors(r.issues)).toBe(false);
    expect(r.stats).toMatchObject({ rows: 12, used: 12 });
    const s1 = r.samples.find((s) => s.id === 'TCGA-05-4417-01')!;
    expect(s1.alterations.map((a) => (a.kind === 'copyNumber' ? a.change : ''))).toEqual([
      'amplification',
      'amplification',
      'deepDeletion',
      'shallowDeletion',
      'amplification',
      'deepDeletion',
      'shallowDeletion',
      'gain',
    ]);
  });

  it('example_sv.txt and example_fusions.txt: 7 events each, legacy MLL2 read as KMT2D', async () => {
    for (const [reader, f] of [
      [svReader, 'example_sv.txt'],
      [fusionListReader, 'example_fusions.txt'],
    ] as Array<[ReaderModule, string]>) {
      const r = await reader.read(annotator(f), { ctx });
      expect(hasErrors(r.issues), f).toBe(false);
      expect(r.stats, f).toMatchObject({ rows: 7, used: 7 });
      const genes = r.samples.flatMap((s) => s.alterations.map((a) => a.gene)).sort();
      expect(genes, f).toEqual(['ALK', 'EGFR', 'ERBB2', 'ETV6', 'KMT2D', 'TMPRSS2', 'TMPRSS2']);
    }
  });

  it('example_clinical.txt: 9 samples with OncoTree codes', async () => {
    const r = await clinicalSampleReader.read(annotator('example_clinical.txt'), { ctx });
    expect(hasErrors(r.issues)).toBe(false);
    expect(r.samples).toHaveLength(9);
    expect(r.samples.find((s) => s.id === 'TCGA-05-4417-01')?.tumorType?.code).toBe('LUAD');
    accounted(r);
  });

  it('msk_impact_2017 data_sv.txt: all 1,941 rows accounted for, in-frame EML4::ALK found', async () => {
    const r = await svReader.read(sharedPath('examples', 'msk_impact_2017', 'data_sv.txt'), { ctx });
    expect(hasErrors(r.issues)).toBe(false);
    expect(r.stats.rows).toBe(1941);
    accounted(r);
    expect(count(r, 'alterations')).toBe(r.stats.used);
    const all = r.samples.flatMap((s) => s.alterations);
    expect(all.some((a) => a.kind === 'fusion' && a.alteration === 'EML4::ALK' && a.inFrame === true)).toBe(
      true,
    );
    expect(all.some((a) => a.kind === 'fusion' && a.alteration === 'CCDC6::RET' && a.gene === 'RET')).toBe(
      true,
    );
    expect(all.filter((a) => a.kind === 'fusion' && a.intragenic === true).length).toBeGreaterThan(100);
  });

  it('msk_impact_2017 clinical sample and patient files and the panel matrix', async () => {
    const s = await clinicalSampleReader.read(
      sharedPath('examples', 'msk_impact_2017', 'data_clinical_sample.txt'),
      { ctx },
    );
    expect(hasErrors(s.issues)).toBe(false);
    expect(s.samples).toHaveLength(10945);
    accounted(s);
    expect(s.samples.filter((x) => x.biomarkers.some((b) => b.name === 'TMB')).length).toBeGreaterThan(10000);
    expect(s.samples.filter((x) => x.sampleType === 'metastasis').length).toBe(4732);
    // Codes retired from OncoTree since 2017 fall back to the detailed cancer type.
    expect(s.samples.filter((x) => x.tumorType !== undefined).length).toBeGreaterThan(10_500);
    expect(s.samples.find((x) => x.id === 'P-0000055-T01-IM3')?.tumorType).toBeDefined();
    expect(s.issues.some((i) => i.code === 'oncotree.fallback' && i.severity === 'info')).toBe(true);
    expect(
      s.samples.filter((x) => x.metastaticSites?.some((m) => m.site === 'liver')).length,
    ).toBeGreaterThan(1000);
    const p = await clinicalPatientReader.read(
      sharedPath('examples', 'msk_impact_2017', 'data_clinical_patient.txt'),
      { ctx },
    );
    expect(hasErrors(p.issues)).toBe(false);
    expect(p.patients).toHaveLength(10336);
    accounted(p);
    const g = await genePanelMatrixReader.read(
      sharedPath('examples', 'msk_impact_2017', 'data_gene_panel_matrix.txt'),
      { ctx },
    );
    expect(hasErrors(g.issues)).toBe(false);
    expect(g.samples).toHaveLength(10945);
    expect(new Set(g.samples.map((x) => x.panel))).toEqual(new Set(['IMPACT341', 'IMPACT410']));
  });

  it('crc_msk_2017 clinical files: MSI status and score, sites of metastasis, age at diagnosis', async () => {
    const s = await clinicalSampleReader.read(
      sharedPath('examples', 'crc_msk_2017', 'data_clinical_sample.txt'),
      { ctx },
    );
    expect(hasErrors(s.issues)).toBe(false);
    expect(s.samples).toHaveLength(1134);
    accounted(s);
    const msi = s.samples.flatMap((x) => x.biomarkers.filter((b) => b.name === 'MSI'));
    expect(msi.filter((b) => b.status === 'MSI-H').length).toBeGreaterThan(50);
    expect(
      s.samples.filter((x) => x.metastaticSites?.some((m) => m.site === 'liver')).length,
    ).toBeGreaterThan(700);
    const p = await clinicalPatientReader.read(
      sharedPath('examples', 'crc_msk_2017', 'data_clinical_patient.txt'),
      { ctx },
    );
    expect(hasErrors(p.issues)).toBe(false);
    expect(p.patients).toHaveLength(1099);
    expect(p.patients.every((x) => x.age !== undefined)).toBe(true);
  });
});
