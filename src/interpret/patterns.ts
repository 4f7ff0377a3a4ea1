import type {
  Alteration,
  AlterationClass,
  AlterationPattern,
  Biomarker,
  Consequence,
  Mutation,
  Oncogenicity,
} from '../domain/index.js';

/**
 * Matching a knowledge pattern (src/domain/evidence.ts) against one normalized alteration. Pure and cheap:
 * the engine first narrows candidates by index key (gene or biomarker), then calls `matchesPattern`.
 */

/** TMB at or above this many mutations per megabase is "high" (the FDA pembrolizumab TMB-H cut-off, 2020). */
export const TMB_HIGH_THRESHOLD = 10;

/** Consequences that change the protein; `anyMutation` patterns and TMB-like counts use them. */
const PROTEIN_ALTERING: ReadonlySet<Consequence> = new Set<Consequence>([
  'missense',
  'nonsense',
  'frameshift',
  'inframe_deletion',
  'inframe_insertion',
  'inframe_delins',
  'splice_site',
  'start_lost',
  'stop_lost',
]);

export function isProteinAltering(m: Mutation): boolean {
  if (m.consequence === 'unknown')
    return m.alteration !== null && m.alteration !== '' && !m.alteration.endsWith('=');
  return PROTEIN_ALTERING.has(m.consequence);
}

/**
 * The basic classes implied by the consequence alone. The normalizer sets `classes` (including exon- and
 * domain-specific ones); this only fills the generic ones in case an input bypassed it.
 */
function consequenceClasses(c: Consequence): AlterationClass[] {
  switch (c) {
    case 'missense':
      return ['missense'];
    case 'nonsense':
    case 'frameshift':
      return ['truncating'];
    case 'splice_site':
      return ['truncating', 'splice'];
    case 'inframe_deletion':
      return ['inframe_deletion', 'inframe_indel'];
    case 'inframe_insertion':
      return ['inframe_insertion', 'inframe_indel'];
    case 'inframe_delins':
      return ['inframe_indel'];
    case 'splice_region':
      return ['splice'];
    case 'silent':
      return ['silent'];
    case 'intron':
    case 'utr5':
    case 'utr3':
    case 'flank5':
    case 'flank3':
    case 'intergenic':
    case 'noncoding_rna':
      return ['noncoding'];
    case 'start_lost':
    case 'stop_lost':
    case 'unknown':
      return [];
  }
}

export function hasClass(m: Mutation, cls: AlterationClass): boolean {
  return m.classes.includes(cls) || consequenceClasses(m.consequence).includes(cls);
}

/** Single-residue position of a mutation: proteinStart when start = end, else parsed from `V600E`-like text. */
function singleResidue(m: Mutation): number | undefined {
  if (m.proteinStart !== undefined)
    return m.proteinEnd === undefined || m.proteinEnd === m.proteinStart ? m.proteinStart : undefined;
  const hit = m.alteration !== null ? /^[A-Z*](\d+)[A-Z*]$/.exec(m.alteration) : null;
  return hit ? Number(hit[1]) : undefined;
}

const eqGene = (a: string | null | undefined, b: string): boolean =>
  a !== null && a !== undefined && a.toUpperCase() === b.toUpperCase();

/** The status a biomarker stands for, deriving TMB-H/TMB-L from the value when no status was given. */
export function biomarkerStatus(b: Biomarker): string | undefined {
  if (b.status !== undefined && b.status !== '') return b.status;
  if (b.name === 'TMB' && b.value !== undefined) return b.value >= TMB_HIGH_THRESHOLD ? 'TMB-H' : 'TMB-L';
  return undefined;
}

function matchBiomarker(p: Extract<AlterationPattern, { type: 'biomarker' }>, b: Biomarker): boolean {
  if (b.name !== p.biomarker) return false;
  if (p.scoreType !== undefined && b.scoreType !== p.scoreType) return false;
  const numeric = p.min !== undefined || p.max !== undefined;
  // A known value decides a numeric pattern (a lab's own "high" label may use another cut-off).
  if (numeric && b.value !== undefined) {
    if (p.min !== undefined && b.value < p.min) return false;
    if (p.max !== undefined && b.value >= p.max) return false;
    return true;
  }
  if (p.statuses !== undefined && p.statuses.length > 0) {
    const status = biomarkerStatus(b);
    if (status === undefined) return false;
    const s = status.toUpperCase();
    return p.statuses.some((x) => x.toUpperCase() === s);
  }
  // Numeric pattern but no value, or a pattern naming only the biomarker: a bare presence matches only the latter.
  return !numeric;
}

/**
 * True when `alt` is one of the alterations `pattern` names. `oncogenic` is the oncogenicity call for `alt`
 * (needed by `oncogenic` patterns only).
 */
export function matchesPattern(
  pattern: AlterationPattern,
  alt: Alteration,
  oncogenic: Oncogenicity = 'Unknown',
): boolean {
  switch (pattern.type) {
    case 'variant':
      return (
        alt.kind === 'mutation' &&
        eqGene(alt.gene, pattern.gene) &&
        alt.alteration !== null &&
        alt.alteration.toUpperCase() === pattern.alteration.toUpperCase()
      );
    case 'codon':
      return (
        alt.kind === 'mutation' &&
        eqGene(alt.gene, pattern.gene) &&
        hasClass(alt, 'missense') &&
        singleResidue(alt) === pattern.position
      );
    case 'class':
      return alt.kind === 'mutation' && eqGene(alt.gene, pattern.gene) && hasClass(alt, pattern.class);
    case 'oncogenic':
      return (
        alt.kind === 'mutation' &&
        eqGene(alt.gene, pattern.gene) &&
        (oncogenic === 'Oncogenic' || oncogenic === 'Likely Oncogenic')
      );
    case 'anyMutation':
      return alt.kind === 'mutation' && eqGene(alt.gene, pattern.gene) && isProteinAltering(alt);
    case 'amplification':
      return alt.kind === 'copyNumber' && eqGene(alt.gene, pattern.gene) && alt.change === 'amplification';
    case 'deletion':
      // cBioPortal -2 (deep) and -1.5 (hemizygous) are both reported as "Deletion" by annotators.
      return (
        alt.kind === 'copyNumber' &&
        eqGene(alt.gene, pattern.gene) &&
        (alt.change === 'deepDeletion' || alt.change === 'hemizygousDeletion')
      );
    case 'fusion': {
      if (alt.kind !== 'fusion') return false;
      const genes = [alt.gene, alt.gene5, alt.gene3];
      if (!genes.some((g) => eqGene(g, pattern.gene))) return false;
      // A one-gene rearrangement (both breakpoints in the gene) is not a fusion with a partner.
      if (
        alt.intragenic === true ||
        (alt.gene5 !== null && alt.gene3 !== null && eqGene(alt.gene5, alt.gene3))
      ) {
        return pattern.partner !== undefined && eqGene(pattern.partner, pattern.gene);
      }
      if (pattern.partner === undefined) return true;
      const partner = pattern.partner;
      // The partner must be the other side of the fusion (5′ or 3′), not the keyed gene itself.
      return (
        (eqGene(alt.gene5, pattern.gene) && eqGene(alt.gene3, partner)) ||
        (eqGene(alt.gene3, pattern.gene) && eqGene(alt.gene5, partner))
      );
    }
    case 'biomarker':
      return alt.kind === 'biomarker' && matchBiomarker(pattern, alt);
  }
}

/** Index key of a pattern: its gene (upper case) or `biomarker:NAME`. */
export function patternKey(p: AlterationPattern): string {
  return p.type === 'biomarker' ? `biomarker:${p.biomarker}` : p.gene.toUpperCase();
}

/** Index keys an alteration can be found under (a fusion under both partners). */
export function alterationKeys(alt: Alteration): string[] {
  switch (alt.kind) {
    case 'mutation':
    case 'copyNumber':
      return [alt.gene.toUpperCase()];
    case 'fusion': {
      const keys = new Set<string>([alt.gene.toUpperCase()]);
      if (alt.gene5) keys.add(alt.gene5.toUpperCase());
      if (alt.gene3) keys.add(alt.gene3.toUpperCase());
      return [...keys];
    }
    case 'biomarker':
      return [`biomarker:${alt.name}`];
  }
}
