/**
 * Flesch–Kincaid grade level (Kincaid et al. 1975, the US Navy readability study):
 *
 *   grade = 0.39 × (words / sentences) + 11.8 × (syllables / words) − 15.59
 *
 * The input is a list of text units (paragraphs, list items, headings). Each unit is split into
 * sentences at `.`, `!` or `?` followed by white space or the end; a unit without end punctuation (a
 * heading, a list item) counts as one sentence. Words are runs of letters, digits, apostrophes and inner
 * hyphens. Syllables are counted by the rules of `countSyllables` below (a heuristic: English has no
 * exact rule without a pronouncing dictionary). docs/reports.md restates these rules.
 */

const WORD_RE = /[\p{L}\p{N}]+(?:['’-][\p{L}\p{N}]+)*/gu;

export function words(text: string): string[] {
  return text.match(WORD_RE) ?? [];
}

export function sentences(unit: string): string[] {
  return unit
    .split(/(?<=[.!?])["”’)]?\s+/u)
    .map((s) => s.trim())
    .filter((s) => words(s).length > 0);
}

/**
 * Syllables of one word:
 * 1. A hyphenated word is the sum of its parts.
 * 2. A token with digits ("V600E", "4") counts one syllable per digit group and per letter group, at most 4.
 * 3. An all-capital abbreviation (DNA, BRAF, PD) counts one syllable per letter, at most 3.
 * 4. Other words, in lower case: 3 letters or fewer → 1. Otherwise drop a silent ending (`-es`, `-e` after
 *    a consonant other than `l`, `-e` after vowel + `l` as in "whole", and `-ed` not after `t`/`d`), drop a
 *    leading `y`, then count groups of one or two vowels (a, e, i, o, u, y), plus one for each "ia" not
 *    after `c` or `t` (ra-di-a-tion). At least 1.
 */
export function countSyllables(word: string): number {
  if (word.includes('-'))
    return Math.max(
      1,
      word
        .split('-')
        .filter(Boolean)
        .reduce((n, part) => n + countSyllables(part), 0),
    );
  const w = word.replace(/['’]/g, '');
  if (/\d/.test(w)) {
    const groups = w.match(/\d+|\p{L}+/gu) ?? [];
    return Math.max(1, Math.min(4, groups.length));
  }
  if (w.length >= 2 && w === w.toUpperCase() && /\p{Lu}/u.test(w)) return Math.min(3, w.length);
  let s = w.toLowerCase();
  if (s.length <= 3) return 1;
  s = s
    .replace(/(?:[^laeiouy]es|[^laeiouy]e)$/, (m) => m[0] ?? '')
    .replace(/([aeiouy]l)e$/, '$1')
    .replace(/([^td])ed$/, '$1');
  s = s.replace(/^y/, '');
  const groups = s.match(/[aeiouy]{1,2}/g)?.length ?? 0;
  // "ia" is two syllables (ra-di-a-tion, me-di-a) except in -cia-/-tia- (spe-cial, ini-tial).
  const split = s.match(/[^ct]ia/g)?.length ?? 0;
  return Math.max(1, groups + split);
}

export interface Readability {
  sentences: number;
  words: number;
  syllables: number;
  wordsPerSentence: number;
  syllablesPerWord: number;
  /** Flesch–Kincaid grade level; 0 for empty text. */
  grade: number;
}

export function fleschKincaid(units: readonly string[]): Readability {
  let nSent = 0;
  let nWords = 0;
  let nSyl = 0;
  for (const unit of units) {
    for (const sentence of sentences(unit)) {
      const ws = words(sentence);
      nSent += 1;
      nWords += ws.length;
      for (const w of ws) nSyl += countSyllables(w);
    }
  }
  if (nSent === 0 || nWords === 0)
    return { sentences: 0, words: 0, syllables: 0, wordsPerSentence: 0, syllablesPerWord: 0, grade: 0 };
  const wps = nWords / nSent;
  const spw = nSyl / nWords;
  return {
    sentences: nSent,
    words: nWords,
    syllables: nSyl,
    wordsPerSentence: wps,
    syllablesPerWord: spw,
    grade: 0.39 * wps + 11.8 * spw - 15.59,
  };
}

/** The sentences with the highest grade, to show authors what to rewrite first. */
export function hardestSentences(
  units: readonly string[],
  n = 5,
): Array<{ sentence: string; grade: number }> {
  const all = units
    .flatMap((u) => sentences(u))
    .map((sentence) => ({ sentence, grade: fleschKincaid([sentence]).grade }));
  return all.sort((a, b) => b.grade - a.grade).slice(0, n);
}
