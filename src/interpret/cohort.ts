import {
  levelRank,
  type AnnotatedSample,
  type AnnotationResult,
  type KnowledgeRelease,
  type Level,
} from '../domain/index.js';
import { TMB_HIGH_THRESHOLD } from './patterns.js';

/**
 * Cohort actionability: the share of samples with at least one (somatic) alteration at each level, overall and
 * per cancer type, the genes most often actionable, and the TMB distribution.
 */

export const COHORT_LEVELS = ['1', '2', '3A', '3B', '4', 'R1'] as const satisfies readonly Level[];
export type CohortLevel = (typeof COHORT_LEVELS)[number];

export interface LevelShare {
  /** Samples with at least one alteration whose highest level (of its scale) is this one. */
  samples: number;
  share: number;
}

export interface GroupSummary {
  samples: number;
  levels: Record<CohortLevel, LevelShare>;
  /** Samples whose strongest sensitive level is 1, 2 or 3A (treatable on evidence in their own tumor type). */
  anyLevel1to3A: LevelShare;
  /** Samples with no alteration at any sensitive level. */
  noLevel: LevelShare;
}

export interface CohortSummary extends GroupSummary {
  knowledgeBase: KnowledgeRelease[];
  byCancerType: Array<GroupSummary & { code: string; name: string }>;
  /** Genes by the number of samples where they carry an alteration at level 1–3B or R1. */
  topGenes: Array<{ gene: string; samples: number; share: number; highestLevel: Level }>;
  tmb: {
    samples: number;
    median: number | null;
    atLeast10: LevelShare;
    atLeast20: LevelShare;
    computed: number;
    reported: number;
  };
}

const ACTIONABLE_FOR_GENES: ReadonlySet<Level> = new Set<Level>(['1', '2', '3A', '3B', 'R1']);

function share(n: number, of: number): LevelShare {
  return { samples: n, share: of > 0 ? Math.round((n / of) * 10000) / 10000 : 0 };
}

/** The levels a sample reaches: for each counted alteration, its highest sensitive and highest resistance level. */
function sampleLevels(s: AnnotatedSample): Set<Level> {
  const out = new Set<Level>();
  for (const a of s.alterations) {
    if (a.germline) continue;
    if (a.highestSensitiveLevel) out.add(a.highestSensitiveLevel);
    if (a.highestResistanceLevel) out.add(a.highestResistanceLevel);
  }
  return out;
}

function group(samples: readonly AnnotatedSample[]): GroupSummary {
  const n = samples.length;
  const counts = Object.fromEntries(COHORT_LEVELS.map((l) => [l, 0])) as Record<CohortLevel, number>;
  let top = 0;
  let none = 0;
  for (const s of samples) {
    const levels = sampleLevels(s);
    for (const l of COHORT_LEVELS) if (levels.has(l)) counts[l]++;
    if (levels.has('1') || levels.has('2') || levels.has('3A')) top++;
    if (!['1', '2', '3A', '3B', '4'].some((l) => levels.has(l as Level))) none++;
  }
  return {
    samples: n,
    levels: Object.fromEntries(COHORT_LEVELS.map((l) => [l, share(counts[l], n)])) as Record<
      CohortLevel,
      LevelShare
    >,
    anyLevel1to3A: share(top, n),
    noLevel: share(none, n),
  };
}

function median(values: number[]): number | null {
  if (values.length === 0) return null;
  const v = [...values].sort((a, b) => a - b);
  const mid = v.length >> 1;
  return v.length % 2 === 1 ? v[mid]! : (v[mid - 1]! + v[mid]!) / 2;
}

export function summarizeCohort(
  results: readonly AnnotationResult[],
  options: { topGenes?: number } = {},
): CohortSummary {
  const samples = results.flatMap((r) => r.samples);
  const kb = new Map<string, KnowledgeRelease>();
  for (const r of results) for (const k of r.knowledgeBase) kb.set(`${k.source}\u0000${k.version}`, k);

  const byType = new Map<string, { name: string; samples: AnnotatedSample[] }>();
  for (const s of samples) {
    const code = s.tumorType?.code ?? 'UNKNOWN';
    const g = byType.get(code) ?? { name: s.tumorType?.name ?? 'Unknown tumor type', samples: [] };
    g.samples.push(s);
    byType.set(code, g);
  }

  const genes = new Map<string, { samples: number; best: Level }>();
  for (const s of samples) {
    const best = new Map<string, Level>();
    for (const a of s.alterations) {
      if (a.germline || a.gene === null) continue;
      for (const l of [a.highestSensitiveLevel, a.highestResistanceLevel]) {
        if (l === null || !ACTIONABLE_FOR_GENES.has(l)) continue;
        const prev = best.get(a.gene);
        if (prev === undefined || levelRank(l) < levelRank(prev)) best.set(a.gene, l);
      }
    }
    for (const [gene, l] of best) {
      const g = genes.get(gene) ?? { samples: 0, best: l };
      g.samples++;
      if (levelRank(l) < levelRank(g.best)) g.best = l;
      genes.set(gene, g);
    }
  }

  const tmbs = samples.flatMap((s) => (s.tmb ? [s.tmb] : []));
  const values = tmbs.map((t) => t.value);
  return {
    ...group(samples),
    knowledgeBase: [...kb.values()].sort((a, b) => (a.source < b.source ? -1 : a.source > b.source ? 1 : 0)),
    byCancerType: [...byType]
      .map(([code, g]) => ({ code, name: g.name, ...group(g.samples) }))
      .sort((a, b) => b.samples - a.samples || (a.code < b.code ? -1 : 1)),
    topGenes: [...genes]
      .map(([gene, g]) => ({
        gene,
        samples: g.samples,
        share: share(g.samples, samples.length).share,
        highestLevel: g.best,
      }))
      .sort(
        (a, b) =>
          b.samples - a.samples ||
          levelRank(a.highestLevel) - levelRank(b.highestLevel) ||
          (a.gene < b.gene ? -1 : 1),
      )
      .slice(0, options.topGenes ?? 15),
    tmb: {
      samples: tmbs.length,
      median: median(values),
      atLeast10: share(values.filter((v) => v >= TMB_HIGH_THRESHOLD).length, tmbs.length),
      atLeast20: share(values.filter((v) => v >= 20).length, tmbs.length),
      computed: tmbs.filter((t) => t.provenance === 'computed').length,
      reported: tmbs.filter((t) => t.provenance === 'reported').length,
    },
  };
}

const pct = (x: number): string => `${(x * 100).toFixed(1)}%`;

/** The terminal table; `maxTypes` largest cancer types are listed (JSON output keeps all). */
export function formatCohortTable(c: CohortSummary, options: { maxTypes?: number } = {}): string {
  const lines: string[] = [];
  lines.push(
    `Cohort: ${c.samples} sample(s); knowledge: ${c.knowledgeBase.map((k) => `${k.source} ${k.version}`).join(', ') || 'none'}`,
  );
  lines.push('');
  lines.push(
    'Samples with at least one alteration at each level (an alteration counts at its highest level):',
  );
  const head = ['GROUP', 'N', ...COHORT_LEVELS.map((l) => `L${l}`), 'L1-3A', 'NONE'];
  const rows: string[][] = [head];
  const row = (name: string, g: GroupSummary): string[] => [
    name,
    String(g.samples),
    ...COHORT_LEVELS.map((l) => pct(g.levels[l].share)),
    pct(g.anyLevel1to3A.share),
    pct(g.noLevel.share),
  ];
  rows.push(row('all', c));
  const maxTypes = options.maxTypes ?? 25;
  for (const t of c.byCancerType.slice(0, maxTypes)) rows.push(row(t.code, t));
  const widths = head.map((_, i) => Math.max(...rows.map((r) => r[i]!.length)));
  for (const r of rows)
    lines.push('  ' + r.map((x, i) => (i === 0 ? x.padEnd(widths[i]!) : x.padStart(widths[i]!))).join('  '));
  if (c.byCancerType.length > maxTypes) {
    lines.push(
      `  … ${c.byCancerType.length - maxTypes} smaller cancer types not shown (all are in --format json)`,
    );
  }
  lines.push('');
  lines.push('Top actionable genes (samples with a level 1–3B or R1 alteration in the gene):');
  if (c.topGenes.length === 0) lines.push('  none');
  for (const g of c.topGenes)
    lines.push(
      `  ${g.gene.padEnd(10)} ${String(g.samples).padStart(6)}  ${pct(g.share).padStart(6)}  best level ${g.highestLevel}`,
    );
  lines.push('');
  const t = c.tmb;
  lines.push(
    t.samples === 0
      ? 'TMB: not available'
      : `TMB (${t.samples} samples; ${t.computed} computed, ${t.reported} reported): median ${t.median?.toFixed(1)} mut/Mb; ≥10: ${t.atLeast10.samples} (${pct(t.atLeast10.share)}); ≥20: ${t.atLeast20.samples} (${pct(t.atLeast20.share)})`,
  );
  return lines.join('\n') + '\n';
}
