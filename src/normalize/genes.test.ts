import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { describeWithSharedData, sharedPath } from '../../test/shared-data.js';
import { IMPACT505_GENES } from './gene-data.js';
import { GeneResolver, LEGACY_GENE_NAMES, MapGeneLookup, builtinGeneResolver } from './genes.js';

describe('GeneResolver (built-in)', () => {
  const g = builtinGeneResolver();

  it('maps legacy panel names to current HGNC symbols', () => {
    const cases: Record<string, string> = {
      MLL: 'KMT2A',
      MLL2: 'KMT2D',
      MLL3: 'KMT2C',
      MLL4: 'KMT2B',
      MYCL1: 'MYCL',
      FAM123B: 'AMER1',
      FAM175A: 'ABRAXAS1',
      FAM46C: 'TENT5C',
      PARK2: 'PRKN',
      RFWD2: 'COP1',
      TCEB1: 'ELOC',
      WHSC1: 'NSD2',
      WHSC1L1: 'NSD3',
      MRE11A: 'MRE11',
      PAK7: 'PAK5',
      SETD8: 'KMT5A',
      HIST1H3B: 'H3C2',
      H3F3A: 'H3-3A',
      CXorf67: 'EZHIP',
      C17orf39: 'GID4',
    };
    for (const [input, symbol] of Object.entries(cases)) {
      const r = g.resolve(input);
      expect(r, input).toMatchObject({ symbol, changed: true, known: true, via: 'legacy' });
    }
  });

  it('reports the MLL2 collision and the rule that settled it', () => {
    const r = g.resolve('MLL2');
    expect(r.symbol).toBe('KMT2D');
    expect(r.ambiguity?.candidates).toEqual(expect.arrayContaining(['KMT2D', 'KMT2B']));
    expect(r.ambiguity?.rule).toMatch(/legacy/);
    expect(g.resolve('MLL4').ambiguity?.candidates).toEqual(expect.arrayContaining(['KMT2B', 'KMT2D']));
  });

  it('is case-insensitive, trims, and keeps current symbols unchanged', () => {
    expect(g.resolve('  braf ')).toMatchObject({ symbol: 'BRAF', changed: false, known: true, via: 'approved' });
    expect(g.resolve('mll3')).toMatchObject({ symbol: 'KMT2C', changed: true });
    expect(g.resolve('h3-3a')).toMatchObject({ symbol: 'H3-3A', changed: false, known: true });
  });

  it('splits CDKN2A pseudo-genes into gene + isoform', () => {
    expect(g.resolve('CDKN2Ap14ARF')).toMatchObject({ symbol: 'CDKN2A', isoform: 'p14ARF', changed: true, known: true });
    expect(g.resolve('CDKN2Ap16INK4A')).toMatchObject({ symbol: 'CDKN2A', isoform: 'p16INK4A' });
  });

  it('keeps unknown symbols upper-case and says so', () => {
    expect(g.resolve('notagene1')).toEqual(expect.objectContaining({ symbol: 'NOTAGENE1', known: false, changed: false }));
    expect(g.resolve('')).toMatchObject({ symbol: '', known: false });
  });

  it('knows every IMPACT505 gene and the targets of every legacy name', () => {
    for (const s of IMPACT505_GENES) expect(g.resolve(s), s).toMatchObject({ symbol: s, known: true, changed: false });
    for (const s of Object.values(LEGACY_GENE_NAMES)) expect(g.isApproved(s), s).toBe(true);
  });

  it('resolves common report names', () => {
    expect(g.resolve('HER2').symbol).toBe('ERBB2');
    expect(g.resolve('PD-L1').symbol).toBe('CD274');
    expect(g.resolve('KRAS2')).toMatchObject({ symbol: 'KRAS', via: 'previous' });
  });

  it('previous symbol beats alias; several aliases prefer the cancer gene list', () => {
    const lookup = new MapGeneLookup(
      ['ALPHA1', 'KRAS', 'ZZZ9'],
      new Map([['OLDNAME', ['ALPHA1']]]),
      new Map([
        ['OLDNAME', ['ZZZ9']],
        ['SHARED', ['ZZZ9', 'KRAS']],
      ]),
      'test',
    );
    const r = new GeneResolver(lookup);
    expect(r.resolve('oldname')).toMatchObject({ symbol: 'ALPHA1', via: 'previous', ambiguity: { candidates: ['ALPHA1', 'ZZZ9'] } });
    expect(r.resolve('SHARED')).toMatchObject({ symbol: 'KRAS', via: 'alias', ambiguity: { candidates: ['KRAS', 'ZZZ9'] } });
  });

  it('never throws and always returns an upper-case or HGNC-cased symbol', () => {
    fc.assert(
      fc.property(fc.string(), (s) => {
        const r = g.resolve(s);
        expect(r.input).toBe(s);
        if (!r.known) expect(r.symbol).toBe(s.trim().toUpperCase());
      }),
      { numRuns: 2000 },
    );
  });
});

function panelGenes(file: string): string[] {
  const line = readFileSync(file, 'utf8').split(/\r?\n/).find((l) => l.startsWith('gene_list:')) ?? '';
  return line.replace(/^gene_list:\s*/, '').split('\t').map((s) => s.trim()).filter(Boolean);
}

describeWithSharedData('GeneResolver on real panels and MAF gene names', () => {
  const g = builtinGeneResolver();
  const current505 = new Set(panelGenes(sharedPath('knowledge/gene_panels/data_gene_panel_impact505.txt')));

  it('maps every IMPACT341/410/468 symbol to a known current symbol on the newer panel lists', () => {
    const mapped = new Map<string, string>();
    for (const p of ['341', '410', '468']) {
      for (const s of panelGenes(sharedPath(`knowledge/gene_panels/data_gene_panel_impact${p}.txt`))) {
        const r = g.resolve(s);
        expect(r.known, s).toBe(true);
        mapped.set(s, r.symbol);
      }
    }
    // The gnomeR/cBioPortal table gives the current symbol for each panel's genes.
    const table = readFileSync(sharedPath('knowledge/gene_panels/impact_panels_gnomeR_gene_panels.tsv'), 'utf8');
    const currentAll = new Set(table.split('\n').slice(1).map((l) => l.split('\t')[1]).filter(Boolean));
    for (const [old, now] of mapped) expect(currentAll.has(now) || current505.has(now), `${old} → ${now}`).toBe(true);
  });

  it('resolves every Hugo_Symbol in the crc_msk_2017 MAF', () => {
    const text = readFileSync(sharedPath('examples/crc_msk_2017/data_mutations_extended.txt'), 'utf8');
    const genes = new Set<string>();
    let header: string[] | undefined;
    for (const line of text.split('\n')) {
      if (!line || line.startsWith('#')) continue;
      const cols = line.split('\t');
      if (!header) {
        header = cols;
        continue;
      }
      genes.add(cols[0]!);
    }
    const unknown = [...genes].filter((s) => !g.resolve(s).known);
    expect(unknown).toEqual([]);
    expect(g.resolve('MLL2').symbol).toBe('KMT2D');
  });
});
