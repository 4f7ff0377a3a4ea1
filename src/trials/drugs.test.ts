import { describe, expect, it } from 'vitest';
import { findDrugs } from './drugs.js';

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
});
