import { readFileSync } from 'node:fs';
import { Option, type Command } from 'commander';
import { z } from 'zod';
import {
  CaseInputSchema,
  CaseSchema,
  formatIssue,
  hasErrors,
  type Case,
  type Issue,
} from '../../domain/index.js';
import { FORMATS, type ReadResult } from '../../intake/types.js';
import { writeFileAtomic } from '../../util/atomic.js';
import { EXIT, globalOptions } from '../context.js';
import { readCaseFiles } from '../read-case.js';
import type { RegisterCommand } from './index.js';

/** How many located issues the summary lists before "… and N more". */
const SHOWN_ISSUES = 20;

interface BuildCliOptions {
  as?: string;
  tumorType?: string;
  sample?: string;
  tumorSample?: string;
  out?: string;
  format: 'json' | 'table';
}

/**
 * `onconav case build <files…>` reads files of any supported format into one normalized case;
 * `onconav case validate <case.json>` checks a case file against the schema.
 *
 * Output policy: when any error issue is found (unreadable file, missing columns, broken rows, unknown tumor
 * type) nothing is written and the exit code is 1 — a clinical summary built from part of a file could
 * silently miss an alteration. Warnings (unknown gene symbols, germline rows flagged) do not block output.
 */
export const register: RegisterCommand = (program, state) => {
  const cmd = program
    .command('case')
    .description('Read sequencing and clinical files into one normalized case (JSON)');

  cmd
    .command('build')
    .description('Read MAF, VCF, CNA, SV/fusion, cBioPortal clinical or case JSON files into one case')
    .argument('<files...>', 'input files (plain or .gz); formats are detected from their first lines')
    .addOption(
      new Option('--as <format>', 'read every file as this format instead of detecting it').choices([
        ...FORMATS,
      ]),
    )
    .option(
      '--tumor-type <code>',
      'OncoTree code or name for samples whose files carry none (e.g. LUAD, melanoma)',
    )
    .option('--sample <id>', 'keep only this sample')
    .option(
      '--tumor-sample <name>',
      'VCF: the tumor sample column (name or 0-based index); default: a column named like TUMOR, else the first',
    )
    .option('--out <file>', 'write the case JSON here (atomically)')
    .addOption(new Option('--format <format>', 'stdout format').choices(['json', 'table']).default('json'))
    .action(async (files: string[], o: BuildCliOptions, self: Command) => {
      const g = globalOptions(self);
      state.exitCode = await runBuild(files, o, g.quiet, g.db);
    });

  cmd
    .command('validate')
    .description('Check a case JSON file (normalized or hand-typed) against the onconav case schema')
    .argument('<case.json>', 'case file')
    .action((file: string, _o: unknown, self: Command) => {
      state.exitCode = runValidate(file, globalOptions(self).quiet);
    });
};

async function runBuild(
  files: string[],
  o: BuildCliOptions,
  quiet: boolean,
  dbPath: string,
): Promise<number> {
  const { results, kase } = await readCaseFiles(files, o, { dbPath, quiet });
  const failed = hasErrors(kase.issues);
  if (!quiet) process.stderr.write(summary(kase, results, failed, o.out));
  if (failed) return EXIT.input;

  const json = JSON.stringify(kase, null, 2) + '\n';
  if (o.out !== undefined) writeFileAtomic(o.out, json);
  if (o.format === 'table') process.stdout.write(table(kase));
  else if (o.out === undefined) process.stdout.write(json);
  return EXIT.ok;
}

function counts(r: Record<string, number>): string {
  const parts = Object.entries(r)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([k, v]) => `${v} ${k}`);
  return parts.length ? ` (${parts.join(', ')})` : '';
}

/** The human summary on stderr: what was read, what was kept, and where the problems are. */
export function summary(kase: Case, results: readonly ReadResult[], failed: boolean, out?: string): string {
  const lines: string[] = [];
  for (const r of results) {
    const s = r.stats;
    const flagged = Object.values(s.flagged).reduce((a, b) => a + b, 0);
    const skipped = Object.values(s.skipped).reduce((a, b) => a + b, 0);
    lines.push(
      `${r.file} [${r.format}]: ${s.rows} rows read, ${s.used} used, ${flagged} flagged${counts(s.flagged)}, ${skipped} skipped${counts(s.skipped)}`,
    );
  }
  const kinds: Record<string, number> = {};
  let biomarkers = 0;
  for (const s of kase.samples) {
    for (const a of s.alterations) kinds[a.kind] = (kinds[a.kind] ?? 0) + 1;
    biomarkers += s.biomarkers.length;
  }
  if (biomarkers) kinds.biomarker = biomarkers;
  const withTumor = kase.samples.filter((s) => s.tumorType).length;
  const kindText = Object.entries(kinds)
    .map(([k, v]) => `${v} ${k}`)
    .join(', ');
  lines.push(
    `${kase.samples.length} sample(s) (${withTumor} with a tumor type); alterations: ${kindText || 'none'}`,
  );
  const errors = kase.issues.filter((i) => i.severity === 'error').length;
  const warnings = kase.issues.filter((i) => i.severity === 'warning').length;
  lines.push(`${errors} error(s), ${warnings} warning(s)`);
  const shown = [...kase.issues].sort((a, b) => sevRank(a) - sevRank(b)).slice(0, SHOWN_ISSUES);
  for (const i of shown) lines.push(`  ${formatIssue(i)}`);
  if (kase.issues.length > SHOWN_ISSUES) lines.push(`  … and ${kase.issues.length - SHOWN_ISSUES} more`);
  if (failed)
    lines.push('nothing written: fix the errors above (or leave the broken file out) and run again');
  else if (out !== undefined) lines.push(`wrote ${out}`);
  return lines.join('\n') + '\n';
}

function sevRank(i: Issue): number {
  return i.severity === 'error' ? 0 : i.severity === 'warning' ? 1 : 2;
}

/** One line per alteration, tab-separated: sample, kind, gene, alteration, consequence/detail, VAF. */
function table(kase: Case): string {
  const rows = ['sample\ttumor_type\tkind\tgene\talteration\tdetail\tvaf'];
  for (const s of kase.samples) {
    const tt = s.tumorType?.code ?? '';
    for (const a of s.alterations) {
      switch (a.kind) {
        case 'mutation':
          rows.push(
            [
              s.id,
              tt,
              a.kind,
              a.gene,
              a.alteration ?? '',
              `${a.consequence}${a.somaticStatus === 'germline' ? ' (germline)' : ''}`,
              a.vaf?.toFixed(3) ?? '',
            ].join('\t'),
          );
          break;
        case 'copyNumber':
          rows.push([s.id, tt, a.kind, a.gene, a.alteration, a.change, ''].join('\t'));
          break;
        case 'fusion':
          rows.push([s.id, tt, a.kind, a.gene, a.alteration, a.svClass ?? '', ''].join('\t'));
          break;
        default: {
          const never: never = a;
          void never;
        }
      }
    }
    for (const b of s.biomarkers)
      rows.push([s.id, tt, 'biomarker', b.gene ?? '', b.alteration, b.status ?? '', ''].join('\t'));
  }
  return rows.join('\n') + '\n';
}

/** JSON pointer (RFC 6901) for a zod issue path. */
function pointer(path: readonly PropertyKey[]): string {
  return '/' + path.map((p) => String(p).replace(/~/g, '~0').replace(/\//g, '~1')).join('/');
}

/** Line and column of a character offset, for JSON syntax errors. */
function lineCol(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let last = -1;
  for (let i = 0; i < offset && i < text.length; i++) {
    if (text.charCodeAt(i) === 10) {
      line += 1;
      last = i;
    }
  }
  return { line, column: offset - last };
}

export function validateCaseText(text: string, file: string): Issue[] {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (err) {
    const msg = err instanceof Error ? err.message : String(err);
    const pos = /position (\d+)/.exec(msg)?.[1];
    const at = pos !== undefined ? lineCol(text, Number(pos)) : undefined;
    return [
      { severity: 'error', code: 'json.syntax', file, ...(at ?? {}), message: `not valid JSON: ${msg}` },
    ];
  }
  // A normalized case (written by `case build`) has samples with typed alterations; otherwise it is hand-typed input.
  const normalized =
    typeof data === 'object' &&
    data !== null &&
    'schemaVersion' in data &&
    'samples' in data &&
    'issues' in data;
  const schema: z.ZodType = normalized ? CaseSchema : CaseInputSchema;
  const res = schema.safeParse(data);
  if (res.success) return [];
  return res.error.issues.map((zi) => ({
    severity: 'error' as const,
    code: 'case.schema',
    file,
    pointer: pointer(zi.path),
    message: zi.message,
  }));
}

function runValidate(file: string, quiet: boolean): number {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (err) {
    process.stderr.write(
      `${file}: error: cannot read: ${err instanceof Error ? err.message : String(err)}\n`,
    );
    return EXIT.input;
  }
  const issues = validateCaseText(text, file);
  if (issues.length === 0) {
    if (!quiet) process.stderr.write(`${file}: valid onconav case\n`);
    return EXIT.ok;
  }
  for (const i of issues) process.stderr.write(`${formatIssue(i)}\n`);
  return EXIT.input;
}
