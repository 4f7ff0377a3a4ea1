import { basename } from 'node:path';
import type { Biomarker, Consequence, GenomicAlteration, Locus, Mutation } from '../domain/index.js';
import { classifyMutation, consequenceFromMaf } from '../normalize/classes.js';
import type { GeneResolution } from '../normalize/genes.js';
import { normalizeProteinChange, type ProteinChange } from '../normalize/protein.js';
import { readLineBatches } from './lines.js';
import type { ReaderModule } from './registry.js';
import { RowIssues, TabRow, cell, intCell } from './row-issues.js';
import { bump, emptyStats, type ReadOptions, type ReadResult, type SampleData } from './types.js';

/**
 * Mutation Annotation Format: GDC/TCGA MAF (https://docs.gdc.cancer.gov/Encyclopedia/pages/Mutation_Annotation_Format/)
 * and cBioPortal `data_mutations*.txt` (MSK-IMPACT), which adds `#` comment lines (`#version 2.4`,
 * `#sequenced_samples: …`) and columns such as HGVSp_Short, Protein_position, Exon_Number.
 *
 * Column names are matched case-insensitively; several names are accepted for the same meaning because
 * exporters differ (oncokb-annotator uses SAMPLE_ID / ALTERATION, older files Amino_Acid_Change).
 *
 * Representation decisions (see docs/case-output.md):
 * - Every row with a gene and a sample becomes one mutation, including silent, intronic, UTR and flank rows:
 *   they keep their consequence and `alteration` is null for rows that do not change the protein (intron,
 *   UTR, flank, intergenic, non-coding RNA); silent rows keep `V600=`-style changes when given.
 *   Downstream stages (TMB, actionability) filter on `consequence` / `classes`.
 * - Mutation_Status Germline (and LOH, a germline variant whose other allele the tumor lost) → somaticStatus
 *   'germline', counted in stats.flagged.germline, never in stats.used. Somatic → 'somatic'. A status column
 *   with an empty/Unknown value → 'unknown'. No status column at all → 'somatic' (MAFs are somatic calls).
 * - Coordinates: MAF Start/End are 1-based inclusive; loci are 0-based half-open. An insertion (Reference_Allele
 *   `-`, Start = base before the insertion) becomes the empty interval [Start, Start).
 */

/** Accepted header names per field, best first (lower case). */
const COLUMN_NAMES = {
  gene: ['hugo_symbol', 'gene', 'gene_symbol', 'hugo symbol', 'symbol'],
  sample: ['tumor_sample_barcode', 'sample_id', 'sample', 'sample identifier', 'tumor_sample_id'],
  proteinShort: ['hgvsp_short', 'protein_change', 'amino_acid_change', 'alteration', 'aachange'],
  proteinLong: ['hgvsp'],
  classification: ['variant_classification'],
  status: ['mutation_status'],
  chrom: ['chromosome', 'chrom', 'chr'],
  start: ['start_position', 'start_pos', 'start'],
  end: ['end_position', 'end_pos', 'end'],
  ref: ['reference_allele', 'ref'],
  alt2: ['tumor_seq_allele2', 'alt'],
  alt1: ['tumor_seq_allele1'],
  build: ['ncbi_build', 'build', 'genome_build'],
  tRef: ['t_ref_count'],
  tAlt: ['t_alt_count'],
  exon: ['exon_number', 'exon'],
  transcript: ['transcript_id'],
  refseq: ['refseq'],
  hgvsc: ['hgvsc'],
  proteinPosition: ['protein_position'],
} as const;
type Field = keyof typeof COLUMN_NAMES;
type Columns = Record<Field, number>;

function resolveColumns(header: readonly string[]): Columns {
  const index = new Map<string, number>();
  header.forEach((h, i) => {
    const key = h.trim().toLowerCase();
    if (!index.has(key)) index.set(key, i);
  });
  const cols = {} as Columns;
  for (const field of Object.keys(COLUMN_NAMES) as Field[]) {
    let at = -1;
    for (const name of COLUMN_NAMES[field]) {
      const i = index.get(name);
      if (i !== undefined) {
        at = i;
        break;
      }
    }
    cols[field] = at;
  }
  return cols;
}

/** Consequences where the protein is not changed, so a protein "change" column carries nothing usable. */
const NON_PROTEIN: ReadonlySet<Consequence> = new Set([
  'intron',
  'utr5',
  'utr3',
  'flank5',
  'flank3',
  'intergenic',
  'noncoding_rna',
]);

/** Fallback when a file has no Variant_Classification (e.g. oncokb-annotator ALTERATION lists). */
function consequenceFromProtein(p: ProteinChange | null): Consequence {
  if (!p) return 'unknown';
  switch (p.type) {
    case 'missense':
      return 'missense';
    case 'nonsense':
      return 'nonsense';
    case 'frameshift':
      return 'frameshift';
    case 'deletion':
      return 'inframe_deletion';
    case 'insertion':
    case 'duplication':
      return 'inframe_insertion';
    case 'delins':
      return 'inframe_delins';
    case 'splice':
      return 'splice_site';
    case 'synonymous':
      return 'silent';
    case 'startLost':
      return 'start_lost';
    case 'extension':
      return 'stop_lost';
    case 'unknown':
      return 'unknown';
  }
}

/** Mutation_Status spellings seen in GDC and cBioPortal files, without lower-casing each cell. */
const STATUS = new Map<string, string>(
  Object.entries({
    Somatic: 'somatic',
    SOMATIC: 'somatic',
    somatic: 'somatic',
    Germline: 'germline',
    GERMLINE: 'germline',
    germline: 'germline',
    LOH: 'loh',
  }),
);

const BUILDS = new Map<string, Locus['build']>(
  Object.entries({
    grch37: 'GRCh37',
    '37': 'GRCh37',
    hg19: 'GRCh37',
    b37: 'GRCh37',
    grch38: 'GRCh38',
    '38': 'GRCh38',
    hg38: 'GRCh38',
  }),
);

/**
 * oncokb-annotator's "atypical alterations" list puts sample-level biomarkers in the gene column as
 * `Other Biomarkers`; these are the spellings its example uses. Anything else there is reported, not guessed.
 */
const OTHER_BIOMARKERS = new Map<string, { name: Biomarker['name']; status: string }>(
  Object.entries({
    'msi-h': { name: 'MSI', status: 'MSI-H' },
    'microsatellite instability-high': { name: 'MSI', status: 'MSI-H' },
    'tmb-h': { name: 'TMB', status: 'TMB-H' },
    'tumor mutational burden-high': { name: 'TMB', status: 'TMB-H' },
  }),
);

function stripChr(c: string): string {
  return c.length > 3 &&
    (c.charCodeAt(0) | 32) === 99 &&
    (c.charCodeAt(1) | 32) === 104 &&
    (c.charCodeAt(2) | 32) === 114
    ? c.slice(3)
    : c;
}

/** Exon_Number `19/28` (VEP rank/total) or `19` → 19. */
export function parseExon(text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  const slash = text.indexOf('/');
  const n = Number(slash === -1 ? text : text.slice(0, slash));
  return Number.isInteger(n) && n > 0 ? n : undefined;
}

/** Protein_position `1307`, `1307/2843` or `745-750/1210` → [start, end]. */
function parseProteinPosition(text: string | undefined): [number, number] | undefined {
  if (text === undefined) return undefined;
  const slash = text.indexOf('/');
  const span = slash === -1 ? text : text.slice(0, slash);
  const dash = span.indexOf('-');
  const a = Number(dash === -1 ? span : span.slice(0, dash));
  const b = dash === -1 ? a : Number(span.slice(dash + 1));
  return Number.isInteger(a) && a > 0 && Number.isInteger(b) && b >= a ? [a, b] : undefined;
}

/** Loose check used by sniffing and by the reader's own error messages. */
export function mafHeaderColumns(header: string): { cols: Columns; missing: string[] } {
  const cols = resolveColumns(header.split('\t'));
  const missing: string[] = [];
  if (cols.gene < 0) missing.push('Hugo_Symbol');
  if (cols.sample < 0) missing.push('Tumor_Sample_Barcode (or SAMPLE_ID)');
  if (cols.proteinShort < 0 && cols.proteinLong < 0 && cols.classification < 0) {
    missing.push(
      'a protein change (HGVSp_Short, HGVSp, Protein_Change, Amino_Acid_Change) or Variant_Classification',
    );
  }
  return { cols, missing };
}

/** Classes for one RowFacts and the remaining inputs of classifyMutation; a short chain. */
interface ClassMemo {
  proteinStart: number | undefined;
  proteinEnd: number | undefined;
  exon: number | undefined;
  classes: Mutation['classes'];
  next: ClassMemo | undefined;
}

/** What a (gene text, protein text, classification text) triple normalizes to; chained on classification. */
interface RowFacts {
  vcCell: string | undefined;
  vc: string | undefined;
  g: GeneResolution;
  protein: ProteinChange | null;
  consequence: Consequence;
  alteration: string | null;
  originalText: string;
  classes: ClassMemo | undefined;
  next: RowFacts | undefined;
}

/** The MAF reader's options; `onAlteration` (see ReadOptions) streams rows instead of keeping them. */
export type MafReadOptions = ReadOptions;

export async function readMaf(path: string, options: MafReadOptions): Promise<ReadResult> {
  const file = options.displayName ?? path;
  const result: ReadResult = {
    file,
    format: 'maf',
    samples: [],
    patients: [],
    issues: [],
    stats: emptyStats(),
  };
  const { stats } = result;
  const sink = options.onAlteration;
  const issues = new RowIssues(result.issues, file);
  const genes = options.ctx.genes;
  const geneCache = new Map<string, GeneResolution>();
  const proteinCache = new Map<string, ProteinChange | null>();
  // Per distinct Variant_Classification: its consequence and one shared copy of the text.
  const consequenceCache = new Map<string, { cq: Consequence; text: string }>();
  // Transcript ids repeat: interned, because a fresh substring would keep its whole source line alive for as
  // long as the mutation lives. A streaming consumer drops mutations at once, so there it is not needed.
  const pool = new Map<string, string>();
  const intern = (text: string): string => {
    const hit = pool.get(text);
    if (hit !== undefined) return hit;
    pool.set(text, text);
    return text;
  };
  const factsCache = new Map<string, Map<string, RowFacts>>();
  const rowFacts = (
    geneText: string,
    proteinText: string | undefined,
    vcCell: string | undefined,
    next: RowFacts | undefined,
  ): RowFacts => {
    let g = geneCache.get(geneText);
    if (!g) geneCache.set(geneText, (g = genes.resolve(geneText)));
    let protein: ProteinChange | null = null;
    if (proteinText !== undefined) {
      const cached = proteinCache.get(proteinText);
      if (cached !== undefined) protein = cached;
      else proteinCache.set(proteinText, (protein = normalizeProteinChange(proteinText)));
    }
    let vc: string | undefined;
    let consequence: Consequence;
    if (vcCell !== undefined) {
      let hit = consequenceCache.get(vcCell);
      if (hit === undefined)
        consequenceCache.set(vcCell, (hit = { cq: consequenceFromMaf(vcCell), text: vcCell }));
      vc = hit.text;
      consequence = hit.cq === 'unknown' ? consequenceFromProtein(protein) : hit.cq;
    } else consequence = consequenceFromProtein(protein);
    const alteration =
      NON_PROTEIN.has(consequence) || protein === null || protein.canonical === '?'
        ? null
        : protein.canonical;
    const originalText = `${geneText} ${proteinText ?? vc ?? ''}`.trimEnd();
    return { vcCell, vc, g, protein, consequence, alteration, originalText, classes: undefined, next };
  };
  const buildCache = new Map<string, Locus['build'] | null>();
  const samples = new Map<string, SampleData>();
  const sampleOf = (id: string): SampleData => {
    let s = samples.get(id);
    if (!s) {
      s = { id, alterations: [], biomarkers: [] };
      samples.set(id, s);
    }
    return s;
  };

  let header: string[] | null = null;
  let cols: Columns | null = null;
  const f = new TabRow();
  let lastSampleId = '';
  let lastBuildText = '';
  let lastBuild: Locus['build'];
  let lastStatusText = '';
  let lastSample: SampleData | null = null;

  // Leaving the loop early (wrong header) ends the generator, which closes the file: no need to read the rest.
  reading: for await (const batch of readLineBatches(path, {
    issues: result.issues,
    displayName: file,
    signal: options.signal,
    onProgress: options.onProgress,
  })) {
    const lines = batch.lines;
    for (let k = 0; k < lines.length; k++) {
      const line = lines[k]!;
      const lineNo = batch.firstLine + k;
      if (line.length === 0) continue;
      if (line.charCodeAt(0) === 35 /* # */) {
        // cBioPortal lists every sequenced sample, including those without mutations (a real "no mutation found").
        if (line.startsWith('#sequenced_samples:')) {
          for (const id of line.slice('#sequenced_samples:'.length).trim().split(/\s+/)) if (id) sampleOf(id);
        }
        continue;
      }
      if (header === null) {
        header = line.split('\t');
        if (header.length < 2) {
          const commas = line.split(',').length;
          issues.add({
            severity: 'error',
            code: 'maf.wrong-delimiter',
            line: lineNo,
            message:
              commas > 2
                ? `the header has no tab characters but ${commas - 1} commas: MAF files are tab-separated (convert the file, or read it with the right --as format)`
                : 'the header has a single column: MAF files are tab-separated with a header row (Hugo_Symbol, Tumor_Sample_Barcode, …)',
          });
          break reading;
        }
        const checked = mafHeaderColumns(line);
        if (checked.missing.length > 0) {
          issues.add({
            severity: 'error',
            code: 'maf.missing-column',
            line: lineNo,
            message: `required MAF column(s) missing: ${checked.missing.join('; ')} — no rows were read`,
          });
          break reading;
        }
        cols = checked.cols;
        continue;
      }
      const c = cols!;
      stats.rows++;
      const n = f.set(line);
      if (n !== header.length) {
        // Trailing empty cells beyond the header (a common export artifact) carry nothing: accept them.
        let extraEmpty = n > header.length;
        for (let j = header.length; extraEmpty && j < n; j++) if (f.raw(j)!.trim() !== '') extraEmpty = false;
        if (!extraEmpty) {
          bump(stats.skipped, 'wrong-field-count');
          issues.add({
            severity: 'error',
            code: 'maf.field-count',
            line: lineNo,
            message: `row has ${n} tab-separated fields, the header has ${header.length}; row skipped`,
          });
          continue;
        }
      }
      const geneText = cell(f, c.gene);
      // Runs of rows share a sample, build and status: compared in place, no substring is made for them.
      const sampleId = lastSampleId !== '' && f.is(c.sample, lastSampleId) ? lastSampleId : cell(f, c.sample);
      if (geneText === undefined) {
        bump(stats.skipped, 'missing-gene');
        issues.add({
          severity: 'warning',
          code: 'maf.missing-gene',
          line: lineNo,
          field: header[c.gene],
          message: 'no gene symbol; row skipped',
        });
        continue;
      }
      if (sampleId === undefined) {
        bump(stats.skipped, 'missing-sample');
        issues.add({
          severity: 'warning',
          code: 'maf.missing-sample',
          line: lineNo,
          field: header[c.sample],
          message: 'no sample id; row skipped',
        });
        continue;
      }

      const shortText = cell(f, c.proteinShort);
      const proteinText = shortText ?? cell(f, c.proteinLong);

      if (geneText.length === 16 && geneText.toLowerCase() === 'other biomarkers') {
        const bm = proteinText === undefined ? undefined : OTHER_BIOMARKERS.get(proteinText.toLowerCase());
        if (!bm) {
          bump(stats.skipped, 'unrecognized-biomarker');
          issues.add({
            severity: 'warning',
            code: 'maf.unrecognized-biomarker',
            line: lineNo,
            message: `"${proteinText ?? ''}" is not a biomarker onconav recognizes in an alteration list (MSI-H, TMB-H); row skipped`,
          });
          continue;
        }
        const b: Biomarker = {
          kind: 'biomarker',
          name: bm.name,
          alteration: bm.status,
          status: bm.status,
          provenance: 'reported',
          originalText: proteinText!,
          origin: { file, line: lineNo },
        };
        if (sink) {
          sampleOf(sampleId);
          sink(sampleId, b);
        } else sampleOf(sampleId).biomarkers.push(b);
        stats.used++;
        continue;
      }

      // The usual row repeats an earlier (gene, protein change, classification) triple: two map lookups and a
      // string compare give the gene resolution, protein change, consequence and originalText computed once.
      const vcCell = cell(f, c.classification);
      let byProteinText = factsCache.get(geneText);
      if (!byProteinText) factsCache.set(geneText, (byProteinText = new Map()));
      const pkey = proteinText ?? '';
      let facts = byProteinText.get(pkey);
      while (facts !== undefined && facts.vcCell !== vcCell) facts = facts.next;
      if (facts === undefined) {
        facts = rowFacts(geneText, proteinText, vcCell, byProteinText.get(pkey));
        byProteinText.set(pkey, facts);
      }
      const { g, protein, consequence, alteration, vc } = facts;
      if (!g.known) {
        issues.addFolded({
          severity: 'warning',
          code: 'gene.unknown',
          line: lineNo,
          field: header[c.gene],
          message: `"${geneText}" is not a known HGNC symbol, alias or previous symbol; kept as written`,
        });
      }

      const exon = parseExon(cell(f, c.exon));
      let proteinStart = protein?.start;
      let proteinEnd = protein?.end;
      if (proteinStart === undefined && alteration !== null) {
        const pos = parseProteinPosition(cell(f, c.proteinPosition));
        if (pos) [proteinStart, proteinEnd] = pos;
      }
      if (proteinEnd === undefined) proteinEnd = proteinStart;

      // Mutations with the same inputs share one classes array: treat `classes` as read-only downstream.
      let memo = facts.classes;
      while (
        memo &&
        !(memo.proteinStart === proteinStart && memo.proteinEnd === proteinEnd && memo.exon === exon)
      )
        memo = memo.next;
      if (!memo) {
        memo = {
          proteinStart,
          proteinEnd,
          exon,
          classes: classifyMutation({
            gene: g.symbol,
            consequence,
            alteration,
            proteinStart,
            proteinEnd,
            exon,
          }),
          next: facts.classes,
        };
        facts.classes = memo;
      }
      const classes = memo.classes;

      const hgvsc = cell(f, c.hgvsc);
      const colon = hgvsc === undefined ? -1 : hgvsc.indexOf(':');
      const transcript = cell(f, c.transcript) ?? cell(f, c.refseq);

      let locus: Locus | undefined;
      const chrom = cell(f, c.chrom);
      const start1 = intCell(f, c.start);
      if (chrom !== undefined && start1 !== undefined && start1 > 0) {
        const ref = f.raw(c.ref)?.trim();
        let alt = f.raw(c.alt2)?.trim();
        if (alt === undefined || alt === '' || alt === ref) alt = f.raw(c.alt1)?.trim() ?? alt;
        const end1 = intCell(f, c.end) ?? start1;
        const insertion = ref === '-';
        let build: Locus['build'];
        if (lastBuildText !== '' && f.is(c.build, lastBuildText)) build = lastBuild;
        else {
          const buildText = cell(f, c.build);
          if (buildText !== undefined) {
            let b = buildCache.get(buildText);
            if (b === undefined) {
              b = BUILDS.get(buildText.toLowerCase()) ?? null;
              buildCache.set(buildText, b);
              if (b === null)
                issues.add({
                  severity: 'warning',
                  code: 'maf.unknown-build',
                  line: lineNo,
                  field: header[c.build],
                  message: `genome build "${buildText}" is not GRCh37 or GRCh38; loci kept without a build`,
                });
            }
            if (b) build = b;
            lastBuildText = buildText;
            lastBuild = build;
          }
        }
        // One object literal with every key (undefined when absent) keeps a single hidden class: much less
        // allocation and GC than adding optional properties one by one. JSON output omits undefined keys.
        locus = {
          build,
          // Short strings are copied by V8, not sliced, so chromosome names need no interning.
          chrom: stripChr(chrom),
          start: insertion ? start1 : start1 - 1,
          end: insertion ? start1 : Math.max(end1, start1),
          ref: ref !== undefined && ref !== '' && ref !== 'NA' ? ref : undefined,
          alt: alt !== undefined && alt !== '' && alt !== 'NA' ? alt : undefined,
        };
      }

      const tRef = intCell(f, c.tRef);
      const tAlt = intCell(f, c.tAlt);
      const depth = tRef !== undefined && tAlt !== undefined ? tRef + tAlt : undefined;

      const statusText =
        c.status < 0
          ? 'somatic'
          : lastStatusText !== '' && f.is(c.status, lastStatusText)
            ? lastStatusText
            : (lastStatusText = cell(f, c.status) ?? '') || undefined;
      const status =
        statusText === undefined ? undefined : (STATUS.get(statusText) ?? statusText.toLowerCase());
      const germline = status === 'germline' || status === 'loh';
      if (germline) bump(stats.flagged, 'germline');
      else stats.used++;

      const m: Mutation = {
        kind: 'mutation',
        gene: g.symbol,
        geneInput: g.changed ? geneText : undefined,
        isoform: g.isoform,
        alteration,
        proteinStart,
        proteinEnd,
        consequence,
        variantClassification: vc,
        classes,
        exon,
        cdna: hgvsc === undefined ? undefined : colon === -1 ? hgvsc : hgvsc.slice(colon + 1),
        transcript: transcript === undefined || sink ? transcript : intern(transcript),
        locus,
        vaf: depth !== undefined && depth > 0 ? tAlt! / depth : undefined,
        depth,
        somaticStatus: germline ? 'germline' : status === 'somatic' ? 'somatic' : 'unknown',
        originalText: facts.originalText,
        origin: { file, line: lineNo },
      };
      // Rows usually come grouped by sample: skip the map lookup for runs of the same sample.
      if (sampleId !== lastSampleId || lastSample === null) {
        lastSample = sampleOf(sampleId);
        lastSampleId = sampleId;
      }
      if (sink) sink(sampleId, m as GenomicAlteration);
      else lastSample.alterations.push(m as GenomicAlteration);
    }
  }

  if (header === null && !result.issues.some((i) => i.severity === 'error')) {
    issues.add({
      severity: 'error',
      code: 'maf.empty',
      message: `${basename(file)} has no header row and no data (empty file?)`,
    });
  }
  issues.finish();
  result.samples = [...samples.values()];
  return result;
}

export const mafReader: ReaderModule = {
  format: 'maf',
  description:
    'Mutation Annotation Format (GDC/TCGA MAF, cBioPortal data_mutations*.txt), tab-separated, optionally gzip',
  sniff(head, fileName) {
    const header = head.find((l) => !l.startsWith('#'));
    const lower = fileName.toLowerCase();
    const nameHint = lower.includes('.maf') || lower.includes('mutation');
    if (header === undefined) return nameHint && head.some((l) => l.startsWith('#version')) ? 0.3 : 0;
    if (!header.includes('\t')) return 0;
    const { cols, missing } = mafHeaderColumns(header);
    if (missing.length > 0) return 0;
    let score = 0.6;
    if (cols.classification >= 0) score += 0.2;
    if (cols.proteinShort >= 0 || cols.proteinLong >= 0) score += 0.1;
    if (cols.chrom >= 0 && cols.start >= 0) score += 0.05;
    if (nameHint) score += 0.04;
    return Math.min(score, 0.99);
  },
  read: readMaf,
};
