import type { Biomarker, Issue, MetastaticSite, Sample } from '../domain/index.js';
import { mergeSite, resolveSite, resolveSites } from '../normalize/sites.js';
import { msiStatusFromScore } from '../normalize/typed.js';
import type { ReaderModule } from './registry.js';
import { IssueLimiter, columnKey, findColumn, headerCells, isMissing, readTable } from './tsv-table.js';
import {
  bump,
  emptyStats,
  type PatientData,
  type ReadOptions,
  type ReadResult,
  type SampleData,
} from './types.js';

/**
 * cBioPortal clinical files (File Formats, "Clinical data": data_clinical_sample.txt / data_clinical_patient.txt
 * with four `#` metadata lines above the attribute ids) and the gene panel matrix (data_gene_panel_matrix.txt).
 * oncokb-annotator's example_clinical.txt (SAMPLE_ID, ONCOTREE_CODE) is a sample file without the `#` lines.
 *
 * Sample attributes read: ONCOTREE_CODE (else CANCER_TYPE_DETAILED, CANCER_TYPE), SAMPLE_TYPE, METASTATIC_SITE /
 * METASTATIC_BIOPSY_SITE, FIRST_SITE_OF_METS / OTHER_SITES_OF_METS (lists) and METASTASES_SITE_FIRST_<SITE> flags,
 * GENE_PANEL, TMB_NONSYNONYMOUS (→ TMB biomarker, reported), MSI_STATUS / MSI_TYPE and MSI_SCORE (→ MSI
 * biomarker), AGE / AGE_AT_SEQ_REPORT, SEX. Other attributes are ignored.
 */

const TMB_HIGH = 10; // mut/Mb (FDA TMB-H threshold for pembrolizumab, 2020)

export function sexOf(text: string | undefined): Sample['sex'] | undefined {
  if (text === undefined || isMissing(text)) return undefined;
  const t = text.trim().toLowerCase();
  if (t === 'female' || t === 'f' || t === 'woman') return 'female';
  if (t === 'male' || t === 'm' || t === 'man') return 'male';
  if (t === 'other' || t === 'intersex') return 'other';
  return 'unknown';
}

/** MSK writes ages as numbers, `>89` or `<18` for de-identification; the bound is used as the value. */
export function ageOf(text: string | undefined): number | undefined {
  if (text === undefined || isMissing(text)) return undefined;
  const m = /^\s*[<>]?=?\s*(\d+(?:\.\d+)?)\s*$/.exec(text);
  if (!m) return undefined;
  const n = Number(m[1]);
  return n >= 0 && n <= 130 ? n : undefined;
}

export function sampleTypeOf(text: string | undefined): Sample['sampleType'] {
  if (text === undefined || isMissing(text)) return 'unknown';
  const t = text.trim().toLowerCase();
  if (/^primary/.test(t)) return 'primary';
  if (/^metasta/.test(t) || t === 'met') return 'metastasis';
  if (/recurren/.test(t)) return 'recurrence';
  if (/cfdna|plasma|ctdna|liquid|blood/.test(t)) return 'cfDNA';
  if (/^normal/.test(t)) return 'normal';
  return 'unknown';
}

/** MSI status words in cBioPortal files (MSS, MSI, MSI-H, Stable, Instable, Indeterminate, Do not report…). */
export function msiStatusOf(text: string): string | undefined {
  const t = text
    .trim()
    .toLowerCase()
    .replace(/[\s_]+/g, '-');
  if (/^(?:msi-?h|msi-?high|msi|instable|unstable|high)$/.test(t)) return 'MSI-H';
  if (/^(?:msi-?l|msi-?low|low)$/.test(t)) return 'MSI-L';
  if (/^(?:mss|stable|microsatellite-stable)$/.test(t)) return 'MSS';
  if (/^(?:indeterminate|inconclusive|equivocal)$/.test(t)) return 'indeterminate';
  return undefined;
}

interface SampleCols {
  sample: number;
  patient: number;
  oncotree: number;
  cancerType: number;
  cancerTypeDetailed: number;
  sampleType: number;
  metSite: number;
  biopsySite: number;
  siteLists: number[];
  siteFlags: Array<{ col: number; site: string }>;
  panel: number;
  tmb: number;
  msiStatus: number;
  msiScore: number;
  age: number;
  sex: number;
}

function siteColumns(header: readonly string[]): {
  lists: number[];
  flags: Array<{ col: number; site: string }>;
} {
  const lists: number[] = [];
  const flags: Array<{ col: number; site: string }> = [];
  header.forEach((h, i) => {
    const k = h.toUpperCase();
    if (
      k === 'FIRST_SITE_OF_METS' ||
      k === 'OTHER_SITES_OF_METS' ||
      k === 'METASTATIC_SITES' ||
      k === 'SITES_OF_METASTASIS'
    )
      lists.push(i);
    const flag = /^(?:METASTASES_SITE_FIRST|MET_SITE|METASTATIC_SITE)_(.+)$/.exec(k);
    if (flag) flags.push({ col: i, site: flag[1]!.replace(/_/g, ' ').replace(/\bLN\b/, 'lymph node') });
  });
  return { lists, flags };
}

// Site texts repeat across a cohort's rows (`Liver`, `Lung, Peritoneum`): resolve each once. Callers get
// copies, because mergeSite may update a listed site's status.
const SITE_CACHE_LIMIT = 4096;
const siteCache = new Map<string, MetastaticSite | null>();
const sitesCache = new Map<string, MetastaticSite[]>();

function cachedSite(text: string): MetastaticSite | null {
  let hit = siteCache.get(text);
  if (hit === undefined) {
    if (siteCache.size >= SITE_CACHE_LIMIT) siteCache.clear();
    siteCache.set(text, (hit = resolveSite(text)));
  }
  return hit === null ? null : { ...hit };
}

function cachedSites(text: string): MetastaticSite[] {
  let hit = sitesCache.get(text);
  if (hit === undefined) {
    if (sitesCache.size >= SITE_CACHE_LIMIT) sitesCache.clear();
    sitesCache.set(text, (hit = resolveSites(text)));
  }
  return hit.map((x) => ({ ...x }));
}

/** Sites from one row: the biopsy site of a metastasis, site lists and 0/1 flag columns. */
function rowSites(
  cells: readonly string[],
  c: Pick<SampleCols, 'metSite' | 'biopsySite' | 'siteLists' | 'siteFlags' | 'sampleType'>,
): MetastaticSite[] {
  const out: MetastaticSite[] = [];
  const isMet = c.sampleType !== -1 && sampleTypeOf(cells[c.sampleType]) === 'metastasis';
  for (const col of [c.metSite, c.biopsySite]) {
    if (col === -1) continue;
    const v = cells[col]!;
    if (isMissing(v)) continue;
    // The biopsy site of a metastasis is itself a metastatic site; for a primary it is the primary.
    if (c.sampleType !== -1 && !isMet) continue;
    const s = cachedSite(v);
    if (s !== null) mergeSite(out, s);
  }
  for (const col of c.siteLists) {
    const v = cells[col]!;
    if (isMissing(v) || /^\d+$/.test(v.trim())) continue; // crc_msk_2017 OTHER_SITES_OF_METS is a 0/1 flag
    for (const s of cachedSites(v)) mergeSite(out, s);
  }
  for (const f of c.siteFlags) {
    const v = (cells[f.col] ?? '').trim().toLowerCase();
    if (v === '1' || v === 'yes' || v === 'true') {
      const s = cachedSite(f.site);
      if (s !== null) mergeSite(out, { ...s, text: f.site.toLowerCase() });
    }
  }
  return out;
}

async function readClinicalSample(path: string, options: ReadOptions): Promise<ReadResult> {
  const file = options.displayName ?? path;
  const issues: Issue[] = [];
  const lim = new IssueLimiter(issues);
  const stats = emptyStats();
  const samples: SampleData[] = [];
  const seenIds = new Map<string, number>();
  const oncotreeCache = new Map<string, ReturnType<typeof options.ctx.oncotree.resolve>>();
  let c: SampleCols | undefined;

  await readTable(
    path,
    { issues, displayName: file, signal: options.signal, onProgress: options.onProgress },
    {
      header(cells, line) {
        const sites = siteColumns(cells);
        c = {
          sample: findColumn(cells, 'SAMPLE_ID', 'Tumor_Sample_Barcode', 'Sample_Id'),
          patient: findColumn(cells, 'PATIENT_ID'),
          oncotree: findColumn(cells, 'ONCOTREE_CODE'),
          cancerType: findColumn(cells, 'CANCER_TYPE'),
          cancerTypeDetailed: findColumn(cells, 'CANCER_TYPE_DETAILED'),
          sampleType: findColumn(cells, 'SAMPLE_TYPE'),
          metSite: findColumn(cells, 'METASTATIC_SITE'),
          biopsySite: findColumn(cells, 'METASTATIC_BIOPSY_SITE', 'BIOPSY_SITE'),
          siteLists: sites.lists,
          siteFlags: sites.flags,
          panel: findColumn(cells, 'GENE_PANEL'),
          tmb: findColumn(cells, 'TMB_NONSYNONYMOUS', 'TMB', 'TMB_SCORE'),
          msiStatus: findColumn(cells, 'MSI_STATUS', 'MSI_TYPE'),
          msiScore: findColumn(cells, 'MSI_SCORE'),
          age: findColumn(
            cells,
            'AGE',
            'AGE_AT_SEQ_REPORT',
            'AGE_AT_SEQUENCING',
            'AGE_AT_SEQ_REPORTED_YEARS',
            'AGE_AT_DIAGNOSIS',
          ),
          sex: findColumn(cells, 'SEX', 'GENDER'),
        };
        if (c.sample === -1) {
          issues.push({
            severity: 'error',
            code: 'clinical.missing-column',
            file,
            line,
            field: 'SAMPLE_ID',
            message: `no SAMPLE_ID column${cells.length === 1 ? ' (the header has one column — is the file tab-separated?)' : ''}`,
          });
          return false;
        }
        return true;
      },
      row(cells, line) {
        const col = c!;
        stats.rows++;
        const id = cells[col.sample]!;
        if (isMissing(id)) {
          bump(stats.skipped, 'no-sample');
          lim.add({
            severity: 'warning',
            code: 'clinical.no-sample',
            file,
            line,
            field: 'SAMPLE_ID',
            message: 'row has no SAMPLE_ID; skipped',
          });
          return;
        }
        const prev = seenIds.get(id);
        if (prev !== undefined) {
          lim.add({
            severity: 'warning',
            code: 'clinical.duplicate-sample',
            file,
            line,
            field: 'SAMPLE_ID',
            message: `${id} is listed again (first on line ${prev}); the facts are merged`,
          });
        } else seenIds.set(id, line);
        const s: SampleData = { id, alterations: [], biomarkers: [] };
        const origin = { file, line };
        if (col.patient !== -1 && !isMissing(cells[col.patient])) s.patientId = cells[col.patient]!;

        // Tumor type: the OncoTree code, else the detailed cancer type, else the cancer type. Older cohorts use
        // codes later retired from OncoTree (e.g. UCCC in msk_impact_2017); their detailed name usually resolves.
        const fields = [
          ['ONCOTREE_CODE', col.oncotree],
          ['CANCER_TYPE_DETAILED', col.cancerTypeDetailed],
          ['CANCER_TYPE', col.cancerType],
        ] as const;
        const given = fields
          .map(([name, i]) => ({ name, text: i === -1 ? '' : cells[i]! }))
          .filter((x) => !isMissing(x.text));
        const resolveCached = (text: string): ReturnType<typeof options.ctx.oncotree.resolve> => {
          let r = oncotreeCache.get(text);
          if (r === undefined) {
            r = options.ctx.oncotree.resolve(text);
            oncotreeCache.set(text, r);
          }
          return r;
        };
        const hit = given.find((x) => resolveCached(x.text).ref !== null);
        if (hit !== undefined) {
          s.tumorTypeInput = hit.text;
          s.tumorType = resolveCached(hit.text).ref!;
          const first = given[0]!;
          if (hit !== first) {
            lim.add({
              severity: 'info',
              code: 'oncotree.fallback',
              file,
              line,
              field: first.name,
              message: `${first.name} "${first.text}" is not in the current OncoTree; read ${hit.name} "${hit.text}" as ${s.tumorType.code}`,
            });
          }
        } else if (given.length > 0) {
          const first = given[0]!;
          s.tumorTypeInput = first.text;
          const r = resolveCached(first.text);
          lim.add({
            severity: 'warning',
            code: 'oncotree.unknown',
            file,
            line,
            field: first.name,
            message: `"${first.text}" is not a known OncoTree code or cancer type${r.suggestions.length > 0 ? ` (did you mean ${r.suggestions.slice(0, 3).join(', ')}?)` : ''}`,
          });
        }
        if (col.sampleType !== -1) s.sampleType = sampleTypeOf(cells[col.sampleType]);
        const biopsy = [col.metSite, col.biopsySite]
          .map((i) => (i === -1 ? '' : cells[i]!))
          .find((v) => !isMissing(v) && !/^not applicable$/i.test(v));
        if (biopsy !== undefined) s.biopsySite = biopsy;
        const sites = rowSites(cells, col);
        if (sites.length > 0) s.metastaticSites = sites;
        if (col.panel !== -1 && !isMissing(cells[col.panel])) s.panel = cells[col.panel]!;
        const age = col.age === -1 ? undefined : ageOf(cells[col.age]);
        if (age !== undefined) s.age = age;
        const sex = col.sex === -1 ? undefined : sexOf(cells[col.sex]);
        if (sex !== undefined) s.sex = sex;

        if (col.tmb !== -1 && !isMissing(cells[col.tmb])) {
          const v = Number(cells[col.tmb]);
          if (Number.isFinite(v) && v >= 0) {
            const shown = Math.round(v * 10) / 10;
            s.biomarkers.push({
              kind: 'biomarker',
              name: 'TMB',
              alteration: `TMB ${shown} mut/Mb`,
              status: v >= TMB_HIGH ? 'TMB-H' : 'TMB-L',
              value: v,
              unit: 'mut/Mb',
              method: 'NGS',
              provenance: 'reported',
              originalText: `TMB_NONSYNONYMOUS=${cells[col.tmb]}`,
              origin,
            });
          } else {
            lim.add({
              severity: 'warning',
              code: 'clinical.bad-number',
              file,
              line,
              field: 'TMB_NONSYNONYMOUS',
              message: `"${cells[col.tmb]}" is not a number; TMB not read`,
            });
          }
        }
        const msi = msiBiomarker(cells, col, origin, (m) =>
          lim.add({ severity: 'warning', code: 'clinical.bad-value', file, line, ...m }),
        );
        if (msi !== null) s.biomarkers.push(msi);
        stats.used++;
        samples.push(s);
      },
    },
  );
  lim.flush();
  return { file, format: 'clinical-sample', samples, patients: [], issues, stats };
}

function msiBiomarker(
  cells: readonly string[],
  c: SampleCols,
  origin: { file: string; line: number },
  warn: (m: { field: string; message: string }) => void,
): Biomarker | null {
  const statusText = c.msiStatus === -1 ? '' : cells[c.msiStatus]!;
  const scoreText = c.msiScore === -1 ? '' : cells[c.msiScore]!;
  let status = isMissing(statusText) ? undefined : msiStatusOf(statusText);
  if (!isMissing(statusText) && status === undefined && !/^do[\s_-]*not[\s_-]*report$/i.test(statusText)) {
    warn({
      field: 'MSI_STATUS',
      message: `"${statusText}" is not an MSI status we know (MSS, MSI-H, Stable, Instable, Indeterminate)`,
    });
  }
  let score: number | undefined;
  if (!isMissing(scoreText)) {
    const v = Number(scoreText);
    if (Number.isFinite(v) && v >= 0) score = v;
    else warn({ field: 'MSI_SCORE', message: `"${scoreText}" is not a number; MSI score not read` });
  }
  if (status === undefined && score === undefined) return null;
  // MSK MSIsensor convention when only the score is given (Middha et al., JCO Precis Oncol 2017).
  status ??= msiStatusFromScore(score!);
  const parts = [
    statusText && !isMissing(statusText) ? `MSI_STATUS=${statusText}` : '',
    score !== undefined ? `MSI_SCORE=${scoreText}` : '',
  ].filter((x) => x !== '');
  const b: Biomarker = {
    kind: 'biomarker',
    name: 'MSI',
    alteration: status === 'indeterminate' ? 'MSI indeterminate' : status,
    status,
    method: 'NGS',
    provenance: 'reported',
    originalText: parts.join(' '),
    origin,
  };
  if (score !== undefined) b.value = score;
  return b;
}

async function readClinicalPatient(path: string, options: ReadOptions): Promise<ReadResult> {
  const file = options.displayName ?? path;
  const issues: Issue[] = [];
  const lim = new IssueLimiter(issues);
  const stats = emptyStats();
  const patients: PatientData[] = [];
  let pCol = -1;
  let ageCol = -1;
  let sexCol = -1;
  let sites: ReturnType<typeof siteColumns> = { lists: [], flags: [] };

  await readTable(
    path,
    { issues, displayName: file, signal: options.signal, onProgress: options.onProgress },
    {
      header(cells, line) {
        pCol = findColumn(cells, 'PATIENT_ID');
        ageCol = findColumn(
          cells,
          'AGE',
          'CURRENT_AGE',
          'AGE_CURRENT',
          'AGE_AT_DIAGNOSIS',
          'AGE_AT_SEQ_REPORT',
        );
        sexCol = findColumn(cells, 'SEX', 'GENDER');
        sites = siteColumns(cells);
        if (pCol === -1) {
          issues.push({
            severity: 'error',
            code: 'clinical.missing-column',
            file,
            line,
            field: 'PATIENT_ID',
            message: `no PATIENT_ID column${cells.length === 1 ? ' (the header has one column — is the file tab-separated?)' : ''}`,
          });
          return false;
        }
        return true;
      },
      row(cells, line) {
        stats.rows++;
        const id = cells[pCol]!;
        if (isMissing(id)) {
          bump(stats.skipped, 'no-patient');
          lim.add({
            severity: 'warning',
            code: 'clinical.no-patient',
            file,
            line,
            field: 'PATIENT_ID',
            message: 'row has no PATIENT_ID; skipped',
          });
          return;
        }
        const p: PatientData = { id };
        const age = ageCol === -1 ? undefined : ageOf(cells[ageCol]);
        if (age !== undefined) p.age = age;
        const sex = sexCol === -1 ? undefined : sexOf(cells[sexCol]);
        if (sex !== undefined) p.sex = sex;
        const ms = rowSites(cells, {
          metSite: -1,
          biopsySite: -1,
          siteLists: sites.lists,
          siteFlags: sites.flags,
          sampleType: -1,
        });
        if (ms.length > 0) p.metastaticSites = ms;
        stats.used++;
        patients.push(p);
      },
    },
  );
  lim.flush();
  return { file, format: 'clinical-patient', samples: [], patients, issues, stats };
}

async function readGenePanelMatrix(path: string, options: ReadOptions): Promise<ReadResult> {
  const file = options.displayName ?? path;
  const issues: Issue[] = [];
  const lim = new IssueLimiter(issues);
  const stats = emptyStats();
  const samples: SampleData[] = [];
  let sCol = -1;
  let panelCols: number[] = [];
  let header: string[] = [];

  await readTable(
    path,
    { issues, displayName: file, signal: options.signal, onProgress: options.onProgress },
    {
      header(cells, line) {
        header = cells;
        sCol = findColumn(cells, 'SAMPLE_ID');
        // The mutation profile's panel first: it decides which genes were tested for mutations.
        const order = ['mutations', 'cna', 'structural_variants', 'fusion'];
        panelCols = cells.map((_, i) => i).filter((i) => i !== sCol);
        panelCols.sort((a, b) => rank(order, cells[a]!) - rank(order, cells[b]!));
        if (sCol === -1 || panelCols.length === 0) {
          issues.push({
            severity: 'error',
            code: 'panel.missing-column',
            file,
            line,
            field: sCol === -1 ? 'SAMPLE_ID' : 'mutations',
            message:
              sCol === -1
                ? 'no SAMPLE_ID column'
                : 'no profile columns (mutations, cna, structural_variants)',
          });
          return false;
        }
        return true;
      },
      row(cells, line) {
        stats.rows++;
        const id = cells[sCol]!;
        if (isMissing(id)) {
          bump(stats.skipped, 'no-sample');
          lim.add({
            severity: 'warning',
            code: 'panel.no-sample',
            file,
            line,
            field: 'SAMPLE_ID',
            message: 'row has no SAMPLE_ID; skipped',
          });
          return;
        }
        const values = panelCols.map((i) => cells[i]!).filter((v) => !isMissing(v));
        if (values.length === 0) {
          bump(stats.skipped, 'no-panel');
          return;
        }
        const distinct = [...new Set(values)];
        if (distinct.length > 1) {
          lim.add({
            severity: 'info',
            code: 'panel.differs-by-profile',
            file,
            line,
            message: `${id}: profiles use different panels (${panelCols.map((i) => `${header[i]}=${cells[i]}`).join(', ')}); the ${header[panelCols[0]!]} panel is kept`,
          });
        }
        stats.used++;
        samples.push({ id, panel: values[0]!, alterations: [], biomarkers: [] });
      },
    },
  );
  lim.flush();
  return { file, format: 'gene-panel-matrix', samples, patients: [], issues, stats };
}

function rank(order: readonly string[], name: string): number {
  const i = order.indexOf(
    columnKey(name) === 'structuralvariants' ? 'structural_variants' : name.toLowerCase(),
  );
  return i === -1 ? order.length : i;
}

const SAMPLE_ATTRS = [
  'ONCOTREE_CODE',
  'CANCER_TYPE',
  'SAMPLE_TYPE',
  'TMB_NONSYNONYMOUS',
  'MSI_STATUS',
  'MSI_SCORE',
  'GENE_PANEL',
  'METASTATIC_SITE',
  'PATIENT_ID',
];

export const clinicalSampleReader: ReaderModule = {
  format: 'clinical-sample',
  description:
    'cBioPortal sample clinical file (SAMPLE_ID, ONCOTREE_CODE, SAMPLE_TYPE, TMB, MSI, sites, panel)',
  sniff(head, fileName) {
    const h = headerCells(head);
    if (findColumn(h, 'SAMPLE_ID') === -1) return 0;
    if (findColumn(h, 'mutations', 'cna', 'structural_variants') !== -1) return 0;
    if (findColumn(h, 'Hugo_Symbol', 'Variant_Classification', 'Fusion', 'Site1_Hugo_Symbol') !== -1)
      return 0;
    const attrs = SAMPLE_ATTRS.filter((a) => findColumn(h, a) !== -1).length;
    const named = /clinical.*sample|sample.*clinical|clinical/i.test(fileName) ? 0.1 : 0;
    return Math.min(1, 0.6 + 0.1 * attrs + named);
  },
  read: readClinicalSample,
};

export const clinicalPatientReader: ReaderModule = {
  format: 'clinical-patient',
  description: 'cBioPortal patient clinical file (PATIENT_ID, SEX, AGE)',
  sniff(head, fileName) {
    const h = headerCells(head);
    if (findColumn(h, 'PATIENT_ID') === -1 || findColumn(h, 'SAMPLE_ID') !== -1) return 0;
    return /patient/i.test(fileName) || findColumn(h, 'SEX', 'OS_STATUS', 'AGE', 'VITAL_STATUS') !== -1
      ? 0.9
      : 0.6;
  },
  read: readClinicalPatient,
};

export const genePanelMatrixReader: ReaderModule = {
  format: 'gene-panel-matrix',
  description: 'cBioPortal gene panel matrix (SAMPLE_ID and the panel of each profile)',
  sniff(head) {
    const h = headerCells(head);
    if (findColumn(h, 'SAMPLE_ID') === -1) return 0;
    return findColumn(h, 'mutations') !== -1 ||
      findColumn(h, 'cna') !== -1 ||
      findColumn(h, 'structural_variants') !== -1
      ? 0.97
      : 0;
  },
  read: readGenePanelMatrix,
};
