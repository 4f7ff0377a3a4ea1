import { findCancerMentions } from '../cancer-types.js';
import { CLASS_PATTERNS, DRUG_WORDS, findDrugs, type DrugClass } from '../drugs.js';

/**
 * Rule-based reading of one eligibility criterion into structured meaning. Each parsed item states a
 * *condition* about the patient in the criterion's own polarity; the matcher decides what a met condition
 * means for inclusion (must hold) and exclusion (must not hold) criteria. What we do not understand stays
 * unparsed and is reported as "unknown" with the text.
 */
export const CATEGORIES = [
  'cancer_type',
  'stage',
  'disease_extent',
  'measurable_disease',
  'biomarker',
  'cns_metastases',
  'prior_therapy',
  'prior_lines',
  'performance_status',
  'age',
  'sex',
  'pregnancy',
  'organ_function',
] as const;
export type Category = (typeof CATEGORIES)[number];

export type Op = '>=' | '>' | '<=' | '<' | '=';

export interface BiomarkerTerm {
  gene: string;
  /** What is asked of the gene: a named variant, a class (exon 19 deletion…), any alteration, or a status. */
  kind: 'variant' | 'class' | 'mutation' | 'fusion' | 'amplification' | 'status' | 'alteration';
  /** Canonical protein change (`G12C`) for `variant`; `G12` for codon-wide. */
  alteration?: string;
  /** Class id for `class`: exon19_deletion, exon20_insertion, exon14_skipping, L858R-style handled as variant. */
  cls?: 'exon19_deletion' | 'exon20_insertion' | 'exon14_skipping' | 'activating' | 'kinase_domain';
  /** For status markers (HER2, ER, PR, PD-L1, MSI, MMR, TMB). */
  status?: 'positive' | 'negative' | 'low' | 'high' | 'deficient' | 'proficient' | 'stable' | 'wildtype';
  threshold?: { op: Op; value: number; scoreType?: 'TPS' | 'CPS' };
}

export type ParsedItem =
  | { category: 'cancer_type'; codes: string[]; text: string }
  | { category: 'stage'; stages: string[] }
  | {
      category: 'disease_extent';
      anyOf: Array<
        'metastatic' | 'locally_advanced' | 'advanced' | 'unresectable' | 'recurrent' | 'non_metastatic'
      >;
    }
  | { category: 'measurable_disease'; recist: boolean }
  | { category: 'biomarker'; anyOf: BiomarkerTerm[]; negated: boolean; text: string }
  | {
      category: 'cns_metastases';
      rule:
        | 'required'
        | 'excluded_any'
        | 'excluded_active'
        | 'allowed_treated'
        | 'excluded_leptomeningeal'
        | 'required_active';
    }
  | {
      category: 'prior_therapy';
      drugs: string[];
      classes: DrugClass[];
      generic?: 'chemotherapy' | 'systemic' | 'radiotherapy' | 'immunotherapy';
      requirement: 'received' | 'not_received' | 'progressed_on';
      window: boolean;
    }
  | { category: 'prior_lines'; min?: number; max?: number }
  | { category: 'performance_status'; scale: 'ECOG' | 'Karnofsky'; min?: number; max?: number }
  | { category: 'age'; min?: number; max?: number }
  | { category: 'sex'; value: 'female' | 'male' }
  | { category: 'pregnancy' }
  | { category: 'organ_function'; lab: string; op?: Op; value?: number; unit?: string };

export type CriterionType = 'inclusion' | 'exclusion';

const NUM_WORDS: Record<string, number> = {
  zero: 0,
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  first: 1,
  second: 2,
  third: 3,
};
const num = (s: string): number => NUM_WORDS[s.toLowerCase()] ?? Number(s);

/** Registry text writes operators many ways: ≥, >=, "\>=", "at least", "greater than or equal to". */
function opOf(s: string): Op {
  const t = s.toLowerCase().replace(/\\/g, '').trim();
  if (
    /^(≥|>=|=>|at least|greater than or equal to|more than or equal to|equal to or greater than|equal or greater than|minimum|min|no less than|not less than|over and including)/.test(
      t,
    )
  )
    return '>=';
  if (
    /^(≤|<=|=<|at most|less than or equal to|equal to or less than|no more than|not more than|up to|maximum|max|not exceeding|not greater than|no greater than|no higher than|not higher than|within)/.test(
      t,
    )
  )
    return '<=';
  if (/^(>|greater than|more than|above|over|exceeding)/.test(t)) return '>';
  if (/^(<|less than|below|under|fewer than)/.test(t)) return '<';
  return '=';
}
const OP_RE = String.raw`(\\?[≥≤><]=?|=>|=<|at least|at most|no greater than|not greater than|no higher than|not higher than|not exceeding|no more than|not more than|no less than|greater than or equal to|less than or equal to|equal to or greater than|greater than|less than|more than|above|below|up to|over|under)`;

// ---------------------------------------------------------------------------------------------------------
// Biomarkers

const GENE_ALIASES: Record<string, string> = {
  HER2: 'ERBB2',
  HER3: 'ERBB3',
  'PD-L1': 'CD274',
  CD274: 'CD274',
  BRCA: 'BRCA1/2',
  CLDN18: 'CLDN18.2',
};
const GENE_RE = new RegExp(
  String.raw`(?<![A-Za-z0-9-])(EGFR|KRAS|NRAS|HRAS|BRAF|ALK|ROS-?1|RET|MET|NTRK[123]?|ERBB2|HER-?2(?:\/neu)?|ERBB3|HER-?3|PIK3CA|AKT1|PTEN|BRCA[12]?(?:\/2)?|ATM|PALB2|IDH[12]|FGFR[123]?|KIT|PDGFRA|ESR1|TP53|STK11|KEAP1|CDKN2A|MTAP|NRG1|CLDN18(?:\.2)?|TROP-?2|DLL3|FOLR1|SMARCA4|NF1|POLE|ARID1A|PD-?L1|CD274|TMB|HRD|dMMR|pMMR|MMR|MSI-H(?:igh)?|MSI|MSS|ER|PR|HR)(?:(?=[A-Z]\d{1,4}[A-Z*])|(?![A-Za-z0-9]|-(?![A-Z]\d|positive|negative|mutant|mutated|mutation|altered|rearranged|amplified|activating|high|low|H\b|L\b|null|expressing|driven|sensitizing|wild|directed|targeted|selected|overexpress)))`,
  'g',
);
/** A literal of each GENE_RE alternative, case-sensitive like GENE_RE: without one, GENE_RE finds nothing. */
const GENE_WORD =
  /EGFR|RAS|BRAF|ALK|ROS|RET|MET|NTRK|ERBB|HER|PIK3CA|AKT1|PTEN|BRCA|ATM|PALB2|IDH|FGFR|KIT|PDGFRA|ESR1|TP53|STK11|KEAP1|CDKN2A|MTAP|NRG1|CLDN18|TROP|DLL3|FOLR1|SMARCA4|NF1|POLE|ARID1A|PD|CD274|TMB|HRD|MMR|MSI|MSS|ER|PR|HR/;
const LONG_FORMS: Array<[RegExp, string]> = [
  [
    /\bmicrosatellite[- ]instability[- ]high\b|\bmicrosatellite[- ]instab\w+\b|\bhigh[- ]level microsatellite/gi,
    'MSI-H',
  ],
  [
    /\bmismatch[- ]repair[- ]deficien\w*|\bdeficient mismatch[- ]repair|\bdeficient in mismatch repair/gi,
    'dMMR',
  ],
  [/\bmismatch[- ]repair[- ]proficien\w*|\bproficient mismatch[- ]repair/gi, 'pMMR'],
  [/\bmicrosatellite[- ]stable\b/gi, 'MSS'],
  [/\btumou?r mutation(al)? burden\b/gi, 'TMB'],
  [/\b(o)?estrogen[- ]receptor\b/gi, 'ER'],
  [/\bprogesterone[- ]receptor\b/gi, 'PR'],
  [/\bhormone[- ]receptor\b/gi, 'HR'],
  [/\bepidermal growth factor receptor\b/gi, 'EGFR'],
  [/\bhuman epidermal growth factor receptor[- ]2\b/gi, 'HER2'],
  [/\banaplastic lymphoma kinase\b/gi, 'ALK'],
  [/\btriple[- ]negative\b/gi, 'TNBC'],
];

const VARIANT_RE = /\b([ACDEFGHIKLMNPQRSTVWY])(\d{1,4})([ACDEFGHIKLMNPQRSTVWYX*]|del|ins|fs)?(?![a-z0-9])/g;

function canonicalGene(g: string): string {
  const u = g
    .toUpperCase()
    .replace(/\/NEU$/, '')
    .replace(/-(?=\d)/, '')
    .replace('PD-L1', 'PD-L1');
  if (u === 'PDL1' || u === 'PD-L1') return 'CD274';
  if (u === 'ROS-1') return 'ROS1';
  if (u === 'TROP-2') return 'TROP2';
  if (u === 'BRCA1/2' || u === 'BRCA') return 'BRCA1/2';
  return GENE_ALIASES[u] ?? u;
}

interface Mention {
  start: number;
  end: number;
  term: BiomarkerTerm;
}

/** Reads the alteration words in the ~70 characters after a gene name. */
function termAfter(gene: string, after: string, before: string): BiomarkerTerm[] {
  const a = after.slice(0, 90);
  const out: BiomarkerTerm[] = [];
  switch (gene) {
    case 'ERBB2': {
      if (BOTH_STATUSES.test(a)) return [];
      const ihc = her2Ihc(a);
      if (ihc !== null)
        return [ihc === 'equivocal' ? { gene, kind: 'status' } : { gene, kind: 'status', status: ihc }];
      const status = statusWord(a);
      if (/amplif/i.test(a.slice(0, 30))) out.push({ gene, kind: 'amplification' });
      if (/^\W{0,3}(mutat|mutant|exon 20|activating mutation)/i.test(a)) out.push({ gene, kind: 'mutation' });
      if (status || out.length === 0) out.push({ gene, kind: 'status', status: status ?? 'positive' });
      return out;
    }
    case 'ER':
    case 'PR':
    case 'HR': {
      const status = statusWord(a.slice(0, 30));
      if (!status) return [];
      return [{ gene, kind: 'status', status }];
    }
    case 'CD274': {
      const m = new RegExp(
        String.raw`^[^.;]{0,40}?(TPS|CPS|TC|tumou?r proportion score|combined positive score)?[^.;0-9]{0,20}?${OP_RE}\s*(\d+(?:\.\d+)?)\s*%?`,
        'i',
      ).exec(a);
      if (m) {
        const scoreType = /CPS|combined/i.test(m[0]) ? ('CPS' as const) : ('TPS' as const);
        return [
          {
            gene,
            kind: 'status',
            status: 'positive',
            threshold: { op: opOf(m[2]!), value: Number(m[3]), scoreType },
          },
        ];
      }
      if (BOTH_STATUSES.test(a)) return [];
      const status =
        statusWord(a.slice(0, 25)) ?? (/\b(high|≥ ?50)/i.test(a.slice(0, 20)) ? 'high' : undefined);
      return status ? [{ gene, kind: 'status', status }] : [];
    }
    case 'TMB': {
      const m = new RegExp(String.raw`^[^.;]{0,30}?${OP_RE}\s*(\d+(?:\.\d+)?)`, 'i').exec(a);
      if (m)
        return [
          { gene, kind: 'status', status: 'high', threshold: { op: opOf(m[1]!), value: Number(m[2]) } },
        ];
      if (/^\W{0,3}(high|-H\b)/i.test(a)) return [{ gene, kind: 'status', status: 'high' }];
      return [{ gene, kind: 'status', status: 'high' }];
    }
    case 'MSI-H':
      return [{ gene: 'MSI', kind: 'status', status: 'high' }];
    case 'MSI':
      if (/^\W{0,3}(high|-H\b|H\b)/i.test(a)) return [{ gene: 'MSI', kind: 'status', status: 'high' }];
      if (/^\W{0,3}(stable|low|-L\b)/i.test(a)) return [{ gene: 'MSI', kind: 'status', status: 'stable' }];
      // A bare "MSI" ("MSI testing required") asks for a test, not a status.
      return [];
    case 'MSS':
      return [{ gene: 'MSI', kind: 'status', status: 'stable' }];
    case 'DMMR':
      return [{ gene: 'MMR', kind: 'status', status: 'deficient' }];
    case 'PMMR':
      return [{ gene: 'MMR', kind: 'status', status: 'proficient' }];
    case 'MMR':
      if (/^\W{0,3}(proficien)/i.test(a)) return [{ gene: 'MMR', kind: 'status', status: 'proficient' }];
      if (/^\W{0,3}(deficien|loss|-d\b)/i.test(a) || /\b(deficient|loss of)\s*$/i.test(before.slice(-15)))
        return [{ gene: 'MMR', kind: 'status', status: 'deficient' }];
      return [];
    case 'HRD':
      return [{ gene: 'HRD', kind: 'status', status: 'positive' }];
    default:
      break;
  }
  // Genes: named variants, classes, fusions, amplification, or any mutation. Look only up to the next gene.
  let stop = -1;
  for (const m of a.matchAll(GENE_RE)) {
    if (m.index > 0 && canonicalGene(m[1]!) !== gene) {
      stop = m.index;
      break;
    }
  }
  const window = stop > 0 ? a.slice(0, stop) : a;
  const w = window.toLowerCase();
  if (/exon ?19[^.;]{0,25}(del|deletion)|(del|deletion)[^.;]{0,10}exon ?19|ex19del|19del/i.test(window))
    out.push({ gene, kind: 'class', cls: 'exon19_deletion' });
  if (/exon ?20[^.;]{0,25}(ins|insertion)|ex20ins/i.test(window))
    out.push({ gene, kind: 'class', cls: 'exon20_insertion' });
  if (/exon ?14[^.;]{0,20}skip|ex14/i.test(window)) out.push({ gene, kind: 'class', cls: 'exon14_skipping' });
  for (const m of window.matchAll(VARIANT_RE)) {
    const [, ref, pos, alt] = m;
    if (Number(pos) < 2 || /^\d+$/.test(m[0])) continue;
    // "exon 19" and "T790M"-style: skip exon numbers caught as letter+digits.
    // "KRAS mutations besides G12C", "other than L858R": the named variant is the one left out.
    if (
      /\b(besides|other than|except(?: for)?|excluding|apart from|non-)\s*$/i.test(
        window.slice(Math.max(0, m.index - 16), m.index),
      )
    )
      continue;
    const variant = `${ref}${pos}${alt ?? ''}`;
    if (/^(ISH|IHC)/.test(variant)) continue;
    out.push({ gene, kind: 'variant', alteration: alt === 'X' ? `${ref}${pos}` : variant });
  }
  if (/\b(fusion|rearrange|translocation|rearranged|gene fusion)/i.test(w.slice(0, 50)))
    out.push({ gene, kind: 'fusion' });
  if (/^\W{0,3}(amplif|copy number gain|overexpress)/i.test(w) || /^\W{0,3}\w*\s*amplification/i.test(w))
    out.push({ gene, kind: 'amplification' });
  if (out.length === 0) {
    if (
      /^\W{0,20}(activating|sensitizing|sensitising|common)/i.test(w) ||
      /(activating|sensitizing)\s*$/i.test(before.slice(-25))
    )
      out.push({ gene, kind: 'class', cls: 'activating' });
    else if (
      /^[\s-]{0,2}(positive|\+|driven|altered|alteration)/i.test(w) &&
      ['ALK', 'ROS1', 'RET', 'NTRK', 'NTRK1', 'NTRK2', 'NTRK3', 'NRG1'].includes(gene)
    )
      out.push({ gene, kind: 'fusion' });
    else if (
      /^\W{0,30}(?:(?:germline|somatic|likely pathogenic|inactivating|truncating|hotspot|known)\s+)?(mutat|mutant|variant|pathogenic|alteration|altered|positive|\+|deleterious|loss|wild[- ]?type|status|inhibitor)/i.test(
        w,
      ) ||
      // "KIT exon 11 deletion", "ERBB2 exon 20 insertion" (classes not listed above): a mutation of the gene.
      /^\W{0,3}exon\s*\d{1,2}\s*(?:in-?frame\s+)?(?:del\w*|ins\w*|mutat\w*|dup\w*|skip\w*|substitution)/i.test(
        w,
      ) ||
      /(mutated|mutant|pathogenic|deleterious|germline|somatic|mutations? (in|of)( the)?|alterations? (in|of)( the)?)\W{0,3}$/i.test(
        before.slice(-25),
      ) ||
      (before.trim() === '' && /^\s*(,|\/|and\/or|or)/.test(w))
    ) {
      if (/^\W{0,30}inhibitor/i.test(w)) return [];
      out.push({ gene, kind: /alteration|altered/i.test(w.slice(0, 30)) ? 'alteration' : 'mutation' });
    }
  }
  return out;
}

/**
 * Two gene symbols joined by "-" or "::" (the fusion notation). Not "/": that is "or" ("EGFR/ALK") or a ratio
 * ("MET/CEP7").
 */
const FUSION_PAIR = /(?<![A-Za-z0-9-])([A-Z][A-Z0-9]{1,9})(-|::)([A-Z][A-Z0-9]{1,9})(?![A-Za-z0-9-])/g;
/** Kinase genes whose fusions are drivers (the one of the pair the parser knows). */
const FUSION_DRIVERS = /^(?:ALK|ROS1|RET|NTRK[123]|FGFR[123]|NRG1|BRAF|MET|EGFR)$/;
/** Partner symbols without a digit that occur in these fusions (most partners, EML4 or KIF5B, have one). */
const DIGITLESS_PARTNERS = new Set(['EZR', 'LMNA', 'TPR', 'AGK', 'TFG', 'GOPC', 'CLTC', 'SQSTM1']);

/** A fusion partner: a gene-like symbol, not a variant ("T790M"), a drug class ("TKI") or a second driver. */
function isPartner(sym: string): boolean {
  if (/^[A-Z]\d+[A-Z]?$/.test(sym) || FUSION_DRIVERS.test(sym)) return false;
  return (/\d/.test(sym) && sym.length >= 3) || DIGITLESS_PARTNERS.has(sym);
}

/** An IHC score right after "HER2" ("HER2 IHC 1+", "HER2 (IHC 0)", "HER2: 2+/ISH-"), with ISH for 2+. */
const HER2_IHC =
  /^\W{0,4}(?:status\s*)?(?:(?:by\s+)?(?:IHC|immunohistochemistry)\s*)?(?:score\s*)?(?:of\s*|[:=]\s*)?\(?(?:IHC\s*)?(0|1\+|2\+|3\+)(?![\d+])/i;
const ISH_POSITIVE = /^[^.;]{0,25}?\b(?:F|S|C)?ISH\s*(?:\+|[-:]?\s*(?:pos\w*|amplified))/i;
const ISH_NEGATIVE =
  /^[^.;]{0,25}?(?:\b(?:F|S|C)?ISH\s*(?:-|−|[-:]?\s*(?:neg\w*|not amplified|non-?amplified))|\bnon-?amplified|\bnot amplified)/i;

/**
 * The HER2 status an IHC score means: 3+ positive; 2+ positive with a positive ISH, HER2-low with a negative
 * one, otherwise equivocal; 1+ HER2-low; 0 negative. Null when no score follows. (The generic status reading
 * took the "+" of "1+" for "positive".)
 */
function her2Ihc(after: string): 'positive' | 'low' | 'negative' | 'equivocal' | null {
  const m = HER2_IHC.exec(after);
  if (!m) return null;
  const score = m[1]!;
  if (score === '3+') return 'positive';
  if (score === '1+') return 'low';
  if (score === '0') return 'negative';
  const rest = after.slice(m.index + m[0].length);
  if (ISH_POSITIVE.test(rest)) return 'positive';
  if (ISH_NEGATIVE.test(rest)) return 'low';
  return 'equivocal';
}

/** The first status word right after a marker name ("HER2-negative", "ER+ ", "HER2 low"). */
const BOTH_STATUSES =
  /^\W{0,3}(negative|positive|low|high)\s*(or|and|\/)\s*-?(negative|positive|low|high)\b/i;

function statusWord(s: string): BiomarkerTerm['status'] | undefined {
  // "PD-L1 negative or positive", "HER2-positive or -negative": both allowed, no restriction.
  if (BOTH_STATUSES.test(s)) return undefined;
  const m =
    /(ultra-?low|low|negative|neg\b|positive|pos\b|overexpress\w*|\+|−|-(?=\s|,|\/|$)|3\+|IHC ?3)/i.exec(
      s.slice(0, 30),
    );
  if (!m) return undefined;
  const w = m[1]!.toLowerCase();
  if (w.includes('low')) return 'low';
  if (w.startsWith('neg') || w === '−' || w === '-') return 'negative';
  return 'positive';
}

const NEG_BEFORE =
  /\b(no|not|without|absence of|absent|negative for|lack(s|ing)? of|free of|non|never|exclud\w+|excluding|other than|unknown)\b[^.;]{0,45}$/i;
const NEG_AFTER =
  /^[^.;]{0,40}?\b(wild[- ]?type|negative|not (been )?detected|absent|are (excluded|not eligible|ineligible)|is (excluded|not eligible)|will be excluded|not eligible|ineligible)\b/i;

/** Every LONG_FORMS pattern contains one of these words: without them the long-form pass finds nothing. */
const LONG_FORM_WORD =
  /microsatellite|mismatch|burden|estrogen|progesterone|hormone|epidermal|anaplastic|triple/i;

export function findBiomarkers(text: string): ParsedItem[] {
  let normalized = text;
  const extras: Mention[] = [];
  for (const [re, name] of LONG_FORM_WORD.test(text) ? LONG_FORMS : []) {
    for (const m of text.matchAll(re)) {
      if (name === 'TNBC') {
        extras.push({
          start: m.index,
          end: m.index + m[0].length,
          term: { gene: 'ER', kind: 'status', status: 'negative' },
        });
        extras.push({
          start: m.index,
          end: m.index + m[0].length,
          term: { gene: 'PR', kind: 'status', status: 'negative' },
        });
        extras.push({
          start: m.index,
          end: m.index + m[0].length,
          term: { gene: 'ERBB2', kind: 'status', status: 'negative' },
        });
        continue;
      }
      // Replace the long form by its short name padded to the same length, so spans stay true.
      const pad = ' '.repeat(Math.max(0, m[0].length - name.length)) + name;
      normalized =
        normalized.slice(0, m.index) + pad.slice(-m[0].length) + normalized.slice(m.index + m[0].length);
    }
  }
  // Fusion partners written as a pair ("EML4-ALK", "FGFR2-BICC1 fusion", "ETV6::NTRK3"): the separator becomes
  // spaces (spans stay true) so the driver gene is found, and a driver in a pair is a fusion.
  const pairAt = new Set<number>();
  if (/[-:]/.test(normalized))
    for (const m of normalized.matchAll(FUSION_PAIR)) {
      const [, a, sep, b] = m as unknown as [string, string, string, string];
      const driverA = FUSION_DRIVERS.test(a);
      const driverB = FUSION_DRIVERS.test(b);
      if (!(driverA ? isPartner(b) : driverB && isPartner(a))) continue;
      normalized =
        normalized.slice(0, m.index + a.length) +
        ' '.repeat(sep.length) +
        normalized.slice(m.index + a.length + sep.length);
      pairAt.add(driverA ? m.index : m.index + a.length + sep.length);
    }
  const mentions: Mention[] = [...extras];
  // matchAll on GENE_RE costs microseconds even without a match; GENE_WORD rules most texts out first.
  for (const m of GENE_WORD.test(normalized) ? normalized.matchAll(GENE_RE) : []) {
    const raw = m[1]!;
    let gene = canonicalGene(raw);
    if (raw === 'dMMR') gene = 'DMMR';
    if (raw === 'pMMR') gene = 'PMMR';
    if (/^MSI-H/i.test(raw)) gene = 'MSI-H';
    // "ER", "PR", "HR", "MET", "RET", "KIT", "ATM" are also English words or abbreviations: require context.
    if (
      ['ER', 'PR', 'HR'].includes(gene) &&
      !/^[\s-]{0,2}(\+|-|positive|negative|low|status|expression)/i.test(
        normalized.slice(m.index + raw.length, m.index + raw.length + 12),
      )
    )
      continue;
    if (
      raw === 'MET' &&
      /\bMET\b/.test(raw) &&
      /criteria|requirements?/i.test(normalized.slice(m.index + raw.length, m.index + raw.length + 25))
    )
      continue;
    if (raw === 'PR' && /\b(CR|PR|SD|PD)\b/.test(normalized.slice(Math.max(0, m.index - 6), m.index)))
      continue;
    const after = normalized.slice(m.index + raw.length);
    const before = normalized.slice(Math.max(0, m.index - 60), m.index);
    // "KRAS G12C inhibitor", "HER2-directed therapy", "EGFR TKI", "therapy targeting KRAS G12C": a drug class.
    if (/\b(targeting|against|anti-?)\s*$/i.test(normalized.slice(Math.max(0, m.index - 12), m.index)))
      continue;
    if (
      /^[\s-]*(?:[A-Z]\d+[A-Z]?[\s-]*)?(?:\(?\w+\)?[\s-]*)?(inhibitor|TKI|tyrosine kinase inhibitor|targeted|directed|antibod|blockade|blocking|ADC|bispecific)/i.test(
        after.slice(0, 40),
      ) &&
      !/^[^.;]{0,15}(mutat|fusion|rearrang|amplif|positive|express)/i.test(after)
    )
      continue;
    let terms = termAfter(gene, after, before);
    if (pairAt.has(m.index) && !terms.some((t) => t.kind === 'fusion')) terms = [{ gene, kind: 'fusion' }];
    for (const term of terms) mentions.push({ start: m.index, end: m.index + raw.length, term });
  }
  if (mentions.length === 0) return [];
  mentions.sort((x, y) => x.start - y.start);
  // Group mentions joined by "or" / "/" into one any-of item; "and", ";" (and commas in a list without "or")
  // start a new item that must hold as well ("HR-positive, HER2-negative").
  const fix = (gap: string): string => gap.replace(/\band\/or\b/g, 'or');
  const gaps = mentions.slice(1).map((m, i) => fix(normalized.slice(mentions[i]!.end, m.start)));
  const hasOr = gaps.some((g) => /\bor\b|\//.test(g));
  const groups: Mention[][] = [];
  let cur: Mention[] = [];
  mentions.forEach((m, i) => {
    const prev = cur[cur.length - 1];
    if (prev && prev.term.gene !== m.term.gene) {
      const gap = gaps[i - 1] ?? '';
      if (/;|\. /.test(gap) || (/\band\b/.test(gap) && !/\bor\b/.test(gap)) || (!hasOr && /,/.test(gap))) {
        groups.push(cur);
        cur = [];
      }
    }
    cur.push(m);
  });
  if (cur.length > 0) groups.push(cur);
  const items: ParsedItem[] = [];
  for (const [gi, g] of groups.entries()) {
    const first = g[0]!;
    const last = g[g.length - 1]!;
    const before = normalized.slice(Math.max(0, first.start - 60), first.start);
    // A negation after the item stops at the next item when this one has words of its own: in "FGFR2
    // fusion, IDH1 wild-type" the wild-type is IDH1's, in "KRAS, NRAS and BRAF wild-type" it is the list's.
    const next = groups[gi + 1]?.[0]?.start ?? Infinity;
    const own =
      next !== Infinity &&
      /[A-Za-z]{2,}/.test(
        normalized
          .slice(last.end, next)
          .replace(GENE_RE, '')
          .replace(/\b(?:and|or|and\/or|nor)\b/gi, ''),
      );
    const after = normalized.slice(last.end, own ? Math.min(last.end + 60, next) : last.end + 60);
    const statusOnly = g.every((x) => x.term.kind === 'status');
    let negated = NEG_BEFORE.test(before) && !/\bnon[- ]?(small|squamous)/i.test(before.slice(-20));
    if (!statusOnly && NEG_AFTER.test(after) && !/wild[- ]?type for/i.test(after)) negated = true;
    if (statusOnly && /\b(no|without|not)\b[^.;]{0,20}$/i.test(before) === false) negated = false;
    // Wild-type is a request for no alteration ("KRAS wild-type").
    const terms = dedupeTerms(g.map((x) => x.term));
    items.push({
      category: 'biomarker',
      anyOf: terms,
      negated,
      text: normalized.slice(first.start, Math.min(normalized.length, last.end + 40)).trim(),
    });
  }
  return items;
}

function dedupeTerms(terms: BiomarkerTerm[]): BiomarkerTerm[] {
  const seen = new Set<string>();
  const out: BiomarkerTerm[] = [];
  for (const t of terms) {
    const k = JSON.stringify(t);
    if (seen.has(k)) continue;
    seen.add(k);
    out.push(t);
  }
  // A generic "EGFR mutation" next to named EGFR variants adds nothing.
  return out.filter(
    (t) =>
      !(
        t.kind === 'mutation' &&
        out.some((o) => o.gene === t.gene && (o.kind === 'variant' || o.kind === 'class'))
      ),
  );
}

// ---------------------------------------------------------------------------------------------------------
// CNS metastases

const CNS_RE =
  /\b(brain|CNS|central nervous system|intracranial|cerebral|leptomeningeal|meningeal|spinal cord compression)\b[^.;]{0,40}?\b(metasta\w*|mets|lesions?|disease|involvement|carcinomatosis|tumou?rs?)\b|\bleptomeningeal\b|\bbrain mets\b/i;

function parseCns(text: string, type: CriterionType): ParsedItem[] {
  if (!CNS_RE.test(text)) return [];
  // Timing rules for radiotherapy or surgery name brain lesions as the treated site, not as a condition.
  if (
    /^\W*(prior |previous |palliative |whole[- ]brain )?(radiotherapy|radiation|surgery|major surgery|treatment|therapy|SRS|stereotactic)\b/i.test(
      text,
    ) &&
    /\b(within|prior to|before|weeks?|days?|washout)\b/i.test(text)
  )
    return [];
  // "primary brain tumor" is a cancer type, not metastases.
  if (/\bprimary (brain|CNS) (tumou?r|malignan)/i.test(text) && !/metasta/i.test(text)) return [];
  const items: ParsedItem[] = [];
  const lepto = /leptomeningeal|meningeal carcinomatosis/i.test(text);
  const brain = /\b(brain|CNS|central nervous system|intracranial|cerebral)\b/i.test(text);
  const active =
    /\b(active|untreated|symptomatic|progressi\w+|unstable|uncontrolled|new(ly)? (diagnosed )?|not (been )?(definitively )?treated|requir\w+ (steroids|treatment|immediate)|unless[^.;]{0,80}(treated|stable|asymptomatic))\b/i.test(
      text,
    );
  const allowed =
    /\b(allowed|permitted|eligible|may (be )?(enroll|participate|included)|are acceptable|can (be )?(enroll|included|participate)|is acceptable)\b/i.test(
      text,
    );
  const treated =
    /\b(treated|stable|asymptomatic|controlled|previously irradiated|radiologically stable|neurologically stable)\b/i.test(
      text,
    );
  const negation =
    /\b(no|without|absence of|free of|not have)\b[^.;]{0,40}\b(brain|CNS|central nervous system|intracranial|leptomeningeal|metasta)/i.test(
      text,
    );
  if (lepto && (type === 'exclusion' || negation))
    items.push({ category: 'cns_metastases', rule: 'excluded_leptomeningeal' });
  if (!brain) return items;
  const steroids = /\b(steroids?|corticosteroids?|dexamethasone)\b/i.test(text);
  if (type === 'exclusion') {
    if (active || steroids || (treated && allowed))
      items.push({ category: 'cns_metastases', rule: 'excluded_active' });
    else items.push({ category: 'cns_metastases', rule: 'excluded_any' });
    return items;
  }
  // Inclusion criteria.
  if (negation) items.push({ category: 'cns_metastases', rule: active ? 'excluded_active' : 'excluded_any' });
  else if (treated && allowed) items.push({ category: 'cns_metastases', rule: 'allowed_treated' });
  else if (allowed) items.push({ category: 'cns_metastases', rule: 'allowed_treated' });
  else if (/\b(untreated|active|measurable|progressi)\b[^.;]{0,30}(brain|CNS|intracranial)/i.test(text))
    items.push({ category: 'cns_metastases', rule: 'required_active' });
  else if (
    /\b(must have|with|presence of|has|have|documented|harbou?ring)\b[^.;]{0,40}(brain|CNS|intracranial)[^.;]{0,15}(metasta|lesion)/i.test(
      text,
    )
  )
    items.push({ category: 'cns_metastases', rule: 'required' });
  return items;
}

// ---------------------------------------------------------------------------------------------------------
// Prior therapy and lines

const PRIOR_CUE =
  /\b(prior|previous(ly)?|received|receiving|receipt|treated with|treatment with|therapy with|exposure to|exposed to|pre-?treated|progress\w*|refractory|resistan\w*|relapsed|relaps\w+ (on|after|following|during)|recurr\w* (on|after|following|during)|failed|failure|exhausted|after|following|post|naive|naïve|intoleran\w*|history of|concurrent|concomitant|within|since|completed|discontinued|minimum of|lines?|regimens?|\d+\s*(days?|weeks?|months?|half-?lives))\b|-na[iï]ve\b|\d(days?|weeks?)\b/i;

/** A count (digit or word) of lines, with a few qualifier words allowed before the line word. */
const N = String.raw`(\d|one|two|three|four|five|six)\s*(?:\(\d\)\s*)?`;
/** Up to three qualifier words ("prior platinum-based chemotherapy regimens"), never a duration or dose count. */
const GAP = String.raw`(?:(?!(?:days?|weeks?|months?|years?|cycles?|doses?|half|courses?|mg|times?)\b)[\w/()-]+\s+){0,3}?`;
const LINE_WORD = String.raw`(?:lines?|regimens?|systemic (?:therap|treatment|regimen)|treatment regimens?|therap(?:y|ies)|treatments|chemotherapy regimens?|prior therap)`;
const LINES_MIN = new RegExp(
  String.raw`(?:${OP_RE}|minimum of|a minimum of)\s*${N}(?:or more\s*)?${GAP}${LINE_WORD}`,
  'i',
);
const LINES_OR_MORE = new RegExp(
  String.raw`\b${N}or more\s+(?:prior\s+)?${GAP}(?:lines?|regimens?|systemic|therapies|treatments)`,
  'i',
);
const LINES_MAX = new RegExp(
  String.raw`\b(?:no more than|not more than|up to|at most|only(?=\s*(?:\d|one|two|three)\s+(?!or\b|to\b|and\b|-|–))|maximum of|a maximum of|fewer than|less than|≤|<=|\\?<=?)\s*${N}${GAP}(?:lines?|regimens?|systemic|therap(?:y|ies)|treatments|chemotherapy)`,
  'i',
);
/** "at least 1 but no more than 3 prior regimens", "≥1 and ≤3 lines". */
const LINES_BETWEEN = new RegExp(
  String.raw`(?:at least|minimum of|a minimum of|≥|>=|\\>=)\s*${N}(?:prior\s+)?(?:lines?\s+)?(?:but|and)\s*(?:no more than|not more than|at most|up to|≤|<=|\\<=)\s*${N}${GAP}${LINE_WORD}`,
  'i',
);
/** "second-line or later", "third-line or beyond", "≥ 2nd line". */
const LATER_LINE =
  /\b(second|third|fourth|2nd|3rd|4th)[- ]line\s*(?:or|and)\s*(?:later|beyond|greater|higher|subsequent)|\b(second|third|fourth|2nd|3rd|4th)[- ]?(?:\+|line\+)|(?:≥|>=)\s*(2|3|4)(?:nd|rd|th)?[- ]line/i;
const AFTER_FIRST_LINE =
  /\b(after|following|failure of|failed|progress\w* (?:on|after|during|following)|refractory to|relapsed (?:on|after))\b[^.;]{0,40}\bfirst[- ]line\b/i;
const NAIVE =
  /\b(treatment[- ]na[iï]ve|previously untreated|untreated (advanced|metastatic|disease)|no prior systemic (therapy|treatment)|not (have )?received (any )?(prior )?systemic (therapy|treatment)|first[- ]line (setting|treatment|therapy) (for|of) (advanced|metastatic))/i;

/**
 * Class phrases registry text uses besides the shared ones in drugs.ts: "EGFR inhibitor", "PD-(L)1
 * inhibitor", "checkpoint blockade", "aromatase inhibitor", "HER2-targeted", "next-generation hormonal agent".
 */
const EXTRA_CLASS_PATTERNS: Array<[RegExp, DrugClass]> = [
  [
    /\b(?:KRAS[ -]?)?G12C[ -]?(?:selective |specific |directed |targeted )?(inhibitor|therap|agent)/i,
    'kras_g12c_inhibitor',
  ],
  [
    /\bEGFR[ -](?:tyrosine kinase |TK |targeted |directed )?(inhibitor|TKI)s?\b|\bEGFR[ -](targeted|directed|targeting)\b|\b(first|second|third|1st|2nd|3rd)[- ]generation EGFR\b/i,
    'egfr_tki',
  ],
  [
    /\bALK[- ](targeted|directed|targeting|TKI)|\bALK[- ]?(positive|\+)?[^.;]{0,10}\bTKIs?\b/i,
    'alk_inhibitor',
  ],
  [
    /\bPD-?\(?L\)?-?1\b[^.;]{0,25}?(inhibitor|antibod|blockade|blocker|agent|therap|treatment|directed|targeted|mAb)|\banti[- ]?PD-?\(?L\)?-?1\b|\bPD-?1\s*(?:\/|or|and)\s*(?:anti-)?PD-?L-?1\b|\bcheckpoint (inhibitor|blockade|blocker|therap)|\b(ICI|CPI)s?\b|\bimmuno-?oncology\b|\bimmune[- ]checkpoint/i,
    'pd1_pdl1',
  ],
  [/\bCDK ?4 ?(\/|and|&) ?6\b|\bCDK4\/6i\b/i, 'cdk46_inhibitor'],
  [/\bPARPi?s?\b/, 'parp_inhibitor'],
  [
    /\bHER-?2[- ](targeting|targeted|directed|based)|\btrastuzumab[- ]based|\bHER-?2[- ]?(TKI|tyrosine kinase inhibitor)|\banti[- ]?HER-?2/i,
    'anti_her2',
  ],
  [
    /\baromatase inhibitors?\b|\b(endocrine|hormonal|hormone|anti-?estrogen|antiestrogen)[- ](?:based )?(therap|treatment|agent|manipulation)|\bSERDs?\b|\bSERMs?\b|\bendocrine[- ](sensitive|resistant|refractory)\b|\bandrogen[- ]deprivation\b|\bADT\b/i,
    'endocrine',
  ],
  [/\bfluoropyrimidine|\bfluorouracil[- ]based/i, 'fluoropyrimidine'],
  [/\banthracycline/i, 'anthracycline'],
  [/\btaxanes?\b|\btaxane[- ]based/i, 'taxane'],
  [/\bplatinum|\bplatin[- ]based/i, 'platinum'],
  [
    /\b(androgen receptor|AR)[- ](targeted|directed|pathway|signal\w* inhibitor)|\bnovel (hormonal|anti-?androgen|androgen)|\bnext[- ]generation (hormonal|anti-?androgen|androgen|AR)\b|\b(ARTA|ARAT|ARPI|ARSI|NHTs?|NHAs?)\b/i,
    'antiandrogen',
  ],
];
/**
 * Rare classes, tested only when RARE_CLASS_WORD (a word each alternative contains) occurs: six more
 * regex passes on every sentence that names some class would cost more than the one test.
 */
const RARE_CLASS_WORD =
  /btk|gspt1|radio|psma|prrt|rlt|selective estrogen|tgf|transforming growth|cldn|claudin/i;
/** "TGF-β", "TGFβ", "TGF-beta", "TGF-b1", "TGF beta 2". */
const TGFB = String.raw`TGF[- ]?(?:β|beta|b)[- ]?[123]?`;
/** "CLDN18.2", "CLDN 18.2", "claudin-18.2", "Claudin18.2", "claudin 18.2" (the isoform may be left out). */
const CLDN = String.raw`(?:CLDN|claudin)[- ]?18(?:\.\s?2)?`;
const RARE_CLASS_PATTERNS: Array<[RegExp, DrugClass]> = [
  [/\bselective estrogen receptor (degrader|modulator)/i, 'endocrine'],
  [/\bBTK[- ]?(inhibitor|TKI|i\b)|\bBruton'?s? tyrosine kinase (BTK )?inhibitor/i, 'btk_inhibitor'],
  [/\bBTK\b[^.;]{0,25}?\bdegraders?\b/i, 'btk_degrader'],
  [/\bGSPT1[- ](?:directed |targeted |targeting )?degraders?\b/i, 'gspt1_degrader'],
  [
    /\bradioligand|\bPSMA[- ](?:targeted |targeting |directed )?(?:radio\w*|RLT)\b|\bRLT\b|\bPRRT\b|\bpeptide receptor radionuclide therap/i,
    'radioligand',
  ],
  [/\bradiopharmaceutical|\bradionuclide therap|\bradioisotope therap/i, 'radiopharmaceutical'],
  // The pathway named as a drug target: "anti-TGF-β", "TGF-β inhibitor / trap / receptor II fusion",
  // "PD-L1/TGF-β bifunctional", "therapy targeting TGF-beta". "TGF-β expression" or a TGF-β level is no therapy.
  [
    new RegExp(
      String.raw`\banti[- ]?${TGFB}|\b${TGFB}(?:[- ]?R(?:I{1,2}|[12])\b| receptor(?: type)?(?: I{1,2}| [12])?)?[- ](?:pathway |signal\w* )?(?:inhibitor|antibod|trap|blocker|blockade|antagonist|targeted|targeting|directed|agent|therap|bifunctional|bispecific|fusion)|\b(?:targeting|against|blocking|inhibit\w*) (?:the )?${TGFB}|\btransforming growth factor[- ](?:β|beta)[- ]?[123]?[- ](?:inhibitor|antibod|trap|targeted|directed)`,
      'i',
    ),
    'tgfb_inhibitor',
  ],
  // The target as a drug class: "anti-CLDN18.2", "claudin 18.2-targeted therapy", "CLDN18.2-directed ADC".
  // "CLDN18.2-positive" and "CLDN18.2 expression" are the tumor's marker status, not a therapy.
  [
    new RegExp(
      String.raw`\banti[- ]?${CLDN}|\b${CLDN}[- ](?:(?:directed|targeted|targeting|specific)\b|(?:inhibitor|antibod|monoclonal|ADC|antibody[- ]drug conjugate|CAR|bispecific|therap|agent|treatment))|\b(?:targeting|against) ${CLDN}`,
      'i',
    ),
    'anti_cldn18_2',
  ],
];

/**
 * Named drugs that drugs.ts does not list, read from the stems of international non-proprietary names
 * (-mab antibodies, -nib kinase inhibitors, -ciclib, -parib, -platin, -taxel, -rubicin, -tecan …).
 */
const STEM_SUFFIXES = [
  'mab',
  'nib',
  'ciclib',
  'parib',
  'lisib',
  'rasib',
  'zomib',
  'lidomide',
  'platin',
  'taxel',
  'rubicin',
  'tecan',
  'citabine',
  'arabine',
  'mustine',
  'lutamide',
  'trozole',
  'vedotin',
  'clax',
  'degib',
  'tansine',
];
const DRUG_STEM = new RegExp(String.raw`\b[a-z]{3,}(?:${STEM_SUFFIXES.join('|')})\b`, 'gi');

/** A DRUG_STEM match contains its suffix: a cheap first test on the same lower-case text. */
const STEM_SUFFIX = new RegExp(STEM_SUFFIXES.join('|'));

/**
 * Lower-case words one of which each alternative of CLASS_PATTERNS, EXTRA_CLASS_PATTERNS and RARE_CLASS_PATTERNS contains
 * literally; CLASS_ABBREV covers the abbreviations, which are frequent inside English words ("ICI" in
 * "participant"), with the patterns' own trailing word boundary.
 */
const CLASS_WORDS = [
  'g12c',
  'egfr',
  'tki',
  'inhibitor',
  'braf',
  'pd',
  'checkpoint',
  'immunotherapy',
  'immunooncology',
  'immuno-oncology',
  'ctla',
  'platin',
  'taxane',
  'fluoropyrimidine',
  'fluorouracil',
  'anthracycline',
  'topoisomerase',
  'top1',
  'her2',
  'her-2',
  'vegf',
  'cdk',
  'parp',
  'endocrine',
  'hormon',
  'estrogen',
  'aromatase',
  'serd',
  'serm',
  'conjugate',
  'adc',
  'androgen',
  'target',
  'directed',
  'pathway',
  'generation',
  'trastuzumab',
  'btk',
  'degrader',
  'radioligand',
  'psma',
  'prrt',
  'radiopharmaceutical',
  'radionuclide therap',
  'radioisotope therap',
  'tgf',
  'transforming growth',
  'cldn',
  'claudin',
];
const CLASS_ABBREV = /(?:ICIs?|CPIs?|ARTA|ARAT|ARPI|ARSI|NHTs?|NHAs?|RLT|ADT)\b/i;
/** Lower-case words one of which each alternative of genericIn contains (its case-sensitive "RT" apart). */
const GENERIC_WORDS = [
  'chemo',
  'cytotoxic',
  'nact',
  'radiotherapy',
  'radiation',
  'radiosurgery',
  'brachytherapy',
  'sbrt',
  'sabr',
  'stereotactic',
  'systemic',
  'anticancer',
  'anti-cancer',
  'antineoplastic',
  'anti-neoplastic',
  'antitumo',
  'anti-tumo',
  'oncologic',
  'for cancer',
  'for the malignancy',
  'interferon',
  'standard',
];
const escapeRe = (w: string): string => w.replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&');
const CLASS_WORD = new RegExp(CLASS_WORDS.map(escapeRe).join('|'));
/**
 * Every therapy priorOfSentence can read contains one of these words: a drug word of findDrugs (or a
 * DRUG_STEM suffix inside it), a DRUG_STEM suffix, a class word or a generic word. Blanking (REFERENCE_TIME,
 * genericIn's "non-hormonal") turns runs of several characters that begin at a word start into spaces: it
 * cannot make one of these words (their only spaces are single and follow a letter), nor an abbreviation
 * followed by a word boundary (hence CLASS_ABBREV has no leading \b).
 */
const THERAPY_WORD = new RegExp(
  innermost([...STEM_SUFFIXES, ...DRUG_WORDS, ...CLASS_WORDS, ...GENERIC_WORDS])
    .map(escapeRe)
    .join('|'),
);
/**
 * The words that contain no other word of the list: a text contains one of the list iff it contains one of
 * these, and the alternation is shorter ("nab-paclitaxel" and "trastuzumab deruxtecan" are covered by "taxel"
 * and "mab").
 */
function innermost(words: readonly string[]): string[] {
  const set = [...new Set(words)];
  return set.filter((w) => !set.some((v) => v !== w && w.includes(v)));
}
/** False when no sentence of the text can name a drug, drug class or generic therapy (see THERAPY_WORD). */
function mayNameTherapy(text: string): boolean {
  return THERAPY_WORD.test(text.toLowerCase()) || CLASS_ABBREV.test(text) || text.includes('RT');
}

/** "(except leuprolide for prostate cancer)", "other than bisphosphonates": the drugs named are left out. */
const EXCEPTION_SPAN =
  /\b(?:except(?: for)?|other than|excluding|with the exception of|apart from|aside from)\b[^.;:()]*/gi;

function drugsIn(textIn: string): string[] {
  const text = /except|other than|excluding|apart from|aside from/i.test(textIn)
    ? textIn.replace(EXCEPTION_SPAN, (m) => ' '.repeat(m.length))
    : textIn;
  const known = findDrugs(text);
  const out = new Set(known);
  const lower = text.toLowerCase();
  // No suffix, no DRUG_STEM match.
  if (!STEM_SUFFIX.test(lower)) return [...out];
  for (const m of lower.matchAll(DRUG_STEM)) {
    const w = m[0];
    if ([...out].some((d) => d.split(/[\s-]+/).includes(w))) continue;
    if (/^(anti|non)/.test(w)) continue;
    out.add(w);
  }
  return [...out];
}

const ALL_CLASS_PATTERNS = [...CLASS_PATTERNS, ...EXTRA_CLASS_PATTERNS];
function classesIn(text: string): DrugClass[] {
  const classes: DrugClass[] = [];
  // Every class pattern contains a class word or abbreviation (see CLASS_WORDS).
  if (!CLASS_WORD.test(text.toLowerCase()) && !CLASS_ABBREV.test(text)) return classes;
  // "human epidermal growth factor receptor (EGFR) inhibitor": the abbreviation in parentheses is the name.
  const t = text.includes('(') ? text.replace(/(?<=\s)\(([A-Za-z0-9/-]{2,12})\)(?=\s)/g, '$1') : text;
  for (const [re, cls] of ALL_CLASS_PATTERNS) if (re.test(t) && !classes.includes(cls)) classes.push(cls);
  if (RARE_CLASS_WORD.test(t))
    for (const [re, cls] of RARE_CLASS_PATTERNS) if (re.test(t) && !classes.includes(cls)) classes.push(cls);
  return classes;
}

/** Anticancer therapy in general: "systemic therapy", "anti-cancer agents", "treatment for cancer". */
const SYSTEMIC_HEAD =
  /\b(systemic|anti-?cancer|antineoplastic|anti-?neoplastic|anti-?tumou?r|oncologic)(?:\/\w+)? (therapy|therapies|treatments?|agents?|drugs?|regimens?)\b|\btreatments? for (cancer|the malignancy)\b|\bsystemic (therapy|treatment)\b/i;
const THERAPY_KIND =
  /\b(vaccin\w*|immune|antibod\w*|inhibitor|agonist|targeting|cell therap\w*|CAR-?T|oncolytic|hormonal|endocrine)\b/i;
/**
 * In a washout ("anticancer therapy within 4 weeks, or 6 weeks for monoclonal antibodies") an antibody
 * names a case with its own interval, not a narrower kind: it is dropped before THERAPY_KIND is tested.
 */
function withoutWashoutAntibodies(text: string): string {
  if (!/antibod/i.test(text) || !/\b(?:within|half-?lives|washout|\d+\s*(?:days?|weeks?))\b/i.test(text))
    return text;
  return text.replace(/\b(?:monoclonal )?antibod(?:y|ies)\b/gi, ' ');
}
/** A word that opens a list of examples. */
const EXAMPLE_MARK = /\b(?:including|includes|such as|e\.g\.|i\.e\.|for example|for instance)/i;
/**
 * Example lists blanked: "[including monoclonal antibodies]", "(e.g., chemotherapy, immunotherapy)", a
 * parenthesised enumeration "(chemotherapy, endocrine therapy, monoclonal antibodies)", and an unbracketed
 * ", including X, Y" up to the timing or the end of the clause. A parenthesis that is no list ("(if prior
 * therapy was a monoclonal antibody)") stays.
 */
function withoutExamples(text: string): string {
  if (!EXAMPLE_MARK.test(text) && !/[([]/.test(text)) return text;
  const group = (m: string): string =>
    EXAMPLE_MARK.test(m.slice(0, 20)) || m.includes(',') ? ' '.repeat(m.length) : m;
  return text
    .replace(/\[[^[\]]*\]/g, group)
    .replace(/\([^()]*\)/g, group)
    .replace(
      /\b(?:including|includes|such as|e\.g\.|i\.e\.|for example|for instance)[^.;()[\]]*?(?=\bwithin\b|\bprior to\b|\bbefore\b|\bat least\b|[≤<]|\d|[;)\]]|\.(?:\s|$)|$)/gi,
      (m) => ' '.repeat(m.length),
    );
}

type Generic = 'chemotherapy' | 'systemic' | 'radiotherapy' | 'immunotherapy';
function genericIn(text: string): Generic | undefined {
  if (/\bchemo(therap\w*|therapeutic|radi\w*)?\b|\bcytotoxic\b|\bNACT\b/i.test(text)) return 'chemotherapy';
  if (
    /\b(radiotherapy|radiation therapy|irradiation|radiosurgery|brachytherapy|SBRT|SABR|stereotactic)\b|\b(prior|previous|received?|receiving|palliative|thoracic|pelvic|abdominal|whole[- ]brain|extensive|any|local|cranial|craniospinal)\s+(\w+\s+)?radiation\b(?![- ](pneumonitis|induced|recall|necrosis|exposure|proctitis|dermatitis|toxicit))|\bradiation (to|of) the\b/i.test(
      text,
    ) ||
    /\bRT\b/.test(text)
  )
    return 'radiotherapy';
  const t = text.replace(/\bnon-?(hormonal|endocrine|immune)\b/gi, ' ');
  if (
    SYSTEMIC_HEAD.test(t) &&
    // A kind named beside it ("anti-tumor vaccines", "therapy targeting immune receptors") is not "any";
    // a kind given as an example of it ("anticancer therapy, including monoclonal antibodies") is.
    !THERAPY_KIND.test(withoutWashoutAntibodies(withoutExamples(t)))
  )
    return 'systemic';
  if (/\bstandard\b/i.test(text) && STANDARD_THERAPY.test(text)) return 'systemic';
  if (/\binterferons?\b/i.test(text)) return 'immunotherapy';
  return undefined;
}

/**
 * Standard therapy as something received or progressed on ("refractory to all standard therapies", "has
 * exhausted standard treatment options", "relapsed after standard of care"): systemic therapy in general.
 * The cue must come before it: "no standard therapy exists" alone says nothing about what was received.
 */
const STANDARD_THERAPY =
  /\b(?:refractory|resistant|progress\w*|failed|failure|relapsed|relapse|recurred|exhausted|intoleran\w*|received|receipt|prior(?! to)|previous(?:ly)?|treated with|after|following|despite|beyond)\b[^.;]{0,40}?\bstandard(?:[- ]of[- ]care)?\s+(?:[\w-]+\s+){0,2}?(?:therap(?:y|ies)|treatments?|regimens?|options?|systemic|care)\b|\bstandard(?:[- ]of[- ]care)? (?:therap(?:y|ies)|treatments?)\b[^.;]{0,20}\b(?:has|have|had) failed\b/i;

/** The study's own treatment as a reference time ("prior to the first dose of study drug") is no history. */
const REFERENCE_TIME =
  /\b(prior to|before|from|after|until|of|start of|initiation of|beginning of)\s+(the\s+)?(first|last|start|initiation|beginning|day 1)?\s*(dose|doses|administration|cycle|course)?\s*(of\s+)?(the\s+)?(study|investigational|trial|protocol|planned)\s+(drugs?|products?|treatments?|therapy|intervention|agents?|medications?|chemotherapy|radiotherapy)|\b(prior to|before)\s+(the\s+)?(first|start|initiation)?\s*(cycle|dose|course)\s+(\d+\s+)?of\s+(chemotherapy|treatment|therapy)\b|\b(prior to|before)\s+(the\s+)?(first\s+|initial\s+)?(administration|dose|infusion|injection)\s+of\s+[\w-]+/gi;

/** Phrases whose "no"/"not" is not a negation of having been treated. */
const NOT_NEGATION =
  /\b(no|not) (more|less|later|fewer|greater|longer|earlier|sooner|higher) than\b|\bno limit\b|\bnot required\b|\bnot (be )?(allowed|permitted)\b|\b(is|are|will be|be) not eligible\b|\bnot eligible\b|\bnot (a )?candidates?\b|\bno\b(?=[^.;]{0,60}?\b(?:exists?|available|anticipated to|options?)\b)|\bthere (?:is|are) no\b(?= (?:[\w-]+ ){0,2}?(?:therap|treatment|option))|\bnot (?:be )?(?:appropriate|available|indicated|suitable|feasible|exist)\b|\b(?:does|do) not exist\b|\bno (?:evidence of )?(?:disease |clinical |radiographic |radiological )?progress\w*/gi;

const FORBIDDEN =
  /\b(not|never) (be )?(allowed|permitted)\b|\b(is|are|will be|be|being) (excluded|prohibited|ineligible|not eligible)\b|\bexcluded\b(?! (from|if|unless))|\bnot eligible\b(?! (for|to))|\bineligible\b(?! (for|to))|\bprohibited\b/i;
const ALLOWED =
  /\b(allowed|permitted|acceptable|is eligible|are eligible|will be eligible|may have (received|had|been)|can have (received|had)|may be (included|enrolled|administered|given|continued|used)|not required|no limit|regardless of)\b/i;
/** A timing or completion condition on an allowance ("allowed if completed > 12 months before"). */
const ALLOWANCE_CONDITION =
  /\b(if|provided|as long as|unless|only if)\b[^.;]{0,80}\b(completed|finished|discontinued|stopped|ended|last dose|months?|weeks?|days?|years?)\b|\b(at least|≥|>=|>|more than|greater than)\s*\d+\s*(days?|weeks?|months?|years?)\b|\bwithin\s+\d+\s*(days?|weeks?|months?|years?)\b|\b\d+\s*(days?|weeks?|months?|years?)\s*(prior|before|since|from|after)\b/i;
const UNFIT =
  /\b(ineligible|not eligible|not (a )?candidates?|unsuitable|unfit|refused|declined|decline|contraindicat\w*|not appropriate|not suitable|not amenable|intolerant)\b/i;
const RECEIPT =
  /\b(prior|previous(ly)?|received|receiving|receipt|treated with|pre-?treated|exposure|exposed|progress\w*|refractory|resistan\w*|relaps\w*|recurr\w*|failed|failure|had|completed|discontinued|history of|after|following|within|concurrent|concomitant|na[iï]ve|\d+\s*(days?|weeks?|months?))\b/i;

/** Splits a criterion into sentences; "e.g." / "i.e." / "vs." do not end one. */
function sentences(text: string): string[] {
  const protectedText = text.replace(/\b(e\.g|i\.e|vs|approx|incl|etc)\./gi, (m) =>
    m.replace(/\./g, '\u2024'),
  );
  const out = protectedText
    .split(/(?<=[.;])\s+(?=[A-Z(])/)
    .map((s) => s.replace(/\u2024/g, '.'))
    .filter((s) => s.trim() !== '');
  return text.includes(';') ? out.flatMap(clauses) : out;
}

/** A modal or a rule word that makes a ";"-separated part a rule of its own, not a list item. */
const CLAUSE_VERB =
  /\b(must|may|should|shall|cannot|allowed|permitted|excluded|ineligible|eligible|required|prohibited)\b/i;
/**
 * "Prior X is allowed; patients must not have received Y": two clauses, each with its own requirement. A list
 * ("cisplatin; carboplatin; or oxaliplatin") has no verb on both sides, and a part opening with a
 * conjunction ("…; or Z is not allowed") continues the one before.
 */
function clauses(sentence: string): string[] {
  const parts = sentence.split(/;\s+(?=[a-z])/);
  if (parts.length === 1) return parts;
  const out: string[] = [parts[0]!];
  for (const part of parts.slice(1)) {
    const prev = out[out.length - 1]!;
    if (
      !/^(or|and|nor|but|and\/or|as well as|including|except)\b/i.test(part) &&
      CLAUSE_VERB.test(part) &&
      CLAUSE_VERB.test(prev)
    )
      out.push(part);
    else out[out.length - 1] = `${prev}; ${part}`;
  }
  return out;
}

function parseLines(text: string): { min?: number; max?: number } {
  const lines: { min?: number; max?: number } = {};
  const between = LINES_BETWEEN.exec(text);
  if (between) return { min: num(between[1]!), max: num(between[2]!) };
  const mMin = LINES_MIN.exec(text);
  if (mMin) {
    const op = mMin[1] ?? 'minimum';
    // "have not received more than 2 prior regimens": the negation turns a floor into a ceiling.
    const negatedVerb = /\b(not|never)\s+(?:\w+\s+){0,3}$/i.test(
      text.slice(Math.max(0, mMin.index - 30), mMin.index),
    );
    const v = num(mMin[2]!);
    if (/^(≥|>=|at least|minimum|a minimum|\\?>|greater|more)/i.test(op)) {
      const strict = /^\\?>$|^greater than$|^more than$/i.test(op);
      if (negatedVerb) lines.max = strict ? v : v - 1;
      else lines.min = strict ? v + 1 : v;
    } else if (/^(≤|<=|at most|no more|not more|up to)/i.test(op)) lines.max = v;
    else if (/^(\\?<|less than|fewer than)$/i.test(op)) lines.max = v - 1;
  }
  const mRange =
    /\b(one|two|three|\d)\s*(?:to|-|–|or)\s*(two|three|four|\d)\s*(?:prior\s+|previous\s+)?(?:lines?|regimens?)/i.exec(
      text,
    );
  if (mRange && lines.min === undefined && lines.max === undefined) {
    lines.min = num(mRange[1]!);
    lines.max = num(mRange[2]!);
  }
  const mOr = LINES_OR_MORE.exec(text);
  if (mOr && lines.min === undefined) lines.min = num(mOr[1]!);
  const mMax = LINES_MAX.exec(text);
  if (mMax && lines.max === undefined) {
    const v = num(mMax[1]!);
    lines.max = /^(fewer|less|\\?<)(?!=)/i.test(mMax[0].trim()) ? v - 1 : v;
  }
  const later = LATER_LINE.exec(text);
  if (later && lines.min === undefined) {
    const word = (later[1] ?? later[2] ?? later[3] ?? '2').toLowerCase();
    lines.min =
      (
        { second: 1, '2nd': 1, '2': 1, third: 2, '3rd': 2, '3': 2, fourth: 3, '4th': 3, '4': 3 } as Record<
          string,
          number
        >
      )[word] ?? 1;
  }
  if (AFTER_FIRST_LINE.test(text) && lines.min === undefined) lines.min = 1;
  if (
    NAIVE.test(text) &&
    lines.max === undefined &&
    !/\bor (have |has )?(received|previously treated|pre-?treated|progressed)|\bor after\b/i.test(text)
  )
    lines.max = 0;
  return lines;
}

type PriorItem = Extract<ParsedItem, { category: 'prior_therapy' }>;

/**
 * "Any systemic anticancer therapy (e.g., chemotherapy, immunotherapy …)": the drugs and classes are
 * examples of therapy in general, which is the condition. True when the sentence names systemic therapy
 * and, its example lists taken out, no drug or class is left.
 */
function anyTherapyWithExamples(text: string): boolean {
  if (!SYSTEMIC_HEAD.test(text) || !(EXAMPLE_MARK.test(text) || /[([]/.test(text))) return false;
  const rest = withoutExamples(text);
  return (
    rest !== text &&
    drugsIn(rest).length === 0 &&
    classesIn(rest).length === 0 &&
    genericIn(rest) === 'systemic'
  );
}

/** "Relapsed/refractory CLL" and "castration-resistant" describe the disease, not progression on a therapy. */
const DISEASE_STATUS =
  /\brelapsed\s*(?:\/|or|and\/or|and)\s*refractory\b|\brefractory\s*(?:\/|or|and\/or|and)\s*relapsed\b|\bcastrat\w*[- ](resistant|refractory)\b/gi;
/** Progression on, or failure of, a therapy ("progressed on", "refractory to", "failed", "relapsed after"). */
const PROGRESSION =
  /\bprogress\w* (on|after|following|during|despite|while|with|through|within)|\bprogress\w* (?:was |were |has been |had been )?(?:documented|demonstrated|confirmed|observed) (on|after|following|during|while)\b|\b(PD|progression) (on|after|during)\b|\brefractory\b|\bresistan(t|ce)\b|\bfailed\b|\bexhausted\b|\bfailure (of|on|with|to|after)\b|\brelaps\w* (after|on|following|during|within)|\brecurr\w* (after|on|following|during|within)/i;
const PROGRESSION_ALL = new RegExp(PROGRESSION.source, 'gi');
const TREATED_ALL = /\b(?:received|treated with|pre-?treated|exposed to|exposure to)\b/gi;
/**
 * Alternatives the case facts cannot settle: no (standard, effective …) therapy exists or is available, or
 * the patient is unfit for, not a candidate for, or declines it.
 */
const UNSETTLED_ALT =
  /\bno\s+(?:[\w-]+\s+){0,3}?(?:standard|available|effective|curative|satisfactory|further|approved|alternative|appropriate)\b[^.;]{0,40}?\b(?:therap|treatment|option|regimen|care)\w*|\bthere (?:is|are) no\b|\b(?:therap(?:y|ies)|treatments?|options?|care)\s+(?:does|do|is|are)\s+not\s+(?:exist|available|appropriate|indicated|suitable|feasible)|\b(?:does|do) not exist\b|\bunavailable\b|\bineligible\b|\bnot eligible\b|\bnot (?:a )?candidates?\b|\bunsuitable\b|\bunfit\b|\bnot (?:be )?(?:suitable|appropriate|amenable)\b|\bdeclin(?:e|es|ed|ing)\b|\brefus(?:e|es|ed|ing)\b|\breject(?:s|ed|ing)?\b|\b(?:unable to|cannot|can not) receive\b|\bcontraindicat\w*/gi;
const INTOLERANT_ALT = /\bintoleran\w*|\bintolerable\b|\b(?:unable to|cannot|could not|did not) tolerate\b/gi;
const ALT_WORD =
  /\bno\b|exist|unavailable|eligible|candidate|unsuitable|unfit|suitable|appropriate|amenable|declin|refus|reject|receive\b|contraindicat|toler/i;
/** Time words joined by "or" ("on or after", "during or within") that are no alternatives. */
const TIME_OR =
  /\b(?:on|during|after|following|within|while on)\s+or\s+(?:after|following|within|during|on|before)\b/gi;

/**
 * Whether the sentence joins a progression or receipt with "or" (or "unless") to another alternative:
 * 'unsettled' for one UNSETTLED_ALT names, 'received' when the only such alternative is intolerance.
 */
function alternativeTo(text: string): 'unsettled' | 'received' | undefined {
  // Every UNSETTLED_ALT and INTOLERANT_ALT alternative contains one of these words.
  if (!ALT_WORD.test(text) || !/\b(?:or|unless)\b/i.test(text)) return undefined;
  const t = text.replace(TIME_OR, (m) => m.replace(/\bor\b/i, '  '));
  if (!/\b(?:or|unless)\b/i.test(t)) return undefined;
  const cues = [...t.matchAll(PROGRESSION_ALL), ...t.matchAll(TREATED_ALL)].map((m): [number, number] => [
    m.index,
    m.index + m[0].length,
  ]);
  if (cues.length === 0) return undefined;
  let out: 'received' | undefined;
  for (const [re, kind] of [
    [UNSETTLED_ALT, 'unsettled'],
    [INTOLERANT_ALT, 'received'],
  ] as const)
    for (const a of t.matchAll(re)) {
      const start = a.index;
      const end = start + a[0].length;
      // The cue nearest before the alternative, else the nearest after it.
      const before = cues.filter(([, e]) => e <= start).sort((x, y) => y[1] - x[1])[0];
      const cue = before ?? cues.filter(([s0]) => s0 >= end).sort((x, y) => x[0] - y[0])[0];
      if (!cue) continue;
      const between = before ? t.slice(cue[1], start) : t.slice(end, cue[0]);
      if (between.length > 150 || /\band\b(?!\s*\/)/i.test(between)) continue;
      // "A or B", "A, or B", "A unless B", and a list "A, B, or C" whose "or" follows B.
      const list = /^[\s,/]*$/.test(between) ? t.slice(end, end + 40) : '';
      if (!/\b(?:or|unless)\b/i.test(between + ' ' + list)) continue;
      if (kind === 'unsettled') return 'unsettled';
      out = 'received';
    }
  return out;
}

/** Reads one sentence: what therapy it names and how the criterion relates the patient to it. */
function priorOfSentence(raw: string, type: CriterionType): PriorItem | undefined {
  const text = raw.replace(REFERENCE_TIME, (m) => ' '.repeat(m.length));
  if (!PRIOR_CUE.test(text)) return undefined;
  // What counts as a line ("radiation does not qualify as a line of therapy") defines, it does not require.
  if (
    /\b(count(s|ed)?|qualif(y|ies)|considered|regarded)\s+(as\s+)?(a|one|an?\s+\w+)\s+(line|regimen)\b/i.test(
      text,
    )
  )
    return undefined;
  const drugs = drugsIn(text);
  const classes = classesIn(text);
  // "chemotherapy or ADC therapy": an unqualified "chemotherapy" beside a class is an alternative of its own
  // ("platinum-based chemotherapy" is the class only).
  const plainChemo =
    /\bchemotherap(y|ies)\b/i.test(text) &&
    [...text.matchAll(/\bchemotherap(?:y|ies)\b/gi)].some(
      (m) =>
        !/(platinum|platin|taxane|anthracycline|fluoropyrimidine|based|containing|doublet)[\s-]*(\w+[\s-]+)?$/i.test(
          text.slice(Math.max(0, m.index - 30), m.index),
        ),
    );
  const generic =
    drugs.length === 0 && classes.length === 0
      ? genericIn(text)
      : anyTherapyWithExamples(text)
        ? ('systemic' as const)
        : plainChemo
          ? ('chemotherapy' as const)
          : undefined;
  if (drugs.length === 0 && classes.length === 0 && !generic) return undefined;
  // Recovery from earlier toxicity is not a requirement to have been treated.
  // Every alternative of the toxicity pattern contains "toxic", "advers", "AE", "side effect" or "recovered".
  if (
    (/toxic|advers|\bAEs?\b|side effect|recovered/i.test(text) &&
      /\b(toxicit\w*|adverse events?|AEs?)\b[^.;]{0,80}\b(resolved|unresolved|recovered|resolution)|\b(unresolved|ongoing|persistent|residual) (toxicit|adverse)|\brecovered from\b|\b(toxicit\w*|adverse (events?|effects?|reactions?)|AEs?|side effects?)\b[^.;]{0,80}?\b(from|of|due to|related to|caused by|attributed to|associated with)\s+(any\s+)?(prior|previous|earlier)\b/i.test(
        text,
      ) &&
      !/\bdiscontinued\b/i.test(text)) ||
    /\b(pneumonitis|hypersensitivity|allerg\w*|infusion reaction|immune[- ]related adverse|irAE)\b/i.test(
      text,
    )
  )
    return undefined;
  // "have not received more than 2 regimens" negates a count, not the receipt.
  const plain = text
    .replace(NOT_NEGATION, (m) => ' '.repeat(m.length))
    .replace(/\b(not|never)\s+(?:\w+\s+){0,3}?(more|greater|fewer|less) than\b/gi, (m) =>
      ' '.repeat(m.length),
    );
  // "Treatment-naive or previously treated with X": either way, no condition on X.
  const naive = /\bna[iï]ve\b/i.test(plain);
  if (
    naive &&
    /\bna[iï]ve\b[^.;]{0,30}\b(or|and)\b[^.;]{0,20}\b(received|previously treated|pre-?treated)\b/i.test(
      plain,
    )
  )
    return undefined;
  const negative =
    naive ||
    /\b(no|not|never|without|none)\b[^.;]{0,50}\b(prior|previous|received|treat|therap|exposure|exposed|chemo|inhibitor|agent|drug|radi\w*)|\bmust not have (received|had)|\bhave not (been )?(previously )?(received|treated|had)|\bnot (been )?(previously )?(treated|exposed)\b|\bno (prior|previous)\b|\b(?:has|have|had|was|were) not been (?:performed|given|administered|received|delivered)\b/i.test(
      plain,
    );
  // "Refractory to standard therapy" reads as progression; "no standard therapy", "not amenable to standard
  // therapy" say what is available, not what was received.
  if (negative && generic === 'systemic' && STANDARD_THERAPY.test(text)) return undefined;
  if (
    negative &&
    type === 'exclusion' &&
    !/\b(no|never|not) (any )?(prior|previous(ly)?|received|had)\b|\bna[iï]ve\b|\bhave not (been )?(previously )?(received|treated|had)\b|\bwithout (any )?(prior|previous)\b/i.test(
      plain,
    )
  )
    return undefined;
  const statusFree = plain.replace(DISEASE_STATUS, ' ');
  const progressed = PROGRESSION.test(statusFree);
  // "Progression on ipilimumab is not required": no condition.
  if (/\b(not required|not mandatory|need not|not necessary|do(es)? not count|not counted)\b/i.test(text))
    return undefined;
  const forbidden = FORBIDDEN.test(text);
  const allowed = ALLOWED.test(text);
  // Unfit for or refusing a therapy says nothing about having had it.
  if (UNFIT.test(text) && !RECEIPT.test(text.replace(UNFIT, ' '))) return undefined;
  if (/\bintoleran/i.test(text) && !progressed && !RECEIPT.test(text.replace(/\bintoleran\w*/gi, ' ')))
    return undefined;
  // Timing windows ("within 14 days", "washout") are about recent dosing, not ever having received a drug.
  // "progression within 6 months of platinum" dates the progression, not the dose.
  const timing = raw.replace(
    /\b(progress\w*|relaps\w*|recurr\w*|disease-free interval|treatment[- ]free interval)\b[^.;]{0,30}\bwithin\b/gi,
    ' ',
  );
  const window0 =
    /\bwithin\s+(?:at least\s+|the (?:last|past|previous)\s+)?\d+\s*(days?|weeks?|months?|years?|half-?lives)|\bhalf-?lives\b|\bwashout\b|\b\d+\s*(days?|weeks?|months?)\s*(prior to|before|of (the )?(start|first))\b|(≥|>=|=>|\bat least|\bminimum of|\bmore than|\bgreater than|>)\s*\d+\s*(days?|weeks?|months?)\s*(\(.{0,20}\)\s*)?(before|prior|since|from|after|elapsed|must|for|between|have)\b|(<|≤|<=|\bup to|\bless than)\s*\d+\s*(days?|weeks?)|\d(days?|weeks?)\b|\bconcurrent\b|\bconcomitant\b|\bcurrently receiving\b|\bongoing\b/i.test(
      timing,
    );
  // Whether a lesion lies in a field of earlier radiotherapy is the lesion's status, not a treatment rule.
  if (
    !window0 &&
    generic === 'radiotherapy' &&
    drugs.length === 0 &&
    classes.length === 0 &&
    /\b(fields?|ports?|areas?|volumes?) of (a |any |the )?(prior|previous)\s+(radiation|radiotherapy|irradiation|RT)\b|\b(prior|previous(ly)?)\s+(radiation|radiotherapy|irradiation|RT)\s+(fields?|ports?)\b|\bpreviously irradiated\b|\birradiated (lesion|field|area|site|volume)s?\b/i.test(
      text,
    ) &&
    /\b(lesions?|disease|tumou?rs?|target|measurable|evaluable)\b/i.test(text)
  )
    return undefined;
  // "Refractory to standard therapy, or for whom no standard therapy exists": progression is one of the
  // alternatives of an inclusion; one the case facts cannot settle (no therapy exists, the patient is unfit
  // for or declines it) leaves no condition to require. Beside intolerance only, both alternatives say the
  // patient had the therapy. (In an exclusion the alternatives are already read as "any of".)
  const alternative =
    type === 'inclusion' && !negative ? alternativeTo(text.replace(DISEASE_STATUS, ' ')) : undefined;
  if (alternative === 'unsettled') return undefined;
  let requirement: PriorItem['requirement'];
  let window = window0 || (generic === 'systemic' && type === 'exclusion') || /:\s*$/.test(text);
  if (forbidden && !negative) {
    // "Prior X is not allowed" / "patients who received X are excluded": in an inclusion criterion the
    // condition is not having had X; an exclusion criterion already reads as "had X".
    if (type === 'inclusion' && progressed) return undefined;
    requirement = type === 'inclusion' ? 'not_received' : 'received';
  } else if (allowed && !negative && !progressed) {
    // "Prior hormonal therapy allowed": permitted, not required — no constraint to check, unless the
    // allowance carries a timing condition ("allowed if completed > 12 months before"): a timing rule.
    if (!ALLOWANCE_CONDITION.test(text)) return undefined;
    requirement = 'received';
    window = true;
  } else
    requirement = negative
      ? 'not_received'
      : progressed && type === 'inclusion' && alternative !== 'received'
        ? 'progressed_on'
        : 'received';
  return {
    category: 'prior_therapy',
    drugs,
    classes,
    ...(generic ? { generic } : {}),
    requirement,
    window,
  };
}

function parsePrior(text: string, type: CriterionType): ParsedItem[] {
  const items: ParsedItem[] = [];
  // Line counts count only beside a line word (hasLines): without one, parseLines need not run.
  const lineWord = /\b(line|regimen|systemic|therap|treatment|chemotherapy)/i.test(text);
  const lines = lineWord ? parseLines(text) : {};
  const hasLines = (lines.min !== undefined || lines.max !== undefined) && lineWord;
  if (hasLines) items.push({ category: 'prior_lines', ...lines });
  // Without a therapy word no sentence yields a prior-therapy item (priorOfSentence needs a drug, class or
  // generic therapy).
  if (!mayNameTherapy(text)) return items;

  const priors: PriorItem[] = [];
  const parts = sentences(text);
  for (const s of parts) {
    // The text names a therapy somewhere; a sentence or clause that names none cannot yield an item.
    if (parts.length > 1 && !mayNameTherapy(s)) continue;
    const p = priorOfSentence(s, type);
    if (!p) continue;
    // Lines from "treatment-naive" (max 0) restate the condition; lines from a count qualify it.
    // "More than 1 line of therapy containing tucatinib …" (exclusion) counts lines of X; having had X
    // once is not what excludes.
    if (
      hasLines &&
      type === 'exclusion' &&
      [LINES_MIN, LINES_OR_MORE, LINES_MAX, LINES_BETWEEN].some((re) => re.test(s))
    )
      continue;
    if (hasLines && !(lines.max === 0 && lines.min === undefined)) {
      // A therapy named only as what the lines consist of ("no more than 2 prior lines of systemic
      // therapy") is no separate condition: a ceiling does not require it, and "systemic" adds nothing.
      if (p.generic === 'systemic') continue;
      const ceilingOnly = lines.min === undefined || lines.min === 0;
      if (
        ceilingOnly &&
        p.requirement === 'received' &&
        !p.window &&
        !/\b(including|includ\w+|consisting|must have (received|had|progressed)|progress\w*|refractory|failed|previously treated with|at least one)\b/i.test(
          s,
        )
      )
        continue;
    }
    priors.push(p);
  }
  // One criterion stating the same relation in two sentences is one condition.
  for (const p of priors) {
    const same = items.find(
      (i): i is PriorItem =>
        i.category === 'prior_therapy' && i.requirement === p.requirement && i.window === p.window,
    );
    if (same && !same.generic && !p.generic) {
      for (const d of p.drugs) if (!same.drugs.includes(d)) same.drugs.push(d);
      for (const c of p.classes) if (!same.classes.includes(c)) same.classes.push(c);
    } else items.push(p);
  }
  return items;
}

// ---------------------------------------------------------------------------------------------------------
// Performance status, age, sex, pregnancy, labs, stage, extent, cancer type

function parsePerformance(text: string): ParsedItem[] {
  const items: ParsedItem[] = [];
  const ecog = /\b(ECOG|Eastern Cooperative Oncology Group|WHO|Zubrod)\b/i.exec(text);
  if (
    ecog &&
    (/\b(performance|PS|status|score)\b|ECOG\s*[≤<>≥=\\]/i.test(text.slice(ecog.index, ecog.index + 80)) ||
      /^ECOG\s*(of\s*)?[0-4]/i.test(text.slice(ecog.index)))
  ) {
    const tail = text.slice(ecog.index, ecog.index + 140).replace(/\\/g, '');
    let m: RegExpExecArray | null;
    const item: { category: 'performance_status'; scale: 'ECOG'; min?: number; max?: number } = {
      category: 'performance_status',
      scale: 'ECOG',
    };
    if ((m = /\b([0-4])\s*(?:-|–|to|through)\s*([0-4])\b/.exec(tail))) {
      item.min = Number(m[1]);
      item.max = Number(m[2]);
    } else if (
      (m =
        /(≤|<=|=<|<|less than or equal to|less than|of|no (?:greater|higher|more) than|not (?:greater|higher|more) than|at most|up to)\s*([0-4])\b/i.exec(
          tail,
        ))
    ) {
      const v = Number(m[2]);
      item.max = m[1] === '<' || /^less than$/i.test(m[1]!) ? v - 1 : v;
      // "of 0 or 1" / "of 0, 1 or 2": the largest listed.
      const list = /\b([0-4])(?:\s*(?:,|or|and)\s*([0-4]))+(?:\s*(?:,|or|and)\s*([0-4]))?/.exec(tail);
      if (list) item.max = Math.max(...list[0].match(/[0-4]/g)!.map(Number));
      if (m[1] === 'of' && !list) item.max = v;
      item.min = 0;
    } else if ((m = /(≥|>=|>|greater than|more than|at least)\s*([0-4])\b/i.exec(tail))) {
      item.min = m[1] === '>' || /^(greater|more) than$/i.test(m[1]!) ? Number(m[2]) + 1 : Number(m[2]);
    } else if ((m = /\b([0-4])(?:\s*(?:,|or|and)\s*([0-4]))+/.exec(tail))) {
      const vals = m[0].match(/[0-4]/g)!.map(Number);
      item.min = Math.min(...vals);
      item.max = Math.max(...vals);
    } else if ((m = /\b(?:PS|status|score)\s*(?:of|=|:)?\s*([0-4])\b/i.exec(tail))) {
      item.min = Number(m[1]);
      item.max = Number(m[1]);
    }
    if (item.min !== undefined || item.max !== undefined) items.push(item);
  }
  const kps = /\b(Karnofsky|KPS|Lansky)\b/i.exec(text);
  if (kps) {
    const tail = text.slice(kps.index, kps.index + 100).replace(/\\/g, '');
    let m: RegExpExecArray | null;
    if ((m = /\b(\d{2,3})\s*%?\s*(?:-|–|to)\s*(\d{2,3})/.exec(tail)))
      items.push({
        category: 'performance_status',
        scale: 'Karnofsky',
        min: Number(m[1]),
        max: Number(m[2]),
      });
    else if ((m = new RegExp(String.raw`${OP_RE}\s*(\d{2,3})`, 'i').exec(tail))) {
      const op = opOf(m[1]!);
      const v = Number(m[2]);
      if (op === '>=' || op === '>')
        items.push({ category: 'performance_status', scale: 'Karnofsky', min: op === '>' ? v + 10 : v });
      else items.push({ category: 'performance_status', scale: 'Karnofsky', max: op === '<' ? v - 10 : v });
    } else if ((m = /\b(\d{2,3})\s*%?\s*(or (higher|greater|more|above)|and (above|over))/i.exec(tail)))
      items.push({ category: 'performance_status', scale: 'Karnofsky', min: Number(m[1]) });
  }
  return items;
}

function parseAge(text: string, secondMalignancy: boolean): ParsedItem[] {
  if (!/\b(age|aged|years?|yrs|months?|adults?)\b/i.test(text)) return [];
  if (secondMalignancy) return [];
  // Durations ("life expectancy greater than 2 years", "disease-free for 5 years") and fertility rules
  // ("pre-menopausal women under 50") are not age limits.
  if (
    /\b(life expectancy|survival|disease[- ]free|no evidence of disease|since|ago|within|remission|duration|interval|follow-up|menopaus\w*|childbearing|pregnan\w*|smok\w*|pack)\b/i.test(
      text,
    ) &&
    !/^\W*(age|aged)\b/i.test(text)
  )
    return [];
  const t = text.replace(/\\/g, '');
  let m: RegExpExecArray | null;
  if (
    (m = /\b(?:age[ds]?|aged)\s*(?::|of|between|from)?\s*(\d{1,2})\s*(?:-|–|to|and)\s*(\d{2,3})\b/i.exec(
      t,
    )) ||
    (m = /\b(\d{1,2})\s*(?:-|–|to|and)\s*(\d{2,3})\s*years?/i.exec(t))
  ) {
    return [{ category: 'age', min: Number(m[1]), max: Number(m[2]) }];
  }
  if ((m = /\b(\d{1,2})\s*months?\s*(?:of age\s*)?(?:and|or)\s*(?:over|older|above)\b/i.exec(t)))
    return [{ category: 'age', min: Math.round((Number(m[1]) / 12) * 100) / 100 }];
  if (
    (m =
      /\b(\d{1,3})\s*(?:years?|yrs)?(?: of age)?\s*(?:and|or)\s*(?:over|older|above)\b|\b(\d{1,3})\s*\+\s*years/i.exec(
        t,
      ))
  )
    return [{ category: 'age', min: Number(m[1] ?? m[2]) }];
  if ((m = /\b(?:more than|older than|over|greater than)\s*(\d{1,3})\s*(?:years|yrs)/i.exec(t)))
    return [{ category: 'age', min: Number(m[1]) + 1 }];
  if ((m = /\b(?:at least|≥|>=)\s*(\d{1,3})\s*(?:years|yrs)/i.exec(t)))
    return [{ category: 'age', min: Number(m[1]) }];
  if (
    (m =
      /\b(?:age[ds]?|aged|be)\b[^.;0-9]{0,25}?(≥|>=|=>|>|at least|greater than or equal to|older than|over|above|≤|<=|<|younger than|under|less than|no older than|up to)\s*(\d{1,3})(?!\s*(?:months?|weeks?|days?|%|mg|g\/|x|×))/i.exec(
        t,
      )) ||
    (m = /(≥|>=|>|≤|<=|<)\s*(\d{1,3})\s*(?:years|yrs)/i.exec(t))
  ) {
    const op = m[1]!.toLowerCase();
    const v = Number(m[2]);
    if (/^(≥|>=|=>|at least|greater than or equal to)$/.test(op)) return [{ category: 'age', min: v }];
    if (/^(>|older than|over|above)$/.test(op)) return [{ category: 'age', min: v + 1 }];
    if (/^(≤|<=|up to|no older than)$/.test(op)) return [{ category: 'age', max: v }];
    return [{ category: 'age', max: v - 1 }];
  }
  if ((m = /\b(\d{1,3})\s*years?\s*(?:of age )?(?:or|and) (?:older|above|over)/i.exec(t)))
    return [{ category: 'age', min: Number(m[1]) }];
  return [];
}

function parseSex(text: string): ParsedItem[] {
  const t = text.trim();
  if (
    /^(patients?|participants?|subjects?)?\s*(must be\s+)?(female|women)\b(?!\s+(of|with|who|subjects who|participants who|patients who|partners))/i.test(
      t,
    ) &&
    t.length < 120 &&
    !/\bmale\b/i.test(t.replace(/female/gi, ''))
  )
    return [{ category: 'sex', value: 'female' }];
  if (
    /^(patients?|participants?|subjects?)?\s*(must be\s+)?(male|men)\b(?!\s+(of|with|who|subjects who|participants who|patients who|partners))/i.test(
      t,
    ) &&
    t.length < 120 &&
    !/\b(female|women)\b/i.test(t)
  )
    return [{ category: 'sex', value: 'male' }];
  if (/^(sex|gender):\s*(female|women)\b/i.test(t)) return [{ category: 'sex', value: 'female' }];
  if (/^(sex|gender):\s*(male|men)\b/i.test(t)) return [{ category: 'sex', value: 'male' }];
  return [];
}

const LABS: Array<[RegExp, string]> = [
  [/\b(absolute neutrophil count|ANC|neutrophils?|granulocyte count)\b/i, 'ANC'],
  [/\b(platelets?( count)?|PLT)\b/i, 'platelets'],
  [/\b(ha?emoglobin|Hgb|Hb)\b/i, 'hemoglobin'],
  [/\b(total bilirubin|bilirubin|TBIL)\b/i, 'bilirubin'],
  [/\b(AST|ALT|SGOT|SGPT|transaminases?|aminotransferase)\b/i, 'AST/ALT'],
  [/\b(creatinine clearance|CrCl|eGFR|glomerular filtration)\b/i, 'creatinine clearance'],
  [/\b(serum creatinine|creatinine)\b/i, 'creatinine'],
  [/\b(WBC|white blood cell|leukocyte)s?\b/i, 'WBC'],
  [/\b(albumin)\b/i, 'albumin'],
  [/\b(INR|prothrombin)\b/i, 'INR'],
  [/\b(LVEF|left ventricular ejection fraction|ejection fraction)\b/i, 'LVEF'],
  [/\b(alkaline phosphatase|ALP)\b/i, 'alkaline phosphatase'],
  [/\b(aPTT|PTT|partial thromboplastin time)\b/i, 'aPTT'],
  [/\b(CPK|creatine (phospho)?kinase)\b/i, 'CPK'],
];

/**
 * All LABS patterns in one: when it does not match, none of them does (one scan instead of fourteen). Each
 * pattern is \b(…)\b, so one pair of word boundaries goes around all of them (twice as fast as a plain union).
 */
const ANY_LAB = new RegExp(
  String.raw`\b(?:${LABS.map(([re]) => re.source.replace(/^\\b|\\b$/g, '')).join('|')})\b`,
  'i',
);
const LAB_VALUE = new RegExp(
  String.raw`^[^.;]{0,70}?${OP_RE}\s*(\d+(?:[.,]\d+)?)\s*(x|×|times)?\s*(ULN|upper limit of normal|institutional upper limit|×? ?10\^?9\/L|\/mm3|\/mm\^3|\/[µu]L|g\/dL|mg\/dL|µmol\/L|umol\/L|mL\/min|%)?`,
  'i',
);

function parseLabs(text: string): ParsedItem[] {
  const items: ParsedItem[] = [];
  if (/\badequate (organ|bone marrow|hematologic|haematologic|hepatic|renal|end[- ]organ)\b/i.test(text))
    items.push({ category: 'organ_function', lab: 'adequate organ function' });
  const t = text.replace(/\\/g, '');
  if (!ANY_LAB.test(t)) return items;
  for (const [re, lab] of LABS) {
    const m = re.exec(t);
    if (!m) continue;
    if (lab === 'creatinine' && /creatinine clearance|CrCl/i.test(t) && !/serum creatinine/i.test(t))
      continue;
    const tail = t.slice(m.index + m[0].length, m.index + m[0].length + 70);
    const v = LAB_VALUE.exec(tail);
    if (v) {
      const unit = /ULN|upper limit/i.test(v[4] ?? '') ? '× ULN' : v[3] ? '×' : v[4];
      items.push({
        category: 'organ_function',
        lab,
        op: opOf(v[1]!),
        value: Number(v[2]!.replace(',', '')),
        ...(unit ? { unit } : {}),
      });
    } else if (/\b(normal|adequate|within normal limits|WNL)\b/i.test(tail.slice(0, 30)))
      items.push({ category: 'organ_function', lab });
  }
  return items;
}

const STAGE_RE =
  /\b[Ss]tages?\s+((?:(?:I{1,3}V?|IV|[1-4])[ABC]?\d?)(?:\s*(?:-|–|to|,|or|and|\/|, or)\s*(?:[Ss]tage\s+)?(?:I{1,3}V?|IV|[1-4])[ABC]?\d?)*)(?![A-Za-z0-9])/g;
const ROMAN = ['I', 'II', 'III', 'IV'];

function parseStage(text: string): ParsedItem[] {
  // STAGE_RE starts with "[Ss]tage".
  if (!text.includes('tage')) return [];
  const stages: string[] = [];
  for (const m of text.matchAll(STAGE_RE)) {
    // Examples and history ("e.g., after chemoradiation for Stage III NSCLC") are not requirements.
    if (
      /\b(e\.g\.|i\.e\.|for example|such as|after|following|prior|previous|history of|treated for|for)\b[^.;)]{0,50}$/i.test(
        text.slice(Math.max(0, m.index - 60), m.index),
      )
    )
      continue;
    const parts = m[1]!.split(/\s*(?:,\s*or|,|or|and|\/)\s*(?:stage\s+)?/i);
    for (const p of parts) {
      const range =
        /^(I{1,3}V?|IV|[1-4])([ABC]?\d?)\s*(?:-|–|to)\s*(?:stage\s+)?(I{1,3}V?|IV|[1-4])([ABC]?\d?)$/i.exec(
          p.trim(),
        );
      if (range) {
        const a = romanIndex(range[1]!);
        const b = romanIndex(range[3]!);
        for (let i = a; i <= b && i >= 0; i++)
          stages.push(
            i === a
              ? `${ROMAN[i]}${range[2]!.toUpperCase()}`
              : i === b
                ? `${ROMAN[i]}${range[4]!.toUpperCase()}`
                : ROMAN[i]!,
          );
      } else if (p.trim()) {
        const one = /^(I{1,3}V?|IV|[1-4])([ABC]?\d?)$/i.exec(p.trim());
        if (one) stages.push(`${ROMAN[romanIndex(one[1]!)]}${one[2]!.toUpperCase()}`);
      }
    }
  }
  return stages.length > 0 ? [{ category: 'stage', stages: [...new Set(stages)] }] : [];
}
function romanIndex(s: string): number {
  const u = s.toUpperCase();
  const n = /^\d$/.test(u) ? Number(u) - 1 : ROMAN.indexOf(u);
  return n;
}

/** Each extent below needs one of these words; without them parseExtent returns nothing. */
const EXTENT_WORD = /metasta|m0|m1|early|resectable|operable|localized|stage iv|advanced|amenable|recurrent/i;

function parseExtent(text: string, type: CriterionType, secondMalignancy: boolean): ParsedItem[] {
  if (!EXTENT_WORD.test(text)) return [];
  const anyOf: Array<
    'metastatic' | 'locally_advanced' | 'advanced' | 'unresectable' | 'recurrent' | 'non_metastatic'
  > = [];
  if (secondMalignancy) return [];
  const nonMet =
    /\b(non-?metastatic|no (evidence of )?(distant )?metasta|without (distant )?metasta|\bM0\b|early[- ]stage|resectable|operable|localized)\b/i;
  if (
    nonMet.test(text) &&
    !/\bunresectable|inoperable|non-?resectable/i.test(text) &&
    !/\b(prior|previous|history of|for|after|following|recurrence of|allowed|permitted)\b[^.;]{0,40}\b(early[- ]stage|resectable|operable|localized)/i.test(
      text,
    )
  )
    anyOf.push('non_metastatic');
  else {
    if (
      /\bmetastatic\b|\bdistant metasta|\bstage IV\b|\bM1\b/i.test(text) &&
      !/\bbrain metasta\w* (only|alone)/i.test(text)
    )
      anyOf.push('metastatic');
    if (/\blocally advanced\b/i.test(text)) anyOf.push('locally_advanced');
    if (/\bunresectable|inoperable|non-?resectable|not amenable to (curative|surgical)/i.test(text))
      anyOf.push('unresectable');
    if (/\badvanced\b/i.test(text) && !/\blocally advanced\b/i.test(text)) anyOf.push('advanced');
    if (/\brecurrent\b/i.test(text)) anyOf.push('recurrent');
  }
  if (anyOf.length === 0) return [];
  // Extent words inside exclusion criteria usually describe other things ("metastatic to the brain").
  if (
    type === 'exclusion' &&
    !anyOf.includes('non_metastatic') &&
    !/^\W*((presence of|evidence of|known|any|definitive|documented|subjects with|patients with|participants with)\b[^.;]{0,50}\b)?(metastatic (disease|cancer)|distant metasta\w*|metastatic or recurrent|recurrent or metastatic)/i.test(
      text,
    )
  )
    return [];
  return [{ category: 'disease_extent', anyOf }];
}

const SECOND_MALIGNANCY =
  /\b(other|another|second|prior|previous|history of|concurrent|additional|secondary|coexisting|synchronous)\s+(primary\s+)?(invasive\s+)?(malignan|cancer|tumou?r|neoplas)|\bexcept\b|\bother than\b|\bwith the exception\b|\bunless\b[^.;]*\b(cured|curatively|disease-free)/i;

/** `secondMalignancy`: SECOND_MALIGNANCY on `raw` (computed once for the sub-parsers that need it). */
function parseCancerType(raw: string, type: CriterionType, secondMalignancy: boolean): ParsedItem[] {
  // "Response Evaluation Criteria in Solid Tumors" names a method, not a population.
  const text = raw.replace(/criteria in solid tumou?rs/gi, (m) => ' '.repeat(m.length));
  if (text === raw ? secondMalignancy : SECOND_MALIGNANCY.test(text)) return [];
  // In exclusion criteria a cancer name is usually context ("prior therapy for NSCLC"); it is a condition
  // only when the criterion is about histology or a diagnosis.
  if (
    type === 'exclusion' &&
    !/\b(histolog\w*|component|transformation|diagnosis of|diagnosed with|known|mixed|small[- ]cell|sarcomatoid|neuroendocrine|excluded|not eligible|ineligible|metastatic)\b/i.test(
      text,
    )
  )
    return [];
  const mentions = findCancerMentions(text).filter(
    (m) => !/\b(brain|CNS)\b/i.test(text.slice(m.start, m.end)) || !/metasta/i.test(text),
  );
  if (mentions.length === 0) return [];
  const codes = [...new Set(mentions.map((m) => m.code))];
  return [
    { category: 'cancer_type', codes, text: mentions.map((m) => text.slice(m.start, m.end)).join('; ') },
  ];
}

function parseMeasurable(text: string): ParsedItem[] {
  if (
    /\bmeasurable (disease|lesion|tumou?r)|\bRECIST\b|\bevaluable (disease|lesions?)\b|\bmeasurable\b/i.test(
      text,
    ) &&
    !/\bnon-?measurable (disease )?only\b/i.test(text)
  )
    return [{ category: 'measurable_disease', recist: /RECIST/i.test(text) }];
  return [];
}

/** Parses one criterion. Fast enough to run at import (a few regex passes per criterion). */
export function parseCriterion(text: string, type: CriterionType): ParsedItem[] {
  const t = text;
  // A negated list header ("… must not have any of the following:") says nothing alone about CNS disease:
  // its items carry the rules.
  const negatedHeader =
    /:\s*$/.test(t) && /\b(must not have|none of|not have any of)\b[^:]*\b(following|below)\b/i.test(t);
  const items: ParsedItem[] = [];
  const secondMalignancy = SECOND_MALIGNANCY.test(t);
  items.push(...parseCancerType(t, type, secondMalignancy));
  items.push(...parseStage(t));
  items.push(...parseExtent(t, type, secondMalignancy));
  if (type === 'inclusion') items.push(...parseMeasurable(t));
  items.push(...findBiomarkers(t));
  if (!negatedHeader) items.push(...parseCns(t, type));
  items.push(...parsePrior(t, type));
  items.push(...parsePerformance(t));
  items.push(...parseAge(t, secondMalignancy));
  items.push(...parseSex(t));
  // Pregnancy, breastfeeding, pregnancy tests; a partner's childbearing potential in a contraception rule is not.
  if (
    /\b(pregnan\w*|breast[- ]?feeding|lactating|lactation|nursing)\b/i.test(t) &&
    !/\bpartners?\b[^.;]{0,60}\b(breast[- ]?feeding|pregnan)|\b(breast[- ]?feeding|pregnan\w*) partners?\b/i.test(
      t,
    )
  )
    items.push({ category: 'pregnancy' });
  items.push(...parseLabs(t));
  if (type === 'exclusion') {
    // One exclusion criterion may list several excluded conditions (read as "any of"), but words that only
    // qualify another condition must not stand alone: "more than 3 prior lines of systemic therapy for
    // metastatic disease" is about lines, not about having received systemic therapy or being metastatic.
    const hasLines = items.some((i) => i.category === 'prior_lines');
    const others = items.some((i) => i.category !== 'disease_extent');
    return items.filter(
      (i) =>
        !(hasLines && i.category === 'prior_therapy' && i.drugs.length === 0 && i.classes.length === 0) &&
        !(others && i.category === 'disease_extent'),
    );
  }
  return items;
}

/**
 * Biomarkers a trial names in its title or conditions ("… in EGFR-Mutated NSCLC", condition "KRAS G12C"):
 * many trials state the driver there and not in the eligibility text. Negated or drug-class mentions are
 * skipped (same rules as criteria).
 */
export function registryBiomarkers(
  title: string,
  conditions: readonly string[],
): Extract<ParsedItem, { category: 'biomarker' }>[] {
  const out: Extract<ParsedItem, { category: 'biomarker' }>[] = [];
  for (const raw of [title, ...conditions]) {
    // Title Case ("EGFR-Mutated", "HER2-Positive") reads like running text once the qualifier is lower-cased.
    const text = raw.replace(
      /([-\s])(Mutated|Mutant|Mutation|Mutations|Positive|Negative|Altered|Amplified|Rearranged|Low|High|Deficient)\b/g,
      (_m, sep: string, w: string) => sep + w.toLowerCase(),
    );
    for (const item of findBiomarkers(text)) {
      if (item.category !== 'biomarker' || item.negated) continue;
      // "with or without", "regardless of" and "all comers" titles do not restrict.
      if (/\b(with or without|regardless of|irrespective of|any)\b/i.test(text)) continue;
      // One item per gene: "HER2-positive" in the title and "HER2-negative" in a condition are alternatives.
      const same = out.find((o) => o.anyOf.some((t) => item.anyOf.some((u) => u.gene === t.gene)));
      if (!same) out.push({ ...item, anyOf: [...item.anyOf] });
      else
        for (const t of item.anyOf)
          if (!same.anyOf.some((u) => JSON.stringify(u) === JSON.stringify(t))) same.anyOf.push(t);
    }
  }
  return out;
}
