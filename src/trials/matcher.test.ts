import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { openDb } from '../store/db.js';
import type { CaseFacts } from './facts.js';
import { trialsFromJsonText } from './import-ctgov-json.js';
import { trialFromXmlText } from './import-ctgov-xml.js';
import { bestFirst, evaluateTrial, matchTrials } from './matcher.js';
import { TrialStore } from './store.js';

const FX = join(import.meta.dirname, 'fixtures');
const egfrTrial = trialsFromJsonText(readFileSync(join(FX, 'api-v2-study.json'), 'utf8')).trials[0]!;
const [krasTrial, her2Trial] = trialsFromJsonText(readFileSync(join(FX, 'api-v2-page.json'), 'utf8'))
  .trials as [typeof egfrTrial, typeof egfrTrial];
const pdqTrial = trialFromXmlText(readFileSync(join(FX, 'legacy-pdq.xml'), 'utf8')).trial!;

function facts(over: Partial<CaseFacts>): CaseFacts {
  return {
    sex: 'female',
    sites: [],
    alterations: [],
    biomarkers: [],
    profiled: false,
    priorTherapies: [],
    priorLines: 0,
    ...over,
  };
}
const egfrCase = facts({
  age: 58,
  ecog: 1,
  tumorType: { code: 'LUAD', name: 'Lung Adenocarcinoma' },
  metastatic: true,
  sites: [
    { site: 'brain', status: 'stable' },
    { site: 'bone', status: 'unknown' },
  ],
  alterations: [
    {
      gene: 'EGFR',
      kind: 'mutation',
      alteration: 'E746_A750del',
      classes: ['exon19_inframe_deletion'],
      text: 'EGFR exon 19 deletion',
    },
  ],
  profiled: true,
  priorTherapies: [
    {
      drugs: ['osimertinib'],
      name: 'osimertinib',
      classes: ['egfr_tki'],
      type: 'systemic',
      progressed: true,
    },
  ],
  priorLines: 1,
  location: { lat: 42.36, lon: -71.06 },
});
const verdictOf = (
  m: { criteria: Array<{ text: string; verdict: string; reason: string }> },
  start: string,
) => m.criteria.find((c) => c.text.startsWith(start));

describe('evaluateTrial', () => {
  it('meets the EGFR trial for an EGFR exon 19 case with treated brain metastases, and says what is left', () => {
    const ev = evaluateTrial(egfrTrial, egfrCase);
    expect(ev.excluded).toBe(false);
    expect(verdictOf(ev, 'Documented EGFR')).toMatchObject({ verdict: 'met' });
    expect(verdictOf(ev, 'Radiographic disease progression on osimertinib')).toMatchObject({
      verdict: 'met',
    });
    expect(verdictOf(ev, 'Patients with treated, stable brain metastases')).toMatchObject({ verdict: 'met' });
    expect(verdictOf(ev, 'Active or untreated brain metastases')).toMatchObject({
      type: 'exclusion',
      verdict: 'met',
    });
    expect(verdictOf(ev, 'Prior treatment with a KRAS G12C inhibitor')).toMatchObject({ verdict: 'met' });
    expect(verdictOf(ev, 'Absolute neutrophil count')).toMatchObject({
      verdict: 'unknown',
      toSettle: 'needs recent blood tests (ANC)',
    });
    expect(ev.highlights.join(' ')).toMatch(/Genomic match: .*EGFR exon 19 deletion/);
  });

  it("weighs the line of treatment a title names against the case's lines, without excluding", () => {
    const titled = (title: string) => evaluateTrial({ ...egfrTrial, title }, egfrCase);
    const plain = titled('Study of Drug X in EGFR-Mutant Non-Small Cell Lung Cancer');
    expect(verdictOf(plain, 'Registry title:')).toBeUndefined();
    // The case progressed on osimertinib (one line): a first-line study is a question, not an exclusion.
    const first = titled('First-line Drug X in EGFR-Mutant Non-Small Cell Lung Cancer');
    expect(first.excluded).toBe(false);
    expect(verdictOf(first, 'Registry title: First-line')).toMatchObject({
      verdict: 'unknown',
      reason: 'title names untreated advanced disease (first line); case has 1 prior systemic line',
      toSettle: 'ask the trial team whether patients already treated for advanced disease can join',
    });
    expect(first.score).toBeLessThan(plain.score);
    expect(
      evaluateTrial(
        { ...egfrTrial, title: 'Drug X in Previously Untreated NSCLC' },
        { ...egfrCase, priorTherapies: [] },
      ).criteria.find((c) => c.text.startsWith('Registry title:')),
    ).toMatchObject({
      text: 'Registry title: Previously Untreated',
      verdict: 'unknown',
      toSettle: 'needs the treatment history',
    });
    // The first line behind the patient, or said of the brain metastases, is not a first-line study.
    for (const t of [
      'Drug X Subsequent to First-Line Therapy in EGFR-Mutant NSCLC',
      'Drug X in NSCLC That Progressed During First-Line Osimertinib',
      'Second-line Drug X in EGFR-Mutant NSCLC',
    ])
      expect(verdictOf(titled(t), 'Registry title:')).toMatchObject({
        verdict: 'met',
        reason: 'title names previously treated disease; case has 1 prior systemic line',
      });
    expect(
      verdictOf(titled('Radiosurgery for Untreated Brain Metastases of NSCLC'), 'Registry title:'),
    ).toBeUndefined();
    expect(
      verdictOf(titled('First-line or Previously Treated NSCLC: Drug X'), 'Registry title:'),
    ).toBeUndefined();
  });

  it('rules out a KRAS G12C trial for a case whose note says RAS wild-type, without sequencing data', () => {
    const crc = facts({
      age: 64,
      tumorType: { code: 'COADREAD', name: 'Colorectal Adenocarcinoma' },
      metastatic: true,
    });
    const unknown = evaluateTrial(krasTrial, crc);
    expect(unknown.criteria.find((c) => c.category === 'biomarker')).toMatchObject({ verdict: 'unknown' });
    const wild = evaluateTrial(krasTrial, { ...crc, testedNegative: ['KRAS', 'NRAS'] });
    expect(wild.excluded).toBe(true);
    expect(wild.criteria.find((c) => c.category === 'biomarker')).toMatchObject({
      verdict: 'not_met',
      reason: expect.stringContaining('KRAS tested negative (wild-type)'),
    });
  });

  it('judges a Karnofsky criterion on a Karnofsky score, and leaves it unknown with ECOG alone', () => {
    const kps = (f: CaseFacts) =>
      evaluateTrial(
        {
          ...egfrTrial,
          criteria: [
            {
              type: 'inclusion',
              text: 'Karnofsky performance status ≥ 70',
              parsed: [{ category: 'performance_status', scale: 'Karnofsky', min: 70 }],
            },
          ],
        },
        f,
      ).criteria.find((c) => c.text.startsWith('Karnofsky'));
    expect(kps({ ...egfrCase, karnofsky: 80 })).toMatchObject({ verdict: 'met' });
    expect(kps({ ...egfrCase, karnofsky: 60 })).toMatchObject({ verdict: 'not_met' });
    expect(kps(egfrCase)).toMatchObject({
      verdict: 'unknown',
      toSettle: 'needs the Karnofsky performance score',
    });
  });

  it('excludes a case with active brain metastases and tells why', () => {
    const ev = evaluateTrial(egfrTrial, { ...egfrCase, sites: [{ site: 'brain', status: 'untreated' }] });
    expect(ev.excluded).toBe(true);
    expect(verdictOf(ev, 'Active or untreated brain metastases')).toMatchObject({ verdict: 'not_met' });
    expect(ev.highlights[0]).toMatch(/^Excluded: Active or untreated brain metastases/);
  });

  it('asks for the brain-metastasis status when it is unknown', () => {
    const ev = evaluateTrial(egfrTrial, { ...egfrCase, sites: [{ site: 'brain', status: 'unknown' }] });
    expect(verdictOf(ev, 'Active or untreated brain metastases')).toMatchObject({
      verdict: 'unknown',
      toSettle: 'needs whether the brain metastases are treated and stable',
    });
  });

  it('rules out a KRAS G12C trial for a profiled EGFR case but keeps it unknown when no sequencing is known', () => {
    const crcLike = { ...egfrCase, tumorType: { code: 'COADREAD', name: 'Colorectal Adenocarcinoma' } };
    expect(evaluateTrial(krasTrial, crcLike).excluded).toBe(true);
    const noSeq = evaluateTrial(krasTrial, { ...crcLike, alterations: [], profiled: false });
    expect(verdictOf(noSeq, 'KRAS G12C mutation')).toMatchObject({
      verdict: 'unknown',
      toSettle: 'needs tumor genomic testing (KRAS)',
    });
    // Without detail, an excluded trial comes back bare; a kept one is evaluated in full either way.
    expect(evaluateTrial(krasTrial, crcLike, { excludedDetail: false })).toEqual({
      criteria: [],
      excluded: true,
      score: 0,
      highlights: [],
    });
    // A trial listed only because its conditions name no known cancer type says so up front.
    const unmapped = evaluateTrial({ ...egfrTrial, conditions: ['Acromegaly'], tumorTypes: [] }, egfrCase);
    expect(unmapped.highlights).toContain(
      'Conditions not matched to a cancer type (Acromegaly): check they fit',
    );
    // … and ranks low even with next to no criteria to leave unknown (below the 40 every trial starts from).
    const sparse = evaluateTrial(
      { ...egfrTrial, title: 'Pituitary tumors', conditions: ['Acromegaly'], tumorTypes: [], criteria: [] },
      egfrCase,
    );
    expect(sparse.score).toBeLessThan(30);
    expect(evaluateTrial(egfrTrial, egfrCase).highlights.join(' ')).not.toMatch(
      /not matched to a cancer type/,
    );
    const kept = evaluateTrial(egfrTrial, egfrCase);
    expect(kept.excluded).toBe(false);
    expect(evaluateTrial(egfrTrial, egfrCase, { excludedDetail: false })).toEqual(kept);
  });

  it('matches the colorectal KRAS G12C case with prior fluoropyrimidine and MSS', () => {
    const crc = facts({
      sex: 'male',
      age: 64,
      tumorType: { code: 'COADREAD', name: 'Colorectal Adenocarcinoma' },
      metastatic: true,
      sites: [{ site: 'liver', status: 'unknown' }],
      alterations: [
        { gene: 'KRAS', kind: 'mutation', alteration: 'G12C', classes: ['missense'], text: 'KRAS G12C' },
      ],
      biomarkers: [{ name: 'MSI', status: 'MSS', text: 'MSS' }],
      profiled: true,
      priorTherapies: [
        {
          drugs: ['fluorouracil', 'leucovorin', 'oxaliplatin'],
          name: 'FOLFOX',
          classes: ['fluoropyrimidine', 'platinum'],
          type: 'systemic',
          progressed: true,
        },
      ],
      priorLines: 1,
    });
    const ev = evaluateTrial(krasTrial, crc);
    expect(ev.excluded).toBe(false);
    expect(verdictOf(ev, 'KRAS G12C mutation')).toMatchObject({ verdict: 'met' });
    expect(verdictOf(ev, 'Progression after at least one prior fluoropyrimidine')).toMatchObject({
      verdict: 'met',
    });
    expect(verdictOf(ev, 'MSI-H or dMMR')).toMatchObject({ type: 'exclusion', verdict: 'met' });
    expect(verdictOf(ev, 'Prior treatment with a KRAS G12C inhibitor')).toMatchObject({ verdict: 'met' });
  });

  it('reads HER2 IHC 3+ as HER2-positive and needs ISH for IHC 2+', () => {
    const her2 = facts({
      age: 47,
      tumorType: { code: 'BRCA', name: 'Invasive Breast Carcinoma' },
      metastatic: true,
      biomarkers: [{ name: 'HER2', status: '3+', text: 'HER2 IHC 3+' }],
    });
    expect(verdictOf(evaluateTrial(her2Trial, her2), 'HER2-positive')).toMatchObject({ verdict: 'met' });
    const eq = evaluateTrial(her2Trial, {
      ...her2,
      biomarkers: [{ name: 'HER2', status: '2+', text: 'HER2 IHC 2+' }],
    });
    expect(verdictOf(eq, 'HER2-positive')).toMatchObject({
      verdict: 'unknown',
      toSettle: 'needs HER2 ISH result (IHC 2+ is equivocal)',
    });
    const none = evaluateTrial(her2Trial, { ...her2, biomarkers: [] });
    expect(verdictOf(none, 'HER2-positive')).toMatchObject({
      verdict: 'unknown',
      toSettle: 'needs HER2 status (IHC, with ISH when IHC 2+)',
    });
  });

  it('applies registry sex and age limits and PDQ "no prior chemotherapy"', () => {
    const male = facts({
      sex: 'male',
      age: 50,
      tumorType: { code: 'BRCA', name: 'Invasive Breast Carcinoma' },
      metastatic: true,
    });
    const ev = evaluateTrial(pdqTrial, male);
    expect(ev.excluded).toBe(true);
    expect(verdictOf(ev, 'Registry sex')).toMatchObject({ verdict: 'not_met' });
    const treated = evaluateTrial(pdqTrial, {
      ...male,
      sex: 'female',
      priorTherapies: [{ drugs: ['paclitaxel'], classes: ['taxane'], type: 'systemic' }],
      priorLines: 1,
    });
    expect(verdictOf(treated, 'Chemotherapy: No prior chemotherapy')).toMatchObject({ verdict: 'not_met' });
  });
});

describe('matchTrials', () => {
  it('screens by tumor type and gene, drops hard exclusions, ranks, and finds the nearest recruiting site', () => {
    const db = openDb(':memory:');
    const store = new TrialStore(db);
    store.transaction(() => {
      for (const t of [egfrTrial, krasTrial, her2Trial, pdqTrial])
        store.upsert(t, 'test', '2026-11-25T00:00:00Z');
    });
    const r = matchTrials(db, egfrCase, { near: { lat: 42.36, lon: -71.06 } });
    expect(r.matches.map((m) => m.nctId)).toEqual(['NCT09000001']);
    expect(r.matches[0]!.nearestSite).toMatchObject({ facility: 'Harbor Cancer Institute' });
    expect(r.matches[0]!.nearestSite!.distanceKm).toBeLessThan(10);
    // Houston is nearer to a Texas patient; the completed Seattle site is never offered.
    const tx = matchTrials(db, egfrCase, { near: { lat: 29.76, lon: -95.37 } });
    expect(tx.matches[0]!.nearestSite).toMatchObject({ city: 'Houston' });
    expect(matchTrials(db, egfrCase, { near: { lat: 47.6, lon: -122.3 }, radiusKm: 100 }).matches).toEqual(
      [],
    );
    const all = matchTrials(
      db,
      { ...egfrCase, sites: [{ site: 'brain', status: 'untreated' }] },
      { includeExcluded: true },
    );
    expect(all.matches[0]).toMatchObject({ nctId: 'NCT09000001', excluded: true });
    expect(matchTrials(db, { ...egfrCase, sites: [{ site: 'brain', status: 'untreated' }] }).matches).toEqual(
      [],
    );
    expect(matchTrials(db, egfrCase, { statuses: ['COMPLETED'] }).matches).toEqual([]);
  });
});

describe('bestFirst (candidate ranking)', () => {
  it('gives the first n of a full sort by score, then NCT id (property)', () => {
    const item = fc.record({
      nctId: fc.integer({ min: 0, max: 99_999_999 }).map((n) => `NCT${String(n).padStart(8, '0')}`),
      s: fc.integer({ min: -20, max: 120 }),
    });
    fc.assert(
      fc.property(
        fc.uniqueArray(item, { selector: (x) => x.nctId, maxLength: 300 }),
        fc.integer({ min: 0, max: 350 }),
        (items, n) => {
          const full = [...items].sort(
            (a, b) => b.s - a.s || (a.nctId < b.nctId ? -1 : a.nctId > b.nctId ? 1 : 0),
          );
          expect(bestFirst(items, (x) => x.s, n)).toEqual(full.slice(0, n));
        },
      ),
    );
  });
});
