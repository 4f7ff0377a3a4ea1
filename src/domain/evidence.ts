import { z } from 'zod';
import { AlterationClassSchema, BiomarkerNameSchema } from './alteration.js';
import { LevelSchema } from './levels.js';

/**
 * How knowledge names the alterations it is about. A pattern is matched against a normalized alteration
 * by the actionability engine (src/interpret).
 */
export const AlterationPatternSchema = z.discriminatedUnion('type', [
  /** One exact protein change in canonical short form, e.g. BRAF V600E. */
  z.object({ type: z.literal('variant'), gene: z.string(), alteration: z.string() }),
  /** Any missense change at a codon, e.g. BRAF V600 (V600E, V600K…). */
  z.object({ type: z.literal('codon'), gene: z.string(), position: z.number().int().positive() }),
  /** A class: truncating mutations, EGFR exon 19 in-frame deletions, MET exon 14 skipping… */
  z.object({ type: z.literal('class'), gene: z.string(), class: AlterationClassSchema }),
  /** Oncogenic (or likely oncogenic) mutations of a gene, per onconav's oncogenicity rules. */
  z.object({ type: z.literal('oncogenic'), gene: z.string() }),
  /** Any protein-altering mutation of a gene. */
  z.object({ type: z.literal('anyMutation'), gene: z.string() }),
  z.object({ type: z.literal('amplification'), gene: z.string() }),
  z.object({ type: z.literal('deletion'), gene: z.string() }),
  /** Fusion of a gene with any partner, or with the named one. */
  z.object({ type: z.literal('fusion'), gene: z.string(), partner: z.string().optional() }),
  /**
   * Biomarker state: a status (MSI-H, dMMR, HER2 3+) or a numeric threshold (TMB ≥ 10, PD-L1 TPS ≥ 50,
   * CPS ≥ 1). `min` is inclusive, `max` exclusive.
   */
  z.object({
    type: z.literal('biomarker'),
    biomarker: BiomarkerNameSchema,
    statuses: z.array(z.string()).optional(),
    scoreType: z.enum(['TPS', 'CPS', 'TC', 'IC']).optional(),
    min: z.number().optional(),
    max: z.number().optional(),
  }),
]);
export type AlterationPattern = z.infer<typeof AlterationPatternSchema>;

export const SOURCE_KINDS = ['fda_label', 'guideline', 'civic', 'moalmanac', 'cgi', 'publication', 'oncokb'] as const;
export const CitationSchema = z.object({
  kind: z.enum(SOURCE_KINDS),
  /** Short human label, e.g. "FDA label: Tafinlar (dabrafenib), approval 2013-05-29". */
  label: z.string(),
  /** FDA application number, CIViC EID…, PMID. */
  id: z.string().optional(),
  url: z.string().optional(),
  /** ISO date of the approval / guideline version / publication. */
  date: z.string().optional(),
});
export type Citation = z.infer<typeof CitationSchema>;

export const EFFECTS = ['sensitivity', 'resistance'] as const;
export const EvidenceSchema = z.object({
  /** Unique within its knowledge source, stable across releases where the source allows. */
  id: z.string(),
  /** Knowledge source id: `builtin`, `civic`, `moalmanac`, `cgi`. */
  source: z.string(),
  release: z.string(),
  pattern: AlterationPatternSchema,
  /** OncoTree codes (or ALL_TUMORS / ALL_SOLID_TUMORS / ALL_LIQUID_TUMORS); descendants are included. */
  tumorTypes: z.array(z.string()).min(1),
  excludedTumorTypes: z.array(z.string()).default([]),
  /** Generic drug names, lower case; more than one means a combination given together. */
  drugs: z.array(z.string()).min(1),
  effect: z.enum(EFFECTS),
  level: LevelSchema,
  citations: z.array(CitationSchema).min(1),
  /** One sentence in our words: the indication or fact. */
  description: z.string().optional(),
  /** The source's own level/tier label before mapping (e.g. CIViC "B", MOAlmanac "FDA-Approved"). */
  sourceLevel: z.string().optional(),
  researchUseOnly: z.boolean().default(false),
});
export type Evidence = z.infer<typeof EvidenceSchema>;

export const ONCOGENICITY = ['Oncogenic', 'Likely Oncogenic', 'Likely Neutral', 'Inconclusive', 'Unknown'] as const;
export const OncogenicitySchema = z.enum(ONCOGENICITY);
export type Oncogenicity = z.infer<typeof OncogenicitySchema>;

export const MUTATION_EFFECTS = ['Gain-of-function', 'Likely Gain-of-function', 'Loss-of-function', 'Likely Loss-of-function', 'Switch-of-function', 'Unknown'] as const;
export type MutationEffect = (typeof MUTATION_EFFECTS)[number];

/** A knowledge release as stored: one per import. */
export const KnowledgeReleaseSchema = z.object({
  source: z.string(),
  version: z.string(),
  date: z.string(),
  importedAt: z.string().optional(),
  researchUseOnly: z.boolean().default(false),
  license: z.string().optional(),
  evidenceCount: z.number().int().nonnegative().optional(),
});
export type KnowledgeRelease = z.infer<typeof KnowledgeReleaseSchema>;
