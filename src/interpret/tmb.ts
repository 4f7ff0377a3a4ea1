import type { AnnotatedSample, Biomarker, Consequence, GenomicAlteration, Sample } from '../domain/index.js';
import { TMB_HIGH_THRESHOLD } from './patterns.js';

/**
 * Tumor mutational burden following cBioPortal's TMB_NONSYNONYMOUS convention
 * (cBioPortal/datahub-study-curation-tools, tmb/calculate_tmb/Readme.md and calc_nonsyn_tmb.py):
 * TMB = N / L, N = mutations whose MAF Variant_Classification is one of the nine below, L = the panel's
 * profiled coding size in megabases (30 for WES/WGS); not computed for panels under 0.2 Mb.
 * Difference: we count somatic mutations only (germline-flagged rows are left out; cBioPortal's script
 * counts every MAF row, whose MAFs normally hold somatic calls only).
 */
export const TMB_VARIANT_CLASSIFICATIONS: ReadonlySet<string> = new Set([
  'Frame_Shift_Del',
  'Frame_Shift_Ins',
  'In_Frame_Del',
  'In_Frame_Ins',
  'Missense_Mutation',
  'Nonsense_Mutation',
  'Splice_Site',
  'Nonstop_Mutation',
  'Splice_Region',
]);

/** The same set in our consequence vocabulary, for inputs without a MAF classification (VCF, typed cases). */
const TMB_CONSEQUENCES: ReadonlySet<Consequence> = new Set<Consequence>([
  'frameshift',
  'inframe_deletion',
  'inframe_insertion',
  'inframe_delins',
  'missense',
  'nonsense',
  'splice_site',
  'stop_lost',
  'splice_region',
]);

/**
 * Profiled coding size per panel, in Mb: cBioPortal `number_of_profiled_coding_base_pairs` from datahub
 * reference_data/gene_panels/output_data_gene_panel_impact{341,410,468}.txt (commit b2cd940), computed there
 * as the sum of protein length × 3 over the panel's genes. IMPACT505 has no published cBioPortal value, so it
 * is not listed: give `--panel-mb` for it. WES/WGS use cBioPortal's 30 Mb.
 * Checked against msk_impact_2017's TMB_NONSYNONYMOUS for the 989 crc_msk_2017 samples in both studies: our
 * somatic counts equal theirs for 976, but their values imply older sizes (0.901587 / 1.021743 Mb for 341 /
 * 410), so values differ by about 1%.
 */
export const PANEL_CODING_MB: Readonly<Record<string, number>> = {
  IMPACT341: 0.893121,
  IMPACT410: 1.013277,
  IMPACT468: 1.139541,
  WES: 30,
  WGS: 30,
};

/** cBioPortal leaves TMB empty for panels smaller than this (Mb). */
export const MIN_PANEL_MB = 0.2;

/**
 * MSK-IMPACT sample ids end in the assay version (`P-0000119-T01-IM3`): IM3 = IMPACT341, IM5 = IMPACT410,
 * IM6 = IMPACT468, IM7 = IMPACT505 (the GENE_PANEL column of crc_msk_2017 agrees for IM3/IM5/IM6).
 */
const MSK_ASSAY_PANELS: Readonly<Record<string, string>> = {
  IM3: 'IMPACT341',
  IM5: 'IMPACT410',
  IM6: 'IMPACT468',
  IM7: 'IMPACT505',
};

export function panelFromSampleId(id: string): string | undefined {
  const m = /-(IM\d)$/.exec(id);
  return m ? MSK_ASSAY_PANELS[m[1]!] : undefined;
}

export interface TmbOptions {
  /** Panel id used when the sample names none (`--panel`). */
  panel?: string;
  /** Coding size in Mb, overriding the panel table (`--panel-mb`). */
  panelMb?: number;
  /** Count germline-flagged mutations too (cBioPortal's script does not look at Mutation_Status). */
  includeGermline?: boolean;
}

export interface TmbCount {
  value: number;
  mutations: number;
  megabases: number;
  panel: string;
}

/** True when this alteration counts toward TMB. */
export function countsTowardTmb(a: GenomicAlteration, includeGermline = false): boolean {
  if (a.kind !== 'mutation') return false;
  if (!includeGermline && a.somaticStatus === 'germline') return false;
  if (
    a.variantClassification !== undefined &&
    a.variantClassification !== '' &&
    a.variantClassification !== 'NA'
  ) {
    return TMB_VARIANT_CLASSIFICATIONS.has(a.variantClassification);
  }
  return TMB_CONSEQUENCES.has(a.consequence);
}

/** Which panel a sample was sequenced with, and how big it is; `reason` explains a null size. */
export function resolvePanel(
  sample: Pick<Sample, 'id' | 'panel'>,
  options: TmbOptions = {},
): { panel: string | undefined; megabases: number | undefined; reason?: string } {
  const panel =
    (sample.panel && sample.panel !== 'NA' ? sample.panel : undefined) ??
    options.panel ??
    panelFromSampleId(sample.id);
  if (options.panelMb !== undefined) return { panel: panel ?? 'custom', megabases: options.panelMb };
  if (panel === undefined)
    return { panel, megabases: undefined, reason: 'no sequencing panel known (give --panel or --panel-mb)' };
  const mb = PANEL_CODING_MB[panel.toUpperCase()];
  if (mb === undefined)
    return { panel, megabases: undefined, reason: `coding size of panel ${panel} unknown (give --panel-mb)` };
  return { panel: panel.toUpperCase(), megabases: mb };
}

/** Computed TMB for one sample, or null with the reason. */
export function computeTmb(
  sample: Pick<Sample, 'id' | 'panel' | 'alterations'>,
  options: TmbOptions = {},
): { tmb: TmbCount | null; reason?: string } {
  const { panel, megabases, reason } = resolvePanel(sample, options);
  if (megabases === undefined || panel === undefined) return { tmb: null, reason: reason ?? 'panel unknown' };
  if (megabases < MIN_PANEL_MB)
    return {
      tmb: null,
      reason: `panel ${panel} covers ${megabases} Mb, under the ${MIN_PANEL_MB} Mb needed for TMB`,
    };
  let n = 0;
  for (const a of sample.alterations) if (countsTowardTmb(a, options.includeGermline)) n++;
  return { tmb: { value: n / megabases, mutations: n, megabases, panel } };
}

/** A TMB value rounded for display: `14.6`. */
export function formatTmb(value: number): string {
  return (Math.round(value * 10) / 10).toFixed(1);
}

/**
 * The sample's TMB: a reported one (user or clinical file) wins; otherwise the computed value is added to
 * the sample as a biomarker (provenance `computed`, status TMB-H at ≥ 10 mut/Mb) so knowledge can match it.
 */
export function sampleTmb(
  sample: Sample,
  options: TmbOptions = {},
): { sample: Sample; tmb: AnnotatedSample['tmb']; notes: string[] } {
  const reported = sample.biomarkers.find((b) => b.name === 'TMB' && b.provenance !== 'computed');
  if (reported) {
    const tmb =
      reported.value !== undefined ? { value: reported.value, provenance: 'reported' as const } : null;
    return { sample, tmb, notes: [] };
  }
  const hasMutations = sample.alterations.some((a) => a.kind === 'mutation');
  const { tmb, reason } = computeTmb(sample, options);
  if (!tmb)
    return { sample, tmb: null, notes: hasMutations && reason ? [`TMB not computed: ${reason}.`] : [] };
  const biomarker: Biomarker = {
    kind: 'biomarker',
    name: 'TMB',
    alteration: `TMB ${formatTmb(tmb.value)} mut/Mb`,
    status: tmb.value >= TMB_HIGH_THRESHOLD ? 'TMB-H' : 'TMB-L',
    value: tmb.value,
    unit: 'mut/Mb',
    method: 'computed',
    provenance: 'computed',
    originalText: `computed: ${tmb.mutations} nonsynonymous somatic mutations / ${tmb.megabases} Mb (${tmb.panel})`,
  };
  return {
    sample: { ...sample, biomarkers: [...sample.biomarkers, biomarker] },
    tmb: {
      value: tmb.value,
      provenance: 'computed',
      panel: tmb.panel,
      mutations: tmb.mutations,
      megabases: tmb.megabases,
    },
    notes: [],
  };
}
