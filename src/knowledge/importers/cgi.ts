import { createHash } from 'node:crypto';
import { statSync } from 'node:fs';
import { basename } from 'node:path';
import type { AlterationPattern, Citation, Evidence, Issue } from '../../domain/index.js';
import { OnconavError } from '../../domain/index.js';
import { mapCgiTumor } from '../mapping/disease-oncotree.js';
import { cgiLevel } from '../mapping/levels.js';
import {
  Tally,
  checkAbort,
  describePattern,
  drugName,
  exonClass,
  proteinChangePatterns,
  readTsv,
  type ImportOptions,
  type ImportResult,
  type TsvRow,
} from './common.js';

/**
 * Cancer Genome Interpreter "Cancer Biomarkers database", per-variant file (cgi_biomarkers_per_variant.tsv;
 * Tamborero et al., Genome Med 2018). Rows repeat one biomarker once per listed variant; we fold them back
 * into one biomarker per (alteration, drug, association, level, tumor, source) and expand its variant list.
 */
export const CGI_SOURCE = 'cgi';
export const CGI_LICENSE = 'CC0 1.0 (per the CGI biomarkers README); cite Tamborero et al., Genome Med 2018';

export const CGI_COLUMNS = [
  'Alteration',
  'Alteration type',
  'Association',
  'Biomarker',
  'Drug',
  'Evidence level',
  'Gene',
  'Primary Tumor acronym',
  'Source',
] as const;

/**
 * CGI alteration strings → patterns. Forms seen in the file: `BRAF:V600E`, `EGFR:L858R,G719A,…`, `BRAF:V600.`
 * (any change at codon 600), `ESR1:.537.` (codon, reference residue unstated), `ALK:.` (oncogenic mutations),
 * `ERBB2:amp`, `CDKN2A:del`, `ALK__.` (fusion, any partner), `ABL1__BCR` (fusion with a partner), and
 * consequence forms `EGFR::consequence::inframe_deletion:729-761` that we read through the biomarker label.
 * Variants of a list that we cannot read are dropped; null when nothing is left.
 */
export function cgiPatterns(
  alteration: string,
  type: string,
  gene: string,
  biomarker: string,
): AlterationPattern[] | null {
  const t = type.trim().toUpperCase();
  const alt = alteration.trim();
  if (t === 'FUS') {
    const m = /^([A-Za-z0-9.-]+)__([A-Za-z0-9.-]+|\.)$/.exec(alt);
    if (!m) return null;
    const a = m[1]!.toUpperCase();
    const b = m[2] === '.' ? null : m[2]!.toUpperCase();
    if (b === null) return [{ type: 'fusion', gene: a }];
    const key = gene.trim().toUpperCase() === b ? b : a;
    return [{ type: 'fusion', gene: key, partner: key === a ? b : a }];
  }
  if (t === 'CNA') {
    const m = /^([A-Za-z0-9.-]+):(amp|del)$/i.exec(alt);
    if (!m) return null;
    const g = m[1]!.toUpperCase();
    return [
      m[2]!.toLowerCase() === 'amp' ? { type: 'amplification', gene: g } : { type: 'deletion', gene: g },
    ];
  }
  if (t !== 'MUT') return null;
  if (alt.includes('::')) {
    const g = alt.split('::')[0]!.toUpperCase();
    if (/::wildtype/i.test(alt)) return null;
    const label = biomarker.toLowerCase();
    if (/exon 19 (in-?frame )?deletion/.test(label))
      return [{ type: 'class', gene: g, class: 'exon19_inframe_deletion' }];
    if (/exon 20 insertion/.test(label)) return [{ type: 'class', gene: g, class: 'exon20_insertion' }];
    if (/exon 14 skipping/.test(label)) return [{ type: 'class', gene: g, class: 'exon14_skipping' }];
    // FLT3 internal tandem duplications: in-frame insertions (see civic.ts for the same choice).
    if (/\bitd\b/.test(label)) return [{ type: 'class', gene: g, class: 'inframe_insertion' }];
    return null;
  }
  const m = /^([A-Za-z0-9.-]+):(.+)$/.exec(alt);
  if (!m) return null;
  const g = m[1]!.toUpperCase();
  const spec = m[2]!.trim();
  if (spec === '.') return [{ type: 'oncogenic', gene: g }];
  // Residue ranges (`KIT:550-592,627-664`) are exons; the label names them ("KIT mutation in exon 9 or 11").
  if (/^\d+-\d+(,\d+-\d+)*$/.test(spec)) {
    const exons = /mutation in exon ([\d,\sor]+)$/i.exec(biomarker.trim());
    if (!exons) return null;
    const classes = exons[1]!
      .split(/,|\bor\b/)
      .map((x) => Number.parseInt(x.trim(), 10))
      .filter((x) => Number.isFinite(x))
      .map((x) => exonClass(x, 'mutation'))
      .filter((c): c is NonNullable<typeof c> => c !== null);
    return classes.length > 0 ? classes.map((c) => ({ type: 'class' as const, gene: g, class: c })) : null;
  }
  const out: AlterationPattern[] = [];
  const seen = new Set<string>();
  for (const part of spec.split(',')) {
    const p = part.trim();
    let pats: AlterationPattern[] | null = null;
    const codon = /^[A-Z.]?(\d+)\.$/.exec(p);
    if (codon) pats = [{ type: 'codon', gene: g, position: Number(codon[1]) }];
    else pats = proteinChangePatterns(g, p);
    for (const x of pats ?? []) {
      const k = JSON.stringify(x);
      if (!seen.has(k)) {
        seen.add(k);
        out.push(x);
      }
    }
  }
  return out.length > 0 ? out : null;
}

/**
 * CGI drug cells: `[A,B]` lists alternatives (one evidence each), `A;B` is a combination, `[]` names only a
 * drug family (no drug to point at: skipped).
 */
export function cgiDrugGroups(drug: string): string[][] {
  const t = drug.trim();
  const inner = t.startsWith('[') && t.endsWith(']') ? t.slice(1, -1) : t;
  const alternatives = t.startsWith('[') ? inner.split(',') : [inner];
  return alternatives
    .map((alt) =>
      alt
        .split(';')
        .map(drugName)
        .filter((d) => d !== ''),
    )
    .filter((g) => g.length > 0);
}

function citationsFor(row: TsvRow): Citation[] {
  const cites: Citation[] = [
    {
      kind: 'cgi',
      label: `CGI biomarker: ${row.get('Biomarker') || row.get('Alteration')}`,
      url: 'https://www.cancergenomeinterpreter.org/biomarkers',
    },
  ];
  for (const raw of row.get('Source').split(';')) {
    const s = raw.trim();
    if (s === '') continue;
    const pmid = /^PMID:\s*(\d+)$/i.exec(s);
    if (pmid)
      cites.push({
        kind: 'publication',
        label: `PMID ${pmid[1]}`,
        id: `PMID:${pmid[1]}`,
        url: `https://pubmed.ncbi.nlm.nih.gov/${pmid[1]}/`,
      });
    else if (/^FDA\b/i.test(s)) cites.push({ kind: 'fda_label', label: `${s} (as cited by CGI)` });
    else if (/^(NCCN|ELN|European LeukemiaNet|CPIC)/i.test(s))
      cites.push({ kind: 'guideline', label: `${s} (as cited by CGI)` });
    else if (/^NCT\d+$/i.test(s))
      cites.push({
        kind: 'publication',
        label: `Trial ${s.toUpperCase()}`,
        id: s.toUpperCase(),
        url: `https://clinicaltrials.gov/study/${s.toUpperCase()}`,
      });
    else cites.push({ kind: 'publication', label: s });
  }
  return cites;
}

export async function importCgi(path: string, options: ImportOptions = {}): Promise<ImportResult> {
  const issues: Issue[] = [];
  const table = await readTsv(path, issues, {
    required: CGI_COLUMNS,
    ...(options.signal ? { signal: options.signal } : {}),
  });
  if (issues.some((i) => i.severity === 'error'))
    throw new OnconavError(`${table.file} is not a CGI biomarkers file`, 1, issues);
  const tally = new Tally();
  const evidence: Evidence[] = [];
  const groups = new Set<string>();
  const ids = new Set<string>();
  const date = options.date ?? new Date(statSync(path).mtime).toISOString().slice(0, 10);
  const version = options.version ?? basename(path).replace(/\.tsv(\.gz)?$/i, '');
  const total = table.rows.length;

  for (let i = 0; i < total; i++) {
    if (i % 256 === 0) {
      checkAbort(options.signal);
      options.onProgress?.(i, total);
    }
    const row = table.rows[i]!;
    tally.rowsRead++;
    const key = ['Alteration', 'Drug', 'Association', 'Evidence level', 'Primary Tumor acronym', 'Source']
      .map((c) => row.get(c))
      .join('\u0001');
    if (groups.has(key)) {
      tally.skip('same-biomarker-another-variant-row');
      continue;
    }
    groups.add(key);
    const type = row.get('Alteration type').toUpperCase();
    if (type.includes(';')) {
      tally.skip('combined-biomarker');
      continue;
    }
    if (type === 'EXPR' || type === 'BIA') {
      tally.skip(type === 'EXPR' ? 'expression' : 'biallelic-inactivation');
      continue;
    }
    const assoc = row.get('Association').toLowerCase();
    const effect = assoc === 'responsive' ? 'sensitivity' : assoc === 'resistant' ? 'resistance' : null;
    if (effect === null) {
      tally.skip(
        assoc.startsWith('increased toxicity')
          ? 'toxicity'
          : assoc === 'no responsive'
            ? 'no-response'
            : 'other-association',
      );
      continue;
    }
    const label = row.get('Evidence level');
    const mapped = cgiLevel(label, effect);
    if ('skip' in mapped) {
      if (mapped.skip === 'unknown-level')
        issues.push({
          severity: 'warning',
          code: 'cgi.level',
          message: `unknown evidence level "${label}"`,
          file: table.file,
          line: row.line,
          field: 'Evidence level',
        });
      tally.skip(mapped.skip);
      continue;
    }
    const patterns = cgiPatterns(row.get('Alteration'), type, row.get('Gene'), row.get('Biomarker'));
    if (patterns === null) {
      tally.skip('unmapped-alteration');
      tally.alteration(row.get('Biomarker') || row.get('Alteration'));
      continue;
    }
    const codes = new Set<string>();
    for (const acr of row.get('Primary Tumor acronym').split(';')) {
      if (acr.trim() === '') continue;
      const m = mapCgiTumor(acr);
      if (m) for (const c of m.codes) codes.add(c);
      else tally.disease(acr.trim());
    }
    if (codes.size === 0) {
      tally.skip('unmapped-disease');
      continue;
    }
    const drugGroups = cgiDrugGroups(row.get('Drug'));
    if (drugGroups.length === 0) {
      tally.skip('drug-family-only');
      continue;
    }
    const base = `cgi-${createHash('sha1').update(key).digest('hex').slice(0, 12)}`;
    const citations = citationsFor(row);
    const disease = row.get('Primary Tumor type') || row.get('Primary Tumor acronym');
    const many = patterns.length * drugGroups.length > 1;
    let n = 0;
    for (const pattern of patterns) {
      for (const drugs of drugGroups) {
        const id = many ? `${base}.${++n}` : base;
        if (ids.has(id)) continue;
        ids.add(id);
        evidence.push({
          id,
          source: CGI_SOURCE,
          release: version,
          pattern,
          tumorTypes: [...codes],
          excludedTumorTypes: [],
          drugs,
          effect,
          level: mapped.level,
          citations,
          description: `${describePattern(pattern)}: ${effect === 'sensitivity' ? 'response to' : 'resistance to'} ${drugs.join(' + ')} in ${disease} (CGI: ${label}; biomarker ${row.get('Biomarker')}).`,
          sourceLevel: label,
          researchUseOnly: false,
        });
      }
    }
  }
  options.onProgress?.(total, total);
  return {
    release: {
      source: CGI_SOURCE,
      version,
      date,
      importedAt: options.importedAt ?? new Date().toISOString(),
      researchUseOnly: false,
      license: CGI_LICENSE,
      evidenceCount: evidence.length,
    },
    evidence,
    report: tally.report(evidence.length),
    issues,
  };
}
