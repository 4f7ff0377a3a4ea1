import { z } from 'zod';

export const TRIAL_STATUSES = [
  'RECRUITING',
  'NOT_YET_RECRUITING',
  'ENROLLING_BY_INVITATION',
  'ACTIVE_NOT_RECRUITING',
  'SUSPENDED',
  'TERMINATED',
  'COMPLETED',
  'WITHDRAWN',
  'UNKNOWN',
] as const;
export const TrialStatusSchema = z.enum(TRIAL_STATUSES);
export type TrialStatus = z.infer<typeof TrialStatusSchema>;

export const TrialSiteSchema = z.object({
  facility: z.string().optional(),
  city: z.string().optional(),
  state: z.string().optional(),
  country: z.string().optional(),
  postalCode: z.string().optional(),
  lat: z.number().optional(),
  lon: z.number().optional(),
  status: TrialStatusSchema.optional(),
});
export type TrialSite = z.infer<typeof TrialSiteSchema>;

export const CRITERION_TYPES = ['inclusion', 'exclusion'] as const;
export const VERDICTS = ['met', 'not_met', 'unknown'] as const;
export type Verdict = (typeof VERDICTS)[number];

/** One eligibility criterion: its text span in the registry's eligibility text plus what we understood. */
export const CriterionSchema = z.object({
  type: z.enum(CRITERION_TYPES),
  text: z.string(),
  /** [start, end) character offsets into the trial's raw eligibility text. */
  span: z.tuple([z.number().int(), z.number().int()]).optional(),
  /** Index (in the trial's criteria list) of the list item this one is nested under, e.g. "one of the following:". */
  parent: z.number().int().nonnegative().optional(),
  /** Heading the criterion sits under when it is not plain inclusion/exclusion (PDQ "PATIENT CHARACTERISTICS"). */
  section: z.string().optional(),
  /** Parsed meaning, when understood (category + structured fields); absent means "text only". */
  parsed: z.array(z.object({ category: z.string() }).passthrough()).default([]),
});
export type Criterion = z.infer<typeof CriterionSchema>;

export const TrialSchema = z.object({
  nctId: z.string(),
  title: z.string(),
  officialTitle: z.string().optional(),
  phase: z.string().optional(),
  status: TrialStatusSchema,
  sponsor: z.string().optional(),
  startDate: z.string().optional(),
  lastUpdate: z.string().optional(),
  conditions: z.array(z.string()),
  /** OncoTree codes the conditions map to. */
  tumorTypes: z.array(z.string()),
  interventions: z.array(z.object({ name: z.string(), type: z.string().optional(), drugs: z.array(z.string()) })),
  sites: z.array(TrialSiteSchema),
  minimumAge: z.number().optional(),
  maximumAge: z.number().optional(),
  sex: z.enum(['ALL', 'FEMALE', 'MALE']).optional(),
  eligibilityText: z.string(),
  criteria: z.array(CriterionSchema),
});
export type Trial = z.infer<typeof TrialSchema>;

export const CriterionVerdictSchema = z.object({
  type: z.enum(CRITERION_TYPES),
  text: z.string(),
  verdict: z.enum(VERDICTS),
  /** Why: the case fact and what the criterion asked, in one sentence. */
  reason: z.string(),
  /** For unknown verdicts: the test or fact that would settle it ("needs HER2 IHC result"). */
  toSettle: z.string().optional(),
  category: z.string().optional(),
});
export type CriterionVerdict = z.infer<typeof CriterionVerdictSchema>;

export const TrialMatchSchema = z.object({
  nctId: z.string(),
  title: z.string(),
  score: z.number(),
  phase: z.string().optional(),
  status: TrialStatusSchema,
  /** Nearest site that is itself recruiting, with distance when the patient's location is known. */
  nearestSite: TrialSiteSchema.extend({ distanceKm: z.number().optional() }).nullable(),
  /** True when a hard exclusion applies (only listed with --include-excluded). */
  excluded: z.boolean(),
  /** Short plain reasons the trial ranks where it does (genomic match, tumor type…). */
  highlights: z.array(z.string()),
  criteria: z.array(CriterionVerdictSchema),
});
export type TrialMatch = z.infer<typeof TrialMatchSchema>;
