import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  CONSEQUENCES,
  MUTATION_EFFECTS,
  ONCOGENICITY,
  type Alteration,
  type Consequence,
  type Mutation,
} from '../../domain/index.js';
import { builtinOncogenicity, GENE_ROLES, HOTSPOT_CODONS, KNOWN_VARIANTS } from './genes.js';

const mut = (
  gene: string,
  alteration: string | null,
  consequence: Consequence,
  extra: Partial<Mutation> = {},
): Mutation => ({
  kind: 'mutation',
  gene,
  alteration,
  consequence,
  classes: [],
  somaticStatus: 'somatic',
  originalText: `${gene} ${alteration ?? ''}`,
  ...extra,
});

describe('builtinOncogenicity rules', () => {
  it('calls hotspot missense changes Oncogenic with the gene effect', () => {
    expect(builtinOncogenicity(mut('BRAF', 'V600E', 'missense'))).toMatchObject({
      oncogenic: 'Oncogenic',
      mutationEffect: 'Gain-of-function',
    });
    expect(builtinOncogenicity(mut('KRAS', 'G12C', 'missense'))).toMatchObject({ oncogenic: 'Oncogenic' });
    expect(builtinOncogenicity(mut('TP53', 'R175H', 'missense'))).toMatchObject({
      oncogenic: 'Oncogenic',
      mutationEffect: 'Loss-of-function',
    });
    expect(builtinOncogenicity(mut('IDH1', 'R132H', 'missense', { proteinStart: 132 })).reason).toContain(
      'hotspot codon IDH1 132',
    );
  });

  it('lists acquired resistance mutations as Likely Oncogenic known variants', () => {
    expect(builtinOncogenicity(mut('EGFR', 'C797S', 'missense'))).toMatchObject({
      oncogenic: 'Likely Oncogenic',
      mutationEffect: 'Likely Gain-of-function',
    });
    expect(builtinOncogenicity(mut('ABL1', 'T315I', 'missense')).reason).toBe('known variant ABL1 T315I');
  });

  it('recognizes driver classes by class, exon or codon range', () => {
    expect(
      builtinOncogenicity(
        mut('EGFR', 'E746_A750del', 'inframe_deletion', { classes: ['exon19_inframe_deletion'] }),
      ).oncogenic,
    ).toBe('Oncogenic');
    expect(builtinOncogenicity(mut('EGFR', 'E746_A750del', 'inframe_deletion')).reason).toBe(
      'EGFR exon 19 in-frame deletion',
    );
    expect(
      builtinOncogenicity(mut('EGFR', 'D770_N771insSVD', 'inframe_insertion', { exon: 20 })).reason,
    ).toBe('EGFR exon 20 insertion');
    expect(builtinOncogenicity(mut('ERBB2', 'Y772_A775dup', 'inframe_insertion')).reason).toBe(
      'ERBB2 exon 20 insertion',
    );
    expect(builtinOncogenicity(mut('MET', 'X1010_splice', 'splice_site', { exon: 14 })).oncogenic).toBe(
      'Oncogenic',
    );
    expect(builtinOncogenicity(mut('MET', 'X963_splice', 'splice_site')).reason).toContain('MET exon 14');
    expect(builtinOncogenicity(mut('MET', 'X1250_splice', 'splice_site')).oncogenic).toBe('Unknown');
    expect(builtinOncogenicity(mut('KIT', 'W557_K558del', 'inframe_deletion')).reason).toBe(
      'KIT exon 11 juxtamembrane mutation',
    );
    expect(builtinOncogenicity(mut('PDGFRA', 'D842_I843delinsIM', 'inframe_delins')).reason).toBe(
      'PDGFRA exon 18 activation-loop mutation',
    );
    expect(builtinOncogenicity(mut('FLT3', 'E598_Y599ins10', 'inframe_insertion')).reason).toContain(
      'FLT3 internal tandem duplication',
    );
    expect(builtinOncogenicity(mut('NPM1', 'W288Cfs*12', 'frameshift')).oncogenic).toBe('Oncogenic');
    expect(builtinOncogenicity(mut('NPM1', 'P50fs', 'frameshift')).oncogenic).toBe('Unknown');
  });

  it('calls truncating mutations in tumor suppressors Likely Oncogenic, not in oncogenes', () => {
    expect(builtinOncogenicity(mut('BRCA2', 'K3326*', 'nonsense'))).toMatchObject({
      oncogenic: 'Likely Oncogenic',
      mutationEffect: 'Likely Loss-of-function',
    });
    expect(builtinOncogenicity(mut('APC', 'R1450*', 'nonsense', { classes: ['truncating'] })).oncogenic).toBe(
      'Likely Oncogenic',
    );
    expect(builtinOncogenicity(mut('PTEN', 'X70_splice', 'splice_site')).oncogenic).toBe('Likely Oncogenic');
    expect(builtinOncogenicity(mut('KRAS', 'Q25*', 'nonsense')).oncogenic).toBe('Unknown');
  });

  it('leaves other missense changes and unknown genes Unknown', () => {
    expect(builtinOncogenicity(mut('BRAF', 'A111V', 'missense')).oncogenic).toBe('Unknown');
    expect(builtinOncogenicity(mut('TTN', 'R123*', 'nonsense')).reason).toContain(
      'not in the built-in cancer gene list',
    );
  });

  it('calls oncogene amplification and tumor suppressor deep deletion Likely Oncogenic', () => {
    const cn = (gene: string, change: 'amplification' | 'deepDeletion' | 'gain'): Alteration => ({
      kind: 'copyNumber',
      gene,
      alteration: change,
      change,
      originalText: gene,
    });
    expect(builtinOncogenicity(cn('ERBB2', 'amplification'))).toMatchObject({
      oncogenic: 'Likely Oncogenic',
      mutationEffect: 'Likely Gain-of-function',
    });
    expect(builtinOncogenicity(cn('CDKN2A', 'deepDeletion'))).toMatchObject({
      oncogenic: 'Likely Oncogenic',
      mutationEffect: 'Likely Loss-of-function',
    });
    expect(builtinOncogenicity(cn('CDKN2A', 'amplification')).oncogenic).toBe('Unknown');
    expect(builtinOncogenicity(cn('ERBB2', 'gain')).oncogenic).toBe('Unknown');
  });

  it('calls fusions of known drivers Oncogenic unless intragenic or out of frame', () => {
    const f = (gene5: string | null, gene3: string | null, extra: object = {}): Alteration => ({
      kind: 'fusion',
      gene: gene3 ?? gene5 ?? '',
      gene5,
      gene3,
      alteration: `${gene5 ?? ''}::${gene3 ?? ''}`,
      originalText: 'x',
      ...extra,
    });
    expect(builtinOncogenicity(f('EML4', 'ALK'))).toMatchObject({
      oncogenic: 'Oncogenic',
      mutationEffect: 'Gain-of-function',
    });
    expect(builtinOncogenicity(f(null, 'ALK')).oncogenic).toBe('Oncogenic');
    expect(builtinOncogenicity(f('FGFR3', 'TACC3')).oncogenic).toBe('Oncogenic');
    expect(builtinOncogenicity(f('TMPRSS2', 'ERG'))).toMatchObject({
      oncogenic: 'Oncogenic',
      mutationEffect: 'Unknown',
    });
    expect(builtinOncogenicity(f('EML4', 'ALK', { inFrame: false })).oncogenic).toBe('Unknown');
    expect(builtinOncogenicity(f('EGFR', 'EGFR', { intragenic: true })).oncogenic).toBe('Unknown');
    expect(builtinOncogenicity(f('GENEA', 'GENEB')).oncogenic).toBe('Unknown');
  });

  it('does not judge biomarkers', () => {
    expect(
      builtinOncogenicity({
        kind: 'biomarker',
        name: 'MSI',
        alteration: 'MSI-H',
        status: 'MSI-H',
        provenance: 'reported',
        originalText: 'MSI-H',
      }).oncogenic,
    ).toBe('Unknown');
  });

  it('keeps its tables consistent: hotspot and known-variant genes have a role', () => {
    for (const g of [...Object.keys(HOTSPOT_CODONS), ...Object.keys(KNOWN_VARIANTS)])
      expect(GENE_ROLES[g], g).toBeDefined();
  });

  it('always returns a valid call and a reason, for any mutation', () => {
    const genes = fc.constantFrom(...Object.keys(GENE_ROLES), 'TTN', 'unknowngene');
    const alteration = fc.oneof(
      fc.constant(null),
      fc.string(),
      fc
        .tuple(
          fc.constantFrom('A', 'R', 'W', '*', 'X'),
          fc.integer({ min: 1, max: 3000 }),
          fc.constantFrom('E', '*', 'fs', 'del', '_splice', 'dup'),
        )
        .map(([a, n, b]) => `${a}${n}${b}`),
    );
    fc.assert(
      fc.property(
        genes,
        alteration,
        fc.constantFrom(...CONSEQUENCES),
        fc.option(fc.integer({ min: 1, max: 30 }), { nil: undefined }),
        (gene, alt, consequence, exon) => {
          const r = builtinOncogenicity(mut(gene, alt, consequence, exon === undefined ? {} : { exon }));
          expect(ONCOGENICITY).toContain(r.oncogenic);
          expect(MUTATION_EFFECTS).toContain(r.mutationEffect);
          expect(r.reason.length).toBeGreaterThan(0);
          // Silent and non-coding changes are never called oncogenic by these rules.
          if (
            ['silent', 'intron', 'utr5', 'utr3', 'flank5', 'flank3', 'intergenic', 'noncoding_rna'].includes(
              consequence,
            )
          )
            expect(r.oncogenic).toBe('Unknown');
        },
      ),
    );
  });
});
