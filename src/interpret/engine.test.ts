import { describe, expect, it } from 'vitest';
import { AnnotationResultSchema, type Evidence } from '../domain/index.js';
import { adjustLevel, annotateCase, buildEvidenceIndex, createAnnotator, EvidenceIndex } from './engine.js';
import { amp, bio, caseOf, ev, fusion, mut, toyTree } from './fixtures/builders.js';

const KB: Evidence[] = [
  ev({
    id: 'braf-mel',
    pattern: { type: 'variant', gene: 'BRAF', alteration: 'V600E' },
    tumorTypes: ['MEL'],
    drugs: ['dabrafenib', 'trametinib'],
    level: '1',
  }),
  ev({
    id: 'braf-agnostic',
    pattern: { type: 'variant', gene: 'BRAF', alteration: 'V600E' },
    tumorTypes: ['ALL_SOLID_TUMORS'],
    excludedTumorTypes: ['COADREAD'],
    drugs: ['dabrafenib', 'trametinib'],
    level: '1',
  }),
  ev({
    id: 'braf-crc',
    pattern: { type: 'variant', gene: 'BRAF', alteration: 'V600E' },
    tumorTypes: ['COADREAD'],
    drugs: ['encorafenib', 'cetuximab'],
    level: '1',
  }),
  ev({
    id: 'kit-gist-r',
    pattern: { type: 'variant', gene: 'PDGFRA', alteration: 'D842V' },
    tumorTypes: ['GIST'],
    drugs: ['imatinib'],
    level: 'R1',
  }),
  ev({
    id: 'pdgfra-gist',
    pattern: { type: 'variant', gene: 'PDGFRA', alteration: 'D842V' },
    tumorTypes: ['GIST'],
    drugs: ['avapritinib'],
    level: '1',
  }),
  ev({
    id: 'tmb',
    pattern: { type: 'biomarker', biomarker: 'TMB', min: 10 },
    tumorTypes: ['ALL_SOLID_TUMORS'],
    drugs: ['pembrolizumab'],
    level: '1',
  }),
  ev({
    id: 'alk',
    pattern: { type: 'fusion', gene: 'ALK' },
    tumorTypes: ['NSCLC'],
    drugs: ['alectinib'],
    level: '1',
  }),
  ev({
    id: 'erbb2',
    pattern: { type: 'amplification', gene: 'ERBB2' },
    tumorTypes: ['BRCA'],
    drugs: ['trastuzumab'],
    level: '1',
  }),
  ev({
    id: 'agn',
    pattern: { type: 'fusion', gene: 'NTRK1' },
    tumorTypes: ['ALL_TUMORS'],
    drugs: ['larotrectinib'],
    level: '1',
  }),
  ev({
    id: 'egfr-4',
    pattern: { type: 'codon', gene: 'EGFR', position: 858 },
    tumorTypes: ['LUAD'],
    drugs: ['drug x'],
    level: '4',
  }),
];

function annotate(samples: Parameters<typeof caseOf>[0], tumorType?: string, evidence = KB) {
  return annotateCase(caseOf(samples, tumorType), {
    evidence: new EvidenceIndex(evidence),
    oncotree: toyTree,
    tmb: false,
  });
}

describe('adjustLevel', () => {
  const anc = new Set(['COADREAD', 'BOWEL', 'ALL_SOLID_TUMORS', 'ALL_TUMORS']);
  it('keeps the level in the same type or an ancestor, lowers it elsewhere', () => {
    expect(adjustLevel({ level: '1', tumorTypes: ['COADREAD'], excludedTumorTypes: [] }, anc)).toEqual({
      level: '1',
      sameType: true,
    });
    expect(
      adjustLevel({ level: '2', tumorTypes: ['ALL_SOLID_TUMORS'], excludedTumorTypes: [] }, anc).level,
    ).toBe('2');
    expect(adjustLevel({ level: '1', tumorTypes: ['MEL'], excludedTumorTypes: [] }, anc).level).toBe('3B');
    expect(adjustLevel({ level: '3A', tumorTypes: ['MEL'], excludedTumorTypes: [] }, anc).level).toBe('3B');
    expect(adjustLevel({ level: '4', tumorTypes: ['MEL'], excludedTumorTypes: [] }, anc).level).toBe('4');
    expect(adjustLevel({ level: 'R1', tumorTypes: ['MEL'], excludedTumorTypes: [] }, anc).level).toBe('R2');
    expect(
      adjustLevel({ level: '1', tumorTypes: ['ALL_SOLID_TUMORS'], excludedTumorTypes: ['COADREAD'] }, anc)
        .level,
    ).toBe('3B');
  });
});

describe('annotateCase', () => {
  it('BRAF V600E: encorafenib+cetuximab level 1 in colorectal, dabrafenib+trametinib only 3B there', () => {
    const r = annotate([
      { id: 'S1', tumorType: { code: 'COAD', name: 'Colon' }, alterations: [mut('BRAF', 'V600E')] },
    ]);
    const a = r.samples[0]!.alterations[0]!;
    expect(a.highestSensitiveLevel).toBe('1');
    const byDrug = Object.fromEntries(a.treatments.map((t) => [t.drugs.join('+'), t]));
    expect(byDrug['encorafenib+cetuximab']?.level).toBe('1');
    expect(byDrug['dabrafenib+trametinib']?.level).toBe('3B');
    expect(byDrug['dabrafenib+trametinib']?.sourceLevel).toBe('1');
    // Both dabrafenib+trametinib records (melanoma and tissue-agnostic) merge into one 3B treatment.
    expect(byDrug['dabrafenib+trametinib']?.sources.map((s) => s.evidenceId)).toEqual([
      'braf-agnostic',
      'braf-mel',
    ]);
    expect(byDrug['dabrafenib+trametinib']?.tumorTypes).toEqual(['ALL_SOLID_TUMORS', 'MEL']);
    expect(AnnotationResultSchema.safeParse(r).success).toBe(true);
  });

  it('BRAF V600E in melanoma and in thyroid (tissue-agnostic) is level 1 for dabrafenib+trametinib', () => {
    for (const code of ['MEL', 'THPA']) {
      const r = annotate([{ id: 'S', tumorType: { code, name: code }, alterations: [mut('BRAF', 'V600E')] }]);
      const t = r.samples[0]!.alterations[0]!.treatments.find(
        (x) => x.drugs.join('+') === 'dabrafenib+trametinib' && x.level === '1',
      );
      expect(t, code).toBeDefined();
      expect(
        r.samples[0]!.alterations[0]!.treatments.find((x) => x.drugs.includes('encorafenib'))?.level,
      ).toBe('3B');
    }
  });

  it('keeps resistance separately: PDGFRA D842V in GIST → avapritinib 1, imatinib R1', () => {
    const r = annotate([
      { id: 'S', tumorType: { code: 'GIST', name: 'GIST' }, alterations: [mut('PDGFRA', 'D842V')] },
    ]);
    const s = r.samples[0]!;
    expect(s.highestSensitiveLevel).toBe('1');
    expect(s.highestResistanceLevel).toBe('R1');
    expect(s.alterations[0]!.treatments.map((t) => `${t.drugs.join('+')}:${t.level}:${t.effect}`)).toEqual([
      'avapritinib:1:sensitivity',
      'imatinib:R1:resistance',
    ]);
  });

  it('biomarkers are alterations: TMB 12 in a solid tumor → pembrolizumab level 1; TMB 8 → nothing', () => {
    const r = annotate([
      {
        id: 'A',
        tumorType: { code: 'LUAD', name: 'LUAD' },
        biomarkers: [bio('TMB', { value: 12, alteration: 'TMB 12 mut/Mb' })],
      },
      { id: 'B', tumorType: { code: 'LUAD', name: 'LUAD' }, biomarkers: [bio('TMB', { value: 8 })] },
      { id: 'C', tumorType: { code: 'AML', name: 'AML' }, biomarkers: [bio('TMB', { value: 30 })] },
    ]);
    expect(r.samples[0]!.alterations[0]!.treatments[0]).toMatchObject({
      drugs: ['pembrolizumab'],
      level: '1',
    });
    expect(r.samples[1]!.alterations[0]!.treatments).toEqual([]);
    expect(r.samples[1]!.highestSensitiveLevel).toBeNull();
    // A liquid tumor is not in ALL_SOLID_TUMORS.
    expect(r.samples[2]!.alterations[0]!.treatments[0]?.level).toBe('3B');
  });

  it('lists alterations without evidence instead of dropping them, in input order', () => {
    const r = annotate([
      {
        id: 'S',
        tumorType: { code: 'LUAD', name: 'LUAD' },
        alterations: [mut('TP53', 'R175H'), fusion('EML4', 'ALK', 'ALK'), amp('MYC')],
      },
    ]);
    expect(r.samples[0]!.alterations.map((a) => [a.gene, a.treatments.length])).toEqual([
      ['TP53', 0],
      ['ALK', 1],
      ['MYC', 0],
    ]);
    expect(r.samples[0]!.highestSensitiveLevel).toBe('1');
  });

  it('without a tumor type: ALL_TUMORS evidence keeps its level, the rest becomes 3B, and a note and issue say so', () => {
    const r = annotate([
      {
        id: 'S',
        alterations: [fusion('ETV6', 'NTRK3', 'NTRK3'), fusion('TPM3', 'NTRK1', 'NTRK1'), amp('ERBB2')],
      },
    ]);
    const s = r.samples[0]!;
    expect(s.tumorType).toBeNull();
    expect(s.alterations.map((a) => a.highestSensitiveLevel)).toEqual([null, '1', '3B']);
    expect(s.notes?.[0]).toMatch(/No tumor type/);
    expect(r.issues?.[0]?.code).toBe('annotate.no-tumor-type');
  });

  it('the case tumor type applies when the sample has none, and --tumor-type overrides both', () => {
    const c = caseOf([{ id: 'S', alterations: [amp('ERBB2')] }], 'IDC');
    const idx = new EvidenceIndex(KB);
    expect(
      annotateCase(c, { evidence: idx, oncotree: toyTree, tmb: false }).samples[0]!.highestSensitiveLevel,
    ).toBe('1');
    const over = annotateCase(c, {
      evidence: idx,
      oncotree: toyTree,
      tmb: false,
      tumorTypeOverride: { code: 'LUAD', name: 'LUAD' },
    });
    expect(over.samples[0]!.highestSensitiveLevel).toBe('3B');
    expect(over.samples[0]!.tumorType?.code).toBe('LUAD');
  });

  it('germline mutations are annotated and flagged but not counted toward the sample level', () => {
    const r = annotate([
      {
        id: 'S',
        tumorType: { code: 'MEL', name: 'MEL' },
        alterations: [mut('BRAF', 'V600E', { somaticStatus: 'germline' })],
      },
    ]);
    const s = r.samples[0]!;
    expect(s.alterations[0]!.germline).toBe(true);
    expect(s.alterations[0]!.highestSensitiveLevel).toBe('1');
    expect(s.highestSensitiveLevel).toBeNull();
    expect(s.notes?.join(' ')).toMatch(/germline/);
  });

  it('oncogenic patterns use the oncogenicity function', () => {
    const evidence = [
      ev({
        id: 'o',
        pattern: { type: 'oncogenic', gene: 'BRCA2' },
        tumorTypes: ['ALL_SOLID_TUMORS'],
        drugs: ['olaparib'],
        level: '3A',
      }),
    ];
    const c = caseOf([
      {
        id: 'S',
        tumorType: { code: 'LUAD', name: 'L' },
        alterations: [mut('BRCA2', 'K1234fs', { consequence: 'frameshift' }), mut('BRCA2', 'V2000I')],
      },
    ]);
    const r = annotateCase(c, {
      evidence: new EvidenceIndex(evidence),
      oncotree: toyTree,
      tmb: false,
      oncogenicity: (a) =>
        a.kind === 'mutation' && a.consequence === 'frameshift'
          ? {
              oncogenic: 'Likely Oncogenic',
              mutationEffect: 'Likely Loss-of-function',
              reason: 'truncating in tumor suppressor',
            }
          : { oncogenic: 'Unknown', mutationEffect: 'Unknown' },
    });
    const [fs, mis] = r.samples[0]!.alterations;
    expect(fs!.oncogenic).toBe('Likely Oncogenic');
    expect(fs!.oncogenicReason).toBe('truncating in tumor suppressor');
    expect(fs!.treatments.map((t) => t.drugs[0])).toEqual(['olaparib']);
    expect(mis!.treatments).toEqual([]);
  });

  it('lists conflicts between sources and filters sources', () => {
    const evidence = [
      ev({
        id: 'a',
        source: 'builtin',
        pattern: { type: 'variant', gene: 'EGFR', alteration: 'T790M' },
        tumorTypes: ['NSCLC'],
        drugs: ['osimertinib'],
        level: '1',
      }),
      ev({
        id: 'b',
        source: 'civic',
        pattern: { type: 'variant', gene: 'EGFR', alteration: 'T790M' },
        tumorTypes: ['NSCLC'],
        drugs: ['osimertinib'],
        level: '2',
      }),
      ev({
        id: 'c',
        source: 'civic',
        pattern: { type: 'variant', gene: 'EGFR', alteration: 'T790M' },
        tumorTypes: ['NSCLC'],
        drugs: ['erlotinib'],
        level: 'R2',
        researchUseOnly: false,
      }),
      ev({
        id: 'd',
        source: 'cgi',
        pattern: { type: 'variant', gene: 'EGFR', alteration: 'T790M' },
        tumorTypes: ['NSCLC'],
        drugs: ['erlotinib'],
        level: '4',
      }),
    ];
    const c = caseOf([
      { id: 'S', tumorType: { code: 'LUAD', name: 'L' }, alterations: [mut('EGFR', 'T790M')] },
    ]);
    const all = annotateCase(c, { evidence: buildEvidenceIndex(evidence), oncotree: toyTree, tmb: false })
      .samples[0]!.alterations[0]!;
    expect(all.conflicts).toHaveLength(2);
    expect(all.conflicts[0]).toMatch(/^erlotinib: sources disagree on the effect/);
    expect(all.conflicts[1]).toMatch(/^osimertinib: sources give different levels/);
    const onlyBuiltin = annotateCase(c, {
      evidence: buildEvidenceIndex(evidence, { sources: ['builtin'] }),
      oncotree: toyTree,
      tmb: false,
    }).samples[0]!.alterations[0]!;
    expect(onlyBuiltin.conflicts).toEqual([]);
    expect(onlyBuiltin.treatments.map((t) => t.drugs[0])).toEqual(['osimertinib']);
  });

  it('is deterministic whatever the evidence order', () => {
    const c = caseOf([
      { id: 'S', tumorType: { code: 'COAD', name: 'C' }, alterations: [mut('BRAF', 'V600E'), amp('ERBB2')] },
    ]);
    const a = JSON.stringify(
      annotateCase(c, { evidence: new EvidenceIndex(KB), oncotree: toyTree, tmb: false }),
    );
    const b = JSON.stringify(
      annotateCase(c, { evidence: new EvidenceIndex([...KB].reverse()), oncotree: toyTree, tmb: false }),
    );
    expect(a).toBe(b);
  });

  it('a fusion is listed under the partner its evidence is about', () => {
    const evidence = [
      ev({
        id: 'k',
        pattern: { type: 'fusion', gene: 'KMT2A' },
        tumorTypes: ['AML'],
        drugs: ['revumenib'],
        level: '1',
      }),
    ];
    const c = caseOf([
      { id: 'S', tumorType: { code: 'AML', name: 'AML' }, alterations: [fusion('DLAT', 'KMT2A', 'DLAT')] },
    ]);
    const a = annotateCase(c, { evidence: new EvidenceIndex(evidence), oncotree: toyTree, tmb: false })
      .samples[0]!.alterations[0]!;
    expect(a.gene).toBe('KMT2A');
    expect(a.alterationData.kind === 'fusion' && a.alterationData.gene).toBe('DLAT');
    expect(a.highestSensitiveLevel).toBe('1');
  });

  it('reports progress and stops when aborted', () => {
    const c = caseOf(
      Array.from({ length: 250 }, (_, i) => ({ id: `S${i}`, alterations: [mut('BRAF', 'V600E')] })),
    );
    const seen: number[] = [];
    annotateCase(c, {
      evidence: new EvidenceIndex(KB),
      oncotree: toyTree,
      tmb: false,
      onProgress: (d, t) => seen.push(d / t),
    });
    expect(seen).toEqual([0, 0.4, 0.8, 1]);
    const ac = new AbortController();
    ac.abort(new Error('stop'));
    expect(() =>
      annotateCase(c, { evidence: new EvidenceIndex(KB), oncotree: toyTree, tmb: false, signal: ac.signal }),
    ).toThrow('stop');
  });

  it('createAnnotator annotates single alterations with the same rules', () => {
    const ann = createAnnotator({ evidence: new EvidenceIndex(KB), oncotree: toyTree });
    expect(ann.alteration(mut('EGFR', 'L858R'), { code: 'LUAD', name: 'LUAD' }).highestSensitiveLevel).toBe(
      '4',
    );
    expect(ann.alteration(mut('EGFR', 'L858R'), { code: 'MEL', name: 'MEL' }).highestSensitiveLevel).toBe(
      '4',
    );
  });
});
