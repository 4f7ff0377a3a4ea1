import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  AlterationSchema,
  BiomarkerSchema,
  GenomicAlterationSchema,
  type Biomarker,
  type GenomicAlteration,
} from '../domain/index.js';
import { builtinContext } from './context.js';
import { fusionKeyGene, parseFusionText, parseTypedAlteration, renderTyped } from './typed.js';

const ctx = builtinContext();

function alt(text: string): GenomicAlteration | undefined {
  return parseTypedAlteration(text, ctx).alteration;
}
function bio(text: string): Biomarker | undefined {
  return parseTypedAlteration(text, ctx).biomarker;
}

describe('parseTypedAlteration: mutations', () => {
  it.each([
    ['BRAF V600E', 'BRAF', 'V600E', 'missense'],
    ['BRAF p.Val600Glu', 'BRAF', 'V600E', 'missense'],
    ['braf p.V600E', 'BRAF', 'V600E', 'missense'],
    ['EGFR L858R', 'EGFR', 'L858R', 'missense'],
    ['KRAS G12C', 'KRAS', 'G12C', 'missense'],
    ['TP53 R248*', 'TP53', 'R248*', 'nonsense'],
  ])('%s → %s %s', (text, gene, change, consequence) => {
    const a = alt(text);
    expect(a?.kind).toBe('mutation');
    if (a?.kind !== 'mutation') return;
    expect(a.gene).toBe(gene);
    expect(a.alteration).toBe(change);
    expect(a.consequence).toBe(consequence);
    expect(a.originalText).toBe(text);
    expect(GenomicAlterationSchema.safeParse(a).success).toBe(true);
  });

  it('takes the gene from options for a bare protein change, and errors without one', () => {
    const withGene = parseTypedAlteration('p.V600E', ctx, { gene: 'BRAF' });
    expect(withGene.alteration).toMatchObject({ kind: 'mutation', gene: 'BRAF', alteration: 'V600E' });
    const without = parseTypedAlteration('p.V600E', ctx);
    expect(without.alteration).toBeUndefined();
    expect(without.issues.map((i) => i.code)).toEqual(['typed.no-gene']);
    expect(without.issues[0]!.severity).toBe('error');
  });

  it('keeps a cDNA change given in parentheses', () => {
    expect(alt('KRAS p.G12C (c.34G>T)')).toMatchObject({ alteration: 'G12C', cdna: 'c.34G>T' });
  });

  it('reads exon classes with canonical texts and classes', () => {
    for (const t of [
      'EGFR exon 19 deletion',
      'EGFR ex19del',
      'EGFR exon 19 in-frame deletion',
      'EGFR del19',
      'EGFR Exon 19 Deletions',
    ]) {
      expect(alt(t), t).toMatchObject({
        kind: 'mutation',
        gene: 'EGFR',
        alteration: 'exon 19 deletion',
        exon: 19,
        consequence: 'inframe_deletion',
      });
      expect((alt(t) as { classes: string[] }).classes).toContain('exon19_inframe_deletion');
    }
    expect(alt('EGFR exon 20 insertion')).toMatchObject({
      alteration: 'exon 20 insertion',
      classes: ['inframe_insertion', 'exon20_insertion'],
    });
    expect(alt('MET exon 14 skipping')).toMatchObject({
      gene: 'MET',
      alteration: 'exon 14 skipping',
      classes: ['exon14_skipping'],
    });
    expect(alt('KIT exon 11 mutation')).toMatchObject({
      alteration: 'exon 11 mutation',
      classes: ['exon11_mutation'],
    });
    expect(alt('EGFR kinase domain duplication')).toMatchObject({ classes: ['kinase_domain_duplication'] });
  });

  it('reads class-level and gene-level mutations', () => {
    expect(alt('BRCA1 truncating')).toMatchObject({
      gene: 'BRCA1',
      alteration: 'truncating mutation',
      classes: ['truncating'],
    });
    const r = parseTypedAlteration('KRAS mutation', ctx);
    expect(r.alteration).toMatchObject({ gene: 'KRAS', alteration: null, classes: [] });
    expect(r.issues.map((i) => i.code)).toContain('typed.unspecified-mutation');
    expect(alt('germline BRCA2 mutation')).toMatchObject({ somaticStatus: 'germline' });
    expect(alt('TERT promoter mutation')).toMatchObject({
      alteration: 'promoter mutation',
      consequence: 'flank5',
    });
  });
});

describe('parseTypedAlteration: copy number', () => {
  it.each([
    ['ERBB2 amplification', 'ERBB2', 'amplification', 'Amplification'],
    ['HER2 amplification', 'ERBB2', 'amplification', 'Amplification'],
    ['MET amplified', 'MET', 'amplification', 'Amplification'],
    ['CDKN2A deletion', 'CDKN2A', 'deepDeletion', 'Deletion'],
    ['CDKN2A homozygous deletion', 'CDKN2A', 'deepDeletion', 'Deletion'],
    ['CCND1 gain', 'CCND1', 'gain', 'Gain'],
    ['PTEN hemizygous deletion', 'PTEN', 'hemizygousDeletion', 'Hemizygous Deletion'],
  ])('%s', (text, gene, change, label) => {
    expect(alt(text)).toMatchObject({ kind: 'copyNumber', gene, change, alteration: label });
  });

  it('reads "loss" as a one-copy loss and says so', () => {
    const r = parseTypedAlteration('PTEN loss', ctx);
    expect(r.alteration).toMatchObject({ change: 'shallowDeletion' });
    expect(r.issues.map((i) => i.code)).toEqual(['typed.loss-ambiguous']);
  });
});

describe('parseTypedAlteration: fusions', () => {
  it.each([
    ['EML4::ALK fusion', 'ALK', 'EML4', 'ALK', 'EML4::ALK'],
    ['EML4::ALK', 'ALK', 'EML4', 'ALK', 'EML4::ALK'],
    ['EML4-ALK', 'ALK', 'EML4', 'ALK', 'EML4::ALK'],
    ['KIF5B-RET fusion', 'RET', 'KIF5B', 'RET', 'KIF5B::RET'],
    ['FGFR3-TACC3', 'FGFR3', 'FGFR3', 'TACC3', 'FGFR3::TACC3'],
    ['CD74/ROS1 fusion', 'ROS1', 'CD74', 'ROS1', 'CD74::ROS1'],
  ])('%s', (text, gene, g5, g3, name) => {
    expect(alt(text)).toMatchObject({ kind: 'fusion', gene, gene5: g5, gene3: g3, alteration: name });
  });

  it('keeps the gene and leaves partners unknown for "ALK rearrangement"', () => {
    for (const t of ['ALK rearrangement', 'ALK fusion', 'ROS1 rearranged']) {
      const a = alt(t);
      expect(a, t).toMatchObject({ kind: 'fusion', gene5: null, gene3: null });
      expect(a?.alteration).toBe(`${a?.gene} fusion`);
    }
  });

  it('flags intragenic events', () => {
    expect(alt('EGFR-intragenic')).toMatchObject({ kind: 'fusion', gene: 'EGFR', intragenic: true });
  });

  it('refuses gene families instead of guessing a member', () => {
    const r = parseTypedAlteration('NTRK fusion', ctx);
    expect(r.alteration).toBeUndefined();
    expect(r.issues.map((i) => i.code)).toEqual(['typed.gene-family']);
  });

  it('does not read hyphenated symbols or protein changes as fusions', () => {
    expect(parseFusionText('NKX2-1', ctx)).toBeNull();
    expect(parseFusionText('BRAF-V600E', ctx)).toBeNull();
    expect(alt('NKX2-1 amplification')).toMatchObject({ kind: 'copyNumber', gene: 'NKX2-1' });
  });

  it('keys fusions on the driver partner, else the 5′ gene', () => {
    expect(fusionKeyGene('EML4', 'ALK')).toBe('ALK');
    expect(fusionKeyGene('FGFR2', 'BICC1')).toBe('FGFR2');
    expect(fusionKeyGene('TMPRSS2', 'ERG')).toBe('TMPRSS2');
    expect(fusionKeyGene(null, null)).toBeNull();
  });
});

describe('parseTypedAlteration: biomarkers', () => {
  it.each([
    ['MSI-H', 'MSI', 'MSI-H'],
    ['MSI-high', 'MSI', 'MSI-H'],
    ['microsatellite instability-high', 'MSI', 'MSI-H'],
    ['MSS', 'MSI', 'MSS'],
    ['dMMR', 'MMR', 'dMMR'],
    ['mismatch repair deficient', 'MMR', 'dMMR'],
    ['pMMR', 'MMR', 'pMMR'],
    ['TMB-H', 'TMB', 'TMB-H'],
    ['HRD positive', 'HRD', 'positive'],
    ['ER positive', 'ER', 'positive'],
    ['ER+', 'ER', 'positive'],
    ['PR negative', 'PR', 'negative'],
    ['HER2 IHC 3+', 'HER2', '3+'],
    ['HER2 3+', 'HER2', '3+'],
    ['HER2 IHC 0', 'HER2', '0'],
    ['HER2 IHC 2+ ISH+', 'HER2', 'ISH+'],
    ['HER2 2+, FISH negative', 'HER2', 'ISH-'],
    ['HER2-positive', 'HER2', 'positive'],
    ['HER2 low', 'HER2', 'low'],
  ])('%s → %s %s', (text, name, status) => {
    const b = bio(text);
    expect(b).toMatchObject({ kind: 'biomarker', name, status, provenance: 'reported', originalText: text });
    expect(BiomarkerSchema.safeParse(b).success).toBe(true);
  });

  it('reads TMB values and applies the 10 mut/Mb threshold', () => {
    expect(bio('TMB 14 mut/Mb')).toMatchObject({
      name: 'TMB',
      value: 14,
      unit: 'mut/Mb',
      status: 'TMB-H',
      alteration: 'TMB 14 mut/Mb',
    });
    expect(bio('TMB: 9.5 mutations/Mb')).toMatchObject({ value: 9.5, status: 'TMB-L' });
    expect(bio('tumor mutational burden 10')).toMatchObject({ value: 10, status: 'TMB-H' });
  });

  it('reads a value or score given in parentheses after a status word', () => {
    expect(bio('TMB-H (15 mut/Mb)')).toMatchObject({ name: 'TMB', value: 15, status: 'TMB-H' });
    expect(bio('TMB high: 22')).toMatchObject({ value: 22 });
    expect(bio('HER2-low (IHC 1+)')).toMatchObject({ name: 'HER2', status: '1+', value: 1 });
    expect(bio('HER2 positive (IHC 2+, FISH amplified)')).toMatchObject({ status: 'ISH+', value: 2 });
  });

  it('reads PD-L1 scores with their type', () => {
    expect(bio('PD-L1 TPS 60%')).toMatchObject({
      name: 'PD-L1',
      gene: 'CD274',
      scoreType: 'TPS',
      value: 60,
      alteration: 'PD-L1 TPS 60%',
    });
    expect(bio('PD-L1 CPS 10')).toMatchObject({ scoreType: 'CPS', value: 10, alteration: 'PD-L1 CPS 10' });
    expect(bio('PD-L1 (22C3) TPS ≥50%')).toMatchObject({
      scoreType: 'TPS',
      value: 50,
      alteration: 'PD-L1 TPS ≥50%',
    });
    expect(bio('PD-L1 negative')).toMatchObject({ status: 'negative' });
  });

  it('grades ER percentages by the ASCO/CAP bands', () => {
    expect(bio('ER 0%')?.status).toBe('negative');
    expect(bio('ER 5%')?.status).toBe('low');
    expect(bio('ER 90%')?.status).toBe('positive');
  });
});

describe('parseTypedAlteration: common phrasings', () => {
  it('drops a trailing "mutation" or "positive" after a protein change', () => {
    expect(alt('BRAF V600E mutation')).toMatchObject({ gene: 'BRAF', alteration: 'V600E' });
    expect(alt('KRAS G12C-positive')).toMatchObject({ gene: 'KRAS', alteration: 'G12C' });
  });

  it('reads clinic shorthand such as ALK-positive and KRAS-mutant', () => {
    expect(alt('ALK-positive')).toMatchObject({ kind: 'fusion', gene: 'ALK', gene5: null, gene3: null });
    expect(alt('ROS1+')).toMatchObject({ kind: 'fusion', gene: 'ROS1' });
    expect(alt('RET rearranged')).toMatchObject({ kind: 'fusion', gene: 'RET' });
    expect(alt('KRAS-mutant')).toMatchObject({ kind: 'mutation', gene: 'KRAS', alteration: null });
    expect(alt('MET-amplified')).toMatchObject({ kind: 'copyNumber', gene: 'MET', change: 'amplification' });
    expect(bio('HER2-positive')).toMatchObject({ name: 'HER2', status: 'positive' });
  });

  it('prefers the protein change when two names are given', () => {
    expect(alt('EGFR exon 19 deletion (E746_A750del)')).toMatchObject({
      alteration: 'E746_A750del',
      consequence: 'inframe_deletion',
    });
    expect(alt('BRAF V600E (exon 15)')).toMatchObject({ alteration: 'V600E' });
    expect(alt('KRAS G12C (c.34G>T)')).toMatchObject({ alteration: 'G12C', cdna: 'c.34G>T' });
  });

  it('reads FLT3-ITD and EGFRvIII', () => {
    for (const t of ['FLT3-ITD', 'FLT3 ITD', 'FLT3 internal tandem duplication']) {
      expect(alt(t), t).toMatchObject({
        gene: 'FLT3',
        alteration: 'internal tandem duplication',
        consequence: 'inframe_insertion',
      });
    }
    for (const t of ['EGFR vIII', 'EGFRvIII'])
      expect(alt(t), t).toMatchObject({ gene: 'EGFR', alteration: 'vIII' });
  });

  it('keeps a codon-only change with its position', () => {
    const r = parseTypedAlteration('BRAF V600', ctx);
    expect(r.alteration).toMatchObject({
      gene: 'BRAF',
      alteration: 'V600',
      proteinStart: 600,
      consequence: 'unknown',
    });
    expect(r.issues.map((i) => i.code)).toEqual(['typed.codon-only']);
  });

  it('reads "MSI-H/dMMR" as MSI-H, not as a fusion', () => {
    expect(parseTypedAlteration('MSI-H/dMMR', ctx)).toMatchObject({
      biomarker: { name: 'MSI', status: 'MSI-H' },
      issues: [],
    });
  });

  it('reads the first of several genes and asks for the others', () => {
    const r = parseTypedAlteration('CDKN2A/B deletion', ctx);
    expect(r.alteration).toMatchObject({ kind: 'copyNumber', gene: 'CDKN2A', change: 'deepDeletion' });
    expect(r.issues.map((i) => i.code)).toEqual(['typed.several-genes']);
    expect(r.issues[0]!.message).toContain('CDKN2B');
  });

  it('does not turn an unreadable biomarker into a mutation', () => {
    for (const t of ['HER2 2+ ISH', 'PD-L1 high expression', 'TMB very high']) {
      const r = parseTypedAlteration(t, ctx);
      expect(r.alteration, t).toBeUndefined();
      expect(
        r.issues.map((i) => i.code),
        t,
      ).toEqual(['typed.unrecognized-biomarker']);
    }
    expect(alt('HER2 mutation')).toMatchObject({ kind: 'mutation', gene: 'ERBB2' });
  });
});

describe('parseTypedAlteration: problems are issues', () => {
  it('reports empty and unreadable text', () => {
    expect(parseTypedAlteration('   ', ctx).issues.map((i) => i.code)).toEqual(['typed.empty']);
    const r = parseTypedAlteration('not an alteration at all', ctx);
    expect(r.alteration ?? r.biomarker).toBeUndefined();
    expect(r.issues.some((i) => i.severity === 'error' || i.severity === 'warning')).toBe(true);
    expect(parseTypedAlteration('BRAF', ctx).issues.map((i) => i.code)).toEqual(['typed.no-change']);
  });

  it('locates issues with the origin it is given', () => {
    const r = parseTypedAlteration('p.V600E', ctx, {
      origin: { file: 'case.json', pointer: '/alterations/3' },
    });
    expect(r.issues[0]).toMatchObject({ file: 'case.json', pointer: '/alterations/3' });
  });

  it('reads no protein position 0 ("A0*" from the property test below): kept as written, flagged', () => {
    for (const text of ['BRAF A0*', 'BRAF V0']) {
      const r = parseTypedAlteration(text, ctx);
      expect(r.alteration).not.toHaveProperty('proteinStart');
      expect(AlterationSchema.safeParse(r.alteration).success).toBe(true);
      expect(r.issues.map((i) => i.code)).toContain('typed.unrecognized-change');
    }
  });

  it('never throws and always returns a schema-valid result or issues (property)', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string(),
          fc.string({ unit: 'grapheme' }),
          fc.stringMatching(/^[A-Z0-9]{1,6}[ :-]{0,3}[A-Za-z0-9.*>_+%-]{0,12}$/),
        ),
        (s) => {
          const r = parseTypedAlteration(s, ctx);
          const got = r.alteration ?? r.biomarker;
          if (got !== undefined) expect(AlterationSchema.safeParse(got).success).toBe(true);
          else expect(r.issues.length).toBeGreaterThan(0);
        },
      ),
      { numRuns: 2000 },
    );
  });
});

describe('renderTyped round trip (property)', () => {
  const genes = fc.constantFrom(
    'BRAF',
    'EGFR',
    'KRAS',
    'TP53',
    'PIK3CA',
    'ERBB2',
    'MET',
    'ALK',
    'CDKN2A',
    'PTEN',
  );
  const aa = fc.constantFrom(...'ACDEFGHIKLMNPQRSTVWY'.split(''));
  const missense = fc
    .tuple(genes, aa, fc.integer({ min: 1, max: 3000 }), aa)
    .filter(([, r, , a]) => r !== a)
    .map(([g, r, p, a]) => `${g} ${r}${p}${a}`);
  const nonsense = fc
    .tuple(genes, aa, fc.integer({ min: 1, max: 3000 }))
    .map(([g, r, p]) => `${g} ${r}${p}*`);
  const cn = fc
    .tuple(
      genes,
      fc.constantFrom('amplification', 'gain', 'deep deletion', 'shallow deletion', 'hemizygous deletion'),
    )
    .map(([g, w]) => `${g} ${w}`);
  const exon = fc
    .tuple(
      genes,
      fc.integer({ min: 1, max: 30 }),
      fc.constantFrom('deletion', 'insertion', 'skipping', 'mutation'),
    )
    .map(([g, n, k]) => `${g} exon ${n} ${k}`);
  const fusion = fc
    .tuple(
      fc.constantFrom('EML4', 'KIF5B', 'CD74', 'ETV6', 'TPM3', 'CCDC6'),
      fc.constantFrom('ALK', 'RET', 'ROS1', 'NTRK1', 'NTRK3'),
    )
    .map(([a, b]) => `${a}::${b}`);
  const biomarkers = fc.oneof(
    fc.double({ min: 0, max: 500, noNaN: true }).map((v) => `TMB ${Math.round(v * 100) / 100} mut/Mb`),
    fc.integer({ min: 0, max: 100 }).map((v) => `PD-L1 TPS ${v}%`),
    fc.integer({ min: 0, max: 100 }).map((v) => `PD-L1 CPS ${v}`),
    fc.constantFrom(
      'MSI-H',
      'MSS',
      'dMMR',
      'pMMR',
      'HER2 IHC 3+',
      'HER2 IHC 2+ ISH-',
      'ER positive',
      'PR negative',
      'HRD positive',
    ),
  );

  it('parse → render → parse gives the same alteration', () => {
    fc.assert(
      fc.property(fc.oneof(missense, nonsense, cn, exon, fusion, biomarkers), (text) => {
        const first = parseTypedAlteration(text, ctx);
        const a = first.alteration ?? first.biomarker;
        expect(a, text).toBeDefined();
        const again = parseTypedAlteration(renderTyped(a!), ctx);
        const b = again.alteration ?? again.biomarker;
        const strip = (x: unknown): unknown => ({ ...(x as object), originalText: undefined });
        expect(strip(b)).toEqual(strip(a));
      }),
      { numRuns: 1000 },
    );
  });
});
