import type { Fusion, Issue } from '../domain/index.js';
import type { NormalizeContext } from '../normalize/context.js';
import { makeFusion, parseFusionText, type FusionParts } from '../normalize/typed.js';
import type { ReaderModule } from './registry.js';
import { IssueLimiter, findColumn, headerCells, isMissing, readTable } from './tsv-table.js';
import {
  bump,
  emptyStats,
  type ReadOptions,
  type ReadResult,
  type ReadStats,
  type SampleData,
} from './types.js';

/**
 * Structural variants and fusions.
 *
 * `svReader` reads the cBioPortal SV format (data_sv.txt: Sample_Id, SV_Status, Site1_Hugo_Symbol,
 * Site2_Hugo_Symbol, Site2_Effect_on_Frame, Class, Connection_Type, Event_Info…) and oncokb-annotator's
 * example_sv.txt (Tumor_Sample_Barcode, GeneA, GeneB, Sv_Type).
 *
 * Orientation: the site order in data_sv.txt is not 5′→3′ (MSK writes `RET | CCDC6 | Protein fusion: in frame
 * (CCDC6-RET)`), so the 5′/3′ partners come from Event_Info when it names them (`(CCDC6-RET)`,
 * `ROS1-TMEM181 Fusion`), else from the site order, and the description says so. Intragenic events (both
 * breakpoints in one gene, `X-intragenic`, "Deletion within transcript") are kept as a Fusion flagged
 * `intragenic` — a rearrangement of one gene, never matched as a partner fusion. A breakpoint in an
 * intergenic region leaves that partner null.
 *
 * `fusionListReader` reads fusion names one per row: cBioPortal's older fusion file (Hugo_Symbol, Fusion,
 * Tumor_Sample_Barcode; two rows per event, folded into one), oncokb example_fusions.txt, or a plain list
 * (`EML4::ALK`, `KIF5B-RET fusion`, `ALK rearrangement`, optionally `sample<TAB>fusion`).
 */

const SAMPLE_COLS = ['Sample_Id', 'Sample_ID', 'Tumor_Sample_Barcode', 'SAMPLE_ID', 'Sample'];

interface SvCols {
  sample: number;
  g1: number;
  g2: number;
  status: number;
  cls: number;
  frame: number;
  event: number;
  annotation: number;
}

function frameOf(text: string): boolean | undefined {
  const t = text.toLowerCase();
  if (/out[\s-]of[\s-]frame|frameshift/.test(t)) return false;
  if (/in[\s-]frame/.test(t)) return true;
  return undefined;
}

interface Oriented {
  parts: FusionParts | null;
  note?: string;
}

/** 5′/3′ partners from Event_Info and the two site genes. */
export function orientSv(g1: string, g2: string, eventInfo: string, ctx: NormalizeContext): Oriented {
  const ev = eventInfo.trim();
  const inParens = /\(([^()\s]+-[^()\s]+)\)\s*$/.exec(ev);
  if (inParens) {
    const p = parseFusionText(`${inParens[1]!} fusion`, ctx);
    if (p !== null && p.gene5 !== null) return { parts: p };
  }
  const named = /^(\S+)\s+fusion$/i.exec(ev);
  if (named && !/intragenic|inter[a-z]*g[ae]nic/i.test(named[1]!)) {
    const p = parseFusionText(ev, ctx);
    if (p !== null && p.gene5 !== null) return { parts: p };
  }
  const a = g1 === '' ? null : ctx.genes.resolve(g1).symbol;
  const b = g2 === '' ? null : ctx.genes.resolve(g2).symbol;
  if (/intragenic|within transcript/i.test(ev) && (a ?? b) !== null) {
    const g = (a ?? b)!;
    return { parts: { gene5: g, gene3: g, intragenic: true } };
  }
  if (/inter[a-z]*g[ae]nic/i.test(ev)) {
    // `ATP1B2-intergenic` (MSK also writes "interganic"): one gene and an intergenic breakpoint.
    const g = /^([^\s-]+(?:-[^\s-]+)*?)-inter[a-z]*g[ae]nic/i.exec(ev)?.[1];
    const gene = g !== undefined ? ctx.genes.resolve(g).symbol : (a ?? b);
    return gene === null
      ? { parts: null }
      : { parts: { gene5: gene, gene3: null, intragenic: false }, note: 'other breakpoint intergenic' };
  }
  if (a === null && b === null) return { parts: null };
  if (a !== null && a === b) return { parts: { gene5: a, gene3: a, intragenic: true } };
  return {
    parts: { gene5: a, gene3: b, intragenic: false },
    note: 'orientation not stated; partners in file order',
  };
}

async function readSv(path: string, options: ReadOptions): Promise<ReadResult> {
  const file = options.displayName ?? path;
  const issues: Issue[] = [];
  const lim = new IssueLimiter(issues);
  const stats = emptyStats();
  const bySample = new Map<string, SampleData>();
  const seen = new Set<string>();
  let c: SvCols = { sample: -1, g1: -1, g2: -1, status: -1, cls: -1, frame: -1, event: -1, annotation: -1 };
  const ctx = options.ctx;
  const checkedGenes = new Set<string>();
  const orientCache = new Map<string, Oriented>();

  await readTable(
    path,
    { issues, displayName: file, signal: options.signal, onProgress: options.onProgress },
    {
      header(cells, line) {
        c = {
          sample: findColumn(cells, ...SAMPLE_COLS),
          g1: findColumn(cells, 'Site1_Hugo_Symbol', 'GeneA', 'Gene1', 'Gene_A', 'Site1_Gene'),
          g2: findColumn(cells, 'Site2_Hugo_Symbol', 'GeneB', 'Gene2', 'Gene_B', 'Site2_Gene'),
          status: findColumn(cells, 'SV_Status'),
          cls: findColumn(cells, 'Class', 'Sv_Type', 'SV_Type', 'Variant_Class'),
          frame: findColumn(cells, 'Site2_Effect_on_Frame', 'Frame', 'Effect_on_Frame'),
          event: findColumn(cells, 'Event_Info', 'Fusion'),
          annotation: findColumn(cells, 'Annotation'),
        };
        const missing = [
          c.sample === -1 ? 'Sample_Id' : '',
          c.g1 === -1 && c.g2 === -1 ? 'Site1_Hugo_Symbol/Site2_Hugo_Symbol' : '',
        ].filter((x) => x !== '');
        if (missing.length > 0) {
          issues.push({
            severity: 'error',
            code: 'sv.missing-column',
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
        const sid = cells[c.sample]!;
        if (isMissing(sid)) {
          bump(stats.skipped, 'no-sample');
          lim.add({
            severity: 'warning',
            code: 'sv.no-sample',
            file,
            line,
            field: 'Sample_Id',
            message: 'row has no sample id; skipped',
          });
          return;
        }
        const s = sampleOf(bySample, sid);
        const g1 = c.g1 === -1 || isMissing(cells[c.g1]) ? '' : cells[c.g1]!;
        const g2 = c.g2 === -1 || isMissing(cells[c.g2]) ? '' : cells[c.g2]!;
        const ev = c.event === -1 || isMissing(cells[c.event]) ? '' : cells[c.event]!;
        // Cohort files repeat the same events; orientation depends only on the two genes and Event_Info.
        const ok = `${g1}\t${g2}\t${ev}`;
        let o = orientCache.get(ok);
        if (o === undefined) {
          o = orientSv(g1, g2, ev, ctx);
          if (orientCache.size < 100_000) orientCache.set(ok, o);
        }
        if (o.parts === null) {
          bump(stats.skipped, 'no-gene');
          lim.add({
            severity: 'warning',
            code: 'sv.no-gene',
            file,
            line,
            message: 'neither breakpoint names a gene; skipped',
          });
          return;
        }
        for (const g of [g1, g2]) {
          if (g === '' || checkedGenes.has(g)) continue;
          checkedGenes.add(g);
          if (!ctx.genes.resolve(g).known) {
            lim.add({
              severity: 'warning',
              code: 'gene.unknown',
              file,
              line,
              message: `"${g}" is not a known HGNC symbol, alias or previous symbol; kept as written`,
            });
          }
        }
        const statusText = c.status === -1 ? '' : cells[c.status]!.toLowerCase();
        const somaticStatus: Fusion['somaticStatus'] =
          statusText === 'germline' ? 'germline' : statusText === 'somatic' ? 'somatic' : 'unknown';
        const frame = frameOf(c.frame === -1 ? ev : `${cells[c.frame]} ${ev}`);
        const svClass = c.cls === -1 || isMissing(cells[c.cls]) ? undefined : cells[c.cls]!;
        const description = [ev, o.note].filter((x) => x !== undefined && x !== '').join('; ');
        const f = makeFusion({
          gene5: o.parts.gene5,
          gene3: o.parts.gene3,
          intragenic: o.parts.intragenic,
          originalText: [g1, g2, ev].filter((x) => x !== '').join(' | '),
          origin: { file, line },
          ...(svClass !== undefined ? { svClass } : {}),
          ...(frame !== undefined ? { inFrame: frame } : {}),
          ...(description !== '' ? { description } : {}),
          somaticStatus,
        });
        if (f === null) {
          bump(stats.skipped, 'no-gene');
          return;
        }
        // Same event listed twice (some pipelines write one row per breakpoint): keep the first.
        const k = `${sid}\t${f.alteration}\t${f.svClass ?? ''}\t${f.description ?? ''}`;
        if (seen.has(k)) {
          bump(stats.skipped, 'duplicate');
          return;
        }
        seen.add(k);
        // As in the MAF reader: germline events are kept (flagged) but not counted as used somatic rows.
        if (somaticStatus === 'germline') bump(stats.flagged, 'germline');
        else stats.used++;
        s.alterations.push(f);
      },
    },
  );
  lim.flush();
  return { file, format: 'sv', samples: [...bySample.values()], patients: [], issues, stats };
}

function sampleOf(map: Map<string, SampleData>, id: string): SampleData {
  let s = map.get(id);
  if (s === undefined) {
    s = { id, alterations: [], biomarkers: [] };
    map.set(id, s);
  }
  return s;
}

/** One fusion name (`EML4::ALK`, `ALK-EML4`, `MLL2-intragenic`, `ETV6-RUNX1 fusion`, `ALK rearrangement`). */
function fusionFromName(
  text: string,
  ctx: NormalizeContext,
  file: string,
  line: number,
  frame?: boolean,
): Fusion | null {
  // `ALK-EML4` with a partner the gene list does not know is still a fusion name; a lone word is not.
  const p =
    parseFusionText(text, ctx) ?? (/::|-|\//.test(text) ? parseFusionText(`${text} fusion`, ctx) : null);
  if (p === null) return null;
  const f = makeFusion({
    gene5: p.gene5,
    gene3: p.gene3,
    intragenic: p.intragenic,
    originalText: text,
    origin: { file, line },
    ...(p.only !== undefined ? { gene: p.only } : {}),
    ...(frame !== undefined ? { inFrame: frame } : {}),
  });
  return f;
}

async function readFusionList(path: string, options: ReadOptions): Promise<ReadResult> {
  const file = options.displayName ?? path;
  const issues: Issue[] = [];
  const lim = new IssueLimiter(issues);
  const stats: ReadStats = emptyStats();
  const bySample = new Map<string, SampleData>();
  const seen = new Set<string>();
  const ctx = options.ctx;
  const defaultSample = options.sampleId ?? 'sample-1';
  let sCol = -1;
  let fCol = 0;
  let frameCol = -1;
  let headerless = false;

  const handle = (cells: string[], line: number): void => {
    stats.rows++;
    const sid = sCol === -1 ? defaultSample : cells[sCol]!;
    const text = cells[fCol] ?? '';
    if (isMissing(sid)) {
      bump(stats.skipped, 'no-sample');
      lim.add({
        severity: 'warning',
        code: 'fusion.no-sample',
        file,
        line,
        message: 'row has no sample id; skipped',
      });
      return;
    }
    const s = sampleOf(bySample, sid);
    if (isMissing(text)) {
      bump(stats.skipped, 'empty');
      return;
    }
    const frame = frameCol === -1 ? undefined : frameOf(cells[frameCol]!);
    const f = fusionFromName(text, ctx, file, line, frame);
    if (f === null) {
      bump(stats.skipped, 'unreadable');
      lim.add({
        severity: 'warning',
        code: 'fusion.unreadable',
        file,
        line,
        field: 'Fusion',
        message: `"${text}" is not a fusion name we can read (expected e.g. "EML4::ALK", "KIF5B-RET fusion", "ALK rearrangement")`,
      });
      return;
    }
    for (const g of [f.gene5, f.gene3, f.gene]) {
      if (g !== null && !ctx.genes.resolve(g).known) {
        lim.add({
          severity: 'warning',
          code: 'gene.unknown',
          file,
          line,
          field: 'Fusion',
          message: `"${g}" is not a known HGNC symbol, alias or previous symbol; kept as written`,
        });
        break;
      }
    }
    const k = `${sid}\t${f.alteration}`;
    if (seen.has(k)) {
      bump(stats.skipped, 'duplicate');
      return;
    }
    seen.add(k);
    stats.used++;
    s.alterations.push(f);
  };

  await readTable(
    path,
    { issues, displayName: file, signal: options.signal, onProgress: options.onProgress },
    {
      header(cells, line) {
        const fc = findColumn(cells, 'Fusion', 'Fusion_Name', 'Event_Info', 'Alteration');
        if (fc !== -1) {
          fCol = fc;
          sCol = findColumn(cells, ...SAMPLE_COLS);
          frameCol = findColumn(cells, 'Frame');
          return true;
        }
        // No header: every row is data. `sample<TAB>fusion` or just `fusion`.
        headerless = true;
        if (cells.length >= 2) {
          sCol = 0;
          fCol = 1;
        }
        handle(cells, line);
        return true;
      },
      row: handle,
    },
  );
  if (headerless && stats.used === 0 && stats.rows > 0) {
    issues.push({
      severity: 'error',
      code: 'fusion.no-fusions',
      file,
      message: 'no line could be read as a fusion; expected a "Fusion" column or lines such as "EML4::ALK"',
    });
  }
  lim.flush();
  return { file, format: 'fusion-list', samples: [...bySample.values()], patients: [], issues, stats };
}

export const svReader: ReaderModule = {
  format: 'sv',
  description: 'cBioPortal structural variants (data_sv.txt) and oncokb-annotator GeneA/GeneB SV tables',
  sniff(head, fileName) {
    const h = headerCells(head);
    if (findColumn(h, 'Site1_Hugo_Symbol') !== -1 || findColumn(h, 'Site2_Hugo_Symbol') !== -1) return 0.98;
    if (findColumn(h, 'GeneA') !== -1 && findColumn(h, 'GeneB') !== -1) return 0.95;
    return /(^|[_.-])sv([_.-]|$)/i.test(fileName) && findColumn(h, ...SAMPLE_COLS) !== -1 ? 0.3 : 0;
  },
  read: readSv,
};

const FUSION_LINE =
  /^(?:[^\t]+\t)?[A-Za-z][\w.-]*(?:\s*(?:::|--|-|\/)\s*[A-Za-z][\w.-]*)?(?:\s+(?:fusion|rearrangement|rearranged|translocation))?$/i;

export const fusionListReader: ReaderModule = {
  format: 'fusion-list',
  description: 'Fusion names one per row (Tumor_Sample_Barcode + Fusion, or lines such as "EML4::ALK")',
  sniff(head) {
    const h = headerCells(head);
    if (findColumn(h, 'Fusion') !== -1 && findColumn(h, 'Site1_Hugo_Symbol', 'Variant_Classification') === -1)
      return 0.9;
    const lines = head.filter((l) => l.trim() !== '' && !l.startsWith('#'));
    if (lines.length === 0) return 0;
    const fusionish = lines.filter(
      (l) => FUSION_LINE.test(l.trim()) && /::|-|fusion|rearrange|translocat/i.test(l),
    ).length;
    return fusionish === lines.length ? 0.6 : 0;
  },
  read: readFusionList,
};
