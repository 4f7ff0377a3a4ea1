import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { EvidenceSchema } from '../../domain/index.js';
import { describeWithSharedData, sharedPath } from '../../../test/shared-data.js';
import { civicVariantPatterns, importCivic, splitMolecularProfile } from './civic.js';

const FIXTURES = fileURLToPath(new URL('./fixtures/civic', import.meta.url));

describe('civicVariantPatterns', () => {
  it('maps the variant name forms CIViC uses', () => {
    expect(civicVariantPatterns('BRAF', 'V600E')).toEqual([
      { type: 'variant', gene: 'BRAF', alteration: 'V600E' },
    ]);
    expect(civicVariantPatterns('BRAF', 'V600')).toEqual([{ type: 'codon', gene: 'BRAF', position: 600 }]);
    expect(civicVariantPatterns('ERBB2', 'Amplification')).toEqual([
      { type: 'amplification', gene: 'ERBB2' },
    ]);
    expect(civicVariantPatterns('ERBB2', 'AMPLIFICATION')).toEqual([
      { type: 'amplification', gene: 'ERBB2' },
    ]);
    expect(civicVariantPatterns('ALK', 'EML4::ALK')).toEqual([
      { type: 'fusion', gene: 'ALK', partner: 'EML4' },
    ]);
    expect(civicVariantPatterns('ALK', 'EML4::ALK e6-e20')).toEqual([
      { type: 'fusion', gene: 'ALK', partner: 'EML4' },
    ]);
    expect(civicVariantPatterns('ABL1', 'BCR::ABL')).toEqual([
      { type: 'fusion', gene: 'ABL1', partner: 'BCR' },
    ]);
    expect(civicVariantPatterns('ROS1', 'Fusion')).toEqual([{ type: 'fusion', gene: 'ROS1' }]);
    expect(civicVariantPatterns('EGFR', 'Exon 19 Deletion')).toEqual([
      { type: 'class', gene: 'EGFR', class: 'exon19_inframe_deletion' },
    ]);
    expect(civicVariantPatterns('EGFR', 'Exon 20 Insertion')).toEqual([
      { type: 'class', gene: 'EGFR', class: 'exon20_insertion' },
    ]);
    expect(civicVariantPatterns('MET', 'Exon 14 Skipping Mutation')).toEqual([
      { type: 'class', gene: 'MET', class: 'exon14_skipping' },
    ]);
    expect(civicVariantPatterns('KIT', 'Exon 11 Mutation')).toEqual([
      { type: 'class', gene: 'KIT', class: 'exon11_mutation' },
    ]);
    expect(civicVariantPatterns('KRAS', 'G12/G13')).toEqual([
      { type: 'codon', gene: 'KRAS', position: 12 },
      { type: 'codon', gene: 'KRAS', position: 13 },
    ]);
    expect(civicVariantPatterns('EGFR', 'E746_A750del')).toEqual([
      { type: 'variant', gene: 'EGFR', alteration: 'E746_A750del' },
    ]);
    expect(civicVariantPatterns('ERBB2', 'Y772_A775DUP')).toEqual([
      { type: 'variant', gene: 'ERBB2', alteration: 'Y772_A775dup' },
    ]);
    expect(civicVariantPatterns('KIT', 'P551_E554delPMYE')).toEqual([
      { type: 'variant', gene: 'KIT', alteration: 'P551_E554del' },
    ]);
    expect(civicVariantPatterns('TP53', 'Truncating Mutation')).toEqual([
      { type: 'class', gene: 'TP53', class: 'truncating' },
    ]);
    expect(civicVariantPatterns('PTEN', 'Loss')).toEqual([
      { type: 'oncogenic', gene: 'PTEN' },
      { type: 'deletion', gene: 'PTEN' },
    ]);
    expect(civicVariantPatterns('KRAS', 'Mutation')).toEqual([{ type: 'anyMutation', gene: 'KRAS' }]);
  });

  it('leaves out what we do not model', () => {
    for (const v of [
      'Overexpression',
      'Expression',
      'Wildtype',
      'VIII',
      'Exon 2 Mutation',
      'RS61764370',
      'Promoter Methylation',
      'I1145I',
      '',
    ]) {
      expect(civicVariantPatterns('EGFR', v)).toBeNull();
    }
  });

  it('never throws and only returns valid patterns (property)', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 30 }), (v) => {
        const r = civicVariantPatterns('EGFR', v);
        if (r !== null) for (const p of r) expect(p.type).toBeTypeOf('string');
      }),
    );
    fc.assert(
      fc.property(
        fc.constantFrom(...'ACDEFGHIKLMNPQRSTVWY'),
        fc.integer({ min: 1, max: 5000 }),
        fc.constantFrom(...'ACDEFGHIKLMNPQRSTVWY*'),
        (ref, pos, alt) => {
          const r = civicVariantPatterns('G', `${ref}${pos}${alt}`);
          if (ref === alt) expect(r).toBeNull();
          else expect(r).toEqual([{ type: 'variant', gene: 'G', alteration: `${ref}${pos}${alt}` }]);
        },
      ),
    );
  });

  it('splits molecular profiles and flags complex ones', () => {
    expect(splitMolecularProfile('NTRK3 ETV6::NTRK3')).toEqual({ gene: 'NTRK3', variant: 'ETV6::NTRK3' });
    expect(splitMolecularProfile('ALK EML4::ALK AND ALK F1174L')).toEqual({ complex: true });
    expect(splitMolecularProfile('BRCA1 Mutation OR BRCA2 Mutation')).toEqual({ complex: true });
    expect(splitMolecularProfile('EGFR')).toBeNull();
  });
});

describe('importCivic (fixture release)', () => {
  it('imports predictive evidence and assertions with mapped levels, tumor types and citations', async () => {
    const r = await importCivic(FIXTURES, { importedAt: '2025-01-02T00:00:00Z' });
    expect(r.release).toMatchObject({
      source: 'civic',
      version: '01-Jan-2025',
      date: '2025-01-01',
      researchUseOnly: false,
    });
    for (const e of r.evidence) expect(() => EvidenceSchema.parse(e)).not.toThrow();
    const byId = new Map(r.evidence.map((e) => [e.id, e]));

    const braf = byId.get('EID9001')!;
    expect(braf).toMatchObject({
      level: '2',
      effect: 'sensitivity',
      drugs: ['dabrafenib', 'trametinib'],
      sourceLevel: 'A',
    });
    expect(braf.tumorTypes).toContain('MEL');
    expect(braf.citations.map((c) => c.id)).toEqual(['EID9001', 'PMID:11111111']);

    // Substitutes → one evidence per drug.
    expect(byId.get('EID9002.1')).toMatchObject({
      drugs: ['erlotinib'],
      level: '3A',
      pattern: { type: 'class', class: 'exon19_inframe_deletion' },
    });
    expect(byId.get('EID9002.2')).toMatchObject({ drugs: ['gefitinib'] });
    expect(byId.get('EID9003')).toMatchObject({ effect: 'resistance', level: 'R2' });
    expect(byId.get('EID9004')).toMatchObject({
      level: '4',
      tumorTypes: ['LUAD'],
      pattern: { type: 'fusion', gene: 'ALK', partner: 'EML4' },
    });
    expect(byId.get('EID9005')).toMatchObject({
      tumorTypes: ['BREAST'],
      pattern: { type: 'amplification', gene: 'ERBB2' },
    });
    expect(byId.get('EID9006.1')).toMatchObject({ pattern: { type: 'codon', position: 12 } });
    expect(byId.get('EID9006.2')).toMatchObject({ pattern: { type: 'codon', position: 13 } });
    expect(byId.get('EID9013')).toMatchObject({ tumorTypes: ['ALL_SOLID_TUMORS'] });
    expect(byId.get('EID9015')).toMatchObject({
      effect: 'resistance',
      level: 'R2',
      sourceLevel: 'B (reduced sensitivity)',
    });
    expect(byId.get('EID9014.1')?.description).toMatch(/germline/);

    // Assertions: Tier I-A with regulatory approval → 1; Tier II-C → 3B.
    expect(byId.get('AID7001')).toMatchObject({ level: '1', drugs: ['trametinib', 'dabrafenib'] });
    expect(byId.get('AID7001')?.citations.map((c) => c.kind)).toEqual(['civic', 'guideline']);
    expect(byId.get('AID7002')).toMatchObject({
      level: '3B',
      tumorTypes: ['BLL'],
      pattern: { type: 'fusion', gene: 'NTRK3', partner: 'ETV6' },
    });

    expect(r.report.skipped).toMatchObject({
      'complex-molecular-profile': 1,
      'unmapped-alteration': 1,
      'unmapped-disease': 1,
      'not-predictive': 1,
      'does-not-support': 1,
      'resistance-preclinical': 1,
      'assertion-not-predictive': 1,
    });
    expect(r.report.unmappedDiseases).toEqual({ 'Made Up Disease (DOID:99999999)': 1 });
    expect(r.report.unmappedAlterations).toEqual({ 'EGFR Overexpression': 1 });
    expect(r.report.rowsRead).toBe(18);
  });

  it('accepts the single evidence file and reports a file that is not CIViC', async () => {
    const r = await importCivic(join(FIXTURES, '01-Jan-2025-ClinicalEvidenceSummaries.tsv'));
    expect(r.evidence.some((e) => e.id.startsWith('AID'))).toBe(false);
    const dir = mkdtempSync(join(tmpdir(), 'civic-'));
    const bad = join(dir, 'x.tsv');
    writeFileSync(bad, 'a\tb\n1\t2\n');
    await expect(importCivic(bad)).rejects.toThrow(/not a CIViC clinical evidence file/);
  });

  it('stops when aborted', async () => {
    const ac = new AbortController();
    ac.abort(new Error('stop'));
    await expect(importCivic(FIXTURES, { signal: ac.signal })).rejects.toThrow();
  });
});

describeWithSharedData('importCivic (shared CIViC 01-Aug-2024 release)', () => {
  it('imports the release and accounts for every row', async () => {
    const r = await importCivic(sharedPath('knowledge', 'civic'));
    const skipped = Object.values(r.report.skipped).reduce((a, b) => a + b, 0);
    // Each read row is either skipped once or yields ≥ 1 evidence.
    expect(r.report.rowsRead).toBe(4375 + 66);
    expect(skipped).toBeLessThan(r.report.rowsRead);
    expect(r.evidence.length).toBeGreaterThan(1400);
    for (const e of r.evidence) EvidenceSchema.parse(e);
    expect(new Set(r.evidence.map((e) => e.id)).size).toBe(r.evidence.length);
    expect(r.evidence.some((e) => e.level === '1')).toBe(true);
    console.info(
      'CIViC 01-Aug-2024:',
      JSON.stringify({ evidence: r.evidence.length, skipped: r.report.skipped }),
    );
  });
});

describe('importCivic (legacy pre-2022 columns)', () => {
  it('reads gene + variant, drugs and clinical_significance through the current names', async () => {
    const r = await importCivic(fileURLToPath(new URL('./fixtures/civic-legacy', import.meta.url)));
    expect(r.release).toMatchObject({ version: '01-Feb-2019', date: '2019-02-01' });
    expect(r.evidence.map((e) => [e.id, e.pattern, e.drugs, e.effect, e.level])).toEqual([
      [
        'EID8001',
        { type: 'variant', gene: 'BRAF', alteration: 'V600E' },
        ['vemurafenib'],
        'sensitivity',
        '3A',
      ],
      [
        'EID8002.1',
        { type: 'variant', gene: 'EGFR', alteration: 'T790M' },
        ['erlotinib'],
        'resistance',
        'R2',
      ],
      [
        'EID8002.2',
        { type: 'variant', gene: 'EGFR', alteration: 'T790M' },
        ['gefitinib'],
        'resistance',
        'R2',
      ],
    ]);
  });
});
