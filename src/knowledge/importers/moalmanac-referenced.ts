import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { AlterationPattern, Citation, Evidence, Issue } from '../../domain/index.js';
import { OnconavError } from '../../domain/index.js';
import { mapDiseaseName, mapOncotreeCode } from '../mapping/disease-oncotree.js';
import { MOALMANAC_SOURCE, moalmanacResult } from './moalmanac.js';
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
 * MOAlmanac's newer normalized layout (`referenced/*.json`, "draft" release; GA4GH VA-Spec-like): statements
 * → propositions → biomarkers, diseases, therapies. It records regulatory approvals by agency. Only US FDA
 * approvals map onto our scale (level 1 in the named tumor type); approvals by other agencies (EMA, Health
 * Canada, HSE, HPRA) have no place on it and are counted, not imported. Propositions that need several
 * biomarkers at once (e.g. a mutation together with hormone-receptor status) cannot be expressed with our
 * one-pattern evidence and are counted too. The layout is a draft upstream and may change.
 */
type Json = Record<string, unknown>;

export function isMoalmanacReferenced(dir: string): boolean {
  return existsSync(join(dir, 'statements.json')) && existsSync(join(dir, 'propositions.json'));
}

function readJson(dir: string, name: string, required = true): unknown {
  const p = join(dir, name);
  if (!existsSync(p)) {
    if (!required) return [];
    throw new OnconavError(`${name} is missing in ${dir} (MOAlmanac referenced layout)`, 1);
  }
  try {
    return JSON.parse(readFileSync(p, 'utf8')) as unknown;
  } catch (err) {
    throw new OnconavError(`${name} is not valid JSON: ${(err as Error).message}`, 1, [
      { severity: 'error', code: 'moalmanac.json', message: (err as Error).message, file: name },
    ]);
  }
}

function byId(dir: string, name: string, required = true): Map<string, Json> {
  const data = readJson(dir, name, required);
  if (!Array.isArray(data)) throw new OnconavError(`${name} is not a JSON array`, 1);
  const m = new Map<string, Json>();
  for (const x of data) if (x && typeof x === 'object' && 'id' in x) m.set(String((x as Json).id), x as Json);
  return m;
}

function ext(x: Json): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  if (Array.isArray(x.extensions))
    for (const e of x.extensions as Json[]) if (typeof e?.name === 'string') out[e.name] = e.value;
  return out;
}

const s = (v: unknown): string => (typeof v === 'string' ? v.trim() : typeof v === 'number' ? String(v) : '');

/** One referenced-layout biomarker → patterns, or a skip reason. */
export function referencedBiomarkerPatterns(
  b: Json,
  geneNames: readonly string[],
): AlterationPattern[] | { skip: string } {
  const e = ext(b);
  if (e._present === false) return { skip: 'absent-biomarker' };
  const type = s(e.biomarker_type).toLowerCase();
  const gene = (geneNames[0] ?? '').toUpperCase();
  switch (type) {
    case 'somatic variant':
    case 'germline variant': {
      if (gene === '') return { skip: 'unmapped-alteration' };
      const protein = s(e.protein_change);
      if (protein !== '') return proteinChangePatterns(gene, protein) ?? { skip: 'unmapped-alteration' };
      const annotation = s(e.variant_annotation).toLowerCase();
      const exon = Number.parseInt(s(e.exon), 10);
      if (Number.isFinite(exon) && exon > 0) {
        const kind =
          exon === 14 && gene === 'MET'
            ? 'skipping'
            : annotation === 'deletion'
              ? 'deletion'
              : annotation === 'insertion'
                ? 'insertion'
                : null;
        const cls = kind ? exonClass(exon, kind) : null;
        return cls ? [{ type: 'class', gene, class: cls }] : { skip: 'unmapped-alteration' };
      }
      if (annotation.includes('internal tandem duplication'))
        return [{ type: 'class', gene, class: 'inframe_insertion' }];
      if (annotation === 'nonsense' || annotation === 'frameshift')
        return [{ type: 'class', gene, class: 'truncating' }];
      if (annotation === 'splice site') return [{ type: 'class', gene, class: 'splice' }];
      // "oncogenic / pathogenic / activating variants" of a gene; a bare "somatic variants" is any mutation.
      if (e.requires_oncogenic === true || e.requires_pathogenic === true)
        return [{ type: 'oncogenic', gene }];
      if (annotation === '') return [{ type: 'anyMutation', gene }];
      return { skip: 'unmapped-alteration' };
    }
    case 'copy number': {
      const dir = s(e.direction).toLowerCase();
      if (gene === '') return { skip: 'unmapped-alteration' };
      if (dir === 'amplification') return [{ type: 'amplification', gene }];
      if (dir === 'deletion') return [{ type: 'deletion', gene }];
      return { skip: 'unmapped-alteration' };
    }
    case 'rearrangement': {
      // Names: `BCR::ABL1`, `v::ALK` / `FGFR2::v` (v = any partner), `PDGFRA rearrangements`, `t(KMT2A;v)`.
      const name = s(b.name);
      let m = /^([A-Za-z0-9.-]+)::([A-Za-z0-9.-]+)$/.exec(name);
      if (m) {
        const a = m[1]!.toUpperCase();
        const c = m[2]!.toUpperCase();
        if (a === 'V' && c !== 'V') return [{ type: 'fusion', gene: c }];
        if (c === 'V' && a !== 'V') return [{ type: 'fusion', gene: a }];
        return [{ type: 'fusion', gene: a, partner: c }];
      }
      m = /^([A-Za-z0-9.-]+) rearrangements?$/i.exec(name) ?? /^t\(([A-Za-z][A-Za-z0-9.-]*);v\)$/.exec(name);
      if (m) return [{ type: 'fusion', gene: m[1]!.toUpperCase() }];
      return { skip: 'unmapped-alteration' };
    }
    case 'microsatellite stability': {
      const st = s(e.status);
      const code =
        /\((MSI-H|MSI-L|MSS)\)/.exec(st)?.[1] ?? (['MSI-H', 'MSI-L', 'MSS'].includes(st) ? st : null);
      return code
        ? [{ type: 'biomarker', biomarker: 'MSI', statuses: [code] }]
        : { skip: 'unmapped-alteration' };
    }
    case 'mismatch repair': {
      const st = s(e.status).toLowerCase();
      if (st === 'deficient') return [{ type: 'biomarker', biomarker: 'MMR', statuses: ['dMMR'] }];
      if (st === 'proficient') return [{ type: 'biomarker', biomarker: 'MMR', statuses: ['pMMR'] }];
      return { skip: 'unmapped-alteration' };
    }
    case 'tumor mutational burden': {
      const min = Number(e.minimum_mutations_per_megabase);
      if (Number.isFinite(min) && min > 0) return [{ type: 'biomarker', biomarker: 'TMB', min }];
      return s(e.classification).toLowerCase() === 'high'
        ? [{ type: 'biomarker', biomarker: 'TMB', statuses: ['TMB-H'] }]
        : { skip: 'unmapped-alteration' };
    }
    case 'homologous recombination':
      return s(e.status).toLowerCase() === 'deficient'
        ? [{ type: 'biomarker', biomarker: 'HRD', statuses: ['positive'] }]
        : { skip: 'unmapped-alteration' };
    case 'protein expression':
      return proteinExpressionPattern(e);
    default:
      return { skip: `biomarker-${type.replace(/\s+/g, '-') || 'unknown'}` };
  }
}

/** ER/PR/HER2 status and PD-L1 thresholds; other markers (CD30, CLDN18.2, …) are not in our biomarker list. */
function proteinExpressionPattern(e: Record<string, unknown>): AlterationPattern[] | { skip: string } {
  const marker = s(e.marker).toLowerCase();
  const value = e.value;
  const status = typeof value === 'string' ? value.toLowerCase() : '';
  const receptor = marker.startsWith('estrogen receptor')
    ? 'ER'
    : marker.startsWith('progesterone receptor')
      ? 'PR'
      : marker.includes('(her2)')
        ? 'HER2'
        : null;
  if (receptor !== null) {
    // HER2-low / -ultralow are IHC score ranges that our status vocabulary does not name one-to-one.
    if (status === 'positive' || status === 'negative')
      return [{ type: 'biomarker', biomarker: receptor, statuses: [status] }];
    return { skip: 'protein-expression' };
  }
  if (marker === 'pd-l1') {
    const unit = s(e.unit).toLowerCase();
    const scoreType = unit.includes('(tps)')
      ? 'TPS'
      : unit.includes('(cps)')
        ? 'CPS'
        : unit.includes('(tiic)')
          ? 'IC'
          : null;
    const v = Number(value);
    if (scoreType === null || !Number.isFinite(v)) return { skip: 'protein-expression' };
    // TPS and immune-cell scores are fractions in this layout (0.5 = 50 %); CPS is a plain score.
    const n = scoreType === 'CPS' ? v : Math.round(v * 10000) / 100;
    const eq = s(e.equality);
    if (eq === '>=') return [{ type: 'biomarker', biomarker: 'PD-L1', scoreType, min: n }];
    if (eq === '<') return [{ type: 'biomarker', biomarker: 'PD-L1', scoreType, max: n }];
    return { skip: 'protein-expression' };
  }
  return { skip: 'protein-expression' };
}

export function importMoalmanacReferenced(dir: string, options: ImportOptions = {}): ImportResult {
  const about = readJson(dir, 'about.json', false) as Json;
  const statements = readJson(dir, 'statements.json');
  if (!Array.isArray(statements)) throw new OnconavError('statements.json is not a JSON array', 1);
  const propositions = byId(dir, 'propositions.json');
  const biomarkers = byId(dir, 'biomarkers.json');
  const diseases = byId(dir, 'diseases.json');
  const therapies = byId(dir, 'therapies.json');
  const groups = byId(dir, 'therapy_groups.json', false);
  const documents = byId(dir, 'documents.json');
  const indications = byId(dir, 'indications.json', false);
  const genes = byId(dir, 'genes.json', false);
  const urls = byId(dir, 'urls.json', false);
  const issues: Issue[] = [];
  const tally = new Tally();
  const evidence: Evidence[] = [];
  const lastUpdated = s(about?.last_updated);
  const date =
    options.date ??
    (/^\d{4}-\d{2}-\d{2}$/.test(lastUpdated) ? lastUpdated : new Date().toISOString().slice(0, 10));
  const version = options.version ?? `${s(about?.release) || 'referenced'}-${date}`;

  for (let i = 0; i < statements.length; i++) {
    if (i % 256 === 0) {
      checkAbort(options.signal);
      options.onProgress?.(i, statements.length);
    }
    tally.rowsRead++;
    const st = statements[i] as Json;
    const pointer = `/${i}`;
    if (!st || typeof st !== 'object') {
      tally.skip('bad-row');
      continue;
    }
    if (s(st.direction).toLowerCase() !== 'supports') {
      tally.skip('does-not-support');
      continue;
    }
    const docId = Array.isArray(st.reportedIn) ? s(st.reportedIn[0]) : '';
    const doc = documents.get(docId);
    if (!doc) {
      issues.push({
        severity: 'warning',
        code: 'moalmanac.reference',
        message: `document "${docId}" not found`,
        file: 'statements.json',
        pointer: `${pointer}/reportedIn`,
      });
      tally.skip('bad-row');
      continue;
    }
    if (s(doc.agent_id).toLowerCase() !== 'fda') {
      tally.skip('non-us-regulator');
      continue;
    }
    const prop = propositions.get(s(st.proposition_id));
    if (!prop || s(prop.predicate) !== 'predictSensitivityTo') {
      tally.skip(prop ? 'not-predictive' : 'bad-row');
      continue;
    }
    const bIds = Array.isArray(prop.biomarkers) ? (prop.biomarkers as unknown[]).map(String) : [];
    if (bIds.length !== 1) {
      tally.skip(bIds.length === 0 ? 'no-biomarker' : 'multi-biomarker');
      continue;
    }
    const bm = biomarkers.get(bIds[0]!);
    if (!bm) {
      tally.skip('bad-row');
      continue;
    }
    const geneNames = Array.isArray(bm.genes)
      ? (bm.genes as unknown[]).map((g) => s(genes.get(String(g))?.name)).filter(Boolean)
      : [];
    const patterns = referencedBiomarkerPatterns(bm, geneNames);
    if ('skip' in patterns) {
      tally.skip(patterns.skip);
      if (patterns.skip === 'unmapped-alteration' || patterns.skip === 'protein-expression')
        tally.alteration(s(bm.name));
      continue;
    }
    const disease = diseases.get(s(prop.conditionQualifier_id));
    const coding = s(disease?.primary_coding_id);
    const dname = s(disease?.name);
    const tumor =
      (coding.startsWith('oncotree:') ? mapOncotreeCode(coding.slice('oncotree:'.length)) : null) ??
      mapDiseaseName(dname);
    if (tumor === null) {
      tally.skip('unmapped-disease');
      tally.disease(dname || coding || '(empty)');
      continue;
    }
    let drugs: string[] = [];
    if (prop.therapy_id !== null && prop.therapy_id !== undefined)
      drugs = [drugName(s(therapies.get(s(prop.therapy_id))?.name))];
    else {
      const g = groups.get(s(prop.therapy_group_id));
      if (g && s(g.membershipOperator).toUpperCase() === 'AND' && Array.isArray(g.therapies))
        drugs = (g.therapies as unknown[]).map((t) => drugName(s(therapies.get(String(t))?.name)));
    }
    drugs = drugs.filter((d) => d !== '');
    if (drugs.length === 0) {
      tally.skip('no-therapy');
      continue;
    }
    const ind = indications.get(s(st.indication_id));
    const approval = s(ind?.initial_approval_date) || s(doc.publication_date);
    const labelUrl = Array.isArray(doc.urls) ? s(urls.get(s(doc.urls[0]))?.url) : '';
    const citations: Citation[] = [
      {
        kind: 'moalmanac',
        label: `MOAlmanac statement ${s(st.id)} (FDA approval)`,
        id: `statement:${s(st.id)}`,
        url: 'https://moalmanac.org',
      },
      {
        kind: 'fda_label',
        label: s(doc.name) || 'FDA label',
        ...(s(doc.identification_number) ? { id: s(doc.identification_number) } : {}),
        ...(labelUrl ? { url: labelUrl } : {}),
        ...(/^\d{4}-\d{2}-\d{2}$/.test(approval) ? { date: approval } : {}),
      },
    ];
    let n = 0;
    for (const pattern of patterns) {
      evidence.push({
        id: patterns.length > 1 ? `statement:${s(st.id)}.${++n}` : `statement:${s(st.id)}`,
        source: MOALMANAC_SOURCE,
        release: version,
        pattern,
        tumorTypes: [...tumor.codes],
        excludedTumorTypes: [],
        drugs,
        effect: 'sensitivity',
        level: '1',
        citations,
        description: `${describePattern(pattern)}: FDA-approved ${drugs.join(' + ')} in ${dname || tumor.codes.join(', ')} (MOAlmanac, ${s(doc.name) || 'FDA label'}).`,
        sourceLevel: 'Approval (FDA)',
        researchUseOnly: true,
      });
    }
  }
  options.onProgress?.(statements.length, statements.length);
  return moalmanacResult(version, date, options.importedAt, evidence, tally.report(evidence.length), issues);
}
