import type { Biomarker, GenomicAlteration, Issue, MetastaticSite, PriorTherapy, Patient, Sample, TumorTypeRef } from '../domain/index.js';
import type { NormalizeContext } from '../normalize/context.js';
import type { LongWorkOptions } from './lines.js';

export const FORMATS = ['maf', 'vcf', 'cna-discrete', 'cna-long', 'sv', 'fusion-list', 'clinical-sample', 'clinical-patient', 'case-json', 'gene-panel-matrix'] as const;
export type FormatId = (typeof FORMATS)[number];

export interface ReadOptions extends LongWorkOptions {
  ctx: NormalizeContext;
  /** Name used in issues (defaults to the path). */
  displayName?: string;
  /** VCF: which sample column is the tumor (name or 0-based index); default: the one named TUMOR, else the first. */
  tumorSample?: string;
  /** Sample id for formats that carry none (VCF single sample, plain fusion lists, hand-typed cases). */
  sampleId?: string;
  /**
   * Streaming consumer, honored by the MAF reader: each mutation (and `Other Biomarkers` row) is handed here
   * as soon as its row is read and is *not* kept on the returned samples, so memory stays flat however long
   * the file is. Samples are still listed (with empty `alterations`); stats and issues are complete.
   * A mutation's `classes` array may be shared with other mutations: treat it as read-only.
   */
  onAlteration?: (sampleId: string, alteration: GenomicAlteration | Biomarker) => void;
}

/** What one file contributes to a sample; the case builder merges contributions by sample id. */
export interface SampleData {
  id: string;
  patientId?: string;
  tumorTypeInput?: string;
  tumorType?: TumorTypeRef;
  sampleType?: Sample['sampleType'];
  biopsySite?: string;
  panel?: string;
  age?: number;
  sex?: Sample['sex'];
  metastaticSites?: MetastaticSite[];
  alterations: GenomicAlteration[];
  biomarkers: Biomarker[];
}

export interface PatientData {
  id: string;
  age?: number;
  sex?: Sample['sex'];
  metastaticSites?: MetastaticSite[];
}

export interface ReadStats {
  /** Data rows/records seen (header and comment lines excluded). */
  rows: number;
  /** Rows that became at least one alteration/biomarker/sample fact. */
  used: number;
  /** Rows kept but not counted as somatic alterations (e.g. germline), by reason. */
  flagged: Record<string, number>;
  /** Rows skipped, by reason. rows = used + sum(skipped) (+ rows that carried nothing, e.g. diploid CNA cells). */
  skipped: Record<string, number>;
}

export interface ReadResult {
  file: string;
  format: FormatId;
  samples: SampleData[];
  patients: PatientData[];
  /** Case-level facts (case JSON only). */
  caseFields?: {
    id?: string;
    patient?: Partial<Patient>;
    tumorType?: TumorTypeRef;
    metastaticSites?: MetastaticSite[];
    stage?: string;
    priorTherapies?: PriorTherapy[];
    notes?: string;
  };
  issues: Issue[];
  stats: ReadStats;
}

export type Reader = (path: string, options: ReadOptions) => Promise<ReadResult>;

export function emptyStats(): ReadStats {
  return { rows: 0, used: 0, flagged: {}, skipped: {} };
}

export function bump(counter: Record<string, number>, reason: string, by = 1): void {
  counter[reason] = (counter[reason] ?? 0) + by;
}
