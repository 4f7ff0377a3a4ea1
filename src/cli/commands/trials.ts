import { readFileSync } from 'node:fs';
import { Option, type Command } from 'commander';
import {
  formatIssue,
  hasErrors,
  TRIAL_STATUSES,
  type Case,
  type Issue,
  type TrialMatch,
  type TrialStatus,
} from '../../domain/index.js';
import { buildCase } from '../../intake/build.js';
import { readInputs } from '../../intake/index.js';
import { builtinContext } from '../../normalize/context.js';
import { openDb } from '../../store/db.js';
import type { CaseFacts } from '../../trials/facts.js';
import { factsFromCase } from '../../trials/facts.js';
import { geocode, parseRadius, pointOfLocation } from '../../trials/geo.js';
import { countImportFiles, importTrials } from '../../trials/import.js';
import { matchTrials, OPEN_STATUSES } from '../../trials/matcher.js';
import { factsFromNote } from '../../trials/note.js';
import { ftsQueryFromWords, TrialStore } from '../../trials/store.js';
import { syncTrials } from '../../trials/sync.js';
import { writeFileAtomic } from '../../util/atomic.js';
import { EXIT, globalOptions } from '../context.js';
import { progressBar } from '../progress.js';
import type { RegisterCommand } from './index.js';

/**
 * `onconav trials import | sync | match | stats`. The JSON of `match` is documented in docs/trials.md:
 * `{ extracted, location?, counts, matches: [{ nctId, title, score, phase, status, nearestSite, excluded,
 * highlights, criteria: [{ type, text, verdict, reason, toSettle?, category? }] }] }`.
 */
export const register: RegisterCommand = (program, state) => {
  const cmd = program
    .command('trials')
    .description('Clinical trials: import the registry, match a case, explain each criterion');

  cmd
    .command('import')
    .description(
      'Import ClinicalTrials.gov records: API v2 JSON (study, studies page, bulk zip) or legacy XML (files, folders, zip)',
    )
    .argument('<paths...>', 'files, folders or zip archives')
    .addOption(
      new Option('--format <format>', 'summary format on stdout').choices(['text', 'json']).default('text'),
    )
    .option(
      '--workers <n>',
      'threads that parse records while the import writes them; 0 parses on the importing thread (default: one per core but one, at most 4, or $ONCONAV_IMPORT_WORKERS)',
    )
    .action(async (paths: string[], o: { format: 'text' | 'json'; workers?: string }, self: Command) => {
      const g = globalOptions(self);
      const workers = o.workers === undefined ? undefined : Number(o.workers);
      if (workers !== undefined && !(Number.isInteger(workers) && workers >= 0 && workers <= 64)) {
        process.stderr.write(
          `onconav trials import: --workers must be a whole number from 0 to 64, got "${o.workers}"\n`,
        );
        state.exitCode = EXIT.usage;
        return;
      }
      const db = openDb(g.db);
      const bar = progressBar('importing trials', { quiet: g.quiet });
      try {
        const total = g.quiet ? 0 : await countImportFiles(paths);
        const r = await importTrials(db, paths, {
          workers,
          onProgress: (p) => bar.update(Math.min(p.files, total), Math.max(total, p.files)),
        });
        bar.done();
        printIssues(r.issues, g.quiet);
        if (o.format === 'json')
          process.stdout.write(JSON.stringify({ ...r, issues: r.issues }, null, 2) + '\n');
        else
          process.stdout.write(
            `${r.trials} trials imported from ${r.files} files (${r.inserted} new, ${r.updated} updated; ${r.byFormat['api-v2-json']} API v2 JSON, ${r.byFormat['legacy-xml']} legacy XML); ${r.skipped} skipped\n`,
          );
        state.exitCode = hasErrors(r.issues) ? EXIT.input : EXIT.ok;
      } finally {
        db.close();
      }
    });

  cmd
    .command('sync')
    .description(
      'Download trials from the ClinicalTrials.gov API v2 (paged, resumable, incremental with --since)',
    )
    .option('--condition <text>', 'condition or disease query (query.cond), e.g. "lung cancer"')
    .option(
      '--status <list>',
      'comma list of statuses, e.g. RECRUITING,NOT_YET_RECRUITING',
      'RECRUITING,NOT_YET_RECRUITING',
    )
    .option('--since <date>', 'only studies updated on or after this date (YYYY-MM-DD)')
    .option('--page-size <n>', 'studies per page (max 1000)', '100')
    .option('--max-pages <n>', 'stop after this many pages (resume later)')
    .option('--restart', 'ignore a saved position and start from the first page')
    .option(
      '--full',
      'without --since: download everything, not only what changed since the last complete sync',
    )
    .option('--base-url <url>', 'API base URL', 'https://clinicaltrials.gov/api/v2')
    .action(
      async (
        o: {
          condition?: string;
          status: string;
          since?: string;
          pageSize: string;
          maxPages?: string;
          restart?: boolean;
          full?: boolean;
          baseUrl: string;
        },
        self: Command,
      ) => {
        const g = globalOptions(self);
        const statuses = parseStatuses(o.status);
        if (statuses === null)
          return usage(state, `--status: expected a comma list of ${TRIAL_STATUSES.join(', ')}`);
        if (o.since && !/^\d{4}-\d{2}(-\d{2})?$/.test(o.since))
          return usage(state, '--since: expected YYYY-MM-DD');
        const db = openDb(g.db);
        const bar = progressBar('syncing trials', { quiet: g.quiet });
        try {
          const r = await syncTrials(db, {
            baseUrl: o.baseUrl,
            ...(o.condition ? { condition: o.condition } : {}),
            statuses,
            ...(o.since ? { since: o.since } : {}),
            pageSize: Number(o.pageSize),
            ...(o.maxPages ? { maxPages: Number(o.maxPages) } : {}),
            ...(o.restart ? { restart: true } : {}),
            ...(o.full ? { incremental: false } : {}),
            onProgress: (p) => bar.update(p.trials, p.total ?? p.trials),
          });
          bar.done();
          printIssues(r.issues, g.quiet);
          process.stdout.write(
            `${r.trials} trials from ${r.pages} page(s)${r.total !== undefined ? ` of ${r.total}` : ''} (${r.inserted} new, ${r.updated} updated)${r.since ? `, changes since ${r.since}` : ''}${r.resumed ? ', resumed' : ''}${r.complete ? '' : '; not finished — run again to continue'}\n`,
          );
          state.exitCode = EXIT.ok;
        } catch (err) {
          bar.done();
          process.stderr.write(`onconav: trials sync failed: ${(err as Error).message}\n`);
          state.exitCode = EXIT.input;
        } finally {
          db.close();
        }
      },
    );

  cmd
    .command('match')
    .description('Rank trials for a case (case JSON or a free-text clinical note), criterion by criterion')
    .option('--case <file>', 'case JSON (hand-typed or built by `onconav case build`)')
    .option('--note <file>', 'free-text clinical summary')
    .option('--near <place>', 'ZIP code, "City, ST", "City, Country" or "lat,lon"')
    .option(
      '--radius <distance>',
      'only trials with a recruiting site within this distance of --near, e.g. 200km or 100mi',
    )
    .option(
      '--status <list>',
      'comma list of trial statuses, "recruiting" (open statuses, default) or "all"',
      'recruiting',
    )
    .option('--include-excluded', 'also list trials a hard exclusion rules out, with the reason')
    .option('--limit <n>', 'number of trials to show', '20')
    .option('--out <file>', 'also write the JSON result here (atomically)')
    .addOption(new Option('--format <format>', 'stdout format').choices(['json', 'table']).default('table'))
    .action(async (o: MatchCliOptions, self: Command) => {
      state.exitCode = await runMatch(o, globalOptions(self));
    });

  cmd
    .command('search')
    .description('Full-text search of stored trials: titles, conditions and eligibility text, best first')
    .argument('<words...>', 'words that must all occur (or, with --fts, an FTS5 query)')
    .option('--fts', 'read the words as FTS5 query syntax: OR, NOT, "phrases", prefix*, NEAR(), column:')
    .option(
      '--status <list>',
      'comma list of trial statuses, "recruiting" (open statuses) or "all" (default)',
      'all',
    )
    .option('--limit <n>', 'number of trials to show', '20')
    .addOption(new Option('--format <format>', 'stdout format').choices(['json', 'table']).default('table'))
    .action(
      (
        words: string[],
        o: { fts?: boolean; status: string; limit: string; format: 'json' | 'table' },
        self: Command,
      ) => {
        const g = globalOptions(self);
        const statuses = parseStatuses(o.status);
        if (statuses === null) return usage(state, `unknown status in --status "${o.status}"`);
        const limit = Number(o.limit);
        if (!Number.isInteger(limit) || limit < 1)
          return usage(state, `--limit must be a whole number ≥ 1, got "${o.limit}"`);
        const query = o.fts ? words.join(' ') : ftsQueryFromWords(words.join(' '));
        if (query.trim() === '') return usage(state, 'give at least one word to search for');
        const db = openDb(g.db);
        try {
          let hits;
          try {
            hits = new TrialStore(db).searchTrials(query, { statuses, limit });
          } catch (err) {
            // FTS5 reports a malformed query as "fts5: syntax error near …".
            const m = (err as Error).message;
            if (!/fts5|syntax|no such column/i.test(m)) throw err;
            return usage(state, `search query "${query}": ${m}`);
          }
          if (o.format === 'json') process.stdout.write(JSON.stringify({ query, hits }, null, 2) + '\n');
          else if (hits.length === 0) process.stdout.write(`no stored trial matches ${query}\n`);
          else
            process.stdout.write(
              hits
                .map(
                  (h) =>
                    `${h.nctId}  ${h.status}${h.phase ? `  ${h.phase}` : ''}\n  ${h.title}\n  ${h.snippet.replace(/\s+/g, ' ')}`,
                )
                .join('\n') + '\n',
            );
          state.exitCode = EXIT.ok;
        } finally {
          db.close();
        }
      },
    );

  cmd
    .command('stats')
    .description('Counts of stored trials by status, tumor type and required gene')
    .addOption(new Option('--format <format>', 'stdout format').choices(['json', 'table']).default('table'))
    .action((o: { format: 'json' | 'table' }, self: Command) => {
      const g = globalOptions(self);
      const db = openDb(g.db);
      try {
        const s = new TrialStore(db).stats();
        if (o.format === 'json') process.stdout.write(JSON.stringify(s, null, 2) + '\n');
        else {
          const kv = (r: Record<string, number>): string =>
            Object.entries(r)
              .map(([k, v]) => `${k} ${v}`)
              .join(', ') || '-';
          process.stdout.write(
            [
              `trials: ${s.total} (last import ${s.lastImport ?? 'never'})`,
              `by status: ${kv(s.byStatus)}`,
              `by tumor type: ${kv(s.byTumorType)}`,
              `by required gene: ${kv(s.byRequiredGene)}`,
              `sites: ${s.sites} (${s.geocodedSites} with coordinates)`,
              `criteria: ${s.criteria} (${s.parsedCriteria} with parsed meaning)`,
            ].join('\n') + '\n',
          );
        }
        state.exitCode = EXIT.ok;
      } finally {
        db.close();
      }
    });
};

interface MatchCliOptions {
  case?: string;
  note?: string;
  near?: string;
  radius?: string;
  status: string;
  includeExcluded?: boolean;
  limit: string;
  out?: string;
  format: 'json' | 'table';
}

function usage(state: { exitCode: number }, message: string): void {
  process.stderr.write(`onconav: ${message}\n`);
  state.exitCode = EXIT.usage;
}

function parseStatuses(text: string): TrialStatus[] | null {
  const t = text.trim().toLowerCase();
  if (t === 'all' || t === '') return [];
  if (t === 'recruiting' || t === 'open') return [...OPEN_STATUSES];
  const list = text.split(',').map((s) =>
    s
      .trim()
      .toUpperCase()
      .replace(/[\s-]+/g, '_'),
  );
  return list.every((s) => (TRIAL_STATUSES as readonly string[]).includes(s))
    ? (list as TrialStatus[])
    : null;
}

function printIssues(issues: readonly Issue[], quiet: boolean): void {
  if (quiet) return;
  const shown = issues.filter((i) => i.severity !== 'info');
  for (const i of shown.slice(0, 20)) process.stderr.write(formatIssue(i) + '\n');
  if (shown.length > 20) process.stderr.write(`… and ${shown.length - 20} more\n`);
}

async function loadCase(file: string): Promise<{ kase: Case | null; issues: Issue[] }> {
  const ctx = builtinContext();
  const { results, issues } = await readInputs([file], { ctx, as: 'case-json' });
  const kase = buildCase(results, { ctx, issues });
  return { kase: hasErrors(kase.issues) ? null : kase, issues: kase.issues };
}

async function runMatch(o: MatchCliOptions, g: { db: string; quiet: boolean }): Promise<number> {
  if ((o.case === undefined) === (o.note === undefined)) {
    process.stderr.write('onconav: give exactly one of --case <file> or --note <file>\n');
    return EXIT.usage;
  }
  const statuses = parseStatuses(o.status);
  if (statuses === null) {
    process.stderr.write(
      `onconav: --status: expected recruiting, all, or a comma list of ${TRIAL_STATUSES.join(', ')}\n`,
    );
    return EXIT.usage;
  }
  const limit = Number(o.limit);
  if (!Number.isInteger(limit) || limit <= 0) {
    process.stderr.write('onconav: --limit: expected a positive integer\n');
    return EXIT.usage;
  }
  let radiusKm: number | undefined;
  if (o.radius !== undefined) {
    const r = parseRadius(o.radius);
    if (r === null) {
      process.stderr.write('onconav: --radius: expected a distance such as 200km or 100mi\n');
      return EXIT.usage;
    }
    if (o.near === undefined) {
      process.stderr.write('onconav: --radius needs --near\n');
      return EXIT.usage;
    }
    radiusKm = r;
  }
  let facts: CaseFacts;
  if (o.case !== undefined) {
    const { kase, issues } = await loadCase(o.case);
    printIssues(issues, g.quiet);
    if (!kase) return EXIT.input;
    facts = factsFromCase(kase);
  } else {
    let text: string;
    try {
      text = readFileSync(o.note!, 'utf8');
    } catch (err) {
      process.stderr.write(`onconav: cannot read ${o.note}: ${(err as Error).message}\n`);
      return EXIT.input;
    }
    facts = factsFromNote(text);
  }
  const db = openDb(g.db);
  try {
    const near = o.near !== undefined ? geocode(o.near, db) : pointOfLocation(facts.location, db);
    if (o.near !== undefined && !near) {
      process.stderr.write(
        `onconav: --near: cannot place "${o.near}" (try a US ZIP code, "City, ST", "City, Country" or "lat,lon")\n`,
      );
      return EXIT.usage;
    }
    const result = matchTrials(db, facts, {
      statuses,
      limit,
      ...(near ? { near } : {}),
      ...(radiusKm !== undefined ? { radiusKm } : {}),
      ...(o.includeExcluded ? { includeExcluded: true } : {}),
    });
    const out = {
      extracted: result.extracted,
      ...(near ? { location: near } : {}),
      counts: result.counts,
      matches: result.matches,
    };
    const json = JSON.stringify(out, null, 2) + '\n';
    if (o.out !== undefined) writeFileAtomic(o.out, json);
    if (o.format === 'json') process.stdout.write(json);
    else process.stdout.write(renderTable(result.extracted, result.matches, result.counts, near?.label));
    return EXIT.ok;
  } finally {
    db.close();
  }
}

function describeFacts(f: CaseFacts): string {
  const parts: string[] = [];
  if (f.age !== undefined) parts.push(`${f.age} y`);
  if (f.sex !== 'unknown') parts.push(f.sex);
  if (f.tumorType) parts.push(`${f.tumorType.name} (${f.tumorType.code})`);
  if (f.stage) parts.push(`stage ${f.stage}`);
  if (f.sites.length)
    parts.push(
      `sites: ${f.sites.map((s) => (s.status !== 'unknown' ? `${s.site} (${s.status})` : s.site)).join(', ')}`,
    );
  if (f.alterations.length) parts.push(`alterations: ${f.alterations.map((a) => a.text).join(', ')}`);
  if (f.testedNegative?.length) parts.push(`tested negative: ${f.testedNegative.join(', ')}`);
  if (f.biomarkers.length) parts.push(`biomarkers: ${f.biomarkers.map((b) => b.text).join(', ')}`);
  if (f.priorTherapies.length)
    parts.push(
      `prior: ${f.priorTherapies.map((t) => (t.name ?? t.drugs.join('+')) + (t.progressed ? ' (progressed)' : '')).join('; ')}`,
    );
  if (f.ecog !== undefined) parts.push(`ECOG ${f.ecog}`);
  if (f.karnofsky !== undefined) parts.push(`KPS ${f.karnofsky}`);
  return parts.join(' · ');
}

function renderTable(
  f: CaseFacts,
  matches: readonly TrialMatch[],
  counts: { candidates: number; evaluated: number; excluded: number; outsideRadius: number },
  place?: string,
): string {
  const lines: string[] = [];
  lines.push(`Case: ${describeFacts(f) || '(nothing extracted)'}`);
  lines.push(
    `${counts.candidates} candidate trials screened, ${counts.evaluated} evaluated, ${counts.excluded} ruled out by an exclusion${counts.outsideRadius ? `, ${counts.outsideRadius} outside the radius` : ''}${place ? ` (near ${place})` : ''}`,
  );
  lines.push('');
  matches.forEach((m, i) => {
    const met = m.criteria.filter((c) => c.verdict === 'met').length;
    const unk = m.criteria.filter((c) => c.verdict === 'unknown').length;
    const site = m.nearestSite
      ? `${[m.nearestSite.facility, m.nearestSite.city, m.nearestSite.country].filter(Boolean).join(', ')}${m.nearestSite.distanceKm !== undefined ? ` — ${Math.round(m.nearestSite.distanceKm)} km` : ''}`
      : 'no recruiting site listed';
    lines.push(
      `${String(i + 1).padStart(2)}. ${m.nctId}  score ${m.score.toFixed(1)}  ${m.phase ?? ''} ${m.status}${m.excluded ? '  [EXCLUDED]' : ''}`,
    );
    lines.push(`    ${m.title}`);
    for (const h of m.highlights) lines.push(`    • ${h}`);
    lines.push(
      `    criteria: ${met} met, ${unk} unknown, ${m.criteria.length - met - unk} not met · nearest site: ${site}`,
    );
  });
  lines.push('');
  lines.push(
    'Decision support only: eligibility is decided by the trial team. Discuss these trials with your care team.',
  );
  return lines.join('\n') + '\n';
}
