import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { METASTATIC_SITES, SITE_STATUSES, type AnnotationResult, type Case } from '../domain/index.js';
import { buildClinicianReport } from './clinician.js';
import { FIXED_NOW, FIXTURE_CASES } from './fixtures/cases.js';
import { en } from './messages/en.js';
import type { TrialsState } from './model.js';
import { buildPatientReport, narrativeUnits, uncoveredJargon } from './patient.js';
import { openBrowser } from './pdf.js';
import { fleschKincaid } from './readability.js';
import { renderHtml } from './render-html.js';
import { renderMarkdown } from './render-md.js';

/**
 * Any mix of tumor type, sites, findings and trial state gives both reports without throwing, and the
 * patient report stays readable (grade ≤ 8), explains its jargon and promises nothing.
 */

const TUMOR_TYPES = [
  undefined,
  { code: 'SKCM', name: 'Cutaneous Melanoma', mainType: 'Melanoma' },
  { code: 'PRAD', name: 'Prostate Adenocarcinoma', mainType: 'Prostate Cancer' },
  { code: 'PANET', name: 'Pancreatic Neuroendocrine Tumor', mainType: 'Pancreatic Cancer' },
  { code: 'HGSOC', name: 'High-Grade Serous Ovarian Cancer', mainType: 'Ovarian Cancer' },
  { code: 'CCRCC', name: 'Renal Clear Cell Carcinoma', mainType: 'Renal Cell Carcinoma' },
  { code: 'SCLC', name: 'Small Cell Lung Cancer', mainType: 'Small Cell Lung Cancer' },
  { code: 'GIST', name: 'Gastrointestinal Stromal Tumor', mainType: 'Gastrointestinal Stromal Tumor' },
  { code: 'UM', name: 'Uveal Melanoma', mainType: 'Melanoma' },
  { code: 'ZZZ', name: 'Rare Tumor' },
];

const annotated = FIXTURE_CASES.flatMap((f) => f.annotation.samples.flatMap((s) => s.alterations));
const matches = FIXTURE_CASES.flatMap((f) => (f.trials.status === 'matched' ? f.trials.matches : []));

const arbCase = fc.record({
  tumorType: fc.constantFrom(...TUMOR_TYPES),
  sites: fc.uniqueArray(
    fc.record({ site: fc.constantFrom(...METASTATIC_SITES), status: fc.constantFrom(...SITE_STATUSES) }),
    {
      selector: (s) => s.site,
      maxLength: 6,
    },
  ),
  alterations: fc.subarray(annotated),
  trials: fc.oneof(
    fc.constant<TrialsState>({ status: 'off' }),
    fc.constant<TrialsState>({ status: 'no-data', command: 'onconav trials import <files>' }),
    fc.constant<TrialsState>({ status: 'matched', matches }),
  ),
});

type ArbCase = typeof arbCase extends fc.Arbitrary<infer T> ? T : never;

function build(x: ArbCase): { c: Case; a: AnnotationResult; trials: TrialsState } {
  const base = FIXTURE_CASES[0]!;
  const c: Case = {
    ...base.case,
    tumorType: x.tumorType,
    metastaticSites: x.sites,
    samples: [{ ...base.case.samples[0]!, alterations: [], biomarkers: [] }],
  };
  const a: AnnotationResult = {
    ...base.annotation,
    samples: [{ ...base.annotation.samples[0]!, alterations: x.alterations }],
  };
  return { c, a, trials: x.trials };
}

describe('reports for any case', () => {
  it('build, render, read at grade ≤ 8, explain their jargon and promise nothing', () => {
    fc.assert(
      fc.property(arbCase, (x) => {
        const { c, a, trials } = build(x);
        const input = { case: c, annotation: a, trials, now: FIXED_NOW };
        const p = buildPatientReport(input);
        const k = buildClinicianReport(input);
        expect(renderHtml(p).length).toBeGreaterThan(1000);
        expect(renderMarkdown(k).length).toBeGreaterThan(100);
        expect(fleschKincaid(narrativeUnits(p, { headings: false })).grade).toBeLessThanOrEqual(8);
        expect(uncoveredJargon(p)).toEqual([]);
        const text = narrativeUnits(p).join('\n');
        for (const re of en.forbiddenPromises) expect(text).not.toMatch(re);
      }),
      { numRuns: 60 },
    );
  });
});

describe('PDF without a browser', () => {
  it('fails with a clear message when Chromium is missing', async () => {
    await expect(openBrowser('/nonexistent/chromium')).rejects.toThrow(
      /Chromium not found at \/nonexistent\/chromium/,
    );
  });
});
