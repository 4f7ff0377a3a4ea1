import { describe, expect, it } from 'vitest';
import {
  CASE_SCHEMA_VERSION,
  type AnnotatedAlteration,
  type Biomarker,
  type Case,
  type GenomicAlteration,
} from '../domain/index.js';
import { builtinOncogenicity } from '../knowledge/builtin/index.js';
import { builtinContext } from '../normalize/context.js';
import { parseTypedAlteration } from '../normalize/typed.js';
import { annotateCase } from './engine.js';
import { loadKnowledge } from './knowledge.js';

/**
 * Level-1 therapies case by case, with the real built-in knowledge, oncogenicity rules and OncoTree: the
 * checks a molecular tumor board would make first. Drug names are generic, lower case; combinations are
 * written as `a+b` in the order the knowledge gives them, compared here as sets.
 */
const ctx = builtinContext();
const knowledge = loadKnowledge({ sources: ['builtin'] });

function annotateTyped(tumorCode: string | null, ...texts: string[]): AnnotatedAlteration[] {
  const alterations: GenomicAlteration[] = [];
  const biomarkers: Biomarker[] = [];
  for (const t of texts) {
    const r = parseTypedAlteration(t, ctx);
    if (r.alteration) alterations.push(r.alteration);
    else if (r.biomarker) biomarkers.push(r.biomarker);
    else throw new Error(`could not parse "${t}": ${r.issues.map((i) => i.message).join('; ')}`);
  }
  const tumorType = tumorCode
    ? (ctx.oncotree.resolve(tumorCode).ref ?? { code: tumorCode, name: tumorCode })
    : undefined;
  const c: Case = {
    schemaVersion: CASE_SCHEMA_VERSION,
    id: 'std',
    patient: { sex: 'unknown' },
    metastaticSites: [],
    priorTherapies: [],
    samples: [
      { id: 'S', sampleType: 'unknown', alterations, biomarkers, ...(tumorType ? { tumorType } : {}) },
    ],
    inputs: [],
    issues: [],
  };
  return annotateCase(c, {
    evidence: knowledge.index,
    oncotree: ctx.oncotree,
    oncogenicity: builtinOncogenicity,
    tmb: false,
  }).samples[0]!.alterations;
}

const key = (drugs: readonly string[]): string => [...drugs].sort().join('+');
/** Drug combinations at `level` for one annotated alteration. */
function at(a: AnnotatedAlteration, level: string): string[] {
  return a.treatments.filter((t) => t.level === level).map((t) => key(t.drugs));
}
const combo = (...drugs: string[]): string => key(drugs);

describe('standard cases: level 1 therapies', () => {
  it('BRAF V600E colorectal: encorafenib+cetuximab 1, dabrafenib+trametinib not 1', () => {
    const [a] = annotateTyped('COADREAD', 'BRAF V600E');
    expect(at(a!, '1')).toContain(combo('encorafenib', 'cetuximab'));
    expect(at(a!, '1')).not.toContain(combo('dabrafenib', 'trametinib'));
    expect(a!.oncogenic).toBe('Oncogenic');
  });

  it('BRAF V600E melanoma: dabrafenib+trametinib, vemurafenib+cobimetinib, encorafenib+binimetinib 1', () => {
    const [a] = annotateTyped('MEL', 'BRAF V600E');
    expect(at(a!, '1')).toEqual(
      expect.arrayContaining([combo('dabrafenib', 'trametinib'), combo('encorafenib', 'binimetinib')]),
    );
  });

  it('BRAF V600E in another solid tumor (pancreas): dabrafenib+trametinib 1 through the tissue-agnostic approval', () => {
    const [a] = annotateTyped('PAAD', 'BRAF V600E');
    expect(at(a!, '1')).toContain(combo('dabrafenib', 'trametinib'));
  });

  it('KRAS G12C lung: sotorasib and adagrasib 1', () => {
    const [a] = annotateTyped('LUAD', 'KRAS G12C');
    expect(at(a!, '1')).toEqual(expect.arrayContaining(['sotorasib', 'adagrasib']));
  });

  it('KRAS G12C colorectal: sotorasib+panitumumab and adagrasib+cetuximab 1; sotorasib alone not 1', () => {
    const [a] = annotateTyped('COADREAD', 'KRAS G12C');
    expect(at(a!, '1')).toEqual(
      expect.arrayContaining([combo('sotorasib', 'panitumumab'), combo('adagrasib', 'cetuximab')]),
    );
    expect(at(a!, '1')).not.toContain('sotorasib');
  });

  it('EGFR T790M lung: osimertinib 1', () => {
    const [a] = annotateTyped('LUAD', 'EGFR T790M');
    expect(at(a!, '1')).toContain('osimertinib');
  });

  it('EGFR L858R lung: osimertinib 1', () => {
    const [a] = annotateTyped('LUAD', 'EGFR L858R');
    expect(at(a!, '1')).toContain('osimertinib');
  });

  it('EGFR exon 20 insertion lung: amivantamab 1', () => {
    const [a] = annotateTyped('LUAD', 'EGFR exon 20 insertion');
    expect(at(a!, '1').some((d) => d.split('+').includes('amivantamab'))).toBe(true);
  });

  it('PDGFRA D842V GIST: avapritinib 1 and imatinib resistance R1', () => {
    const [a] = annotateTyped('GIST', 'PDGFRA D842V');
    expect(at(a!, '1')).toContain('avapritinib');
    expect(at(a!, 'R1')).toContain('imatinib');
    expect(a!.highestResistanceLevel).toBe('R1');
  });

  it('EML4::ALK lung: alectinib 1', () => {
    const [a] = annotateTyped('LUAD', 'EML4::ALK');
    expect(at(a!, '1')).toContain('alectinib');
  });

  it('ERBB2 amplification breast: trastuzumab-based therapy 1', () => {
    const [a] = annotateTyped('BRCA', 'ERBB2 amplification');
    expect(at(a!, '1').some((d) => d.split('+').some((x) => x.startsWith('trastuzumab')))).toBe(true);
  });

  it('NTRK fusion in a solid tumor: larotrectinib and entrectinib 1', () => {
    const [a] = annotateTyped('THPA', 'ETV6::NTRK3');
    expect(at(a!, '1')).toEqual(expect.arrayContaining(['larotrectinib', 'entrectinib']));
  });

  it('MSI-H in a solid tumor: pembrolizumab 1', () => {
    const [a] = annotateTyped('PAAD', 'MSI-H');
    expect(at(a!, '1')).toContain('pembrolizumab');
  });

  it('TMB 12 mut/Mb in a solid tumor: pembrolizumab 1; TMB 8: nothing', () => {
    const [hi] = annotateTyped('PAAD', 'TMB 12 mut/Mb');
    expect(at(hi!, '1')).toContain('pembrolizumab');
    const [lo] = annotateTyped('PAAD', 'TMB 8 mut/Mb');
    expect(lo!.treatments.filter((t) => t.drugs.includes('pembrolizumab'))).toEqual([]);
  });

  it('HER2 IHC 3+ breast: trastuzumab-based therapy 1', () => {
    const [a] = annotateTyped('BRCA', 'HER2 IHC 3+');
    expect(at(a!, '1').some((d) => d.split('+').some((x) => x.startsWith('trastuzumab')))).toBe(true);
  });

  it('PD-L1 TPS 60% non-small cell lung: pembrolizumab 1', () => {
    const [hi] = annotateTyped('LUAD', 'PD-L1 TPS 60%');
    expect(at(hi!, '1')).toContain('pembrolizumab');
  });

  it('dMMR in a solid tumor: an immune checkpoint inhibitor at level 1', () => {
    const [a] = annotateTyped('UCEC', 'dMMR');
    expect(
      at(a!, '1').some((d) => ['pembrolizumab', 'dostarlimab'].some((x) => d.split('+').includes(x))),
    ).toBe(true);
  });

  it('EGFR exon 19 deletion lung: osimertinib 1', () => {
    const [a] = annotateTyped('LUAD', 'EGFR exon 19 deletion');
    expect(at(a!, '1')).toContain('osimertinib');
  });

  it('same alteration, three tumor types: KRAS G12C is level 1 in lung, 1 in colorectal (combination), 3B in melanoma', () => {
    expect(annotateTyped('LUAD', 'KRAS G12C')[0]!.highestSensitiveLevel).toBe('1');
    expect(annotateTyped('COADREAD', 'KRAS G12C')[0]!.highestSensitiveLevel).toBe('1');
    const mel = annotateTyped('MEL', 'KRAS G12C')[0]!;
    expect(mel.highestSensitiveLevel).toBe('3B');
    expect(mel.treatments.find((t) => t.drugs.includes('sotorasib'))?.sourceLevel).toBe('1');
  });

  it('without a tumor type nothing is level 1 except all-tumor evidence, and BRAF V600E is still listed', () => {
    const [a] = annotateTyped(null, 'BRAF V600E');
    expect(a!.treatments.length).toBeGreaterThan(0);
    expect(at(a!, '1')).toEqual([]);
    expect(a!.highestSensitiveLevel).toBe('3B');
  });
});
