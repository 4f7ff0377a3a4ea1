import type { Criterion, Trial, TrialSite } from '../domain/index.js';
import { registryBiomarkers } from './eligibility/parse.js';

/**
 * What the trial store writes for a trial, computed without the database (no SQLite import here), so the
 * import's parse workers can prepare rows and the importing thread only runs the statements.
 */

/** Genes an inclusion criterion requires (biomarker items not negated), and all genes mentioned. */
export function trialGenes(criteria: readonly Criterion[]): Map<string, boolean> {
  const genes = new Map<string, boolean>();
  for (const c of criteria) {
    for (const p of c.parsed) {
      if (p.category !== 'biomarker') continue;
      const item = p as unknown as { anyOf: Array<{ gene: string }>; negated: boolean };
      const required = c.type === 'inclusion' && !item.negated;
      for (const t of item.anyOf) genes.set(t.gene, (genes.get(t.gene) ?? false) || required);
    }
  }
  return genes;
}

/**
 * Title + conditions biomarkers, cached (registryBiomarkers is pure): titles and conditions repeat across
 * re-imports, copies and the matches of one process.
 */
const REGISTRY_CACHE = new Map<string, ReturnType<typeof registryBiomarkers>>();
export function registryBiomarkersOf(
  title: string,
  conditions: readonly string[],
): ReturnType<typeof registryBiomarkers> {
  const key = `${title}\u0000${conditions.join('\u0001')}`;
  let v = REGISTRY_CACHE.get(key);
  if (!v) {
    v = registryBiomarkers(title, conditions);
    if (REGISTRY_CACHE.size >= 50_000) REGISTRY_CACHE.clear();
    REGISTRY_CACHE.set(key, v);
  }
  return v;
}

/**
 * Everything `upsert` writes for one trial, as plain values: computed without the database, so the import's
 * parse workers can prepare it and the importing thread only runs the statements.
 */
export interface PreparedTrial {
  nctId: string;
  /** The trials row up to `criteria`, in column order (source, imported_at and sites follow). */
  row: [
    nctId: string,
    title: string,
    officialTitle: string | null,
    phase: string | null,
    status: string,
    sponsor: string | null,
    startDate: string | null,
    lastUpdate: string | null,
    sex: string | null,
    minAge: number | null,
    maxAge: number | null,
    conditions: string,
    tumorTypes: string,
    interventions: string,
    eligibilityText: string,
    criteria: string,
  ];
  sites: string;
  /** Distinct geocoded places of the trial's sites: city, state, country, lat, lon. */
  places: Array<[string, string, string, number, number]>;
  /** Screening rows: tumor code with the trial's required driver genes (comma list or null). */
  tumors: Array<[string, string | null]>;
  /** Screening rows: gene mentioned, 1 when an inclusion requires it. */
  genes: Array<[string, 0 | 1]>;
}

export function prepareTrialRows(trial: Trial): PreparedTrial {
  const places: PreparedTrial['places'] = [];
  for (const x of trial.sites)
    if (x.city && x.lat !== undefined && x.lon !== undefined)
      places.push([x.city, x.state ?? '', x.country ?? '', x.lat, x.lon]);
  // Trials with no recognised cancer type are indexed as "all tumors" so they stay findable (ranked low).
  const codes = trial.tumorTypes.length > 0 ? trial.tumorTypes : ['ALL_TUMORS'];
  const genes = trialGenes(trial.criteria);
  for (const b of registryBiomarkersOf(trial.title, trial.conditions))
    for (const t of b.anyOf) genes.set(t.gene, true);
  const required = [...genes]
    .filter(([g, r]) => r && !['CD274', 'ER', 'PR', 'HR'].includes(g))
    .map(([g]) => g);
  const req = required.length > 0 ? required.join(',') : null;
  return {
    nctId: trial.nctId,
    row: [
      trial.nctId,
      trial.title,
      trial.officialTitle ?? null,
      trial.phase ?? null,
      trial.status,
      trial.sponsor ?? null,
      trial.startDate ?? null,
      trial.lastUpdate ?? null,
      trial.sex ?? null,
      trial.minimumAge ?? null,
      trial.maximumAge ?? null,
      JSON.stringify(trial.conditions),
      JSON.stringify(trial.tumorTypes),
      JSON.stringify(trial.interventions),
      trial.eligibilityText,
      JSON.stringify(compactCriteria(trial.criteria, trial.eligibilityText)),
    ],
    sites: sitesJson(trial.sites),
    places,
    tumors: codes.map((c) => [c, req]),
    genes: [...genes].map(([g, r]) => [g, r ? 1 : 0]),
  };
}

/** Sites as stored: the array as given (JSON.stringify drops undefined fields), read back by `parseSites`. */
export function sitesJson(sites: readonly TrialSite[]): string {
  return sites.length === 0 ? '[]' : JSON.stringify(sites);
}

export type StoredCriterion = Omit<Criterion, 'text'> & { text?: string };

export function compactCriteria(criteria: readonly Criterion[], text: string): StoredCriterion[] {
  return criteria.map((c) => {
    if (c.span && text.slice(c.span[0], c.span[1]) === c.text) {
      const { text: _omit, ...rest } = c;
      return rest;
    }
    return c;
  });
}
