import { ALL_LIQUID_TUMORS, ALL_SOLID_TUMORS, ALL_TUMORS, type TumorType, type TumorTypeRef } from '../domain/index.js';
import { BUILTIN_ONCOTREE_NODES, ONCOTREE_RELEASE } from './oncotree-data.js';

/**
 * OncoTree hierarchy: lookup by code, resolution of names and synonyms, ancestry for evidence propagation.
 * Pseudo-nodes ALL_TUMORS > ALL_SOLID_TUMORS / ALL_LIQUID_TUMORS sit above the tissues (OncoTree's own root
 * `TISSUE` is folded into ALL_TUMORS). Liquid = the MYELOID and LYMPH tissues; every other tissue, including
 * OTHER (cancer of unknown primary and mixed types), counts as solid.
 */
export interface TumorTypeResolution {
  ref: TumorTypeRef | null;
  /** Close codes/names when nothing matched, best first. */
  suggestions: string[];
  /** How the text was matched. */
  via?: TumorTypeMatch;
}
export const TUMOR_TYPE_MATCHES = ['code', 'retiredCode', 'synonym', 'name', 'mainType'] as const;
export type TumorTypeMatch = (typeof TUMOR_TYPE_MATCHES)[number];

/** OncoTree's root; its children are the tissues. */
export const ONCOTREE_ROOT = 'TISSUE';
export const LIQUID_TISSUES: readonly string[] = ['MYELOID', 'LYMPH'];

/**
 * Codes retired from OncoTree and the code that replaced them (OncoTree `history`, `revocations` and
 * `precursors` fields). Codes split into several (ALL → BLL / TLL) have several targets and do not resolve
 * on their own; `resolve` offers the targets as suggestions.
 */
export const BUILTIN_RETIRED_CODES: Readonly<Record<string, readonly string[]>> = {
  GBM: ['GB'],
  AASTR: ['ASTR'],
  AODG: ['ODG'],
  OAST: ['GNOS'],
  AOAST: ['GNOS'],
  DIPG: ['DMG'],
  TMT: ['GCTSTM'],
  MM: ['PCM'],
  CLL: ['CLLSLL'],
  SLL: ['CLLSLL'],
  DLBCL: ['DLBCLNOS'],
  ALL: ['BLL', 'TLL'],
  BALL: ['BLL'],
  TALL: ['TLL'],
  BLOOD: ['MYELOID'],
  MALTL: ['EMALT'],
  PTCLNOS: ['PTCL'],
  LEUK: ['MNM'],
  HIST: ['HDCN'],
  ETC: ['ET'],
  MYF: ['PMF'],
  PCV: ['PV'],
};

/**
 * Everyday names → codes (lower case, punctuation folded). Qualifiers such as "metastatic", "advanced",
 * "stage IV", "recurrent" are stripped before lookup, so they are not repeated here.
 */
export const TUMOR_SYNONYMS: Readonly<Record<string, string>> = {
  'all tumors': ALL_TUMORS,
  'all tumours': ALL_TUMORS,
  'any cancer': ALL_TUMORS,
  'pan cancer': ALL_TUMORS,
  'pan tumor': ALL_TUMORS,
  'tumor agnostic': ALL_TUMORS,
  'solid tumor': ALL_SOLID_TUMORS,
  'solid tumors': ALL_SOLID_TUMORS,
  'solid tumours': ALL_SOLID_TUMORS,
  'all solid tumors': ALL_SOLID_TUMORS,
  'hematologic malignancy': ALL_LIQUID_TUMORS,
  'hematologic malignancies': ALL_LIQUID_TUMORS,
  'blood cancer': ALL_LIQUID_TUMORS,
  'liquid tumors': ALL_LIQUID_TUMORS,
  'lung cancer': 'LUNG',
  nsclc: 'NSCLC',
  'non small cell lung cancer': 'NSCLC',
  'non small cell lung carcinoma': 'NSCLC',
  'lung adenocarcinoma': 'LUAD',
  'adenocarcinoma of the lung': 'LUAD',
  'lung squamous cell carcinoma': 'LUSC',
  'squamous cell lung cancer': 'LUSC',
  'squamous nsclc': 'LUSC',
  sclc: 'SCLC',
  'small cell lung cancer': 'SCLC',
  'small cell lung carcinoma': 'SCLC',
  'colon cancer': 'COAD',
  'colon adenocarcinoma': 'COAD',
  'rectal cancer': 'READ',
  'colorectal cancer': 'COADREAD',
  'colorectal carcinoma': 'COADREAD',
  crc: 'COADREAD',
  mcrc: 'COADREAD',
  'breast cancer': 'BRCA',
  'breast carcinoma': 'BRCA',
  melanoma: 'MEL',
  'cutaneous melanoma': 'SKCM',
  'skin melanoma': 'SKCM',
  'acral melanoma': 'ACRM',
  'uveal melanoma': 'UM',
  'ocular melanoma': 'UM',
  gist: 'GIST',
  'gastrointestinal stromal tumor': 'GIST',
  'gastrointestinal stromal tumour': 'GIST',
  glioblastoma: 'GB',
  'glioblastoma multiforme': 'GB',
  gbm: 'GB',
  astrocytoma: 'ASTR',
  oligodendroglioma: 'ODG',
  'low grade glioma': 'LGGNOS',
  glioma: 'DIFG',
  'brain cancer': 'BRAIN',
  aml: 'AML',
  'acute myeloid leukemia': 'AML',
  'acute myelogenous leukemia': 'AML',
  cml: 'CML',
  'chronic myeloid leukemia': 'CML',
  'chronic myelogenous leukemia': 'CML',
  cll: 'CLLSLL',
  'chronic lymphocytic leukemia': 'CLLSLL',
  mds: 'MDS',
  'myelodysplastic syndrome': 'MDS',
  mpn: 'MPN',
  'multiple myeloma': 'PCM',
  myeloma: 'PCM',
  'systemic mastocytosis': 'SM',
  histiocytosis: 'HDCN',
  'erdheim chester disease': 'ECD',
  'langerhans cell histiocytosis': 'LCH',
  'thyroid cancer': 'THYROID',
  'papillary thyroid cancer': 'THPA',
  'papillary thyroid carcinoma': 'THPA',
  'anaplastic thyroid cancer': 'THAP',
  'anaplastic thyroid carcinoma': 'THAP',
  'medullary thyroid cancer': 'THME',
  'medullary thyroid carcinoma': 'THME',
  cholangiocarcinoma: 'CHOL',
  'bile duct cancer': 'CHOL',
  'biliary tract cancer': 'BILIARY_TRACT',
  'gallbladder cancer': 'GBC',
  'bladder cancer': 'BLCA',
  'urothelial carcinoma': 'BLCA',
  'urothelial cancer': 'BLCA',
  'upper tract urothelial carcinoma': 'UTUC',
  'ovarian cancer': 'OVT',
  'high grade serous ovarian cancer': 'HGSOC',
  'prostate cancer': 'PRAD',
  'pancreatic cancer': 'PAAD',
  'pancreatic adenocarcinoma': 'PAAD',
  'gastric cancer': 'STAD',
  'stomach cancer': 'STAD',
  'esophageal cancer': 'STOMACH',
  'esophageal adenocarcinoma': 'ESCA',
  'gastroesophageal junction adenocarcinoma': 'GEJ',
  'head and neck cancer': 'HEAD_NECK',
  hnscc: 'HNSC',
  'head and neck squamous cell carcinoma': 'HNSC',
  'cervical cancer': 'CERVIX',
  'endometrial cancer': 'UCEC',
  'uterine cancer': 'UCEC',
  'kidney cancer': 'KIDNEY',
  'renal cancer': 'KIDNEY',
  'renal cell carcinoma': 'RCC',
  rcc: 'RCC',
  'clear cell renal cell carcinoma': 'CCRCC',
  'liver cancer': 'LIVER',
  'hepatocellular carcinoma': 'HCC',
  sarcoma: 'SOFT_TISSUE',
  'soft tissue sarcoma': 'SOFT_TISSUE',
  mesothelioma: 'PLMESO',
  'ewing sarcoma': 'ES',
  osteosarcoma: 'OS',
  'merkel cell carcinoma': 'MCC',
  'basal cell carcinoma': 'BCC',
  'cutaneous squamous cell carcinoma': 'CSCC',
  'cancer of unknown primary': 'CUP',
  cup: 'CUP',
  'inflammatory myofibroblastic tumor': 'IMT',
  'tenosynovial giant cell tumor': 'TGCT',
  'neuroendocrine tumor': 'NETNOS',
};

/** Qualifiers that say how far the disease has spread, not what it is. */
const QUALIFIERS = /^(?:metastatic|advanced|locally advanced|recurrent|relapsed|refractory|relapsed refractory|unresectable|inoperable|progressive|disseminated|widespread|secondary|stage\s*(?:iv|4)[abc]?|stage\s*(?:iii|3)[abc]?|de novo|newly diagnosed|and|or)\s+/;
const TRAILING = /\s+(?:stage\s*(?:iv|4)[abc]?|metastatic|nos)$/;

/** Lower case, punctuation and dashes folded to spaces. */
export function foldName(text: string): string {
  return text
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

/** Word-order-free key: "adenocarcinoma lung" and "lung adenocarcinoma" match. */
function tokenKey(folded: string): string {
  return folded.split(' ').filter((w) => w && w !== 'of' && w !== 'the').sort().join(' ');
}

function stripQualifiers(folded: string): string {
  let t = folded;
  for (let i = 0; i < 6; i++) {
    const next = t.replace(QUALIFIERS, '').replace(TRAILING, '');
    if (next === t) break;
    t = next;
  }
  return t;
}

/** Levenshtein distance, bounded: returns max+1 as soon as the distance exceeds `max`. */
export function editDistance(a: string, b: string, max = Infinity): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const v = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
      cur.push(v);
      if (v < rowMin) rowMin = v;
    }
    if (rowMin > max) return max + 1;
    prev = cur;
  }
  return prev[b.length]!;
}

export interface OncoTreeOptions {
  /** Retired code → current code(s). */
  retiredCodes?: ReadonlyMap<string, readonly string[]> | Readonly<Record<string, readonly string[]>>;
  /** Folded name → code; defaults to TUMOR_SYNONYMS. */
  synonyms?: Readonly<Record<string, string>>;
  /** Release label, e.g. `oncotree_2025_10_03`. */
  release?: string;
}

const PSEUDO_NODES: readonly TumorType[] = [
  { code: ALL_TUMORS, name: 'All Tumors', parent: null, level: 0 },
  { code: ALL_SOLID_TUMORS, name: 'All Solid Tumors', parent: ALL_TUMORS, level: 0 },
  { code: ALL_LIQUID_TUMORS, name: 'All Liquid Tumors', parent: ALL_TUMORS, level: 0 },
];

export class OncoTree {
  private readonly nodes = new Map<string, TumorType>();
  private readonly kids = new Map<string, string[]>();
  private readonly retired = new Map<string, readonly string[]>();
  private readonly byName = new Map<string, string>();
  private readonly byMainType = new Map<string, string[]>();
  private readonly byTokens = new Map<string, string>();
  private readonly synonyms = new Map<string, string>();
  readonly release: string;

  /**
   * `nodes` are OncoTree nodes as in the release (tissues have parent `TISSUE`); the root and the
   * pseudo-nodes are handled here.
   */
  constructor(nodes: ReadonlyMap<string, TumorType> | Iterable<TumorType> = new Map(), options: OncoTreeOptions = {}) {
    this.release = options.release ?? 'unknown';
    for (const p of PSEUDO_NODES) this.nodes.set(p.code, p);
    const list = nodes instanceof Map ? [...(nodes as ReadonlyMap<string, TumorType>).values()] : [...(nodes as Iterable<TumorType>)];
    for (const n of list) {
      const code = n.code.toUpperCase();
      if (code === ONCOTREE_ROOT) continue;
      const parent = n.parent === null || n.parent.toUpperCase() === ONCOTREE_ROOT ? (LIQUID_TISSUES.includes(code) ? ALL_LIQUID_TUMORS : ALL_SOLID_TUMORS) : n.parent.toUpperCase();
      this.nodes.set(code, { ...n, code, parent });
    }
    for (const n of this.nodes.values()) {
      if (n.parent === null) continue;
      const list2 = this.kids.get(n.parent) ?? [];
      list2.push(n.code);
      this.kids.set(n.parent, list2);
    }
    for (const l of this.kids.values()) l.sort();
    // Fill tissue from the level-1 ancestor when the source did not give it.
    for (const n of this.nodes.values()) {
      if (n.tissue === undefined) {
        const tissue = this.tissueOf(n.code);
        if (tissue !== undefined) n.tissue = tissue;
      }
      // OncoTree levels count from its root (tissues are level 1); pseudo-nodes are level 0.
      if (n.level === undefined) n.level = Math.max(0, this.depth(n.code) - 1);
    }
    const retired = options.retiredCodes ?? BUILTIN_RETIRED_CODES;
    const entries: Array<[string, readonly string[]]> =
      retired instanceof Map ? [...(retired as ReadonlyMap<string, readonly string[]>).entries()] : Object.entries(retired as Record<string, readonly string[]>);
    for (const [old, now] of entries) {
      const targets = now.map((c) => c.toUpperCase()).filter((c) => this.nodes.has(c) && c !== old.toUpperCase());
      if (!this.nodes.has(old.toUpperCase()) && targets.length) this.retired.set(old.toUpperCase(), targets);
    }
    this.retired.set(ONCOTREE_ROOT, [ALL_TUMORS]);
    // Names and main types: the shallowest node wins a shared main type (e.g. "Melanoma" → MEL).
    const byDepth = [...this.nodes.values()].sort((a, b) => this.depth(a.code) - this.depth(b.code) || (a.code < b.code ? -1 : 1));
    for (const n of byDepth) {
      const name = foldName(n.name);
      if (!this.byName.has(name)) this.byName.set(name, n.code);
      const tokens = tokenKey(name);
      if (!this.byTokens.has(tokens)) this.byTokens.set(tokens, n.code);
      if (n.mainType) {
        // Keep every node at the shallowest depth that carries this main type.
        const mt = foldName(n.mainType);
        const have = this.byMainType.get(mt);
        if (!have) this.byMainType.set(mt, [n.code]);
        else if (this.depth(have[0]!) === this.depth(n.code)) have.push(n.code);
      }
    }
    for (const [k, v] of Object.entries(options.synonyms ?? TUMOR_SYNONYMS)) if (this.nodes.has(v)) this.synonyms.set(foldName(k), v);
  }

  get size(): number {
    return this.nodes.size;
  }

  /** All nodes, pseudo-nodes first. */
  all(): IterableIterator<TumorType> {
    return this.nodes.values();
  }

  /** A node by code (case-insensitive); retired codes with a single successor resolve to it. */
  get(code: string): TumorType | undefined {
    const c = code.trim().toUpperCase();
    const hit = this.nodes.get(c);
    if (hit) return hit;
    const now = this.retired.get(c);
    return now?.length === 1 ? this.nodes.get(now[0]!) : undefined;
  }

  has(code: string): boolean {
    return this.get(code) !== undefined;
  }

  /**
   * `options.suggest: false` skips the near-miss suggestions of an unresolved text (a scan of every name),
   * for callers that only want the reference, such as registry conditions read by the thousand.
   */
  resolve(text: string, options: { suggest?: boolean } = {}): TumorTypeResolution {
    const raw = text.trim();
    if (!raw) return { ref: null, suggestions: [] };
    const ref = (code: string, via: TumorTypeMatch): TumorTypeResolution => {
      const n = this.nodes.get(code)!;
      const out: TumorTypeRef = { code: n.code, name: n.name };
      if (n.mainType !== undefined) out.mainType = n.mainType;
      if (via !== 'code') out.input = raw;
      return { ref: out, suggestions: [], via };
    };
    const upper = raw.toUpperCase();
    if (this.nodes.has(upper)) return ref(upper, 'code');
    const retired = this.retired.get(upper);
    if (retired?.length === 1) return ref(retired[0]!, 'retiredCode');

    const folded = foldName(raw);
    for (const candidate of new Set([folded, stripQualifiers(folded)])) {
      if (!candidate) continue;
      const syn = this.synonyms.get(candidate);
      if (syn) return ref(syn, 'synonym');
      const byName = this.byName.get(candidate);
      if (byName) return ref(byName, 'name');
      const byTokens = this.byTokens.get(tokenKey(candidate));
      if (byTokens) return ref(byTokens, 'name');
      const byMain = this.byMainType.get(candidate);
      // A main type shared by several sibling types (e.g. "Hepatobiliary Cancer") is not one code.
      if (byMain?.length === 1) return ref(byMain[0]!, 'mainType');
      if (byMain && byMain.length > 1) return { ref: null, suggestions: byMain.slice(0, 5) };
      const codeAgain = candidate.toUpperCase().replace(/ /g, '_');
      if (this.nodes.has(codeAgain)) return ref(codeAgain, 'code');
      // "carcinoma" and "cancer" are used interchangeably in reports.
      for (const alt of [candidate.replace(/\bcarcinoma\b/g, 'cancer'), candidate.replace(/\bcancer\b/g, 'carcinoma'), candidate.replace(/\btumour\b/g, 'tumor')]) {
        if (alt === candidate) continue;
        const main = this.byMainType.get(alt);
        const hit = this.synonyms.get(alt) ?? this.byName.get(alt) ?? (main?.length === 1 ? main[0] : undefined);
        if (hit) return ref(hit, 'name');
      }
    }
    if (retired && retired.length > 1) return { ref: null, suggestions: [...retired] };
    if (options.suggest === false) return { ref: null, suggestions: [] };
    return { ref: null, suggestions: this.suggest(stripQualifiers(folded) || folded) };
  }

  /** Closest codes by edit distance over codes, names and synonyms, best first. */
  suggest(folded: string, limit = 5): string[] {
    if (!folded) return [];
    const max = folded.length <= 3 ? 1 : Math.max(2, Math.floor(folded.length / 3));
    const scored = new Map<string, number>();
    const consider = (key: string, code: string): void => {
      const d = editDistance(folded, key, max);
      if (d <= max && d < (scored.get(code) ?? Infinity)) scored.set(code, d);
    };
    for (const n of this.nodes.values()) {
      consider(n.code.toLowerCase(), n.code);
      consider(foldName(n.name), n.code);
    }
    for (const [k, code] of this.synonyms) consider(k, code);
    // Names containing every word of the text also count, a little behind close spellings.
    const words = folded.split(' ').filter((w) => w.length >= 3);
    if (words.length) {
      for (const n of this.nodes.values()) {
        const nameWords = new Set(foldName(n.name).split(' '));
        if (words.every((w) => nameWords.has(w)) && !scored.has(n.code)) scored.set(n.code, max + 1);
      }
    }
    return [...scored.entries()]
      .sort((a, b) => a[1] - b[1] || this.depth(a[0]) - this.depth(b[0]) || (a[0] < b[0] ? -1 : 1))
      .slice(0, limit)
      .map(([c]) => c);
  }

  /** The code itself first, then its parents up to ALL_TUMORS; [code] when the code is unknown. */
  ancestors(code: string): string[] {
    const start = this.get(code);
    if (!start) return [code];
    const out: string[] = [];
    let cur: TumorType | undefined = start;
    // An imported file could carry a parent cycle; stop at the first repeat instead of looping.
    while (cur && !out.includes(cur.code)) {
      out.push(cur.code);
      cur = cur.parent === null ? undefined : this.nodes.get(cur.parent);
    }
    return out;
  }

  /** True when `code` is `ancestor` or lies below it. */
  isA(code: string, ancestor: string): boolean {
    const a = this.get(ancestor)?.code;
    return a !== undefined && this.ancestors(code).includes(a);
  }

  isSolid(code: string): boolean {
    return this.isA(code, ALL_SOLID_TUMORS);
  }

  isLiquid(code: string): boolean {
    return this.isA(code, ALL_LIQUID_TUMORS);
  }

  /** Direct children, sorted by code. */
  children(code: string): TumorType[] {
    const c = this.get(code)?.code;
    return c === undefined ? [] : (this.kids.get(c) ?? []).map((k) => this.nodes.get(k)!);
  }

  /** The tissue (level-1) name above a code, e.g. LUAD → "Lung". */
  tissueOf(code: string): string | undefined {
    const chain = this.ancestors(code);
    const tissueCode = chain.find((c) => {
      const p = this.nodes.get(c)?.parent;
      return p === ALL_SOLID_TUMORS || p === ALL_LIQUID_TUMORS;
    });
    return tissueCode === undefined ? undefined : this.nodes.get(tissueCode)?.name;
  }

  private depth(code: string): number {
    let d = 0;
    let cur = this.nodes.get(code);
    while (cur && cur.parent !== null && d < 64) {
      d++;
      cur = this.nodes.get(cur.parent);
    }
    return d;
  }
}

let builtin: OncoTree | undefined;
/** The built-in subset (see oncotree-data.ts); `onconav ref import oncotree` brings the full tree. */
export function builtinOncoTree(): OncoTree {
  builtin ??= new OncoTree(
    BUILTIN_ONCOTREE_NODES.map(([code, name, mainType, parent]) => ({ code, name, mainType, parent })),
    { release: `${ONCOTREE_RELEASE} (built-in subset)` },
  );
  return builtin;
}
