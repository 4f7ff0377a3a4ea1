import { readFileSync } from 'node:fs';
import { Option, type Command } from 'commander';
import {
  ANNOTATION_SCHEMA_VERSION,
  AnnotationResultSchema,
  type AnnotationResult,
} from '../../domain/index.js';
import { FORMATS } from '../../intake/types.js';
import { cohortChartSvg } from '../../interpret/chart-svg.js';
import { formatCohortTable, summarizeCohort } from '../../interpret/cohort.js';
import { writeFileAtomic } from '../../util/atomic.js';
import { EXIT, globalOptions } from '../context.js';
import { annotateFiles, type AnnotateInputOptions } from './annotate.js';
import type { RegisterCommand } from './index.js';

const OUTPUT_FORMATS = ['table', 'json', 'svg'] as const;

interface SummarizeOptions extends AnnotateInputOptions {
  format: (typeof OUTPUT_FORMATS)[number];
  out?: string;
  top: string;
}

/**
 * `onconav cohort summarize <annotated.json… | files…>`: actionability of a cohort. Inputs are either
 * annotation JSON files written by `onconav annotate` or raw files, annotated on the fly as `annotate` does.
 */
export const register: RegisterCommand = (program, state) => {
  const cmd = program.command('cohort').description('Summaries over many samples');
  cmd
    .command('summarize')
    .description(
      'Share of samples with actionable alterations by level and cancer type, top genes, TMB distribution',
    )
    .argument(
      '<inputs...>',
      'annotation JSON from `onconav annotate`, or MAF/clinical/… files to annotate first',
    )
    .addOption(new Option('--format <format>', 'output format').choices([...OUTPUT_FORMATS]).default('table'))
    .option('--out <file>', 'write the output here (atomically) instead of stdout')
    .option('--top <n>', 'how many top genes to list', '15')
    .addOption(
      new Option('--as <format>', 'raw inputs: read every file as this format').choices([...FORMATS]),
    )
    .option('--tumor-type <code>', 'raw inputs: OncoTree code for samples whose files carry none')
    .option(
      '--kb <sources>',
      'raw inputs: knowledge sources, comma-separated (default: builtin plus imported)',
    )
    .option('--panel <id>', 'raw inputs: panel for TMB when the sample names none')
    .option('--panel-mb <n>', 'raw inputs: coding megabases for TMB')
    .option('--no-tmb', 'raw inputs: do not compute TMB')
    .action(async (inputs: string[], o: SummarizeOptions, self: Command) => {
      const g = globalOptions(self);
      state.exitCode = await runSummarize(inputs, o, g.db, g.quiet);
    });
};

/** An annotation JSON file, or undefined when the file is not one (then it is read as raw input). */
function readAnnotationJson(path: string): { result?: AnnotationResult; error?: string } {
  if (!/\.json$/i.test(path)) return {};
  let data: unknown;
  try {
    data = JSON.parse(readFileSync(path, 'utf8'));
  } catch {
    return {};
  }
  if (
    typeof data !== 'object' ||
    data === null ||
    (data as { schemaVersion?: unknown }).schemaVersion !== ANNOTATION_SCHEMA_VERSION
  )
    return {};
  const parsed = AnnotationResultSchema.safeParse(data);
  if (!parsed.success) {
    const first = parsed.error.issues[0];
    return {
      error: `${path}: not a valid ${ANNOTATION_SCHEMA_VERSION} file (${first ? `/${first.path.join('/')}: ${first.message}` : 'schema'})`,
    };
  }
  return { result: parsed.data };
}

async function runSummarize(
  inputs: string[],
  o: SummarizeOptions,
  dbPath: string,
  quiet: boolean,
): Promise<number> {
  const top = Number(o.top);
  if (!Number.isInteger(top) || top < 0) {
    process.stderr.write(`onconav cohort summarize: --top must be a whole number, got "${o.top}"\n`);
    return EXIT.usage;
  }
  const results: AnnotationResult[] = [];
  const raw: string[] = [];
  for (const path of inputs) {
    const r = readAnnotationJson(path);
    if (r.error) {
      process.stderr.write(`onconav cohort summarize: ${r.error}\n`);
      return EXIT.input;
    }
    if (r.result) results.push(r.result);
    else raw.push(path);
  }
  if (raw.length > 0) {
    const done = await annotateFiles(raw, o, dbPath, quiet, 'cohort summarize');
    if (!done.ok) return done.exitCode;
    results.push(done.result);
    for (const n of done.notices) process.stderr.write(`${n}\n`);
  }
  const summary = summarizeCohort(results, { topGenes: top });
  let text: string;
  switch (o.format) {
    case 'table':
      text = formatCohortTable(summary);
      break;
    case 'json':
      text = JSON.stringify(summary, null, 2) + '\n';
      break;
    case 'svg':
      text = cohortChartSvg(summary);
      break;
  }
  if (o.out !== undefined) {
    try {
      writeFileAtomic(o.out, text);
    } catch (err) {
      process.stderr.write(
        `onconav cohort summarize: cannot write ${o.out}: ${err instanceof Error ? err.message : String(err)}\n`,
      );
      return EXIT.input;
    }
    if (!quiet) process.stderr.write(`wrote ${o.out}\n`);
  } else process.stdout.write(text);
  return EXIT.ok;
}
