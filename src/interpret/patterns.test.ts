import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { AlterationPattern } from '../domain/index.js';
import { matchesPattern, alterationKeys, patternKey, biomarkerStatus } from './patterns.js';
import { amp, bio, fusion, mut } from './fixtures/builders.js';

describe('matchesPattern', () => {
  it('matches exact variants case-insensitively on gene, not other genes or changes', () => {
    const p = { type: 'variant', gene: 'BRAF', alteration: 'V600E' } as const;
    expect(matchesPattern(p, mut('BRAF', 'V600E'))).toBe(true);
    expect(matchesPattern(p, mut('braf', 'V600E'))).toBe(true);
    expect(matchesPattern(p, mut('BRAF', 'V600K'))).toBe(false);
    expect(matchesPattern(p, mut('KRAS', 'V600E'))).toBe(false);
    expect(matchesPattern(p, amp('BRAF'))).toBe(false);
  });

  it('codon patterns take missense changes at that residue only', () => {
    const p = { type: 'codon', gene: 'BRAF', position: 600 } as const;
    expect(matchesPattern(p, mut('BRAF', 'V600E'))).toBe(true);
    expect(matchesPattern(p, mut('BRAF', 'V600K', { proteinStart: 600, proteinEnd: 600 }))).toBe(true);
    expect(matchesPattern(p, mut('BRAF', 'V601E'))).toBe(false);
    expect(
      matchesPattern(p, mut('BRAF', 'V600*', { consequence: 'nonsense', classes: ['truncating'] })),
    ).toBe(false);
    expect(
      matchesPattern(
        p,
        mut('BRAF', 'V600_K601delinsE', {
          consequence: 'inframe_delins',
          classes: ['inframe_indel'],
          proteinStart: 600,
          proteinEnd: 601,
        }),
      ),
    ).toBe(false);
  });

  it('class patterns use the normalizer classes and the consequence', () => {
    const exon19 = mut('EGFR', 'E746_A750del', {
      consequence: 'inframe_deletion',
      classes: ['inframe_deletion', 'exon19_inframe_deletion'],
      exon: 19,
    });
    expect(matchesPattern({ type: 'class', gene: 'EGFR', class: 'exon19_inframe_deletion' }, exon19)).toBe(
      true,
    );
    expect(matchesPattern({ type: 'class', gene: 'EGFR', class: 'exon20_insertion' }, exon19)).toBe(false);
    // No classes given: a frameshift is still truncating.
    const fs = mut('BRCA2', 'K1234fs', { consequence: 'frameshift', classes: [] });
    expect(matchesPattern({ type: 'class', gene: 'BRCA2', class: 'truncating' }, fs)).toBe(true);
  });

  it('oncogenic patterns follow the oncogenicity call', () => {
    const p = { type: 'oncogenic', gene: 'BRCA1' } as const;
    const m = mut('BRCA1', 'Q1756fs', { consequence: 'frameshift' });
    expect(matchesPattern(p, m, 'Oncogenic')).toBe(true);
    expect(matchesPattern(p, m, 'Likely Oncogenic')).toBe(true);
    expect(matchesPattern(p, m, 'Likely Neutral')).toBe(false);
    expect(matchesPattern(p, m)).toBe(false);
  });

  it('anyMutation excludes silent and non-coding changes', () => {
    const p = { type: 'anyMutation', gene: 'TP53' } as const;
    expect(matchesPattern(p, mut('TP53', 'R175H'))).toBe(true);
    expect(matchesPattern(p, mut('TP53', 'R175=', { consequence: 'silent', classes: ['silent'] }))).toBe(
      false,
    );
    expect(
      matchesPattern(
        p,
        mut('TP53', 'X', { alteration: null, consequence: 'intron', classes: ['noncoding'] }),
      ),
    ).toBe(false);
  });

  it('copy number: amplification only for amplification; deletion for deep and hemizygous', () => {
    expect(matchesPattern({ type: 'amplification', gene: 'ERBB2' }, amp('ERBB2'))).toBe(true);
    expect(
      matchesPattern(
        { type: 'amplification', gene: 'ERBB2' },
        { ...amp('ERBB2'), change: 'gain', alteration: 'Gain' },
      ),
    ).toBe(false);
    expect(
      matchesPattern(
        { type: 'deletion', gene: 'CDKN2A' },
        { ...amp('CDKN2A'), change: 'deepDeletion', alteration: 'Deletion' },
      ),
    ).toBe(true);
    expect(
      matchesPattern(
        { type: 'deletion', gene: 'CDKN2A' },
        { ...amp('CDKN2A'), change: 'shallowDeletion', alteration: 'Shallow Deletion' },
      ),
    ).toBe(false);
  });

  it('fusions match on either partner, and a named partner must be the other side', () => {
    const f = fusion('EML4', 'ALK', 'ALK');
    expect(matchesPattern({ type: 'fusion', gene: 'ALK' }, f)).toBe(true);
    expect(matchesPattern({ type: 'fusion', gene: 'ALK', partner: 'EML4' }, f)).toBe(true);
    expect(matchesPattern({ type: 'fusion', gene: 'ALK', partner: 'KIF5B' }, f)).toBe(false);
    expect(matchesPattern({ type: 'fusion', gene: 'EML4' }, f)).toBe(true);
    // Intragenic rearrangements match only a pattern naming the gene as its own partner.
    expect(matchesPattern({ type: 'fusion', gene: 'EGFR' }, fusion('EGFR', 'EGFR', 'EGFR'))).toBe(false);
    expect(
      matchesPattern({ type: 'fusion', gene: 'EGFR' }, { ...fusion('EGFR', null, 'EGFR'), intragenic: true }),
    ).toBe(false);
    expect(
      matchesPattern({ type: 'fusion', gene: 'EGFR', partner: 'EGFR' }, fusion('EGFR', 'EGFR', 'EGFR')),
    ).toBe(true);
    expect(matchesPattern({ type: 'fusion', gene: 'ROS1' }, f)).toBe(false);
    expect(matchesPattern({ type: 'fusion', gene: 'ALK' }, fusion(null, null, 'ALK'))).toBe(true);
  });

  it('biomarker thresholds: TMB ≥ 10 inclusive, PD-L1 score type, statuses', () => {
    const tmbH = { type: 'biomarker', biomarker: 'TMB', min: 10 } as const;
    expect(matchesPattern(tmbH, bio('TMB', { value: 10 }))).toBe(true);
    expect(matchesPattern(tmbH, bio('TMB', { value: 9.99 }))).toBe(false);
    expect(matchesPattern(tmbH, bio('TMB', { status: 'TMB-H' }))).toBe(false);
    const tmbStatus: AlterationPattern = {
      type: 'biomarker',
      biomarker: 'TMB',
      statuses: ['TMB-H'],
      min: 10,
    };
    expect(matchesPattern(tmbStatus, bio('TMB', { status: 'TMB-H' }))).toBe(true);
    expect(matchesPattern(tmbStatus, bio('TMB', { status: 'TMB-H', value: 6 }))).toBe(false);
    expect(
      matchesPattern(
        { type: 'biomarker', biomarker: 'MSI', statuses: ['MSI-H'] },
        bio('MSI', { status: 'MSI-H' }),
      ),
    ).toBe(true);
    expect(
      matchesPattern(
        { type: 'biomarker', biomarker: 'MSI', statuses: ['MSI-H'] },
        bio('MSI', { status: 'MSS' }),
      ),
    ).toBe(false);
    const pdl1 = { type: 'biomarker', biomarker: 'PD-L1', scoreType: 'TPS', min: 50 } as const;
    expect(matchesPattern(pdl1, bio('PD-L1', { scoreType: 'TPS', value: 60 }))).toBe(true);
    expect(matchesPattern(pdl1, bio('PD-L1', { scoreType: 'CPS', value: 60 }))).toBe(false);
    expect(matchesPattern(pdl1, bio('PD-L1', { scoreType: 'TPS', value: 49 }))).toBe(false);
    expect(
      matchesPattern(
        { type: 'biomarker', biomarker: 'HER2', statuses: ['3+'] },
        bio('HER2', { status: '3+' }),
      ),
    ).toBe(true);
    expect(
      matchesPattern(
        { type: 'biomarker', biomarker: 'HER2', statuses: ['3+'] },
        bio('HER2', { status: '2+' }),
      ),
    ).toBe(false);
    expect(
      matchesPattern({ type: 'biomarker', biomarker: 'HER2', min: 1, max: 3 }, bio('HER2', { value: 3 })),
    ).toBe(false);
  });

  it('derives TMB status from the value', () => {
    expect(biomarkerStatus(bio('TMB', { value: 12 }))).toBe('TMB-H');
    expect(biomarkerStatus(bio('TMB', { value: 3 }))).toBe('TMB-L');
    expect(biomarkerStatus(bio('MSI'))).toBeUndefined();
  });

  it('property: a numeric pattern matches exactly the values in [min, max)', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0, max: 1000, noNaN: true }),
        fc.double({ min: 0, max: 500, noNaN: true }),
        fc.double({ min: 0, max: 500, noNaN: true }),
        (v, a, b) => {
          const [min, max] = a <= b ? [a, b] : [b, a];
          const got = matchesPattern(
            { type: 'biomarker', biomarker: 'TMB', min, max },
            bio('TMB', { value: v }),
          );
          return got === (v >= min && v < max);
        },
      ),
    );
  });

  it('property: a pattern only matches alterations found under its index key', () => {
    const genes = fc.constantFrom('BRAF', 'EGFR', 'ALK', 'KRAS');
    const alt = fc.oneof(
      fc.tuple(genes, fc.integer({ min: 1, max: 999 })).map(([g, p]) => mut(g, `V${p}E`)),
      genes.map((g) => amp(g)),
      fc.tuple(genes, genes).map(([a, b]) => fusion(a, b, b)),
      fc.constantFrom(bio('TMB', { value: 20 }), bio('MSI', { status: 'MSI-H' })),
    );
    const pattern: fc.Arbitrary<AlterationPattern> = fc.oneof(
      genes.map((g) => ({ type: 'anyMutation' as const, gene: g })),
      genes.map((g) => ({ type: 'amplification' as const, gene: g })),
      genes.map((g) => ({ type: 'fusion' as const, gene: g })),
      fc.constant({ type: 'biomarker' as const, biomarker: 'TMB' as const, min: 10 }),
      fc.constant<AlterationPattern>({ type: 'biomarker', biomarker: 'MSI', statuses: ['MSI-H'] }),
    );
    fc.assert(
      fc.property(alt, pattern, (a, p) => {
        if (!matchesPattern(p, a, 'Oncogenic')) return true;
        return alterationKeys(a).includes(patternKey(p));
      }),
    );
  });
});
