import { readdirSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import type { AlterationPattern, Citation, Evidence, Issue, Level } from '../../domain/index.js';
import { OnconavError } from '../../domain/index.js';
import { mapCivicDisease } from '../mapping/disease-oncotree.js';
import { civicAssertionLevel, civicEvidenceLevel, type MappedLevel } from '../mapping/levels.js';
import {
  Tally,
  checkAbort,
  civicReleaseDate,
  describePattern,
  drugName,
  exonClass,
  proteinChangePatterns,
  readTsv,
  type ImportOptions,
  type ImportResult,
  type TsvRow,
  type TsvTable,
} from './common.js';

/**
 * CIViC release importer (civicdb.org "Downloads": monthly `DD-Mon-YYYY-ClinicalEvidenceSummaries.tsv`,
 * `…-AssertionSummaries.tsv`; nightly `nightly-…`). Only predictive (therapeutic) evidence becomes
 * Evidence. Each skipped row is counted by reason; see docs/knowledge-sources.md for the rules.
 */
export const CIVIC_SOURCE = 'civic';
export const CIVIC_LICENSE = 'CC0 1.0 (public domain)';

export const CIVIC_EVIDENCE_COLUMNS = [
  'molecular_profile',
  'disease',
  'doid',
  'therapies',
  'therapy_interaction_type',
  'evidence_type',
  'evidence_direction',
  'evidence_level',
  'significance',
  'evidence_id',
] as const;

const ASSERTION_COLUMNS = [
  'molecular_profile',
  'disease',
  'doid',
  'therapies',
  'assertion_type',
  'assertion_direction',
  'significance',
  'amp_category',
  'assertion_id',
] as const;

export interface CivicFiles {
  evidence: string;
  assertions?: string;
}

/** A directory holding a release, or the evidence file itself. */
export function findCivicFiles(path: string): CivicFiles {
  const st = statSync(path);
  if (!st.isDirectory()) return { evidence: path };
  const names = readdirSync(path).sort();
  const evidence = names.find((n) => /ClinicalEvidenceSummaries\.tsv(\.gz)?$/i.test(n));
  if (!evidence) throw new OnconavError(`no *ClinicalEvidenceSummaries.tsv file in ${path}`, 1);
  const assertions = names.find((n) => /AssertionSummaries\.tsv(\.gz)?$/i.test(n));
  return { evidence: join(path, evidence), ...(assertions ? { assertions: join(path, assertions) } : {}) };
}

type Effect = 'sensitivity' | 'resistance';

/** `Sensitivity/Response` → sensitivity; `Resistance`, `Reduced Sensitivity` → resistance; others → a skip reason. */
export function civicEffect(significance: string): { effect: Effect; reduced: boolean } | { skip: string } {
  switch (significance.trim().toLowerCase()) {
    case 'sensitivity/response':
    case 'sensitivity':
    case 'response':
      return { effect: 'sensitivity', reduced: false };
    case 'resistance':
      return { effect: 'resistance', reduced: false };
    case 'reduced sensitivity':
      return { effect: 'resistance', reduced: true };
    case 'adverse response':
      return { skip: 'adverse-response' };
    default:
      return { skip: 'other-significance' };
  }
}

/**
 * A CIViC molecular profile name → gene + variant. Profiles combining variants (`X AND Y`, `X OR Y`,
 * `NOT X`) are complex and return null.
 */
export function splitMolecularProfile(
  name: string,
): { gene: string; variant: string } | { complex: true } | null {
  const t = name.trim();
  if (/\s(AND|OR)\s/.test(t) || /^NOT\s/.test(t)) return { complex: true };
  const m = /^([A-Za-z0-9][A-Za-z0-9.-]*)\s+(.+)$/.exec(t);
  if (!m) return null;
  return { gene: m[1]!.toUpperCase(), variant: m[2]!.trim() };
}

/**
 * A CIViC variant name (with its gene) → alteration patterns, or null when we do not model it. Names follow
 * CIViC's variant naming conventions (civic docs, "Variant Name"): protein changes, codons, `Amplification`,
 * `Deletion`, `Loss`, `Fusion`, `X::Y` fusions (`EML4::ALK e6-e20`), `Exon 19 Deletion`, `Mutation`…
 */
export function civicVariantPatterns(gene: string, variant: string): AlterationPattern[] | null {
  const v = variant.trim().replace(/\s+/g, ' ');
  const u = v.toUpperCase();
  switch (u) {
    case 'AMPLIFICATION':
    case 'COPY NUMBER GAIN':
      return [{ type: 'amplification', gene }];
    case 'DELETION':
    case 'COPY NUMBER LOSS':
      return [{ type: 'deletion', gene }];
    // CIViC uses "Loss"/"Loss-of-function" for loss of the gene's function by any mechanism (SO
    // loss_of_function_variant): we express that as inactivating mutations or a deep deletion.
    case 'LOSS':
    case 'LOSS-OF-FUNCTION':
    case 'LOSS OF FUNCTION':
    case 'BIALLELIC INACTIVATION':
      return [
        { type: 'oncogenic', gene },
        { type: 'deletion', gene },
      ];
    case 'MUTATION':
      return [{ type: 'anyMutation', gene }];
    case 'ACTIVATING MUTATION':
    case 'DELETERIOUS MUTATION':
    case 'INACTIVATING MUTATION':
    case 'ONCOGENIC MUTATION':
      return [{ type: 'oncogenic', gene }];
    case 'TRUNCATING MUTATION':
    case 'FRAMESHIFT TRUNCATION':
    case 'FRAMESHIFT':
    case 'NONSENSE MUTATION':
      return [{ type: 'class', gene, class: 'truncating' }];
    case 'FUSION':
    case 'FUSIONS':
    case 'REARRANGEMENT':
    case 'TRANSLOCATION':
      return [{ type: 'fusion', gene }];
    // FLT3 internal tandem duplications are in-frame insertions of duplicated sequence; our class
    // vocabulary has no ITD class, so the in-frame insertion class stands for them (documented).
    case 'ITD':
    case 'INTERNAL TANDEM DUPLICATION':
      return [{ type: 'class', gene, class: 'inframe_insertion' }];
    default:
      break;
  }
  let m = /^EXON (\d+) (DELETION|INSERTION|MUTATION|SKIPPING MUTATION|SKIPPING)$/.exec(u);
  if (m) {
    const kind =
      m[2] === 'DELETION'
        ? 'deletion'
        : m[2] === 'INSERTION'
          ? 'insertion'
          : m[2]!.startsWith('SKIPPING')
            ? 'skipping'
            : 'mutation';
    const cls = exonClass(Number(m[1]), kind);
    return cls ? [{ type: 'class', gene, class: cls }] : null;
  }
  // Fusions named by partners, optionally with exon breakpoints or a trailing "Fusion": EML4::ALK e6-e20.
  m = /^([A-Z0-9.-]+)::([A-Z0-9.-]+)(?:\s+(?:E\d+-E\d+|FUSION))?$/.exec(u);
  if (m) {
    const sides = [m[1]!, m[2]!];
    const others = sides.filter((s) => s !== gene);
    if (others.length === 1) return [{ type: 'fusion', gene, partner: others[0]! }];
    // Legacy names such as ABL1 "BCR::ABL" (old symbol for the keyed gene): take the side that is not a prefix of it.
    const partner = sides.find((s) => !gene.startsWith(s));
    return partner && sides.some((s) => gene.startsWith(s)) ? [{ type: 'fusion', gene, partner }] : null;
  }
  return proteinChangePatterns(gene, v);
}

function therapyGroups(therapies: string, interaction: string): string[][] | { skip: string } {
  const drugs = therapies
    .split(',')
    .map(drugName)
    .filter((d) => d !== '');
  if (drugs.length === 0) return { skip: 'no-therapy' };
  switch (interaction.trim().toLowerCase()) {
    case 'combination':
      return [drugs];
    case 'sequential':
      // Given one after the other, not together: our Evidence has no sequence, so it is left out.
      return { skip: 'sequential-therapy' };
    case 'substitutes':
    case '':
      return drugs.map((d) => [d]);
    default:
      return { skip: 'other-therapy-interaction' };
  }
}

function capReduced(mapped: MappedLevel, reduced: boolean): MappedLevel {
  if ('skip' in mapped || !reduced) return mapped;
  // Reduced sensitivity is partial resistance: never stronger than clinical-evidence resistance.
  return { level: 'R2' };
}

interface RowContext {
  idBase: string;
  level: Level;
  effect: Effect;
  sourceLevel: string;
  citations: Citation[];
  release: string;
  tally: Tally;
  extraNote?: string;
}

/** Shared tail of evidence/assertion rows: profile → patterns, disease → codes, therapies → evidence items. */
function buildEvidence(
  ctx: RowContext,
  profile: string,
  disease: string,
  doid: string,
  therapies: string,
  interaction: string,
): Evidence[] | null {
  const { tally } = ctx;
  const split = splitMolecularProfile(profile);
  if (split === null) {
    tally.skip('unmapped-alteration');
    tally.alteration(profile || '(empty)');
    return null;
  }
  if ('complex' in split) {
    tally.skip('complex-molecular-profile');
    return null;
  }
  const patterns = civicVariantPatterns(split.gene, split.variant);
  if (patterns === null) {
    tally.skip('unmapped-alteration');
    tally.alteration(profile);
    return null;
  }
  const mapped = mapCivicDisease(doid, disease);
  if (mapped === null) {
    tally.skip('unmapped-disease');
    tally.disease(doid ? `${disease} (DOID:${doid})` : disease || '(empty)');
    return null;
  }
  const groups = therapyGroups(therapies, interaction);
  if ('skip' in groups) {
    tally.skip(groups.skip);
    return null;
  }
  const out: Evidence[] = [];
  const many = patterns.length * groups.length > 1;
  let n = 0;
  for (const pattern of patterns) {
    for (const drugs of groups) {
      n++;
      const what = ctx.effect === 'sensitivity' ? 'sensitivity to' : 'resistance to';
      out.push({
        id: many ? `${ctx.idBase}.${n}` : ctx.idBase,
        source: CIVIC_SOURCE,
        release: ctx.release,
        pattern,
        tumorTypes: [...mapped.codes],
        excludedTumorTypes: [],
        drugs,
        effect: ctx.effect,
        level: ctx.level,
        citations: ctx.citations,
        description: `${describePattern(pattern)}: ${what} ${drugs.join(' + ')} in ${disease || 'the tumor types listed'} (CIViC ${profile}, ${ctx.sourceLevel}${ctx.extraNote ? `; ${ctx.extraNote}` : ''}).`,
        sourceLevel: ctx.sourceLevel,
        researchUseOnly: false,
      });
    }
  }
  return out;
}

function evidenceCitations(row: TsvRow, eid: string): Citation[] {
  const cites: Citation[] = [
    {
      kind: 'civic',
      label: `CIViC evidence item ${eid}`,
      id: eid,
      url: row.get('evidence_civic_url') || `https://civicdb.org/links/evidence_items/${eid.slice(3)}`,
    },
  ];
  const cid = row.get('citation_id');
  const type = row.get('source_type').toLowerCase();
  if (cid !== '') {
    if (type === 'pubmed' || type === '') {
      cites.push({
        kind: 'publication',
        label: row.get('citation') || `PMID ${cid}`,
        id: `PMID:${cid}`,
        url: `https://pubmed.ncbi.nlm.nih.gov/${cid}/`,
      });
    } else {
      cites.push({
        kind: 'publication',
        label: `${row.get('source_type')} abstract ${cid}${row.get('citation') ? ` (${row.get('citation')})` : ''}`,
        id: `${row.get('source_type')}:${cid}`,
      });
    }
  }
  return cites;
}

/**
 * CIViC releases before molecular profiles (2022) had `gene` + `variant`, `drugs`, `drug_interaction_type`
 * and `clinical_significance` where current ones have `molecular_profile`, `therapies`,
 * `therapy_interaction_type` and `significance`: old files are read through the new names.
 */
export function adaptLegacyColumns(table: TsvTable): TsvTable {
  const has = new Set(table.header);
  if (has.has('molecular_profile') || !has.has('gene') || !has.has('variant')) return table;
  const aliases: Record<string, string> = {
    therapies: 'drugs',
    therapy_interaction_type: 'drug_interaction_type',
    significance: 'clinical_significance',
  };
  const added = [
    'molecular_profile',
    ...Object.keys(aliases).filter((c) => !has.has(c) && has.has(aliases[c]!)),
  ];
  return {
    ...table,
    header: [...table.header, ...added],
    rows: table.rows.map((r) => ({
      line: r.line,
      get: (c: string) => {
        if (c === 'molecular_profile') return `${r.get('gene')} ${r.get('variant')}`.trim();
        const alias = aliases[c];
        return alias !== undefined && !has.has(c) ? r.get(alias) : r.get(c);
      },
    })),
  };
}

/** Imports a CIViC release (directory or evidence file). Does not touch the store: see sync.ts. */
export async function importCivic(path: string, options: ImportOptions = {}): Promise<ImportResult> {
  const files = findCivicFiles(path);
  const issues: Issue[] = [];
  const tally = new Tally();
  const name = basename(files.evidence);
  const prefix = /^(.*?)-?(?:Accepted)?ClinicalEvidenceSummaries/i.exec(name)?.[1] ?? '';
  const date =
    options.date ??
    civicReleaseDate(prefix || basename(path)) ??
    new Date(statSync(files.evidence).mtime).toISOString().slice(0, 10);
  // Monthly files carry their date (`01-Aug-2024-…`); nightly files do not, so the date joins the name.
  const version =
    options.version ?? (prefix === '' ? date : civicReleaseDate(prefix) ? prefix : `${prefix}-${date}`);
  const release = version;

  const evidenceTable = adaptLegacyColumns(
    await readTsv(files.evidence, issues, { ...(options.signal ? { signal: options.signal } : {}) }),
  );
  for (const c of CIVIC_EVIDENCE_COLUMNS) {
    if (evidenceTable.header.length > 0 && !evidenceTable.header.includes(c)) {
      issues.push({
        severity: 'error',
        code: 'tsv.missing-column',
        message: `required column "${c}" is missing`,
        file: evidenceTable.file,
        line: 1,
        field: c,
      });
    }
  }
  if (issues.some((i) => i.severity === 'error')) {
    throw new OnconavError(`${evidenceTable.file} is not a CIViC clinical evidence file`, 1, issues);
  }
  const assertionTable = files.assertions
    ? await readTsv(files.assertions, issues, {
        required: ASSERTION_COLUMNS,
        ...(options.signal ? { signal: options.signal } : {}),
      })
    : null;
  const total = evidenceTable.rows.length + (assertionTable?.rows.length ?? 0);
  const evidence: Evidence[] = [];
  const seen = new Set<string>();
  let done = 0;

  for (const row of evidenceTable.rows) {
    if (done % 256 === 0) {
      checkAbort(options.signal);
      options.onProgress?.(done, total);
    }
    done++;
    tally.rowsRead++;
    if (row.get('evidence_type').toLowerCase() !== 'predictive') {
      tally.skip('not-predictive');
      continue;
    }
    if (row.get('evidence_direction').toLowerCase() !== 'supports') {
      tally.skip('does-not-support');
      continue;
    }
    const status = row.get('evidence_status').toLowerCase();
    if (status !== '' && status !== 'accepted') {
      tally.skip('not-accepted');
      continue;
    }
    if (row.get('is_flagged').toLowerCase() === 'true') {
      tally.skip('flagged');
      continue;
    }
    const eff = civicEffect(row.get('significance'));
    if ('skip' in eff) {
      tally.skip(eff.skip);
      continue;
    }
    const lvl = row.get('evidence_level');
    const mapped = capReduced(civicEvidenceLevel(lvl, eff.effect), eff.reduced);
    if ('skip' in mapped) {
      if (mapped.skip === 'unknown-level')
        issues.push({
          severity: 'warning',
          code: 'civic.level',
          message: `unknown evidence level "${lvl}"`,
          file: evidenceTable.file,
          line: row.line,
          field: 'evidence_level',
        });
      tally.skip(mapped.skip);
      continue;
    }
    const rawId = row.get('evidence_id');
    if (!/^\d+$/.test(rawId)) {
      issues.push({
        severity: 'warning',
        code: 'civic.evidence-id',
        message: `evidence_id "${rawId}" is not a number`,
        file: evidenceTable.file,
        line: row.line,
        field: 'evidence_id',
      });
      tally.skip('bad-row');
      continue;
    }
    const eid = `EID${rawId}`;
    if (seen.has(eid)) {
      issues.push({
        severity: 'warning',
        code: 'civic.duplicate',
        message: `${eid} appears twice; the first is kept`,
        file: evidenceTable.file,
        line: row.line,
      });
      tally.skip('duplicate');
      continue;
    }
    seen.add(eid);
    const origin = row.get('variant_origin');
    const built = buildEvidence(
      {
        idBase: eid,
        level: mapped.level,
        effect: eff.effect,
        sourceLevel: `${lvl}${eff.reduced ? ' (reduced sensitivity)' : ''}`,
        citations: evidenceCitations(row, eid),
        release,
        tally,
        ...(/germline/i.test(origin) ? { extraNote: `${origin.toLowerCase()} variant` } : {}),
      },
      row.get('molecular_profile'),
      row.get('disease'),
      row.get('doid'),
      row.get('therapies'),
      row.get('therapy_interaction_type'),
    );
    if (built) evidence.push(...built);
  }

  for (const row of assertionTable?.rows ?? []) {
    if (done % 256 === 0) {
      checkAbort(options.signal);
      options.onProgress?.(done, total);
    }
    done++;
    tally.rowsRead++;
    if (row.get('assertion_type').toLowerCase() !== 'predictive') {
      tally.skip('assertion-not-predictive');
      continue;
    }
    if (row.get('assertion_direction').toLowerCase() !== 'supports') {
      tally.skip('does-not-support');
      continue;
    }
    if (row.get('is_flagged').toLowerCase() === 'true') {
      tally.skip('flagged');
      continue;
    }
    const eff = civicEffect(row.get('significance'));
    if ('skip' in eff) {
      tally.skip(eff.skip);
      continue;
    }
    const amp = row.get('amp_category');
    const approved = row.get('regulatory_approval').toLowerCase() === 'true';
    const mapped = capReduced(civicAssertionLevel(amp, approved, eff.effect), eff.reduced);
    if ('skip' in mapped) {
      tally.skip(mapped.skip);
      continue;
    }
    const aid = `AID${row.get('assertion_id')}`;
    const companion = row.get('fda_companion_test').toLowerCase() === 'true';
    const nccn = row.get('nccn_guideline');
    const cites: Citation[] = [
      {
        kind: 'civic',
        label: `CIViC assertion ${aid} (${amp}${approved ? ', regulatory approval' : ''}${companion ? ', FDA companion test' : ''})`,
        id: aid,
        url: row.get('assertion_civic_url') || undefined,
      },
    ];
    if (nccn !== '')
      cites.push({
        kind: 'guideline',
        label: `NCCN Guidelines: ${nccn}${row.get('nccn_guideline_version') ? ` v${row.get('nccn_guideline_version')}` : ''} (as cited by CIViC ${aid})`,
      });
    const built = buildEvidence(
      {
        idBase: aid,
        level: mapped.level,
        effect: eff.effect,
        sourceLevel: amp,
        citations: cites.map(dropUndefined),
        release,
        tally,
      },
      row.get('molecular_profile'),
      row.get('disease'),
      row.get('doid'),
      row.get('therapies'),
      row.get('therapy_interaction_type') || (row.get('therapies').includes(',') ? 'Combination' : ''),
    );
    if (built) evidence.push(...built);
  }
  options.onProgress?.(total, total);

  return {
    release: {
      source: CIVIC_SOURCE,
      version,
      date,
      importedAt: options.importedAt ?? new Date().toISOString(),
      researchUseOnly: false,
      license: CIVIC_LICENSE,
      evidenceCount: evidence.length,
    },
    evidence,
    report: tally.report(evidence.length),
    issues,
  };
}

function dropUndefined(c: Citation): Citation {
  return Object.fromEntries(Object.entries(c).filter(([, v]) => v !== undefined)) as Citation;
}
