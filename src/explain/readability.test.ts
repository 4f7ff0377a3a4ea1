import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { countSyllables, fleschKincaid, hardestSentences, sentences, words } from './readability.js';

describe('countSyllables', () => {
  it.each([
    ['cat', 1],
    ['the', 1],
    ['cancer', 2],
    ['table', 2],
    ['makes', 1],
    ['here', 1],
    ['treatment', 2],
    ['medicine', 3],
    ['radiation', 4],
    ['immunotherapy', 6],
    ['special', 2],
    ['whole', 1],
    ['whole-brain', 2],
    ['DNA', 3],
    ['V600E', 3],
    ['4', 1],
  ])('%s has %i syllables', (word, n) => {
    expect(countSyllables(word)).toBe(n);
  });

  it('is at least 1 for any word', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[A-Za-z0-9'-]{1,20}$/), (w) => {
        const n = countSyllables(w);
        return Number.isInteger(n) && n >= 1;
      }),
    );
  });
});

describe('sentences and words', () => {
  it('splits at end punctuation followed by space, keeps units without punctuation whole', () => {
    expect(sentences('It has spread. Ask your team! Why? Yes')).toEqual([
      'It has spread.',
      'Ask your team!',
      'Why?',
      'Yes',
    ]);
    expect(sentences('A heading without a stop')).toEqual(['A heading without a stop']);
  });
  it('counts words with inner hyphens and apostrophes as one', () => {
    expect(words("the body's own whole-brain radiation")).toEqual([
      'the',
      "body's",
      'own',
      'whole-brain',
      'radiation',
    ]);
  });
  it('never throws and never returns empty sentences on arbitrary text', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 300 }), (t) => {
        for (const s of sentences(t)) expect(words(s).length).toBeGreaterThan(0);
      }),
    );
  });
});

describe('fleschKincaid', () => {
  it('follows the published formula', () => {
    // 2 sentences, 8 words; syllables: the(1) cat(1) sat(1) down(1) it(1) was(1) very(2) happy(2) = 10.
    const r = fleschKincaid(['The cat sat down. It was very happy.']);
    expect(r.sentences).toBe(2);
    expect(r.words).toBe(8);
    expect(r.syllables).toBe(10);
    expect(r.grade).toBeCloseTo(0.39 * 4 + 11.8 * (10 / 8) - 15.59, 10);
  });
  it('rates long, many-syllable sentences higher than short plain ones', () => {
    const plain = fleschKincaid(['Your cancer has spread. We can treat it. Ask us what you want to know.']);
    const hard = fleschKincaid([
      'Metastatic adenocarcinoma demonstrates heterogeneous immunohistochemical characteristics necessitating individualized multidisciplinary therapeutic considerations.',
    ]);
    expect(plain.grade).toBeLessThan(4);
    expect(hard.grade).toBeGreaterThan(20);
  });
  it('is 0 for empty input and finite for any input', () => {
    expect(fleschKincaid([]).grade).toBe(0);
    fc.assert(
      fc.property(fc.array(fc.string({ maxLength: 120 }), { maxLength: 5 }), (units) =>
        Number.isFinite(fleschKincaid(units).grade),
      ),
    );
  });
  it('lists the hardest sentences first', () => {
    const h = hardestSentences(['Go now. Interdisciplinary considerations predominate.'], 1);
    expect(h[0]?.sentence).toBe('Interdisciplinary considerations predominate.');
  });
});
