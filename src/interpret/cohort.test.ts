import { XMLParser, XMLValidator } from 'fast-xml-parser';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { AnnotationResult, Evidence } from '../domain/index.js';
import { cohortChartSvg, escapeXml } from './chart-svg.js';
import { formatCohortTable, summarizeCohort } from './cohort.js';
import { annotateCase, EvidenceIndex } from './engine.js';
import { formatAnnotationTable } from './output-table.js';
import { amp, bio, caseOf, ev, mut, toyTree } from './fixtures/builders.js';

const KB: Evidence[] = [
  ev({
    id: 'a',
    pattern: { type: 'variant', gene: 'BRAF', alteration: 'V600E' },
    tumorTypes: ['COADREAD'],
    drugs: ['encorafenib', 'cetuximab'],
    level: '1',
  }),
  ev({
    id: 'b',
    pattern: { type: 'amplification', gene: 'ERBB2' },
    tumorTypes: ['BRCA'],
    drugs: ['trastuzumab'],
    level: '1',
  }),
  ev({
    id: 'c',
    pattern: { type: 'variant', gene: 'KRAS', alteration: 'G12D' },
    tumorTypes: ['COADREAD'],
    drugs: ['cetuximab'],
    level: 'R1',
  }),
  ev({
    id: 'd',
    pattern: { type: 'biomarker', biomarker: 'TMB', min: 10 },
    tumorTypes: ['ALL_SOLID_TUMORS'],
    drugs: ['pembrolizumab'],
    level: '1',
  }),
];
const COAD = { code: 'COADREAD', name: 'Colorectal Adenocarcinoma' };
const MEL = { code: 'MEL', name: 'Melanoma' };

function cohort(): AnnotationResult {
  const c = caseOf([
    {
      id: 'S1',
      tumorType: COAD,
      alterations: [mut('BRAF', 'V600E')],
      biomarkers: [bio('TMB', { value: 25 })],
    },
    {
      id: 'S2',
      tumorType: COAD,
      alterations: [mut('KRAS', 'G12D'), amp('ERBB2')],
      biomarkers: [bio('TMB', { value: 4 })],
    },
    {
      id: 'S3',
      tumorType: MEL,
      alterations: [mut('TP53', 'R175H')],
      biomarkers: [bio('TMB', { value: 12 })],
    },
    { id: 'S4', tumorType: MEL, alterations: [mut('BRAF', 'V600E', { somaticStatus: 'germline' })] },
  ]);
  return annotateCase(c, { evidence: new EvidenceIndex(KB), oncotree: toyTree, tmb: false });
}

describe('summarizeCohort', () => {
  it('counts samples per level overall and per cancer type, germline excluded', () => {
    const s = summarizeCohort([cohort()]);
    expect(s.samples).toBe(4);
    // S1: BRAF 1 + TMB 1; S2: KRAS R1 + ERBB2 3B; S3: TMB 1; S4: germline only.
    expect(s.levels['1']).toEqual({ samples: 2, share: 0.5 });
    expect(s.levels['3B'].samples).toBe(1);
    expect(s.levels.R1.samples).toBe(1);
    expect(s.anyLevel1to3A.samples).toBe(2);
    expect(s.noLevel.samples).toBe(1);
    const coad = s.byCancerType.find((t) => t.code === 'COADREAD')!;
    expect(coad.samples).toBe(2);
    expect(coad.levels['1'].samples).toBe(1);
    expect(s.topGenes.map((g) => [g.gene, g.samples, g.highestLevel])).toEqual([
      ['BRAF', 1, '1'],
      ['ERBB2', 1, '3B'],
      ['KRAS', 1, 'R1'],
    ]);
  });

  it('reports the TMB distribution from the samples that have one', () => {
    const r = cohort();
    r.samples[0]!.tmb = { value: 25, provenance: 'computed' };
    r.samples[1]!.tmb = { value: 4, provenance: 'computed' };
    r.samples[2]!.tmb = { value: 12, provenance: 'reported' };
    const t = summarizeCohort([r]).tmb;
    expect(t).toMatchObject({ samples: 3, median: 12, computed: 2, reported: 1 });
    expect(t.atLeast10.samples).toBe(2);
    expect(t.atLeast20.samples).toBe(1);
  });

  it('writes a readable table', () => {
    const text = formatCohortTable(summarizeCohort([cohort()]));
    expect(text).toMatch(/Cohort: 4 sample\(s\)/);
    expect(text).toMatch(/all\s+4\s+50\.0%/);
    expect(text).toMatch(/BRAF\s+1/);
  });
});

describe('cohortChartSvg', () => {
  it('is a well-formed standalone SVG with a title and description', () => {
    const svg = cohortChartSvg(summarizeCohort([cohort()]), { title: 'CRC & melanoma <test>' });
    expect(XMLValidator.validate(svg)).toBe(true);
    const doc = new XMLParser({ ignoreAttributes: false }).parse(svg) as { svg: Record<string, unknown> };
    expect(doc.svg['@_xmlns']).toBe('http://www.w3.org/2000/svg');
    expect((doc.svg.title as Record<string, string>)['#text']).toBe('CRC & melanoma <test>');
    expect(String((doc.svg.desc as Record<string, string>)['#text'])).toMatch(/Level 1: 50\.0% \(2\)/);
    expect(svg.match(/<rect /g)).toHaveLength(7);
  });

  it('property: escaped text always validates', () => {
    fc.assert(
      fc.property(
        fc.string(),
        (t) =>
          XMLValidator.validate(
            `<a>${escapeXml([...t].filter((ch) => ch.codePointAt(0)! >= 0x20 || ch === '\n' || ch === '\t').join(''))}</a>`,
          ) === true,
      ),
    );
  });
});

describe('formatAnnotationTable', () => {
  it('lists actionable alterations strongest first and counts the rest', () => {
    const text = formatAnnotationTable(cohort());
    const s2 = text.split('\n\n').find((b) => b.startsWith('Sample S2'))!;
    const lines = s2.split('\n');
    expect(lines[0]).toMatch(
      /Sample S2 — Colorectal Adenocarcinoma \(COADREAD\) — highest level 3B, resistance R1/,
    );
    expect(lines[2]).toMatch(/^\s+KRAS\s+G12D\s+Unknown\s+R1\s+R1: cetuximab/);
    expect(lines[3]).toMatch(/^\s+ERBB2\s+Amplification\s+Unknown\s+3B\s+3B: trastuzumab/);
    expect(text).toMatch(/\+ 1 other alteration/);
    expect(text).toMatch(/Decision support only/);
  });
});
