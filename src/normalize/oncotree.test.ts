import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ALL_LIQUID_TUMORS, ALL_SOLID_TUMORS, ALL_TUMORS } from '../domain/index.js';
import { OncoTree, builtinOncoTree, editDistance } from './oncotree.js';

describe('built-in OncoTree', () => {
  const t = builtinOncoTree();

  it('has every tissue under the right pseudo-node', () => {
    const tissues = t.children(ALL_SOLID_TUMORS).map((n) => n.code);
    expect(tissues).toHaveLength(30);
    expect(t.children(ALL_LIQUID_TUMORS).map((n) => n.code)).toEqual(['LYMPH', 'MYELOID']);
    expect(t.children(ALL_TUMORS).map((n) => n.code)).toEqual([ALL_LIQUID_TUMORS, ALL_SOLID_TUMORS]);
    for (const c of ['LUNG', 'BREAST', 'BOWEL', 'SKIN', 'OTHER']) expect(tissues).toContain(c);
  });

  it('holds the detailed types FDA biomarker indications name', () => {
    for (const c of [
      'NSCLC',
      'LUAD',
      'LUSC',
      'SCLC',
      'MEL',
      'SKCM',
      'ACRM',
      'UM',
      'COADREAD',
      'COAD',
      'READ',
      'BRCA',
      'IDC',
      'ILC',
      'GIST',
      'THPA',
      'THAP',
      'THME',
      'CHOL',
      'BLCA',
      'UTUC',
      'OVT',
      'HGSOC',
      'PRAD',
      'PAAD',
      'STAD',
      'ESCA',
      'GEJ',
      'EGC',
      'GB',
      'ASTR',
      'ODG',
      'DIFG',
      'AML',
      'BLL',
      'TLL',
      'CML',
      'CLLSLL',
      'MDS',
      'PCM',
      'SM',
      'MPN',
      'BPDCN',
      'HNSC',
      'CESC',
      'UCEC',
      'RCC',
      'CCRCC',
      'HCC',
      'IMT',
      'TGCT',
      'ECD',
      'LCH',
      'PHC',
      'PGNG',
      'PANET',
      'CUP',
    ]) {
      expect(t.get(c), c).toBeDefined();
    }
  });

  it('walks ancestors up to ALL_TUMORS', () => {
    expect(t.ancestors('LUAD')).toEqual(['LUAD', 'NSCLC', 'LUNG', ALL_SOLID_TUMORS, ALL_TUMORS]);
    expect(t.ancestors('aml')).toEqual(['AML', 'MNM', 'MYELOID', ALL_LIQUID_TUMORS, ALL_TUMORS]);
    expect(t.ancestors(ALL_SOLID_TUMORS)).toEqual([ALL_SOLID_TUMORS, ALL_TUMORS]);
    expect(t.ancestors('NOPE')).toEqual(['NOPE']);
    expect(t.isA('IDC', 'BREAST')).toBe(true);
    expect(t.isA('IDC', 'LUNG')).toBe(false);
    expect(t.isSolid('SKCM')).toBe(true);
    expect(t.isSolid('CML')).toBe(false);
    expect(t.isLiquid('PCM')).toBe(true);
    expect(t.get('LUAD')).toMatchObject({ tissue: 'Lung', level: 3, mainType: 'Non-Small Cell Lung Cancer' });
  });

  it.each([
    ['LUAD', 'LUAD', 'code'],
    ['luad', 'LUAD', 'code'],
    ['GBM', 'GB', 'retiredCode'],
    ['MM', 'PCM', 'retiredCode'],
    ['NSCLC', 'NSCLC', 'code'],
    ['non-small cell lung cancer', 'NSCLC', 'synonym'],
    ['Non-Small-Cell Lung Carcinoma', 'NSCLC', 'synonym'],
    ['lung adenocarcinoma', 'LUAD', 'synonym'],
    ['adenocarcinoma of the lung', 'LUAD', 'synonym'],
    ['colon cancer', 'COAD', 'synonym'],
    ['colorectal cancer', 'COADREAD', 'synonym'],
    ['CRC', 'COADREAD', 'synonym'],
    ['metastatic breast cancer', 'BRCA', 'synonym'],
    ['Stage IV colorectal cancer', 'COADREAD', 'synonym'],
    ['advanced, recurrent melanoma', 'MEL', 'synonym'],
    ['melanoma', 'MEL', 'synonym'],
    ['GIST', 'GIST', 'code'],
    ['glioblastoma', 'GB', 'synonym'],
    ['AML', 'AML', 'code'],
    ['Invasive Breast Carcinoma', 'BRCA', 'name'],
    ['Cutaneous Melanoma', 'SKCM', 'synonym'],
    ['Breast Invasive Ductal Carcinoma', 'IDC', 'name'],
    ['Gastrointestinal Stromal Tumor', 'GIST', 'synonym'],
    ['solid tumors', ALL_SOLID_TUMORS, 'synonym'],
  ] as const)('resolves %s → %s (%s)', (text, code, via) => {
    const r = t.resolve(text);
    expect(r.ref?.code).toBe(code);
    expect(r.via).toBe(via);
    if (via !== 'code') expect(r.ref?.input).toBe(text.trim());
  });

  it('offers suggestions instead of guessing', () => {
    expect(t.resolve('melanomma')).toEqual({ ref: null, suggestions: ['MEL'] });
    expect(t.resolve('LUADD').suggestions[0]).toBe('LUAD');
    expect(t.resolve('ALL')).toEqual({ ref: null, suggestions: ['BLL', 'TLL'] });
    expect(t.resolve('Hepatobiliary Cancer').ref).toBeNull();
    expect(t.resolve('Hepatobiliary Cancer').suggestions).toContain('HCC');
    expect(t.resolve('zzqx')).toEqual({ ref: null, suggestions: [] });
    expect(t.resolve('  ')).toEqual({ ref: null, suggestions: [] });
    // Without suggestions: the same references, no near-miss scan.
    expect(t.resolve('melanomma', { suggest: false })).toEqual({ ref: null, suggestions: [] });
    expect(t.resolve('Carcinoma, Renal Cell', { suggest: false }).ref).toEqual(
      t.resolve('Carcinoma, Renal Cell').ref,
    );
  });

  it('never throws on arbitrary text', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 60 }), (s) => {
        const r = t.resolve(s);
        if (r.ref) expect(t.get(r.ref.code)).toBeDefined();
        for (const c of r.suggestions) expect(t.get(c)).toBeDefined();
      }),
      { numRuns: 300 },
    );
  });
});

describe('OncoTree from nodes', () => {
  it('places tissues under the pseudo-nodes and keeps unknown parents out of ancestry loops', () => {
    const t = new OncoTree([
      { code: 'TISSUE', name: 'Tissue', parent: null },
      { code: 'LYMPH', name: 'Lymphoid', parent: 'TISSUE' },
      { code: 'SKIN', name: 'Skin', parent: 'TISSUE' },
      { code: 'MEL', name: 'Melanoma', mainType: 'Melanoma', parent: 'SKIN' },
    ]);
    expect(t.ancestors('MEL')).toEqual(['MEL', 'SKIN', ALL_SOLID_TUMORS, ALL_TUMORS]);
    expect(t.isLiquid('LYMPH')).toBe(true);
    expect(t.get('TISSUE')?.code).toBe(ALL_TUMORS);
  });
});

describe('editDistance', () => {
  it('is a metric on small strings', () => {
    expect(editDistance('kitten', 'sitting')).toBe(3);
    fc.assert(
      fc.property(fc.string({ maxLength: 8 }), fc.string({ maxLength: 8 }), (a, b) => {
        expect(editDistance(a, b)).toBe(editDistance(b, a));
        expect(editDistance(a, a)).toBe(0);
        expect(editDistance(a, b)).toBeLessThanOrEqual(Math.max(a.length, b.length));
      }),
    );
  });
});

describe('OncoTree with a broken hierarchy', () => {
  it('stops at parent cycles', () => {
    const t = new OncoTree([
      { code: 'A', name: 'A', parent: 'B' },
      { code: 'B', name: 'B', parent: 'A' },
      { code: 'C', name: 'C', parent: 'C' },
    ]);
    expect(t.ancestors('A')).toEqual(['A', 'B']);
    expect(t.ancestors('C')).toEqual(['C']);
    expect(t.isSolid('A')).toBe(false);
  });
});

describe('built-in OncoTree: shared main types', () => {
  it('does not guess one code for "Leukemia", which several myeloid types share; it suggests them', () => {
    const r = builtinOncoTree().resolve('Leukemia');
    expect(r.ref).toBeNull();
    expect(r.suggestions).toContain('AML');
    expect(r.suggestions.length).toBeGreaterThan(1);
  });
});
