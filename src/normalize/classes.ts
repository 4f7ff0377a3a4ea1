import type { AlterationClass, Consequence } from '../domain/index.js';
import { isHotspotCodon } from './hotspots.js';
import { normalizeProteinChange, type ProteinChange } from './protein.js';

/**
 * MAF Variant_Classification (GDC MAF format, docs.gdc.cancer.gov "Mutation Annotation Format") → our
 * consequence vocabulary. Case-insensitive; anything unrecognized → 'unknown'.
 */
const MAF_CONSEQUENCE: Readonly<Record<string, Consequence>> = {
  missense_mutation: 'missense',
  nonsense_mutation: 'nonsense',
  frame_shift_del: 'frameshift',
  frame_shift_ins: 'frameshift',
  in_frame_del: 'inframe_deletion',
  in_frame_ins: 'inframe_insertion',
  splice_site: 'splice_site',
  splice_region: 'splice_region',
  translation_start_site: 'start_lost',
  nonstop_mutation: 'stop_lost',
  silent: 'silent',
  intron: 'intron',
  "3'utr": 'utr3',
  "5'utr": 'utr5',
  "3'flank": 'flank3',
  "5'flank": 'flank5',
  igr: 'intergenic',
  rna: 'noncoding_rna',
  lincrna: 'noncoding_rna',
  // A new upstream ATG in the 5' UTR (vcf2maf): the coding sequence itself is unchanged.
  de_novo_start_inframe: 'utr5',
  de_novo_start_outofframe: 'utr5',
  targeted_region: 'unknown',
  unknown: 'unknown',
};

export function consequenceFromMaf(variantClassification: string): Consequence {
  return MAF_CONSEQUENCE[variantClassification.trim().toLowerCase()] ?? 'unknown';
}

/**
 * Sequence Ontology terms used by Ensembl VEP and SnpEff, most severe first (VEP's documented
 * "consequence severity" order, with SnpEff-only terms placed beside their VEP equivalents).
 */
const SO_TERMS: ReadonlyArray<readonly [string, Consequence]> = [
  ['transcript_ablation', 'frameshift'],
  ['exon_loss_variant', 'frameshift'],
  ['splice_acceptor_variant', 'splice_site'],
  ['splice_donor_variant', 'splice_site'],
  ['stop_gained', 'nonsense'],
  ['frameshift_variant', 'frameshift'],
  ['stop_lost', 'stop_lost'],
  ['start_lost', 'start_lost'],
  ['initiator_codon_variant', 'start_lost'],
  ['transcript_amplification', 'unknown'],
  ['feature_elongation', 'unknown'],
  ['feature_truncation', 'unknown'],
  ['disruptive_inframe_insertion', 'inframe_insertion'],
  ['conservative_inframe_insertion', 'inframe_insertion'],
  ['inframe_insertion', 'inframe_insertion'],
  ['disruptive_inframe_deletion', 'inframe_deletion'],
  ['conservative_inframe_deletion', 'inframe_deletion'],
  ['inframe_deletion', 'inframe_deletion'],
  ['missense_variant', 'missense'],
  ['rare_amino_acid_variant', 'missense'],
  ['protein_altering_variant', 'inframe_delins'],
  ['splice_donor_5th_base_variant', 'splice_region'],
  ['splice_region_variant', 'splice_region'],
  ['splice_donor_region_variant', 'splice_region'],
  ['splice_polypyrimidine_tract_variant', 'splice_region'],
  ['incomplete_terminal_codon_variant', 'silent'],
  ['start_retained_variant', 'silent'],
  ['stop_retained_variant', 'silent'],
  ['synonymous_variant', 'silent'],
  ['coding_sequence_variant', 'unknown'],
  ['mature_mirna_variant', 'noncoding_rna'],
  ['5_prime_utr_premature_start_codon_gain_variant', 'utr5'],
  ['5_prime_utr_variant', 'utr5'],
  ['5_prime_utr_truncation', 'utr5'],
  ['3_prime_utr_variant', 'utr3'],
  ['3_prime_utr_truncation', 'utr3'],
  ['non_coding_transcript_exon_variant', 'noncoding_rna'],
  ['non_coding_exon_variant', 'noncoding_rna'],
  ['intron_variant', 'intron'],
  ['conserved_intron_variant', 'intron'],
  ['nmd_transcript_variant', 'unknown'],
  ['non_coding_transcript_variant', 'noncoding_rna'],
  ['nc_transcript_variant', 'noncoding_rna'],
  ['upstream_gene_variant', 'flank5'],
  ['downstream_gene_variant', 'flank3'],
  ['intergenic_variant', 'intergenic'],
  ['intergenic_region', 'intergenic'],
  ['conserved_intergenic_variant', 'intergenic'],
];
const SO_RANK = new Map(SO_TERMS.map(([term, c], i) => [term, { rank: i, consequence: c }]));

/** VEP / SnpEff SO terms joined by `&` or `,` → the most severe term's consequence. */
export function consequenceFromSo(terms: string): Consequence {
  let best: { rank: number; consequence: Consequence } | undefined;
  for (const raw of terms.split(/[&,|]/)) {
    const hit = SO_RANK.get(raw.trim().toLowerCase());
    if (hit && (best === undefined || hit.rank < best.rank)) best = hit;
  }
  return best?.consequence ?? 'unknown';
}

/** The consequence implied by a protein change, for rows that carry no classification. */
export function consequenceFromProtein(change: ProteinChange): Consequence {
  switch (change.type) {
    case 'missense':
      return 'missense';
    case 'nonsense':
      return 'nonsense';
    case 'frameshift':
      return change.refAa === '*' ? 'stop_lost' : 'frameshift';
    case 'deletion':
      return 'inframe_deletion';
    case 'insertion':
    case 'duplication':
      return 'inframe_insertion';
    case 'delins':
      return 'inframe_delins';
    case 'extension':
      return change.start === 1 ? 'start_lost' : 'stop_lost';
    case 'splice':
      return 'splice_site';
    case 'synonymous':
      return 'silent';
    case 'startLost':
      return 'start_lost';
    case 'unknown':
      return 'unknown';
  }
}

export interface ClassifyInput {
  gene: string;
  consequence: Consequence;
  alteration: string | null;
  proteinStart?: number;
  proteinEnd?: number;
  exon?: number;
}

/**
 * Protein ranges of the exon classes (canonical transcripts: EGFR NM_005228, ERBB2 NM_004448, MET
 * NM_000245 and NM_001127500, KIT NM_000222, PDGFRA NM_006206). Ranges follow the alteration names the
 * OncoKB knowledge base uses for these classes (e.g. EGFR `729_761del`, `762_823ins`, ERBB2 `770_831ins`,
 * MET `963_1010splice` / `981_1028splice`, KIT `449_514mut` / `550_592del`, PDGFRA `814_852mis`).
 * KIT exon 13 (627–664) and exon 17 (788–828) bounds are approximate; the anchor codons K642/V654 and
 * D816/N822 lie well inside them. When the input gives the exon number, that number wins.
 */
export const EXON_RANGES = {
  EGFR: { 19: [729, 761], 20: [762, 823] },
  ERBB2: { 20: [770, 831] },
  // Exon 14 numbered on the short (1390 aa) and long (1408 aa) MET isoforms.
  MET: { 14: [963, 1010], 1014: [981, 1028] },
  KIT: { 9: [449, 514], 11: [550, 592], 13: [627, 664], 17: [788, 828] },
  PDGFRA: { 18: [814, 852] },
} as const satisfies Record<string, Record<number, readonly [number, number]>>;

/** EGFR kinase domain (exons 18–25, about codons 712–979): a duplication spanning most of it is a KDD. */
const EGFR_KDD_MIN_START = 690;
const EGFR_KDD_MAX_START = 730;
const EGFR_KDD_MIN_END = 950;

const inRange = (p: number | undefined, r: readonly [number, number]): boolean => p !== undefined && p >= r[0] && p <= r[1];

/**
 * Classes from consequence, gene, protein position and exon (see docs/normalization.md):
 * - `truncating` = nonsense, frameshift (not at the stop codon, which is an extension) and splice site;
 * - `splice` = splice site or splice region; `silent`; `noncoding` = intron, UTR, flank, intergenic, RNA;
 * - in-frame classes from the consequence, refined by the protein change (dup counts as insertion;
 *   delins with a net gain of residues counts as insertion for exon 20, a net loss as deletion for exon 19);
 * - exon classes for EGFR, ERBB2, MET, KIT and PDGFRA; `hotspot` for the built-in codon list.
 */
export function classifyMutation(input: ClassifyInput): AlterationClass[] {
  const out = new Set<AlterationClass>();
  const change = input.alteration ? normalizeProteinChange(input.alteration) : null;
  const consequence = input.consequence === 'unknown' && change ? consequenceFromProtein(change) : input.consequence;
  const start = input.proteinStart ?? change?.start;
  const end = input.proteinEnd ?? change?.end ?? start;
  const gene = input.gene.toUpperCase();

  switch (consequence) {
    case 'missense':
      out.add('missense');
      break;
    case 'nonsense':
      out.add('truncating');
      break;
    case 'frameshift':
      // A frameshift that starts at the stop codon extends the protein instead (HGVS p.*…fs / ext).
      if (change?.refAa !== '*') out.add('truncating');
      break;
    case 'splice_site':
      out.add('truncating');
      out.add('splice');
      break;
    case 'splice_region':
      out.add('splice');
      break;
    case 'inframe_deletion':
      out.add('inframe_deletion');
      break;
    case 'inframe_insertion':
      out.add('inframe_insertion');
      break;
    case 'inframe_delins':
      out.add('inframe_indel');
      break;
    case 'silent':
      out.add('silent');
      break;
    case 'intron':
    case 'utr5':
    case 'utr3':
    case 'flank5':
    case 'flank3':
    case 'intergenic':
    case 'noncoding_rna':
      out.add('noncoding');
      break;
    case 'start_lost':
    case 'stop_lost':
    case 'unknown':
      break;
  }

  // Net residue gain or loss of an in-frame change, from the protein change when we have it.
  const span = start !== undefined && end !== undefined ? end - start + 1 : undefined;
  const netGain = (() => {
    if (!change) return undefined;
    switch (change.type) {
      case 'insertion':
      case 'duplication':
        return true;
      case 'delins':
        return span !== undefined && change.altAa !== undefined ? change.altAa.length > span : undefined;
      default:
        return false;
    }
  })();
  const netLoss = (() => {
    if (!change) return consequence === 'inframe_deletion';
    switch (change.type) {
      case 'deletion':
        return true;
      case 'delins':
        return span !== undefined && change.altAa !== undefined ? change.altAa.length < span : false;
      default:
        return false;
    }
  })();
  const insertionLike = out.has('inframe_insertion') || (out.has('inframe_indel') && netGain === true) || (out.has('inframe_deletion') && netGain === true);
  const deletionLike = (out.has('inframe_deletion') || out.has('inframe_indel')) && netLoss;
  const exonIs = (n: number, range: readonly [number, number]): boolean => (input.exon !== undefined ? input.exon === n : inRange(start, range));
  const proteinAltering = out.has('missense') || out.has('inframe_deletion') || out.has('inframe_insertion') || out.has('inframe_indel');

  switch (gene) {
    case 'EGFR': {
      if (deletionLike && exonIs(19, EXON_RANGES.EGFR[19])) out.add('exon19_inframe_deletion');
      if (insertionLike && exonIs(20, EXON_RANGES.EGFR[20])) out.add('exon20_insertion');
      if (change?.type === 'duplication' && start !== undefined && end !== undefined && start >= EGFR_KDD_MIN_START && start <= EGFR_KDD_MAX_START && end >= EGFR_KDD_MIN_END) {
        out.add('kinase_domain_duplication');
      }
      break;
    }
    case 'ERBB2':
      if (insertionLike && exonIs(20, EXON_RANGES.ERBB2[20])) out.add('exon20_insertion');
      break;
    case 'MET': {
      // Exon 14 skipping: splice-site changes at the exon 14 boundaries, deletions reaching them,
      // and substitutions of D1010 (D1028 on the long isoform), the last residue of the exon, whose codon
      // overlaps the splice donor (Frampton et al., Cancer Discov 2015).
      const inEx14 = input.exon !== undefined ? input.exon === 14 : inRange(start, EXON_RANGES.MET[14]) || inRange(start, EXON_RANGES.MET[1014]);
      const spliceLike = consequence === 'splice_site' || (out.has('inframe_deletion') && input.exon === 14);
      const donorResidue = change?.type === 'missense' && change.refAa === 'D' && (start === 1010 || start === 1028);
      if ((spliceLike && inEx14) || donorResidue) out.add('exon14_skipping');
      break;
    }
    case 'KIT':
      if (proteinAltering) {
        if (exonIs(9, EXON_RANGES.KIT[9])) out.add('exon9_mutation');
        if (exonIs(11, EXON_RANGES.KIT[11])) out.add('exon11_mutation');
        if (exonIs(13, EXON_RANGES.KIT[13])) out.add('exon13_mutation');
        if (exonIs(17, EXON_RANGES.KIT[17])) out.add('exon17_mutation');
      }
      break;
    case 'PDGFRA':
      if (proteinAltering && exonIs(18, EXON_RANGES.PDGFRA[18])) out.add('exon18_mutation');
      break;
    default:
      break;
  }

  if (start !== undefined && (out.has('missense') || (out.has('inframe_indel') && start === end))) {
    if (isHotspotCodon(gene, start, change?.refAa)) out.add('hotspot');
  }
  return [...out];
}
