import { describe, expect, it } from 'vitest';
import { buildClinicianReport } from './clinician.js';
import { FIXED_NOW, FIXTURE_CASES } from './fixtures/cases.js';
import { en } from './messages/en.js';
import { CANCER_KEYS } from './messages/types.js';
import type { Report, Section } from './model.js';
import { buildPatientReport, glossaryFor, narrativeUnits, uncoveredJargon } from './patient.js';
import { fleschKincaid, hardestSentences } from './readability.js';
import { renderHtml } from './render-html.js';
import { renderJson } from './render-json.js';
import { renderMarkdown } from './render-md.js';

/**
 * Quality gates of issue 5: readability (Flesch–Kincaid grade ≤ 8), a glossary entry for every jargon
 * term used, no sentence that promises a result, and stable snapshots for four cases with a fixed clock.
 */

const MAX_GRADE = 8;

function patient(i: number): Report {
  const f = FIXTURE_CASES[i]!;
  return buildPatientReport({ case: f.case, annotation: f.annotation, trials: f.trials, now: FIXED_NOW });
}

function clinician(i: number): Report {
  const f = FIXTURE_CASES[i]!;
  return buildClinicianReport({ case: f.case, annotation: f.annotation, trials: f.trials, now: FIXED_NOW });
}

function glossaryTerms(r: Report): string[] {
  const g = r.sections.find((s) => s.id === 'glossary');
  const defs = g?.blocks.find((b) => b.kind === 'definitions');
  return defs?.kind === 'definitions' ? defs.items.map((d) => d.term) : [];
}

function allText(r: Report): string {
  const out: string[] = [r.title, r.subtitle, r.notice, ...(r.summary?.items.map((i) => i.text) ?? [])];
  const walk = (s: Section): void => {
    out.push(s.heading);
    for (const b of s.blocks) out.push(JSON.stringify(b));
    for (const sub of s.subsections ?? []) walk(sub);
  };
  r.sections.forEach(walk);
  return out.join('\n');
}

describe.each(FIXTURE_CASES.map((f, i) => [f.name, i] as const))('patient report for %s', (_name, i) => {
  const r = patient(i);

  it(`reads at grade ${MAX_GRADE} or below (Flesch–Kincaid)`, () => {
    const units = narrativeUnits(r, { headings: false });
    const fk = fleschKincaid(units);
    expect(fk.words).toBeGreaterThan(800);
    expect(fk.grade, `hardest: ${JSON.stringify(hardestSentences(units, 3))}`).toBeLessThanOrEqual(MAX_GRADE);
  });

  it('explains every jargon term it uses in its glossary', () => {
    expect(uncoveredJargon(r)).toEqual([]);
    expect(glossaryTerms(r).length).toBeGreaterThan(10);
  });

  it('makes no promise of a result', () => {
    const text = narrativeUnits(r).join('\n');
    for (const re of en.forbiddenPromises) expect(text).not.toMatch(re);
  });

  it('answers the seven questions and has the caregiver, questions, glossary and about sections', () => {
    expect(r.sections.map((s) => s.id)).toEqual([
      'meaning',
      'symptoms',
      'treatment',
      'targeted',
      'cure',
      'prevent',
      'trials',
      'caregivers',
      'questions',
      'glossary',
      'about',
    ]);
    expect(r.notice).toMatch(/not a prescription/);
    const about = JSON.stringify(r.sections.at(-1));
    expect(about).toContain('the knowledge built into onconav, version 2026.11.0 of 2026-11-20');
    expect(about).toContain('2026-11-25');
  });

  it('has a body map with the primary and every metastatic site', () => {
    const map = r.sections[0]!.blocks.find((b) => b.kind === 'bodyMap');
    expect(map?.kind).toBe('bodyMap');
    if (map?.kind !== 'bodyMap') return;
    expect(map.primary).not.toBeNull();
    expect(map.sites.map((s) => s.region)).toEqual(FIXTURE_CASES[i]!.case.metastaticSites.map((s) => s.site));
  });

  it('gives symptoms with urgent warning signs and local treatments for every site', () => {
    const sym = r.sections.find((s) => s.id === 'symptoms')!;
    const treat = r.sections.find((s) => s.id === 'treatment')!;
    for (const site of FIXTURE_CASES[i]!.case.metastaticSites) {
      const sub = sym.subsections?.find((s) => s.id === `symptoms-${site.site}`);
      expect(sub?.blocks.some((b) => b.kind === 'callout' && b.tone === 'urgent')).toBe(true);
      expect(treat.subsections?.some((s) => s.id === `treatment-${site.site}`)).toBe(true);
    }
  });

  it('is the same report every time (deterministic)', () => {
    expect(renderHtml(patient(i))).toBe(renderHtml(r));
  });
});

describe('case-specific content', () => {
  it('melanoma: names the cancer by where it started and the BRAF change with pills that block it', () => {
    const text = allText(patient(0));
    expect(text).toContain(
      'This is called metastatic melanoma. In your case it has spread to the brain and the lungs.',
    );
    expect(text).toContain('They are not a new cancer of the brain.');
    expect(text).toContain('a change in the BRAF gene (V600E). Certain pills can block this change');
    expect(text).toContain('dabrafenib with trametinib');
    expect(text).toContain('Whether you have had immunotherapy before');
    expect(text).toContain('University Cancer Center, Boston, Massachusetts, United States (12 km)');
  });
  it('colorectal: says how to get trial data when none is loaded, and the resistance to EGFR antibodies', () => {
    const text = allText(patient(1));
    expect(text).toContain('onconav trials import <registry files>');
    expect(text).toContain('cetuximab and panitumumab');
    expect(text).toMatch(/some people are cured/);
  });
  it('breast: bone symptoms, bone-strengthening medicines, HER2 findings', () => {
    const text = allText(patient(2));
    expect(text).toContain('A bone that breaks with little or no injury');
    expect(text).toContain('Bone-strengthening medicines');
    expect(text).toContain('extra copies of the ERBB2 (HER2) gene');
    expect(text).toContain('Your tumor has a change that medicines can block (HER2).');
    expect(text).toContain('This report did not search for clinical trials.');
  });
  it('lung with nothing actionable: says so, keeps hope honest and suggests missing tests', () => {
    const text = allText(patient(3));
    expect(text).toContain(
      'The test did not find a change that an approved medicine can block in your type of cancer.',
    );
    expect(text).toContain('it does not mean there is no treatment');
    expect(text).toContain('A PD-L1 test.');
    expect(text).toContain('A test for MSI or MMR.');
    expect(text).toContain('The search found no trial that clearly fits right now.');
    expect(text).toContain('Adrenal glands');
  });
});

describe('clinician report', () => {
  it('has the sections of issue 5 §3 and lists actionable alterations with level, AMP tier and source', () => {
    const r = clinician(0);
    expect(r.sections.map((s) => s.id)).toEqual([
      'summary',
      'actionable',
      'resistance',
      'oncogenic',
      'vus',
      'trials',
      'site-options',
      'provenance',
      'methods',
    ]);
    const md = renderMarkdown(r);
    expect(md).toContain(
      '| BRAF | V600E | 1 | Tier I-A | dabrafenib + trametinib | MEL (evidence in this tumor type) | FDA label: Tafinlar (dabrafenib) with Mekinist (trametinib) (2018-04-30) |',
    );
    expect(md).toContain('| GRIN2A | A1045T | Unknown | mutation |');
    expect(md).toContain(
      '| Prior anti-PD-1 therapy | unknown | No prior therapies recorded. | Whether you have had immunotherapy before |',
    );
    expect(md).toContain('examples/melanoma-brain-lung.case.json');
  });
  it('lists resistance (colorectal KRAS → EGFR antibodies, R1)', () => {
    const md = renderMarkdown(clinician(1));
    expect(md).toMatch(/\| KRAS \| G12C \| R1 \| Tier I-A \| cetuximab \|/);
  });
  it('makes no promise of a result', () => {
    for (let i = 0; i < FIXTURE_CASES.length; i++) {
      const text = allText(clinician(i));
      for (const re of en.forbiddenPromises) expect(text).not.toMatch(re);
    }
  });
});

describe('message catalog', () => {
  it('all site and cancer-type content reads at grade 8 or below', () => {
    const units = [
      ...Object.values(en.sites).flatMap((s) => [
        ...s.symptoms,
        ...s.urgent,
        ...s.treatments.map((t) => `${t.name}: ${t.text}`),
      ]),
      ...CANCER_KEYS.flatMap((k) => {
        const c = en.cancers[k];
        return [c.spread, c.outlook, ...c.systemic.map((t) => `${t.name}: ${t.text}`)];
      }),
    ];
    const fk = fleschKincaid(units);
    expect(fk.grade, JSON.stringify(hardestSentences(units, 3))).toBeLessThanOrEqual(MAX_GRADE);
  });
  it('writes a spread sentence for every cancer type, neuroendocrine tumors included', () => {
    for (const k of CANCER_KEYS) expect(en.cancers[k].spread).toMatch(/spread/);
    expect(en.cancers.neuroendocrine.spread).toMatch(/liver/);
  });
  it('every site has symptoms, urgent signs and at least one local treatment', () => {
    for (const [code, s] of Object.entries(en.sites)) {
      expect(s.symptoms.length, code).toBeGreaterThan(0);
      expect(s.urgent.length, code).toBeGreaterThan(0);
      expect(s.treatments.length, code).toBeGreaterThan(0);
    }
  });
  it('no catalog sentence promises a result, and the promise patterns do catch promises', () => {
    const catalog = JSON.stringify(en, (_k, v: unknown) =>
      typeof v === 'function' ? undefined : v instanceof RegExp ? undefined : v,
    );
    for (const re of en.forbiddenPromises) expect(catalog).not.toMatch(re);
    const promises = [
      'This medicine will cure you.',
      'Results are guaranteed.',
      'It is certain to work.',
      'You will live for years.',
      'A 100% response.',
      '50% of people survive',
      'Your life expectancy is short.',
    ];
    for (const p of promises)
      expect(
        en.forbiddenPromises.some((re) => re.test(p)),
        p,
      ).toBe(true);
  });
  it('the jargon check finds a word the glossary does not explain', () => {
    const r = patient(0);
    const withoutGlossary = { ...r, sections: r.sections.filter((s) => s.id !== 'glossary') };
    expect(uncoveredJargon(withoutGlossary)).toEqual(
      expect.arrayContaining(['metastatic', 'immunotherapy', 'stereotactic']),
    );
    const slipped = { ...r, summary: { heading: 'x', items: [{ text: 'The variant is actionable.' }] } };
    expect(uncoveredJargon(slipped)).toEqual(['actionable', 'variant']);
  });
  it('the glossary picks terms by word, not inside other words', () => {
    const g = glossaryFor(['Your scan is clear.'], en).map((x) => x.term);
    expect(g).toContain('Scan');
    expect(glossaryFor(['The scanner hums.'], en).map((x) => x.term)).not.toContain('Scan');
  });
});

describe('snapshots (fixed clock)', () => {
  for (const [i, f] of FIXTURE_CASES.entries()) {
    it(`${f.name}`, async () => {
      const p = patient(i);
      const c = clinician(i);
      await expect(renderHtml(p)).toMatchFileSnapshot(`./__snapshots__/${f.name}.patient.html`);
      await expect(renderMarkdown(p)).toMatchFileSnapshot(`./__snapshots__/${f.name}.patient.md`);
      await expect(renderJson(p)).toMatchFileSnapshot(`./__snapshots__/${f.name}.patient.json`);
      await expect(renderMarkdown(c)).toMatchFileSnapshot(`./__snapshots__/${f.name}.clinician.md`);
      await expect(renderHtml(c)).toMatchFileSnapshot(`./__snapshots__/${f.name}.clinician.html`);
    });
  }
});
