import type {
  AlterationClass,
  Biomarker,
  Consequence,
  CopyNumber,
  CopyNumberChange,
  Fusion,
  GenomicAlteration,
  Issue,
  Mutation,
  Origin,
} from '../domain/index.js';
import { classifyMutation } from './classes.js';
import type { NormalizeContext } from './context.js';
import { normalizeProteinChange, type ProteinChange } from './protein.js';

/**
 * Alterations and biomarkers typed by hand (`BRAF V600E`, `EGFR exon 19 deletion`, `EML4::ALK`, `MSI-H`,
 * `PD-L1 TPS 60%`). One string gives one alteration or one biomarker. Canonical texts (see docs/case-format.md):
 * - exon classes: `exon 19 deletion`, `exon 20 insertion`, `exon 14 skipping`, `exon 11 mutation` with the
 *   matching ALTERATION_CLASSES set; `kinase domain duplication`; `truncating mutation`;
 * - a gene with no named change (`KRAS mutation`) has `alteration: null`;
 * - copy number labels as in cBioPortal: `Amplification`, `Gain`, `Shallow Deletion`, `Hemizygous Deletion`,
 *   `Deletion` (deep); fusions `EML4::ALK` (HGVS-style double colon) or `ALK fusion` when the partner is unknown.
 */
export interface TypedOptions {
  /** Gene to use when the text names only a protein change (`p.V600E`). */
  gene?: string;
  origin?: Origin;
}

export interface TypedResult {
  alteration?: GenomicAlteration;
  biomarker?: Biomarker;
  issues: Issue[];
}

/** cBioPortal labels for each copy-number state (discrete values -2, -1.5, -1, 0, 1, 2). */
export const CNA_LABEL: Record<CopyNumberChange, string> = {
  amplification: 'Amplification',
  gain: 'Gain',
  diploid: 'Diploid',
  shallowDeletion: 'Shallow Deletion',
  hemizygousDeletion: 'Hemizygous Deletion',
  deepDeletion: 'Deletion',
};

/** Words people use for each copy-number state, lower case. `loss` alone is read as a one-copy loss (annotator convention). */
const CNA_WORDS: ReadonlyArray<readonly [RegExp, CopyNumberChange]> = [
  [
    /^(?:high[\s-]level\s+)?(?:amplification|amplified|amp|amplifications|copy[\s-]number\s+amplification|focal amplification)$/,
    'amplification',
  ],
  [/^(?:gain|gains|copy[\s-]?(?:number\s+)?gain|low[\s-]level\s+(?:gain|amplification))$/, 'gain'],
  [/^(?:diploid|neutral|copy[\s-]neutral)$/, 'diploid'],
  [/^(?:hemizygous\s+(?:deletion|loss))$/, 'hemizygousDeletion'],
  [
    /^(?:shallow\s+deletion|heterozygous\s+(?:deletion|loss)|single[\s-]copy\s+(?:loss|deletion)|one[\s-]copy\s+loss|hetloss|loss)$/,
    'shallowDeletion',
  ],
  [
    /^(?:deep\s+deletion|deletion|deleted|homozygous\s+(?:deletion|loss)|homdel|biallelic\s+(?:loss|deletion)|two[\s-]copy\s+(?:loss|deletion)|copy[\s-]number\s+loss\s*\(homozygous\))$/,
    'deepDeletion',
  ],
];

/** Rendered copy-number words that re-parse to the same state. */
const CNA_WORD: Record<CopyNumberChange, string> = {
  amplification: 'amplification',
  gain: 'gain',
  diploid: 'diploid',
  shallowDeletion: 'shallow deletion',
  hemizygousDeletion: 'hemizygous deletion',
  deepDeletion: 'deep deletion',
};

/** Names people write for a gene that are not (or not only) HGNC aliases. */
const GENE_WORDS: Record<string, string> = {
  HER2: 'ERBB2',
  'HER-2': 'ERBB2',
  'HER2/NEU': 'ERBB2',
  NEU: 'ERBB2',
  'PD-L1': 'CD274',
  PDL1: 'CD274',
  'C-MET': 'MET',
  'C-KIT': 'KIT',
  'C-MYC': 'MYC',
};

/** Families that are not one gene: "NTRK fusion" cannot be keyed on a symbol without guessing. */
const GENE_FAMILIES: Record<string, string[]> = {
  NTRK: ['NTRK1', 'NTRK2', 'NTRK3'],
  FGFR: ['FGFR1', 'FGFR2', 'FGFR3', 'FGFR4'],
  RAS: ['KRAS', 'NRAS', 'HRAS'],
  BRCA: ['BRCA1', 'BRCA2'],
  IDH: ['IDH1', 'IDH2'],
  NRG: ['NRG1'],
  RAF: ['BRAF', 'RAF1', 'ARAF'],
};

/**
 * Genes whose retained kinase (or driver) domain makes a fusion actionable; when one side of a fusion is in
 * this set the fusion is keyed on it (`EML4::ALK` → ALK, `ETV6::NTRK3` → NTRK3, `FGFR3::TACC3` → FGFR3).
 */
export const FUSION_DRIVERS: ReadonlySet<string> = new Set([
  'ALK',
  'ROS1',
  'RET',
  'NTRK1',
  'NTRK2',
  'NTRK3',
  'FGFR1',
  'FGFR2',
  'FGFR3',
  'BRAF',
  'RAF1',
  'NRG1',
  'MET',
  'EGFR',
  'ERBB2',
  'ABL1',
  'PDGFRA',
  'PDGFRB',
  'JAK2',
]);

/** Genes for which "<gene>-positive" means a rearrangement in clinical reports (ALK-positive NSCLC). */
const REARRANGEMENT_POSITIVE: ReadonlySet<string> = new Set([
  'ALK',
  'ROS1',
  'RET',
  'NTRK1',
  'NTRK2',
  'NTRK3',
  'NRG1',
]);

/** The gene knowledge is keyed on: the driver partner (the 3′ one when both are drivers), else the 5′ gene. */
export function fusionKeyGene(gene5: string | null, gene3: string | null): string | null {
  if (gene3 !== null && FUSION_DRIVERS.has(gene3)) return gene3;
  if (gene5 !== null && FUSION_DRIVERS.has(gene5)) return gene5;
  return gene5 ?? gene3;
}

export interface FusionParts {
  gene5: string | null;
  gene3: string | null;
  /** Same gene at both ends, or written `X-intragenic`. */
  intragenic: boolean;
  /** The one gene named when the partner is unknown (`ALK rearrangement`). */
  only?: string;
}

const SYMBOL = /^[A-Za-z][A-Za-z0-9.]*(?:-[A-Za-z0-9]+)?$/;
const PROTEINISH = /^(?:p\.)?[A-Z](?:[a-z]{2})?\d+/;
const FUSION_SUFFIX =
  /\s*(?:fusions?|fusion[\s-]positive|fusion gene|rearrangements?|rearranged|translocations?|translocated)$/i;

/**
 * Splits `EML4::ALK`, `EML4--ALK`, `EML4-ALK fusion`, `KIF5B/RET`, `ALK fusion`, `ALK rearrangement`,
 * `EGFR-intragenic` into partners (5′ first, as written). Hyphens inside symbols (`NKX2-1`) are kept by
 * preferring the split whose two sides are known genes. Returns null when the text is not a fusion.
 */
export function parseFusionText(text: string, ctx: NormalizeContext): FusionParts | null {
  let t = text.trim().replace(/\s+/g, ' ');
  const hadSuffix = FUSION_SUFFIX.test(t);
  t = t.replace(FUSION_SUFFIX, '').trim();
  if (t === '') return null;
  const intra =
    /^([A-Za-z][\w.-]*?)[\s-]+intragenic$/i.exec(t) ?? /^intragenic\s+([A-Za-z][\w.-]*)$/i.exec(t);
  if (intra) {
    const g = canonicalGene(intra[1]!, ctx).gene;
    return { gene5: g, gene3: g, intragenic: true };
  }
  const dc =
    /^([^\s:]+)\s*::\s*([^\s:]+)$/.exec(t) ??
    /^([^\s/]+)\s*\/\s*([^\s/]+)$/.exec(t) ??
    /^([^\s-]+(?:-[^\s-]+)*?)\s*--\s*([^\s]+)$/.exec(t);
  if (dc) {
    if (!SYMBOL.test(dc[1]!) || !SYMBOL.test(dc[2]!) || PROTEINISH.test(dc[2]!)) return null;
    return partners(dc[1]!, dc[2]!, ctx);
  }
  if (t.includes(' ')) return null;
  if (t.includes('-')) {
    const split = bestHyphenSplit(t, ctx, hadSuffix);
    if (split) return partners(split[0], split[1], ctx);
    if (!hadSuffix) return null;
  }
  if (hadSuffix && SYMBOL.test(t)) {
    const g = canonicalGene(t, ctx).gene;
    return { gene5: null, gene3: null, intragenic: false, only: g };
  }
  return null;
}

function partners(a: string, b: string, ctx: NormalizeContext): FusionParts {
  const g5 = canonicalGene(a, ctx).gene;
  const g3 = canonicalGene(b, ctx).gene;
  return { gene5: g5, gene3: g3, intragenic: g5 === g3 };
}

function bestHyphenSplit(t: string, ctx: NormalizeContext, hadSuffix: boolean): [string, string] | null {
  const parts = t.split('-');
  let fallback: [string, string] | null = null;
  for (let i = 1; i < parts.length; i++) {
    const a = parts.slice(0, i).join('-');
    const b = parts.slice(i).join('-');
    if (!SYMBOL.test(a) || !SYMBOL.test(b) || PROTEINISH.test(b)) continue;
    const ka = ctx.genes.resolve(mapGeneWord(a)).known;
    const kb = ctx.genes.resolve(mapGeneWord(b)).known;
    if (ka && kb) return [a, b];
    if (fallback === null && hadSuffix) fallback = [a, b];
  }
  return fallback;
}

function mapGeneWord(sym: string): string {
  return GENE_WORDS[sym.toUpperCase()] ?? sym;
}

interface GeneRef {
  gene: string;
  geneInput?: string;
  isoform?: string;
  known: boolean;
}

function canonicalGene(input: string, ctx: NormalizeContext): GeneRef {
  const mapped = mapGeneWord(input);
  const r = ctx.genes.resolve(mapped);
  const gene = r.symbol;
  const out: GeneRef = { gene, known: r.known };
  if (gene !== input) out.geneInput = input;
  if (r.isoform !== undefined) out.isoform = r.isoform;
  return out;
}

/** Builds a Fusion keyed on the actionable partner. */
export function makeFusion(args: {
  gene5: string | null;
  gene3: string | null;
  intragenic?: boolean;
  originalText: string;
  origin?: Origin;
  svClass?: string;
  inFrame?: boolean;
  description?: string;
  somaticStatus?: Fusion['somaticStatus'];
  /** The gene for a partnerless `ALK fusion`. */
  gene?: string;
}): Fusion | null {
  const intragenic = args.intragenic ?? (args.gene5 !== null && args.gene5 === args.gene3);
  const gene = args.gene ?? fusionKeyGene(args.gene5, args.gene3);
  if (gene === null) return null;
  let alteration: string;
  if (intragenic) alteration = `${gene} intragenic rearrangement`;
  else if (args.gene5 !== null && args.gene3 !== null) alteration = `${args.gene5}::${args.gene3}`;
  else alteration = `${gene} fusion`;
  const f: Fusion = {
    kind: 'fusion',
    gene,
    gene5: args.gene5,
    gene3: args.gene3,
    alteration,
    originalText: args.originalText,
  };
  if (intragenic) f.intragenic = true;
  if (args.origin !== undefined) f.origin = args.origin;
  if (args.svClass !== undefined) f.svClass = args.svClass;
  if (args.inFrame !== undefined) f.inFrame = args.inFrame;
  if (args.description !== undefined) f.description = args.description;
  if (args.somaticStatus !== undefined) f.somaticStatus = args.somaticStatus;
  return f;
}

// ---------------------------------------------------------------------------------------------------------
// Biomarkers

const TMB_HIGH = 10; // mut/Mb: FDA tissue-agnostic pembrolizumab approval for TMB-H (June 2020, FoundationOne CDx)

function key(s: string): string {
  return s.toLowerCase().replace(/[^a-z0-9+]/g, '');
}

const KEYED: Record<string, { name: Biomarker['name']; status: string; alteration: string }> = {};
function keyed(name: Biomarker['name'], status: string, alteration: string, ...forms: string[]): void {
  for (const f of forms) KEYED[key(f)] = { name, status, alteration };
}
keyed(
  'MSI',
  'MSI-H',
  'MSI-H',
  'MSI-H',
  'MSI high',
  'MSI-high',
  'high MSI',
  'microsatellite instability-high',
  'microsatellite instability high',
  'high microsatellite instability',
  'microsatellite instable',
  'microsatellite unstable',
  'MSI unstable',
  'MSI instable',
  'MSI status MSI-H',
  // FDA labels name the two together; the pair reads as MSI-H (write "dMMR" separately to keep both).
  'MSI-H/dMMR',
  'dMMR/MSI-H',
  'microsatellite instability-high (MSI-H)',
  'MSI-H (microsatellite instability-high)',
);
keyed(
  'MSI',
  'MSI-L',
  'MSI-L',
  'MSI-L',
  'MSI low',
  'MSI-low',
  'microsatellite instability-low',
  'microsatellite instability low',
  'low microsatellite instability',
);
keyed(
  'MSI',
  'MSS',
  'MSS',
  'MSS',
  'microsatellite stable',
  'MSI stable',
  'MSI-stable',
  'MS-stable',
  'MSI status MSS',
  'microsatellite stable (MSS)',
);
keyed(
  'MMR',
  'dMMR',
  'dMMR',
  'dMMR',
  'MMR-D',
  'MMR deficient',
  'MMR deficiency',
  'deficient MMR',
  'mismatch repair deficient',
  'mismatch repair deficiency',
  'deficient mismatch repair',
  'mismatch repair-deficient',
  'MMR loss',
  'loss of MMR',
  'MMR protein loss',
  'loss of mismatch repair proteins',
);
keyed(
  'MMR',
  'pMMR',
  'pMMR',
  'pMMR',
  'MMR-P',
  'MMR proficient',
  'proficient MMR',
  'mismatch repair proficient',
  'proficient mismatch repair',
  'mismatch repair-proficient',
  'MMR intact',
  'intact MMR',
  'MMR retained',
  'MMR proteins intact',
);
keyed(
  'TMB',
  'TMB-H',
  'TMB-H',
  'TMB-H',
  'TMB high',
  'TMB-high',
  'high TMB',
  'tumor mutational burden-high',
  'tumor mutational burden high',
  'high tumor mutational burden',
  'tumour mutational burden high',
  'hypermutated',
);
keyed(
  'TMB',
  'TMB-L',
  'TMB-L',
  'TMB-L',
  'TMB low',
  'TMB-low',
  'low TMB',
  'tumor mutational burden-low',
  'tumor mutational burden low',
  'low tumor mutational burden',
);
keyed(
  'HRD',
  'positive',
  'HRD positive',
  'HRD',
  'HRD positive',
  'HRD+',
  'HRD-positive',
  'homologous recombination deficient',
  'homologous recombination deficiency',
  'HR deficient',
  'HRD high',
);
keyed(
  'HRD',
  'negative',
  'HRD negative',
  'HRD negative',
  'HRD-',
  'HRD-negative',
  'homologous recombination proficient',
  'HR proficient',
  'HRP',
);

function fmtNum(v: number): string {
  return Number.isInteger(v) ? String(v) : String(Math.round(v * 100) / 100);
}

function biomarker(
  name: Biomarker['name'],
  alteration: string,
  originalText: string,
  extra: Partial<Biomarker>,
  origin?: Origin,
): Biomarker {
  const b: Biomarker = {
    kind: 'biomarker',
    name,
    alteration,
    provenance: 'reported',
    originalText,
    ...extra,
  };
  const gene = BIOMARKER_GENE[name];
  if (gene !== undefined && b.gene === undefined) b.gene = gene;
  if (origin !== undefined) b.origin = origin;
  return b;
}

const BIOMARKER_GENE: Partial<Record<Biomarker['name'], string>> = {
  HER2: 'ERBB2',
  'PD-L1': 'CD274',
  ER: 'ESR1',
  PR: 'PGR',
};

const NEG = /^(?:negative|neg|-|−|\(-\)|not detected)$/;

function parseBiomarker(t: string, origin: Origin | undefined, issues: Issue[]): Biomarker | null {
  const k = KEYED[key(t)];
  if (k !== undefined) return biomarker(k.name, k.alteration, t, { status: k.status }, origin);
  const lower = t.toLowerCase().replace(/≥/g, '>=').replace(/≤/g, '<=');

  // TMB with a value: "TMB 14 mut/Mb", "TMB: 14.2", "tumor mutational burden 12 mutations/Mb"
  const tmb =
    /^(?:tmb|tumou?r mutation(?:al)? burden)(?:[\s-]*(?:high|low|h|l)\b)?\s*[:=]?\s*\(?\s*(>=|<=|>|<)?\s*(\d+(?:\.\d+)?)\s*(?:(?:mut(?:ation)?s?|m)\s*\/\s*mb|\/\s*mb|mutations? per (?:megabase|mb)|mut\/mb)?\s*\)?$/.exec(
      lower,
    );
  if (tmb) {
    const v = Number(tmb[2]);
    const cmp = tmb[1] !== undefined ? prettyCmp(tmb[1]) : '';
    return biomarker(
      'TMB',
      `TMB ${cmp}${fmtNum(v)} mut/Mb`,
      t,
      { value: v, unit: 'mut/Mb', status: v >= TMB_HIGH ? 'TMB-H' : 'TMB-L' },
      origin,
    );
  }
  // MSIsensor score written by hand: "MSI score 12.3" (MSK: ≥10 MSI-H, 3–10 indeterminate, <3 MSS; Middha et al. JCO PO 2017)
  const msiScore = /^msi(?:sensor)?\s+score\s*[:=]?\s*(\d+(?:\.\d+)?)$/.exec(lower);
  if (msiScore) {
    const v = Number(msiScore[1]);
    return biomarker(
      'MSI',
      `MSI score ${fmtNum(v)}`,
      t,
      { value: v, method: 'NGS', status: msiStatusFromScore(v) },
      origin,
    );
  }

  const pdl1 = /^(?:pd[\s-]?l1|cd274)\b\s*[:-]?\s*(.*)$/.exec(lower);
  if (pdl1) {
    const rest = pdl1[1]!
      .replace(/\((?:22c3|28-8|sp263|sp142|ihc)\)/g, '')
      .replace(/\b(?:ihc|22c3|28-8|sp263|sp142)\b/g, '')
      .trim();
    const m = /^(tps|cps|tc|ic)?\s*[:=]?\s*(>=|<=|>|<)?\s*(\d+(?:\.\d+)?)\s*(%)?\s*(tps|cps|tc|ic)?$/.exec(
      rest,
    );
    if (m) {
      const type = (m[1] ?? m[5])?.toUpperCase() as Biomarker['scoreType'] | undefined;
      const v = Number(m[3]);
      const cmp = m[2] !== undefined ? prettyCmp(m[2]) : '';
      const pct = type === 'CPS' ? '' : '%';
      if (pct === '%' && v > 100) {
        issues.push(
          issue(
            'warning',
            'typed.out-of-range',
            `PD-L1 ${type ?? ''} is a percentage of cells; ${v} is above 100`,
            origin,
          ),
        );
      }
      const extra: Partial<Biomarker> = { value: v, method: 'IHC' };
      if (type !== undefined) extra.scoreType = type;
      if (type === undefined && m[4] === undefined) {
        issues.push(
          issue(
            'info',
            'typed.pdl1-no-score-type',
            'PD-L1 value without TPS or CPS; write e.g. "PD-L1 TPS 60%" or "PD-L1 CPS 10"',
            origin,
          ),
        );
      }
      return biomarker(
        'PD-L1',
        `PD-L1 ${type !== undefined ? `${type} ` : ''}${cmp}${fmtNum(v)}${pct}`,
        t,
        extra,
        origin,
      );
    }
    const s = statusWord(rest);
    if (s !== null) return biomarker('PD-L1', `PD-L1 ${s}`, t, { status: s, method: 'IHC' }, origin);
    return null;
  }

  const her2 = /^(?:her[\s-]?2(?:\/neu)?|erbb2)\b\s*[:]?\s*(.*)$/.exec(lower);
  if (her2) {
    let rest = her2[1]!.replace(/^[-\s]+(?=[a-z])/, '').trim();
    // "HER2-low (IHC 1+)", "HER2 positive (IHC 3+)": the score in parentheses is the more precise statement.
    const scored = /^(?:low|ultra[\s-]?low|positive|negative|pos|neg|\+|-)\s*\((.+)\)$/.exec(rest);
    if (scored && /\b(?:ihc|ish|fish)\b|[0-3]\s*\+/.test(scored[1]!)) rest = scored[1]!.trim();
    const ihc =
      /^(?:by\s+)?(?:ihc\s*[:=]?\s*)?([0-3])\s*(\+)?\s*(?:(?:ihc)\s*)?(?:[,/;]?\s*(?:and\s+|with\s+)?(?:f|c|s)?ish\s*[:=]?\s*(\+|-|positive|negative|pos|neg|amplified|not amplified|non-?amplified))?$/.exec(
        rest,
      );
    if (ihc && (ihc[2] !== undefined || /ihc/.test(rest) || ihc[1] === '0')) {
      const score = Number(ihc[1]);
      const scoreText = score === 0 ? '0' : `${score}+`;
      if (ihc[3] !== undefined) {
        const pos = /^(?:\+|positive|pos|amplified)$/.test(ihc[3]);
        return biomarker(
          'HER2',
          `HER2 IHC ${scoreText} ISH${pos ? '+' : '-'}`,
          t,
          { status: pos ? 'ISH+' : 'ISH-', value: score, method: 'ISH' },
          origin,
        );
      }
      return biomarker(
        'HER2',
        `HER2 IHC ${scoreText}`,
        t,
        { status: scoreText, value: score, method: 'IHC' },
        origin,
      );
    }
    const ish =
      /^(?:f|c|s)?ish\s*[:=]?\s*(\+|-|positive|negative|pos|neg|amplified|not amplified|non-?amplified)$/.exec(
        rest,
      );
    if (ish) {
      const pos = /^(?:\+|positive|pos|amplified)$/.test(ish[1]!);
      return biomarker(
        'HER2',
        `HER2 ISH${pos ? '+' : '-'}`,
        t,
        { status: pos ? 'ISH+' : 'ISH-', method: 'ISH' },
        origin,
      );
    }
    if (/^(?:ultra[\s-]?low)$/.test(rest))
      return biomarker('HER2', 'HER2 ultralow', t, { status: 'ultralow' }, origin);
    if (/^low$/.test(rest)) return biomarker('HER2', 'HER2 low', t, { status: 'low' }, origin);
    if (/^(?:positive|pos|\+)$/.test(rest))
      return biomarker('HER2', 'HER2 positive', t, { status: 'positive' }, origin);
    if (NEG.test(rest)) return biomarker('HER2', 'HER2 negative', t, { status: 'negative' }, origin);
    return null; // "HER2 amplification", "HER2 exon 20 insertion": genomic, with HER2 read as ERBB2
  }

  const hr = /^(er|pr|estrogen receptor|oestrogen receptor|progesterone receptor)\b\s*[:-]?\s*(.*)$/.exec(
    lower,
  );
  if (hr) {
    const name: Biomarker['name'] = hr[1] === 'pr' || hr[1] === 'progesterone receptor' ? 'PR' : 'ER';
    const rest = hr[2]!.trim();
    // ASCO/CAP 2020 ER/PR testing guideline: <1% stained nuclei negative, 1–10% "low positive", >10% positive.
    const pct = /^(?:(>=|<=|>|<)\s*)?(\d+(?:\.\d+)?)\s*%(?:\s*(?:positive|pos|\+))?$/.exec(rest);
    if (pct) {
      const v = Number(pct[2]);
      const status = v < 1 ? 'negative' : v <= 10 ? 'low' : 'positive';
      const cmp = pct[1] !== undefined ? prettyCmp(pct[1]) : '';
      return biomarker(
        name,
        `${name} ${cmp}${fmtNum(v)}%`,
        t,
        { value: v, unit: '%', status, method: 'IHC' },
        origin,
      );
    }
    if (/^(?:low|low[\s-]positive|weakly positive)$/.test(rest))
      return biomarker(name, `${name} low`, t, { status: 'low', method: 'IHC' }, origin);
    if (/^(?:positive|pos|\+|\(\+\))$/.test(rest))
      return biomarker(name, `${name} positive`, t, { status: 'positive', method: 'IHC' }, origin);
    if (NEG.test(rest))
      return biomarker(name, `${name} negative`, t, { status: 'negative', method: 'IHC' }, origin);
    return null;
  }

  const hrd = /^(?:hrd|homologous recombination deficiency)\s+(?:score|gis)\s*[:=]?\s*(\d+(?:\.\d+)?)$/.exec(
    lower,
  );
  if (hrd) {
    // No status: positivity cut-offs differ between assays; the value is reported as given.
    const v = Number(hrd[1]);
    return biomarker('HRD', `HRD score ${fmtNum(v)}`, t, { value: v }, origin);
  }
  return null;
}

function statusWord(rest: string): string | null {
  if (rest === '') return null;
  if (/^(?:positive|pos|\+|\(\+\))$/.test(rest)) return 'positive';
  if (NEG.test(rest)) return 'negative';
  if (/^high$/.test(rest)) return 'high';
  if (/^low$/.test(rest)) return 'low';
  return null;
}

function prettyCmp(c: string): string {
  switch (c) {
    case '>=':
      return '≥';
    case '<=':
      return '≤';
    default:
      return c;
  }
}

/** MSK-IMPACT MSIsensor convention (Middha et al., JCO Precis Oncol 2017, PMID 30211344): ≥10 MSI-H, 3–<10 indeterminate, <3 MSS. */
export function msiStatusFromScore(score: number): string {
  if (score >= 10) return 'MSI-H';
  if (score >= 3) return 'indeterminate';
  return 'MSS';
}

// ---------------------------------------------------------------------------------------------------------
// Genomic alterations

type ExonKind = 'deletion' | 'insertion' | 'skipping' | 'mutation';

function exonKindWord(w: string): ExonKind | null {
  const s = w.replace(/^in[\s-]?frame\s+/, '').trim();
  if (/^del(?:etion|etions|s)?(?:\s+mutations?)?$/.test(s)) return 'deletion';
  if (/^(?:ins(?:ertion|ertions|s)?|dup(?:lication|lications|s)?)(?:\s+mutations?)?$/.test(s))
    return 'insertion';
  if (/^skip(?:ping)?(?:\s+(?:mutations?|alterations?|variants?))?$/.test(s)) return 'skipping';
  if (/^(?:mut(?:ation|ations|ated)?|variants?|alterations?)$/.test(s)) return 'mutation';
  return null;
}

function parseExon(rest: string): { exon: number; kind: ExonKind } | null {
  let m = /^(?:exon|ex|e)\s*-?\s*(\d{1,2})\s*(.*)$/.exec(rest);
  if (m) {
    const kind = exonKindWord(m[2]!.trim());
    return kind !== null ? { exon: Number(m[1]), kind } : null;
  }
  m = /^(del|ins)\s*(?:exon|ex)?\s*(\d{1,2})$/.exec(rest) ?? /^(?:exon\s*)?(\d{1,2})\s*(del|ins)$/.exec(rest);
  if (m) {
    const [a, b] = /^\d/.test(m[1]!) ? [m[2]!, m[1]!] : [m[1]!, m[2]!];
    return { exon: Number(b), kind: a === 'del' ? 'deletion' : 'insertion' };
  }
  return null;
}

const EXON_MUTATION_CLASS: Partial<Record<number, AlterationClass>> = {
  9: 'exon9_mutation',
  11: 'exon11_mutation',
  13: 'exon13_mutation',
  17: 'exon17_mutation',
  18: 'exon18_mutation',
};

function exonMutation(
  g: GeneRef,
  e: { exon: number; kind: ExonKind },
  originalText: string,
  somatic: Mutation['somaticStatus'],
  origin?: Origin,
): Mutation {
  let consequence: Consequence = 'unknown';
  const classes: AlterationClass[] = [];
  switch (e.kind) {
    case 'deletion':
      consequence = 'inframe_deletion';
      classes.push('inframe_deletion');
      if (e.exon === 19) classes.push('exon19_inframe_deletion');
      break;
    case 'insertion':
      consequence = 'inframe_insertion';
      classes.push('inframe_insertion');
      if (e.exon === 20) classes.push('exon20_insertion');
      break;
    case 'skipping':
      if (e.exon === 14) classes.push('exon14_skipping');
      break;
    case 'mutation': {
      const c = EXON_MUTATION_CLASS[e.exon];
      if (c !== undefined) classes.push(c);
      break;
    }
  }
  return mutation(g, `exon ${e.exon} ${e.kind}`, consequence, classes, originalText, somatic, origin, {
    exon: e.exon,
  });
}

function mutation(
  g: GeneRef,
  alteration: string | null,
  consequence: Consequence,
  classes: AlterationClass[],
  originalText: string,
  somaticStatus: Mutation['somaticStatus'],
  origin: Origin | undefined,
  extra: Partial<Mutation> = {},
): Mutation {
  const m: Mutation = {
    kind: 'mutation',
    gene: g.gene,
    alteration,
    consequence,
    classes,
    somaticStatus,
    originalText,
    ...extra,
  };
  if (g.geneInput !== undefined) m.geneInput = g.geneInput;
  if (g.isoform !== undefined) m.isoform = g.isoform;
  if (origin !== undefined) m.origin = origin;
  return m;
}

const PROTEIN_CONSEQUENCE: Record<ProteinChange['type'], Consequence> = {
  missense: 'missense',
  nonsense: 'nonsense',
  frameshift: 'frameshift',
  deletion: 'inframe_deletion',
  insertion: 'inframe_insertion',
  delins: 'inframe_delins',
  duplication: 'inframe_insertion',
  extension: 'stop_lost',
  splice: 'splice_site',
  synonymous: 'silent',
  startLost: 'start_lost',
  unknown: 'unknown',
};

const AA3: Record<string, string> = {
  ala: 'A',
  arg: 'R',
  asn: 'N',
  asp: 'D',
  cys: 'C',
  gln: 'Q',
  glu: 'E',
  gly: 'G',
  his: 'H',
  ile: 'I',
  leu: 'L',
  lys: 'K',
  met: 'M',
  phe: 'F',
  pro: 'P',
  ser: 'S',
  thr: 'T',
  trp: 'W',
  tyr: 'Y',
  val: 'V',
  ter: '*',
};

/**
 * Protein change through the shared normalizer; a plain substitution (`V600E`, `p.Val600Glu`, `R248*`) is
 * also read here so a hand-typed case works whatever the normalizer's coverage.
 */
function proteinChange(text: string): ProteinChange | null {
  const p = normalizeProteinChange(text);
  if (p !== null && p.type !== 'unknown') return p;
  const t = text
    .trim()
    .replace(/^p\./i, '')
    .replace(/^\((.*)\)$/, '$1');
  const m = /^([A-Za-z]{3}|[A-Z])(\d+)([A-Za-z]{3}|[A-Z*]|X)$/.exec(t);
  if (m) {
    const ref = m[1]!.length === 3 ? AA3[m[1]!.toLowerCase()] : m[1]!;
    const alt = m[3]!.length === 3 ? AA3[m[3]!.toLowerCase()] : m[3] === 'X' ? '*' : m[3]!;
    const pos = Number(m[2]);
    // Residues are numbered from 1: "A0*" is no protein change (found by the schema property test).
    if (ref !== undefined && alt !== undefined && ref !== '*' && pos >= 1) {
      const type: ProteinChange['type'] = alt === '*' ? 'nonsense' : alt === ref ? 'synonymous' : 'missense';
      return {
        canonical: `${ref}${pos}${alt === ref ? '=' : alt}`,
        type,
        start: pos,
        end: pos,
        refAa: ref,
        altAa: alt,
      };
    }
  }
  return p;
}

/**
 * Parses one hand-typed alteration or biomarker. Never throws: what cannot be read comes back as an issue
 * (`typed.*`, `gene.unknown`) and no alteration.
 */
export function parseTypedAlteration(
  text: string,
  ctx: NormalizeContext,
  options: TypedOptions = {},
): TypedResult {
  const issues: Issue[] = [];
  const origin = options.origin;
  try {
    return { ...parseInner(text, ctx, options, issues), issues };
  } catch (err) {
    issues.push(
      issue(
        'error',
        'typed.internal',
        `could not read "${text}": ${err instanceof Error ? err.message : String(err)}`,
        origin,
      ),
    );
    return { issues };
  }
}

function parseInner(
  text: string,
  ctx: NormalizeContext,
  options: TypedOptions,
  issues: Issue[],
): Omit<TypedResult, 'issues'> {
  const origin = options.origin;
  const original = typeof text === 'string' ? text : String(text);
  let t = original
    .normalize('NFKC')
    .replace(/[\u2010-\u2013\u2212]/g, '-')
    .trim()
    .replace(/\s+/g, ' ');
  if (t === '') {
    issues.push(issue('error', 'typed.empty', 'empty alteration text', origin));
    return {};
  }
  let somatic: Mutation['somaticStatus'] = 'unknown';
  const prefix = /^(germline|somatic)\s+/i.exec(t);
  if (prefix) {
    somatic = prefix[1]!.toLowerCase() === 'germline' ? 'germline' : 'somatic';
    t = t.slice(prefix[0].length);
  }

  const b = parseBiomarker(t, origin, issues);
  if (b !== null) {
    b.originalText = original;
    return { biomarker: b };
  }

  // Clinic shorthand: "ALK-positive" / "ROS1+" mean a rearrangement; "KRAS-mutant", "MET-amplified".
  // "FLT3-ITD", "EGFRvIII": a gene glued to a named class.
  t = t.replace(/^([A-Za-z][A-Za-z0-9]*)-(ITD)$/i, '$1 $2').replace(/^(EGFR)[\s-]?(vIII)$/i, '$1 $2');
  const short = /^([A-Za-z][A-Za-z0-9]*)[\s-]*(positive|\+|rearranged|mutant|mutated|amplified)$/i.exec(t);
  if (short) {
    const sym = short[1]!;
    const w = short[2]!.toLowerCase();
    if (
      w === 'rearranged' ||
      ((w === 'positive' || w === '+') && REARRANGEMENT_POSITIVE.has(sym.toUpperCase()))
    ) {
      t = `${sym} rearrangement`;
    } else if (w === 'mutant' || w === 'mutated') t = `${sym} mutation`;
    else if (w === 'amplified') t = `${sym} amplification`;
  }

  // Fusions with both partners or a fusion word: `EML4::ALK`, `KIF5B-RET fusion`, `ALK rearrangement`.
  const fp = KEYED[key(t.split(/\s*(?:::|\/|-)\s*/)[0] ?? '')] !== undefined ? null : parseFusionText(t, ctx);
  if (fp !== null) {
    const only = fp.only;
    const family = only !== undefined ? GENE_FAMILIES[only.toUpperCase()] : undefined;
    if (family !== undefined) {
      issues.push(familyIssue(only!, family, origin));
      return {};
    }
    for (const g of [fp.gene5, fp.gene3, only])
      if (g !== null && g !== undefined) unknownGene(g, ctx, issues, origin);
    const f = makeFusion({
      gene5: fp.gene5,
      gene3: fp.gene3,
      intragenic: fp.intragenic,
      originalText: original,
      ...(origin !== undefined ? { origin } : {}),
      ...(only !== undefined ? { gene: only } : {}),
      ...(somatic !== 'unknown' ? { somaticStatus: somatic } : {}),
    });
    return f !== null ? { alteration: f } : {};
  }

  // `p.V600E` with the gene given elsewhere.
  let geneText: string;
  let rest: string;
  const firstSpace = t.indexOf(' ');
  const first = firstSpace === -1 ? t : t.slice(0, firstSpace);
  if (/^p\./i.test(first) || (options.gene !== undefined && PROTEINISH.test(first))) {
    if (options.gene === undefined) {
      issues.push(
        issue(
          'error',
          'typed.no-gene',
          `"${original}" names a protein change but no gene; write the gene first, e.g. "<GENE> ${first.replace(/^p\./i, '')}"`,
          origin,
        ),
      );
      return {};
    }
    geneText = options.gene;
    rest = t;
  } else {
    geneText = first;
    rest = firstSpace === -1 ? '' : t.slice(firstSpace + 1);
  }
  if (!SYMBOL.test(geneText) && !/^[A-Za-z][\w.\-/]*$/.test(geneText)) {
    issues.push(
      issue(
        'error',
        'typed.unrecognized',
        `cannot read "${original}" as an alteration or biomarker (expected e.g. "BRAF V600E", "ERBB2 amplification", "EML4::ALK", "MSI-H", "TMB 14 mut/Mb")`,
        origin,
      ),
    );
    return {};
  }
  const family = GENE_FAMILIES[geneText.toUpperCase()];
  if (family !== undefined) {
    issues.push(familyIssue(geneText, family, origin));
    return {};
  }
  // A biomarker the biomarker forms did not match must not fall through as a "mutation" of gene PD-L1 or HER2.
  if (
    /^(?:pd-?l1|tmb|msi|mmr|hrd|er|pr)$/i.test(geneText) ||
    (/^her-?2$/i.test(geneText) && /\b(?:ihc|ish|fish|cish|sish|score)\b|[+%]/i.test(rest))
  ) {
    issues.push(
      issue(
        'error',
        'typed.unrecognized-biomarker',
        `cannot read "${original}" as a biomarker (expected e.g. "PD-L1 TPS 60%", "HER2 IHC 2+ ISH+", "TMB 14 mut/Mb", "ER positive")`,
        origin,
      ),
    );
    return {};
  }
  // Two names for one change, one in parentheses: "EGFR exon 19 deletion (E746_A750del)",
  // "BRAF V600E (exon 15)". The protein change is the more precise; the classifier adds the exon class.
  const paren = /^(.+?)\s*\(([^()]+)\)$/.exec(rest.trim());
  if (paren && !/^c\./i.test(paren[2]!.trim())) {
    const inner = paren[2]!.trim();
    const outer = paren[1]!.trim();
    const pi = /^[\w.*=?>_-]+$/.test(inner) ? proteinChange(inner) : null;
    const po = /^[\w.*=?>_-]+$/.test(outer) ? proteinChange(outer) : null;
    if (pi !== null && pi.type !== 'unknown') rest = inner;
    else if (po !== null && po.type !== 'unknown') rest = outer;
  }
  const lrest = rest.toLowerCase().trim();
  if (lrest === '') {
    issues.push(
      issue(
        'error',
        'typed.no-change',
        `"${original}" names a gene but no change; write e.g. "${geneText} amplification", "${geneText} V600E" or "${geneText} mutation"`,
        origin,
      ),
    );
    return {};
  }
  // "CDKN2A/B deletion": the first gene is read; the others must be listed on their own.
  const several = /^([A-Za-z][A-Za-z0-9-]*?)(\d*)([A-Za-z]?)\/([A-Za-z0-9/-]+)$/.exec(geneText);
  if (several) {
    const firstGene = `${several[1]}${several[2]}${several[3]}`;
    const others = several[4]!.split('/').map((x) => (x.length <= 2 ? `${several[1]}${several[2]}${x}` : x));
    issues.push(
      issue(
        'warning',
        'typed.several-genes',
        `"${geneText}" names several genes; read as ${firstGene}. List ${others.join(', ')} as separate entries`,
        origin,
      ),
    );
    geneText = firstGene;
  }
  const g = canonicalGene(geneText, ctx);
  const geneKnown = g.known;

  for (const [re, change] of CNA_WORDS) {
    if (re.test(lrest)) {
      if (!geneKnown) issues.push(unknownGeneIssue(geneText, origin));
      if (lrest === 'loss') {
        issues.push(
          issue(
            'info',
            'typed.loss-ambiguous',
            `"${original}": "loss" is read as a one-copy (shallow) loss; write "deep deletion" or "homozygous deletion" when both copies are lost`,
            origin,
          ),
        );
      }
      return { alteration: copyNumber(g, change, original, origin) };
    }
  }
  const exon = parseExon(lrest);
  if (exon !== null) {
    if (!geneKnown) issues.push(unknownGeneIssue(geneText, origin));
    return { alteration: exonMutation(g, exon, original, somatic, origin) };
  }
  if (/^(?:itd|internal[\s-]tandem[\s-]duplications?)$/.test(lrest)) {
    // FLT3-ITD: in-frame duplications in the juxtamembrane region, named as a class rather than one change.
    if (!geneKnown) issues.push(unknownGeneIssue(geneText, origin));
    return {
      alteration: mutation(
        g,
        'internal tandem duplication',
        'inframe_insertion',
        ['inframe_insertion'],
        original,
        somatic,
        origin,
      ),
    };
  }
  if (g.gene === 'EGFR' && /^(?:v(?:iii|3))$/.test(lrest)) {
    // EGFRvIII: in-frame loss of exons 2–7.
    return {
      alteration: mutation(g, 'vIII', 'inframe_deletion', ['inframe_deletion'], original, somatic, origin),
    };
  }
  if (/^(?:kinase[\s-]domain[\s-]duplications?|kdd)$/.test(lrest)) {
    if (!geneKnown) issues.push(unknownGeneIssue(geneText, origin));
    return {
      alteration: mutation(
        g,
        'kinase domain duplication',
        'unknown',
        ['kinase_domain_duplication'],
        original,
        somatic,
        origin,
      ),
    };
  }
  if (/^promoter(?:\s+(?:mutations?|variants?|alterations?))?$/.test(lrest)) {
    // TERT-style promoter variants sit 5′ of the gene (MAF 5'Flank).
    if (!geneKnown) issues.push(unknownGeneIssue(geneText, origin));
    return { alteration: mutation(g, 'promoter mutation', 'flank5', [], original, somatic, origin) };
  }
  if (/^(?:truncating|truncation)(?:\s+(?:mutations?|variants?|alterations?))?$/.test(lrest)) {
    if (!geneKnown) issues.push(unknownGeneIssue(geneText, origin));
    return {
      alteration: mutation(g, 'truncating mutation', 'unknown', ['truncating'], original, somatic, origin),
    };
  }
  if (
    /^(?:mutations?|mutated|mutant|mut|variants?|alterations?|altered|(?:oncogenic|activating|pathogenic|likely pathogenic|somatic|germline)\s+(?:mutations?|variants?))$/.test(
      lrest,
    )
  ) {
    if (!geneKnown) issues.push(unknownGeneIssue(geneText, origin));
    issues.push(
      issue(
        'info',
        'typed.unspecified-mutation',
        `"${original}" names no variant; only gene-level knowledge can apply`,
        origin,
      ),
    );
    return { alteration: mutation(g, null, 'unknown', [], original, somatic, origin) };
  }

  // Protein change, optionally followed by a cDNA change in parentheses: `KRAS p.G12C (c.34G>T)`.
  // "BRAF V600E mutation", "KRAS G12C-positive": the trailing word adds nothing to the change.
  let prot = rest
    .trim()
    .replace(
      /[\s-]+(?:point\s+)?(?:mutations?|mutant|mutated|variants?|positive|substitution|missense(?:\s+mutation)?|alteration)$/i,
      '',
    );
  let cdna: string | undefined;
  const cm = /^(.*?)\s*\(?\s*(c\.[^\s)]+)\s*\)?$/.exec(prot);
  if (cm && cm[1] !== '') {
    prot = cm[1]!.trim();
    cdna = cm[2]!;
  } else if (/^c\./.test(prot)) {
    if (!geneKnown) issues.push(unknownGeneIssue(geneText, origin));
    issues.push(
      issue(
        'info',
        'typed.cdna-only',
        `"${original}" gives only a cDNA change; the protein change is unknown`,
        origin,
      ),
    );
    return { alteration: mutation(g, null, 'unknown', [], original, somatic, origin, { cdna: prot }) };
  }
  const p = /^[\w.*()=?>_-]+$/.test(prot) ? proteinChange(prot) : null;
  // A codon without the new residue (`BRAF V600`): kept with its position so codon-level knowledge can match.
  const codon = /^(?:p\.)?([A-Z])(\d+)$/.exec(prot);
  if ((p === null || p.type === 'unknown') && codon && Number(codon[2]) >= 1 && geneKnown) {
    const pos = Number(codon[2]);
    issues.push(
      issue('info', 'typed.codon-only', `"${original}" names a codon, not the amino-acid change`, origin),
    );
    return {
      alteration: mutation(g, `${codon[1]}${pos}`, 'unknown', [], original, somatic, origin, {
        proteinStart: pos,
        proteinEnd: pos,
      }),
    };
  }
  if (p === null || p.type === 'unknown') {
    if (!geneKnown) {
      issues.push(
        issue(
          'error',
          'typed.unrecognized',
          `cannot read "${original}" as an alteration or biomarker ("${geneText}" is not a known gene and "${rest}" is not a known change)`,
          origin,
        ),
      );
      return {};
    }
    issues.push(
      issue(
        'warning',
        'typed.unrecognized-change',
        `"${rest}" is not a protein change, exon class, copy-number or fusion word we know; kept as written`,
        origin,
      ),
    );
    return {
      alteration: mutation(
        g,
        p?.canonical ?? rest.trim(),
        'unknown',
        [],
        original,
        somatic,
        origin,
        cdna !== undefined ? { cdna } : {},
      ),
    };
  }
  if (!geneKnown) issues.push(unknownGeneIssue(geneText, origin));
  const consequence = PROTEIN_CONSEQUENCE[p.type];
  const extra: Partial<Mutation> = {};
  if (p.start !== undefined) extra.proteinStart = p.start;
  if (p.end !== undefined) extra.proteinEnd = p.end;
  if (cdna !== undefined) extra.cdna = cdna;
  const classes = classifyMutation({
    gene: g.gene,
    consequence,
    alteration: p.canonical,
    ...(p.start !== undefined ? { proteinStart: p.start } : {}),
    ...(p.end !== undefined ? { proteinEnd: p.end } : {}),
  });
  if (classes.length === 0) classes.push(...basicClasses(consequence));
  return { alteration: mutation(g, p.canonical, consequence, classes, original, somatic, origin, extra) };
}

/** Consequence-level classes, used when the shared classifier gives none. */
function basicClasses(c: Consequence): AlterationClass[] {
  switch (c) {
    case 'missense':
      return ['missense'];
    case 'nonsense':
    case 'frameshift':
      return ['truncating'];
    case 'splice_site':
      return ['splice'];
    case 'inframe_deletion':
      return ['inframe_deletion'];
    case 'inframe_insertion':
      return ['inframe_insertion'];
    case 'inframe_delins':
      return ['inframe_indel'];
    case 'silent':
      return ['silent'];
    case 'splice_region':
    case 'start_lost':
    case 'stop_lost':
    case 'intron':
    case 'utr5':
    case 'utr3':
    case 'flank5':
    case 'flank3':
    case 'intergenic':
    case 'noncoding_rna':
    case 'unknown':
      return [];
  }
}

function copyNumber(g: GeneRef, change: CopyNumberChange, originalText: string, origin?: Origin): CopyNumber {
  const c: CopyNumber = {
    kind: 'copyNumber',
    gene: g.gene,
    alteration: CNA_LABEL[change],
    change,
    originalText,
  };
  if (g.geneInput !== undefined) c.geneInput = g.geneInput;
  if (origin !== undefined) c.origin = origin;
  return c;
}

function unknownGene(sym: string, ctx: NormalizeContext, issues: Issue[], origin?: Origin): void {
  if (!ctx.genes.resolve(mapGeneWord(sym)).known) issues.push(unknownGeneIssue(sym, origin));
}

function unknownGeneIssue(sym: string, origin?: Origin): Issue {
  return issue(
    'warning',
    'gene.unknown',
    `"${sym}" is not a known HGNC symbol, alias or previous symbol; kept as written`,
    origin,
  );
}

function familyIssue(sym: string, members: string[], origin?: Origin): Issue {
  return issue(
    'warning',
    'typed.gene-family',
    `"${sym}" is a gene family, not one gene; name the gene as reported (${members.join(', ')})`,
    origin,
  );
}

function issue(severity: Issue['severity'], code: string, message: string, origin?: Origin): Issue {
  const i: Issue = { severity, code, message };
  if (origin?.file !== undefined) i.file = origin.file;
  if (origin?.line !== undefined) i.line = origin.line;
  if (origin?.pointer !== undefined) i.pointer = origin.pointer;
  return i;
}

/** Text that parses back to the same alteration (used by tests and by reports that echo the input). */
export function renderTyped(a: GenomicAlteration | Biomarker): string {
  switch (a.kind) {
    case 'mutation': {
      const pre =
        a.somaticStatus === 'germline' ? 'germline ' : a.somaticStatus === 'somatic' ? 'somatic ' : '';
      return `${pre}${a.gene} ${a.alteration ?? 'mutation'}`;
    }
    case 'copyNumber':
      return `${a.gene} ${CNA_WORD[a.change]}`;
    case 'fusion':
      if (a.intragenic === true) return `${a.gene} intragenic`;
      if (a.gene5 !== null && a.gene3 !== null) return `${a.gene5}::${a.gene3}`;
      return `${a.gene} fusion`;
    case 'biomarker':
      return a.alteration;
  }
}
