import { statSync } from 'node:fs';
import { Option, type Command } from 'commander';
import {
  formatIssue,
  hasErrors,
  highestLevel,
  type AnnotationResult,
  type Case,
  type Issue,
  type Level,
  type TumorTypeRef,
} from '../../domain/index.js';
import { readMaf } from '../../intake/maf.js';
import { FORMATS, type ReadResult } from '../../intake/types.js';
import { annotateCase, createAnnotator } from '../../interpret/engine.js';
import { loadKnowledge, parseKbList } from '../../interpret/knowledge.js';
import { defaultOncogenicity } from '../../interpret/oncogenicity.js';
import { annotationText, copyMafWithAnnotations, writeAnnotatedMaf } from '../../interpret/output-maf.js';
import { formatAnnotationTable } from '../../interpret/output-table.js';
import { writeFileAtomic } from '../../util/atomic.js';
import { EXIT, globalOptions } from '../context.js';
import { PROGRESS_MIN_BYTES, progressBar } from '../progress.js';
import { readCaseFiles } from '../read-case.js';
import type { RegisterCommand } from './index.js';

const OUTPUT_FORMATS = ['json', 'maf', 'table'] as const;
type OutputFormat = (typeof OUTPUT_FORMATS)[number];
const SHOWN_ISSUES = 20;

interface AnnotateCliOptions extends AnnotateInputOptions {
  format: OutputFormat;
  out?: string;
  all?: boolean;
}

/**
 * `onconav annotate <files…>`: reads the files exactly as `case build` does, then annotates every alteration
 * of every sample (oncogenicity, levels, treatments, TMB). Output: the annotation JSON, the input MAF with
 * annotation columns, or a terminal table. Same input policy as `case build`: any error in the input → nothing
 * written, exit 1.
 */
export const register: RegisterCommand = (program, state) => {
  program
    .command('annotate')
    .description(
      'Annotate alterations with oncogenicity, levels of evidence and therapies (JSON, MAF or table)',
    )
    .argument('<files...>', 'MAF, VCF, CNA, SV/fusion, cBioPortal clinical or case JSON files (plain or .gz)')
    .addOption(
      new Option('--as <format>', 'read every file as this format instead of detecting it').choices([
        ...FORMATS,
      ]),
    )
    .option(
      '--tumor-type <code>',
      'OncoTree code or name for samples whose files carry none (e.g. LUAD, melanoma)',
    )
    .option('--sample <id>', 'annotate only this sample')
    .option('--tumor-sample <name>', 'VCF: the tumor sample column (name or 0-based index)')
    .option(
      '--kb <sources>',
      'knowledge sources, comma-separated (builtin,civic,moalmanac,cgi); default: builtin plus every source imported in --db',
    )
    .addOption(
      new Option('--format <format>', 'output format (maf needs MAF input and --out)')
        .choices([...OUTPUT_FORMATS])
        .default('json'),
    )
    .option(
      '--panel <id>',
      'sequencing panel for TMB when the sample names none (IMPACT341, IMPACT410, IMPACT468, WES)',
    )
    .option('--panel-mb <n>', 'coding megabases covered by the panel, for TMB (overrides the panel table)')
    .option('--no-tmb', 'do not compute TMB from the mutations')
    .option('--all', 'table: list every alteration, not only those with evidence or an oncogenic call')
    .option('--out <file>', 'write the output here (atomically) instead of stdout')
    .action(async (files: string[], o: AnnotateCliOptions, self: Command) => {
      const g = globalOptions(self);
      state.exitCode = await runAnnotate(files, o, g.db, g.quiet);
    });
};

function usage(message: string): number {
  process.stderr.write(`onconav annotate: ${message}\n`);
  return EXIT.usage;
}

/** Options shared by `annotate` and `cohort summarize` (reading, knowledge, TMB). */
export interface AnnotateInputOptions {
  as?: string;
  tumorType?: string;
  sample?: string;
  tumorSample?: string;
  kb?: string;
  panel?: string;
  panelMb?: string;
  tmb: boolean;
}

export type Annotated =
  | { ok: true; kase: Case; results: ReadResult[]; result: AnnotationResult; notices: string[] }
  | { ok: false; exitCode: number };

type Loaded =
  | {
      ok: true;
      knowledge: ReturnType<typeof loadKnowledge>;
      ctx: Awaited<ReturnType<typeof readCaseFiles>>['ctx'];
      results: ReadResult[];
      kase: Case;
      panelMb: number | undefined;
    }
  | { ok: false; exitCode: number };

/**
 * Checks the options, loads the knowledge and reads the files like `case build` (MAF rows dropped as they
 * stream past when `streamMaf`). Failures are reported on stderr.
 */
async function loadInputs(
  files: string[],
  o: AnnotateInputOptions,
  env: { dbPath: string; quiet: boolean; command: string; streamMaf: boolean },
): Promise<Loaded> {
  const fail = (message: string): Loaded => {
    process.stderr.write(`onconav ${env.command}: ${message}\n`);
    return { ok: false, exitCode: EXIT.usage };
  };
  const panelMb = o.panelMb !== undefined ? Number(o.panelMb) : undefined;
  if (panelMb !== undefined && !(panelMb > 0))
    return fail(`--panel-mb must be a positive number of megabases, got "${o.panelMb}"`);

  const knowledge = loadKnowledge({ dbPath: env.dbPath, sources: parseKbList(o.kb) });
  if (knowledge.issues.length > 0) return fail(knowledge.issues.map((i) => i.message).join('\n'));

  const { ctx, results, kase } = await readCaseFiles(files, o, {
    dbPath: env.dbPath,
    quiet: env.quiet,
    onMafAlteration: env.streamMaf ? () => undefined : undefined,
  });
  if (hasErrors(kase.issues)) {
    if (!env.quiet)
      process.stderr.write(
        issueSummary(
          kase.issues,
          'nothing written: fix the errors above (or leave the broken file out) and run again',
        ),
      );
    return { ok: false, exitCode: EXIT.input };
  }
  return { ok: true, knowledge, ctx, results, kase, panelMb };
}

/** Reads the files like `case build`, loads the knowledge and annotates. Failures are reported on stderr. */
export async function annotateFiles(
  files: string[],
  o: AnnotateInputOptions,
  dbPath: string,
  quiet: boolean,
  command = 'annotate',
): Promise<Annotated> {
  const loaded = await loadInputs(files, o, { dbPath, quiet, command, streamMaf: false });
  if (!loaded.ok) return loaded;
  const { knowledge, ctx, results, kase, panelMb } = loaded;
  // A bar only for cohorts big enough to take a noticeable time.
  const alterationCount = kase.samples.reduce((n, s) => n + s.alterations.length, 0);
  const annotateBar = alterationCount >= 100_000 ? progressBar('annotating', { quiet }) : null;
  const result = annotateCase(kase, {
    evidence: knowledge.index,
    oncotree: ctx.oncotree,
    oncogenicity: defaultOncogenicity(),
    tmb: o.tmb === false ? false : { panel: o.panel, panelMb },
    onProgress: annotateBar ? (d, t) => annotateBar.update(d, t) : undefined,
  });
  annotateBar?.done();
  // Input warnings travel with the result (problems are data): a reader's skipped rows stay visible downstream.
  const allIssues = [...kase.issues, ...(result.issues ?? [])];
  if (allIssues.length > 0) result.issues = allIssues;
  return { ok: true, kase, results, result, notices: [...knowledge.notices] };
}

export async function runAnnotate(
  files: string[],
  o: AnnotateCliOptions,
  dbPath: string,
  quiet: boolean,
): Promise<number> {
  if (o.format === 'maf' && o.out === undefined) return usage('--format maf writes a file: give --out FILE');
  if (o.format === 'maf' && o.sample === undefined) return annotateMafStreaming(files, o, dbPath, quiet);
  const done = await annotateFiles(files, o, dbPath, quiet);
  if (!done.ok) return done.exitCode;
  const { kase, results, result } = done;
  const mafFiles = results.filter((r) => r.format === 'maf').map((r) => r.file);
  if (o.format === 'maf' && mafFiles.length === 0) return usage('--format maf needs at least one MAF input');

  const notices = [...done.notices];
  try {
    const code = await writeOutput(o, result, mafFiles, notices, quiet);
    if (code !== EXIT.ok) return code;
  } catch (err) {
    // Unwritable --out (missing permission, a directory…): one clear line, no stack trace.
    process.stderr.write(
      `onconav annotate: cannot write ${o.out ?? 'stdout'}: ${err instanceof Error ? err.message : String(err)}\n`,
    );
    return EXIT.input;
  }
  if (!quiet) process.stderr.write(runSummary(kase, results, result, notices, o.out));
  // License notices (research-use-only sources) are shown even with --quiet.
  else for (const n of done.notices) process.stderr.write(`${n}\n`);
  return EXIT.ok;
}

async function writeOutput(
  o: AnnotateCliOptions,
  result: AnnotationResult,
  mafFiles: string[],
  notices: string[],
  quiet: boolean,
): Promise<number> {
  switch (o.format) {
    case 'json': {
      const json = JSON.stringify(result, null, 2) + '\n';
      if (o.out !== undefined) writeFileAtomic(o.out, json);
      else process.stdout.write(json);
      break;
    }
    case 'table': {
      const text = formatAnnotationTable(result, { all: o.all });
      if (o.out !== undefined) writeFileAtomic(o.out, text);
      else process.stdout.write(text);
      break;
    }
    case 'maf': {
      const stats = await writeAnnotatedMaf(mafFiles, result, o.out!);
      if (hasErrors(stats.issues)) {
        if (!quiet) process.stderr.write(issueSummary(stats.issues, ''));
        return EXIT.input;
      }
      notices.push(`${stats.rows} MAF rows written, ${stats.annotated} annotated`);
      break;
    }
  }
  return EXIT.ok;
}

/**
 * `annotate --format maf` without `--sample`: MAF rows are annotated as they stream past and only the appended
 * text of each row is kept, so memory stays flat on MAFs of millions of rows. Three passes: read every file
 * with MAF rows dropped (samples, tumor types and input issues, exactly as the whole-case path checks
 * them), annotate each MAF row as it is read again, then copy the MAF with the annotation columns.
 */
async function annotateMafStreaming(
  files: string[],
  o: AnnotateCliOptions,
  dbPath: string,
  quiet: boolean,
): Promise<number> {
  const loaded = await loadInputs(files, o, { dbPath, quiet, command: 'annotate', streamMaf: true });
  if (!loaded.ok) return loaded.exitCode;
  const { knowledge, ctx, results, kase } = loaded;
  const mafFiles = results.filter((r) => r.format === 'maf').map((r) => r.file);
  if (mafFiles.length === 0) return usage('--format maf needs at least one MAF input');

  const annotator = createAnnotator({
    evidence: knowledge.index,
    oncotree: ctx.oncotree,
    oncogenicity: defaultOncogenicity(),
  });
  const tumorTypes = new Map<string, TumorTypeRef | null>(
    kase.samples.map((s) => [s.id, s.tumorType ?? kase.tumorType ?? null]),
  );
  const cells = new Map<string, Array<string | undefined>>();
  const levels = new Map<string, Level[]>();
  let annotatedCount = 0;
  for (const path of mafFiles) {
    const byLine: Array<string | undefined> = [];
    cells.set(path, byLine);
    const bar =
      statSync(path).size >= PROGRESS_MIN_BYTES ? progressBar(`annotating ${path}`, { quiet }) : null;
    await readMaf(path, {
      ctx,
      displayName: path,
      onProgress: bar ? (p) => bar.update(p.bytes, p.totalBytes) : undefined,
      onAlteration: (sampleId, alt) => {
        const line = alt.origin?.line;
        if (alt.kind !== 'mutation' || line === undefined) return;
        const a = annotator.alteration(alt, tumorTypes.get(sampleId) ?? null);
        // Dense array (holes would turn it into a slow dictionary): rows are in line order.
        while (byLine.length < line) byLine.push(undefined);
        byLine[line] = annotationText(a);
        annotatedCount++;
        if (a.germline !== true && a.highestSensitiveLevel) {
          let l = levels.get(sampleId);
          if (!l) levels.set(sampleId, (l = []));
          if (!l.includes(a.highestSensitiveLevel)) l.push(a.highestSensitiveLevel);
        }
      },
    });
    bar?.done();
  }
  let stats;
  try {
    stats = await copyMafWithAnnotations(
      mafFiles,
      (path) => {
        const byLine = cells.get(path) ?? [];
        return (line) => byLine[line];
      },
      o.out!,
    );
  } catch (err) {
    process.stderr.write(
      `onconav annotate: cannot write ${o.out!}: ${err instanceof Error ? err.message : String(err)}\n`,
    );
    return EXIT.input;
  }
  if (hasErrors(stats.issues)) {
    if (!quiet) process.stderr.write(issueSummary(stats.issues, ''));
    return EXIT.input;
  }
  if (quiet) {
    for (const n of knowledge.notices) process.stderr.write(`${n}\n`);
    return EXIT.ok;
  }
  const lines: string[] = [];
  for (const x of results)
    lines.push(`${x.file} [${x.format}]: ${x.stats.rows} rows read, ${x.stats.used} used`);
  const kb = [...knowledge.index.releases].map((k) => `${k.source} ${k.version}`).join(', ');
  lines.push(`knowledge: ${kb || 'none'}`);
  const byLevel = new Map<string, number>();
  for (const l of levels.values()) {
    const top = highestLevel(l);
    if (top) byLevel.set(top, (byLevel.get(top) ?? 0) + 1);
  }
  const summary = ['1', '2', '3A', '3B', '4']
    .filter((l) => byLevel.has(l))
    .map((l) => `${byLevel.get(l)} at level ${l}`)
    .join(', ');
  lines.push(
    `${kase.samples.length} sample(s), ${annotatedCount} mutation(s) annotated${summary ? `; highest level per sample (mutations): ${summary}` : ''}`,
  );
  lines.push(...knowledge.notices, `${stats.rows} MAF rows written, ${stats.annotated} annotated`);
  const noType = kase.samples.filter((s) => (s.tumorType ?? kase.tumorType) === undefined).length;
  if (noType > 0)
    lines.push(
      `warning: ${noType} sample(s) have no tumor type: levels 1/2/3A are shown as 3B (give --tumor-type CODE)`,
    );
  const warnings = kase.issues.filter((i) => i.severity !== 'info');
  if (warnings.length > 0)
    lines.push(`${warnings.length} warning(s):`, ...issueSummary(warnings, '').trimEnd().split('\n'));
  lines.push(`wrote ${o.out!}`);
  process.stderr.write(lines.join('\n') + '\n');
  return EXIT.ok;
}

function issueSummary(issues: readonly Issue[], tail: string): string {
  const sorted = [...issues].sort((a, b) => sev(a) - sev(b));
  const lines = sorted.slice(0, SHOWN_ISSUES).map((i) => `  ${formatIssue(i)}`);
  if (issues.length > SHOWN_ISSUES) lines.push(`  … and ${issues.length - SHOWN_ISSUES} more`);
  if (tail) lines.push(tail);
  return lines.join('\n') + '\n';
}

function sev(i: Issue): number {
  return i.severity === 'error' ? 0 : i.severity === 'warning' ? 1 : 2;
}

/** stderr summary: inputs, knowledge, how many samples reach each level, warnings. */
function runSummary(
  kase: Case,
  results: readonly ReadResult[],
  r: AnnotationResult,
  notices: readonly string[],
  out?: string,
): string {
  const lines: string[] = [];
  for (const x of results)
    lines.push(`${x.file} [${x.format}]: ${x.stats.rows} rows read, ${x.stats.used} used`);
  lines.push(`knowledge: ${r.knowledgeBase.map((k) => `${k.source} ${k.version}`).join(', ') || 'none'}`);
  const alts = r.samples.reduce((n, s) => n + s.alterations.length, 0);
  const byLevel = new Map<string, number>();
  for (const s of r.samples)
    if (s.highestSensitiveLevel)
      byLevel.set(s.highestSensitiveLevel, (byLevel.get(s.highestSensitiveLevel) ?? 0) + 1);
  const levels = ['1', '2', '3A', '3B', '4']
    .filter((l) => byLevel.has(l))
    .map((l) => `${byLevel.get(l)} at level ${l}`)
    .join(', ');
  lines.push(
    `${r.samples.length} sample(s), ${alts} alteration(s) annotated${levels ? `; highest level per sample: ${levels}` : ''}`,
  );
  lines.push(...notices);
  const warnings = (r.issues ?? []).filter((i) => i.severity !== 'info');
  if (warnings.length > 0)
    lines.push(`${warnings.length} warning(s):`, ...issueSummary(warnings, '').trimEnd().split('\n'));
  if (out !== undefined) lines.push(`wrote ${out}`);
  return lines.join('\n') + '\n';
}
