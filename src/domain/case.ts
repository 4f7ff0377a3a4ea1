import { z } from 'zod';
import { BiomarkerSchema, GenomicAlterationSchema } from './alteration.js';
import { IssueSchema } from './issue.js';
import { TumorTypeRefSchema } from './tumor-type.js';

export const CASE_SCHEMA_VERSION = 'onconav.case/1';

/** Metastatic sites we write content for; free text resolves onto these (`other` keeps the text). */
export const METASTATIC_SITES = [
  'brain',
  'leptomeninges',
  'spinal_cord',
  'liver',
  'lung',
  'bone',
  'lymph_node',
  'adrenal',
  'peritoneum',
  'pleura',
  'skin',
  'soft_tissue',
  'ovary',
  'kidney',
  'pancreas',
  'bowel',
  'other',
] as const;
export const MetastaticSiteCodeSchema = z.enum(METASTATIC_SITES);
export type MetastaticSiteCode = z.infer<typeof MetastaticSiteCodeSchema>;

export const SITE_STATUSES = ['active', 'untreated', 'treated', 'stable', 'progressing', 'unknown'] as const;
export const MetastaticSiteSchema = z.object({
  site: MetastaticSiteCodeSchema,
  /** For trials' CNS clauses: treated/stable vs active/untreated. */
  status: z.enum(SITE_STATUSES).default('unknown'),
  text: z.string().optional(),
});
export type MetastaticSite = z.infer<typeof MetastaticSiteSchema>;

export const SEXES = ['female', 'male', 'other', 'unknown'] as const;

export const LocationSchema = z.object({
  postalCode: z.string().optional(),
  city: z.string().optional(),
  region: z.string().optional(),
  country: z.string().optional(),
  lat: z.number().min(-90).max(90).optional(),
  lon: z.number().min(-180).max(180).optional(),
});
export type Location = z.infer<typeof LocationSchema>;

/** RECIST best response to a prior therapy. */
export const RESPONSES = ['CR', 'PR', 'SD', 'PD', 'NE', 'unknown'] as const;
export const PriorTherapySchema = z.object({
  /** Generic drug names, lower case (`osimertinib`); empty for non-drug therapy such as radiation. */
  drugs: z.array(z.string()),
  /** Free label as given, e.g. `FOLFOX`, `stereotactic radiosurgery`. */
  name: z.string().optional(),
  type: z.enum(['systemic', 'radiation', 'surgery', 'other']).default('systemic'),
  line: z.number().int().positive().optional(),
  setting: z.enum(['metastatic', 'adjuvant', 'neoadjuvant', 'maintenance', 'unknown']).default('unknown'),
  response: z.enum(RESPONSES).default('unknown'),
  /** True when the disease progressed on or after this therapy. */
  progressed: z.boolean().optional(),
  startDate: z.string().optional(),
  endDate: z.string().optional(),
});
export type PriorTherapy = z.infer<typeof PriorTherapySchema>;

export const PatientSchema = z.object({
  id: z.string().optional(),
  age: z.number().min(0).max(130).optional(),
  sex: z.enum(SEXES).default('unknown'),
  ecog: z.number().int().min(0).max(5).optional(),
  location: LocationSchema.optional(),
});
export type Patient = z.infer<typeof PatientSchema>;

export const SampleSchema = z.object({
  id: z.string(),
  patientId: z.string().optional(),
  tumorType: TumorTypeRefSchema.optional(),
  sampleType: z.enum(['primary', 'metastasis', 'recurrence', 'cfDNA', 'normal', 'unknown']).default('unknown'),
  /** Where a metastatic biopsy was taken, as written. */
  biopsySite: z.string().optional(),
  /** Sequencing panel id, e.g. `IMPACT341`. */
  panel: z.string().optional(),
  /** Sample-level patient facts from cBioPortal clinical files in cohorts. */
  age: z.number().optional(),
  sex: z.enum(SEXES).optional(),
  alterations: z.array(GenomicAlterationSchema),
  biomarkers: z.array(BiomarkerSchema),
});
export type Sample = z.infer<typeof SampleSchema>;

/** The normalized case every later stage reads. One patient, or a cohort (many samples, no patient facts). */
export const CaseSchema = z.object({
  schemaVersion: z.literal(CASE_SCHEMA_VERSION),
  id: z.string(),
  patient: PatientSchema,
  tumorType: TumorTypeRefSchema.optional(),
  metastaticSites: z.array(MetastaticSiteSchema),
  stage: z.string().optional(),
  priorTherapies: z.array(PriorTherapySchema),
  samples: z.array(SampleSchema),
  notes: z.string().optional(),
  /** Input files with their SHA-256, for provenance. */
  inputs: z.array(z.object({ file: z.string(), sha256: z.string(), format: z.string() })).default([]),
  issues: z.array(IssueSchema),
});
export type Case = z.infer<typeof CaseSchema>;

/**
 * What a person types by hand (docs/case.schema.json is generated from this): alterations and biomarkers
 * may be plain strings such as `BRAF V600E`, `EML4::ALK fusion`, `TMB 14 mut/Mb`; sites may be words.
 * A single-sample case may list `alterations` and `biomarkers` at the top level instead of `samples`.
 */
const AlterationInputSchema = z.union([
  z.string().describe('Typed by hand, e.g. "BRAF V600E", "EGFR exon 19 deletion", "ERBB2 amplification"'),
  GenomicAlterationSchema,
]);
const BiomarkerInputSchema = z.union([
  z.string().describe('Typed by hand, e.g. "MSI-H", "TMB 14 mut/Mb", "PD-L1 TPS 60%", "HER2 IHC 3+"'),
  BiomarkerSchema,
]);
const SiteInputSchema = z.union([z.string().describe('e.g. "brain", "liver", "treated brain metastases"'), MetastaticSiteSchema]);
/** `drugs` may be left out when `name` says it all ("FOLFOX"): the reader derives the drugs from the name. */
const TherapyInputSchema = z.union([z.string().describe('e.g. "FOLFOX", "osimertinib"'), PriorTherapySchema.partial({ type: true, setting: true, response: true, drugs: true })]);

export const CaseInputSchema = z
  .object({
    $schema: z.string().optional(),
    schemaVersion: z.literal(CASE_SCHEMA_VERSION).optional(),
    id: z.string().optional(),
    patient: PatientSchema.partial({ sex: true }).optional(),
    tumorType: z.union([z.string().describe('OncoTree code or name, e.g. "MEL", "melanoma", "NSCLC"'), TumorTypeRefSchema]).optional(),
    metastaticSites: z.array(SiteInputSchema).optional(),
    stage: z.string().optional(),
    priorTherapies: z.array(TherapyInputSchema).optional(),
    alterations: z.array(AlterationInputSchema).optional(),
    biomarkers: z.array(BiomarkerInputSchema).optional(),
    samples: z
      .array(
        z.object({
          id: z.string(),
          tumorType: z.union([z.string(), TumorTypeRefSchema]).optional(),
          sampleType: SampleSchema.shape.sampleType.optional(),
          panel: z.string().optional(),
          alterations: z.array(AlterationInputSchema).optional(),
          biomarkers: z.array(BiomarkerInputSchema).optional(),
        }),
      )
      .optional(),
    notes: z.string().optional(),
  })
  .describe('An onconav case as typed by hand (schema onconav.case/1).');
export type CaseInput = z.infer<typeof CaseInputSchema>;
