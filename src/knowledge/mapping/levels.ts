import type { Level } from '../../domain/index.js';

/**
 * Each imported source's own evidence scale → onconav levels (1, 2, 3A, 3B, 4; R1, R2).
 *
 * The importers record what the source asserts for the tumor type it names. Level 3B ("strong evidence,
 * but in another tumor type") is assigned by the actionability engine when a case's tumor type differs; an
 * importer gives 3B only when the source itself says the evidence comes from another tumor type
 * (AMP Tier II level C). The source's own label is always kept in `Evidence.sourceLevel`.
 *
 * The tables below are the documented mapping (docs/knowledge-sources.md repeats them with the reasons).
 * `null` means: the row does not become evidence, and the importer counts it under a skip reason.
 */

export type MappedLevel = { level: Level } | { skip: string };

// ---------------------------------------------------------------------------------------------- CIViC
export const CIVIC_EVIDENCE_LEVELS = ['A', 'B', 'C', 'D', 'E'] as const;
export type CivicEvidenceLevel = (typeof CIVIC_EVIDENCE_LEVELS)[number];

/**
 * CIViC evidence levels (civic docs, "Evidence Level"): A validated association (proven or consensus in
 * clinical practice), B clinical evidence (trials, cohorts), C case study, D preclinical, E inferential.
 * A is not proof of an FDA approval for this use, so it maps to 2, not 1 (only assertions that state a
 * regulatory approval reach level 1). C maps to 4 because the AMP/ASCO/CAP 2017 guideline files
 * "few case reports without consensus" under its level D, which our table pairs with level 4.
 */
export const CIVIC_SENSITIVITY_LEVEL: Record<CivicEvidenceLevel, Level | null> = {
  A: '2',
  B: '3A',
  C: '4',
  D: '4',
  E: '4',
};

/** Resistance: R1 needs standard-of-care weight (A); clinical data (B, C) is R2; preclinical/inferential has no level. */
export const CIVIC_RESISTANCE_LEVEL: Record<CivicEvidenceLevel, Level | null> = {
  A: 'R1',
  B: 'R2',
  C: 'R2',
  D: null,
  E: null,
};

export function isCivicEvidenceLevel(s: string): s is CivicEvidenceLevel {
  return (CIVIC_EVIDENCE_LEVELS as readonly string[]).includes(s);
}

export function civicEvidenceLevel(level: string, effect: 'sensitivity' | 'resistance'): MappedLevel {
  const l = level.trim().toUpperCase();
  if (!isCivicEvidenceLevel(l)) return { skip: 'unknown-level' };
  const mapped = effect === 'sensitivity' ? CIVIC_SENSITIVITY_LEVEL[l] : CIVIC_RESISTANCE_LEVEL[l];
  return mapped === null ? { skip: 'resistance-preclinical' } : { level: mapped };
}

/**
 * CIViC assertions carry an AMP/ASCO/CAP category ("Tier I - Level A") plus regulatory-approval and
 * companion-test flags. Tier I-A with a regulatory approval → 1; Tier I-A otherwise (guideline) → 2;
 * Tier I-B → 3A; Tier II-C (approved in another tumor type, or investigational) → 3B; Tier II-D → 4.
 */
export function civicAssertionLevel(
  ampCategory: string,
  regulatoryApproval: boolean,
  effect: 'sensitivity' | 'resistance',
): MappedLevel {
  const m = /Tier\s+(I{1,2}|III|IV)\s*-\s*Level\s+([A-D])/i.exec(ampCategory);
  if (!m) return { skip: 'assertion-without-amp-tier' };
  const tier = m[1]!.toUpperCase();
  const letter = m[2]!.toUpperCase();
  if (tier !== 'I' && tier !== 'II') return { skip: 'assertion-tier-iii-iv' };
  if (effect === 'resistance') return { level: tier === 'I' ? 'R1' : 'R2' };
  switch (letter) {
    case 'A':
      return { level: regulatoryApproval ? '1' : '2' };
    case 'B':
      return { level: '3A' };
    case 'C':
      return { level: '3B' };
    case 'D':
      return { level: '4' };
    default:
      return { skip: 'unknown-level' };
  }
}

// ------------------------------------------------------------------------------------------ MOAlmanac
export const MOALMANAC_IMPLICATIONS = [
  'FDA-Approved',
  'Guideline',
  'Clinical trial',
  'Clinical evidence',
  'Preclinical',
  'Inferential',
] as const;
export type MoalmanacImplication = (typeof MOALMANAC_IMPLICATIONS)[number];

/**
 * MOAlmanac `predictive_implication` (Reardon et al., Nat Cancer 2021, "evidence tiers"). FDA-Approved
 * statements name the approved indication's tumor type, so they are level 1 for that type (the engine
 * lowers them to 3B elsewhere); Guideline → 2. "Clinical trial" (published trial results) and "Clinical
 * evidence" (smaller clinical studies, case series) are both clinical data in patients of that tumor type
 * → 3A; the source label stays visible in `sourceLevel` so the weaker kind can be told apart.
 * Preclinical and Inferential → 4.
 */
export const MOALMANAC_SENSITIVITY_LEVEL: Record<MoalmanacImplication, Level> = {
  'FDA-Approved': '1',
  Guideline: '2',
  'Clinical trial': '3A',
  'Clinical evidence': '3A',
  Preclinical: '4',
  Inferential: '4',
};

/** Resistance: FDA/guideline statements → R1, clinical → R2, preclinical/inferential → no level. */
export const MOALMANAC_RESISTANCE_LEVEL: Record<MoalmanacImplication, Level | null> = {
  'FDA-Approved': 'R1',
  Guideline: 'R1',
  'Clinical trial': 'R2',
  'Clinical evidence': 'R2',
  Preclinical: null,
  Inferential: null,
};

export function moalmanacLevel(implication: string, effect: 'sensitivity' | 'resistance'): MappedLevel {
  const imp = MOALMANAC_IMPLICATIONS.find((i) => i.toLowerCase() === implication.trim().toLowerCase());
  if (imp === undefined) return { skip: 'unknown-level' };
  if (effect === 'sensitivity') return { level: MOALMANAC_SENSITIVITY_LEVEL[imp] };
  const r = MOALMANAC_RESISTANCE_LEVEL[imp];
  return r === null ? { skip: 'resistance-preclinical' } : { level: r };
}

// ------------------------------------------------------------------------------------------------ CGI
/**
 * CGI `Evidence level` labels (Tamborero et al., Genome Med 2018). Regulatory labels: FDA → 1; guideline
 * bodies (NCCN, NCCN/CAP, European LeukemiaNet) → 2; late trials (phase III) and "Clinical trials" → 3A;
 * early trials (phase I/II) → 3A as well, since they are clinical results in that tumor type; case reports
 * → 4 (AMP level D, as for CIViC C); pre-clinical → 4. CPIC guidelines concern drug metabolism (germline
 * pharmacogenomics), not tumor response, and are skipped. Combined labels ("Late trials,Pre-clinical") take
 * the strongest part.
 */
export const CGI_SENSITIVITY_LEVEL: Record<string, Level | null> = {
  'fda guidelines': '1',
  'nccn guidelines': '2',
  'nccn/cap guidelines': '2',
  'european leukemianet guidelines': '2',
  'late trials': '3A',
  'clinical trials': '3A',
  'early trials': '3A',
  'case report': '4',
  'pre-clinical': '4',
  'cpic guidelines': null,
};

export const CGI_RESISTANCE_LEVEL: Record<string, Level | null> = {
  'fda guidelines': 'R1',
  'nccn guidelines': 'R1',
  'nccn/cap guidelines': 'R1',
  'european leukemianet guidelines': 'R1',
  'late trials': 'R2',
  'clinical trials': 'R2',
  'early trials': 'R2',
  'case report': 'R2',
  'pre-clinical': null,
  'cpic guidelines': null,
};

const LEVEL_ORDER: readonly Level[] = ['1', '2', '3A', '3B', '4', 'R1', 'R2'];

export function cgiLevel(label: string, effect: 'sensitivity' | 'resistance'): MappedLevel {
  const table = effect === 'sensitivity' ? CGI_SENSITIVITY_LEVEL : CGI_RESISTANCE_LEVEL;
  const parts = label
    .split(',')
    .map((p) => p.trim().toLowerCase())
    .filter((p) => p !== '');
  if (parts.length === 0) return { skip: 'unknown-level' };
  let best: Level | null | undefined;
  let anyKnown = false;
  for (const p of parts) {
    if (!Object.hasOwn(table, p)) continue;
    anyKnown = true;
    const l = table[p] ?? null;
    if (
      l !== null &&
      (best === undefined || best === null || LEVEL_ORDER.indexOf(l) < LEVEL_ORDER.indexOf(best))
    )
      best = l;
  }
  if (!anyKnown) return { skip: 'unknown-level' };
  if (best === undefined || best === null)
    return { skip: parts.includes('cpic guidelines') ? 'pharmacogenomic' : 'resistance-preclinical' };
  return { level: best };
}
