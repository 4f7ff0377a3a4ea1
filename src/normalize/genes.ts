/**
 * Gene symbol normalization: the current HGNC symbol for a name found in a file or typed by hand.
 *
 * Order of rules (first match wins; see docs/normalization.md):
 *  1. panel pseudo-genes (CDKN2Ap14ARF, CDKN2Ap16INK4A) → CDKN2A with the isoform kept;
 *  2. the legacy table below (retired symbols found on sequencing panels and cancer-specific names) —
 *     it beats HGNC's own alias lists because those lists can point elsewhere (MLL2 is an HGNC alias of
 *     KMT2B but means KMT2D on MSK-IMPACT);
 *  3. an approved (current) symbol;
 *  4. a previous symbol (an approved gene once had this name) — beats an alias;
 *  5. an alias.
 * Several candidates at step 4 or 5 are settled by preferring a gene on the built-in cancer gene list,
 * then alphabetical order; the result carries `ambiguity` so callers can report it.
 */
import { EARLIER_IMPACT_GENES, IMPACT505_GENES, OTHER_CANCER_GENES } from './gene-data.js';

export interface GeneResolution {
  /** Current HGNC symbol (or the input upper-cased when unknown). */
  symbol: string;
  input: string;
  /** True when `symbol` differs from the trimmed input other than by letter case. */
  changed: boolean;
  /** Isoform kept from panel pseudo-genes (CDKN2Ap14ARF → p14ARF). */
  isoform?: string;
  /** False when the symbol is not a known HGNC symbol, alias or previous symbol. */
  known: boolean;
  /** Set when the name had several candidates; explains the rule that picked `symbol`. */
  ambiguity?: { candidates: string[]; rule: string };
  /** Which rule produced the symbol. */
  via?: GeneRule;
}

export const GENE_RULES = ['pseudogene', 'legacy', 'approved', 'previous', 'alias', 'unknown'] as const;
export type GeneRule = (typeof GENE_RULES)[number];

/**
 * Where symbols come from: the built-in lists, or an imported HGNC set. Keys are upper-case; values are
 * approved symbols in HGNC's own letter case (e.g. `C17orf39` → `GID4`).
 */
export interface GeneLookup {
  /** The approved symbol in HGNC case when `upper` is an approved symbol, else undefined. */
  approved(upper: string): string | undefined;
  /** Approved symbols that list `upper` as a previous symbol. */
  previousOf(upper: string): readonly string[];
  /** Approved symbols that list `upper` as an alias. */
  aliasOf(upper: string): readonly string[];
  /** Short description for `ref status` and provenance, e.g. `builtin` or `hgnc 2018-11-07`. */
  readonly source: string;
}

/**
 * Retired symbols that occur on MSK-IMPACT panels and in cBioPortal studies, plus names used in cancer
 * reports whose HGNC alias lists point elsewhere. Facts from HGNC (previous symbols) and the cBioPortal
 * gene-alias table; the MLL names follow the panel's Entrez ids (MLL2 = 8085 KMT2D, MLL4 = 9757 KMT2B).
 */
export const LEGACY_GENE_NAMES: Readonly<Record<string, string>> = {
  // KMT2 family: HGNC lists MLL2 as alias of KMT2B and previous symbol of KMT2D, MLL4 as alias of both.
  MLL: 'KMT2A',
  MLL1: 'KMT2A',
  MLL2: 'KMT2D',
  MLL3: 'KMT2C',
  MLL4: 'KMT2B',
  FAM123B: 'AMER1',
  FAM175A: 'ABRAXAS1',
  FAM46C: 'TENT5C',
  FAM58A: 'CCNQ',
  MRE11A: 'MRE11',
  MYCL1: 'MYCL',
  PAK7: 'PAK5',
  PARK2: 'PRKN',
  RFWD2: 'COP1',
  SETD8: 'KMT5A',
  TCEB1: 'ELOC',
  WHSC1: 'NSD2',
  WHSC1L1: 'NSD3',
  CXORF67: 'EZHIP',
  C17ORF39: 'GID4',
  // Histone genes renamed by HGNC in 2020 (cBioPortal alias table); IMPACT341–468 use the old names.
  H3F3A: 'H3-3A',
  H3F3B: 'H3-3B',
  H3F3C: 'H3-5',
  HIST1H1C: 'H1-2',
  HIST1H2BD: 'H2BC5',
  HIST1H3A: 'H3C1',
  HIST1H3B: 'H3C2',
  HIST1H3C: 'H3C3',
  HIST1H3D: 'H3C4',
  HIST1H3E: 'H3C6',
  HIST1H3F: 'H3C7',
  HIST1H3G: 'H3C8',
  HIST1H3H: 'H3C10',
  HIST1H3I: 'H3C11',
  HIST1H3J: 'H3C12',
  HIST2H3C: 'H3C14',
  HIST2H3D: 'H3C13',
  HIST3H3: 'H3-4',
  // Cancer-report names: NEU is also a previous symbol of NEU1, but in oncology it means ERBB2.
  HER2: 'ERBB2',
  'HER-2': 'ERBB2',
  NEU: 'ERBB2',
  HER1: 'EGFR',
  HER3: 'ERBB3',
  'C-MET': 'MET',
  'C-KIT': 'KIT',
  PD1: 'PDCD1',
  'PD-1': 'PDCD1',
  'PD-L1': 'CD274',
  PDL1: 'CD274',
  'PD-L2': 'PDCD1LG2',
  PDL2: 'PDCD1LG2',
  CARS: 'CARS1',
};

/** Built-in aliases and previous symbols for common names (from HGNC); the full set comes with an import. */
const BUILTIN_ALIASES: Readonly<Record<string, string | readonly string[]>> = {
  // HGNC's own lists for the KMT2 names, so that the legacy rule reports the collision offline too.
  MLL2: ['KMT2B'],
  MLL4: ['KMT2B', 'KMT2D'],
  ERBB1: 'EGFR',
  HGFR: 'MET',
  TRKA: 'NTRK1',
  TRKB: 'NTRK2',
  TRKC: 'NTRK3',
  P53: 'TP53',
  P16: 'CDKN2A',
  INK4A: 'CDKN2A',
  P14ARF: 'CDKN2A',
  P16INK4A: 'CDKN2A',
  'N-MYC': 'MYCN',
  'C-MYC': 'MYC',
  BRAF1: 'BRAF',
  CRAF: 'RAF1',
  ROS: 'ROS1',
  VEGFR2: 'KDR',
  FLK1: 'KDR',
  MMAC1: 'PTEN',
  LKB1: 'STK11',
  NR3A1: 'ESR1',
  NR3C3: 'PGR',
  NR3C4: 'AR',
  FANCS: 'BRCA1',
  FANCJ: 'BRIP1',
  MEK1: 'MAP2K1',
  MEK2: 'MAP2K2',
  ERK2: 'MAPK1',
  ERK1: 'MAPK3',
  'B7-H1': 'CD274',
};
const BUILTIN_PREVIOUS: Readonly<Record<string, string | readonly string[]>> = {
  MLL2: 'KMT2D',
  KRAS2: 'KRAS',
  FANCD1: 'BRCA2',
  ESR: 'ESR1',
  PDCD1LG1: 'CD274',
  PDGFR: 'PDGFRB',
};

/** Panel pseudo-genes: cBioPortal/IMPACT report the two CDKN2A reading frames as separate "genes". */
const PSEUDO_GENES: Readonly<Record<string, { symbol: string; isoform: string }>> = {
  CDKN2AP14ARF: { symbol: 'CDKN2A', isoform: 'p14ARF' },
  CDKN2AP16INK4A: { symbol: 'CDKN2A', isoform: 'p16INK4A' },
};

const BUILTIN_SYMBOLS: readonly string[] = [...new Set([...IMPACT505_GENES, ...EARLIER_IMPACT_GENES, ...OTHER_CANCER_GENES, ...Object.values(LEGACY_GENE_NAMES)])];
let cancerGenes: Set<string> | undefined;
/** Upper-case keys of the built-in cancer gene list, used to break ties between candidates. */
export function builtinCancerGenes(): ReadonlySet<string> {
  cancerGenes ??= new Set(BUILTIN_SYMBOLS.map((s) => s.toUpperCase()));
  return cancerGenes;
}

function invert(table: Readonly<Record<string, string | readonly string[]>>): Map<string, string[]> {
  const m = new Map<string, string[]>();
  for (const [k, v] of Object.entries(table)) m.set(k.toUpperCase(), typeof v === 'string' ? [v] : [...v]);
  return m;
}

/** A lookup over in-memory maps (the built-in lists, or a test set). */
export class MapGeneLookup implements GeneLookup {
  private readonly approvedMap = new Map<string, string>();
  constructor(
    approved: Iterable<string>,
    private readonly previous: ReadonlyMap<string, readonly string[]> = new Map(),
    private readonly aliases: ReadonlyMap<string, readonly string[]> = new Map(),
    readonly source = 'builtin',
  ) {
    for (const s of approved) this.approvedMap.set(s.toUpperCase(), s);
  }
  approved(upper: string): string | undefined {
    return this.approvedMap.get(upper);
  }
  previousOf(upper: string): readonly string[] {
    return this.previous.get(upper) ?? [];
  }
  aliasOf(upper: string): readonly string[] {
    return this.aliases.get(upper) ?? [];
  }
}

export function builtinGeneLookup(): GeneLookup {
  return new MapGeneLookup(BUILTIN_SYMBOLS, invert(BUILTIN_PREVIOUS), invert(BUILTIN_ALIASES), 'builtin');
}

/** Prefer candidates on the cancer gene list, then alphabetical, so the pick is deterministic. */
function pick(candidates: readonly string[]): { symbol: string; sorted: string[] } {
  const cancer = builtinCancerGenes();
  const sorted = [...new Set(candidates)].sort((a, b) => {
    const ca = cancer.has(a.toUpperCase()) ? 0 : 1;
    const cb = cancer.has(b.toUpperCase()) ? 0 : 1;
    return ca - cb || (a < b ? -1 : a > b ? 1 : 0);
  });
  return { symbol: sorted[0]!, sorted };
}

export class GeneResolver {
  private readonly cache = new Map<string, GeneResolution>();
  /** `fallback` is consulted for "is this a current symbol" when the primary lookup does not know it. */
  constructor(
    readonly lookup: GeneLookup = builtinGeneLookup(),
    private readonly fallback?: GeneLookup,
  ) {}

  get source(): string {
    return this.lookup.source;
  }

  resolve(input: string): GeneResolution {
    const hit = this.cache.get(input);
    if (hit) return hit;
    const r = this.compute(input);
    if (this.cache.size < 100_000) this.cache.set(input, r);
    return r;
  }

  /** True when `symbol` is a current symbol in the lookup (or the built-in list). */
  isApproved(symbol: string): boolean {
    return this.approved(symbol.trim().toUpperCase()) !== undefined;
  }

  private approved(upper: string): string | undefined {
    return this.lookup.approved(upper) ?? this.fallback?.approved(upper);
  }

  private compute(input: string): GeneResolution {
    const trimmed = input.trim();
    const upper = trimmed.toUpperCase();
    const done = (symbol: string, via: GeneRule, extra: Partial<GeneResolution> = {}): GeneResolution => ({
      symbol,
      input,
      changed: symbol.toUpperCase() !== upper,
      known: via !== 'unknown',
      via,
      ...extra,
    });
    if (!upper) return done('', 'unknown');

    const pseudo = PSEUDO_GENES[upper];
    if (pseudo) return done(pseudo.symbol, 'pseudogene', { isoform: pseudo.isoform });

    const legacy = LEGACY_GENE_NAMES[upper];
    if (legacy) {
      const others = [...this.lookup.previousOf(upper), ...this.lookup.aliasOf(upper)].filter((s) => s !== legacy);
      const extra: Partial<GeneResolution> = others.length
        ? { ambiguity: { candidates: [legacy, ...new Set(others)], rule: 'panel-legacy table beats HGNC previous symbols and aliases' } }
        : {};
      return done(legacy, 'legacy', extra);
    }

    const approved = this.approved(upper);
    if (approved) return done(approved, 'approved');

    const prev = this.lookup.previousOf(upper);
    const alias = this.lookup.aliasOf(upper);
    if (prev.length) {
      const { symbol, sorted } = pick(prev);
      const all = [...new Set([...sorted, ...alias])];
      if (all.length > 1) {
        const rule = sorted.length > 1 ? 'several previous-symbol matches: cancer gene list first, then alphabetical' : 'previous symbol beats alias';
        return done(symbol, 'previous', { ambiguity: { candidates: all, rule } });
      }
      return done(symbol, 'previous');
    }
    if (alias.length) {
      const { symbol, sorted } = pick(alias);
      if (sorted.length > 1) return done(symbol, 'alias', { ambiguity: { candidates: sorted, rule: 'several alias matches: cancer gene list first, then alphabetical' } });
      return done(symbol, 'alias');
    }
    return done(upper, 'unknown');
  }
}

let builtin: GeneResolver | undefined;
/** The offline resolver: built-in legacy panel names and cancer genes (the full HGNC set once imported into the store). */
export function builtinGeneResolver(): GeneResolver {
  builtin ??= new GeneResolver();
  return builtin;
}
