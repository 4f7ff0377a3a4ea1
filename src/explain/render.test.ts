import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { renderBodyMap } from './body-map.js';
import { cancerKeyOf, primaryRegionOf } from './cancer-types.js';
import { FIXED_NOW, FIXTURE_CASES } from './fixtures/cases.js';
import { reportFileName } from './index.js';
import { en } from './messages/en.js';
import type { Report } from './model.js';
import { buildPatientReport } from './patient.js';
import { escapeHtml, renderHtml } from './render-html.js';
import { renderMarkdown } from './render-md.js';
import { stampPdfDates } from './pdf.js';

function minimalReport(text: string): Report {
  return {
    meta: {
      schemaVersion: 'onconav.report/1',
      audience: 'patient',
      lang: 'en',
      caseId: text,
      date: '2026-11-25',
      onconavVersion: '0.1.0',
      knowledgeBase: [],
      trials: 'off',
    },
    title: text,
    subtitle: text,
    notice: text,
    summary: { heading: text, items: [{ lead: text, text }] },
    sections: [
      {
        id: 'x',
        heading: text,
        blocks: [
          { kind: 'paragraph', text },
          { kind: 'list', items: [{ text }] },
          { kind: 'callout', tone: 'urgent', title: text, items: [{ text }] },
          { kind: 'table', caption: text, head: [text], rows: [[text]] },
          {
            kind: 'trial',
            nctId: 'NCT1',
            title: text,
            facts: [text],
            lists: [{ title: text, items: [{ text }] }],
          },
        ],
      },
    ],
    facts: {
      cancer: { key: 'other', name: text, oncotreeCode: null, oncotreeName: null },
      sites: [],
      findings: [],
      trials: [],
    },
  };
}

describe('HTML rendering', () => {
  const html = renderHtml(buildPatientReport({ ...FIXTURE_CASES[0]!, now: FIXED_NOW }));

  it('is one self-contained file: no scripts, no external URLs, a CSP that forbids fetching', () => {
    expect(html).not.toMatch(/<script/i);
    expect(html).not.toMatch(/(?:src|href)\s*=\s*"(?!#)/i);
    expect(html).not.toMatch(/url\(/i);
    expect(html).toContain(`content="default-src 'none'; style-src 'unsafe-inline'; img-src data:"`);
    expect(html).toContain('@media print');
  });

  it('has a language, a skip link to main, and headings that never skip a level', () => {
    expect(html).toMatch(/^<!doctype html>\n<html lang="en">/);
    expect(html).toContain('<a class="skip-link" href="#main">Skip to the report</a>');
    expect(html).toContain('<main id="main" tabindex="-1">');
    const levels = [...html.matchAll(/<h([1-6])[ >]/g)].map((m) => Number(m[1]));
    expect(levels[0]).toBe(1);
    for (let i = 1; i < levels.length; i++) expect(levels[i]! - levels[i - 1]!).toBeLessThanOrEqual(1);
    expect(levels.filter((l) => l === 1)).toHaveLength(1);
  });

  it('escapes any text so it cannot become markup', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 60 }), (text) => {
        const out = renderHtml(minimalReport(text));
        const body = out.slice(out.indexOf('<body'));
        // Every "<" in the body starts one of our own tags, never user text.
        for (const m of body.matchAll(/<([^a-z/!])/g)) throw new Error(`raw < in output: ${m[0]}`);
        expect(escapeHtml(text)).not.toMatch(/[<>"']/);
      }),
      { numRuns: 200 },
    );
  });
});

describe('Markdown rendering', () => {
  it('escapes markup characters so any one-line text reads back unchanged', () => {
    const oneLine = fc
      .string({ maxLength: 60 })
      .filter((t) => !/[\n\r]/.test(t) && !/^\s*(?:[-+]|\d)/.test(t));
    fc.assert(
      fc.property(oneLine, (text) => {
        const parts = renderMarkdown(minimalReport(text)).split('\n\n');
        // Parts: title, subtitle, date line, summary heading, summary list, notice, section heading, paragraph…
        const paragraph = parts[7]!;
        expect(paragraph.replace(/\\([\\`*_[\]<>|#])/g, '$1')).toBe(text);
        expect(paragraph).not.toMatch(/(?<!\\)[<>|*_`]/);
      }),
      { numRuns: 200 },
    );
    expect(renderMarkdown(minimalReport('a | b <c> *d*'))).toContain('a \\| b \\<c\\> \\*d\\*');
  });
});

describe('body map', () => {
  it('marks the start with a square and each place of spread with circles, with a title and description', () => {
    const svg = renderBodyMap(
      {
        primary: 'bowel',
        primaryLabel: 'Bowel (where it started)',
        sites: [
          { region: 'liver', label: 'Liver' },
          { region: 'lung', label: 'Lungs' },
        ],
      },
      en.render,
    );
    expect(svg).toContain('role="img"');
    expect(svg).toContain('<title id="body-map-title">Body map</title>');
    expect(svg).toContain(
      '<desc id="body-map-desc">The cancer started in: Bowel. It has spread to: Liver, Lungs.</desc>',
    );
    // Square markers: one on the body and one in the label column and one in the legend.
    expect(svg.match(/class="bm-primary"/g)).toHaveLength(3);
    // Liver 1 + lungs 2 markers, plus one icon per label (2) and the legend (1).
    expect(svg.match(/class="bm-spread"/g)).toHaveLength(6);
    expect(svg).toContain('>Liver</text>');
    expect(svg).not.toMatch(/href|<image/);
  });
  it('says when the start is unknown', () => {
    const svg = renderBodyMap({ primary: null, primaryLabel: null, sites: [] }, en.render);
    expect(svg).toContain('Where the cancer started is not known. No places of spread are listed.');
    expect(svg).toContain('Start not known');
  });
  it('keeps labels apart and inside the drawing for any set of sites', () => {
    const regions = Object.keys(en.sites) as Array<keyof typeof en.sites>;
    fc.assert(
      fc.property(fc.subarray(regions, { minLength: 0 }), (sites) => {
        const svg = renderBodyMap(
          { primary: 'breast', primaryLabel: 'Breast', sites: sites.map((r) => ({ region: r, label: r })) },
          en.render,
        );
        const ys = [...svg.matchAll(/<text class="bm-label" x="\d+" y="(-?\d+)"/g)].map((m) => Number(m[1]));
        expect(ys).toHaveLength(sites.length + 1);
        for (let i = 1; i < ys.length; i++) expect(ys[i]! - ys[i - 1]!).toBeGreaterThanOrEqual(20);
        for (const y of ys) {
          expect(y).toBeLessThanOrEqual(430);
          expect(y).toBeGreaterThanOrEqual(20);
        }
      }),
      { numRuns: 100 },
    );
  });
});

describe('cancer types', () => {
  it.each([
    [{ code: 'SKCM', name: 'Cutaneous Melanoma' }, 'melanoma'],
    [{ code: 'COADREAD', name: 'Colorectal Adenocarcinoma' }, 'colorectal'],
    [{ code: 'COAD', name: 'Colon Adenocarcinoma' }, 'colorectal'],
    [{ code: 'IDC', name: 'Breast Invasive Ductal Carcinoma' }, 'breast'],
    [{ code: 'LUAD', name: 'Lung Adenocarcinoma' }, 'nsclc'],
    [{ code: 'SCLC', name: 'Small Cell Lung Cancer' }, 'sclc'],
    [{ code: 'PANET', name: 'Pancreatic Neuroendocrine Tumor' }, 'neuroendocrine'],
    [{ code: 'UM', name: 'Uveal Melanoma', mainType: 'Melanoma' }, 'other'],
    [{ code: 'XYZ', name: 'Some new prostate tumor' }, 'prostate'],
    [{ code: 'GIST', name: 'Gastrointestinal Stromal Tumor' }, 'gist'],
  ] as const)('%o → %s', (ref, key) => {
    expect(cancerKeyOf(ref)).toBe(key);
  });
  it('uses OncoTree ancestors when the code itself is not listed', () => {
    expect(cancerKeyOf({ code: 'MUCM', name: 'Mucosal tumor' }, ['MEL', 'SKIN'])).toBe('melanoma');
  });
  it('places the start of a neuroendocrine tumor by its organ, and an eye melanoma in the eye', () => {
    expect(
      primaryRegionOf('neuroendocrine', { code: 'PANET', name: 'Pancreatic Neuroendocrine Tumor' }),
    ).toBe('pancreas');
    expect(primaryRegionOf('other', { code: 'UM', name: 'Uveal Melanoma' })).toBe('eye');
    expect(primaryRegionOf('other', null)).toBeNull();
  });
  it('never throws on any tumor type text', () => {
    fc.assert(
      fc.property(fc.string(), fc.string(), (code, name) => typeof cancerKeyOf({ code, name }) === 'string'),
    );
  });
});

describe('files and PDF dates', () => {
  it('makes safe file names from case ids', () => {
    expect(reportFileName('example-melanoma-001', 'patient', 'html')).toBe(
      'example-melanoma-001.patient.html',
    );
    expect(reportFileName('../etc/passwd', 'clinician', 'pdf')).toBe('etc_passwd.clinician.pdf');
    fc.assert(fc.property(fc.string(), (id) => !/[/\\]/.test(reportFileName(id, 'patient', 'md'))));
  });
  it('stamps the injected clock into PDF dates without changing the length', () => {
    const pdf = Buffer.from(
      "%PDF-1.4\n<</CreationDate (D:20991231235959+01'00') /ModDate (D:20991231235959+01'00')>>\n",
      'latin1',
    );
    const out = stampPdfDates(pdf, new Date('2026-11-25T12:34:56Z'));
    expect(out.length).toBe(pdf.length);
    expect(out.toString('latin1')).toContain(
      "/CreationDate (D:20261125123456+00'00') /ModDate (D:20261125123456+00'00')",
    );
  });
});

describe('message catalogs', () => {
  it('a second catalog changes every rendered string it owns (a translation is one new file)', () => {
    const xa = {
      ...en,
      lang: 'en-XA',
      patient: {
        ...en.patient,
        title: '[Ŷöûr çåñçér réþört]',
        sections: { ...en.patient.sections, cure: '[Çåñ ît ƀé çûréð?]' },
      },
      render: { ...en.render, skipLink: '[Šķîþ]' },
    };
    const f = FIXTURE_CASES[0]!;
    const html = renderHtml(buildPatientReport({ ...f, now: FIXED_NOW, messages: xa }), xa);
    expect(html).toContain('<html lang="en-XA">');
    expect(html).toContain('<h1>[Ŷöûr çåñçér réþört]</h1>');
    expect(html).toContain('[Çåñ ît ƀé çûréð?]');
    expect(html).toContain('>[Šķîþ]</a>');
    expect(html).not.toContain('Your cancer report');
  });
});
