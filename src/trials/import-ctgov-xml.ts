import { XMLParser } from 'fast-xml-parser';
import type { Issue, Trial } from '../domain/index.js';
import { parseSimpleXml } from './fast-xml.js';
import { trialFromLegacyXml } from './record.js';

/**
 * Legacy ClinicalTrials.gov XML (schema public.xsd, root `<clinical_study>`), as in the retired AllPublicXML
 * dump. Repeated elements are always read as arrays so that one and many look alike.
 */
const REPEATED = new Set([
  'condition',
  'intervention',
  'location',
  'keyword',
  'other_name',
  'arm_group',
  'secondary_id',
  'mesh_term',
  'country',
  'overall_official',
]);

const isRepeated = (name: string): boolean => REPEATED.has(name);

const parser = new XMLParser({
  ignoreAttributes: true,
  trimValues: false,
  parseTagValue: false,
  processEntities: true,
  htmlEntities: true,
  isArray: (name) => isRepeated(name),
});

/**
 * Elements we never read (results, narrative descriptions, references, contacts, browse terms) can be large
 * — a results section alone may be most of a record — so they are cut before parsing.
 */
const UNUSED =
  /<(clinical_results|detailed_description|brief_summary|reference|results_reference|overall_official|overall_contact|overall_contact_backup|contact|contact_backup|investigator|condition_browse|intervention_browse|arm_group|primary_outcome|secondary_outcome|other_outcome|provided_document_section|pending_results|patient_data|responsible_party|oversight_info)>[\s\S]*?<\/\1>/g;

/** What trialFromLegacyXml reads of `<clinical_study>`: the fast reader leaves everything else out unread. */
const READ = new Set([
  'id_info',
  'brief_title',
  'official_title',
  'phase',
  'overall_status',
  'sponsors',
  'start_date',
  'last_update_posted',
  'condition',
  'intervention',
  'location',
  'eligibility',
]);
/** Inside those: a site's contacts and investigators, an intervention's description and arm labels. */
const UNREAD_INSIDE = new Set([
  'contact',
  'contact_backup',
  'investigator',
  'description',
  'arm_group_label',
]);
const skipUnread = (name: string, depth: number): boolean =>
  depth === 1 ? !READ.has(name) : depth === 2 && UNREAD_INSIDE.has(name);

export function trialFromXmlText(text: string, file?: string): { trial: Trial | null; issues: Issue[] } {
  let doc: Record<string, unknown>;
  try {
    doc =
      parseSimpleXml(text, isRepeated, skipUnread) ??
      (parser.parse(text.replace(UNUSED, '')) as Record<string, unknown>);
  } catch (err) {
    return {
      trial: null,
      issues: [
        {
          severity: 'error',
          code: 'trials.xml-invalid',
          message: `invalid XML: ${(err as Error).message}`,
          ...(file ? { file } : {}),
        },
      ],
    };
  }
  const root = doc.clinical_study;
  if (root === undefined || root === null || typeof root !== 'object') {
    return {
      trial: null,
      issues: [
        {
          severity: 'error',
          code: 'trials.not-legacy-xml',
          message: 'XML has no <clinical_study> root',
          ...(file ? { file } : {}),
        },
      ],
    };
  }
  return trialFromLegacyXml(root, file ? { file } : {});
}
