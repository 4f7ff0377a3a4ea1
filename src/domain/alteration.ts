import { z } from 'zod';

/** Where a fact came from in the input: a file and 1-based line, or a JSON pointer. */
export const OriginSchema = z.object({
  file: z.string().optional(),
  line: z.number().int().positive().optional(),
  pointer: z.string().optional(),
});
export type Origin = z.infer<typeof OriginSchema>;

export const GENOME_BUILDS = ['GRCh37', 'GRCh38'] as const;
/** Genomic locus, 0-based half-open (converted from the file's 1-based coordinates at the reader). */
export const LocusSchema = z.object({
  build: z.enum(GENOME_BUILDS).optional(),
  chrom: z.string(),
  start: z.number().int().nonnegative(),
  end: z.number().int().nonnegative(),
  ref: z.string().optional(),
  alt: z.string().optional(),
});
export type Locus = z.infer<typeof LocusSchema>;

/** Our consequence vocabulary; MAF Variant_Classification and VEP/SnpEff SO terms map onto it. */
export const CONSEQUENCES = [
  'missense',
  'nonsense',
  'frameshift',
  'inframe_deletion',
  'inframe_insertion',
  'inframe_delins',
  'splice_site',
  'splice_region',
  'start_lost',
  'stop_lost',
  'silent',
  'intron',
  'utr5',
  'utr3',
  'flank5',
  'flank3',
  'intergenic',
  'noncoding_rna',
  'unknown',
] as const;
export const ConsequenceSchema = z.enum(CONSEQUENCES);
export type Consequence = z.infer<typeof ConsequenceSchema>;

/**
 * Classes an alteration belongs to, derived from consequence, gene and position. Knowledge patterns
 * name these (e.g. "EGFR exon 19 in-frame deletions").
 */
export const ALTERATION_CLASSES = [
  'missense',
  'truncating',
  'inframe_deletion',
  'inframe_insertion',
  'inframe_indel',
  'splice',
  'silent',
  'noncoding',
  'hotspot',
  'exon19_inframe_deletion',
  'exon20_insertion',
  'exon14_skipping',
  'exon11_mutation',
  'exon9_mutation',
  'exon13_mutation',
  'exon17_mutation',
  'exon18_mutation',
  'kinase_domain_duplication',
] as const;
export const AlterationClassSchema = z.enum(ALTERATION_CLASSES);
export type AlterationClass = z.infer<typeof AlterationClassSchema>;

export const SOMATIC_STATUSES = ['somatic', 'germline', 'unknown'] as const;

const base = {
  /** The text or row this alteration was read from, as the user gave it (e.g. `BRAF p.Val600Glu`). */
  originalText: z.string(),
  origin: OriginSchema.optional(),
};

export const MutationSchema = z.object({
  kind: z.literal('mutation'),
  /** Current HGNC symbol. */
  gene: z.string(),
  /** The symbol as written in the input, when normalization changed it (e.g. MLL2 → KMT2D). */
  geneInput: z.string().optional(),
  /** Isoform kept from panel pseudo-genes (CDKN2Ap14ARF → CDKN2A, isoform p14ARF). */
  isoform: z.string().optional(),
  /** Canonical short protein change (`V600E`, `E746_A750del`, `X123_splice`), or null when unknown. */
  alteration: z.string().nullable(),
  proteinStart: z.number().int().positive().optional(),
  proteinEnd: z.number().int().positive().optional(),
  consequence: ConsequenceSchema,
  /** The input's own classification (MAF Variant_Classification or SO term). */
  variantClassification: z.string().optional(),
  classes: z.array(AlterationClassSchema),
  exon: z.number().int().positive().optional(),
  cdna: z.string().optional(),
  transcript: z.string().optional(),
  locus: LocusSchema.optional(),
  vaf: z.number().min(0).max(1).optional(),
  depth: z.number().int().nonnegative().optional(),
  somaticStatus: z.enum(SOMATIC_STATUSES),
  ...base,
});
export type Mutation = z.infer<typeof MutationSchema>;

/**
 * Copy-number states. cBioPortal discrete values: -2 deepDeletion, -1.5 hemizygousDeletion,
 * -1 shallowDeletion, 0 diploid, 1 gain, 2 amplification.
 */
export const COPY_NUMBER_CHANGES = [
  'amplification',
  'gain',
  'diploid',
  'shallowDeletion',
  'hemizygousDeletion',
  'deepDeletion',
] as const;
export const CopyNumberChangeSchema = z.enum(COPY_NUMBER_CHANGES);
export type CopyNumberChange = z.infer<typeof CopyNumberChangeSchema>;

export const CopyNumberSchema = z.object({
  kind: z.literal('copyNumber'),
  gene: z.string(),
  geneInput: z.string().optional(),
  /** `Amplification`, `Gain`, `Diploid`, `Shallow Deletion`, `Hemizygous Deletion`, `Deletion`. */
  alteration: z.string(),
  change: CopyNumberChangeSchema,
  /** The file's value, e.g. `2` or `-2`, when read from a discrete matrix. */
  value: z.number().optional(),
  ...base,
});
export type CopyNumber = z.infer<typeof CopyNumberSchema>;

export const FusionSchema = z.object({
  kind: z.literal('fusion'),
  /** The gene the knowledge is keyed on (the actionable partner when one is known, else the 5′ gene). */
  gene: z.string(),
  /** 5′ and 3′ partners; null when unknown ("ALK rearrangement"). */
  gene5: z.string().nullable(),
  gene3: z.string().nullable(),
  /** `EML4::ALK` (HGVS-style double colon), or `ALK fusion` when the partner is unknown. */
  alteration: z.string(),
  svClass: z.string().optional(),
  inFrame: z.boolean().optional(),
  /**
   * Both breakpoints in the same gene (`EGFR-intragenic`, MSK "Deletion within transcript"): a structural
   * rearrangement of one gene, not a fusion with a partner, so "any-partner fusion" knowledge must not match it.
   */
  intragenic: z.boolean().optional(),
  description: z.string().optional(),
  somaticStatus: z.enum(SOMATIC_STATUSES).optional(),
  ...base,
});
export type Fusion = z.infer<typeof FusionSchema>;

export const BIOMARKER_NAMES = ['TMB', 'MSI', 'MMR', 'PD-L1', 'HER2', 'ER', 'PR', 'HRD'] as const;
export const BiomarkerNameSchema = z.enum(BIOMARKER_NAMES);
export type BiomarkerName = z.infer<typeof BiomarkerNameSchema>;

/**
 * Normalized biomarker statuses: MSI `MSI-H`|`MSI-L`|`MSS`; MMR `dMMR`|`pMMR`; HER2 IHC `0`|`1+`|`2+`|`3+`
 * (or `positive`/`negative`/`ISH+`/`ISH-`); ER/PR/HRD `positive`|`negative`|`low`; TMB `TMB-H`|`TMB-L`
 * (≥ 10 mut/Mb is high); PD-L1 `positive`|`negative` when no score is known.
 */
export const BiomarkerSchema = z.object({
  kind: z.literal('biomarker'),
  name: BiomarkerNameSchema,
  /** Gene behind the biomarker where there is one (HER2 → ERBB2, PD-L1 → CD274, ER → ESR1, PR → PGR). */
  gene: z.string().optional(),
  /** Display form: `MSI-H`, `TMB 14 mut/Mb`, `PD-L1 TPS 60%`, `HER2 IHC 3+`. */
  alteration: z.string(),
  status: z.string().optional(),
  value: z.number().optional(),
  unit: z.string().optional(),
  scoreType: z.enum(['TPS', 'CPS', 'TC', 'IC']).optional(),
  method: z.enum(['IHC', 'ISH', 'NGS', 'PCR', 'computed']).optional(),
  /** `reported` by the user or a clinical file; `computed` by onconav (e.g. TMB from mutations). */
  provenance: z.enum(['reported', 'computed']).default('reported'),
  ...base,
});
export type Biomarker = z.infer<typeof BiomarkerSchema>;

export const GenomicAlterationSchema = z.discriminatedUnion('kind', [MutationSchema, CopyNumberSchema, FusionSchema]);
export type GenomicAlteration = z.infer<typeof GenomicAlterationSchema>;

export const AlterationSchema = z.discriminatedUnion('kind', [
  MutationSchema,
  CopyNumberSchema,
  FusionSchema,
  BiomarkerSchema,
]);
export type Alteration = z.infer<typeof AlterationSchema>;
export type AlterationKind = Alteration['kind'];
