import { z } from 'zod';
import { AlterationSchema } from './alteration.js';
import { CitationSchema, EFFECTS, MUTATION_EFFECTS, OncogenicitySchema, KnowledgeReleaseSchema } from './evidence.js';
import { LevelSchema } from './levels.js';
import { IssueSchema } from './issue.js';
import { TumorTypeRefSchema } from './tumor-type.js';

export const ANNOTATION_SCHEMA_VERSION = 'onconav.annotation/1';

export const TreatmentSchema = z.object({
  drugs: z.array(z.string()),
  level: LevelSchema,
  effect: z.enum(EFFECTS),
  /** The tumor types the evidence was recorded for (OncoTree codes / pseudo-codes). */
  tumorTypes: z.array(z.string()),
  /** The level the source gave before tumor-type adjustment (e.g. 1 in another type → 3B here). */
  sourceLevel: LevelSchema.optional(),
  sources: z.array(
    z.object({ source: z.string(), release: z.string(), evidenceId: z.string(), researchUseOnly: z.boolean(), citations: z.array(CitationSchema) }),
  ),
  description: z.string().optional(),
});
export type Treatment = z.infer<typeof TreatmentSchema>;

export const AnnotatedAlterationSchema = z.object({
  kind: z.string(),
  gene: z.string().nullable(),
  alteration: z.string().nullable(),
  originalText: z.string(),
  oncogenic: OncogenicitySchema,
  mutationEffect: z.enum(MUTATION_EFFECTS),
  /** Why the oncogenicity call was made (rule name or source). */
  oncogenicReason: z.string().optional(),
  highestSensitiveLevel: LevelSchema.nullable(),
  highestResistanceLevel: LevelSchema.nullable(),
  treatments: z.array(TreatmentSchema),
  /** Sources disagreeing on the same drug (different effect or level) are shown, never hidden. */
  conflicts: z.array(z.string()).default([]),
  /** True for germline-flagged mutations: annotated, but not counted toward the sample's levels. */
  germline: z.boolean().optional(),
  alterationData: AlterationSchema,
});
export type AnnotatedAlteration = z.infer<typeof AnnotatedAlterationSchema>;

export const AnnotatedSampleSchema = z.object({
  id: z.string(),
  tumorType: TumorTypeRefSchema.nullable(),
  tmb: z.object({ value: z.number(), provenance: z.enum(['reported', 'computed']), panel: z.string().optional(), mutations: z.number().optional(), megabases: z.number().optional() }).nullable(),
  highestSensitiveLevel: LevelSchema.nullable(),
  highestResistanceLevel: LevelSchema.nullable(),
  alterations: z.array(AnnotatedAlterationSchema),
  /** Plain notes on how the sample was annotated (e.g. no tumor type known, TMB not computable). */
  notes: z.array(z.string()).optional(),
});
export type AnnotatedSample = z.infer<typeof AnnotatedSampleSchema>;

export const AnnotationResultSchema = z.object({
  schemaVersion: z.literal(ANNOTATION_SCHEMA_VERSION),
  generatedBy: z.string(),
  knowledgeBase: z.array(KnowledgeReleaseSchema),
  samples: z.array(AnnotatedSampleSchema),
  /** Problems met while annotating (unknown tumor type code, unknown panel…), located where possible. */
  issues: z.array(IssueSchema).optional(),
});
export type AnnotationResult = z.infer<typeof AnnotationResultSchema>;
