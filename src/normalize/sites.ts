import type { MetastaticSite, MetastaticSiteCode } from '../domain/index.js';

/**
 * Free-text metastatic sites ("brain mets, treated", "hepatic", "Lymph Node", "peritoneal carcinomatosis") onto
 * our site codes, with a status from words such as treated / stable / untreated / progressing. Order matters:
 * the narrower CNS compartments (leptomeninges, spinal cord) are tried before brain, pleura before lung.
 */
const SITE_PATTERNS: ReadonlyArray<readonly [RegExp, MetastaticSiteCode]> = [
  [
    /\b(?:lepto[\s-]?mening(?:es|eal)|meningeal carcinomatosis|carcinomatous meningitis|lmd)\b/,
    'leptomeninges',
  ],
  [/\b(?:spinal cord|intramedullary|epidural|cord compression)\b/, 'spinal_cord'],
  [
    /\b(?:brain|cns|cerebral|cerebellar|cerebellum|cerebrum|intra[\s-]?cranial|central nervous system|brain[\s-]?stem|frontal lobe|parietal lobe|temporal lobe|occipital lobe)\b/,
    'brain',
  ],
  [/\b(?:liver|hepatic|hepato\w*)\b/, 'liver'],
  [/\b(?:pleura|pleural)\b/, 'pleura'],
  [/\b(?:lungs?|pulmonary|pulmonic|lobe of (?:the )?lung)\b/, 'lung'],
  [
    /\b(?:bones?|bony|osseous|skeletal|skeleton|osteo\w*|spine|spinal|vertebra[el]?|vertebral|sacrum|sacral|ribs?|femur|femoral|humerus|humeral|skull|sternum|iliac|ilium|acetabul\w*|pelvic bone)\b/,
    'bone',
  ],
  [/\b(?:lymph[\s-]?nodes?|lymphatic|nodal|nodes?|ln|lns|lymphadenopathy|adenopathy)\b/, 'lymph_node'],
  [/\b(?:adrenals?|adrenal gland)\b/, 'adrenal'],
  [/\b(?:peritoneum|peritoneal|omentum|omental|carcinomatosis|malignant ascites)\b/, 'peritoneum'],
  [/\b(?:skin|cutaneous|subcutaneous|subcutis|dermal|in[\s-]?transit)\b/, 'skin'],
  [/\b(?:soft[\s-]?tissues?|muscles?|muscular)\b/, 'soft_tissue'],
  [/\b(?:ovary|ovaries|ovarian)\b/, 'ovary'],
  [/\b(?:kidneys?|renal)\b/, 'kidney'],
  [/\b(?:pancreas|pancreatic)\b/, 'pancreas'],
  [
    /\b(?:bowel|intestines?|intestinal|small bowel|colon|colonic|rectum|rectal|duodenum|duodenal|jejunum|jejunal|ileum|ileal)\b/,
    'bowel',
  ],
];

/** Texts that say there is no site (cBioPortal fills, "none"). */
const NO_SITE =
  /^(?:na|n\/a|nan|none|no|unknown|not applicable|not available|\[not available\]|not reported|primary|-|\.|0)$/;

/**
 * One site from text, or null when the text names no site. Text we cannot place becomes `other` with the
 * text kept, so nothing the user wrote is lost.
 */
export function resolveSite(text: string): MetastaticSite | null {
  if (typeof text !== 'string') return null;
  const raw = text.trim().replace(/\s+/g, ' ');
  const t = raw.toLowerCase().replace(/_/g, ' ');
  if (t === '' || NO_SITE.test(t)) return null;
  // "no brain metastases" states an absence; it is not a site.
  if (/^(?:no|without|negative for|free of|ruled[\s-]out)\b/.test(t)) return null;
  const status = siteStatus(t);
  for (const [re, site] of SITE_PATTERNS) {
    if (re.test(t)) return { site, status, text: raw };
  }
  return { site: 'other', status, text: raw };
}

/**
 * Several sites from a list such as cBioPortal's `Liver, Peritoneum` or `brain and lung`. Duplicates fold
 * into one (keeping the first status that is not `unknown`).
 */
export function resolveSites(text: string): MetastaticSite[] {
  if (typeof text !== 'string') return [];
  const parts = text.split(/\s*(?:[,;|/]|\band\b|&|\+)\s*/i).filter((p) => p.trim() !== '');
  const out: MetastaticSite[] = [];
  for (const p of parts) {
    const s = resolveSite(p);
    if (s === null) continue;
    mergeSite(out, s);
  }
  return out;
}

/** Adds a site unless the same code (and for `other`, the same text) is present; a known status wins over unknown. */
export function mergeSite(list: MetastaticSite[], s: MetastaticSite): void {
  const same = list.find(
    (x) => x.site === s.site && (s.site !== 'other' || x.text?.toLowerCase() === s.text?.toLowerCase()),
  );
  if (same === undefined) list.push(s);
  else if (same.status === 'unknown' && s.status !== 'unknown') same.status = s.status;
}

/**
 * Status from words. "treated and stable" reads as `stable` (the stronger statement trials ask about); the
 * negated forms are tested first so "untreated" is not read as "treated".
 */
export function siteStatus(lowerText: string): MetastaticSite['status'] {
  const t = lowerText;
  if (/\b(?:progressing|progressive|progression|growing|enlarging|increasing)\b/.test(t))
    return 'progressing';
  if (/\b(?:untreated|not treated|treatment[\s-]naive|never treated|unirradiated)\b/.test(t))
    return 'untreated';
  if (/\b(?:active|symptomatic)\b/.test(t) && !/\b(?:inactive|asymptomatic)\b/.test(t)) return 'active';
  if (/\b(?:stable|controlled|inactive|no progression)\b/.test(t)) return 'stable';
  if (
    /\b(?:treated|irradiated|radiated|resected|post[\s-]?(?:srs|sbrt|wbrt|radiation|surgery)|s\/p|after (?:srs|radiation|surgery|resection)|srs|wbrt|radiosurgery)\b/.test(
      t,
    )
  )
    return 'treated';
  return 'unknown';
}
