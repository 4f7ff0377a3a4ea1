import type { AnnotatedAlteration, AnnotatedSample, AnnotationResult } from '../domain/index.js';
import { highestOverallLevel, OVERALL_PRIORITY } from './output-maf.js';
import { formatTmb } from './tmb.js';

/**
 * Plain-text tables for the terminal: per sample, the alterations that have treatments or an oncogenic
 * call, strongest first; the rest are counted in one line. Columns are padded, no colors (pipes stay clean).
 */

export interface TableOptions {
  /** Show every alteration, not only those with evidence or an oncogenic call. */
  all?: boolean;
  /** Maximum characters of the treatments cell before it is cut with `…`. */
  maxTreatmentWidth?: number;
}

function pad(rows: string[][]): string[] {
  const widths: number[] = [];
  for (const r of rows) r.forEach((c, i) => (widths[i] = Math.max(widths[i] ?? 0, c.length)));
  return rows.map((r) =>
    r
      .map((c, i) => (i === r.length - 1 ? c : c.padEnd(widths[i]!)))
      .join('  ')
      .trimEnd(),
  );
}

function interesting(a: AnnotatedAlteration): boolean {
  return a.treatments.length > 0 || a.oncogenic === 'Oncogenic' || a.oncogenic === 'Likely Oncogenic';
}

/** Strongest first, in OncoKB's overall order (R1, 1, 2, 3A, 3B, 4, R2); unleveled last. */
function rank(a: AnnotatedAlteration): number {
  const l = highestOverallLevel(a);
  return l === null ? 99 : OVERALL_PRIORITY.indexOf(l);
}

/** `1: dabrafenib+trametinib, vemurafenib; 3B: …` — treatments grouped by level, strongest first. */
export function treatmentSummary(a: AnnotatedAlteration): string {
  const byLevel = new Map<string, string[]>();
  // Each combination once per scale, at its strongest level (treatments come strongest first).
  const seen = new Set<string>();
  for (const t of a.treatments) {
    const key = `${t.effect}|${[...t.drugs].sort().join('+')}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const list = byLevel.get(t.level) ?? [];
    list.push(t.drugs.join('+') + (t.sources.some((s) => s.researchUseOnly) ? '†' : ''));
    byLevel.set(t.level, list);
  }
  return [...byLevel].map(([level, drugs]) => `${level}: ${drugs.join(', ')}`).join('; ');
}

export function sampleHeadline(s: AnnotatedSample): string {
  const tt = s.tumorType ? `${s.tumorType.name} (${s.tumorType.code})` : 'tumor type unknown';
  const levels = [
    s.highestSensitiveLevel ? `highest level ${s.highestSensitiveLevel}` : 'no level',
    s.highestResistanceLevel ? `resistance ${s.highestResistanceLevel}` : '',
  ]
    .filter(Boolean)
    .join(', ');
  const tmb = s.tmb
    ? `TMB ${formatTmb(s.tmb.value)} mut/Mb (${s.tmb.provenance}${s.tmb.panel ? `, ${s.tmb.panel}` : ''})`
    : '';
  return [`Sample ${s.id}`, tt, levels, tmb].filter(Boolean).join(' — ');
}

export function formatSampleTable(s: AnnotatedSample, options: TableOptions = {}): string {
  const max = options.maxTreatmentWidth ?? 100;
  const shown = s.alterations
    .map((a, i) => ({ a, i }))
    .filter(({ a }) => options.all || interesting(a))
    .sort((x, y) => rank(x.a) - rank(y.a) || x.i - y.i)
    .map(({ a }) => a);
  const lines = [sampleHeadline(s)];
  if (shown.length > 0) {
    const rows = [['GENE', 'ALTERATION', 'ONCOGENIC', 'LEVEL', 'TREATMENTS']];
    for (const a of shown) {
      const level =
        [a.highestSensitiveLevel, a.highestResistanceLevel].filter((x) => x !== null).join('/') || '-';
      let tx = treatmentSummary(a) || '-';
      if (tx.length > max) tx = `${tx.slice(0, max - 1)}…`;
      rows.push([
        a.gene ?? '-',
        `${a.alteration ?? a.originalText}${a.germline ? ' (germline)' : ''}`,
        a.oncogenic,
        level,
        tx,
      ]);
    }
    lines.push(...pad(rows).map((l) => `  ${l}`));
  }
  const rest = s.alterations.length - shown.length;
  if (rest > 0) lines.push(`  + ${rest} other alteration(s) without evidence or oncogenic call`);
  for (const a of shown)
    for (const c of a.conflicts) lines.push(`  ! ${a.gene ?? ''} ${a.alteration ?? ''}: ${c}`);
  for (const n of s.notes ?? []) lines.push(`  note: ${n}`);
  return lines.join('\n');
}

/** The whole result: a knowledge-base line, then one block per sample. */
export function formatAnnotationTable(result: AnnotationResult, options: TableOptions = {}): string {
  const kb = result.knowledgeBase
    .map((k) => `${k.source} ${k.version} (${k.date})${k.researchUseOnly ? ' research use only' : ''}`)
    .join(', ');
  const out = [`Knowledge base: ${kb || 'none'}`, ''];
  for (const s of result.samples) out.push(formatSampleTable(s, options), '');
  if (
    result.samples.some((s) =>
      s.alterations.some((a) => a.treatments.some((t) => t.sources.some((x) => x.researchUseOnly))),
    )
  ) {
    out.push('† from a research-use-only source');
  }
  out.push('Decision support only: discuss every option with the care team.');
  return out.join('\n') + '\n';
}
