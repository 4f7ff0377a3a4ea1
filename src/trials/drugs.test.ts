import { describe, expect, it } from 'vitest';
import { drugClassesOf, findDrugs } from './drugs.js';

describe('findDrugs', () => {
  it('finds words that start where a longer drug word starts', () => {
    // "trastuzumab" is a prefix of "trastuzumab deruxtecan"; the specific name wins.
    expect(findDrugs('trastuzumab deruxtecan after trastuzumab')).toEqual(['trastuzumab deruxtecan']);
    expect(findDrugs('nab-paclitaxel')).toEqual(['nab-paclitaxel']);
  });
  it('reads brand names and regimens', () => {
    expect(findDrugs('T-DXd or Enhertu')).toEqual(['trastuzumab deruxtecan']);
    expect(findDrugs('FOLFIRINOX then FOLFOX')).toEqual([
      'fluorouracil',
      'leucovorin',
      'oxaliplatin',
      'irinotecan',
    ]);
    expect(findDrugs('no drug here')).toEqual([]);
  });
  it('reads radioligands and radium-223 however the isotope is written', () => {
    const psma = 'lutetium lu 177 vipivotide tetraxetan';
    for (const t of [
      'Prior cycle of 177Lu-PSMA-617 therapy',
      'Lu-177 PSMA radioligand therapy',
      'lutetium Lu 177 vipivotide tetraxetan',
      '[177Lu]Lu-PSMA-617',
      'Pluvicto',
      'PSMA-617',
    ])
      expect(findDrugs(t)).toEqual([psma]);
    expect(findDrugs('[177Lu]Lu-DOTATATE or Lutathera')).toEqual(['lutetium lu 177 dotatate']);
    expect(findDrugs('radium-223, Ra 223 or Xofigo')).toEqual(['radium ra 223 dichloride']);
    // Another isotope on the same ligand, a PSMA scan, radium implants, a lab value: no drug.
    expect(findDrugs('[225Ac]Ac-PSMA-617')).toEqual([]);
    expect(findDrugs('PSMA PET positive disease')).toEqual([]);
    expect(findDrugs('Radium implants allowed')).toEqual([]);
    expect(findDrugs('Creatinine > 2.0 mg/dL (177 mmol/L)')).toEqual([]);
  });
  it('places radioligands, radium-223 and BTK inhibitors in their classes', () => {
    expect(drugClassesOf('lutetium lu 177 vipivotide tetraxetan')).toEqual([
      'radioligand',
      'radiopharmaceutical',
    ]);
    expect(drugClassesOf('radium ra 223 dichloride')).toEqual(['radiopharmaceutical']);
    expect(drugClassesOf('zanubrutinib')).toEqual(['btk_inhibitor']);
  });
  it('names drugs for the degrader, anti-TGF-β and anti-CLDN18.2 classes', () => {
    expect(findDrugs('NX-2127, NX-5948 or BGB-16673')).toEqual([
      'nx-2127',
      'bexobrutideg',
      'catadegbrutinib',
    ]);
    for (const d of ['nx-2127', 'bexobrutideg', 'catadegbrutinib'])
      expect(drugClassesOf(d)).toEqual(['btk_degrader']);
    expect(findDrugs('CC-90009 or MRT-2359')).toEqual(['mrt-2359', 'eragidomide']);
    expect(drugClassesOf('eragidomide')).toEqual(['gspt1_degrader']);
    // A BTK degrader is no BTK inhibitor, and the reverse.
    expect(drugClassesOf('pirtobrutinib')).toEqual(['btk_inhibitor']);
    // The PD-L1 / TGF-β receptor trap fusions are in both classes.
    expect(findDrugs('bintrafusp alfa (M7824)')).toEqual(['bintrafusp alfa']);
    expect(drugClassesOf('bintrafusp alfa')).toEqual(['pd1_pdl1', 'tgfb_inhibitor']);
    expect(drugClassesOf('galunisertib')).toEqual(['tgfb_inhibitor']);
    expect(findDrugs('Vyloy (zolbetuximab)')).toEqual(['zolbetuximab']);
    expect(drugClassesOf('zolbetuximab')).toEqual(['anti_cldn18_2']);
    // The marker alone names no drug.
    expect(findDrugs('CLDN18.2-positive, TGF-β high')).toEqual([]);
  });
});
