import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { factsFromNote } from './note.js';

describe('factsFromNote', () => {
  it('extracts age, sex, cancer type, sites with status, biomarkers, treatments, ECOG and place', () => {
    const f = factsFromNote(readFileSync(join(import.meta.dirname, 'fixtures', 'lung-note.txt'), 'utf8'));
    expect(f.age).toBe(62);
    expect(f.sex).toBe('female');
    expect(f.tumorType?.code).toBe('LUAD');
    expect(f.metastatic).toBe(true);
    expect(f.sites.map((s) => s.site).sort()).toEqual(['bone', 'brain', 'liver']);
    expect(f.sites.find((s) => s.site === 'brain')!.status).toBe('stable');
    expect(f.alterations).toMatchObject([{ gene: 'KRAS', alteration: 'G12C' }]);
    expect(f.alterations.some((a) => a.gene === 'EGFR' || a.gene === 'ALK')).toBe(false);
    expect(f.biomarkers).toMatchObject([{ name: 'PD-L1', value: 60, scoreType: 'TPS' }]);
    expect(f.profiled).toBe(true);
    const chemo = f.priorTherapies.find((t) => t.drugs.includes('carboplatin'))!;
    expect(chemo.drugs.sort()).toEqual(['carboplatin', 'pembrolizumab', 'pemetrexed']);
    expect(chemo.progressed).toBe(true);
    expect(f.priorLines).toBe(1);
    expect(f.ecog).toBe(1);
    expect(f.location).toMatchObject({ city: 'Boston', region: 'MA' });
  });

  it('reads a colorectal note with liver metastases and MSS', () => {
    const f = factsFromNote(
      'Mr. K is a 55 yo man with stage IV colon cancer, liver mets. KRAS G12C. MSS. Progressed on FOLFOX and bevacizumab. ZIP 77030.',
    );
    expect(f).toMatchObject({
      age: 55,
      sex: 'male',
      stage: 'IV',
      tumorType: { code: 'COAD' },
      location: { postalCode: '77030' },
    });
    expect(f.sites.map((s) => s.site)).toEqual(['liver']);
    expect(f.biomarkers).toMatchObject([{ name: 'MSI', status: 'MSS' }]);
    expect(f.priorTherapies[0]!.drugs).toEqual(
      expect.arrayContaining(['fluorouracil', 'oxaliplatin', 'bevacizumab']),
    );
  });

  it('reads HER2 3+ breast cancer and ER positivity', () => {
    const f = factsFromNote(
      '47-year-old woman, metastatic breast cancer, ER-positive, HER2 3+ by IHC, bone and liver metastases. Prior trastuzumab and pertuzumab.',
    );
    expect(f.tumorType?.code).toBe('BRCA');
    expect(f.biomarkers.map((b) => b.name).sort()).toEqual(['ER', 'HER2']);
    expect(f.sites.map((s) => s.site).sort()).toEqual(['bone', 'liver']);
  });

  it('reads receptor shorthand, HER2 IHC 1+ as HER2-low, and a sequence of treatments as lines', () => {
    const f = factsFromNote(
      '55F, HR+/HER2- metastatic breast cancer to liver and bone, PIK3CA H1047R on tumor NGS. Prior lines: ' +
        'letrozole + palbociclib (progressed after 18 months), then fulvestrant + alpelisib (progressed).',
    );
    expect(f.biomarkers.map((b) => `${b.name} ${b.status}`)).toEqual([
      'ER positive',
      'PR positive',
      'HER2 negative',
    ]);
    expect(f.priorTherapies.map((t) => [t.name, t.progressed])).toEqual([
      ['palbociclib + letrozole', true],
      ['fulvestrant + alpelisib', true],
    ]);
    expect(f.priorLines).toBe(2);
    expect(f.sites.map((s) => s.site)).toEqual(['liver', 'bone']);
    const low = factsFromNote('Metastatic breast cancer, ER-positive, HER2 IHC 1+ (HER2-low).');
    expect(low.biomarkers.find((b) => b.name === 'HER2')).toMatchObject({ status: 'low' });
  });

  it("does not count adjuvant therapy as a line, nor take the primary or another site's status for a site", () => {
    const f = factsFromNote(
      'Ms. K is a 39 yo woman with stage IV cutaneous melanoma, BRAF V600E mutated, with 3 untreated brain mets ' +
        'and lung metastases. She received adjuvant nivolumab in 2023 and relapsed 8 months later.',
    );
    // "cutaneous" describes the primary; "untreated" belongs to the brain only.
    expect(f.sites.map((s) => `${s.site} ${s.status}`)).toEqual(['brain untreated', 'lung unknown']);
    expect(f.priorTherapies).toMatchObject([{ name: 'nivolumab', setting: 'adjuvant', progressed: true }]);
    expect(f.priorLines).toBe(0);
  });

  it('reads shorthand: "61 y/o M", "PD-L1 <1%", "2L sotorasib, PD", a regimen with its maintenance', () => {
    const f = factsFromNote(
      'HPI: 61 y/o M with stage IVA NSCLC (adenocarcinoma), KRAS G12C+, PD-L1 <1%. Treated 1L ' +
        'carboplatin/pemetrexed/pembrolizumab then pemetrexed/pembrolizumab maintenance. 2L sotorasib, PD after 4 months.',
    );
    expect(f.sex).toBe('male');
    expect(f.biomarkers.find((b) => b.name === 'PD-L1')).toMatchObject({ status: 'negative' });
    expect(f.biomarkers.find((b) => b.name === 'PD-L1')!.value).toBeUndefined();
    expect(f.priorTherapies.map((t) => [t.name, t.setting, t.progressed])).toEqual([
      ['pembrolizumab + carboplatin + pemetrexed', undefined, undefined],
      ['pembrolizumab + pemetrexed', 'maintenance', undefined],
      ['sotorasib', undefined, true],
    ]);
    expect(f.priorLines).toBe(2);
    const o = factsFromNote(
      'Prior therapy: carboplatin/paclitaxel, olaparib maintenance, then weekly paclitaxel + bevacizumab.',
    );
    expect(o.priorTherapies.map((t) => [t.name, t.setting])).toEqual([
      ['carboplatin + paclitaxel', undefined],
      ['olaparib', 'maintenance'],
      ['paclitaxel + bevacizumab', undefined],
    ]);
    // Drugs listed by comma with no setting word stay one regimen.
    expect(factsFromNote('Received carboplatin, pemetrexed, and pembrolizumab.').priorTherapies).toHaveLength(
      1,
    );
  });

  it('records genes reported wild-type or negative, but not a negative variant or therapy', () => {
    const genes = (t: string) => factsFromNote(t).testedNegative ?? [];
    expect(genes('Colorectal adenocarcinoma, RAS/BRAF wild-type, MSS.')).toEqual(['KRAS', 'NRAS', 'BRAF']);
    expect(genes('Negative for EGFR and ALK.')).toEqual(['EGFR', 'ALK']);
    expect(genes('EGFR/ALK/ROS1 negative; no EGFR mutation detected')).toEqual(['EGFR', 'ALK', 'ROS1']);
    expect(genes('BRAF V600E negative')).toEqual([]);
    expect(genes('No prior EGFR-TKI therapy, no ALK inhibitor.')).toEqual([]);
    expect(genes('EGFR negative, KRAS G12C positive')).toEqual(['EGFR']);
  });

  it('reads a titled name\'s age, "bone-only disease" and head-and-neck primaries written by subsite', () => {
    expect(factsFromNote('Mrs. L, 71, has metastatic urothelial carcinoma of the bladder.').age).toBe(71);
    expect(factsFromNote('Mr. B, 500 mg daily').age).toBeUndefined();
    expect(factsFromNote('80 yo M with mCRPC, bone-only disease.').sites.map((x) => x.site)).toEqual([
      'bone',
    ]);
    expect(
      factsFromNote('Recurrent oropharyngeal squamous cell carcinoma, lung metastases.').tumorType,
    ).toMatchObject({
      code: 'HNSC',
    });
  });

  it('keeps the therapy the patient is on now out of the prior lines, unless it has failed', () => {
    const f = factsFromNote('s/p FOLFOX + panitumumab with progression. He is now on FOLFIRI.');
    expect(f.priorTherapies.map((t) => [t.name, t.current ?? false])).toEqual([
      ['panitumumab + fluorouracil + leucovorin + oxaliplatin', false],
      ['fluorouracil + leucovorin + irinotecan', true],
    ]);
    expect(f.priorLines).toBe(1);
    expect(factsFromNote('NSCLC, currently on pembrolizumab, now progressing.').priorLines).toBe(1);
  });

  it('reads a Karnofsky score apart from ECOG', () => {
    expect(factsFromNote('KPS 80. Creatinine normal.')).toMatchObject({ karnofsky: 80 });
    expect(factsFromNote('Karnofsky performance status of 70%').ecog).toBeUndefined();
    expect(factsFromNote('Karnofsky 90, ECOG 1')).toMatchObject({ karnofsky: 90, ecog: 1 });
  });

  it('property: never throws on arbitrary text', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 300 }), (s) => void factsFromNote(s)),
      { numRuns: 300 },
    );
  });
});
