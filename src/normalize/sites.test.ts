import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MetastaticSiteSchema } from '../domain/index.js';
import { resolveSite, resolveSites } from './sites.js';

describe('resolveSite', () => {
  it.each([
    ['brain', 'brain'],
    ['Brain mets', 'brain'],
    ['CNS', 'brain'],
    ['cerebral metastases', 'brain'],
    ['leptomeningeal disease', 'leptomeninges'],
    ['spinal cord', 'spinal_cord'],
    ['Epidural', 'spinal_cord'],
    ['spine', 'bone'],
    ['osseous', 'bone'],
    ['skeletal metastases', 'bone'],
    ['Liver', 'liver'],
    ['hepatic lesions', 'liver'],
    ['pulmonary nodules', 'lung'],
    ['Lung', 'lung'],
    ['Pleural Fluid', 'pleura'],
    ['pleural effusion', 'pleura'],
    ['Lymph Node', 'lymph_node'],
    ['LN', 'lymph_node'],
    ['nodal', 'lymph_node'],
    ['Adrenal Gland', 'adrenal'],
    ['Omentum', 'peritoneum'],
    ['peritoneal carcinomatosis', 'peritoneum'],
    ['Skin', 'skin'],
    ['cutaneous', 'skin'],
    ['In-transit', 'skin'],
    ['Soft Tissue', 'soft_tissue'],
    ['Ovary', 'ovary'],
    ['kidney', 'kidney'],
    ['Pancreas', 'pancreas'],
    ['Small Bowel', 'bowel'],
  ])('%s → %s', (text, site) => {
    expect(resolveSite(text)?.site).toBe(site);
  });

  it('keeps unknown places as "other" with the text, and returns null for no site', () => {
    expect(resolveSite('Chest Wall')).toEqual({ site: 'other', status: 'unknown', text: 'Chest Wall' });
    for (const t of [
      '',
      'NA',
      'Not Applicable',
      'none',
      'unknown',
      'no brain metastases',
      'negative for liver lesions',
    ])
      expect(resolveSite(t), t).toBeNull();
  });

  it.each([
    ['treated brain metastases', 'treated'],
    ['brain mets s/p SRS', 'treated'],
    ['brain metastases, treated and stable', 'stable'],
    ['stable brain mets', 'stable'],
    ['untreated brain metastases', 'untreated'],
    ['active brain metastases', 'active'],
    ['progressing liver lesions', 'progressing'],
    ['brain', 'unknown'],
  ])('status of "%s" is %s', (text, status) => {
    expect(resolveSite(text)?.status).toBe(status);
  });

  it('splits lists and folds duplicates', () => {
    expect(resolveSites('Liver, Lung, Lymph Nodes').map((s) => s.site)).toEqual([
      'liver',
      'lung',
      'lymph_node',
    ]);
    expect(resolveSites('brain and liver; brain').map((s) => s.site)).toEqual(['brain', 'liver']);
  });

  it('never throws and returns schema-valid sites (property)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme' }), (s) => {
        const r = resolveSite(s);
        if (r !== null) expect(MetastaticSiteSchema.safeParse(r).success).toBe(true);
        for (const x of resolveSites(s)) expect(MetastaticSiteSchema.safeParse(x).success).toBe(true);
      }),
      { numRuns: 1000 },
    );
  });
});
