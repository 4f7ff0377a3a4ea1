import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { builtinContext } from '../normalize/context.js';
import {
  ageOf,
  clinicalPatientReader,
  clinicalSampleReader,
  genePanelMatrixReader,
  msiStatusOf,
  sampleTypeOf,
} from './clinical.js';

const ctx = builtinContext();
const fx = (name: string): string => join(import.meta.dirname, 'fixtures', name);

describe('clinical value parsing', () => {
  it('reads ages, sample types and MSI words as cBioPortal files write them', () => {
    expect(ageOf('61')).toBe(61);
    expect(ageOf('>89')).toBe(89);
    expect(ageOf('NA')).toBeUndefined();
    expect(ageOf('old')).toBeUndefined();
    expect(sampleTypeOf('Metastasis')).toBe('metastasis');
    expect(sampleTypeOf('Primary')).toBe('primary');
    expect(sampleTypeOf('Local Recurrence')).toBe('recurrence');
    expect(msiStatusOf('Instable')).toBe('MSI-H');
    expect(msiStatusOf('Stable')).toBe('MSS');
    expect(msiStatusOf('Indeterminate')).toBe('indeterminate');
    expect(msiStatusOf('Sort of')).toBeUndefined();
  });
});

describe('clinicalSampleReader', () => {
  it('reads tumor type, sample type, sites, panel, TMB, MSI, age and sex past the # header lines', async () => {
    const r = await clinicalSampleReader.read(fx('clinical-sample.txt'), { ctx, displayName: 'clin.txt' });
    expect(r.samples.map((s) => s.id)).toEqual(['P-1-T01', 'P-2-T01', 'P-3-T01', 'P-4-T01', 'P-5-T01']);
    const s1 = r.samples[0]!;
    expect(s1).toMatchObject({
      patientId: 'P-1',
      tumorTypeInput: 'COADREAD',
      sampleType: 'metastasis',
      biopsySite: 'Liver',
      panel: 'IMPACT468',
      age: 61,
      sex: 'female',
    });
    expect(s1.tumorType?.code).toBe('COADREAD');
    expect(s1.metastaticSites?.map((m) => m.site)).toEqual(['liver', 'lung']);
    expect(s1.biomarkers).toEqual([
      expect.objectContaining({
        name: 'TMB',
        value: 45.2,
        status: 'TMB-H',
        provenance: 'reported',
        origin: { file: 'clin.txt', line: 6 },
      }),
      expect.objectContaining({ name: 'MSI', status: 'MSI-H', value: 32.5 }),
    ]);
    const s2 = r.samples[1]!;
    expect(s2).toMatchObject({ sampleType: 'primary', age: 89, sex: 'male' });
    expect(s2.metastaticSites).toBeUndefined();
    expect(s2.biomarkers.map((b) => b.status)).toEqual(['TMB-L', 'MSS']);
    // Score only: MSK MSIsensor bands (3–10 indeterminate).
    expect(r.samples[2]!.biomarkers).toEqual([
      expect.objectContaining({ name: 'MSI', status: 'indeterminate', value: 4.2 }),
    ]);
    expect(r.samples[2]!.metastaticSites?.map((m) => m.site)).toEqual(['brain']);
    expect(r.samples[3]!.biomarkers).toEqual([]);
    expect(r.issues.map((i) => [i.code, i.line, i.field])).toEqual([
      ['oncotree.unknown', 8, 'ONCOTREE_CODE'],
      ['clinical.bad-number', 9, 'TMB_NONSYNONYMOUS'],
      ['clinical.bad-value', 9, 'MSI_STATUS'],
      ['clinical.no-sample', 11, 'SAMPLE_ID'],
    ]);
    expect(r.stats).toMatchObject({ rows: 6, used: 5, skipped: { 'no-sample': 1 } });
  });

  it('falls back to the detailed cancer type when the OncoTree code is retired or unknown', async () => {
    const p = join(mkdtempSync(join(tmpdir(), 'onconav-clin-')), 'c.txt');
    writeFileSync(
      p,
      'SAMPLE_ID\tONCOTREE_CODE\tCANCER_TYPE\tCANCER_TYPE_DETAILED\n' +
        'S1\tOLDCODE\tNon-Small Cell Lung Cancer\tLung Adenocarcinoma\n' +
        'S2\tNOPE\tNo Such Cancer\tNothing Like It\n',
    );
    const r = await clinicalSampleReader.read(p, { ctx, displayName: 'c.txt' });
    expect(r.samples[0]).toMatchObject({
      tumorType: { code: 'LUAD' },
      tumorTypeInput: 'Lung Adenocarcinoma',
    });
    expect(r.samples[1]!.tumorType).toBeUndefined();
    expect(r.issues.map((i) => [i.code, i.severity, i.line])).toEqual([
      ['oncotree.fallback', 'info', 2],
      ['oncotree.unknown', 'warning', 3],
    ]);
  });

  it('sniffs sample files and leaves panel matrices and patient files alone', () => {
    expect(
      clinicalSampleReader.sniff(
        ['#Patient Identifier\tSample Identifier', 'PATIENT_ID\tSAMPLE_ID\tONCOTREE_CODE'],
        'data_clinical_sample.txt',
      ),
    ).toBeGreaterThan(0.8);
    expect(clinicalSampleReader.sniff(['SAMPLE_ID\tmutations\tcna'], 'x')).toBe(0);
    expect(clinicalSampleReader.sniff(['PATIENT_ID\tSEX'], 'x')).toBe(0);
  });
});

describe('clinicalPatientReader and genePanelMatrixReader', () => {
  it('reads patients', async () => {
    const r = await clinicalPatientReader.read(fx('clinical-patient.txt'), { ctx });
    expect(r.patients).toEqual([
      { id: 'P-1', age: 59, sex: 'female' },
      { id: 'P-2', sex: 'male' },
    ]);
    expect(r.issues.map((i) => [i.code, i.line])).toEqual([['clinical.no-patient', 8]]);
    expect(
      clinicalPatientReader.sniff(['PATIENT_ID\tSEX\tAGE'], 'data_clinical_patient.txt'),
    ).toBeGreaterThan(0.8);
  });

  it('reads the mutation profile panel per sample', async () => {
    const r = await genePanelMatrixReader.read(fx('gene-panel-matrix.txt'), { ctx });
    expect(r.samples.map((s) => [s.id, s.panel])).toEqual([
      ['P-1-T01', 'IMPACT468'],
      ['P-2-T01', 'IMPACT410'],
    ]);
    expect(r.stats).toMatchObject({ rows: 3, used: 2, skipped: { 'no-panel': 1 } });
    expect(r.issues.map((i) => i.code)).toEqual(['panel.differs-by-profile']);
    expect(
      genePanelMatrixReader.sniff(['SAMPLE_ID\tmutations\tcna\tstructural_variants'], 'x'),
    ).toBeGreaterThan(0.9);
  });
});
