import { closeSync, fsyncSync, mkdirSync, openSync, renameSync, rmSync, writeSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import {
  LEVELS,
  type AnnotatedAlteration,
  type AnnotationResult,
  type Issue,
  type Level,
} from '../domain/index.js';
import { readLineBatches } from '../intake/lines.js';

/**
 * Annotated MAF: every line of the input MAF as it was, with columns appended in the layout of
 * oncokb-annotator's MafAnnotator (github.com/oncokb/oncokb-annotator, AnnotatorCore.py): levels written
 * `LEVEL_1`…`LEVEL_R2`; in a level column, treatments separated by `,` and the drugs of a combination joined
 * by `+`; citations separated by `;`. Drug names are ours (generic, lower case).
 */
export const MAF_ANNOTATION_COLUMNS = [
  'ONCOGENIC',
  'MUTATION_EFFECT',
  'HIGHEST_LEVEL',
  'HIGHEST_SENSITIVE_LEVEL',
  'HIGHEST_RESISTANCE_LEVEL',
  'LEVEL_1',
  'LEVEL_2',
  'LEVEL_3A',
  'LEVEL_3B',
  'LEVEL_4',
  'LEVEL_R1',
  'LEVEL_R2',
  'TX_CITATIONS',
] as const;

/** `1` → `LEVEL_1`, `R1` → `LEVEL_R1`. */
export function levelLabel(level: Level): string {
  return `LEVEL_${level}`;
}

/**
 * OncoKB's priority for one "highest level" across both scales: standard-care resistance first (it rules
 * a drug out), then 1 > 2 > 3A > 3B > 4, then R2.
 */
export const OVERALL_PRIORITY: readonly Level[] = ['R1', '1', '2', '3A', '3B', '4', 'R2'];

export function highestOverallLevel(
  a: Pick<AnnotatedAlteration, 'highestSensitiveLevel' | 'highestResistanceLevel'>,
): Level | null {
  for (const l of OVERALL_PRIORITY)
    if (a.highestSensitiveLevel === l || a.highestResistanceLevel === l) return l;
  return null;
}

const clean = (s: string): string => s.replace(/[\t\r\n]+/g, ' ');

/** Level columns, highest levels and citations depend only on the treatments; rows sharing them share the text. */
const levelCellsCache = new WeakMap<readonly AnnotatedAlteration['treatments'][number][], string>();

function levelCells(a: AnnotatedAlteration): string {
  const cached = levelCellsCache.get(a.treatments);
  if (cached !== undefined) return cached;
  const byLevel = new Map<Level, string[]>();
  // A drug appears once per scale, at its strongest level (as oncokb-annotator lists one level per treatment).
  const seen = new Set<string>();
  for (const t of a.treatments) {
    const name = t.drugs.join('+');
    const key = `${t.effect}|${[...t.drugs].sort().join('+')}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const list = byLevel.get(t.level) ?? [];
    list.push(clean(name));
    byLevel.set(t.level, list);
  }
  const citations: string[] = [];
  for (const t of a.treatments)
    for (const s of t.sources)
      for (const c of s.citations) {
        const text = clean(c.id ?? c.url ?? c.label);
        if (!citations.includes(text)) citations.push(text);
      }
  const overall = highestOverallLevel(a);
  const text = [
    overall ? levelLabel(overall) : '',
    a.highestSensitiveLevel ? levelLabel(a.highestSensitiveLevel) : '',
    a.highestResistanceLevel ? levelLabel(a.highestResistanceLevel) : '',
    ...LEVELS.map((l) => (byLevel.get(l) ?? []).join(',')),
    citations.join(';'),
  ].join('\t');
  levelCellsCache.set(a.treatments, text);
  return text;
}

const EMPTY_CELLS = MAF_ANNOTATION_COLUMNS.map(() => '').join('\t');

/** The appended cells for one alteration, tab-joined (empty cells when the row was not annotated). */
export function annotationText(a: AnnotatedAlteration | undefined): string {
  if (!a) return EMPTY_CELLS;
  return `${a.oncogenic}\t${a.mutationEffect}\t${levelCells(a)}`;
}

/** The appended cells for one alteration (empty cells when the row was not annotated). */
export function annotationCells(a: AnnotatedAlteration | undefined): string[] {
  return annotationText(a).split('\t');
}

/** Writes a file through a temporary sibling and renames it at the end, so readers never see half a file. */
export class AtomicFileWriter {
  private readonly tmp: string;
  private fd: number | null;
  private buf: string[] = [];
  private bufLen = 0;

  constructor(readonly path: string) {
    mkdirSync(dirname(path), { recursive: true });
    this.tmp = join(dirname(path), `.${basename(path)}.${process.pid}.${Date.now()}.tmp`);
    this.fd = openSync(this.tmp, 'w');
  }

  write(s: string): void {
    this.buf.push(s);
    this.bufLen += s.length;
    if (this.bufLen >= 1 << 20) this.flush();
  }

  private flush(): void {
    if (this.fd === null || this.buf.length === 0) return;
    writeSync(this.fd, this.buf.join(''));
    this.buf = [];
    this.bufLen = 0;
  }

  commit(): void {
    if (this.fd === null) return;
    this.flush();
    fsyncSync(this.fd);
    closeSync(this.fd);
    this.fd = null;
    renameSync(this.tmp, this.path);
  }

  abort(): void {
    if (this.fd !== null) closeSync(this.fd);
    this.fd = null;
    rmSync(this.tmp, { force: true });
  }
}

/** Annotated mutations by file, then by line (a dense array: MAF rows are almost all mutations). */
export function indexByOrigin(result: AnnotationResult): Map<string, Array<AnnotatedAlteration | undefined>> {
  const map = new Map<string, Array<AnnotatedAlteration | undefined>>();
  for (const s of result.samples)
    for (const a of s.alterations) {
      const o = a.alterationData.origin;
      if (a.alterationData.kind !== 'mutation' || o?.file === undefined || o.line === undefined) continue;
      let byLine = map.get(o.file);
      if (!byLine) map.set(o.file, (byLine = []));
      // Fill the gap with undefined so the array stays packed (holes would switch it to a slow dictionary).
      while (byLine.length < o.line) byLine.push(undefined);
      byLine[o.line] = a;
    }
  return map;
}

export interface MafWriteStats {
  rows: number;
  annotated: number;
  issues: Issue[];
}

/**
 * Re-reads each MAF and writes its lines with the annotation columns appended. With several MAFs, the first
 * one's header is written and later files must have the same header (their rows follow). `#` lines are kept.
 */
export async function writeAnnotatedMaf(
  mafPaths: readonly string[],
  result: AnnotationResult,
  outPath: string,
  options: { signal?: AbortSignal } = {},
): Promise<MafWriteStats> {
  const index = indexByOrigin(result);
  return copyMafWithAnnotations(
    mafPaths,
    (path) => {
      const byLine = index.get(path) ?? [];
      return (line) => {
        const a = byLine[line];
        return a ? annotationText(a) : undefined;
      };
    },
    outPath,
    options,
  );
}

/**
 * The copy behind writeAnnotatedMaf: `cellsFor(path)` gives, per line number of that file, the appended
 * cells (annotationText) of the row's annotation, or undefined for a row without one.
 */
export async function copyMafWithAnnotations(
  mafPaths: readonly string[],
  cellsFor: (path: string) => (line: number) => string | undefined,
  outPath: string,
  options: { signal?: AbortSignal } = {},
): Promise<MafWriteStats> {
  const out = new AtomicFileWriter(outPath);
  const stats: MafWriteStats = { rows: 0, annotated: 0, issues: [] };
  const extra = MAF_ANNOTATION_COLUMNS.join('\t');
  let firstHeader: string | undefined;
  try {
    for (const path of mafPaths) {
      let header: string | undefined;
      let width = 0;
      const cellsAt = cellsFor(path);
      for await (const batch of readLineBatches(path, {
        issues: stats.issues,
        displayName: path,
        signal: options.signal,
      })) {
        let lineNo = batch.firstLine;
        for (const line of batch.lines) {
          const no = lineNo++;
          if (line === '') continue;
          if (header === undefined) {
            if (line.startsWith('#')) {
              if (firstHeader === undefined) out.write(`${line}\n`);
              continue;
            }
            header = line;
            width = line.split('\t').length;
            if (firstHeader === undefined) {
              firstHeader = header;
              out.write(`${header}\t${extra}\n`);
            } else if (header !== firstHeader) {
              stats.issues.push({
                severity: 'error',
                code: 'maf-out.header-differs',
                file: path,
                line: no,
                message: 'this MAF has other columns than the first one; its rows were not written',
              });
              break;
            }
            continue;
          }
          if (line.startsWith('#')) continue;
          stats.rows++;
          const appended = cellsAt(no);
          if (appended !== undefined) stats.annotated++;
          // Short rows are padded so the appended columns stay under their header.
          let cells = 1;
          for (let i = line.indexOf('\t'); i !== -1; i = line.indexOf('\t', i + 1)) cells++;
          const pad = cells < width ? '\t'.repeat(width - cells) : '';
          out.write(`${line}${pad}\t${appended ?? EMPTY_CELLS}\n`);
        }
        if (header !== undefined && header !== firstHeader) break;
      }
      if (header === undefined)
        stats.issues.push({
          severity: 'error',
          code: 'maf-out.no-header',
          file: path,
          message: 'no MAF header line found',
        });
    }
    // Same policy as the readers: a file that could not be copied whole is not written at all.
    if (stats.issues.some((i) => i.severity === 'error')) out.abort();
    else out.commit();
  } catch (err) {
    out.abort();
    throw err;
  }
  return stats;
}
