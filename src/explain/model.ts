import type { BodyRegion } from './cancer-types.js';
import type { CancerKey } from './messages/types.js';

/**
 * The report document model: what patient.ts and clinician.ts build and what every renderer (HTML,
 * Markdown, JSON, PDF) reads. A report is a list of sections of typed blocks. Text is plain (no markup):
 * renderers escape it. Two extra fields carry the structured facts (`facts`) for machine readers of the
 * JSON; docs/reports.md documents the schema.
 */

export const REPORT_SCHEMA_VERSION = 'onconav.report/1';
export const AUDIENCES = ['patient', 'clinician'] as const;
export type Audience = (typeof AUDIENCES)[number];

export interface Item {
  /** Bold lead-in, e.g. a treatment's name. */
  lead?: string;
  text: string;
}

export type Block =
  | { kind: 'paragraph'; text: string }
  | { kind: 'list'; ordered?: boolean; items: Item[] }
  /** A highlighted box: `urgent` for warning signs, `note` for "not a prescription", `info` otherwise. */
  | {
      kind: 'callout';
      tone: 'urgent' | 'note' | 'info';
      title?: string;
      text?: string;
      items?: Item[];
      /** A command to type, shown as code. */ code?: string;
    }
  | { kind: 'definitions'; items: Array<{ term: string; definition: string }> }
  | { kind: 'table'; caption: string; head: string[]; rows: string[][] }
  | {
      kind: 'bodyMap';
      primary: BodyRegion | null;
      primaryLabel: string | null;
      sites: Array<{ region: BodyRegion; label: string }>;
      caption: string;
    }
  /** A trial: heading, short facts and two lists (reasons, unknowns); `quoted` marks registry text we did not write. */
  | {
      kind: 'trial';
      nctId: string;
      title: string;
      facts: string[];
      lists: Array<{ title: string; items: Item[] }>;
    };

export interface Section {
  /** Stable anchor id (`meaning`, `symptoms`…). */
  id: string;
  heading: string;
  blocks: Block[];
  subsections?: Section[];
}

export interface KnowledgeStamp {
  source: string;
  version: string;
  date: string;
}

export interface ReportMeta {
  schemaVersion: typeof REPORT_SCHEMA_VERSION;
  audience: Audience;
  lang: string;
  caseId: string;
  /** ISO date (YYYY-MM-DD) the report was made, from the injected clock. */
  date: string;
  onconavVersion: string;
  knowledgeBase: KnowledgeStamp[];
  trials: TrialsState['status'];
}

export interface Report {
  meta: ReportMeta;
  title: string;
  subtitle: string;
  /** Short summary shown above the sections (patient: "In short"). */
  summary?: { heading: string; items: Item[] };
  /** Shown at the top and bottom: decision support, not a prescription. */
  notice: string;
  sections: Section[];
  facts: ReportFacts;
}

/** Structured facts behind the narrative (for JSON readers). */
export interface ReportFacts {
  cancer: { key: CancerKey; name: string; oncotreeCode: string | null; oncotreeName: string | null };
  sites: Array<{ site: string; status: string }>;
  findings: Array<{
    gene: string | null;
    alteration: string | null;
    kind: string;
    oncogenic: string;
    level: string | null;
    resistanceLevel: string | null;
    drugs: string[];
    category: FindingCategory;
  }>;
  trials: Array<{
    nctId: string;
    title: string;
    score: number;
    status: string;
    nearestSite: string | null;
    unknown: string[];
  }>;
}

export const FINDING_CATEGORIES = [
  'approved',
  'otherCancer',
  'research',
  'resistance',
  'oncogenic',
  'biomarker',
  'vus',
  'benign',
] as const;
export type FindingCategory = (typeof FINDING_CATEGORIES)[number];

/** Trial matching as the report sees it: turned off, no trial data in the store, or the matches found. */
export type TrialsState =
  | { status: 'off' }
  | { status: 'no-data'; command: string }
  | { status: 'matched'; matches: import('../domain/index.js').TrialMatch[] };
