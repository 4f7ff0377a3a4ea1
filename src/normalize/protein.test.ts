import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AA1_TO_3, normalizeProteinChange, toThreeLetter, type ProteinChange } from './protein.js';

const canon = (t: string): string | null => normalizeProteinChange(t)?.canonical ?? null;

describe('normalizeProteinChange — examples', () => {
  it.each([
    ['p.V600E', 'V600E', 'missense'],
    ['p.Val600Glu', 'V600E', 'missense'],
    ['p.(Val600Glu)', 'V600E', 'missense'],
    ['V600E', 'V600E', 'missense'],
    ['v600e', 'V600E', 'missense'],
    ['VAL600GLU', 'V600E', 'missense'],
    ['NP_004324.2:p.Val600Glu', 'V600E', 'missense'],
    ['R248X', 'R248*', 'nonsense'],
    ['p.Arg248Ter', 'R248*', 'nonsense'],
    ['p.R248*', 'R248*', 'nonsense'],
    ['R123fs', 'R123fs', 'frameshift'],
    ['R123Gfs*4', 'R123Gfs*4', 'frameshift'],
    ['p.Arg123GlyfsTer4', 'R123Gfs*4', 'frameshift'],
    ['R248QfsX7', 'R248Qfs*7', 'frameshift'],
    ['p.Arg248GlnfsTer?', 'R248Qfs*?', 'frameshift'],
    ['E746_A750del', 'E746_A750del', 'deletion'],
    ['p.Glu746_Ala750del', 'E746_A750del', 'deletion'],
    ['E746_A750delELREA', 'E746_A750del', 'deletion'],
    ['E746_A750DEL', 'E746_A750del', 'deletion'],
    ['p.E746del', 'E746del', 'deletion'],
    ['E746_T751delinsA', 'E746_T751delinsA', 'delins'],
    ['p.Glu746_Thr751delinsAla', 'E746_T751delinsA', 'delins'],
    ['E746_T751delELREATinsA', 'E746_T751delinsA', 'delins'],
    ['V600delinsYM', 'V600delinsYM', 'delins'],
    ['D770_N771insSVD', 'D770_N771insSVD', 'insertion'],
    ['p.Asp770_Asn771insSerValAsp', 'D770_N771insSVD', 'insertion'],
    ['D770_N771ins3', 'D770_N771ins3', 'insertion'],
    ['A767_V769dup', 'A767_V769dup', 'duplication'],
    ['p.Ser768dup', 'S768dup', 'duplication'],
    ['*110Qext*17', '*110Qext*17', 'extension'],
    ['p.Ter110GlnextTer17', '*110Qext*17', 'extension'],
    ['p.*757Kext*36', '*757Kext*36', 'extension'],
    ['*110Q', '*110Qext*?', 'extension'],
    ['p.Met1ext-5', 'M1ext-5', 'extension'],
    ['X123_splice', 'X123_splice', 'splice'],
    ['p.X123_splice', 'X123_splice', 'splice'],
    ['X1010splice', 'X1010_splice', 'splice'],
    ['p.=', '=', 'synonymous'],
    ['V600=', 'V600=', 'synonymous'],
    ['p.Val600=', 'V600=', 'synonymous'],
    ['V600V', 'V600=', 'synonymous'],
    ['p.?', '?', 'unknown'],
    ['M1?', 'M1?', 'startLost'],
    ['p.Met1?', 'M1?', 'startLost'],
    ['p.M1I', 'M1I', 'startLost'],
  ] as const)('%s → %s (%s)', (input, canonical, type) => {
    const r = normalizeProteinChange(input);
    expect(r?.canonical).toBe(canonical);
    expect(r?.type).toBe(type);
  });

  it('returns positions and residues', () => {
    expect(normalizeProteinChange('p.Glu746_Thr751delinsAla')).toEqual({ canonical: 'E746_T751delinsA', type: 'delins', start: 746, end: 751, refAa: 'E', altAa: 'A' });
    expect(normalizeProteinChange('p.R248Qfs*7')).toMatchObject({ start: 248, end: 248, refAa: 'R', altAa: 'Q' });
    expect(normalizeProteinChange('X355_splice')).toMatchObject({ start: 355, end: 355 });
  });

  it('rejects text that is not a protein change', () => {
    for (const t of ['', '   ', 'p.', 'foo', 'BRAF', 'c.1799T>A', 'V0E', 'E750_A746del', 'V600', 'p.(V600E', 'V600_K601E', 'A750ins', 'R248Q extra']) {
      expect(canon(t), t).toBeNull();
    }
  });

  it('keeps a one-letter upper-case sequence that spells a three-letter code', () => {
    expect(canon('D770_N771insGLY')).toBe('D770_N771insGLY');
  });

  it('renders three-letter HGVS', () => {
    expect(toThreeLetter(normalizeProteinChange('R248Qfs*7')!)).toBe('p.Arg248GlnfsTer7');
    expect(toThreeLetter(normalizeProteinChange('X12_splice')!)).toBe('p.X12_splice');
  });
});

// ---- property tests: structured change → rendered in 1- and 3-letter HGVS → same canonical ----

const RESIDUES = Object.keys(AA1_TO_3).filter((a) => a !== '*' && a !== 'U' && a !== 'O');
const aa = fc.constantFrom(...RESIDUES);
const pos = fc.integer({ min: 2, max: 5000 });
const seq = fc.array(aa, { minLength: 1, maxLength: 8 }).map((a) => a.join(''));

interface Spec {
  expected: string;
  one: string;
  three: string;
}
const t3 = (s: string): string => [...s].map((c) => AA1_TO_3[c]!).join('');
const range = (r1: string, p1: number, r2: string, p2: number, three: boolean): string =>
  three ? `${t3(r1)}${p1}_${t3(r2)}${p2}` : `${r1}${p1}_${r2}${p2}`;

const spec: fc.Arbitrary<Spec> = fc.oneof(
  fc.tuple(aa, pos, aa).filter(([r, , a]) => r !== a).map(([r, p, a]) => ({ expected: `${r}${p}${a}`, one: `${r}${p}${a}`, three: `${t3(r)}${p}${t3(a)}` })),
  fc.tuple(aa, pos).map(([r, p]) => ({ expected: `${r}${p}*`, one: `${r}${p}*`, three: `${t3(r)}${p}Ter` })),
  fc.tuple(aa, pos).map(([r, p]) => ({ expected: `${r}${p}=`, one: `${r}${p}=`, three: `${t3(r)}${p}=` })),
  fc.tuple(aa, pos, aa, fc.integer({ min: 1, max: 300 })).map(([r, p, a, n]) => ({ expected: `${r}${p}${a}fs*${n}`, one: `${r}${p}${a}fs*${n}`, three: `${t3(r)}${p}${t3(a)}fsTer${n}` })),
  fc.tuple(aa, pos).map(([r, p]) => ({ expected: `${r}${p}fs`, one: `${r}${p}fs`, three: `${t3(r)}${p}fs` })),
  fc.tuple(aa, pos, aa, fc.integer({ min: 1, max: 40 })).map(([r1, p, r2, len]) => ({
    expected: `${range(r1, p, r2, p + len, false)}del`,
    one: `${range(r1, p, r2, p + len, false)}del`,
    three: `${range(r1, p, r2, p + len, true)}del`,
  })),
  fc.tuple(aa, pos).map(([r, p]) => ({ expected: `${r}${p}del`, one: `${r}${p}del`, three: `${t3(r)}${p}del` })),
  fc.tuple(aa, pos, aa, seq).map(([r1, p, r2, s]) => ({
    expected: `${range(r1, p, r2, p + 1, false)}ins${s}`,
    one: `${range(r1, p, r2, p + 1, false)}ins${s}`,
    three: `${range(r1, p, r2, p + 1, true)}ins${t3(s)}`,
  })),
  fc.tuple(aa, pos, aa, fc.integer({ min: 1, max: 20 }), seq).map(([r1, p, r2, len, s]) => ({
    expected: `${range(r1, p, r2, p + len, false)}delins${s}`,
    one: `${range(r1, p, r2, p + len, false)}delins${s}`,
    three: `${range(r1, p, r2, p + len, true)}delins${t3(s)}`,
  })),
  fc.tuple(aa, pos, aa, fc.integer({ min: 1, max: 20 })).map(([r1, p, r2, len]) => ({
    expected: `${range(r1, p, r2, p + len, false)}dup`,
    one: `${range(r1, p, r2, p + len, false)}dup`,
    three: `${range(r1, p, r2, p + len, true)}dup`,
  })),
  fc.tuple(pos, aa, fc.integer({ min: 1, max: 99 })).map(([p, a, n]) => ({ expected: `*${p}${a}ext*${n}`, one: `*${p}${a}ext*${n}`, three: `Ter${p}${t3(a)}extTer${n}` })),
  fc.tuple(pos).map(([p]) => ({ expected: `X${p}_splice`, one: `X${p}_splice`, three: `X${p}_splice` })),
  fc.constant({ expected: 'M1?', one: 'M1?', three: 'Met1?' }),
);

describe('normalizeProteinChange — properties', () => {
  it('one-letter and three-letter renderings (with p., p.(…)) give the same canonical form', () => {
    fc.assert(
      fc.property(spec, fc.boolean(), fc.boolean(), ({ expected, one, three }, prefix, predicted) => {
        const wrap = (s: string): string => (predicted ? `p.(${s})` : prefix ? `p.${s}` : s);
        expect(canon(wrap(one))).toBe(expected);
        expect(canon(wrap(three))).toBe(expected);
      }),
      { numRuns: 2000 },
    );
  });

  it('is idempotent and the three-letter rendering reads back the same', () => {
    fc.assert(
      fc.property(spec, ({ one }) => {
        const first = normalizeProteinChange(one) as ProteinChange;
        expect(canon(first.canonical)).toBe(first.canonical);
        expect(canon(toThreeLetter(first))).toBe(first.canonical);
      }),
      { numRuns: 1000 },
    );
  });

  it('never throws on arbitrary strings, and anything it returns is a fixed point', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.string({ unit: 'grapheme' }), fc.stringMatching(/^(p\.)?[A-Za-z*]{1,3}\d{0,4}[_A-Za-z*=?\d-]{0,12}$/)), (s) => {
        const r = normalizeProteinChange(s);
        if (r) expect(canon(r.canonical)).toBe(r.canonical);
      }),
      { numRuns: 5000 },
    );
  });
});
