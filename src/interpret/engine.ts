import {
  ALL_TUMORS,
  ANNOTATION_SCHEMA_VERSION,
  highestLevel,
  isSensitiveLevel,
  levelRank,
  type Alteration,
  type AnnotatedAlteration,
  type AnnotatedSample,
  type AnnotationResult,
  type Case,
  type Evidence,
  type Issue,
  type KnowledgeRelease,
  type Level,
  type MutationEffect,
  type Oncogenicity,
  type ResistanceLevel,
  type Sample,
  type SensitiveLevel,
  type Treatment,
  type TumorTypeRef,
} from '../domain/index.js';
import { VERSION } from '../version.js';
import { alterationKeys, matchesPattern, patternKey } from './patterns.js';
import { sampleTmb, type TmbOptions } from './tmb.js';

/**
 * The actionability engine: for every alteration of every sample, its oncogenicity, every piece of evidence
 * whose pattern matches, and the level that evidence earns in the sample's tumor type.
 *
 * Tumor-type rules (docs/annotation-output.md §Levels):
 * - evidence recorded for the sample's type or an ancestor (OncoTree, up to ALL_TUMORS) keeps its level;
 * - evidence for other types only, or for a type listed in its excludedTumorTypes, is "another tumor type":
 *   1/2/3A become 3B, 3B and 4 stay, R1 becomes R2 (resistance shown as standard care elsewhere is clinical
 *   evidence here, not standard care), R2 stays; `sourceLevel` keeps the level before the change;
 * - no tumor type known: only ALL_TUMORS evidence keeps its level (it holds for any tumor); the rest is
 *   treated as another tumor type and the sample gets a note.
 * Germline mutations are annotated and flagged but do not count toward the sample's highest levels
 * (the levels describe the tumor's somatic drivers; inherited variants are reported for the care team).
 */

export interface OncogenicityCall {
  oncogenic: Oncogenicity;
  mutationEffect: MutationEffect;
  reason?: string;
}
/**
 * Oncogenicity rules. For mutations the engine memoizes calls on gene, alteration, consequence, classes, protein
 * positions and exon, so a function must not depend on other fields (VAF, sample, origin).
 */
export type OncogenicityFn = (alt: Alteration) => OncogenicityCall;

/** What the engine needs from the OncoTree: the code first, then its ancestors up to ALL_TUMORS. */
export interface TumorHierarchy {
  ancestors(code: string): string[];
}

const UNKNOWN_CALL: OncogenicityCall = {
  oncogenic: 'Unknown',
  mutationEffect: 'Unknown',
  reason: 'no oncogenicity rules loaded',
};

/** Evidence indexed by gene (and `biomarker:NAME`) so each alteration looks at a handful of candidates. */
export class EvidenceIndex {
  private readonly byKey = new Map<string, Evidence[]>();
  readonly size: number;
  readonly sources: string[];

  constructor(
    evidence: readonly Evidence[],
    readonly releases: readonly KnowledgeRelease[] = [],
  ) {
    // Sorted once so that everything derived from the index is deterministic whatever the load order.
    const sorted = [...evidence].sort((a, b) => cmp(a.source, b.source) || cmp(a.id, b.id));
    for (const e of sorted) {
      const key = patternKey(e.pattern);
      let list = this.byKey.get(key);
      if (!list) this.byKey.set(key, (list = []));
      list.push(e);
    }
    this.size = sorted.length;
    this.sources = [...new Set(sorted.map((e) => e.source))].sort();
  }

  candidates(alt: Alteration): readonly Evidence[] {
    const keys = alterationKeys(alt);
    if (keys.length === 1) return this.byKey.get(keys[0]!) ?? EMPTY;
    const out = new Set<Evidence>();
    for (const k of keys) for (const e of this.byKey.get(k) ?? EMPTY) out.add(e);
    return [...out];
  }
}
const EMPTY: readonly Evidence[] = [];

/** Keeps only the named sources (all when `sources` is undefined). */
export function buildEvidenceIndex(
  evidence: readonly Evidence[],
  options: { sources?: readonly string[]; releases?: readonly KnowledgeRelease[] } = {},
): EvidenceIndex {
  const wanted = options.sources ? new Set(options.sources) : undefined;
  const kept = wanted ? evidence.filter((e) => wanted.has(e.source)) : evidence;
  const releases = (options.releases ?? []).filter((r) => !wanted || wanted.has(r.source));
  return new EvidenceIndex(kept, releases);
}

export interface AnnotateOptions {
  evidence: EvidenceIndex;
  oncotree: TumorHierarchy;
  /** Used for every sample instead of the sample's / case's own tumor type (`--tumor-type`). */
  tumorTypeOverride?: TumorTypeRef;
  oncogenicity?: OncogenicityFn;
  /** TMB computation; `false` turns it off. */
  tmb?: TmbOptions | false;
  /** Stamped in `generatedBy`; default `onconav <version>`. */
  generatedBy?: string;
  /** Checked between samples; an aborted run throws the signal's reason. */
  signal?: AbortSignal;
  /** Samples done / total, for progress bars on large cohorts. */
  onProgress?: (done: number, total: number) => void;
}

interface Context {
  evidence: EvidenceIndex;
  oncotree: TumorHierarchy;
  oncogenicity: OncogenicityFn;
  ancestorCache: Map<string, ReadonlySet<string>>;
  /** Evidence results by tumor context and alteration key (identical rows are matched once). */
  memo: Map<ReadonlySet<string>, Map<string, Core>>;
  calls: Map<string, OncogenicityCall>;
  /**
   * Calls by the mutation's `classes` array: readers share one array between rows with the same gene,
   * change and positions, so identity plus a few field compares finds the call without building the key.
   */
  callsByClasses: WeakMap<readonly string[], CallMemo>;
}

/** One memoized call for a classes array, with the key fields it was made for (a short chain). */
interface CallMemo {
  gene: string;
  alteration: string | null;
  consequence: string;
  proteinStart: number | undefined;
  proteinEnd: number | undefined;
  exon: number | undefined;
  call: OncogenicityCall;
  depth: number;
  next: CallMemo | undefined;
}

export function annotateCase(c: Case, opts: AnnotateOptions): AnnotationResult {
  const ctx = makeContext(opts);
  const issues: Issue[] = [];
  const total = c.samples.length;
  const samples = c.samples.map((s, i) => {
    opts.signal?.throwIfAborted();
    if (opts.onProgress && i % 100 === 0) opts.onProgress(i, total);
    const tumorType = opts.tumorTypeOverride ?? s.tumorType ?? c.tumorType ?? null;
    const withTmb =
      opts.tmb === false ? { sample: s, tmb: null, notes: [] as string[] } : sampleTmb(s, opts.tmb ?? {});
    const annotated = annotateSampleWith(ctx, withTmb.sample, tumorType);
    annotated.tmb = withTmb.tmb;
    if (withTmb.notes.length > 0) annotated.notes = [...(annotated.notes ?? []), ...withTmb.notes];
    return annotated;
  });
  opts.onProgress?.(total, total);
  if (samples.some((s) => s.tumorType === null)) {
    issues.push({
      severity: 'warning',
      code: 'annotate.no-tumor-type',
      message: `${samples.filter((s) => s.tumorType === null).length} sample(s) have no tumor type: levels 1/2/3A are shown as 3B (give --tumor-type CODE)`,
    });
  }
  const result: AnnotationResult = {
    schemaVersion: ANNOTATION_SCHEMA_VERSION,
    generatedBy: opts.generatedBy ?? `onconav ${VERSION}`,
    knowledgeBase: [...opts.evidence.releases].sort(
      (a, b) => cmp(a.source, b.source) || cmp(a.version, b.version),
    ),
    samples,
  };
  if (issues.length > 0) result.issues = issues;
  return result;
}

/** One sample, for callers that stream samples (no TMB computation). */
export function annotateSample(
  sample: Sample,
  tumorType: TumorTypeRef | null,
  opts: Omit<AnnotateOptions, 'tumorTypeOverride' | 'tmb' | 'generatedBy'>,
): AnnotatedSample {
  return annotateSampleWith(makeContext(opts), sample, tumorType);
}

/** A reusable annotator (keeps its ancestor cache), for the streaming MAF path and benchmarks. */
export function createAnnotator(opts: Omit<AnnotateOptions, 'tumorTypeOverride' | 'tmb' | 'generatedBy'>): {
  alteration(alt: Alteration, tumorType: TumorTypeRef | null): AnnotatedAlteration;
  sample(sample: Sample, tumorType: TumorTypeRef | null): AnnotatedSample;
} {
  const ctx = makeContext(opts);
  return {
    alteration: (alt, tt) => annotateAlteration(ctx, alt, ancestorsOf(ctx, tt)),
    sample: (s, tt) => annotateSampleWith(ctx, s, tt),
  };
}

function makeContext(opts: Pick<AnnotateOptions, 'evidence' | 'oncotree' | 'oncogenicity'>): Context {
  return {
    evidence: opts.evidence,
    oncotree: opts.oncotree,
    oncogenicity: opts.oncogenicity ?? (() => UNKNOWN_CALL),
    ancestorCache: new Map(),
    memo: new Map(),
    calls: new Map(),
    callsByClasses: new WeakMap(),
  };
}

function ancestorsOf(ctx: Context, tumorType: TumorTypeRef | null): ReadonlySet<string> {
  const code = tumorType?.code ?? '';
  let set = ctx.ancestorCache.get(code);
  if (!set) {
    const list = code === '' ? [] : ctx.oncotree.ancestors(code);
    // ALL_TUMORS holds for any tumor, even when the hierarchy does not know the code.
    set = new Set([code, ...list, ALL_TUMORS].filter((x) => x !== '').map((x) => x.toUpperCase()));
    ctx.ancestorCache.set(code, set);
  }
  return set;
}

function annotateSampleWith(ctx: Context, sample: Sample, tumorType: TumorTypeRef | null): AnnotatedSample {
  const anc = ancestorsOf(ctx, tumorType);
  const alterations: AnnotatedAlteration[] = [];
  for (const a of sample.alterations) alterations.push(annotateAlteration(ctx, a, anc));
  for (const b of sample.biomarkers) alterations.push(annotateAlteration(ctx, b, anc));
  const counted = alterations.filter((a) => a.germline !== true);
  const out: AnnotatedSample = {
    id: sample.id,
    tumorType,
    tmb: null,
    highestSensitiveLevel:
      highestLevel(counted.flatMap((a) => (a.highestSensitiveLevel ? [a.highestSensitiveLevel] : []))) ??
      null,
    highestResistanceLevel:
      highestLevel(counted.flatMap((a) => (a.highestResistanceLevel ? [a.highestResistanceLevel] : []))) ??
      null,
    alterations,
  };
  if (tumorType === null)
    out.notes = [
      'No tumor type known: evidence from specific tumor types is shown as "another tumor type" (3B / R2).',
    ];
  const germline = alterations.length - counted.length;
  if (germline > 0)
    out.notes = [
      ...(out.notes ?? []),
      `${germline} germline variant(s) annotated but not counted toward the sample's levels.`,
    ];
  return out;
}

/** The level `e` earns in a tumor whose type-and-ancestors set is `anc`. */
export function adjustLevel(
  e: Pick<Evidence, 'level' | 'tumorTypes' | 'excludedTumorTypes'>,
  anc: ReadonlySet<string>,
): { level: Level; sameType: boolean } {
  const inType =
    e.tumorTypes.some((t) => anc.has(t.toUpperCase())) &&
    !e.excludedTumorTypes.some((t) => anc.has(t.toUpperCase()));
  if (inType) return { level: e.level, sameType: true };
  return { level: otherTypeLevel(e.level), sameType: false };
}

function otherTypeLevel(level: Level): Level {
  switch (level) {
    case '1':
    case '2':
    case '3A':
    case '3B':
      return '3B';
    case '4':
      return '4';
    case 'R1':
    case 'R2':
      return 'R2';
  }
}

/** The part of an annotation that depends only on what the evidence sees; shared between identical rows. */
interface Core {
  treatments: Treatment[];
  conflicts: string[];
  highestSensitiveLevel: SensitiveLevel | null;
  highestResistanceLevel: ResistanceLevel | null;
  /** For fusions: the partner the strongest matching evidence is about (e.g. KMT2A in DLAT::KMT2A). */
  keyGene?: string;
}

// Shared by every alteration without evidence (most rows of a cohort): treat annotation arrays as read-only.
const NO_EVIDENCE: Core = Object.freeze({
  treatments: Object.freeze([]) as unknown as Treatment[],
  conflicts: Object.freeze([]) as unknown as string[],
  highestSensitiveLevel: null,
  highestResistanceLevel: null,
});

/** Memo entries kept per tumor context before the memo is cleared (bounds memory on huge, diverse inputs). */
const MEMO_LIMIT = 100_000;

/** Everything pattern matching can look at, so equal keys always give equal evidence. */
function memoKey(alt: Alteration, oncogenic: Oncogenicity): string | null {
  if (alt.kind !== 'mutation') return null;
  return `${alt.gene}\u0000${alt.alteration ?? ''}\u0000${alt.consequence}\u0000${alt.classes.join(',')}\u0000${alt.proteinStart ?? ''}-${alt.proteinEnd ?? ''}\u0000${oncogenic}`;
}

function computeCore(
  ctx: Context,
  alt: Alteration,
  anc: ReadonlySet<string>,
  oncogenic: Oncogenicity,
  candidates: readonly Evidence[],
): Core {
  const matched: Array<{ e: Evidence; level: Level }> = [];
  for (const e of candidates) {
    if (!matchesPattern(e.pattern, alt, oncogenic)) continue;
    matched.push({ e, level: adjustLevel(e, anc).level });
  }
  if (matched.length === 0) return NO_EVIDENCE;
  const treatments = groupTreatments(matched);
  const sens: SensitiveLevel[] = [];
  const res: ResistanceLevel[] = [];
  for (const t of treatments) {
    if (isSensitiveLevel(t.level)) sens.push(t.level);
    else res.push(t.level);
  }
  const core: Core = {
    treatments,
    conflicts: findConflicts(matched),
    highestSensitiveLevel: highestLevel(sens) ?? null,
    highestResistanceLevel: highestLevel(res) ?? null,
  };
  if (alt.kind === 'fusion') {
    let best: { e: Evidence; level: Level } | undefined;
    for (const m of matched) if (!best || levelRank(m.level) < levelRank(best.level)) best = m;
    if (best && best.e.pattern.type === 'fusion') core.keyGene = best.e.pattern.gene;
  }
  return core;
}

/** Oncogenicity calls by alteration key: cohorts repeat the same hotspots and truncations many times. */
function callFor(ctx: Context, alt: Alteration): OncogenicityCall {
  if (alt.kind === 'biomarker') return BIOMARKER_CALL;
  if (alt.kind !== 'mutation') return ctx.oncogenicity(alt);
  const head = ctx.callsByClasses.get(alt.classes);
  for (let m = head; m !== undefined; m = m.next) {
    if (
      m.gene === alt.gene &&
      m.alteration === alt.alteration &&
      m.consequence === alt.consequence &&
      m.proteinStart === alt.proteinStart &&
      m.proteinEnd === alt.proteinEnd &&
      m.exon === alt.exon
    )
      return m.call;
  }
  const call = callByKey(ctx, alt);
  // A classes array shared by many different changes (e.g. a constant) would make a long chain: cap it.
  if ((head?.depth ?? 0) < 8 && typeof alt.classes === 'object' && alt.classes !== null) {
    ctx.callsByClasses.set(alt.classes, {
      gene: alt.gene,
      alteration: alt.alteration,
      consequence: alt.consequence,
      proteinStart: alt.proteinStart,
      proteinEnd: alt.proteinEnd,
      exon: alt.exon,
      call,
      depth: (head?.depth ?? 0) + 1,
      next: head,
    });
  }
  return call;
}

function callByKey(ctx: Context, alt: Extract<Alteration, { kind: 'mutation' }>): OncogenicityCall {
  const key = `${alt.gene}\u0000${alt.alteration ?? ''}\u0000${alt.consequence}\u0000${alt.classes.join(',')}\u0000${alt.proteinStart ?? ''}-${alt.proteinEnd ?? ''}\u0000${alt.exon ?? ''}`;
  let call = ctx.calls.get(key);
  if (!call) {
    call = ctx.oncogenicity(alt);
    if (ctx.calls.size >= MEMO_LIMIT) ctx.calls.clear();
    ctx.calls.set(key, call);
  }
  return call;
}
const BIOMARKER_CALL: OncogenicityCall = { oncogenic: 'Unknown', mutationEffect: 'Unknown' };

function annotateAlteration(ctx: Context, alt: Alteration, anc: ReadonlySet<string>): AnnotatedAlteration {
  const call = callFor(ctx, alt);
  const candidates = ctx.evidence.candidates(alt);
  let core = NO_EVIDENCE;
  if (candidates.length > 0) {
    const key = memoKey(alt, call.oncogenic);
    let memo = ctx.memo.get(anc);
    if (!memo) ctx.memo.set(anc, (memo = new Map()));
    const hit = key !== null ? memo.get(key) : undefined;
    if (hit) core = hit;
    else {
      core = computeCore(ctx, alt, anc, call.oncogenic, candidates);
      if (key !== null) {
        if (memo.size >= MEMO_LIMIT) memo.clear();
        memo.set(key, core);
      }
    }
  }
  // One object shape for every alteration (optional fields left undefined are dropped by JSON).
  return {
    kind: alt.kind,
    gene: alt.kind === 'biomarker' ? (alt.gene ?? null) : (core.keyGene ?? alt.gene),
    alteration: alt.alteration,
    originalText: alt.originalText,
    oncogenic: call.oncogenic,
    mutationEffect: call.mutationEffect,
    oncogenicReason: call.reason,
    highestSensitiveLevel: core.highestSensitiveLevel,
    highestResistanceLevel: core.highestResistanceLevel,
    treatments: core.treatments,
    conflicts: core.conflicts,
    germline:
      (alt.kind === 'mutation' || alt.kind === 'fusion') && alt.somaticStatus === 'germline'
        ? true
        : undefined,
    alterationData: alt,
  };
}

const drugKey = (drugs: readonly string[]): string =>
  drugs
    .map((d) => d.toLowerCase())
    .sort()
    .join('+');

/** One treatment per (drugs, level): sources merged, tumor types united; strongest level first. */
function groupTreatments(matched: ReadonlyArray<{ e: Evidence; level: Level }>): Treatment[] {
  const groups = new Map<string, Treatment>();
  for (const { e, level } of matched) {
    const key = `${drugKey(e.drugs)}|${level}`;
    let t = groups.get(key);
    if (!t) {
      t = { drugs: [...e.drugs], level, effect: e.effect, tumorTypes: [], sources: [] };
      if (e.description !== undefined) t.description = e.description;
      groups.set(key, t);
    }
    for (const tt of e.tumorTypes) if (!t.tumorTypes.includes(tt)) t.tumorTypes.push(tt);
    if (e.level !== level && (t.sourceLevel === undefined || levelRank(e.level) < levelRank(t.sourceLevel)))
      t.sourceLevel = e.level;
    t.sources.push({
      source: e.source,
      release: e.release,
      evidenceId: e.id,
      researchUseOnly: e.researchUseOnly,
      citations: e.citations,
    });
  }
  const list = [...groups.values()];
  for (const t of list) {
    t.tumorTypes.sort();
    t.sources.sort((a, b) => cmp(a.source, b.source) || cmp(a.evidenceId, b.evidenceId));
  }
  return list.sort(
    (a, b) => levelRank(a.level) - levelRank(b.level) || cmp(drugKey(a.drugs), drugKey(b.drugs)),
  );
}

/**
 * Sources that disagree about the same drugs: one says sensitivity and another resistance, or they give
 * different levels (after tumor-type adjustment). Disagreements inside one source are not conflicts (a
 * source may rate a drug differently in different tumor types).
 */
function findConflicts(matched: ReadonlyArray<{ e: Evidence; level: Level }>): string[] {
  const byDrug = new Map<string, Map<string, Set<Level>>>();
  for (const { e, level } of matched) {
    const k = drugKey(e.drugs);
    let bySource = byDrug.get(k);
    if (!bySource) byDrug.set(k, (bySource = new Map()));
    let levels = bySource.get(e.source);
    if (!levels) bySource.set(e.source, (levels = new Set()));
    levels.add(level);
  }
  const out: string[] = [];
  for (const [drugs, bySource] of [...byDrug].sort((a, b) => cmp(a[0], b[0]))) {
    if (bySource.size < 2) continue;
    const perSource = [...bySource]
      .sort((a, b) => cmp(a[0], b[0]))
      .map(([source, levels]) => {
        const s = highestLevel([...levels].filter(isSensitiveLevel));
        const r = highestLevel([...levels].filter((l) => !isSensitiveLevel(l)));
        return { source, s, r };
      });
    const sLevels = new Set(perSource.flatMap((p) => (p.s ? [p.s] : [])));
    const rLevels = new Set(perSource.flatMap((p) => (p.r ? [p.r] : [])));
    const mixedEffect = perSource.some(
      (p) => p.s !== undefined && perSource.some((q) => q !== p && q.r !== undefined),
    );
    if (!mixedEffect && sLevels.size <= 1 && rLevels.size <= 1) continue;
    const detail = perSource
      .map(
        (p) =>
          `${p.source} ${[p.s ? `sensitivity ${p.s}` : '', p.r ? `resistance ${p.r}` : ''].filter(Boolean).join(' and ')}`,
      )
      .join(' vs ');
    out.push(
      `${drugs}: ${mixedEffect ? 'sources disagree on the effect' : 'sources give different levels'} (${detail})`,
    );
  }
  return out;
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
