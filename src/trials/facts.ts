import type {
  AlterationClass,
  Biomarker,
  BiomarkerName,
  Case,
  GenomicAlteration,
  Location,
  MetastaticSite,
} from '../domain/index.js';
import { cancerAncestors, cancerName, resolveCancerText } from './cancer-types.js';
import { drugClassesOf, findDrugs, type DrugClass } from './drugs.js';

/**
 * What the matcher knows about a patient, flattened from a normalized Case (or from a clinical note). This
 * is also what `trials match` prints as `extracted`, so users see exactly which facts were used.
 */
export interface CaseFacts {
  age?: number;
  sex: 'female' | 'male' | 'other' | 'unknown';
  ecog?: number;
  /** Karnofsky performance score (0–100), when the case gives one (notes: "KPS 80"). */
  karnofsky?: number;
  tumorType?: { code: string; name: string; input?: string };
  stage?: string;
  /** True when the case lists metastatic sites or a stage IV; undefined when nothing says either way. */
  metastatic?: boolean;
  sites: Array<{ site: MetastaticSite['site']; status: MetastaticSite['status']; text?: string }>;
  alterations: Array<{
    gene: string;
    kind: GenomicAlteration['kind'];
    alteration: string;
    classes: AlterationClass[];
    text: string;
    partners?: string[];
  }>;
  biomarkers: Array<{
    name: BiomarkerName;
    status?: string;
    value?: number;
    scoreType?: string;
    text: string;
  }>;
  /** True when tumor sequencing results are part of the case (so an unreported gene means "not found"). */
  profiled: boolean;
  /** Genes the case says were tested and found without alteration ("RAS/BRAF wild-type", "negative for EGFR"). */
  testedNegative?: string[];
  priorTherapies: Array<{
    drugs: string[];
    name?: string;
    classes: DrugClass[];
    type: string;
    progressed?: boolean;
    line?: number;
    /** When known: adjuvant, neoadjuvant and maintenance therapy are not lines of their own. */
    setting?: 'metastatic' | 'adjuvant' | 'neoadjuvant' | 'maintenance';
    /** The therapy the patient is on now (a note's "now on FOLFIRI"): received, but not a prior line. */
    current?: boolean;
  }>;
  /** Systemic lines for advanced disease, counted from the prior therapies. */
  priorLines: number;
  location?: Location;
}

export function factsFromCase(c: Case): CaseFacts {
  const alterations: CaseFacts['alterations'] = [];
  const biomarkers: CaseFacts['biomarkers'] = [];
  for (const s of c.samples) {
    for (const a of s.alterations) alterations.push(alterationFact(a));
    for (const b of s.biomarkers) biomarkers.push(biomarkerFact(b));
  }
  const sample = c.samples[0];
  const tumor = c.tumorType ?? sample?.tumorType;
  const facts: CaseFacts = {
    sex: c.patient.sex,
    sites: c.metastaticSites.map((s) => ({
      site: s.site,
      status: s.status,
      ...(s.text ? { text: s.text } : {}),
    })),
    alterations,
    biomarkers,
    profiled: alterations.length > 0 || c.samples.some((s) => s.panel !== undefined),
    priorTherapies: c.priorTherapies.map((t) => {
      const drugs = t.drugs.length > 0 ? t.drugs : t.name ? findDrugs(t.name) : [];
      return {
        drugs,
        ...(t.name ? { name: t.name } : {}),
        classes: [...new Set(drugs.flatMap(drugClassesOf))],
        type: t.type,
        ...(t.progressed !== undefined
          ? { progressed: t.progressed }
          : t.response === 'PD'
            ? { progressed: true }
            : {}),
        ...(t.line !== undefined ? { line: t.line } : {}),
        ...(t.setting !== 'unknown' ? { setting: t.setting } : {}),
      };
    }),
    priorLines: 0,
  };
  const age = c.patient.age ?? sample?.age;
  if (age !== undefined) facts.age = age;
  if (facts.sex === 'unknown' && sample?.sex) facts.sex = sample.sex;
  if (c.patient.ecog !== undefined) facts.ecog = c.patient.ecog;
  if (c.patient.location) facts.location = c.patient.location;
  if (tumor) {
    // Our trial index speaks the codes of cancer-types.ts; a case code outside it keeps its own ancestry.
    const code = tumor.code;
    facts.tumorType = {
      code,
      name: tumor.name || cancerName(code),
      ...(tumor.input ? { input: tumor.input } : {}),
    };
  }
  if (c.stage) facts.stage = c.stage;
  finishFacts(facts);
  return facts;
}

/** Derived facts: metastatic status and the number of systemic lines for advanced disease. */
export function finishFacts(f: CaseFacts): void {
  const stageIV = f.stage !== undefined && /\b(IV|4)[ABC]?\b/i.test(f.stage);
  if (f.sites.length > 0 || stageIV) f.metastatic = true;
  // Lines for advanced disease: therapy given around surgery (adjuvant, neoadjuvant) or to keep a response
  // (maintenance) is not a line of its own.
  const systemic = f.priorTherapies.filter(
    (t) => t.type === 'systemic' && !t.current && (t.setting === undefined || t.setting === 'metastatic'),
  );
  const lines = systemic.map((t) => t.line ?? 0);
  f.priorLines = Math.max(systemic.length, ...lines, 0);
  if (f.tumorType && !resolveKnown(f.tumorType.code)) {
    const r = resolveCancerText(f.tumorType.input ?? f.tumorType.name);
    if (r) f.tumorType = { ...f.tumorType, code: r.code, name: r.name };
  }
}

function resolveKnown(code: string): boolean {
  return cancerAncestors(code).length > 1;
}

export function alterationFact(a: GenomicAlteration): CaseFacts['alterations'][number] {
  switch (a.kind) {
    case 'mutation':
      return {
        gene: a.gene,
        kind: 'mutation',
        alteration: a.alteration ?? '',
        classes: a.classes,
        text: a.originalText,
      };
    case 'copyNumber':
      return { gene: a.gene, kind: 'copyNumber', alteration: a.change, classes: [], text: a.originalText };
    case 'fusion':
      return {
        gene: a.gene,
        kind: 'fusion',
        alteration: a.alteration,
        classes: [],
        text: a.originalText,
        partners: [a.gene5, a.gene3].filter((x): x is string => x !== null),
      };
    default: {
      const never: never = a;
      return never;
    }
  }
}

export function biomarkerFact(b: Biomarker): CaseFacts['biomarkers'][number] {
  return {
    name: b.name,
    ...(b.status !== undefined ? { status: b.status } : {}),
    ...(b.value !== undefined ? { value: b.value } : {}),
    ...(b.scoreType !== undefined ? { scoreType: b.scoreType } : {}),
    text: b.alteration,
  };
}

/** Genes the case carries (for candidate screening), with biomarker names mapped to our index keys. */
export function caseGenes(f: CaseFacts): string[] {
  const genes = new Set<string>();
  for (const a of f.alterations) {
    genes.add(a.gene);
    for (const p of a.partners ?? []) genes.add(p);
    if (a.gene === 'BRCA1' || a.gene === 'BRCA2') genes.add('BRCA1/2');
    if (a.gene.startsWith('NTRK')) genes.add('NTRK');
    if (a.gene.startsWith('FGFR')) genes.add('FGFR');
  }
  for (const b of f.biomarkers) {
    const key = b.name === 'HER2' ? 'ERBB2' : b.name === 'PD-L1' ? 'CD274' : b.name;
    if (key === 'ERBB2' && !/pos|3\+|ISH\+|amp/i.test(b.status ?? b.text)) continue;
    genes.add(key);
    if (key === 'ER' || key === 'PR') genes.add('HR');
  }
  return [...genes];
}
