import type {
  AnnotatedAlteration,
  AnnotationResult,
  Biomarker,
  Case,
  Level,
  MetastaticSite,
  Treatment,
} from '../domain/index.js';
import { levelRank } from '../domain/index.js';
import { cancerKeyOf, primaryRegionOf, type BodyRegion } from './cancer-types.js';
import type { FindingCategory, KnowledgeStamp } from './model.js';
import type { CancerKey } from './messages/types.js';

/**
 * What both reports need from a case and its annotation, computed once: the cancer type key, the
 * metastatic sites (deduplicated), and the findings sorted by category and level. Pure and ordered, so the
 * same inputs give the same report.
 */

export interface Finding {
  category: FindingCategory;
  alteration: AnnotatedAlteration;
  /** Strongest sensitivity treatments (same level), drugs joined as combinations: "dabrafenib + trametinib". */
  therapies: string[];
  /** All drugs of those therapies, flattened. */
  drugs: string[];
  resistanceTherapies: string[];
  level: Level | null;
}

export interface CaseFacts {
  cancerKey: CancerKey;
  primaryRegion: BodyRegion | null;
  sites: MetastaticSite[];
  findings: Finding[];
  biomarkers: Biomarker[];
  tmb: { value: number; provenance: 'reported' | 'computed' } | null;
  knowledge: KnowledgeStamp[];
  hasGenomicResults: boolean;
}

const CATEGORY_ORDER: Record<FindingCategory, number> = {
  approved: 0,
  otherCancer: 1,
  research: 2,
  resistance: 3,
  biomarker: 4,
  oncogenic: 5,
  vus: 6,
  benign: 7,
};

export function therapyName(t: Treatment): string {
  return t.drugs.join(' + ');
}

function categorize(a: AnnotatedAlteration): FindingCategory {
  const s = a.highestSensitiveLevel;
  if (s === '1' || s === '2') return 'approved';
  if (s === '3B') return 'otherCancer';
  if (s === '3A' || s === '4') return 'research';
  if (a.highestResistanceLevel) return 'resistance';
  if (a.kind === 'biomarker') return 'biomarker';
  switch (a.oncogenic) {
    case 'Oncogenic':
    case 'Likely Oncogenic':
      return 'oncogenic';
    case 'Likely Neutral':
      return 'benign';
    case 'Inconclusive':
    case 'Unknown':
      return 'vus';
  }
}

function uniq(xs: Iterable<string>): string[] {
  return [...new Set(xs)];
}

export function findingOf(a: AnnotatedAlteration): Finding {
  const category = categorize(a);
  const sens = a.treatments.filter((t) => t.effect === 'sensitivity' && t.level === a.highestSensitiveLevel);
  const res = a.treatments.filter((t) => t.effect === 'resistance');
  const therapies = uniq(sens.map(therapyName)).sort();
  return {
    category,
    alteration: a,
    therapies,
    drugs: uniq(sens.flatMap((t) => t.drugs)).sort(),
    resistanceTherapies: uniq(res.map(therapyName)).sort(),
    level: a.highestSensitiveLevel ?? a.highestResistanceLevel,
  };
}

function findingKey(a: AnnotatedAlteration): string {
  return `${a.kind}|${a.gene ?? ''}|${a.alteration ?? a.originalText}`;
}

export function caseFacts(
  c: Case,
  annotation: AnnotationResult,
  ancestors: readonly string[] = [],
): CaseFacts {
  const tumorType = c.tumorType ?? annotation.samples.find((s) => s.tumorType)?.tumorType ?? null;
  const cancerKey = cancerKeyOf(tumorType, ancestors);
  const seenSites = new Set<string>();
  const sites: MetastaticSite[] = [];
  for (const s of c.metastaticSites) {
    if (seenSites.has(s.site)) continue;
    seenSites.add(s.site);
    sites.push(s);
  }
  const byKey = new Map<string, AnnotatedAlteration>();
  for (const sample of annotation.samples)
    for (const a of sample.alterations) if (!byKey.has(findingKey(a))) byKey.set(findingKey(a), a);
  const findings = [...byKey.values()].map(findingOf).sort((x, y) => {
    const c1 = CATEGORY_ORDER[x.category] - CATEGORY_ORDER[y.category];
    if (c1 !== 0) return c1;
    const l1 = (x.level ? levelRank(x.level) : 99) - (y.level ? levelRank(y.level) : 99);
    if (l1 !== 0) return l1;
    return `${x.alteration.gene ?? ''} ${x.alteration.alteration ?? ''}`.localeCompare(
      `${y.alteration.gene ?? ''} ${y.alteration.alteration ?? ''}`,
      'en',
    );
  });
  const biomarkers: Biomarker[] = [];
  const seenBio = new Set<string>();
  for (const sample of c.samples)
    for (const b of sample.biomarkers) {
      const k = `${b.name}|${b.alteration}`;
      if (!seenBio.has(k)) {
        seenBio.add(k);
        biomarkers.push(b);
      }
    }
  const tmbSample = annotation.samples.find((s) => s.tmb);
  const tmb = tmbSample?.tmb ? { value: tmbSample.tmb.value, provenance: tmbSample.tmb.provenance } : null;
  const knowledge = annotation.knowledgeBase
    .map((k) => ({ source: k.source, version: k.version, date: k.date }))
    .sort((a, b) => a.source.localeCompare(b.source, 'en') || a.version.localeCompare(b.version, 'en'));
  const hasGenomicResults =
    c.samples.some((s) => s.alterations.length > 0) ||
    annotation.samples.some((s) => s.alterations.some((a) => a.kind !== 'biomarker'));
  return {
    cancerKey,
    primaryRegion: primaryRegionOf(cancerKey, tumorType),
    sites,
    findings,
    biomarkers,
    tmb,
    knowledge,
    hasGenomicResults,
  };
}

/** Whether a biomarker result points toward a treatment (high/positive), per the statuses in domain/alteration.ts. */
export function biomarkerPositive(b: Biomarker): boolean {
  const st = (b.status ?? '').toUpperCase();
  switch (b.name) {
    case 'MSI':
      return st === 'MSI-H';
    case 'MMR':
      return st === 'DMMR';
    case 'TMB':
      return st === 'TMB-H' || (b.value !== undefined && b.value >= 10);
    case 'PD-L1':
      return st === 'POSITIVE' || (b.value !== undefined && b.value >= 1);
    case 'HER2':
      return st === '3+' || st === 'POSITIVE' || st === 'ISH+';
    case 'ER':
    case 'PR':
    case 'HRD':
      return st === 'POSITIVE' || st === 'LOW';
  }
}

export function knowledgeLine(
  k: readonly KnowledgeStamp[],
  none: string,
  format: (r: KnowledgeStamp) => string = (r) => `${r.source} ${r.version} (${r.date})`,
): string {
  return k.length ? k.map(format).join('; ') : none;
}

/** ISO date (YYYY-MM-DD) in UTC from the injected clock. */
export function isoDate(now: Date): string {
  return now.toISOString().slice(0, 10);
}
