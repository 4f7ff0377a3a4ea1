import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PriorTherapySchema } from '../domain/index.js';
import { drugForm } from '../explain/drugs.js';
import { normalizeDrug } from '../trials/drugs.js';
import { parseSimpleXml } from '../trials/fast-xml.js';
import { drugsFromText, normalizeDrugName, normalizeTherapy, regimenDrugs } from './therapy.js';

describe('therapy names', () => {
  it('maps brand names and abbreviations to generic lower-case names', () => {
    expect(normalizeDrugName('Tagrisso')).toBe('osimertinib');
    expect(normalizeDrugName('KEYTRUDA')).toBe('pembrolizumab');
    expect(normalizeDrugName('5-FU')).toBe('fluorouracil');
    expect(normalizeDrugName('T-DXd')).toBe('trastuzumab deruxtecan');
    expect(normalizeDrugName('Osimertinib')).toBe('osimertinib');
    expect(normalizeDrugName('wonderdrug')).toBeNull();
  });

  it("never answers with Object.prototype's members for words like constructor or __proto__", () => {
    for (const w of ['constructor', '__proto__', 'toString', 'valueOf'])
      expect(normalizeDrugName(w)).toBeNull();
    expect(normalizeDrug('constructor')).toBeNull();
    expect(drugForm('constructor')).toBeUndefined();
    expect(parseSimpleXml('<a>x &constructor; y</a>', () => false)).toBeUndefined();
  });

  it('expands regimen acronyms', () => {
    expect(regimenDrugs('FOLFOX')).toEqual(['fluorouracil', 'leucovorin', 'oxaliplatin']);
    expect(regimenDrugs('mFOLFOX6')).toEqual(['fluorouracil', 'leucovorin', 'oxaliplatin']);
    expect(regimenDrugs('R-CHOP')).toEqual([
      'rituximab',
      'cyclophosphamide',
      'doxorubicin',
      'vincristine',
      'prednisone',
    ]);
    expect(regimenDrugs('CAPOX')).toEqual(['capecitabine', 'oxaliplatin']);
  });

  it('splits combinations and expands regimens inside them', () => {
    expect(drugsFromText('FOLFOX + bevacizumab').drugs).toEqual([
      'fluorouracil',
      'leucovorin',
      'oxaliplatin',
      'bevacizumab',
    ]);
    expect(drugsFromText('Opdivo/Yervoy').drugs).toEqual(['nivolumab', 'ipilimumab']);
    expect(drugsFromText('carboplatin, pemetrexed and pembrolizumab').drugs).toEqual([
      'carboplatin',
      'pemetrexed',
      'pembrolizumab',
    ]);
  });

  it('types non-drug therapies and reports unknown drug words', () => {
    expect(normalizeTherapy('stereotactic radiosurgery').therapy).toMatchObject({
      drugs: [],
      type: 'radiation',
    });
    expect(normalizeTherapy('liver resection').therapy).toMatchObject({ drugs: [], type: 'surgery' });
    expect(normalizeTherapy('Y-90 radioembolization').therapy.type).toBe('radiation');
    const r = normalizeTherapy('wonderdrug');
    expect(r.therapy.drugs).toEqual(['wonderdrug']);
    expect(r.issues.map((i) => i.code)).toEqual(['therapy.unknown-drug']);
  });

  it('fills drugs of a therapy object from its name and keeps its fields', () => {
    const r = normalizeTherapy({ name: 'FOLFIRI', line: 2, response: 'PD' });
    expect(r.therapy).toMatchObject({
      drugs: ['fluorouracil', 'leucovorin', 'irinotecan'],
      line: 2,
      response: 'PD',
      progressed: true,
      type: 'systemic',
    });
    expect(normalizeTherapy({ drugs: ['Tagrisso'] }).therapy.drugs).toEqual(['osimertinib']);
  });

  it('reads line, setting and response words in a typed therapy', () => {
    expect(normalizeTherapy('2L FOLFIRI, progressed').therapy).toMatchObject({
      drugs: ['fluorouracil', 'leucovorin', 'irinotecan'],
      line: 2,
      response: 'PD',
      progressed: true,
      name: '2L FOLFIRI, progressed',
    });
    expect(normalizeTherapy('adjuvant FOLFOX').therapy).toMatchObject({
      setting: 'adjuvant',
      drugs: ['fluorouracil', 'leucovorin', 'oxaliplatin'],
    });
    expect(normalizeTherapy('first-line osimertinib (PR)').therapy).toMatchObject({
      line: 1,
      response: 'PR',
      drugs: ['osimertinib'],
    });
    expect(normalizeTherapy('SRS to brain').therapy).toMatchObject({ type: 'radiation', drugs: [] });
    expect(normalizeTherapy('SRS to brain').issues).toEqual([]);
    expect(normalizeTherapy('chemoradiation with capecitabine').therapy.drugs).toEqual(['capecitabine']);
    expect(normalizeTherapy('osimertinib').issues).toEqual([]);
  });

  it('never throws and returns schema-valid therapies (property)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme' }), (s) => {
        expect(PriorTherapySchema.safeParse(normalizeTherapy(s).therapy).success).toBe(true);
      }),
      { numRuns: 1000 },
    );
  });
});
