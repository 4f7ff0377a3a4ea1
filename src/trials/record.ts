import type { Criterion, Issue, Trial, TrialSite, TrialStatus } from '../domain/index.js';
import { TRIAL_STATUSES } from '../domain/index.js';
import { conditionsToCodes } from './cancer-types.js';
import { normalizeDrugName } from '../normalize/therapy.js';
import { findDrugs, normalizeDrug } from './drugs.js';
import { parseCriterion } from './eligibility/parse.js';
import { splitEligibility } from './eligibility/split.js';

/**
 * Registry record → Trial. Two sources, one result: ClinicalTrials.gov API v2 study JSON
 * (`protocolSection.*Module`) and the retired legacy XML (`<clinical_study>`). Field paths follow the
 * CT.gov data element definitions; the legacy-to-v2 mapping is the one in the shared data's SOURCE.md.
 */

/** "18 Years", "6 Months", "N/A" → age in years (undefined when absent or not applicable). */
export function parseAgeText(s: unknown): number | undefined {
  if (typeof s !== 'string') return undefined;
  const m = /^\s*(\d+(?:\.\d+)?)\s*(year|month|week|day|hour|minute)s?\b/i.exec(s);
  if (!m) return undefined;
  const v = Number(m[1]);
  switch (m[2]!.toLowerCase()) {
    case 'year':
      return v;
    case 'month':
      return Math.round((v / 12) * 100) / 100;
    case 'week':
      return Math.round((v / 52) * 100) / 100;
    default:
      return 0;
  }
}

/** Legacy "Active, not recruiting" and v2 "ACTIVE_NOT_RECRUITING" → our status; expanded-access values → UNKNOWN. */
export function normalizeStatus(s: unknown): TrialStatus | null {
  if (typeof s !== 'string' || !s.trim()) return null;
  const key = s
    .trim()
    .toUpperCase()
    .replace(/ STATUS$/, '')
    .replace(/[^A-Z]+/g, '_')
    .replace(/^_|_$/g, '');
  return (TRIAL_STATUSES as readonly string[]).includes(key) ? (key as TrialStatus) : null;
}

/** v2 phases ["PHASE1","PHASE2"] or legacy "Phase 1/Phase 2" → "PHASE1/PHASE2"; "N/A" → "NA". */
export function normalizePhase(p: unknown): string | undefined {
  const parts = Array.isArray(p)
    ? p.map(String)
    : typeof p === 'string'
      ? p.replace(/N\/A/gi, 'NA').split('/')
      : [];
  const out = parts
    .map((x) => x.trim().toUpperCase().replace(/\s+/g, '').replace('N/A', 'NA'))
    .map((x) => (x === 'EARLYPHASE1' ? 'EARLY_PHASE1' : x))
    .filter((x) => x !== '');
  return out.length > 0 ? out.join('/') : undefined;
}

/**
 * Registry criteria repeat a lot across trials ("Pregnant or breastfeeding", "ECOG 0-1"): parsed meaning is
 * cached by type + text, bounded so a bulk import keeps a flat memory profile.
 */
const PARSE_CACHE = {
  inclusion: new Map<string, Criterion['parsed']>(),
  exclusion: new Map<string, Criterion['parsed']>(),
};
const PARSE_CACHE_MAX = 100_000;

/** Whole eligibility texts repeat too (replicated or re-imported records): their criteria, bounded likewise. */
const TEXT_CACHE = new Map<string, Criterion[]>();
const TEXT_CACHE_MAX = 2_000;

export function criteriaFor(text: string): Criterion[] {
  let cached = TEXT_CACHE.get(text);
  if (!cached) {
    cached = criteriaForUncached(text);
    if (TEXT_CACHE.size >= TEXT_CACHE_MAX) TEXT_CACHE.clear();
    TEXT_CACHE.set(text, cached);
  }
  return cached.map((c) => ({ ...c }));
}

/** A PDQ sub-label ("Age:", "Performance status:") heading the items under it. */
const PDQ_SUBLABEL = /^[A-Z][A-Za-z /]{1,30}:$/;

function criteriaForUncached(text: string): Criterion[] {
  const split = splitEligibility(text);
  const out: Criterion[] = [];
  for (const c of split) {
    // Items under a PDQ sub-label ("Age:" → "18 and over") are read with the label in front.
    const parent = c.parent !== undefined ? split[c.parent] : undefined;
    const context = parent && PDQ_SUBLABEL.test(parent.text) ? `${parent.text} ${c.text}` : c.text;
    const cache = PARSE_CACHE[c.type];
    let parsed = cache.get(context);
    if (!parsed) {
      parsed = parseCriterion(context, c.type) as Criterion['parsed'];
      if (cache.size >= PARSE_CACHE_MAX) cache.clear();
      cache.set(context, parsed);
    }
    c.parsed = parsed;
    out.push(c);
  }
  return out;
}

function interventionDrugs(name: string, others: readonly string[]): string[] {
  const set = new Set<string>();
  for (const n of [name, ...others]) {
    // The knowledge base's names first, so trial drugs and therapy evidence use the same words.
    const d = normalizeDrugName(n) ?? normalizeDrug(n);
    if (d) set.add(d);
    else for (const x of findDrugs(n)) set.add(x);
  }
  return [...set];
}

function str(v: unknown): string | undefined {
  if (typeof v === 'string') return v.trim() || undefined;
  if (typeof v === 'number') return String(v);
  return undefined;
}
function obj(v: unknown): Record<string, unknown> {
  return v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : {};
}
function arr(v: unknown): unknown[] {
  return Array.isArray(v) ? v : v === undefined || v === null ? [] : [v];
}

export interface ConvertResult {
  trial: Trial | null;
  issues: Issue[];
}

/** One API v2 study object (as in `/api/v2/studies/{nctId}` or an element of `studies[]`). */
export function trialFromApiV2(
  study: unknown,
  where: { file?: string; pointer?: string } = {},
): ConvertResult {
  const issues: Issue[] = [];
  const ps = obj(obj(study).protocolSection);
  const id = obj(ps.identificationModule);
  const nctId = str(id.nctId);
  if (!nctId || !/^NCT\d{8}$/.test(nctId)) {
    issues.push({
      severity: 'error',
      code: 'trial.missing-id',
      message: `study has no valid nctId (${JSON.stringify(id.nctId ?? null)})`,
      ...where,
      field: 'protocolSection.identificationModule.nctId',
    });
    return { trial: null, issues };
  }
  const status = obj(ps.statusModule);
  let st = normalizeStatus(status.overallStatus);
  if (!st) {
    if (status.overallStatus !== undefined)
      issues.push({
        severity: 'warning',
        code: 'trial.status-unknown',
        message: `${nctId}: status ${JSON.stringify(status.overallStatus)} read as UNKNOWN`,
        ...where,
        field: 'statusModule.overallStatus',
      });
    st = 'UNKNOWN';
  }
  const elig = obj(ps.eligibilityModule);
  const eligibilityText = str(elig.eligibilityCriteria) ?? '';
  if (!eligibilityText)
    issues.push({
      severity: 'info',
      code: 'trial.no-eligibility',
      message: `${nctId}: no eligibility text`,
      ...where,
      field: 'eligibilityModule.eligibilityCriteria',
    });
  const conditions = arr(obj(ps.conditionsModule).conditions).map(String);
  const keywords = arr(obj(ps.conditionsModule).keywords).map(String);
  const interventions = arr(obj(ps.armsInterventionsModule).interventions).map((iv) => {
    const o = obj(iv);
    const name = str(o.name) ?? '';
    const others = arr(o.otherNames).map(String);
    return { name, ...(str(o.type) ? { type: str(o.type)! } : {}), drugs: interventionDrugs(name, others) };
  });
  const sites: TrialSite[] = arr(obj(ps.contactsLocationsModule).locations).map((l) => {
    const o = obj(l);
    const geo = obj(o.geoPoint);
    const s = normalizeStatus(o.status);
    return clean({
      facility: str(o.facility),
      city: str(o.city),
      state: str(o.state),
      country: str(o.country),
      postalCode: str(o.zip),
      lat: typeof geo.lat === 'number' ? geo.lat : undefined,
      lon: typeof geo.lon === 'number' ? geo.lon : undefined,
      status: s ?? undefined,
    });
  });
  const sex = str(elig.sex)?.toUpperCase();
  const trial: Trial = clean({
    nctId,
    title: str(id.briefTitle) ?? str(id.officialTitle) ?? nctId,
    officialTitle: str(id.officialTitle),
    phase: normalizePhase(obj(ps.designModule).phases),
    status: st,
    sponsor: str(obj(obj(ps.sponsorCollaboratorsModule).leadSponsor).name),
    startDate: str(obj(status.startDateStruct).date),
    lastUpdate: str(obj(status.lastUpdatePostDateStruct).date) ?? str(status.lastUpdateSubmitDate),
    conditions,
    tumorTypes: conditionsToCodes([...conditions, ...(conditions.length === 0 ? keywords : [])]),
    interventions,
    sites,
    minimumAge: parseAgeText(elig.minimumAge),
    maximumAge: parseAgeText(elig.maximumAge),
    sex: sex === 'ALL' || sex === 'FEMALE' || sex === 'MALE' ? sex : undefined,
    eligibilityText,
    criteria: criteriaFor(eligibilityText),
  }) as Trial;
  return { trial, issues };
}

/**
 * A copy without the undefined properties, so stored JSON stays small and deterministic. Built by adding
 * properties (not by deleting them), which keeps the object in V8's fast shape for the JSON writer.
 */
function clean<T extends object>(o: T): T {
  const out: Record<string, unknown> = {};
  for (const k in o) {
    const v = o[k];
    if (v !== undefined) out[k] = v;
  }
  return out as T;
}

/** One parsed legacy `<clinical_study>` element (fast-xml-parser output, see import-ctgov-xml.ts). */
export function trialFromLegacyXml(root: unknown, where: { file?: string } = {}): ConvertResult {
  const issues: Issue[] = [];
  const cs = obj(root);
  const nctId = str(obj(cs.id_info).nct_id);
  if (!nctId || !/^NCT\d{8}$/.test(nctId)) {
    issues.push({
      severity: 'error',
      code: 'trial.missing-id',
      message: 'clinical_study has no valid id_info/nct_id',
      ...where,
      field: 'id_info/nct_id',
    });
    return { trial: null, issues };
  }
  let st = normalizeStatus(str(cs.overall_status));
  if (!st) {
    issues.push({
      severity: 'warning',
      code: 'trial.status-unknown',
      message: `${nctId}: status ${JSON.stringify(cs.overall_status ?? null)} read as UNKNOWN`,
      ...where,
      field: 'overall_status',
    });
    st = 'UNKNOWN';
  }
  const elig = obj(cs.eligibility);
  const eligibilityText = textblock(obj(elig.criteria).textblock);
  const conditions = arr(cs.condition).map((c) => String(c));
  const interventions = arr(cs.intervention).map((iv) => {
    const o = obj(iv);
    const name = str(o.intervention_name) ?? '';
    const others = arr(o.other_name).map(String);
    return {
      name,
      ...(str(o.intervention_type) ? { type: str(o.intervention_type)!.toUpperCase() } : {}),
      drugs: interventionDrugs(name, others),
    };
  });
  const sites: TrialSite[] = arr(cs.location).map((l) => {
    const o = obj(l);
    const f = obj(o.facility);
    const a = obj(f.address);
    const s = normalizeStatus(str(o.status));
    return clean({
      facility: str(f.name),
      city: str(a.city),
      state: str(a.state),
      country: str(a.country),
      postalCode: str(a.zip),
      status: s ?? undefined,
    });
  });
  const gender = str(elig.gender)?.toUpperCase();
  const date = (v: unknown): string | undefined => str(typeof v === 'object' ? obj(v)['#text'] : v);
  const trial: Trial = clean({
    nctId,
    title: str(cs.brief_title) ?? str(cs.official_title) ?? nctId,
    officialTitle: str(cs.official_title),
    phase: normalizePhase(str(cs.phase)),
    status: st,
    sponsor: str(obj(obj(cs.sponsors).lead_sponsor).agency),
    startDate: date(cs.start_date),
    lastUpdate: date(cs.last_update_posted),
    conditions,
    tumorTypes: conditionsToCodes(conditions.length > 0 ? conditions : [str(cs.brief_title) ?? '']),
    interventions,
    sites,
    minimumAge: parseAgeText(elig.minimum_age),
    maximumAge: parseAgeText(elig.maximum_age),
    sex:
      gender === 'ALL' || gender === 'FEMALE' || gender === 'MALE'
        ? gender
        : gender === 'BOTH'
          ? 'ALL'
          : undefined,
    eligibilityText,
    criteria: criteriaFor(eligibilityText),
  }) as Trial;
  return { trial, issues };
}

/** Legacy text blocks carry CR entities and a common indent; keep the text otherwise as written. */
function textblock(v: unknown): string {
  const s = str(v) ?? '';
  return s.replace(/\r\n?/g, '\n');
}
