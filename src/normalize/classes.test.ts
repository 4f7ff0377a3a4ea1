import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CONSEQUENCES } from '../domain/index.js';
import { classifyMutation, consequenceFromMaf, consequenceFromSo, type ClassifyInput } from './classes.js';

describe('consequenceFromMaf', () => {
  it.each([
    ['Missense_Mutation', 'missense'],
    ['Nonsense_Mutation', 'nonsense'],
    ['Frame_Shift_Del', 'frameshift'],
    ['Frame_Shift_Ins', 'frameshift'],
    ['In_Frame_Del', 'inframe_deletion'],
    ['In_Frame_Ins', 'inframe_insertion'],
    ['Splice_Site', 'splice_site'],
    ['Splice_Region', 'splice_region'],
    ['Translation_Start_Site', 'start_lost'],
    ['Nonstop_Mutation', 'stop_lost'],
    ['Silent', 'silent'],
    ['Intron', 'intron'],
    ["3'UTR", 'utr3'],
    ["5'UTR", 'utr5'],
    ["3'Flank", 'flank3'],
    ["5'Flank", 'flank5'],
    ['IGR', 'intergenic'],
    ['RNA', 'noncoding_rna'],
    ['lincRNA', 'noncoding_rna'],
    ['De_novo_Start_InFrame', 'utr5'],
    ['De_novo_Start_OutOfFrame', 'utr5'],
    ['Targeted_Region', 'unknown'],
    [' missense_mutation ', 'missense'],
    ['Something_Else', 'unknown'],
    ['', 'unknown'],
  ] as const)('%s → %s', (v, c) => expect(consequenceFromMaf(v)).toBe(c));
});

describe('consequenceFromSo', () => {
  it('takes the most severe of several terms', () => {
    expect(consequenceFromSo('missense_variant&splice_region_variant')).toBe('missense');
    expect(consequenceFromSo('splice_region_variant&intron_variant')).toBe('splice_region');
    expect(consequenceFromSo('stop_gained,splice_region_variant')).toBe('nonsense');
    expect(consequenceFromSo('intron_variant&frameshift_variant')).toBe('frameshift');
    expect(consequenceFromSo('splice_donor_variant&frameshift_variant')).toBe('splice_site');
    expect(consequenceFromSo('disruptive_inframe_deletion')).toBe('inframe_deletion');
    expect(consequenceFromSo('conservative_inframe_insertion')).toBe('inframe_insertion');
    expect(consequenceFromSo('protein_altering_variant')).toBe('inframe_delins');
    expect(consequenceFromSo('synonymous_variant')).toBe('silent');
    expect(consequenceFromSo('5_prime_UTR_variant')).toBe('utr5');
    expect(consequenceFromSo('upstream_gene_variant')).toBe('flank5');
    expect(consequenceFromSo('intergenic_region')).toBe('intergenic');
    expect(consequenceFromSo('start_lost')).toBe('start_lost');
    expect(consequenceFromSo('not_a_term')).toBe('unknown');
  });

  it('never throws and always answers from the vocabulary', () => {
    fc.assert(
      fc.property(fc.string(), (s) => {
        expect(CONSEQUENCES).toContain(consequenceFromSo(s));
        expect(CONSEQUENCES).toContain(consequenceFromMaf(s));
      }),
    );
  });
});

const cls = (input: Partial<ClassifyInput> & Pick<ClassifyInput, 'gene' | 'alteration'>): string[] =>
  classifyMutation({ consequence: 'unknown', ...input }).sort();

describe('classifyMutation', () => {
  it('derives basic classes from the consequence', () => {
    expect(cls({ gene: 'TP53', consequence: 'nonsense', alteration: 'R213*' })).toEqual(['truncating']);
    expect(cls({ gene: 'APC', consequence: 'frameshift', alteration: 'E1309Dfs*4' })).toEqual(['truncating']);
    expect(cls({ gene: 'TP53', consequence: 'splice_site', alteration: 'X33_splice' })).toEqual(['splice', 'truncating']);
    expect(cls({ gene: 'TP53', consequence: 'splice_region', alteration: null })).toEqual(['splice']);
    expect(cls({ gene: 'TP53', consequence: 'silent', alteration: 'R213=' })).toEqual(['silent']);
    expect(cls({ gene: 'TERT', consequence: 'flank5', alteration: null })).toEqual(['noncoding']);
    expect(cls({ gene: 'MLH1', consequence: 'stop_lost', alteration: '*757Kext*36' })).toEqual([]);
  });

  it('treats a frameshift at the stop codon as an extension, not truncating', () => {
    expect(cls({ gene: 'PIK3CA', consequence: 'frameshift', alteration: '*1069Ffs*5' })).toEqual([]);
  });

  it('falls back on the protein change when the consequence is unknown', () => {
    expect(cls({ gene: 'BRAF', alteration: 'V600E' })).toEqual(['hotspot', 'missense']);
    expect(cls({ gene: 'NF1', alteration: 'R1362*' })).toEqual(['truncating']);
    expect(cls({ gene: 'EGFR', alteration: 'p.Glu746_Ala750del' })).toEqual(['exon19_inframe_deletion', 'inframe_deletion']);
  });

  it('finds EGFR exon 19 deletions (729–761) including delins with a net loss', () => {
    expect(cls({ gene: 'EGFR', consequence: 'inframe_deletion', alteration: 'L747_P753delinsS' })).toContain('exon19_inframe_deletion');
    expect(cls({ gene: 'EGFR', consequence: 'inframe_deletion', alteration: 'E746_A750del', exon: 19 })).toContain('exon19_inframe_deletion');
    expect(cls({ gene: 'EGFR', consequence: 'inframe_deletion', alteration: 'E872del' })).not.toContain('exon19_inframe_deletion');
    expect(cls({ gene: 'EGFR', consequence: 'missense', alteration: 'L747S' })).not.toContain('exon19_inframe_deletion');
  });

  it('finds EGFR and ERBB2 exon 20 insertions (dup, ins, delins with a net gain)', () => {
    expect(cls({ gene: 'EGFR', consequence: 'inframe_insertion', alteration: 'A767_V769dup' })).toContain('exon20_insertion');
    expect(cls({ gene: 'EGFR', consequence: 'inframe_insertion', alteration: 'D770delinsGY' })).toContain('exon20_insertion');
    expect(cls({ gene: 'EGFR', consequence: 'inframe_insertion', alteration: 'A763_Y764insFQEA' })).toContain('exon20_insertion');
    expect(cls({ gene: 'EGFR', consequence: 'inframe_insertion', alteration: 'E746_A750del' })).not.toContain('exon20_insertion');
    expect(cls({ gene: 'ERBB2', consequence: 'inframe_insertion', alteration: 'A775_G776insYVMA' })).toContain('exon20_insertion');
    expect(cls({ gene: 'ERBB2', consequence: 'inframe_insertion', alteration: 'G778_P780dup' })).toContain('exon20_insertion');
    expect(cls({ gene: 'ERBB2', consequence: 'inframe_insertion', alteration: 'Y1000_P1001insA' })).not.toContain('exon20_insertion');
  });

  it('finds MET exon 14 skipping on either isoform numbering', () => {
    expect(cls({ gene: 'MET', consequence: 'splice_site', alteration: 'X1010_splice' })).toContain('exon14_skipping');
    expect(cls({ gene: 'MET', consequence: 'splice_site', alteration: 'X1028_splice' })).toContain('exon14_skipping');
    expect(cls({ gene: 'MET', consequence: 'splice_site', alteration: 'X963_splice' })).toContain('exon14_skipping');
    expect(cls({ gene: 'MET', consequence: 'missense', alteration: 'D1010N' })).toContain('exon14_skipping');
    expect(cls({ gene: 'MET', consequence: 'inframe_deletion', alteration: 'D1010_K1012del', exon: 14 })).toContain('exon14_skipping');
    expect(cls({ gene: 'MET', consequence: 'splice_site', alteration: 'X1200_splice' })).not.toContain('exon14_skipping');
    expect(cls({ gene: 'MET', consequence: 'missense', alteration: 'Y1003C' })).not.toContain('exon14_skipping');
  });

  it('finds KIT exon 9/11/13/17 and PDGFRA exon 18 mutations', () => {
    expect(cls({ gene: 'KIT', consequence: 'inframe_insertion', alteration: 'A502_Y503dup' })).toContain('exon9_mutation');
    expect(cls({ gene: 'KIT', consequence: 'inframe_deletion', alteration: 'W557_K558del' })).toContain('exon11_mutation');
    expect(cls({ gene: 'KIT', consequence: 'missense', alteration: 'V560D' })).toEqual(['exon11_mutation', 'hotspot', 'missense']);
    expect(cls({ gene: 'KIT', consequence: 'missense', alteration: 'K642E' })).toContain('exon13_mutation');
    expect(cls({ gene: 'KIT', consequence: 'missense', alteration: 'D816V' })).toContain('exon17_mutation');
    expect(cls({ gene: 'KIT', consequence: 'missense', alteration: 'V1000A', exon: 11 })).toContain('exon11_mutation');
    expect(cls({ gene: 'KIT', consequence: 'silent', alteration: 'V560=' })).not.toContain('exon11_mutation');
    expect(cls({ gene: 'PDGFRA', consequence: 'missense', alteration: 'D842V' })).toEqual(['exon18_mutation', 'hotspot', 'missense']);
    expect(cls({ gene: 'PDGFRA', consequence: 'inframe_deletion', alteration: 'I843_D846del' })).toContain('exon18_mutation');
  });

  it('flags EGFR kinase-domain duplication from a long duplication', () => {
    expect(cls({ gene: 'EGFR', consequence: 'inframe_insertion', alteration: 'V702_R1001dup' })).toContain('kinase_domain_duplication');
    expect(cls({ gene: 'EGFR', consequence: 'inframe_insertion', alteration: 'A767_V769dup' })).not.toContain('kinase_domain_duplication');
  });

  it('marks built-in hotspot codons only when the reference residue matches', () => {
    expect(cls({ gene: 'KRAS', consequence: 'missense', alteration: 'G12C' })).toContain('hotspot');
    expect(cls({ gene: 'KRAS', consequence: 'missense', alteration: 'A12C' })).not.toContain('hotspot');
    expect(cls({ gene: 'PIK3CA', consequence: 'missense', alteration: 'H1047R' })).toContain('hotspot');
    expect(cls({ gene: 'IDH1', consequence: 'missense', alteration: 'R132H' })).toContain('hotspot');
    expect(cls({ gene: 'TP53', consequence: 'missense', alteration: 'R175H' })).toContain('hotspot');
    expect(cls({ gene: 'TP53', consequence: 'nonsense', alteration: 'R175*' })).not.toContain('hotspot');
    expect(cls({ gene: 'BRAF', consequence: 'missense', alteration: null, proteinStart: 600 })).toContain('hotspot');
  });

  it('never throws on arbitrary input', () => {
    fc.assert(
      fc.property(fc.string(), fc.constantFrom(...CONSEQUENCES), fc.option(fc.string()), fc.option(fc.integer({ min: 1, max: 5000 }), { nil: undefined }), (gene, consequence, alteration, proteinStart) => {
        expect(Array.isArray(classifyMutation({ gene, consequence, alteration, proteinStart }))).toBe(true);
      }),
    );
  });
});
