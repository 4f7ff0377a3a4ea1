import type {
  Alteration,
  CopyNumber,
  Fusion,
  MutationEffect,
  Mutation,
  Oncogenicity,
} from '../../domain/index.js';

/**
 * Built-in oncogenicity knowledge: gene roles, hotspot codons and exon-level driver classes of common cancer
 * genes, and the rules that turn them into an oncogenicity call. Facts are from the cancer genetics
 * literature (COSMIC Cancer Gene Census roles, cancerhotspots.org, FDA companion diagnostic variant lists);
 * the tables and rules are ours. See docs/builtin-knowledge.md, "Oncogenicity rules".
 *
 * Rules, first match wins:
 *   1. Exact known variant (KNOWN_VARIANTS)                          → its listed call.
 *   2. Missense (or in-frame change) at a known hotspot codon         → Oncogenic.
 *   3. Known driver class (EGFR exon 19 deletion, exon 20 insertion,
 *      MET exon 14 skipping, KIT exon 11/9, PDGFRA exon 18, FLT3-ITD,
 *      NPM1 C-terminal frameshift)                                      → Oncogenic.
 *   4. Truncating (nonsense, frameshift, splice site) in a TSG         → Likely Oncogenic, Likely Loss-of-function.
 *      Not "Oncogenic": a late truncation can escape nonsense-mediated decay and keep the protein working,
 *      and we do not know the last-exon boundary of every transcript here.
 *   5. Amplification of an oncogene                                    → Likely Oncogenic, Likely Gain-of-function.
 *      Deep (two-copy) deletion of a TSG                               → Likely Oncogenic, Likely Loss-of-function.
 *      Not "Oncogenic": copy-number calls depend on purity and thresholds.
 *   6. Fusion involving a known fusion driver (not intragenic,
 *      not reported out of frame)                                       → Oncogenic.
 *   7. Anything else (other missense, in-frame indels, gains, shallow losses, biomarkers) → Unknown.
 */

export const GENE_ROLE_VALUES = ['oncogene', 'tsg', 'both'] as const;
export type GeneRole = (typeof GENE_ROLE_VALUES)[number];

// prettier-ignore
const ONCOGENES = [
  'ABL1', 'AKT1', 'AKT2', 'AKT3', 'ALK', 'AR', 'ARAF', 'BCL2', 'BCL6', 'BRAF', 'CCND1', 'CCND2', 'CCND3', 'CCNE1',
  'CD79B', 'CDK4', 'CDK6', 'CSF3R', 'CTNNB1', 'CXCR4', 'DDR2', 'EGFR', 'ERBB2', 'ERBB3', 'ERG', 'ESR1', 'ETV1',
  'ETV4', 'FGF19', 'FGF3', 'FGF4', 'FGFR1', 'FGFR2', 'FGFR3', 'FGFR4', 'FLT3', 'GNA11', 'GNAQ', 'GNAS', 'H3-3A',
  'H3C2', 'HRAS', 'IDH1', 'IDH2', 'IL7R', 'JAK2', 'KIT', 'KRAS', 'MAP2K1', 'MAP2K2', 'MAPK1', 'MCL1', 'MDM2',
  'MDM4', 'MET', 'MPL', 'MTOR', 'MYC', 'MYCL', 'MYCN', 'MYD88', 'NFE2L2', 'NPM1', 'NRAS', 'NRG1', 'NTRK1', 'NTRK2',
  'NTRK3', 'PDGFRA', 'PDGFRB', 'PIK3CA', 'PIK3CB', 'PPM1D', 'PTPN11', 'RAC1', 'RAF1', 'RARA', 'RET', 'RIT1', 'ROS1',
  'SETBP1', 'SMO', 'SOS1', 'SRC', 'TERT', 'XPO1', 'BTK',
] as const;

// prettier-ignore
const TUMOR_SUPPRESSORS = [
  'APC', 'ARID1A', 'ARID1B', 'ARID2', 'ASXL1', 'ATM', 'ATR', 'ATRX', 'AXIN1', 'B2M', 'BAP1', 'BARD1', 'BCOR', 'BLM',
  'BRCA1', 'BRCA2', 'BRIP1', 'CASP8', 'CDH1', 'CDK12', 'CDKN1A', 'CDKN1B', 'CDKN2A', 'CDKN2B', 'CDKN2C', 'CHEK1',
  'CHEK2', 'CIC', 'CREBBP', 'CTCF', 'DNMT3A', 'EP300', 'FANCA', 'FANCC', 'FANCD2', 'FANCL', 'FAT1', 'FBXW7', 'FH',
  'FLCN', 'KDM5C', 'KDM6A', 'KEAP1', 'KMT2C', 'KMT2D', 'LATS1', 'LATS2', 'MAP2K4', 'MAP3K1', 'MAX', 'MEN1', 'MLH1',
  'MRE11', 'MSH2', 'MSH3', 'MSH6', 'MUTYH', 'NBN', 'NF1', 'NF2', 'NSD1', 'PALB2', 'PBRM1', 'PIK3R1', 'PMS2', 'POLD1',
  'POLE', 'PTCH1', 'PTEN', 'PTPRD', 'RAD50', 'RAD51B', 'RAD51C', 'RAD51D', 'RAD54L', 'RB1', 'RBM10', 'RNF43', 'RUNX1',
  'SDHA', 'SDHB', 'SDHC', 'SDHD', 'SETD2', 'SMAD2', 'SMAD3', 'SMAD4', 'SMARCA4', 'SMARCB1', 'STAG2', 'STK11', 'SUFU',
  'TET2', 'TGFBR2', 'TNFAIP3', 'TP53', 'TSC1', 'TSC2', 'VHL', 'WT1', 'ZRSR2', 'IKZF1', 'CBFB', 'ETV6',
] as const;

/** Genes acting either way depending on the alteration and tissue (e.g. EZH2 gain in lymphoma, loss in myeloid). */
const DUAL_ROLE = ['EZH2', 'NOTCH1', 'CBL', 'CEBPA', 'KMT2A'] as const;

export const GENE_ROLES: Readonly<Record<string, GeneRole>> = Object.freeze({
  ...Object.fromEntries(ONCOGENES.map((g) => [g, 'oncogene' as const])),
  ...Object.fromEntries(TUMOR_SUPPRESSORS.map((g) => [g, 'tsg' as const])),
  ...Object.fromEntries(DUAL_ROLE.map((g) => [g, 'both' as const])),
});

export interface KnownCall {
  oncogenic: Oncogenicity;
  mutationEffect: MutationEffect;
}

const GOF: KnownCall = { oncogenic: 'Oncogenic', mutationEffect: 'Gain-of-function' };
const LOF: KnownCall = { oncogenic: 'Oncogenic', mutationEffect: 'Loss-of-function' };
const LIKELY_GOF: KnownCall = { oncogenic: 'Likely Oncogenic', mutationEffect: 'Likely Gain-of-function' };
const ONCOGENIC_EFFECT_UNKNOWN: KnownCall = { oncogenic: 'Oncogenic', mutationEffect: 'Unknown' };

/**
 * Recurrent hotspot codons (cancerhotspots.org-style statistically recurrent positions that are well described
 * drivers). Any missense at the codon is called with the listed effect.
 */
export const HOTSPOT_CODONS: Readonly<Record<string, { codons: readonly number[]; call: KnownCall }>> = {
  KRAS: { codons: [12, 13, 59, 61, 117, 146], call: GOF },
  NRAS: { codons: [12, 13, 59, 61, 117, 146], call: GOF },
  HRAS: { codons: [12, 13, 61], call: GOF },
  BRAF: { codons: [464, 469, 600, 601], call: GOF },
  EGFR: { codons: [719, 768, 790, 858, 861], call: GOF },
  ERBB2: { codons: [310, 755, 777, 842], call: GOF },
  PIK3CA: { codons: [88, 345, 420, 542, 545, 546, 726, 1043, 1047, 1049], call: GOF },
  AKT1: { codons: [17], call: GOF },
  ESR1: { codons: [380, 536, 537, 538], call: GOF },
  IDH1: { codons: [132], call: ONCOGENIC_EFFECT_UNKNOWN },
  IDH2: { codons: [140, 172], call: ONCOGENIC_EFFECT_UNKNOWN },
  KIT: { codons: [559, 560, 576, 642, 816, 820, 822, 823], call: GOF },
  PDGFRA: { codons: [561, 842], call: GOF },
  FLT3: { codons: [835, 836], call: GOF },
  FGFR2: { codons: [252, 253, 549], call: GOF },
  FGFR3: { codons: [248, 249, 370, 373, 650], call: GOF },
  RET: { codons: [609, 611, 618, 620, 634, 804, 883, 918], call: GOF },
  ALK: { codons: [1174, 1275], call: GOF },
  MET: { codons: [1250], call: GOF },
  CTNNB1: { codons: [32, 33, 34, 37, 41, 45], call: GOF },
  GNAQ: { codons: [209], call: GOF },
  GNA11: { codons: [209], call: GOF },
  GNAS: { codons: [201], call: GOF },
  JAK2: { codons: [617], call: GOF },
  MPL: { codons: [515], call: GOF },
  MYD88: { codons: [265], call: GOF },
  MAP2K1: { codons: [57], call: GOF },
  EZH2: { codons: [646, 682, 692], call: GOF },
  'H3-3A': { codons: [28], call: ONCOGENIC_EFFECT_UNKNOWN },
  H3C2: { codons: [28], call: ONCOGENIC_EFFECT_UNKNOWN },
  TP53: { codons: [175, 220, 245, 248, 249, 273, 282], call: LOF },
  PTEN: { codons: [130], call: LOF },
  DNMT3A: { codons: [882], call: { oncogenic: 'Oncogenic', mutationEffect: 'Likely Loss-of-function' } },
};

/**
 * Exact variants with a call that differs from, or is not covered by, the hotspot table: mostly acquired
 * resistance mutations (kinase-activating but selected under therapy).
 */
export const KNOWN_VARIANTS: Readonly<Record<string, Readonly<Record<string, KnownCall>>>> = {
  EGFR: { C797S: LIKELY_GOF },
  ALK: { G1202R: LIKELY_GOF },
  ROS1: { G2032R: LIKELY_GOF },
  KIT: { V654A: LIKELY_GOF, T670I: LIKELY_GOF },
  ABL1: { T315I: LIKELY_GOF },
  BTK: { C481S: LIKELY_GOF },
};

/** Genes whose rearrangements are recognized drivers: kinases (activated) and transcription factors. */
// prettier-ignore
export const KINASE_FUSION_GENES: ReadonlySet<string> = new Set([
  'ALK', 'ROS1', 'RET', 'NTRK1', 'NTRK2', 'NTRK3', 'FGFR1', 'FGFR2', 'FGFR3', 'BRAF', 'RAF1', 'NRG1', 'ABL1', 'PDGFRA',
  'PDGFRB', 'MET', 'JAK2',
]);
export const TF_FUSION_GENES: ReadonlySet<string> = new Set([
  'KMT2A',
  'RARA',
  'ERG',
  'ETV1',
  'ETV4',
  'EWSR1',
  'NUTM1',
  'TFE3',
]);

export interface OncogenicityResult {
  oncogenic: Oncogenicity;
  mutationEffect: MutationEffect;
  reason: string;
}

const UNKNOWN = (reason: string): OncogenicityResult => ({
  oncogenic: 'Unknown',
  mutationEffect: 'Unknown',
  reason,
});

export function geneRole(gene: string): GeneRole | undefined {
  return GENE_ROLES[gene.toUpperCase()];
}
const isTsg = (gene: string): boolean => {
  const r = geneRole(gene);
  return r === 'tsg' || r === 'both';
};
const isOncogene = (gene: string): boolean => {
  const r = geneRole(gene);
  return r === 'oncogene' || r === 'both';
};

/**
 * Oncogenicity of one alteration under the built-in rules (pure; see the rule list at the top of this file).
 * Biomarkers are not gene alterations and always come back Unknown.
 */
export function builtinOncogenicity(alteration: Alteration): OncogenicityResult {
  switch (alteration.kind) {
    case 'mutation':
      return mutationCall(alteration);
    case 'copyNumber':
      return copyNumberCall(alteration);
    case 'fusion':
      return fusionCall(alteration);
    case 'biomarker':
      return UNKNOWN('biomarker: oncogenicity does not apply');
  }
}

const TRUNCATING_CONSEQUENCES = new Set(['nonsense', 'frameshift', 'splice_site']);
const CODING_CHANGE = new Set(['missense', 'inframe_deletion', 'inframe_insertion', 'inframe_delins']);

/** First protein position of a canonical change such as `V600E`, `E746_A750del`, `W288Cfs*12`. */
function startPosition(m: Mutation): number | undefined {
  if (m.proteinStart !== undefined) return m.proteinStart;
  const hit = /^[A-Z*](\d+)/.exec(m.alteration ?? '');
  return hit?.[1] !== undefined ? Number(hit[1]) : undefined;
}

function endPosition(m: Mutation): number | undefined {
  if (m.proteinEnd !== undefined) return m.proteinEnd;
  const hit = /^[A-Z*]\d+_[A-Z*](\d+)/.exec(m.alteration ?? '');
  return hit?.[1] !== undefined ? Number(hit[1]) : startPosition(m);
}

/**
 * Driver classes defined by exon or protein region. Exon numbers follow the usual clinical transcripts;
 * the codon ranges are the fallback when no exon was given (EGFR exon 19 = codons 729-761, exon 20 =
 * 762-823; KIT exon 11 = 550-591, exon 9 = 449-514; PDGFRA exon 18 = 814-854; FLT3 juxtamembrane domain,
 * where internal tandem duplications land, = 572-611; MET exon 14 with its splice sites = codons 962-1011;
 * NPM1 exon 12 frameshifts start at codons 286-292).
 */
function classCall(m: Mutation): OncogenicityResult | undefined {
  const gene = m.gene.toUpperCase();
  const start = startPosition(m);
  const end = endPosition(m) ?? start;
  const within = (lo: number, hi: number): boolean =>
    start !== undefined && start >= lo && (end ?? start) <= hi;
  const has = (c: Mutation['classes'][number]): boolean => m.classes.includes(c);
  const inframe =
    m.consequence === 'inframe_deletion' ||
    m.consequence === 'inframe_insertion' ||
    m.consequence === 'inframe_delins';
  switch (gene) {
    case 'EGFR':
      if (
        has('exon19_inframe_deletion') ||
        (inframe &&
          m.consequence !== 'inframe_insertion' &&
          (m.exon === 19 || (m.exon === undefined && within(729, 761))))
      )
        return { ...GOF, reason: 'EGFR exon 19 in-frame deletion' };
      if (
        has('exon20_insertion') ||
        ((m.consequence === 'inframe_insertion' || /dup|ins/.test(m.alteration ?? '')) &&
          (m.exon === 20 || (m.exon === undefined && within(762, 823))))
      )
        return { ...GOF, reason: 'EGFR exon 20 insertion' };
      if (has('kinase_domain_duplication')) return { ...GOF, reason: 'EGFR kinase domain duplication' };
      return undefined;
    case 'ERBB2':
      if (
        has('exon20_insertion') ||
        ((m.consequence === 'inframe_insertion' || /dup|ins/.test(m.alteration ?? '')) &&
          (m.exon === 20 || (m.exon === undefined && within(769, 786))))
      )
        return { ...GOF, reason: 'ERBB2 exon 20 insertion' };
      return undefined;
    case 'MET':
      if (has('exon14_skipping')) return { ...GOF, reason: 'MET exon 14 skipping' };
      if (
        (m.consequence === 'splice_site' || has('splice') || m.consequence === 'inframe_deletion') &&
        (m.exon === 14 || (m.exon === undefined && within(962, 1011)))
      )
        return { ...GOF, reason: 'MET exon 14 splice-site or deletion (exon 14 skipping)' };
      return undefined;
    case 'KIT':
      if (
        (has('exon11_mutation') || m.exon === 11 || (m.exon === undefined && within(550, 591))) &&
        (CODING_CHANGE.has(m.consequence) || has('exon11_mutation'))
      )
        return { ...GOF, reason: 'KIT exon 11 juxtamembrane mutation' };
      if ((has('exon9_mutation') || m.exon === 9) && (inframe || has('exon9_mutation')))
        return { ...GOF, reason: 'KIT exon 9 in-frame duplication/insertion' };
      return undefined;
    case 'PDGFRA':
      if (
        (has('exon18_mutation') || m.exon === 18 || (m.exon === undefined && within(814, 854))) &&
        CODING_CHANGE.has(m.consequence)
      )
        return { ...GOF, reason: 'PDGFRA exon 18 activation-loop mutation' };
      return undefined;
    case 'FLT3':
      if (
        (m.consequence === 'inframe_insertion' || /dup|ins/.test(m.alteration ?? '')) &&
        (m.exon === 14 || m.exon === 15 || (m.exon === undefined && within(572, 611)))
      )
        return { ...GOF, reason: 'FLT3 internal tandem duplication (juxtamembrane in-frame insertion)' };
      return undefined;
    case 'NPM1':
      if (m.consequence === 'frameshift' && start !== undefined && start >= 280)
        return { ...GOF, reason: 'NPM1 C-terminal frameshift (exon 12, cytoplasmic NPM1)' };
      return undefined;
    default:
      return undefined;
  }
}

function mutationCall(m: Mutation): OncogenicityResult {
  const gene = m.gene.toUpperCase();
  const alt = m.alteration ?? '';
  const known = KNOWN_VARIANTS[gene]?.[alt];
  if (known) return { ...known, reason: `known variant ${gene} ${alt}` };

  const hot = HOTSPOT_CODONS[gene];
  const start = startPosition(m);
  if (hot && start !== undefined && m.consequence === 'missense' && hot.codons.includes(start)) {
    return { ...hot.call, reason: `hotspot codon ${gene} ${start}` };
  }
  const byClass = classCall(m);
  if (byClass) return byClass;

  if ((TRUNCATING_CONSEQUENCES.has(m.consequence) || m.classes.includes('truncating')) && isTsg(gene)) {
    return {
      oncogenic: 'Likely Oncogenic',
      mutationEffect: 'Likely Loss-of-function',
      reason: `truncating mutation in tumor suppressor ${gene}`,
    };
  }
  if (geneRole(gene) === undefined) return UNKNOWN(`${gene} is not in the built-in cancer gene list`);
  return UNKNOWN(`no rule for this ${m.consequence} change in ${gene}`);
}

function copyNumberCall(c: CopyNumber): OncogenicityResult {
  const gene = c.gene.toUpperCase();
  if (c.change === 'amplification' && isOncogene(gene)) {
    return {
      oncogenic: 'Likely Oncogenic',
      mutationEffect: 'Likely Gain-of-function',
      reason: `amplification of oncogene ${gene}`,
    };
  }
  if (c.change === 'deepDeletion' && isTsg(gene)) {
    return {
      oncogenic: 'Likely Oncogenic',
      mutationEffect: 'Likely Loss-of-function',
      reason: `deep deletion of tumor suppressor ${gene}`,
    };
  }
  return UNKNOWN(`no rule for ${c.change} of ${gene}`);
}

function fusionCall(f: Fusion): OncogenicityResult {
  if (f.intragenic === true) return UNKNOWN('intragenic rearrangement');
  if (f.inFrame === false) return UNKNOWN('fusion reported out of frame');
  const genes = [f.gene, f.gene5, f.gene3].filter((g): g is string => g !== null).map((g) => g.toUpperCase());
  const kinase = genes.find((g) => KINASE_FUSION_GENES.has(g));
  if (kinase !== undefined)
    return {
      oncogenic: 'Oncogenic',
      mutationEffect: 'Gain-of-function',
      reason: `${kinase} fusion (known kinase fusion driver)`,
    };
  const tf = genes.find((g) => TF_FUSION_GENES.has(g));
  if (tf !== undefined)
    return {
      oncogenic: 'Oncogenic',
      mutationEffect: 'Unknown',
      reason: `${tf} rearrangement (known fusion driver)`,
    };
  return UNKNOWN('fusion partners are not known drivers');
}
