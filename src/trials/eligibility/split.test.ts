import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cleanCriterionText, cleansTo, splitEligibility } from './split.js';

describe('splitEligibility', () => {
  it('splits API v2 markdown bullets into inclusion and exclusion criteria with spans', () => {
    const raw =
      'Inclusion Criteria:\n\n* Age ≥ 18 years\n* ECOG 0-1\n\nExclusion Criteria:\n\n* Active brain metastases\n* Pregnant';
    const cs = splitEligibility(raw);
    expect(cs.map((c) => [c.type, c.text])).toEqual([
      ['inclusion', 'Age ≥ 18 years'],
      ['inclusion', 'ECOG 0-1'],
      ['exclusion', 'Active brain metastases'],
      ['exclusion', 'Pregnant'],
    ]);
    for (const c of cs) expect(raw.slice(c.span[0], c.span[1])).toBe(c.text);
  });

  it('nests indented bullets under their parent item', () => {
    const raw =
      'Inclusion Criteria:\n\n* Adequate organ function:\n  * ANC ≥ 1.5 x 10^9/L\n  * Platelets ≥ 100 x 10^9/L\n* ECOG 0-1';
    const cs = splitEligibility(raw);
    expect(cs.map((c) => c.text)).toEqual([
      'Adequate organ function:',
      'ANC ≥ 1.5 x 10^9/L',
      'Platelets ≥ 100 x 10^9/L',
      'ECOG 0-1',
    ]);
    expect(cs[1]!.parent).toBe(0);
    expect(cs[2]!.parent).toBe(0);
    expect(cs[3]!.parent).toBeUndefined();
  });

  it('reads numbered legacy XML items wrapped over indented lines', () => {
    const raw = `Inclusion Criteria:

          1. Patients with CD20 positive diffuse large B-cell lymphoma as confirmed by a
             pathological biopsy report.

          2. Age ≥ 18 years and age ≤ 70

        Exclusion Criteria:

          1. Creatinine > 2.0 mg/dl.`;
    const cs = splitEligibility(raw);
    expect(cs.map((c) => [c.type, c.text])).toEqual([
      [
        'inclusion',
        'Patients with CD20 positive diffuse large B-cell lymphoma as confirmed by a pathological biopsy report.',
      ],
      ['inclusion', 'Age ≥ 18 years and age ≤ 70'],
      ['exclusion', 'Creatinine > 2.0 mg/dl.'],
    ]);
  });

  it('splits the PDQ run-on layout at sub-labels and sentence starts', () => {
    const raw = `DISEASE CHARACTERISTICS: Histologically proven stage III or IV melanoma No active brain metastases

        PATIENT CHARACTERISTICS: Age: 18 and over Performance status: ECOG 0-1 Life
        expectancy: At least 12 weeks Hepatic: Bilirubin no greater than 1.5 mg/dL

        PRIOR CONCURRENT THERAPY: Chemotherapy: No prior chemotherapy`;
    const cs = splitEligibility(raw);
    expect(cs.map((c) => c.text)).toEqual([
      'Histologically proven stage III or IV melanoma',
      'No active brain metastases',
      'Age: 18 and over',
      'Performance status: ECOG 0-1',
      'Life expectancy: At least 12 weeks',
      'Hepatic: Bilirubin no greater than 1.5 mg/dL',
      'Chemotherapy: No prior chemotherapy',
    ]);
    expect(cs.every((c) => c.type === 'inclusion')).toBe(true);
    expect(cs[2]!.section).toBe('PATIENT CHARACTERISTICS');
    expect(cs[6]!.section).toBe('PRIOR CONCURRENT THERAPY');
  });

  it('reads PDQ headings with bullets and nested bullets', () => {
    const raw = `DISEASE CHARACTERISTICS:

          -  Diagnosis of colorectal cancer

               -  Disease metastatic to the liver

        PATIENT CHARACTERISTICS:

          -  Not pregnant`;
    const cs = splitEligibility(raw);
    expect(cs.map((c) => c.text)).toEqual([
      'Diagnosis of colorectal cancer',
      'Disease metastatic to the liver',
      'Not pregnant',
    ]);
    expect(cs[1]!.parent).toBe(0);
  });

  it('accepts headings with qualifiers and inline text, and drops empty items', () => {
    const raw =
      'Key Inclusion Criteria for Cohort A:\n- Measurable disease\nExclusion criteria: Prior PD-1 therapy\n\nInclusion Criteria:\n\nNil';
    const cs = splitEligibility(raw);
    expect(cs.map((c) => [c.type, c.text])).toEqual([
      ['inclusion', 'Measurable disease'],
      ['exclusion', 'Prior PD-1 therapy'],
    ]);
  });

  it('unescapes the registry markdown escapes', () => {
    expect(cleanCriterionText('Bilirubin \\<= 1.5 x ULN \\[or 3 x ULN\\]')).toBe(
      'Bilirubin <= 1.5 x ULN [or 3 x ULN]',
    );
  });

  it('property: cleaning equals the plain three-pass definition (unescape, drop CR, collapse spaces)', () => {
    const reference = (x: string): string =>
      x
        .replace(/\\([<>[\]*_~^=+\-#.()])/g, '$1')
        .replace(/&#xD;|\r/g, '')
        .replace(/\s+/g, ' ')
        .trim();
    const text = fc
      .array(fc.constantFrom('a', ' ', '\\', '<', '#', '&#xD;', '\r', '\n', '&', 'x', 'D', ';', '\t', '['), {
        maxLength: 40,
      })
      .map((parts) => parts.join(''));
    fc.assert(fc.property(fc.oneof(text, fc.string()), (x) => cleanCriterionText(x) === reference(x)));
  });

  it('property: never throws; spans are ordered, in bounds, and hold the criterion text', () => {
    const piece = fc.oneof(
      fc.constantFrom(
        'Inclusion Criteria:',
        'Exclusion Criteria:',
        'DISEASE CHARACTERISTICS:',
        '* ',
        '  - ',
        '1. ',
        '(a) ',
        '\n',
        '\n\n',
        'No prior therapy ',
        'Age: 18 and over ',
        'ECOG 0-1',
      ),
      fc.string({ maxLength: 30 }),
    );
    fc.assert(
      fc.property(
        fc.array(piece, { maxLength: 40 }).map((a) => a.join('')),
        (raw) => {
          const cs = splitEligibility(raw);
          let last = -1;
          for (const c of cs) {
            expect(c.span[0]).toBeGreaterThanOrEqual(0);
            expect(c.span[1]).toBeLessThanOrEqual(raw.length);
            expect(c.span[0]).toBeGreaterThanOrEqual(last);
            last = c.span[1];
            expect(c.text).toBe(cleanCriterionText(raw.slice(c.span[0], c.span[1])));
            expect(c.text.length).toBeGreaterThan(0);
            if (c.parent !== undefined) expect(c.parent).toBeLessThan(cs.indexOf(c));
          }
        },
      ),
      { numRuns: 300 },
    );
  });

  it('cleansTo(raw, text) says whether cleanCriterionText(raw) is text, without building it (property)', () => {
    const piece = fc.constantFrom(
      'a',
      'B',
      '1',
      ' ',
      '  ',
      '\n',
      '\t',
      '\r',
      '\r\n',
      '\u00a0',
      '\u2003',
      '\ufeff',
      '\\',
      '\\(',
      '(',
      '&#xD;',
      '&',
      '#',
      'x',
    );
    const raw = fc.array(piece, { maxLength: 24 }).map((p) => p.join(''));
    fc.assert(
      fc.property(raw, fc.oneof(raw, fc.constant(null)), fc.nat(30), (r, other, cut) => {
        const clean = cleanCriterionText(r);
        // The cleaned text itself, a near miss (one character less or more), and an unrelated text.
        for (const t of [clean, clean.slice(0, cut), clean + ' ', other ?? clean.replace(' ', '  ')])
          expect(cleansTo(r, t)).toBe(clean === t);
      }),
      { numRuns: 2000 },
    );
  });
});
