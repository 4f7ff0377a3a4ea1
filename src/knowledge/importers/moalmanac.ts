import { existsSync, readFileSync, statSync } from 'node:fs';
import { importMoalmanacReferenced, isMoalmanacReferenced } from './moalmanac-referenced.js';
import { basename, join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import type { AlterationPattern, Citation, Evidence, Issue } from '../../domain/index.js';
import { OnconavError } from '../../domain/index.js';
import { mapDiseaseName, mapOncotreeCode } from '../mapping/disease-oncotree.js';
import { moalmanacLevel } from '../mapping/levels.js';
import {
  Tally,
  checkAbort,
  describePattern,
  drugName,
  exonClass,
  proteinChangePatterns,
  type ImportOptions,
  type ImportResult,
} from './common.js';

/**
 * Molecular Oncology Almanac importer: the flat release `molecular-oncology-almanac.json` (a JSON array
 * of assertions; github.com/vanallenlab/moalmanac-db). MOAlmanac is GPL-2.0 with a research-use-only
 * disclaimer: every evidence item and the release are marked researchUseOnly, and onconav never bundles it.
 */
export const MOALMANAC_SOURCE = 'moalmanac';
export const MOALMANAC_LICENSE =
  'GPL-2.0; research use only (diagnostic and clinical use prohibited by the publisher)';

type Json = Record<string, unknown>;

function str(v: unknown): string {
  if (typeof v === 'string') return v.trim();
  if (typeof v === 'number' && Number.isFinite(v)) return String(v);
  return '';
}

function flag(v: unknown): boolean | null {
  if (v === 1 || v === '1' || v === true) return true;
  if (v === 0 || v === '0' || v === false) return false;
  return null;
}

/**
 * One MOAlmanac assertion's feature → patterns (feature types per the MOAlmanac "feature_type" field).
 * Returns a skip reason when the feature is not one we model.
 */
/** Both MOAlmanac layouts end the same way: a research-use-only release around the evidence read. */
export function moalmanacResult(
  version: string,
  date: string,
  importedAt: string | undefined,
  evidence: Evidence[],
  report: ImportResult['report'],
  issues: Issue[],
): ImportResult {
  return {
    release: {
      source: MOALMANAC_SOURCE,
      version,
      date,
      importedAt: importedAt ?? new Date().toISOString(),
      researchUseOnly: true,
      license: MOALMANAC_LICENSE,
      evidenceCount: evidence.length,
    },
    evidence,
    report,
    issues,
  };
}

export function moalmanacPatterns(a: Json): AlterationPattern[] | { skip: string } {
  const type = str(a.feature_type).toLowerCase();
  switch (type) {
    case 'somatic variant':
    case 'germline variant': {
      const gene = str(a.gene).toUpperCase();
      if (gene === '') return { skip: 'unmapped-alteration' };
      const protein = str(a.protein_change);
      const annotation = str(a.variant_annotation).toLowerCase();
      const exon = Number.parseInt(str(a.exon), 10);
      if (protein !== '') return proteinChangePatterns(gene, protein) ?? { skip: 'unmapped-alteration' };
      if (Number.isFinite(exon) && exon > 0) {
        // Exon-level statements: EGFR "Deletion" exon 19, "Insertion" exon 20, MET exon 14 splice/deletion, KIT exon 11…
        const kind =
          gene === 'MET' && exon === 14 && (annotation === 'splice site' || annotation === 'deletion')
            ? 'skipping'
            : annotation === 'deletion'
              ? 'deletion'
              : annotation === 'insertion'
                ? 'insertion'
                : annotation === '' || annotation === 'missense'
                  ? 'mutation'
                  : null;
        const cls = kind ? exonClass(exon, kind) : null;
        return cls ? [{ type: 'class', gene, class: cls }] : { skip: 'unmapped-alteration' };
      }
      switch (annotation) {
        // Gene-level statements ("BRCA2 somatic variant" for PARP inhibitors) mean pathogenic/oncogenic
        // variants of the gene, not any variant.
        case '':
        case 'activating mutation':
          return [{ type: 'oncogenic', gene }];
        case 'nonsense':
        case 'frameshift':
          return [{ type: 'class', gene, class: 'truncating' }];
        case 'splice site':
          return [{ type: 'class', gene, class: 'splice' }];
        case 'missense':
          return [{ type: 'class', gene, class: 'missense' }];
        case 'deletion':
          return [{ type: 'class', gene, class: 'inframe_deletion' }];
        case 'insertion':
          return [{ type: 'class', gene, class: 'inframe_insertion' }];
        default:
          return { skip: 'unmapped-alteration' };
      }
    }
    case 'copy number': {
      const gene = str(a.gene).toUpperCase();
      const dir = str(a.direction).toLowerCase();
      if (gene === '') return { skip: 'unmapped-alteration' };
      if (dir === 'amplification') return [{ type: 'amplification', gene }];
      if (dir === 'deletion') return [{ type: 'deletion', gene }];
      return { skip: 'unmapped-alteration' };
    }
    case 'rearrangement': {
      // gene1 is the 5′ partner where both are given (BCR–ABL1, EML4–ALK); an empty gene2 means any partner.
      // Fusion patterns are matched without regard to order, and the store indexes both genes.
      const g1 = str(a.gene1).toUpperCase();
      const g2 = str(a.gene2).toUpperCase();
      if (g1 === '' && g2 === '') return { skip: 'unmapped-alteration' };
      if (g1 === '' || g2 === '') return [{ type: 'fusion', gene: g1 || g2 }];
      return [{ type: 'fusion', gene: g1, partner: g2 }];
    }
    case 'microsatellite stability': {
      const status = str(a.status).toLowerCase();
      if (status === 'msi-high' || status === 'msi-h')
        return [{ type: 'biomarker', biomarker: 'MSI', statuses: ['MSI-H'] }];
      if (status === 'msi-low' || status === 'msi-l')
        return [{ type: 'biomarker', biomarker: 'MSI', statuses: ['MSI-L'] }];
      if (status === 'mss' || status === 'microsatellite stable')
        return [{ type: 'biomarker', biomarker: 'MSI', statuses: ['MSS'] }];
      return { skip: 'unmapped-alteration' };
    }
    case 'mutational burden': {
      const perMb = Number.parseFloat(str(a.mutations_per_mb));
      if (Number.isFinite(perMb) && perMb > 0) return [{ type: 'biomarker', biomarker: 'TMB', min: perMb }];
      // A threshold in mutation counts (not per megabase) cannot be compared across panels: keep the "high" call only.
      if (str(a.classification).toLowerCase() === 'high')
        return [{ type: 'biomarker', biomarker: 'TMB', statuses: ['TMB-H'] }];
      return { skip: 'unmapped-alteration' };
    }
    case 'mutational signature':
    case 'knockdown':
    case 'aneuploidy':
      return { skip: `feature-${type.replace(/\s+/g, '-')}` };
    default:
      return { skip: 'unknown-feature-type' };
  }
}

function featureLabel(a: Json): string {
  const t = str(a.feature_type);
  const parts = [
    t,
    str(a.gene) || [str(a.gene1), str(a.gene2)].filter(Boolean).join('--'),
    str(a.protein_change) || str(a.variant_annotation) || str(a.direction) || str(a.status),
  ];
  return parts.filter(Boolean).join(' ');
}

/** Reads the flat JSON (plain or gzip), or `molecular-oncology-almanac.json` inside a directory. */
export function readMoalmanacJson(path: string): { file: string; data: unknown } {
  const file = statSync(path).isDirectory() ? join(path, 'molecular-oncology-almanac.json') : path;
  let buf: Buffer;
  try {
    buf = readFileSync(file);
  } catch {
    throw new OnconavError(`cannot read ${file} (expected MOAlmanac's molecular-oncology-almanac.json)`, 1);
  }
  if (buf[0] === 0x1f && buf[1] === 0x8b) buf = gunzipSync(buf);
  try {
    return { file, data: JSON.parse(buf.toString('utf8')) as unknown };
  } catch (err) {
    throw new OnconavError(`${basename(file)} is not valid JSON: ${(err as Error).message}`, 1, [
      { severity: 'error', code: 'moalmanac.json', message: (err as Error).message, file: basename(file) },
    ]);
  }
}

/**
 * A flat release file, a directory holding it, or a directory in the newer "referenced" layout
 * (statements.json, propositions.json, …; see moalmanac-referenced.ts). The flat file wins when both exist.
 */
export async function importMoalmanac(path: string, options: ImportOptions = {}): Promise<ImportResult> {
  if (statSync(path).isDirectory() && !existsSync(join(path, 'molecular-oncology-almanac.json'))) {
    if (isMoalmanacReferenced(path)) return importMoalmanacReferenced(path, options);
    if (isMoalmanacReferenced(join(path, 'referenced')))
      return importMoalmanacReferenced(join(path, 'referenced'), options);
  }
  const { file, data } = readMoalmanacJson(path);
  const name = basename(file);
  if (!Array.isArray(data)) {
    throw new OnconavError(
      `${name} is not the MOAlmanac flat release (expected a JSON array of assertions)`,
      1,
      [
        {
          severity: 'error',
          code: 'moalmanac.shape',
          message: 'top-level value is not an array',
          file: name,
          pointer: '',
        },
      ],
    );
  }
  const issues: Issue[] = [];
  const tally = new Tally();
  const evidence: Evidence[] = [];
  const seen = new Set<string>();
  let lastUpdated = '';
  for (const a of data)
    if (a && typeof a === 'object' && str((a as Json).last_updated) > lastUpdated)
      lastUpdated = str((a as Json).last_updated);
  const date =
    options.date ??
    (/^\d{4}-\d{2}-\d{2}/.test(lastUpdated)
      ? lastUpdated.slice(0, 10)
      : new Date(statSync(file).mtime).toISOString().slice(0, 10));
  const version = options.version ?? date;

  for (let i = 0; i < data.length; i++) {
    if (i % 256 === 0) {
      checkAbort(options.signal);
      options.onProgress?.(i, data.length);
    }
    tally.rowsRead++;
    const raw: unknown = data[i];
    const pointer = `/${i}`;
    if (!raw || typeof raw !== 'object' || Array.isArray(raw)) {
      issues.push({
        severity: 'warning',
        code: 'moalmanac.item',
        message: 'item is not an object',
        file: name,
        pointer,
      });
      tally.skip('bad-row');
      continue;
    }
    const a = raw as Json;
    if (a._deprecated === true) {
      tally.skip('deprecated');
      continue;
    }
    const sens = flag(a.therapy_sensitivity);
    const res = flag(a.therapy_resistance);
    const effect = sens === true ? 'sensitivity' : res === true ? 'resistance' : null;
    if (effect === null) {
      tally.skip(sens === false ? 'no-sensitivity' : 'not-predictive');
      continue;
    }
    const therapy = str(a.therapy_name);
    if (therapy === '') {
      tally.skip('no-therapy');
      continue;
    }
    const implication = str(a.predictive_implication);
    const mapped = moalmanacLevel(implication, effect);
    if ('skip' in mapped) {
      if (mapped.skip === 'unknown-level')
        issues.push({
          severity: 'warning',
          code: 'moalmanac.level',
          message: `unknown predictive_implication "${implication}"`,
          file: name,
          pointer: `${pointer}/predictive_implication`,
        });
      tally.skip(mapped.skip);
      continue;
    }
    const patterns = moalmanacPatterns(a);
    if ('skip' in patterns) {
      tally.skip(patterns.skip);
      if (patterns.skip === 'unmapped-alteration') tally.alteration(featureLabel(a));
      continue;
    }
    const code = str(a.oncotree_code);
    const term = str(a.oncotree_term) || str(a.disease);
    const tumor = (code !== '' ? mapOncotreeCode(code) : null) ?? mapDiseaseName(term);
    if (tumor === null) {
      tally.skip('unmapped-disease');
      tally.disease(code || term || '(empty)');
      continue;
    }
    const drugs = therapy
      .split('+')
      .map(drugName)
      .filter((d) => d !== '');
    const aid = str(a.assertion_id) || String(i);
    const citations: Citation[] = [
      {
        kind: 'moalmanac',
        label: `MOAlmanac assertion ${aid} (${implication})`,
        id: `assertion:${aid}`,
        url: 'https://moalmanac.org',
      },
    ];
    const sourceType = str(a.source_type).toLowerCase();
    const url = str(a.url);
    const pubDate = str(a.publication_date);
    const cit = str(a.citation);
    if (sourceType === 'fda')
      citations.push({
        kind: 'fda_label',
        label: cit || 'FDA label',
        ...(url ? { url } : {}),
        ...(pubDate ? { date: pubDate } : {}),
      });
    else if (sourceType === 'guideline')
      citations.push({
        kind: 'guideline',
        label: cit || 'Guideline',
        ...(url ? { url } : {}),
        ...(pubDate ? { date: pubDate } : {}),
      });
    const pmid = str(a.pmid);
    if (pmid !== '')
      citations.push({
        kind: 'publication',
        label: sourceType === 'journal' && cit ? cit : `PMID ${pmid}`,
        id: `PMID:${pmid}`,
        url: `https://pubmed.ncbi.nlm.nih.gov/${pmid}/`,
      });
    else if (sourceType === 'journal' && (url || cit))
      citations.push({ kind: 'publication', label: cit || url, ...(url ? { url } : {}) });
    const germline = str(a.feature_type).toLowerCase() === 'germline variant';
    let n = 0;
    for (const pattern of patterns) {
      const id = patterns.length > 1 ? `${aid}.${++n}` : aid;
      if (seen.has(id)) {
        issues.push({
          severity: 'warning',
          code: 'moalmanac.duplicate',
          message: `assertion_id ${aid} appears twice; the first is kept`,
          file: name,
          pointer,
        });
        tally.skip('duplicate');
        continue;
      }
      seen.add(id);
      evidence.push({
        id,
        source: MOALMANAC_SOURCE,
        release: version,
        pattern,
        tumorTypes: [...tumor.codes],
        excludedTumorTypes: [],
        drugs,
        effect,
        level: mapped.level,
        citations,
        description: `${describePattern(pattern)}${germline ? ' (germline)' : ''}: ${effect === 'sensitivity' ? 'sensitivity to' : 'resistance to'} ${drugs.join(' + ')} in ${term || tumor.codes.join(', ')} (MOAlmanac: ${implication}).`,
        sourceLevel: implication,
        researchUseOnly: true,
      });
    }
  }
  options.onProgress?.(data.length, data.length);
  return moalmanacResult(version, date, options.importedAt, evidence, tally.report(evidence.length), issues);
}
