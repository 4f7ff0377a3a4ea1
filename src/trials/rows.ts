import type { Criterion, Trial, TrialSite } from '../domain/index.js';
import { registryBiomarkers } from './eligibility/parse.js';
import { cleanCriterionText, cleansTo } from './eligibility/split.js';

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

/**
 * A criterion as stored: `[kind, start, end, parent, parsed, text, section]`, with trailing defaults left off
 * (most criteria are `[0, 28, 47]` or `[1, 120, 260, 3, [...]]`). kind 0 is inclusion, 1 exclusion; start and
 * end are the span (−1 when there is none); parent −1 is none; parsed 0 is none. The text is left out when it is
 * the eligibility text at the span, is 1 when it is that text cleaned (cleanCriterionText: wrapped lines
 * joined, Markdown escapes removed), and is written out only otherwise. Against the earlier one-object-per-
 * criterion layout this halves the column (4.2 → ~2 KB a trial), which the importing thread writes and `match`
 * parses for every trial it evaluates.
 */
export type StoredCriterion = [
  kind: 0 | 1,
  start: number,
  end: number,
  parent?: number,
  parsed?: Criterion['parsed'] | 0,
  text?: string | 1,
  section?: string,
];

/** The layout rows were written in before StoredCriterion: still read. */
type ObjectCriterion = Omit<Criterion, 'text'> & { text?: string };

export function compactCriteria(criteria: readonly Criterion[], text: string): StoredCriterion[] {
  return criteria.map((c) => {
    const at = c.span ? text.slice(c.span[0], c.span[1]) : undefined;
    const t: string | 1 | undefined =
      at === c.text ? undefined : at !== undefined && cleansTo(at, c.text) ? 1 : c.text;
    const out: StoredCriterion = [
      c.type === 'exclusion' ? 1 : 0,
      c.span ? c.span[0] : -1,
      c.span ? c.span[1] : -1,
      c.parent ?? -1,
      c.parsed.length > 0 ? c.parsed : 0,
      t,
      c.section,
    ];
    // Trailing defaults are dropped (JSON would write undefined as null).
    let n = out.length;
    while (n > 3) {
      const v = out[n - 1];
      if (v === undefined || (n === 5 && v === 0) || (n === 4 && v === -1)) n--;
      else break;
    }
    // A text left out before a section is written as null, read back as "the span's text".
    out.length = n;
    return out;
  });
}

/** The criteria of a stored row, in either layout. */
export function expandCriteria(
  stored: ReadonlyArray<StoredCriterion | ObjectCriterion>,
  text: string,
): Criterion[] {
  const out: Criterion[] = new Array(stored.length);
  for (let i = 0; i < stored.length; i++) {
    const c = stored[i]!;
    if (!Array.isArray(c)) {
      const o = c as ObjectCriterion;
      if (o.text !== undefined || !o.span) out[i] = o as Criterion;
      else {
        const { type, ...rest } = o;
        out[i] = { type, text: text.slice(o.span[0], o.span[1]), ...rest } as Criterion;
      }
      continue;
    }
    const [kind, start, end, parent, parsed, t, section] = c;
    const at = start >= 0 ? text.slice(start, end) : '';
    // Fields in the order the splitter creates them: type, text, span, parent, section, parsed.
    const x = {
      type: kind === 1 ? 'exclusion' : 'inclusion',
      text: typeof t === 'string' ? t : t === 1 ? cleanCriterionText(at) : at,
    } as Criterion;
    if (start >= 0) x.span = [start, end];
    if (parent !== undefined && parent >= 0) x.parent = parent;
    if (typeof section === 'string') x.section = section;
    x.parsed = parsed || [];
    out[i] = x;
  }
  return out;
}

/** Whether a stored criterion (either layout) has parsed meaning. */
export function storedParsed(c: StoredCriterion | ObjectCriterion): boolean {
  return Array.isArray(c) ? Array.isArray(c[4]) && c[4].length > 0 : c.parsed.length > 0;
}
