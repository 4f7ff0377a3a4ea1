import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { describeWithSharedData, sharedPath } from '../../../test/shared-data.js';
import {
  allMappedCodes,
  mapCgiTumor,
  mapCivicDisease,
  mapDiseaseName,
  mapOncotreeCode,
  DOID_COUNT,
} from './disease-oncotree.js';

describe('disease → OncoTree', () => {
  it('maps CIViC diseases by DOID, then by name', () => {
    expect(mapCivicDisease('3908', 'whatever')).toEqual({ codes: ['NSCLC'], matchedBy: 'doid' });
    expect(mapCivicDisease('DOID:9256', '')).toEqual({ codes: ['COADREAD'], matchedBy: 'doid' });
    expect(mapCivicDisease('', 'Solid Tumor')).toEqual({ codes: ['ALL_SOLID_TUMORS'], matchedBy: 'name' });
    expect(mapCivicDisease('162', 'Cancer')?.codes).toEqual(['ALL_TUMORS']);
    expect(mapCivicDisease('', '  lung   ADENOCARCINOMA ')?.codes).toEqual(['LUAD']);
    expect(mapCivicDisease('0080650', '')?.codes).toEqual(['BLLBCRABL1L']);
    expect(mapCivicDisease('3852', 'Peutz-Jeghers Syndrome')).toBeNull();
    expect(DOID_COUNT).toBeGreaterThanOrEqual(80);
  });
  it('maps CGI acronyms and retired OncoTree codes', () => {
    expect(mapCgiTumor('COREAD')?.codes).toEqual(['COADREAD']);
    expect(mapCgiTumor('cancer')?.codes).toEqual(['ALL_TUMORS']);
    expect(mapCgiTumor('MPN')?.codes).toEqual(['MPNST']);
    expect(mapCgiTumor('XYZ')).toBeNull();
    expect(mapOncotreeCode('MM')?.codes).toEqual(['PCM']);
    expect(mapOncotreeCode('NSCLC', (c) => c === 'NSCLC')?.codes).toEqual(['NSCLC']);
    expect(mapOncotreeCode('NOPE', (c) => c === 'NSCLC')).toBeNull();
    expect(mapDiseaseName('Any solid tumor')?.codes).toEqual(['ALL_SOLID_TUMORS']);
  });
});

describeWithSharedData('disease mapping against OncoTree 2025-10-03', () => {
  it('only produces codes that exist in the release', () => {
    const codes = new Set(
      readFileSync(sharedPath('knowledge', 'oncotree', 'oncotree_2025_10_03.flat.tsv'), 'utf8')
        .split('\n')
        .slice(1)
        .map((l) => l.split('\t')[0]),
    );
    expect(allMappedCodes().filter((c) => !codes.has(c))).toEqual([]);
  });
});
