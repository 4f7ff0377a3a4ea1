import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { LEVELS } from '../../domain/index.js';
import { cgiLevel, civicAssertionLevel, civicEvidenceLevel, moalmanacLevel } from './levels.js';

describe('source level mapping', () => {
  it('maps CIViC evidence levels', () => {
    expect(civicEvidenceLevel('A', 'sensitivity')).toEqual({ level: '2' });
    expect(civicEvidenceLevel('B', 'sensitivity')).toEqual({ level: '3A' });
    expect(civicEvidenceLevel('C', 'sensitivity')).toEqual({ level: '4' });
    expect(civicEvidenceLevel('d', 'sensitivity')).toEqual({ level: '4' });
    expect(civicEvidenceLevel('A', 'resistance')).toEqual({ level: 'R1' });
    expect(civicEvidenceLevel('C', 'resistance')).toEqual({ level: 'R2' });
    expect(civicEvidenceLevel('D', 'resistance')).toEqual({ skip: 'resistance-preclinical' });
    expect(civicEvidenceLevel('Z', 'sensitivity')).toEqual({ skip: 'unknown-level' });
  });
  it('maps CIViC assertions by AMP tier and approval', () => {
    expect(civicAssertionLevel('Tier I - Level A', true, 'sensitivity')).toEqual({ level: '1' });
    expect(civicAssertionLevel('Tier I - Level A', false, 'sensitivity')).toEqual({ level: '2' });
    expect(civicAssertionLevel('Tier I - Level B', false, 'sensitivity')).toEqual({ level: '3A' });
    expect(civicAssertionLevel('Tier II - Level C', false, 'sensitivity')).toEqual({ level: '3B' });
    expect(civicAssertionLevel('Tier II - Level D', false, 'sensitivity')).toEqual({ level: '4' });
    expect(civicAssertionLevel('Tier I - Level A', true, 'resistance')).toEqual({ level: 'R1' });
    expect(civicAssertionLevel('', true, 'sensitivity')).toEqual({ skip: 'assertion-without-amp-tier' });
  });
  it('maps MOAlmanac implications', () => {
    expect(moalmanacLevel('FDA-Approved', 'sensitivity')).toEqual({ level: '1' });
    expect(moalmanacLevel('Guideline', 'sensitivity')).toEqual({ level: '2' });
    expect(moalmanacLevel('Clinical trial', 'sensitivity')).toEqual({ level: '3A' });
    expect(moalmanacLevel('clinical evidence', 'sensitivity')).toEqual({ level: '3A' });
    expect(moalmanacLevel('Preclinical', 'sensitivity')).toEqual({ level: '4' });
    expect(moalmanacLevel('Inferential', 'sensitivity')).toEqual({ level: '4' });
    expect(moalmanacLevel('FDA-Approved', 'resistance')).toEqual({ level: 'R1' });
    expect(moalmanacLevel('Preclinical', 'resistance')).toEqual({ skip: 'resistance-preclinical' });
  });
  it('maps CGI labels, combined labels to the strongest part', () => {
    expect(cgiLevel('FDA guidelines', 'sensitivity')).toEqual({ level: '1' });
    expect(cgiLevel('NCCN guidelines', 'sensitivity')).toEqual({ level: '2' });
    expect(cgiLevel('European LeukemiaNet guidelines', 'resistance')).toEqual({ level: 'R1' });
    expect(cgiLevel('Late trials,Pre-clinical', 'sensitivity')).toEqual({ level: '3A' });
    expect(cgiLevel('Early Trials,Case Report', 'sensitivity')).toEqual({ level: '3A' });
    expect(cgiLevel('Case report', 'sensitivity')).toEqual({ level: '4' });
    expect(cgiLevel('Pre-clinical', 'resistance')).toEqual({ skip: 'resistance-preclinical' });
    expect(cgiLevel('CPIC guidelines', 'sensitivity')).toEqual({ skip: 'pharmacogenomic' });
    expect(cgiLevel('Rumour', 'sensitivity')).toEqual({ skip: 'unknown-level' });
    // Object.prototype's keys are not labels (found by the property test below: "__proto__").
    for (const label of ['__proto__', 'constructor', 'toString', 'hasOwnProperty'])
      expect(cgiLevel(label, 'sensitivity')).toEqual({ skip: 'unknown-level' });
  });
  it('always yields a level of the right scale or a skip (property)', () => {
    fc.assert(
      fc.property(
        fc.string(),
        fc.constantFrom('sensitivity' as const, 'resistance' as const),
        (label, effect) => {
          for (const r of [
            cgiLevel(label, effect),
            moalmanacLevel(label, effect),
            civicEvidenceLevel(label, effect),
            civicAssertionLevel(label, true, effect),
          ]) {
            if ('level' in r) {
              expect(LEVELS).toContain(r.level);
              expect(r.level.startsWith('R')).toBe(effect === 'resistance');
            }
          }
        },
      ),
    );
  });
});
