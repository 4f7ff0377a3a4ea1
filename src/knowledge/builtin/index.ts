import { EvidenceSchema, type Evidence, type KnowledgeRelease } from '../../domain/index.js';
import { AGNOSTIC } from './agnostic.js';
import { BREAST_GYN } from './breast-gyn.js';
import { BUILTIN_DATE, BUILTIN_SOURCE, BUILTIN_VERSION } from './build.js';
import { GI } from './gi.js';
import { GU } from './gu.js';
import { HEME } from './heme.js';
import { LUNG } from './lung.js';
import { OTHER_SOLID } from './other-solid.js';
import { RESISTANCE } from './resistance.js';
import { SKIN } from './skin.js';

export { BUILTIN_DATE, BUILTIN_SOURCE, BUILTIN_VERSION } from './build.js';
export {
  builtinOncogenicity,
  GENE_ROLES,
  HOTSPOT_CODONS,
  KNOWN_VARIANTS,
  type OncogenicityResult,
} from './genes.js';

/** The built-in knowledge, by area; each list is written by hand from FDA labels, guidelines and papers. */
export const BUILTIN_AREAS = {
  lung: LUNG,
  gi: GI,
  breastGyn: BREAST_GYN,
  gu: GU,
  skin: SKIN,
  otherSolid: OTHER_SOLID,
  heme: HEME,
  agnostic: AGNOSTIC,
  resistance: RESISTANCE,
} as const;

let cached: readonly Evidence[] | undefined;

/**
 * Every built-in evidence entry, validated once with the domain schema (a typo in a table fails loudly at
 * load, and in the unit test). Returns copies so callers cannot change the shared tables.
 */
export function builtinEvidence(): Evidence[] {
  cached ??= Object.values(BUILTIN_AREAS)
    .flat()
    .map((e) => EvidenceSchema.parse(e));
  return cached.map((e) => structuredClone(e));
}

export const BUILTIN_RELEASE: KnowledgeRelease = {
  source: BUILTIN_SOURCE,
  version: BUILTIN_VERSION,
  date: BUILTIN_DATE,
  researchUseOnly: false,
  license: 'Apache-2.0 (onconav project; facts from FDA labels, guidelines and cited publications)',
  evidenceCount: Object.values(BUILTIN_AREAS).reduce((n, list) => n + list.length, 0),
};
