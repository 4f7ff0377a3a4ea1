import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Criterion } from '../domain/index.js';
import { cleanCriterionText, splitEligibility } from './eligibility/split.js';
import { compactCriteria, expandCriteria, storedParsed } from './rows.js';

const roundTrip = (cs: Criterion[], text: string): Criterion[] =>
  expandCriteria(JSON.parse(JSON.stringify(compactCriteria(cs, text))), text);

describe('stored criteria', () => {
  const eligibility = [
    'Inclusion Criteria:',
    '',
    '  - Histologically confirmed non-small cell lung cancer with an EGFR exon 19 deletion',
    '    or L858R mutation',
    '  - ECOG performance status 0-1',
    '',
    'Exclusion Criteria:',
    '',
    '  - Untreated brain metastases \\(treated, stable lesions allowed\\)',
  ].join('\n');

  it('round-trips what the splitter makes, storing wrapped texts as a flag', () => {
    const cs = splitEligibility(eligibility).map((c, i) => ({
      ...c,
      parsed: i === 0 ? [{ category: 'cancer_type', codes: ['NSCLC'] }] : [],
    })) as Criterion[];
    expect(cs.length).toBe(3);
    const stored = compactCriteria(cs, eligibility);
    // The wrapped first item and the escaped third are cleaned texts: stored as 1, not as text.
    expect(JSON.stringify(stored)).not.toContain('Histologically');
    expect(stored[0]![5]).toBe(1);
    expect(stored[1]).toEqual([0, cs[1]!.span![0], cs[1]!.span![1]]);
    expect(stored[2]!.slice(0, 3)).toEqual([1, cs[2]!.span![0], cs[2]!.span![1]]);
    expect(roundTrip(cs, eligibility)).toEqual(cs);
    expect(stored.map(storedParsed)).toEqual([true, false, false]);
  });

  it('keeps a text that is neither the span nor its cleaned form, sections, parents and missing spans', () => {
    const text = 'PATIENT CHARACTERISTICS:  Age: 18 and over\nPerformance status: ECOG 0-2';
    const cs: Criterion[] = [
      {
        type: 'inclusion',
        text: 'Age: 18 and over',
        span: [26, 42],
        section: 'PATIENT CHARACTERISTICS',
        parsed: [],
      },
      {
        type: 'inclusion',
        text: 'ECOG 0 to 2',
        span: [43, 72],
        parent: 0,
        parsed: [{ category: 'performance' }],
      },
      { type: 'exclusion', text: 'Written without a span', parsed: [] },
    ];
    expect(roundTrip(cs, text)).toEqual(cs);
    // The section after an omitted text keeps its place (the text is written as null).
    expect(compactCriteria(cs, text)[0]).toEqual([0, 26, 42, -1, 0, undefined, 'PATIENT CHARACTERISTICS']);
    expect(JSON.stringify(compactCriteria(cs, text)[0])).toBe(
      '[0,26,42,-1,0,null,"PATIENT CHARACTERISTICS"]',
    );
  });

  it('still reads rows in the earlier one-object-per-criterion layout', () => {
    const text = 'Inclusion Criteria:\n- ECOG 0-1\n- Age 18 or older';
    const old = [
      { type: 'inclusion', span: [22, 30], parsed: [{ category: 'performance' }] },
      { type: 'inclusion', text: 'Age 18 or older', span: [33, 48], parent: 0, parsed: [] },
    ];
    expect(expandCriteria(JSON.parse(JSON.stringify(old)), text)).toEqual([
      { type: 'inclusion', text: 'ECOG 0-1', span: [22, 30], parsed: [{ category: 'performance' }] },
      { type: 'inclusion', text: 'Age 18 or older', span: [33, 48], parent: 0, parsed: [] },
    ]);
    expect(old.map((c) => storedParsed(c as never))).toEqual([true, false]);
  });

  it('round-trips any criteria over any text (property)', () => {
    const word = fc.constantFrom('ECOG', '0-1', 'EGFR', 'no', '\\(', 'brain', '  ', '\n', '\r\n', 'x', ' ');
    const doc = fc.array(word, { maxLength: 40 }).map((w) => w.join(''));
    fc.assert(
      fc.property(
        doc,
        fc.array(
          fc.record({
            exclusion: fc.boolean(),
            a: fc.nat(),
            b: fc.nat(),
            textKind: fc.constantFrom('span', 'clean', 'own', 'nospan'),
            own: fc.string(),
            parent: fc.option(fc.nat(30), { nil: undefined }),
            section: fc.option(fc.string(), { nil: undefined }),
            parsed: fc.array(fc.record({ category: fc.string(), n: fc.integer() }), { maxLength: 2 }),
          }),
          { maxLength: 12 },
        ),
        (text, specs) => {
          const cs: Criterion[] = specs.map((x) => {
            const s = Math.min(x.a, x.b) % (text.length + 1);
            const e = Math.max(s, Math.max(x.a, x.b) % (text.length + 1));
            const at = text.slice(s, e);
            const c = {
              type: x.exclusion ? 'exclusion' : 'inclusion',
              text: x.textKind === 'span' ? at : x.textKind === 'clean' ? cleanCriterionText(at) : x.own,
            } as Criterion;
            if (x.textKind !== 'nospan') c.span = [s, e];
            if (x.parent !== undefined) c.parent = x.parent;
            if (x.section !== undefined) c.section = x.section;
            c.parsed = x.parsed;
            return c;
          });
          expect(roundTrip(cs, text)).toEqual(cs);
        },
      ),
    );
  });
});
