import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { Option, type Command } from 'commander';
import type { Case, TrialMatch } from '../../domain/index.js';
import {
  AUDIENCES,
  REPORT_FORMATS,
  buildReport,
  renderReport,
  reportFileName,
  type Audience,
  type ReportFormat,
  type TrialsState,
} from '../../explain/index.js';
import { en } from '../../explain/messages/en.js';
import { htmlToPdf } from '../../explain/pdf.js';
import { loadContext } from '../../normalize/context.js';
import { openDb } from '../../store/db.js';
import { geocode, pointOfLocation } from '../../trials/geo.js';
import { matchTrials } from '../../trials/matcher.js';
import { writeFileAtomic } from '../../util/atomic.js';
import { EXIT, globalOptions } from '../context.js';
import { annotateFiles } from './annotate.js';
import type { RegisterCommand } from './index.js';

/** How a user with no trial data gets some; shown in the reports when the store has no trials. */
export const TRIALS_IMPORT_HINT = 'onconav trials import <ClinicalTrials.gov JSON or XML files>';

interface ReportCliOptions {
  audience: 'patient' | 'clinician' | 'both';
  format: string;
  trials: 'on' | 'off';
  near?: string;
  out: string;
  now?: string;
  tumorType?: string;
  kb?: string;
  as?: string;
  maxTrials?: string;
}

/**
 * `onconav report <case files…>`: intake → annotate → trial match (when the store holds trials) → the
 * patient and clinician reports in HTML, PDF, JSON or Markdown. Output is deterministic: the date comes
 * from --now or $ONCONAV_NOW when given (tests, reproducible builds), else today's date, and only the date
 * is printed, so the same case and knowledge give byte-identical files.
 */
export const register: RegisterCommand = (program, state) => {
  program
    .command('report')
    .description('Write the plain-language patient report and the clinician report for a case')
    .argument('<files...>', 'case JSON, MAF, VCF, CNA, SV/fusion or clinical files of one patient')
    .addOption(
      new Option('--audience <who>', 'which report')
        .choices(['patient', 'clinician', 'both'])
        .default('both'),
    )
    .option(
      '--format <formats>',
      'html, pdf, json, md, or several comma-separated (pdf needs Chromium)',
      'html',
    )
    .addOption(
      new Option('--trials <on|off>', 'match clinical trials from the store')
        .choices(['on', 'off'])
        .default('on'),
    )
    .option(
      '--near <place>',
      'rank trial sites by distance from here (US ZIP, "City, ST", or "lat,lon"); default: the case location',
    )
    .option('--max-trials <n>', 'trials listed in the patient report', '5')
    .option('--out <dir>', 'directory for the report files', 'out')
    .option('--tumor-type <code>', 'OncoTree code or name when the files carry none')
    .option(
      '--kb <sources>',
      'knowledge sources, comma-separated (default: builtin plus every imported source)',
    )
    .addOption(new Option('--as <format>', 'read every file as this format instead of detecting it'))
    .addOption(
      new Option(
        '--now <iso-date>',
        'the report date (for reproducible output; default $ONCONAV_NOW or today)',
      ).hideHelp(),
    )
    .action(async (files: string[], o: ReportCliOptions, self: Command) => {
      const g = globalOptions(self);
      state.exitCode = await runReport(files, o, g.db, g.quiet);
    });
};

function usage(message: string): number {
  process.stderr.write(`onconav report: ${message}\n`);
  return EXIT.usage;
}

/** The report clock: --now, then $ONCONAV_NOW, then the real time. Null when a given value is not a date. */
export function reportClock(now: string | undefined, env: NodeJS.ProcessEnv = process.env): Date | null {
  const text = now ?? env.ONCONAV_NOW;
  if (text === undefined || text === '') return new Date();
  const d = new Date(text);
  return Number.isNaN(d.getTime()) ? null : d;
}

export function parseFormats(text: string): ReportFormat[] | null {
  const parts = [
    ...new Set(
      text
        .split(',')
        .map((s) => s.trim().toLowerCase())
        .filter(Boolean),
    ),
  ];
  if (parts.length === 0) return null;
  const ok = parts.filter((p): p is ReportFormat => (REPORT_FORMATS as readonly string[]).includes(p));
  return ok.length === parts.length ? ok : null;
}

/** Trial state for the report: off, no trial data in the store (with how to import), or the matches. */
export function trialsFor(
  kase: Case,
  dbPath: string,
  near: string | undefined,
  enabled: boolean,
): { state: TrialsState; notices: string[] } {
  if (!enabled) return { state: { status: 'off' }, notices: [] };
  const noData: TrialsState = { status: 'no-data', command: TRIALS_IMPORT_HINT };
  if (dbPath !== ':memory:' && !existsSync(dbPath))
    return {
      state: noData,
      notices: [`no trial store at ${dbPath}; import trials with: ${TRIALS_IMPORT_HINT}`],
    };
  const db = openDb(dbPath);
  try {
    const hasTable = db
      .prepare("SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'trials'")
      .pluck()
      .get() as number;
    const count = hasTable ? (db.prepare('SELECT count(*) FROM trials').pluck().get() as number) : 0;
    if (count === 0)
      return {
        state: noData,
        notices: [`no trials in ${dbPath}; import trials with: ${TRIALS_IMPORT_HINT}`],
      };
    const notices: string[] = [];
    const point = near !== undefined ? geocode(near, db) : pointOfLocation(kase.patient.location, db);
    if (near !== undefined && !point)
      notices.push(`--near "${near}" was not understood; trial sites are not ranked by distance`);
    const result = matchTrials(db, kase, { ...(point ? { near: point } : {}), limit: 20 });
    const matches: TrialMatch[] = result.matches;
    notices.push(`${count} trials screened, ${matches.length} matched`);
    return { state: { status: 'matched', matches }, notices };
  } finally {
    db.close();
  }
}

export async function runReport(
  files: string[],
  o: ReportCliOptions,
  dbPath: string,
  quiet: boolean,
): Promise<number> {
  const now = reportClock(o.now);
  if (!now) return usage(`--now / ONCONAV_NOW is not a date: "${o.now ?? process.env.ONCONAV_NOW}"`);
  const formats = parseFormats(o.format);
  if (!formats)
    return usage(`--format must be html, pdf, json or md (comma-separated for several), got "${o.format}"`);
  const maxTrials = Number(o.maxTrials ?? '5');
  if (!Number.isInteger(maxTrials) || maxTrials < 0)
    return usage(`--max-trials must be a whole number, got "${o.maxTrials}"`);
  const audiences: Audience[] = o.audience === 'both' ? [...AUDIENCES] : [o.audience];

  const done = await annotateFiles(
    files,
    { tumorType: o.tumorType, kb: o.kb, as: o.as, tmb: true },
    dbPath,
    quiet,
    'report',
  );
  if (!done.ok) return done.exitCode;
  const { kase, result } = done;
  const trials = trialsFor(kase, dbPath, o.near, o.trials === 'on');
  const ctx = loadContext(dbPath);
  const ancestors = kase.tumorType ? ctx.oncotree.ancestors(kase.tumorType.code).slice(1) : [];

  const written: string[] = [];
  const pdfJobs: Array<{ path: string; html: string }> = [];
  for (const audience of audiences) {
    const report = buildReport(audience, {
      case: kase,
      annotation: result,
      trials: trials.state,
      now,
      ancestors,
      maxTrials,
    });
    for (const format of formats) {
      const path = join(o.out, reportFileName(kase.id, audience, format));
      if (format === 'pdf') {
        pdfJobs.push({ path, html: renderReport(report, 'html') });
        continue;
      }
      writeFileAtomic(path, renderReport(report, format));
      written.push(path);
    }
  }
  if (pdfJobs.length) {
    const pdfs = await htmlToPdf(
      pdfJobs.map((j) => j.html),
      {
        now,
        pageLabel: en.render.pageOf,
        footerText: `onconav · ${kase.id} · ${now.toISOString().slice(0, 10)}`,
      },
    );
    pdfJobs.forEach((j, i) => {
      writeFileAtomic(j.path, pdfs[i]!);
      written.push(j.path);
    });
  }
  if (!quiet) for (const n of [...done.notices, ...trials.notices]) process.stderr.write(`${n}\n`);
  for (const path of written) process.stdout.write(`${resolve(path)}\n`);
  return EXIT.ok;
}
