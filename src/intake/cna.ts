import type { CopyNumber, CopyNumberChange, Issue } from '../domain/index.js';
import type { NormalizeContext } from '../normalize/context.js';
import { CNA_LABEL } from '../normalize/typed.js';
import type { ReaderModule } from './registry.js';
import { IssueLimiter, findColumn, headerCells, isMissing, readTable } from './tsv-table.js';
import { bump, emptyStats, type ReadOptions, type ReadResult, type SampleData } from './types.js';

/**
 * Copy-number readers.
 *
 * Discrete matrix (cBioPortal File Formats, "Discrete Copy Number Data", data_cna.txt; also the GISTIC
 * `all_thresholded.by_genes` layout used by oncokb-annotator's example_cna.txt): one row per gene
 * (`Hugo_Symbol` and/or `Entrez_Gene_Id`, or `Gene Symbol` / `Locus ID` / `Cytoband`), one column per sample.
 * Values: -2 deep (homozygous) deletion, -1.5 hemizygous deletion, -1 shallow (one-copy) deletion, 0 diploid,
 * 1 low-level gain, 2 high-level amplification; NA or empty = not called.
 *
 * Long "individual CNA" format (oncokb-annotator example_individual_cna.txt): sample, gene, and a value that
 * is either one of the numbers above or a word (Amplification, Gain, Deletion, Loss…).
 *
 * Decision: every non-diploid call becomes a CopyNumber alteration. Only amplification and deep deletion are
 * usually actionable, but gains and one-copy losses are kept so cohort summaries and reports can show them;
 * the interpreter decides what matters. Diploid and NA cells produce nothing and are counted in
 * `stats.skipped` (`diploid`, `not-called`), so each cell is accounted for: rows = used + Σ skipped.
 */

const DISCRETE: ReadonlyMap<number, CopyNumberChange> = new Map([
  [-2, 'deepDeletion'],
  [-1.5, 'hemizygousDeletion'],
  [-1, 'shallowDeletion'],
  [0, 'diploid'],
  [1, 'gain'],
  [2, 'amplification'],
]);

/** Words used in long CNA files and by oncokb-annotator (`Deletion` = deep, `Loss` = one copy). */
const WORDS: Record<string, CopyNumberChange> = {
  amplification: 'amplification',
  amp: 'amplification',
  amplified: 'amplification',
  gain: 'gain',
  diploid: 'diploid',
  neutral: 'diploid',
  shallowdeletion: 'shallowDeletion',
  loss: 'shallowDeletion',
  hetloss: 'shallowDeletion',
  heterozygousdeletion: 'shallowDeletion',
  hemizygousdeletion: 'hemizygousDeletion',
  deletion: 'deepDeletion',
  deepdeletion: 'deepDeletion',
  homdel: 'deepDeletion',
  homozygousdeletion: 'deepDeletion',
};

/** A discrete value or word → state, or undefined when it is neither. */
export function cnaChange(value: string): { change: CopyNumberChange; value?: number } | undefined {
  const t = value.trim();
  if (/^[+-]?\d+(?:\.\d+)?$/.test(t)) {
    const n = Number(t);
    const c = DISCRETE.get(n);
    return c !== undefined ? { change: c, value: n } : undefined;
  }
  const w = WORDS[t.toLowerCase().replace(/[\s_-]+/g, '')];
  return w !== undefined ? { change: w } : undefined;
}

const GENE_COLS = ['Hugo_Symbol', 'Gene Symbol', 'Gene', 'Hugo Symbol', 'Gene_Symbol'];
const NON_SAMPLE_COLS = new Set([
  'hugosymbol',
  'genesymbol',
  'gene',
  'entrezgeneid',
  'locusid',
  'cytoband',
  'entrez',
  'geneid',
]);
const LONG_SAMPLE_COLS = ['Tumor_Sample_Barcode', 'Sample_Id', 'SAMPLE_ID', 'Sample'];
const LONG_VALUE_COLS = ['Copy_Number_Alteration', 'CNA', 'Alteration', 'Value', 'Copy_Number', 'Call'];

class GeneCache {
  private readonly cache = new Map<string, { gene: string; geneInput?: string; known: boolean }>();
  constructor(private readonly ctx: NormalizeContext) {}
  get(sym: string): { gene: string; geneInput?: string; known: boolean } {
    let r = this.cache.get(sym);
    if (r === undefined) {
      const res = this.ctx.genes.resolve(sym);
      r = { gene: res.symbol, known: res.known };
      if (res.symbol !== sym) r.geneInput = sym;
      this.cache.set(sym, r);
    }
    return r;
  }
}

function alteration(
  gene: { gene: string; geneInput?: string },
  change: CopyNumberChange,
  originalText: string,
  file: string,
  line: number,
  value?: number,
): CopyNumber {
  const a: CopyNumber = {
    kind: 'copyNumber',
    gene: gene.gene,
    alteration: CNA_LABEL[change],
    change,
    originalText,
    origin: { file, line },
  };
  if (gene.geneInput !== undefined) a.geneInput = gene.geneInput;
  if (value !== undefined) a.value = value;
  return a;
}

async function readDiscrete(path: string, options: ReadOptions): Promise<ReadResult> {
  const file = options.displayName ?? path;
  const issues: Issue[] = [];
  const lim = new IssueLimiter(issues);
  const stats = emptyStats();
  const genes = new GeneCache(options.ctx);
  let geneCol = -1;
  let entrezCol = -1;
  let sampleCols: number[] = [];
  let samples: SampleData[] = [];
  const warnedGenes = new Set<string>();
  const seenGeneRows = new Map<string, number>();
  const valueCache = new Map<string, ReturnType<typeof cnaChange>>();

  await readTable(
    path,
    { issues, displayName: file, signal: options.signal, onProgress: options.onProgress },
    {
      header(cells, line) {
        geneCol = findColumn(cells, ...GENE_COLS);
        entrezCol = findColumn(cells, 'Entrez_Gene_Id', 'Locus ID');
        if (geneCol === -1) {
          issues.push({
            severity: 'error',
            code: 'cna.missing-column',
            file,
            line,
            field: 'Hugo_Symbol',
            message: `no gene symbol column (Hugo_Symbol or "Gene Symbol")${cells.length === 1 ? '; the header has one column — is the file tab-separated?' : ''}`,
          });
          return false;
        }
        sampleCols = [];
        cells.forEach((c, i) => {
          if (!NON_SAMPLE_COLS.has(c.toLowerCase().replace(/[\s_\-.]+/g, '')) && c !== '') sampleCols.push(i);
        });
        if (sampleCols.length === 0) {
          issues.push({
            severity: 'error',
            code: 'cna.no-samples',
            file,
            line,
            message: 'the header names no sample columns after the gene columns',
          });
          return false;
        }
        samples = sampleCols.map((i) => ({ id: cells[i]!, alterations: [], biomarkers: [] }));
        return true;
      },
      row(cells, line) {
        const sym = cells[geneCol]!;
        if (isMissing(sym)) {
          stats.rows += sampleCols.length;
          bump(stats.skipped, 'no-gene', sampleCols.length);
          lim.add({
            severity: 'warning',
            code: 'cna.no-gene',
            file,
            line,
            field: 'Hugo_Symbol',
            message: `row has no gene symbol${entrezCol !== -1 && !isMissing(cells[entrezCol]) ? ` (Entrez ${cells[entrezCol]})` : ''}; skipped`,
          });
          return;
        }
        const g = genes.get(sym);
        if (!g.known && !warnedGenes.has(sym)) {
          warnedGenes.add(sym);
          lim.add({
            severity: 'warning',
            code: 'gene.unknown',
            file,
            line,
            field: 'Hugo_Symbol',
            message: `"${sym}" is not a known HGNC symbol, alias or previous symbol; kept as written`,
          });
        }
        const prev = seenGeneRows.get(g.gene);
        if (prev !== undefined) {
          lim.add({
            severity: 'warning',
            code: 'cna.duplicate-gene',
            file,
            line,
            field: 'Hugo_Symbol',
            message: `${g.gene} already has a row (line ${prev}); both rows are kept`,
          });
        } else seenGeneRows.set(g.gene, line);
        let diploid = 0;
        for (let k = 0; k < sampleCols.length; k++) {
          const v = cells[sampleCols[k]!]!;
          // Most cells are "0": count them without the general parse (matrices reach millions of cells).
          if (v === '0') {
            diploid++;
            continue;
          }
          stats.rows++;
          if (isMissing(v)) {
            bump(stats.skipped, 'not-called');
            continue;
          }
          let c = valueCache.get(v);
          if (c === undefined && !valueCache.has(v)) {
            c = cnaChange(v);
            valueCache.set(v, c);
          }
          if (c === undefined || c.value === undefined) {
            bump(stats.skipped, 'bad-value');
            lim.add({
              severity: 'warning',
              code: 'cna.bad-value',
              file,
              line,
              column: sampleCols[k]! + 1,
              field: samples[k]!.id,
              message: `"${v}" is not a discrete copy-number value (-2, -1.5, -1, 0, 1, 2 or NA)`,
            });
            continue;
          }
          if (c.change === 'diploid') {
            bump(stats.skipped, 'diploid');
            continue;
          }
          stats.used++;
          samples[k]!.alterations.push(alteration(g, c.change, `${sym} ${v}`, file, line, c.value));
        }
        if (diploid > 0) {
          stats.rows += diploid;
          bump(stats.skipped, 'diploid', diploid);
        }
      },
    },
  );
  lim.flush();
  return { file, format: 'cna-discrete', samples, patients: [], issues, stats };
}

async function readLong(path: string, options: ReadOptions): Promise<ReadResult> {
  const file = options.displayName ?? path;
  const issues: Issue[] = [];
  const lim = new IssueLimiter(issues);
  const stats = emptyStats();
  const genes = new GeneCache(options.ctx);
  const bySample = new Map<string, SampleData>();
  let sCol = -1;
  let gCol = -1;
  let vCol = -1;
  const warnedGenes = new Set<string>();

  await readTable(
    path,
    { issues, displayName: file, signal: options.signal, onProgress: options.onProgress },
    {
      header(cells, line) {
        sCol = findColumn(cells, ...LONG_SAMPLE_COLS);
        gCol = findColumn(cells, ...GENE_COLS);
        vCol = findColumn(cells, ...LONG_VALUE_COLS);
        const missing = [
          sCol === -1 ? 'Tumor_Sample_Barcode' : '',
          gCol === -1 ? 'Hugo_Symbol' : '',
          vCol === -1 ? 'Copy_Number_Alteration' : '',
        ].filter((x) => x !== '');
        if (missing.length > 0) {
          issues.push({
            severity: 'error',
            code: 'cna.missing-column',
            file,
            line,
            field: missing.join(', '),
            message: `missing column(s): ${missing.join(', ')}${cells.length === 1 ? ' (the header has one column — is the file tab-separated?)' : ''}`,
          });
          return false;
        }
        return true;
      },
      row(cells, line) {
        stats.rows++;
        const sid = cells[sCol]!;
        const sym = cells[gCol]!;
        const v = cells[vCol]!;
        if (isMissing(sid)) {
          bump(stats.skipped, 'no-sample');
          lim.add({
            severity: 'warning',
            code: 'cna.no-sample',
            file,
            line,
            field: 'Tumor_Sample_Barcode',
            message: 'row has no sample id; skipped',
          });
          return;
        }
        let s = bySample.get(sid);
        if (s === undefined) {
          s = { id: sid, alterations: [], biomarkers: [] };
          bySample.set(sid, s);
        }
        if (isMissing(sym)) {
          bump(stats.skipped, 'no-gene');
          lim.add({
            severity: 'warning',
            code: 'cna.no-gene',
            file,
            line,
            field: 'Hugo_Symbol',
            message: 'row has no gene symbol; skipped',
          });
          return;
        }
        if (isMissing(v)) {
          bump(stats.skipped, 'not-called');
          return;
        }
        const c = cnaChange(v);
        if (c === undefined) {
          bump(stats.skipped, 'bad-value');
          lim.add({
            severity: 'warning',
            code: 'cna.bad-value',
            file,
            line,
            column: vCol + 1,
            field: 'Copy_Number_Alteration',
            message: `"${v}" is not a copy-number call (a value -2…2, or Amplification, Gain, Loss, Deletion…)`,
          });
          return;
        }
        if (c.change === 'diploid') {
          bump(stats.skipped, 'diploid');
          return;
        }
        const g = genes.get(sym);
        if (!g.known && !warnedGenes.has(sym)) {
          warnedGenes.add(sym);
          lim.add({
            severity: 'warning',
            code: 'gene.unknown',
            file,
            line,
            field: 'Hugo_Symbol',
            message: `"${sym}" is not a known HGNC symbol, alias or previous symbol; kept as written`,
          });
        }
        stats.used++;
        s.alterations.push(alteration(g, c.change, `${sym} ${v}`, file, line, c.value));
      },
    },
  );
  lim.flush();
  return { file, format: 'cna-long', samples: [...bySample.values()], patients: [], issues, stats };
}

/** Share of data cells in the head that are discrete values or NA. */
function discreteShare(head: readonly string[], skipCols: number): number {
  let ok = 0;
  let all = 0;
  let seenHeader = false;
  for (const l of head) {
    if (l.trim() === '' || l.startsWith('#')) continue;
    if (!seenHeader) {
      seenHeader = true;
      continue;
    }
    for (const c of l.split('\t').slice(skipCols)) {
      all++;
      if (isMissing(c) || DISCRETE.has(Number(c.trim()))) ok++;
    }
  }
  return all === 0 ? 0.5 : ok / all;
}

export const cnaDiscreteReader: ReaderModule = {
  format: 'cna-discrete',
  description:
    'cBioPortal discrete copy-number matrix (genes × samples, -2…2), also GISTIC thresholded tables',
  sniff(head, fileName) {
    const h = headerCells(head);
    if (findColumn(h, ...GENE_COLS) === -1) return 0;
    if (
      findColumn(h, ...LONG_SAMPLE_COLS) !== -1 ||
      findColumn(h, 'Variant_Classification', 'Fusion', 'Site1_Hugo_Symbol') !== -1
    )
      return 0;
    const nonSample = h.filter((c) => NON_SAMPLE_COLS.has(c.toLowerCase().replace(/[\s_\-.]+/g, ''))).length;
    if (h.length <= nonSample) return 0;
    const share = discreteShare(head, nonSample);
    const named = /cna|copy|gistic|thresholded/i.test(fileName) ? 0.05 : 0;
    return Math.min(1, share * 0.9 + named);
  },
  read: readDiscrete,
};

export const cnaLongReader: ReaderModule = {
  format: 'cna-long',
  description:
    'Copy-number calls one per line: sample, gene, value or word (oncokb-annotator individual CNA)',
  sniff(head) {
    const h = headerCells(head);
    if (findColumn(h, ...LONG_SAMPLE_COLS) === -1 || findColumn(h, ...GENE_COLS) === -1) return 0;
    return findColumn(h, 'Copy_Number_Alteration', 'CNA', 'Copy_Number') !== -1 ? 0.95 : 0;
  },
  read: readLong,
};
