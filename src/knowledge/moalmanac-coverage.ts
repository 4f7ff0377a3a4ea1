import { ALL_LIQUID_TUMORS, ALL_SOLID_TUMORS, ALL_TUMORS } from '../domain/index.js';
import type { AlterationClass, Consequence, Evidence, Issue, Mutation } from '../domain/index.js';
import { builtinOncogenicity } from './builtin/genes.js';

/**
 * How much of MOAlmanac's FDA-approved sensitivity knowledge the built-in tables cover (a test of our
 * curation, not an importer: the MOAlmanac importer lives in src/knowledge/importers). An assertion is
 * covered when one built-in entry has
 *   - the same gene (or biomarker) with a compatible alteration pattern (see `patternCovers`),
 *   - a tumor type equal to, an ancestor of, or a descendant of the assertion's OncoTree code, and
 *   - the same key drugs once standard backbone agents (chemotherapy, steroids, endocrine partners) are set
 *     aside, so "capivasertib + fulvestrant" and "capivasertib" mean the same targeted choice.
 * Rows where we knowingly differ are listed in DELIBERATE_DIFFERENCES with the reason and reported apart.
 */

// ------------------------------------------------------------------------------------------ input rows

/** One FDA-approved sensitivity assertion of the legacy flat MOAlmanac file, reduced to what we compare. */
export interface MoaAssertion {
  id: number;
  featureType: string;
  /** Gene for gene features; the biomarker (`MSI`, `TMB`) otherwise. */
  gene: string;
  /** Second gene of a rearrangement ('' when any partner). */
  partner: string;
  /** `V600E` (no `p.`), '' when gene- or class-level. */
  proteinChange: string;
  /** MOAlmanac variant_annotation (Missense, Nonsense, Frameshift, Splice Site, Deletion, Insertion) or ''. */
  annotation: string;
  exon: number | undefined;
  /** Copy number direction (Amplification / Deletion), MSI status, or TMB threshold. */
  direction: string;
  tmbMin: number | undefined;
  oncotreeCode: string;
  oncotreeTerm: string;
  therapy: string;
  /** Short human form for the table: `BRAF V600E`, `ALK::`, `ERBB2 Amplification`. */
  feature: string;
}

const FEATURE_TYPES = [
  'Somatic Variant',
  'Germline Variant',
  'Copy Number',
  'Rearrangement',
  'Microsatellite Stability',
  'Mutational Burden',
] as const;

function str(v: unknown): string {
  return typeof v === 'string' ? v.trim() : typeof v === 'number' ? String(v) : '';
}

/**
 * FDA-approved sensitivity assertions (`predictive_implication` "FDA-Approved", `therapy_sensitivity` 1, not
 * deprecated) from the parsed flat JSON array. Rows of other feature types (signatures, knockdown) are
 * counted in `skipped`; malformed rows become issues located by JSON pointer.
 */
export function readMoalmanacFdaAssertions(
  json: unknown,
  file?: string,
): { assertions: MoaAssertion[]; issues: Issue[]; skipped: number } {
  const issues: Issue[] = [];
  const assertions: MoaAssertion[] = [];
  let skipped = 0;
  if (!Array.isArray(json)) {
    issues.push({
      severity: 'error',
      code: 'moalmanac.not-array',
      message: 'expected a JSON array of assertions',
      file,
      pointer: '',
    });
    return { assertions, issues, skipped };
  }
  json.forEach((raw: unknown, i) => {
    if (typeof raw !== 'object' || raw === null) {
      issues.push({
        severity: 'warning',
        code: 'moalmanac.bad-row',
        message: 'assertion is not an object',
        file,
        pointer: `/${i}`,
      });
      return;
    }
    const r = raw as Record<string, unknown>;
    if (
      r._deprecated === true ||
      str(r.predictive_implication) !== 'FDA-Approved' ||
      str(r.therapy_sensitivity) !== '1'
    )
      return;
    const featureType = str(r.feature_type);
    if (!(FEATURE_TYPES as readonly string[]).includes(featureType)) {
      skipped++;
      return;
    }
    const therapy = str(r.therapy_name);
    if (therapy === '') {
      issues.push({
        severity: 'warning',
        code: 'moalmanac.no-therapy',
        message: 'FDA-approved assertion without therapy_name',
        file,
        pointer: `/${i}/therapy_name`,
      });
      return;
    }
    const id = typeof r.assertion_id === 'number' ? r.assertion_id : i;
    const base = {
      id,
      featureType,
      therapy,
      oncotreeCode: str(r.oncotree_code).toUpperCase(),
      oncotreeTerm: str(r.oncotree_term),
      partner: '',
      proteinChange: '',
      annotation: '',
      exon: undefined,
      direction: '',
      tmbMin: undefined,
    };
    const exonText = str(r.exon);
    const exon = /^\d+$/.test(exonText) ? Number(exonText) : undefined;
    switch (featureType) {
      case 'Somatic Variant':
      case 'Germline Variant': {
        const gene = str(r.gene).toUpperCase();
        const proteinChange = str(r.protein_change).replace(/^p\./, '');
        const annotation = str(r.variant_annotation);
        const feature = [
          gene,
          proteinChange || [annotation, exon !== undefined ? `exon ${exon}` : ''].filter(Boolean).join(' '),
        ]
          .filter(Boolean)
          .join(' ');
        assertions.push({ ...base, gene, proteinChange, annotation, exon, feature });
        break;
      }
      case 'Copy Number': {
        const gene = str(r.gene).toUpperCase();
        const direction = str(r.direction);
        assertions.push({ ...base, gene, direction, feature: `${gene} ${direction}` });
        break;
      }
      case 'Rearrangement': {
        const gene = str(r.gene1).toUpperCase();
        const partner = str(r.gene2).toUpperCase();
        assertions.push({ ...base, gene, partner, feature: `${gene}::${partner}` });
        break;
      }
      case 'Microsatellite Stability': {
        const status = str(r.status);
        assertions.push({ ...base, gene: 'MSI', direction: status, feature: status });
        break;
      }
      case 'Mutational Burden': {
        const min = Number(str(r.mutations_per_mb));
        assertions.push({
          ...base,
          gene: 'TMB',
          tmbMin: Number.isFinite(min) && min > 0 ? min : undefined,
          feature: `TMB >= ${str(r.mutations_per_mb)}`,
        });
        break;
      }
    }
    const last = assertions[assertions.length - 1];
    if (last !== undefined && last.id === id && last.gene === '') {
      issues.push({
        severity: 'warning',
        code: 'moalmanac.no-gene',
        message: 'assertion without a gene',
        file,
        pointer: `/${i}`,
      });
      assertions.pop();
    }
  });
  return { assertions, issues, skipped };
}

// ---------------------------------------------------------------------------------------- tumor types

/** What coverage needs from OncoTree: ancestry (code first, up to ALL_TUMORS) and code existence. */
export interface TumorTree {
  has(code: string): boolean;
  ancestors(code: string): string[];
}

const LIQUID_TISSUES = new Set(['MYELOID', 'LYMPH']);

/**
 * A TumorTree from the OncoTree flat TSV (columns code … path, path like `TISSUE > LUNG > NSCLC`): enough for
 * the coverage test without the full normalizer. Tissues MYELOID and LYMPH sit under ALL_LIQUID_TUMORS.
 */
export function tumorTreeFromFlatTsv(text: string): TumorTree {
  const paths = new Map<string, string[]>();
  const lines = text.split(/\r?\n/);
  const header = (lines[0] ?? '').split('\t');
  const codeCol = header.indexOf('code');
  const pathCol = header.indexOf('path');
  for (const line of lines.slice(1)) {
    const cols = line.split('\t');
    const code = cols[codeCol];
    const path = cols[pathCol];
    if (code === undefined || code === '' || path === undefined) continue;
    paths.set(
      code.toUpperCase(),
      path.split('>').map((p) => p.trim().toUpperCase()),
    );
  }
  return {
    has: (code) =>
      paths.has(code.toUpperCase()) || [ALL_TUMORS, ALL_SOLID_TUMORS, ALL_LIQUID_TUMORS].includes(code),
    ancestors(code) {
      const c = code.toUpperCase();
      if (c === ALL_TUMORS) return [ALL_TUMORS];
      if (c === ALL_SOLID_TUMORS || c === ALL_LIQUID_TUMORS) return [c, ALL_TUMORS];
      const path = paths.get(c);
      if (!path) return [c, ALL_TUMORS];
      const chain = path.filter((p) => p !== 'TISSUE').reverse();
      const tissue = path[1];
      return [
        ...chain,
        tissue !== undefined && LIQUID_TISSUES.has(tissue) ? ALL_LIQUID_TUMORS : ALL_SOLID_TUMORS,
        ALL_TUMORS,
      ];
    },
  };
}

/** Retired OncoTree codes MOAlmanac still uses, mapped to the current nodes (OncoTree release notes). */
const RETIRED_CODES: Readonly<Record<string, readonly string[]>> = {
  ALL: ['BLL', 'TLL'],
  MLN: ['MLNER'],
  CLL: ['CLLSLL'],
};

/** The assertion's tumor as OncoTree codes; MOAlmanac writes tumor-agnostic rows with an empty code. */
export function moaTumorCodes(a: Pick<MoaAssertion, 'oncotreeCode' | 'oncotreeTerm'>): string[] {
  if (a.oncotreeCode === '') {
    const term = a.oncotreeTerm.toLowerCase();
    if (term === 'any solid tumor') return [ALL_SOLID_TUMORS];
    if (term === 'any cancer type' || term === 'any tumor') return [ALL_TUMORS];
    return [];
  }
  return [...(RETIRED_CODES[a.oncotreeCode] ?? [a.oncotreeCode])];
}

const PSEUDO = new Set<string>([ALL_TUMORS, ALL_SOLID_TUMORS, ALL_LIQUID_TUMORS]);

/**
 * Evidence tumor types cover an assertion code when equal or broader; narrower (e.g. DMG under DIFG) also
 * counts because labels often name a subtype the source rounds up, but never under a pseudo-code: a
 * lung-only entry does not cover a tumor-agnostic approval. Excluded types win.
 */
export function tumorCompatible(
  e: Pick<Evidence, 'tumorTypes' | 'excludedTumorTypes'>,
  codes: readonly string[],
  tree: TumorTree,
): boolean {
  return codes.some((m) => {
    const mAnc = tree.ancestors(m);
    if (e.excludedTumorTypes.some((x) => mAnc.includes(x))) return false;
    return e.tumorTypes.some((t) => mAnc.includes(t) || (!PSEUDO.has(m) && tree.ancestors(t).includes(m)));
  });
}

// ------------------------------------------------------------------------------------------ therapies

/**
 * Agents given alongside the targeted or immune drug that do not define the indication: cytotoxic
 * backbones, steroids, formulation helpers, and standard endocrine partners.
 */
export const BACKBONE_AGENTS: ReadonlySet<string> = new Set([
  'chemotherapy',
  'platinum compound',
  'platinum chemotherapy',
  'fluoropyrimidine',
  'fluoropyrimidine chemotherapy',
  'carboplatin',
  'cisplatin',
  'oxaliplatin',
  'pemetrexed',
  'fluorouracil',
  'leucovorin',
  'capecitabine',
  'docetaxel',
  'paclitaxel',
  'irinotecan',
  'gemcitabine',
  'cytarabine',
  'daunorubicin',
  'idarubicin',
  'anthracycline',
  'azacitidine',
  'prednisone',
  'prednisolone',
  'hyaluronidase',
  'fulvestrant',
  'letrozole',
  'anastrozole',
  'exemestane',
  'tamoxifen',
  'goserelin',
  'abiraterone',
  'enzalutamide',
]);

/** Lower case, no `ado-`/`fam-` prefix, no biologic suffix (`-zzxf`), no salt word (`acetate`). */
export function normalizeDrug(name: string): string {
  let out = name.toLowerCase().replace(/\s+/g, ' ').trim();
  for (;;) {
    const next = out
      .replace(/^(ado|fam)-/, '')
      .replace(/-[a-z]{4}$/, '')
      .replace(/ (acetate|mesylate|hydrochloride|maleate|tosylate|citrate|malate|sulfate)$/, '')
      .trim();
    if (next === out) return out;
    out = next;
  }
}

/** The drugs that define a regimen (backbone agents removed unless nothing else is left), sorted. */
export function keyDrugs(drugs: readonly string[]): string[] {
  const all = [...new Set(drugs.map(normalizeDrug))];
  const key = all.filter((d) => !BACKBONE_AGENTS.has(d));
  return (key.length > 0 ? key : all).sort();
}

export function moaDrugs(therapy: string): string[] {
  return therapy
    .split('+')
    .map((d) => d.trim())
    .filter((d) => d !== '');
}

// ---------------------------------------------------------------------------------------- alterations

const ANNOTATION_CONSEQUENCE: Readonly<Record<string, Consequence>> = {
  missense: 'missense',
  nonsense: 'nonsense',
  frameshift: 'frameshift',
  'splice site': 'splice_site',
  deletion: 'inframe_deletion',
  insertion: 'inframe_insertion',
};

/** Exon-level driver classes by exon number (what the normalizer derives from exon + consequence). */
function exonClasses(gene: string, exon: number | undefined, consequence: Consequence): AlterationClass[] {
  const out: AlterationClass[] = [];
  if (exon === undefined) return out;
  if (gene === 'EGFR' && exon === 19 && consequence === 'inframe_deletion')
    out.push('exon19_inframe_deletion');
  if ((gene === 'EGFR' || gene === 'ERBB2') && exon === 20 && consequence === 'inframe_insertion')
    out.push('exon20_insertion');
  if (gene === 'MET' && exon === 14) out.push('exon14_skipping');
  const byExon: Partial<Record<number, AlterationClass>> = {
    9: 'exon9_mutation',
    11: 'exon11_mutation',
    13: 'exon13_mutation',
    17: 'exon17_mutation',
    18: 'exon18_mutation',
  };
  const c = byExon[exon];
  if (c !== undefined) out.push(c);
  return out;
}

/** The assertion's variant as a domain Mutation, so the built-in oncogenicity rules can judge it. */
export function assertionAsMutation(a: MoaAssertion): Mutation {
  const consequence: Consequence =
    ANNOTATION_CONSEQUENCE[a.annotation.toLowerCase()] ??
    (/^[A-Z]\d+[A-Z]$/.test(a.proteinChange)
      ? 'missense'
      : /fs/.test(a.proteinChange)
        ? 'frameshift'
        : 'unknown');
  const classes = exonClasses(a.gene, a.exon, consequence);
  if (consequence === 'nonsense' || consequence === 'frameshift' || consequence === 'splice_site')
    classes.push('truncating');
  const pos = /^[A-Z*](\d+)/.exec(a.proteinChange)?.[1];
  const m: Mutation = {
    kind: 'mutation',
    gene: a.gene,
    alteration: a.proteinChange === '' ? null : a.proteinChange,
    consequence,
    classes,
    somaticStatus: a.featureType === 'Germline Variant' ? 'germline' : 'somatic',
    originalText: a.feature,
  };
  if (pos !== undefined) m.proteinStart = Number(pos);
  if (a.exon !== undefined) m.exon = a.exon;
  return m;
}

const isOncogenicCall = (o: string): boolean => o === 'Oncogenic' || o === 'Likely Oncogenic';

/** Whether one built-in pattern covers the assertion's alteration (general rules, no per-row cases). */
export function patternCovers(p: Evidence['pattern'], a: MoaAssertion): boolean {
  switch (a.featureType) {
    case 'Somatic Variant':
    case 'Germline Variant': {
      if (
        p.type === 'biomarker' ||
        p.type === 'amplification' ||
        p.type === 'deletion' ||
        p.type === 'fusion' ||
        p.gene !== a.gene
      )
        return false;
      // Gene-level assertion ("BRCA2 mutations"): any mutation pattern of the gene covers it.
      if (a.proteinChange === '' && a.annotation === '' && a.exon === undefined) return true;
      const m = assertionAsMutation(a);
      switch (p.type) {
        case 'variant':
          return m.alteration === p.alteration;
        case 'codon':
          return m.consequence === 'missense' && m.proteinStart === p.position;
        case 'class':
          return m.classes.includes(p.class);
        case 'oncogenic':
          return isOncogenicCall(builtinOncogenicity(m).oncogenic);
        case 'anyMutation':
          return true;
      }
      return false;
    }
    case 'Copy Number': {
      const dir = a.direction.toLowerCase();
      if (dir === 'amplification')
        return (
          (p.type === 'amplification' && p.gene === a.gene) ||
          (a.gene === 'ERBB2' && p.type === 'biomarker' && p.biomarker === 'HER2')
        );
      if (dir === 'deletion') {
        if (p.type === 'deletion') return p.gene === a.gene;
        if (p.type === 'oncogenic' && p.gene === a.gene) {
          return isOncogenicCall(
            builtinOncogenicity({
              kind: 'copyNumber',
              gene: a.gene,
              alteration: 'Deletion',
              change: 'deepDeletion',
              originalText: a.feature,
            }).oncogenic,
          );
        }
      }
      return false;
    }
    case 'Rearrangement': {
      if (p.type !== 'fusion') return false;
      const genes = [a.gene, a.partner].filter((g) => g !== '');
      return genes.includes(p.gene) && (p.partner === undefined || genes.includes(p.partner));
    }
    case 'Microsatellite Stability':
      return (
        p.type === 'biomarker' &&
        ((p.biomarker === 'MSI' && (p.statuses ?? []).includes('MSI-H')) ||
          (p.biomarker === 'MMR' && (p.statuses ?? []).includes('dMMR')))
      );
    case 'Mutational Burden':
      return (
        p.type === 'biomarker' &&
        p.biomarker === 'TMB' &&
        p.min !== undefined &&
        a.tmbMin !== undefined &&
        p.min <= a.tmbMin
      );
    default:
      return false;
  }
}

// ------------------------------------------------------------------------------- deliberate differences

/** A MOAlmanac assertion we knowingly do not carry; every given field must match for the rule to apply. */
export interface DeliberateDifference {
  gene?: string;
  /** A key drug of the assertion's therapy (normalized name). */
  drug?: string;
  /** Exact key-drug set of the assertion's therapy. */
  regimen?: readonly string[];
  /** Pattern over the rendered feature (`EGFR Nonsense`, `EZH2 Y646*`). */
  feature?: RegExp;
  /** MOAlmanac OncoTree codes the rule is limited to. */
  tumorCodes?: readonly string[];
  kind: 'withdrawn' | 'not-labeled' | 'germline-syndrome' | 'source-error' | 'notation';
  reason: string;
}

export const DELIBERATE_DIFFERENCES: readonly DeliberateDifference[] = [
  {
    drug: 'mobocertinib',
    kind: 'withdrawn',
    reason:
      'Mobocertinib (EGFR exon 20 insertions) was withdrawn from the US market by its sponsor after the confirmatory trial did not meet its primary endpoint (announced October 2023).',
  },
  {
    drug: 'infigratinib',
    kind: 'withdrawn',
    reason:
      'Infigratinib (FGFR2 fusion cholangiocarcinoma) was withdrawn by its sponsor and is no longer marketed in the US; pemigatinib and futibatinib remain.',
  },
  {
    drug: 'rucaparib',
    tumorCodes: ['OVT', 'HGSFT', 'PSEC'],
    kind: 'withdrawn',
    reason:
      'The rucaparib treatment indication for BRCA-mutated ovarian cancer after two or more chemotherapies was withdrawn in 2022; its remaining ovarian indication (maintenance) is not biomarker-selected.',
  },
  {
    regimen: ['encorafenib'],
    kind: 'not-labeled',
    reason:
      'Encorafenib is labeled only in combination (with binimetinib in melanoma and NSCLC, with cetuximab in colorectal cancer), never alone.',
  },
  {
    regimen: ['lapatinib', 'trastuzumab'],
    kind: 'not-labeled',
    reason:
      'Lapatinib is labeled with capecitabine or with letrozole; lapatinib with trastuzumab is not a US-labeled breast cancer regimen.',
  },
  {
    drug: 'everolimus',
    gene: 'TSC1',
    kind: 'germline-syndrome',
    reason:
      'Everolimus for subependymal giant cell astrocytoma is an indication of the inherited tuberous sclerosis complex, not a somatic tumor biomarker, and SEGA has no OncoTree node.',
  },
  {
    drug: 'everolimus',
    gene: 'TSC2',
    kind: 'germline-syndrome',
    reason:
      'Everolimus for subependymal giant cell astrocytoma is an indication of the inherited tuberous sclerosis complex, not a somatic tumor biomarker, and SEGA has no OncoTree node.',
  },
  {
    drug: 'revumenib',
    gene: 'NPM1',
    tumorCodes: ['ALL', 'BL', 'ALAL'],
    kind: 'source-error',
    reason:
      'The revumenib NPM1 indication is for acute myeloid leukemia only; the source copied the tumor types of the KMT2A indication.',
  },
  {
    drug: 'afatinib',
    feature: /^EGFR Nonsense/,
    kind: 'source-error',
    reason:
      'The afatinib label covers activating (non-resistant) EGFR mutations; EGFR nonsense (truncating) variants are not among them.',
  },
  {
    drug: 'tazemetostat',
    feature: /^EZH2 Y646\*$/,
    kind: 'notation',
    reason:
      'The source writes "Y646*" for any change at EZH2 Y646; the label names Y646 missense changes, which the built-in entry matches by codon 646.',
  },
];

export function differenceFor(a: MoaAssertion): DeliberateDifference | undefined {
  const key = keyDrugs(moaDrugs(a.therapy));
  return DELIBERATE_DIFFERENCES.find(
    (d) =>
      (d.gene === undefined || d.gene === a.gene) &&
      (d.drug === undefined || key.includes(d.drug)) &&
      (d.regimen === undefined ||
        (d.regimen.length === key.length && d.regimen.every((x) => key.includes(x)))) &&
      (d.feature === undefined || d.feature.test(a.feature)) &&
      (d.tumorCodes === undefined || d.tumorCodes.includes(a.oncotreeCode)),
  );
}

// ------------------------------------------------------------------------------------------- coverage

export const COVERAGE_STATUSES = ['covered', 'missing', 'excluded'] as const;
export type CoverageStatus = (typeof COVERAGE_STATUSES)[number];

export interface CoverageRow {
  assertion: MoaAssertion;
  status: CoverageStatus;
  /** Built-in evidence ids that cover it. */
  coveredBy: string[];
  difference?: DeliberateDifference;
}

export interface CoverageReport {
  rows: CoverageRow[];
  total: number;
  covered: number;
  excluded: number;
  missing: number;
  /** covered / (total − excluded); 1 when nothing is left to cover. */
  ratio: number;
  byGene: Map<string, { total: number; covered: number; excluded: number }>;
}

export function computeCoverage(
  assertions: readonly MoaAssertion[],
  evidence: readonly Evidence[],
  tree: TumorTree,
): CoverageReport {
  const sensitivity = evidence.filter((e) => e.effect === 'sensitivity');
  const rows: CoverageRow[] = assertions.map((a) => {
    const codes = moaTumorCodes(a);
    const key = keyDrugs(moaDrugs(a.therapy)).join('+');
    const coveredBy = sensitivity
      .filter(
        (e) =>
          keyDrugs(e.drugs).join('+') === key &&
          patternCovers(e.pattern, a) &&
          tumorCompatible(e, codes, tree),
      )
      .map((e) => e.id);
    if (coveredBy.length > 0) return { assertion: a, status: 'covered', coveredBy };
    const difference = differenceFor(a);
    return difference
      ? { assertion: a, status: 'excluded', coveredBy, difference }
      : { assertion: a, status: 'missing', coveredBy };
  });
  const byGene = new Map<string, { total: number; covered: number; excluded: number }>();
  for (const r of rows) {
    const g = byGene.get(r.assertion.gene) ?? { total: 0, covered: 0, excluded: 0 };
    g.total++;
    if (r.status === 'covered') g.covered++;
    if (r.status === 'excluded') g.excluded++;
    byGene.set(r.assertion.gene, g);
  }
  const covered = rows.filter((r) => r.status === 'covered').length;
  const excluded = rows.filter((r) => r.status === 'excluded').length;
  const denominator = rows.length - excluded;
  return {
    rows,
    total: rows.length,
    covered,
    excluded,
    missing: denominator - covered,
    ratio: denominator === 0 ? 1 : covered / denominator,
    byGene,
  };
}

/** Plain-text table: one line per gene, then the missing and excluded rows with reasons. */
export function formatCoverageTable(report: CoverageReport): string {
  const lines: string[] = [];
  const pct = (n: number, d: number): string => (d === 0 ? '100.0' : ((100 * n) / d).toFixed(1));
  lines.push(
    `MOAlmanac FDA-approved sensitivity assertions covered by built-in knowledge: ${report.covered}/${report.total - report.excluded} (${pct(report.covered, report.total - report.excluded)}%), ${report.excluded} deliberately excluded, ${report.total} in all`,
  );
  lines.push('gene       covered/total  excluded');
  for (const [gene, g] of [...report.byGene.entries()].sort(([a], [b]) => a.localeCompare(b))) {
    lines.push(
      `${gene.padEnd(10)} ${`${g.covered}/${g.total - g.excluded}`.padStart(13)}  ${String(g.excluded).padStart(8)}`,
    );
  }
  const missing = report.rows.filter((r) => r.status === 'missing');
  if (missing.length > 0) {
    lines.push('missing:');
    for (const r of missing)
      lines.push(
        `  #${r.assertion.id} ${r.assertion.feature} | ${r.assertion.oncotreeCode || r.assertion.oncotreeTerm} | ${r.assertion.therapy}`,
      );
  }
  const excluded = report.rows.filter((r) => r.status === 'excluded');
  if (excluded.length > 0) {
    lines.push('excluded (deliberate differences):');
    for (const r of excluded)
      lines.push(
        `  #${r.assertion.id} ${r.assertion.feature} | ${r.assertion.oncotreeCode || r.assertion.oncotreeTerm} | ${r.assertion.therapy} — ${r.difference?.kind ?? ''}`,
      );
  }
  return lines.join('\n');
}
