import type { Trial } from '../domain/index.js';
import { conditionsToCodes } from './cancer-types.js';
import { findDrugs, normalizeDrug } from './drugs.js';
import { criteriaFor, normalizePhase, normalizeStatus, parseAgeText } from './record.js';

/**
 * The normalized trial layout of the shared `ctgov_modern/jwlieb_clinical_trial_agent` records (not a registry
 * format: `nct_id`, `title`, `phase` "Phase 1/Phase 2", `status` "Recruiting", `conditions[]`,
 * `interventions[]` names, `locations[]` country names, `eligibility.raw_text` = the verbatim API v2
 * eligibilityCriteria). Used by tests and the benchmark to load those records; `trials import` reads only
 * the registry's own formats.
 */
export function trialFromNormalizedRecord(rec: unknown): Trial | null {
  if (rec === null || typeof rec !== 'object') return null;
  const r = rec as Record<string, unknown>;
  const nctId = typeof r.nct_id === 'string' ? r.nct_id : null;
  if (!nctId) return null;
  const elig = (r.eligibility ?? {}) as Record<string, unknown>;
  const text = typeof elig.raw_text === 'string' ? elig.raw_text : '';
  const conditions = Array.isArray(r.conditions) ? r.conditions.map(String) : [];
  const phase =
    typeof r.phase === 'string' ? normalizePhase(r.phase.replace(/not applicable/i, 'NA')) : undefined;
  const sex = typeof elig.sex === 'string' ? elig.sex.toUpperCase() : undefined;
  const minimumAge = parseAgeText(elig.minimum_age);
  const maximumAge = parseAgeText(elig.maximum_age);
  return {
    nctId,
    title: typeof r.title === 'string' ? r.title : nctId,
    ...(phase ? { phase } : {}),
    status: normalizeStatus(r.status) ?? 'UNKNOWN',
    ...(typeof r.sponsor === 'string' ? { sponsor: r.sponsor } : {}),
    ...(typeof r.start_date === 'string' ? { startDate: r.start_date } : {}),
    conditions,
    tumorTypes: conditionsToCodes(conditions),
    interventions: (Array.isArray(r.interventions) ? r.interventions.map(String) : []).map((name) => {
      const d = normalizeDrug(name);
      return { name, drugs: d ? [d] : findDrugs(name) };
    }),
    // Only country names are kept in this layout; sites get no facility or coordinates.
    sites: (Array.isArray(r.locations) ? r.locations.map(String) : []).map((country) => ({ country })),
    ...(minimumAge !== undefined ? { minimumAge } : {}),
    ...(maximumAge !== undefined ? { maximumAge } : {}),
    ...(sex === 'ALL' || sex === 'FEMALE' || sex === 'MALE' ? { sex } : {}),
    eligibilityText: text,
    criteria: criteriaFor(text),
  };
}
