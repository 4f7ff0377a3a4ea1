import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { EvidenceSchema } from '../../domain/index.js';
import { describeWithSharedData, sharedPath } from '../../../test/shared-data.js';
import { importMoalmanac, moalmanacPatterns } from './moalmanac.js';

const FIXTURES = fileURLToPath(new URL('./fixtures/moalmanac', import.meta.url));

describe('importMoalmanac (fixture)', () => {
  it('imports assertions as research-use-only evidence', async () => {
    const r = await importMoalmanac(FIXTURES, { importedAt: '2025-01-01T00:00:00Z' });
    expect(r.release).toMatchObject({
      source: 'moalmanac',
      version: '2025-12-26',
      date: '2025-12-26',
      researchUseOnly: true,
    });
    for (const e of r.evidence) {
      EvidenceSchema.parse(e);
      expect(e.researchUseOnly).toBe(true);
    }
    const byId = new Map(r.evidence.map((e) => [e.id, e]));
    expect(byId.get('1')).toMatchObject({
      level: '1',
      drugs: ['dabrafenib', 'trametinib'],
      tumorTypes: ['MEL'],
      pattern: { type: 'variant', gene: 'BRAF', alteration: 'V600E' },
    });
    expect(byId.get('1')?.citations.map((c) => c.kind)).toEqual(['moalmanac', 'fda_label']);
    expect(byId.get('2')).toMatchObject({
      level: '2',
      pattern: { type: 'class', gene: 'EGFR', class: 'exon19_inframe_deletion' },
    });
    expect(byId.get('3')).toMatchObject({ level: '3A', pattern: { type: 'amplification', gene: 'ERBB2' } });
    expect(byId.get('3')?.citations[1]).toMatchObject({ kind: 'publication', id: 'PMID:12345678' });
    expect(byId.get('4')).toMatchObject({ pattern: { type: 'fusion', gene: 'ALK' } });
    expect(byId.get('5')).toMatchObject({
      tumorTypes: ['ALL_SOLID_TUMORS'],
      pattern: { type: 'biomarker', biomarker: 'MSI', statuses: ['MSI-H'] },
    });
    expect(byId.get('6')).toMatchObject({ pattern: { type: 'biomarker', biomarker: 'TMB', min: 10 } });
    expect(byId.get('7')).toMatchObject({
      effect: 'resistance',
      level: 'R2',
      sourceLevel: 'Clinical evidence',
    });
    expect(byId.get('9')).toMatchObject({ pattern: { type: 'oncogenic', gene: 'BRCA2' } });
    expect(byId.get('9')?.description).toMatch(/germline/);
    expect(r.report).toMatchObject({
      rowsRead: 12,
      imported: 8,
      skipped: {
        'feature-mutational-signature': 1,
        'not-predictive': 1,
        'unmapped-disease': 1,
        deprecated: 1,
      },
      unmappedDiseases: { 'Made-up disease': 1 },
    });
  });

  it('reports files that are not the flat release', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'moa-'));
    writeFileSync(join(dir, 'obj.json'), '{"a":1}');
    writeFileSync(join(dir, 'broken.json'), '[{"a":');
    await expect(importMoalmanac(join(dir, 'obj.json'))).rejects.toThrow(/JSON array/);
    await expect(importMoalmanac(join(dir, 'broken.json'))).rejects.toThrow(/not valid JSON/);
    await expect(importMoalmanac(join(dir, 'missing.json'))).rejects.toThrow();
  });

  it('feature mapping never throws on arbitrary items (property)', () => {
    fc.assert(
      fc.property(
        fc.record({
          feature_type: fc.constantFrom(
            'Somatic Variant',
            'Germline Variant',
            'Copy Number',
            'Rearrangement',
            'Microsatellite Stability',
            'Mutational Burden',
            'Knockdown',
            'x',
          ),
          gene: fc.string({ maxLength: 8 }),
          gene1: fc.string({ maxLength: 8 }),
          gene2: fc.string({ maxLength: 8 }),
          protein_change: fc.string({ maxLength: 12 }),
          variant_annotation: fc.constantFrom(
            '',
            'Missense',
            'Nonsense',
            'Deletion',
            'Insertion',
            'Splice Site',
            'Frameshift',
            'odd',
          ),
          exon: fc.oneof(fc.constant(''), fc.integer({ min: -2, max: 30 })),
          direction: fc.constantFrom('Amplification', 'Deletion', ''),
          status: fc.constantFrom('MSI-High', 'MSS', ''),
          mutations_per_mb: fc.oneof(fc.constant(''), fc.double({ noNaN: true })),
        }),
        (item) => {
          const r = moalmanacPatterns(item);
          if (Array.isArray(r)) expect(r.length).toBeGreaterThan(0);
          else expect(r.skip).toBeTypeOf('string');
        },
      ),
    );
  });
});

describeWithSharedData('importMoalmanac (shared flat release 2025-12-26)', () => {
  it('imports the release', async () => {
    const r = await importMoalmanac(sharedPath('knowledge', 'moalmanac', 'molecular-oncology-almanac.json'));
    expect(r.report.rowsRead).toBe(1018);
    expect(r.evidence.length).toBeGreaterThan(600);
    for (const e of r.evidence) EvidenceSchema.parse(e);
    expect(new Set(r.evidence.map((e) => e.id)).size).toBe(r.evidence.length);
    console.info('MOAlmanac:', JSON.stringify({ evidence: r.evidence.length, skipped: r.report.skipped }));
  });
});

describe('importMoalmanac (referenced layout fixture)', () => {
  const REF = fileURLToPath(new URL('./fixtures/moalmanac-referenced', import.meta.url));
  it('imports single-biomarker FDA approvals as level 1, research use only', async () => {
    const r = await importMoalmanac(REF, { importedAt: '2026-01-16T00:00:00Z' });
    expect(r.release).toMatchObject({
      source: 'moalmanac',
      version: 'draft-2026-01-15',
      date: '2026-01-15',
      researchUseOnly: true,
    });
    for (const e of r.evidence) EvidenceSchema.parse(e);
    const byId = new Map(r.evidence.map((e) => [e.id, e]));
    expect(byId.get('statement:0')).toMatchObject({
      level: '1',
      drugs: ['dabrafenib', 'trametinib'],
      tumorTypes: ['MEL'],
      pattern: { type: 'variant', gene: 'BRAF', alteration: 'V600E' },
      researchUseOnly: true,
    });
    expect(byId.get('statement:0')?.citations[1]).toEqual({
      kind: 'fda_label',
      label: 'Fixture A [package insert]. FDA.',
      id: '111111',
      url: 'https://www.accessdata.fda.gov/fixture-a.pdf',
      date: '2018-06-22',
    });
    expect(byId.get('statement:2')).toMatchObject({
      pattern: { type: 'fusion', gene: 'ALK' },
      drugs: ['alectinib'],
    });
    expect(byId.get('statement:3')).toMatchObject({
      pattern: { type: 'biomarker', biomarker: 'PD-L1', scoreType: 'TPS', min: 50 },
    });
    expect(r.report).toMatchObject({
      rowsRead: 6,
      imported: 3,
      skipped: { 'non-us-regulator': 1, 'multi-biomarker': 1, 'protein-expression': 1 },
      unmappedAlterations: { 'CD20 +': 1 },
    });
  });
});

describeWithSharedData('importMoalmanac (shared referenced draft)', () => {
  it('imports the draft layout', async () => {
    const r = await importMoalmanac(sharedPath('knowledge', 'moalmanac', 'referenced'));
    expect(r.report.rowsRead).toBeGreaterThan(1000);
    expect(r.evidence.length).toBeGreaterThan(300);
    for (const e of r.evidence) EvidenceSchema.parse(e);
    expect(new Set(r.evidence.map((e) => e.id)).size).toBe(r.evidence.length);
    console.info(
      'MOAlmanac referenced:',
      JSON.stringify({ evidence: r.evidence.length, skipped: r.report.skipped }),
    );
  });
});
