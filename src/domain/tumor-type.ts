import { z } from 'zod';

/**
 * An OncoTree node. Evidence recorded for a node applies to all its descendants.
 * Three pseudo-nodes sit above the tissues so that knowledge can say "all tumors" or "all solid tumors"
 * explicitly: ALL_TUMORS ⊃ {ALL_SOLID_TUMORS, ALL_LIQUID_TUMORS} ⊃ OncoTree tissues.
 */
export const ALL_TUMORS = 'ALL_TUMORS';
export const ALL_SOLID_TUMORS = 'ALL_SOLID_TUMORS';
export const ALL_LIQUID_TUMORS = 'ALL_LIQUID_TUMORS';
export const PSEUDO_TUMOR_TYPES = [ALL_TUMORS, ALL_SOLID_TUMORS, ALL_LIQUID_TUMORS] as const;

export const TumorTypeSchema = z.object({
  code: z.string(),
  name: z.string(),
  mainType: z.string().optional(),
  tissue: z.string().optional(),
  /** Parent OncoTree code; null for the root. */
  parent: z.string().nullable(),
  level: z.number().int().nonnegative().optional(),
});
export type TumorType = z.infer<typeof TumorTypeSchema>;

/** A tumor type as carried on a case or sample: the resolved code plus what the user wrote. */
export const TumorTypeRefSchema = z.object({
  code: z.string(),
  name: z.string(),
  mainType: z.string().optional(),
  /** The text the code was resolved from, when it was not the code itself. */
  input: z.string().optional(),
});
export type TumorTypeRef = z.infer<typeof TumorTypeRefSchema>;
