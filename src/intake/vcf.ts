import { basename } from 'node:path';
import type { Consequence, Locus, Mutation } from '../domain/index.js';
import { classifyMutation, consequenceFromSo } from '../normalize/classes.js';
import type { GeneResolution } from '../normalize/genes.js';
import { normalizeProteinChange, type ProteinChange } from '../normalize/protein.js';
import { readLineBatches } from './lines.js';
import { parseExon } from './maf.js';
import type { ReaderModule } from './registry.js';
import { RowIssues } from './row-issues.js';
import { bump, emptyStats, type ReadOptions, type ReadResult, type SampleData } from './types.js';

/**
 * VCF 4.1–4.3 (https://samtools.github.io/hts-specs/VCFv4.3.pdf) with functional annotation from
 * Ensembl VEP (INFO/CSQ, sub-fields named in the header's "Format: Allele|Consequence|…") or SnpEff
 * (INFO/ANN, "Functional annotations: 'Allele | Annotation | … | HGVS.p | …'").
 *
 * - Multi-allelic records are split: each ALT allele becomes its own mutation and takes the annotation
 *   entries whose Allele field is that allele (VEP: ALLELE_NUM when present, else the allele as VEP writes it —
 *   with the shared first base removed and `-` for nothing; SnpEff: the ALT as written).
 * - Transcript choice, in this order: VEP's PICK flag (--flag_pick), MANE Select (MANE_SELECT / MANE),
 *   CANONICAL=YES, the first protein-coding entry, the first entry. SnpEff lists the most severe effect first,
 *   so for ANN it is: the first protein-coding entry, else the first.
 * - VAF from the tumor sample's FORMAT/AF (Number=A) or else FORMAT/AD (Number=R); depth from DP or the AD sum.
 * - Loci: VCF POS is 1-based and includes the padding base of indels; we drop a shared first base so loci
 *   match MAF ones ([start, end) 0-based; an insertion is the empty interval after the padding base).
 * - Records with FILTER other than PASS or `.` are skipped (counted as `filtered`): callers use FILTER to reject calls.
 * - Without CSQ/ANN: loci are kept with gene '' (or INFO/GENE when present), alteration null, consequence
 *   'unknown', and one warning says how to annotate.
 */

const VEP_COMMAND =
  'vep --input_file in.vcf --output_file annotated.vcf --vcf --cache --offline --assembly GRCh38 --symbol --hgvs --numbers --canonical --mane --flag_pick';
const SNPEFF_COMMAND = 'java -jar snpEff.jar ann GRCh38.105 in.vcf > annotated.vcf';

type Annotator = 'vep' | 'snpeff';

interface AnnotationLayout {
  annotator: Annotator;
  key: string;
  fields: Map<string, number>;
}

interface PickedAnnotation {
  gene?: string;
  terms?: string;
  hgvsp?: string;
  hgvsc?: string;
  exon?: string;
  transcript?: string;
  proteinPosition?: string;
}

/** `Format: Allele|Consequence|…` (VEP) or `'Allele | Annotation | …'` (SnpEff) from an ##INFO description. */
export function parseAnnotationHeader(line: string): AnnotationLayout | null {
  const id = /^##INFO=<ID=([^,>]+)/.exec(line)?.[1];
  if (id === undefined) return null;
  const desc = /Description="([^"]*)"/.exec(line)?.[1] ?? '';
  let list: string | undefined;
  let annotator: Annotator | undefined;
  const fmt = desc.indexOf('Format:');
  if (fmt !== -1) {
    list = desc.slice(fmt + 'Format:'.length);
    annotator = 'vep';
  } else if (id === 'ANN' || desc.includes('Functional annotations')) {
    const q = desc.indexOf("'");
    const q2 = desc.lastIndexOf("'");
    list = q !== -1 && q2 > q ? desc.slice(q + 1, q2) : desc.slice(desc.indexOf(':') + 1);
    annotator = 'snpeff';
  }
  if (list === undefined || annotator === undefined) return null;
  const names = list.split('|').map((s) => s.trim());
  if (names.length < 4) return null;
  return { annotator, key: id, fields: new Map(names.map((n, i) => [n, i])) };
}

/** The value of INFO key `key` (undefined when absent; '' for a flag). */
function infoValue(info: string, key: string): string | undefined {
  let from = 0;
  while (from <= info.length) {
    const at = info.indexOf(key, from);
    if (at === -1) return undefined;
    const before = at === 0 || info.charCodeAt(at - 1) === 59; /* ; */
    const after = info.charCodeAt(at + key.length);
    if (before && (after === 61 /* = */ || Number.isNaN(after) || after === 59)) {
      if (after !== 61) return '';
      const end = info.indexOf(';', at);
      return info.slice(at + key.length + 1, end === -1 ? undefined : end);
    }
    from = at + key.length;
  }
  return undefined;
}

function buildFromText(text: string): Locus['build'] | undefined {
  const t = text.toLowerCase();
  if (t.includes('grch38') || t.includes('hg38') || t.includes('hs38')) return 'GRCh38';
  if (
    t.includes('grch37') ||
    t.includes('hg19') ||
    t.includes('b37') ||
    t.includes('hs37') ||
    t.includes('human_g1k_v37')
  )
    return 'GRCh37';
  return undefined;
}

/** chr1 lengths differ between the builds, so a ##contig line alone can name the build. */
const CHR1_LENGTH: Record<string, Locus['build']> = { '249250621': 'GRCh37', '248956422': 'GRCh38' };

function pct(s: string): string {
  // VEP URL-escapes '=' (and ';', ',') inside HGVS (p.Val600%3D); SnpEff does not.
  return s.includes('%') ? s.replace(/%3D/gi, '=').replace(/%3B/gi, ';').replace(/%2C/gi, ',') : s;
}

function stripPrefix(hgvs: string): string {
  const colon = hgvs.indexOf(':');
  return pct(colon === -1 ? hgvs : hgvs.slice(colon + 1));
}

/** The form VEP writes in its Allele field: the shared first base of all alleles removed, `-` when empty. */
function vepAlleles(ref: string, alts: readonly string[]): string[] {
  const first = ref[0];
  const shared =
    first !== undefined && alts.every((a) => a[0] === first) && alts.some((a) => a.length !== ref.length);
  return alts.map((a) => (shared ? a.slice(1) || '-' : a));
}

/** The idx-th `|`-separated sub-field of an annotation entry, found without splitting the whole entry. */
function subField(e: string, idx: number): string {
  let start = 0;
  for (let k = 0; k < idx; k++) {
    const bar = e.indexOf('|', start);
    if (bar === -1) return '';
    start = bar + 1;
  }
  const end = e.indexOf('|', start);
  return e.slice(start, end === -1 ? undefined : end);
}

function choose(entries: readonly string[], layout: AnnotationLayout): string | undefined {
  const f = layout.fields;
  const at = (e: string, name: string): string => {
    const i = f.get(name);
    return i === undefined ? '' : subField(e, i);
  };
  if (entries.length <= 1) return entries[0];
  if (layout.annotator === 'vep') {
    return (
      entries.find((e) => at(e, 'PICK') === '1') ??
      entries.find((e) => at(e, 'MANE_SELECT') !== '' || at(e, 'MANE') !== '') ??
      entries.find((e) => at(e, 'CANONICAL') === 'YES') ??
      entries.find((e) => at(e, 'BIOTYPE') === 'protein_coding') ??
      entries[0]
    );
  }
  return entries.find((e) => at(e, 'Transcript_BioType') === 'protein_coding') ?? entries[0];
}

/** The record's annotation entries (one string per transcript/allele), or undefined when the key is absent. */
function annotationEntries(info: string, layout: AnnotationLayout): string[] | undefined {
  const raw = infoValue(info, layout.key);
  return raw === undefined || raw === '' ? undefined : raw.split(',');
}

function pickAnnotation(
  entries: readonly string[],
  layout: AnnotationLayout,
  alt: string,
  vepForm: string,
  altIndex: number,
  altCount: number,
): PickedAnnotation | undefined {
  const f = layout.fields;
  const alleleIdx = f.get('Allele') ?? 0;
  const numIdx = f.get('ALLELE_NUM');
  const alleleOf = (e: string): string => {
    // Allele is the first sub-field in both layouts: read it without splitting the whole entry.
    if (alleleIdx === 0) {
      const bar = e.indexOf('|');
      return (bar === -1 ? e : e.slice(0, bar)).trim();
    }
    return e.split('|')[alleleIdx]?.trim() ?? '';
  };
  let mine: readonly string[];
  if (layout.annotator === 'vep' && numIdx !== undefined) {
    const want = String(altIndex + 1);
    mine = entries.filter((e) => subField(e, numIdx) === want);
  } else {
    const form = layout.annotator === 'vep' ? vepForm : alt;
    const matching = entries.filter((e) => {
      const a = alleleOf(e);
      return a === alt || a === form;
    });
    mine = matching.length === 0 && altCount === 1 ? entries : matching;
  }
  const chosen = choose(mine, layout);
  if (chosen === undefined) return undefined;
  // Only the chosen entry is split into its sub-fields.
  const e = chosen.split('|');
  const get = (name: string): string | undefined => {
    const i = f.get(name);
    const v = i === undefined ? undefined : e[i]?.trim();
    return v === undefined || v === '' ? undefined : v;
  };
  if (layout.annotator === 'vep') {
    return {
      gene: get('SYMBOL'),
      terms: get('Consequence'),
      hgvsp: get('HGVSp'),
      hgvsc: get('HGVSc'),
      exon: get('EXON'),
      transcript: get('Feature'),
      proteinPosition: get('Protein_position'),
    };
  }
  const terms = get('Annotation');
  return {
    gene: get('Gene_Name'),
    terms,
    hgvsp: get('HGVS.p'),
    hgvsc: get('HGVS.c'),
    // SnpEff's Rank is an exon number for exonic effects and an intron number for intronic ones.
    exon: terms !== undefined && !terms.includes('intron') ? get('Rank') : undefined,
    transcript: get('Feature_ID'),
    proteinPosition: get('AA.pos / AA.length'),
  };
}

/** Alleles the tumor sample's genotype carries (1-based ALT indices), or null when there is no GT. */
function genotypeAlleles(gt: string | undefined): Set<number> | null {
  if (gt === undefined || gt === '' || gt === '.') return null;
  const s = new Set<number>();
  for (const part of gt.split(/[/|]/)) {
    const n = Number(part);
    if (Number.isInteger(n) && n > 0) s.add(n);
  }
  return s;
}

export async function readVcf(path: string, options: ReadOptions): Promise<ReadResult> {
  const file = options.displayName ?? path;
  const result: ReadResult = {
    file,
    format: 'vcf',
    samples: [],
    patients: [],
    issues: [],
    stats: emptyStats(),
  };
  const { stats } = result;
  const issues = new RowIssues(result.issues, file);
  const genes = options.ctx.genes;
  const geneCache = new Map<string, GeneResolution>();
  const proteinCache = new Map<string, ProteinChange | null>();
  const consequenceCache = new Map<string, Consequence>();
  // Shared per distinct input: treat `classes` as read-only downstream.
  const classCache = new Map<string, Mutation['classes']>();
  const classesFor = (
    gene: string,
    consequence: Consequence,
    alteration: string | null,
    proteinStart: number | undefined,
    proteinEnd: number | undefined,
    exon: number | undefined,
  ): Mutation['classes'] => {
    const key = `${gene}|${consequence}|${alteration ?? ''}|${proteinStart ?? ''}|${proteinEnd ?? ''}|${exon ?? ''}`;
    let c = classCache.get(key);
    if (!c)
      classCache.set(
        key,
        (c = classifyMutation({ gene, consequence, alteration, proteinStart, proteinEnd, exon })),
      );
    return c;
  };

  let layout: AnnotationLayout | null = null;
  let build: Locus['build'];
  let sawFileformat = false;
  let columns: string[] | null = null;
  let tumorCol = -1;
  let sample: SampleData | null = null;
  let stop = false;
  let warnedUnannotated = false;

  // Leaving the loop early (wrong header) ends the generator, which closes the file: no need to read the rest.
  reading: for await (const batch of readLineBatches(path, {
    issues: result.issues,
    displayName: file,
    signal: options.signal,
    onProgress: options.onProgress,
  })) {
    for (let k = 0; k < batch.lines.length; k++) {
      const line = batch.lines[k]!;
      const lineNo = batch.firstLine + k;
      if (line.length === 0) continue;
      if (line.startsWith('##')) {
        if (line.startsWith('##fileformat=')) {
          sawFileformat = true;
          const v = line.slice('##fileformat='.length);
          if (!/^VCFv4\.[0-5]$/.test(v)) {
            issues.add({
              severity: 'warning',
              code: 'vcf.version',
              line: lineNo,
              message: `"${v}" is not VCF 4.1–4.3; reading it as VCF 4.x`,
            });
          }
        } else if (
          line.startsWith('##INFO=<ID=CSQ') ||
          line.startsWith('##INFO=<ID=ANN') ||
          line.startsWith('##INFO=<ID=vep')
        ) {
          const l = parseAnnotationHeader(line);
          // VEP's CSQ wins over SnpEff's ANN when a file carries both (VEP has PICK/MANE/CANONICAL for transcript choice).
          if (l && (!layout || (layout.annotator === 'snpeff' && l.annotator === 'vep'))) layout = l;
        } else if (line.startsWith('##reference=')) {
          build ??= buildFromText(line);
        } else if (line.startsWith('##contig=')) {
          const asm = /assembly=([^,>]+)/.exec(line)?.[1];
          const b = asm !== undefined ? buildFromText(asm) : undefined;
          const id = /ID=([^,>]+)/.exec(line)?.[1];
          if (b) build ??= b;
          else if (id === '1' || id === 'chr1') {
            const len = /length=(\d+)/.exec(line)?.[1];
            if (len !== undefined) build ??= CHR1_LENGTH[len];
          }
        }
        continue;
      }
      if (line.startsWith('#')) {
        columns = line.slice(1).split('\t');
        if (columns.length < 8 || columns[0] !== 'CHROM') {
          issues.add({
            severity: 'error',
            code: 'vcf.bad-header',
            line: lineNo,
            message: `the #CHROM header must have 8 tab-separated columns (CHROM POS ID REF ALT QUAL FILTER INFO), found ${columns.length}`,
          });
          stop = true;
          break reading;
        }
        const names = columns.slice(9);
        let chosen = -1;
        if (options.tumorSample !== undefined) {
          chosen = names.indexOf(options.tumorSample);
          const asIndex = Number(options.tumorSample);
          if (chosen === -1 && Number.isInteger(asIndex) && asIndex >= 0 && asIndex < names.length)
            chosen = asIndex;
          if (chosen === -1) {
            issues.add({
              severity: 'error',
              code: 'vcf.tumor-sample-not-found',
              line: lineNo,
              message: `--tumor-sample "${options.tumorSample}" is not a sample column here; samples: ${names.join(', ') || '(none: sites-only VCF)'}`,
            });
            stop = true;
            break reading;
          }
        } else if (names.length > 0) {
          chosen = names.findIndex((n) => /tumou?r/i.test(n));
          if (chosen === -1) chosen = 0;
        }
        tumorCol = chosen === -1 ? -1 : 9 + chosen;
        if (names.length > 1) {
          issues.add({
            severity: 'info',
            code: 'vcf.tumor-sample',
            line: lineNo,
            message: `using sample column "${names[chosen]}" (${chosen + 1} of ${names.length}: ${names.join(', ')}) as the tumor; choose another with --tumor-sample`,
          });
        }
        const id =
          options.sampleId ??
          (chosen >= 0 ? names[chosen]! : basename(file).replace(/\.vcf(\.gz|\.bgz)?$/i, ''));
        sample = { id, alterations: [], biomarkers: [] };
        if (!sawFileformat)
          issues.add({
            severity: 'warning',
            code: 'vcf.no-fileformat',
            line: 1,
            message: 'no ##fileformat line; reading as VCF 4.x',
          });
        continue;
      }
      if (columns === null || sample === null) {
        issues.add({
          severity: 'error',
          code: 'vcf.missing-header',
          line: lineNo,
          message: 'data before the #CHROM header line: is this a VCF file?',
        });
        stop = true;
        break reading;
      }
      stats.rows++;
      const f = line.split('\t');
      if (f.length < 8 || (columns.length > 8 && f.length !== columns.length)) {
        bump(stats.skipped, 'wrong-field-count');
        issues.add({
          severity: 'error',
          code: 'vcf.field-count',
          line: lineNo,
          message: `record has ${f.length} tab-separated fields, the header has ${columns.length}; record skipped`,
        });
        continue;
      }
      const chromRaw = f[0]!;
      const pos = Number(f[1]);
      const ref = f[3]!.toUpperCase();
      const altField = f[4]!;
      const filter = f[6]!;
      const info = f[7]!;
      if (!Number.isInteger(pos) || pos < 1 || !/^[ACGTN]+$/.test(ref)) {
        bump(stats.skipped, 'bad-record');
        issues.add({
          severity: 'error',
          code: 'vcf.bad-record',
          line: lineNo,
          field: Number.isInteger(pos) && pos >= 1 ? 'REF' : 'POS',
          message: `POS "${f[1]}" or REF "${f[3]}" is not valid; record skipped`,
        });
        continue;
      }
      if (altField === '.' || altField === '') {
        bump(stats.skipped, 'no-alt-allele');
        continue;
      }
      if (filter !== 'PASS' && filter !== '.') {
        bump(stats.skipped, 'filtered');
        issues.addFolded({
          severity: 'info',
          code: 'vcf.filtered',
          line: lineNo,
          field: 'FILTER',
          message: 'records whose FILTER is not PASS were skipped',
        });
        continue;
      }
      const alts = altField.split(',');
      const altsUpper = alts.map((x) => x.toUpperCase());
      const entries = layout ? annotationEntries(info, layout) : undefined;
      const vepForms = entries && layout?.annotator === 'vep' ? vepAlleles(ref, altsUpper) : altsUpper;
      // INFO/SOMATIC is the VCF spec's flag for somatic calls; otherwise we cannot tell from the file.
      const somatic = infoValue(info, 'SOMATIC') !== undefined;
      let formatKeys: string[] | undefined;
      let tumorValues: string[] | undefined;
      if (tumorCol >= 0) {
        formatKeys = f[8]?.split(':');
        tumorValues = f[tumorCol]?.split(':');
      }
      const fmt = (key: string): string | undefined => {
        if (!formatKeys || !tumorValues) return undefined;
        const i = formatKeys.indexOf(key);
        const v = i === -1 ? undefined : tumorValues[i];
        return v === undefined || v === '.' || v === '' ? undefined : v;
      };
      const carried = genotypeAlleles(fmt('GT'));
      const afs = fmt('AF')?.split(',');
      const ads = fmt('AD')?.split(',').map(Number);
      const dp = Number(fmt('DP'));
      const adSum =
        ads && ads.every((n) => Number.isInteger(n) && n >= 0) ? ads.reduce((a, b) => a + b, 0) : undefined;
      // Callers without AF/AD: FreeBayes writes RO (reference) and AO (per ALT) observation counts, VarScan FREQ
      // as a percentage ("12.5%").
      const ro = Number(fmt('RO'));
      const aos = fmt('AO')?.split(',').map(Number);
      const aoSum =
        aos && Number.isInteger(ro) && ro >= 0 && aos.every((n) => Number.isInteger(n) && n >= 0)
          ? aos.reduce((a, b) => a + b, ro)
          : undefined;
      const freqText = fmt('FREQ');
      const freq = freqText?.endsWith('%') ? Number(freqText.slice(0, -1)) / 100 : NaN;
      const chrom =
        chromRaw.length > 3 && chromRaw.slice(0, 3).toLowerCase() === 'chr' ? chromRaw.slice(3) : chromRaw;

      let made = 0;
      let symbolic = 0;
      for (let a = 0; a < alts.length; a++) {
        const alt = alts[a]!.toUpperCase();
        if (alt === '*' || alt === '.') continue; // '*' = allele missing due to an upstream deletion (VCF 4.3 §1.6.1)
        if (!/^[ACGTN]+$/.test(alt)) {
          symbolic++;
          continue;
        }
        if (carried !== null && !carried.has(a + 1)) continue;

        // Drop the shared padding base so the locus matches MAF conventions.
        let r = ref;
        let al = alt;
        let start = pos - 1;
        if (r.length !== al.length && r[0] === al[0]) {
          r = r.slice(1);
          al = al.slice(1);
          start += 1;
        }
        const locus: Locus = { chrom, start, end: start + r.length, ref: r || '-', alt: al || '-' };
        if (build) locus.build = build;

        const picked =
          layout && entries ? pickAnnotation(entries, layout, alt, vepForms![a]!, a, alts.length) : undefined;
        let geneText =
          picked?.gene ?? infoValue(info, 'GENE') ?? infoValue(info, 'GENEINFO')?.split(':')[0] ?? '';
        if (geneText === '.') geneText = '';
        let g: GeneResolution | undefined;
        if (geneText !== '') {
          g = geneCache.get(geneText);
          if (!g) {
            g = genes.resolve(geneText);
            geneCache.set(geneText, g);
          }
          if (!g.known) {
            issues.addFolded({
              severity: 'warning',
              code: 'gene.unknown',
              line: lineNo,
              message: `"${geneText}" is not a known HGNC symbol, alias or previous symbol; kept as written`,
            });
          }
        }
        let consequence: Consequence = 'unknown';
        if (picked?.terms !== undefined) {
          let cq = consequenceCache.get(picked.terms);
          if (cq === undefined) {
            cq = consequenceFromSo(picked.terms);
            consequenceCache.set(picked.terms, cq);
          }
          consequence = cq;
        }
        let protein: ProteinChange | null = null;
        const hgvsp = picked?.hgvsp !== undefined ? stripPrefix(picked.hgvsp) : undefined;
        if (hgvsp !== undefined) {
          const c = proteinCache.get(hgvsp);
          if (c !== undefined) protein = c;
          else {
            protein = normalizeProteinChange(hgvsp);
            proteinCache.set(hgvsp, protein);
          }
        }
        const alteration = protein && protein.canonical !== '?' ? protein.canonical : null;
        const exon = parseExon(picked?.exon);
        let proteinStart = protein?.start;
        let proteinEnd = protein?.end;
        if (proteinStart === undefined && alteration !== null && picked?.proteinPosition !== undefined) {
          const span = picked.proteinPosition.split('/')[0]!.split('-').map(Number);
          if (span[0] !== undefined && Number.isInteger(span[0]) && span[0] > 0) {
            proteinStart = span[0];
            proteinEnd =
              span[1] !== undefined && Number.isInteger(span[1]) && span[1] >= span[0] ? span[1] : span[0];
          }
        }
        if (proteinEnd === undefined) proteinEnd = proteinStart;
        const symbol = g?.symbol ?? geneText;
        const m: Mutation = {
          kind: 'mutation',
          gene: symbol,
          alteration,
          consequence,
          classes: classesFor(symbol, consequence, alteration, proteinStart, proteinEnd, exon),
          somaticStatus: 'unknown',
          originalText: `${chromRaw}:${pos} ${f[3]}>${alts[a]}${geneText ? ` ${geneText}` : ''}${hgvsp ? ` ${hgvsp}` : ''}`,
          origin: { file, line: lineNo },
          locus,
        };
        if (somatic) m.somaticStatus = 'somatic';
        if (g?.changed) m.geneInput = geneText;
        if (g?.isoform !== undefined) m.isoform = g.isoform;
        if (proteinStart !== undefined) m.proteinStart = proteinStart;
        if (proteinEnd !== undefined) m.proteinEnd = proteinEnd;
        if (picked?.terms !== undefined) m.variantClassification = picked.terms;
        if (exon !== undefined) m.exon = exon;
        if (picked?.hgvsc !== undefined) m.cdna = stripPrefix(picked.hgvsc);
        if (picked?.transcript !== undefined) m.transcript = picked.transcript;
        const af = afs ? Number(afs[a]) : NaN;
        if (Number.isFinite(af) && af >= 0 && af <= 1) m.vaf = af;
        else if (adSum !== undefined && adSum > 0 && ads![a + 1] !== undefined) m.vaf = ads![a + 1]! / adSum;
        else if (aoSum !== undefined && aoSum > 0 && aos![a] !== undefined) m.vaf = aos![a]! / aoSum;
        else if (alts.length === 1 && Number.isFinite(freq) && freq >= 0 && freq <= 1) m.vaf = freq;
        if (Number.isInteger(dp) && dp >= 0) m.depth = dp;
        else if (adSum !== undefined) m.depth = adSum;
        else if (aoSum !== undefined) m.depth = aoSum;
        sample.alterations.push(m);
        made++;
      }
      if (made > 0) {
        stats.used++;
        if (!layout && !warnedUnannotated) {
          warnedUnannotated = true;
          issues.add({
            severity: 'warning',
            code: 'vcf.unannotated',
            line: lineNo,
            message: `no VEP (INFO/CSQ) or SnpEff (INFO/ANN) annotation: variants are kept by position only, without gene or protein change, so nothing can be matched to therapies. Annotate first, e.g. \`${VEP_COMMAND}\` or \`${SNPEFF_COMMAND}\`, then read the annotated file`,
          });
        }
      } else if (symbolic > 0) bump(stats.skipped, 'symbolic-allele');
      else bump(stats.skipped, 'not-in-tumor-sample');
    }
  }
  if (!stop && columns === null && !result.issues.some((i) => i.severity === 'error')) {
    issues.add({
      severity: 'error',
      code: 'vcf.missing-header',
      message: 'no #CHROM header line: the file is empty or not a VCF',
    });
  }
  issues.finish();
  if (sample) result.samples.push(sample);
  return result;
}

export const vcfReader: ReaderModule = {
  format: 'vcf',
  description: 'Variant Call Format 4.1–4.3 (.vcf, .vcf.gz), annotated with VEP (CSQ) or SnpEff (ANN)',
  sniff(head, fileName) {
    const first = head[0] ?? '';
    if (first.startsWith('##fileformat=VCF')) return 0.99;
    if (head.some((l) => l.startsWith('#CHROM\tPOS\tID\tREF\tALT'))) return 0.9;
    return /\.vcf(\.gz|\.bgz)?$/i.test(fileName) ? 0.3 : 0;
  },
  read: readVcf,
};
