import { existsSync } from 'node:fs';
import { Argument, Option, type Command } from 'commander';
import {
  LEVELS,
  OnconavError,
  formatIssue,
  type Evidence,
  type KnowledgeRelease,
  type Level,
} from '../../domain/index.js';
import type { ImportResult } from '../../knowledge/importers/common.js';
import { describePattern } from '../../knowledge/importers/common.js';
import { openKnowledgeStore, patternKey, type KnowledgeStore } from '../../knowledge/store.js';
import {
  IMPORTABLE_SOURCES,
  importIntoStore,
  isImportableSource,
  syncKnowledge,
  type ImportableSource,
  type SyncUrls,
} from '../../knowledge/sync.js';
import { EXIT, globalOptions } from '../context.js';
import { progressBar } from '../progress.js';
import type { RegisterCommand } from './index.js';

/**
 * `onconav kb …`: import knowledge releases (CIViC, MOAlmanac, CGI) into the store and look at what is
 * there. Built-in knowledge (src/knowledge/builtin) is listed beside the imported releases.
 */
export const register: RegisterCommand = (program, state) => {
  const kb = program
    .command('kb')
    .description(
      'Knowledge bases: import releases (CIViC, MOAlmanac, CGI), list, stats, show evidence for a gene',
    );

  kb.command('import')
    .description(
      "Import a source release from a local file/directory or a URL (replaces that source's previous release in one transaction)",
    )
    .addArgument(new Argument('<source>', 'civic | moalmanac | cgi').choices([...IMPORTABLE_SOURCES]))
    .argument(
      '<path>',
      'CIViC: release directory or *ClinicalEvidenceSummaries.tsv; MOAlmanac: molecular-oncology-almanac.json or a referenced/ directory; CGI: cgi_biomarkers_per_variant.tsv or its zip; or an http(s) URL',
    )
    .option('--release-version <v>', 'release name to record (default: from the file name or content)')
    .option(
      '--release-date <yyyy-mm-dd>',
      'release date to record (default: from the file name or content, else the file date)',
    )
    .option(
      '--dry-run',
      'read and map the release and report what would be imported, without changing the store',
    )
    .option('--json', 'print the import report as JSON on stdout')
    .action(
      async (
        source: string,
        path: string,
        o: { releaseVersion?: string; releaseDate?: string; json?: boolean; dryRun?: boolean },
        self: Command,
      ) => {
        state.exitCode = await guard(() => runImport(source, path, o, self));
      },
    );

  kb.command('sync')
    .description(
      'Download and import the current public releases (needs network; each source is its own transaction)',
    )
    .addOption(new Option('--source <names...>', 'only these sources').choices([...IMPORTABLE_SOURCES]))
    .option('--civic-url <url>', 'CIViC clinical evidence TSV URL')
    .option('--civic-assertions-url <url>', 'CIViC assertions TSV URL')
    .option('--moalmanac-url <url>', 'MOAlmanac flat JSON URL')
    .option('--cgi-url <url>', 'CGI biomarkers zip or TSV URL')
    .option('--json', 'print outcomes as JSON on stdout')
    .action(async (o: SyncCliOptions, self: Command) => {
      state.exitCode = await guard(() => runSync(o, self));
    });

  kb.command('list')
    .description('Knowledge releases in use: source, version, date, evidence count, research-use-only flag')
    .option('--json', 'JSON on stdout')
    .action(async (o: { json?: boolean }, self: Command) => {
      state.exitCode = await guard(() => runList(o, self));
    });

  kb.command('stats')
    .description('Evidence counts per source, by level and effect, with the last import report')
    .option('--json', 'JSON on stdout')
    .action(async (o: { json?: boolean }, self: Command) => {
      state.exitCode = await guard(() => runStats(o, self));
    });

  kb.command('show')
    .description(
      'Evidence for a gene (or biomarker: MSI, TMB…) grouped by level, with its source; sources that disagree are all shown',
    )
    .argument('<gene>', 'gene symbol, e.g. BRAF, or biomarker name')
    .option('--source <names...>', 'only these sources (builtin, civic, moalmanac, cgi)')
    .option('--json', 'JSON on stdout')
    .action(async (gene: string, o: { source?: string[]; json?: boolean }, self: Command) => {
      state.exitCode = await guard(() => runShow(gene, o, self));
    });

  kb.command('remove')
    .description('Remove an imported source and its evidence')
    .argument('<source>', 'civic | moalmanac | cgi')
    .action(async (source: string, _o: unknown, self: Command) => {
      state.exitCode = await guard(async () => {
        const { db, quiet } = globalOptions(self);
        if (!existsSync(db)) return EXIT.ok;
        const store = openKnowledgeStore(db);
        try {
          const removed = store.removeSource(source);
          if (!quiet) process.stderr.write(removed ? `removed ${source}\n` : `${source} was not imported\n`);
          return EXIT.ok;
        } finally {
          store.close();
        }
      });
    });
};

interface SyncCliOptions {
  source?: string[];
  civicUrl?: string;
  civicAssertionsUrl?: string;
  moalmanacUrl?: string;
  cgiUrl?: string;
  json?: boolean;
}

async function guard(fn: () => Promise<number>): Promise<number> {
  try {
    return await fn();
  } catch (err) {
    if (err instanceof OnconavError) {
      process.stderr.write(`onconav: ${err.message}\n`);
      for (const i of err.issues.slice(0, 20)) process.stderr.write(`  ${formatIssue(i)}\n`);
      return err.exitCode;
    }
    throw err;
  }
}

// ------------------------------------------------------------------------------------------- builtin
interface BuiltinModule {
  builtinEvidence: () => Evidence[];
  BUILTIN_RELEASE: KnowledgeRelease;
}

/**
 * The built-in knowledge, when src/knowledge/builtin is present. Loaded by a computed specifier so this
 * command compiles and runs without it.
 */
async function loadBuiltin(): Promise<BuiltinModule | null> {
  const spec = ['..', '..', 'knowledge', 'builtin', 'index.js'].join('/');
  try {
    const m = (await import(spec)) as Partial<BuiltinModule>;
    if (typeof m.builtinEvidence === 'function' && m.BUILTIN_RELEASE && typeof m.BUILTIN_RELEASE === 'object')
      return m as BuiltinModule;
  } catch {
    // Not built yet: imported releases only.
  }
  return null;
}

function openIfExists(db: string): KnowledgeStore | null {
  return existsSync(db) ? openKnowledgeStore(db) : null;
}

// -------------------------------------------------------------------------------------------- import
async function runImport(
  source: string,
  path: string,
  o: { releaseVersion?: string; releaseDate?: string; json?: boolean; dryRun?: boolean },
  self: Command,
): Promise<number> {
  if (!isImportableSource(source))
    throw new OnconavError(`unknown source "${source}" (one of ${IMPORTABLE_SOURCES.join(', ')})`, 2);
  if (o.releaseDate !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(o.releaseDate))
    throw new OnconavError(`--release-date must be YYYY-MM-DD, got "${o.releaseDate}"`, 2);
  const { db, quiet } = globalOptions(self);
  const store = o.dryRun ? null : openKnowledgeStore(db);
  const rows = progressBar(`importing ${source}`, { quiet });
  const bytes = progressBar(`downloading ${source}`, { quiet });
  try {
    const result = await importIntoStore(store, source, path, {
      ...(o.releaseVersion ? { version: o.releaseVersion } : {}),
      ...(o.releaseDate ? { date: o.releaseDate } : {}),
      onProgress: (d, t) => rows.update(d, t),
      onDownloadProgress: (d, t) => bytes.update(d, t),
    });
    rows.done();
    bytes.done();
    if (!quiet)
      process.stderr.write(
        `${o.dryRun ? 'dry run (store unchanged): ' : ''}${importSummary(source, result)}`,
      );
    if (o.json)
      process.stdout.write(
        `${JSON.stringify({ release: result.release, report: result.report, issues: result.issues }, null, 2)}\n`,
      );
    return EXIT.ok;
  } finally {
    rows.done();
    bytes.done();
    store?.close();
  }
}

function top(r: Record<string, number> | undefined, n: number): string {
  const e = Object.entries(r ?? {});
  if (e.length === 0) return '';
  const shown = e.slice(0, n).map(([k, v]) => `${k} (${v})`);
  return shown.join(', ') + (e.length > n ? `, … and ${e.length - n} more` : '');
}

export function importSummary(source: string, r: ImportResult): string {
  const lines = [
    `${source} ${r.release.version} (${r.release.date})${r.release.researchUseOnly ? ' [research use only]' : ''}: ${r.report.imported} evidence items from ${r.report.rowsRead} rows`,
  ];
  const skipped = Object.entries(r.report.skipped);
  if (skipped.length > 0) lines.push(`  skipped: ${skipped.map(([k, v]) => `${k} ${v}`).join(', ')}`);
  const d = top(r.report.unmappedDiseases, 10);
  if (d) lines.push(`  diseases without an OncoTree mapping: ${d}`);
  const a = top(r.report.unmappedAlterations, 10);
  if (a) lines.push(`  alterations not modelled: ${a}`);
  for (const i of r.issues.slice(0, 20)) lines.push(`  ${formatIssue(i)}`);
  if (r.issues.length > 20) lines.push(`  … and ${r.issues.length - 20} more issues`);
  return `${lines.join('\n')}\n`;
}

// ---------------------------------------------------------------------------------------------- sync
async function runSync(o: SyncCliOptions, self: Command): Promise<number> {
  const { db, quiet } = globalOptions(self);
  const sources = (o.source ?? [...IMPORTABLE_SOURCES]).filter(isImportableSource) as ImportableSource[];
  const urls: SyncUrls = {
    ...(o.civicUrl ? { civic: o.civicUrl } : {}),
    ...(o.civicAssertionsUrl ? { civicAssertions: o.civicAssertionsUrl } : {}),
    ...(o.moalmanacUrl ? { moalmanac: o.moalmanacUrl } : {}),
    ...(o.cgiUrl ? { cgi: o.cgiUrl } : {}),
  };
  const store = openKnowledgeStore(db);
  const bytes = progressBar('downloading', { quiet });
  try {
    const outcomes = await syncKnowledge(store, {
      sources,
      urls,
      onDownloadProgress: (d, t) => bytes.update(d, t),
    });
    bytes.done();
    if (!quiet) {
      for (const out of outcomes) {
        if (out.ok && out.result) process.stderr.write(importSummary(out.source, out.result));
        else
          process.stderr.write(
            `${out.source}: not updated — ${out.error ?? 'unknown error'} (the previous release, if any, is still in use)\n`,
          );
      }
    }
    if (o.json) {
      process.stdout.write(
        `${JSON.stringify(
          outcomes.map((x) => ({
            source: x.source,
            ok: x.ok,
            ...(x.error ? { error: x.error } : {}),
            ...(x.result ? { release: x.result.release, report: x.result.report } : {}),
          })),
          null,
          2,
        )}\n`,
      );
    }
    return outcomes.every((x) => x.ok) ? EXIT.ok : EXIT.input;
  } finally {
    bytes.done();
    store.close();
  }
}

// ---------------------------------------------------------------------------------------------- list
async function releasesInUse(db: string): Promise<KnowledgeRelease[]> {
  const builtin = await loadBuiltin();
  const store = openIfExists(db);
  try {
    return [...(builtin ? [builtin.BUILTIN_RELEASE] : []), ...(store?.releases() ?? [])];
  } finally {
    store?.close();
  }
}

async function runList(o: { json?: boolean }, self: Command): Promise<number> {
  const { db } = globalOptions(self);
  const releases = await releasesInUse(db);
  if (o.json) {
    process.stdout.write(`${JSON.stringify(releases, null, 2)}\n`);
    return EXIT.ok;
  }
  if (releases.length === 0) {
    process.stdout.write(
      'No knowledge releases. Import one: onconav kb import civic <dir>, or onconav kb sync\n',
    );
    return EXIT.ok;
  }
  const rows = releases.map((r) => [
    r.source,
    r.version,
    r.date,
    String(r.evidenceCount ?? ''),
    r.researchUseOnly ? 'yes' : 'no',
    r.importedAt ?? 'built in',
  ]);
  process.stdout.write(
    table(['source', 'version', 'date', 'evidence', 'research use only', 'imported'], rows),
  );
  return EXIT.ok;
}

function table(header: string[], rows: string[][]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const fmt = (r: string[]) =>
    r
      .map((c, i) => c.padEnd(widths[i]!))
      .join('  ')
      .trimEnd();
  return `${[fmt(header), fmt(widths.map((w) => '-'.repeat(w))), ...rows.map(fmt)].join('\n')}\n`;
}

// --------------------------------------------------------------------------------------------- stats
async function runStats(o: { json?: boolean }, self: Command): Promise<number> {
  const { db } = globalOptions(self);
  const builtin = await loadBuiltin();
  const store = openIfExists(db);
  try {
    const stats = store?.stats() ?? { sources: [], totalEvidence: 0 };
    const sources = [...stats.sources];
    if (builtin) {
      const ev = builtin.builtinEvidence();
      const byLevel = Object.fromEntries(LEVELS.map((l) => [l, 0])) as Record<Level, number>;
      const byEffect = { sensitivity: 0, resistance: 0 };
      const genes = new Set<string>();
      for (const e of ev) {
        byLevel[e.level]++;
        byEffect[e.effect]++;
        const k = patternKey(e).gene;
        if (k) genes.add(k);
      }
      const r = builtin.BUILTIN_RELEASE;
      sources.unshift({
        source: r.source,
        version: r.version,
        date: r.date,
        researchUseOnly: r.researchUseOnly,
        evidence: ev.length,
        genes: genes.size,
        byLevel,
        byEffect,
      });
    }
    const reports = Object.fromEntries(sources.map((s) => [s.source, store?.importReport(s.source)]));
    if (o.json) {
      process.stdout.write(
        `${JSON.stringify({ sources: sources.map((s) => ({ ...s, importReport: reports[s.source] })), totalEvidence: sources.reduce((n, s) => n + s.evidence, 0) }, null, 2)}\n`,
      );
      return EXIT.ok;
    }
    if (sources.length === 0) {
      process.stdout.write(
        'No knowledge releases. Import one: onconav kb import civic <dir>, or onconav kb sync\n',
      );
      return EXIT.ok;
    }
    const rows = sources.map((s) => [
      s.source,
      s.version,
      String(s.evidence),
      String(s.genes),
      ...LEVELS.map((l) => String(s.byLevel[l])),
      s.researchUseOnly ? 'yes' : 'no',
    ]);
    let out = table(['source', 'version', 'evidence', 'genes', ...LEVELS, 'RUO'], rows);
    for (const s of sources) {
      const rep = reports[s.source];
      if (!rep) continue;
      out += `\n${s.source}: ${rep.imported} imported from ${rep.rowsRead} rows; skipped ${Object.entries(
        rep.skipped,
      )
        .map(([k, v]) => `${k} ${v}`)
        .join(', ')}\n`;
    }
    process.stdout.write(out);
    return EXIT.ok;
  } finally {
    store?.close();
  }
}

// ---------------------------------------------------------------------------------------------- show
async function runShow(
  geneArg: string,
  o: { source?: string[]; json?: boolean },
  self: Command,
): Promise<number> {
  const { db } = globalOptions(self);
  const gene = geneArg.trim().toUpperCase();
  if (gene === '') throw new OnconavError('give a gene symbol, e.g. onconav kb show BRAF', 2);
  const wanted = o.source && o.source.length > 0 ? new Set(o.source) : null;
  const evidence: Evidence[] = [];
  if (!wanted || wanted.has('builtin')) {
    const builtin = await loadBuiltin();
    if (builtin) for (const e of builtin.builtinEvidence()) if (keysOf(e).includes(gene)) evidence.push(e);
  }
  const store = openIfExists(db);
  try {
    const imported = wanted ? [...wanted].filter((s) => s !== 'builtin') : undefined;
    if (!wanted || (imported && imported.length > 0))
      evidence.push(...(store?.evidenceForGenes([gene], imported) ?? []));
  } finally {
    store?.close();
  }
  if (o.json) {
    process.stdout.write(`${JSON.stringify(groupByLevel(evidence), null, 2)}\n`);
    return EXIT.ok;
  }
  if (evidence.length === 0) {
    process.stdout.write(`No evidence for ${gene}.\n`);
    return EXIT.ok;
  }
  const lines = [
    `${gene}: ${evidence.length} evidence items. Sources can disagree; every item is shown with its source.`,
  ];
  for (const [level, items] of Object.entries(groupByLevel(evidence))) {
    lines.push('', `Level ${level} (${items.length})`);
    for (const e of items) {
      const ids = e.citations
        .map((c) => c.id)
        .filter(Boolean)
        .slice(0, 3)
        .join(', ');
      lines.push(
        `  ${describePattern(e.pattern)} → ${e.drugs.join(' + ')} (${e.effect}) in ${e.tumorTypes.join(', ')}  [${e.source}${e.sourceLevel ? ` ${e.sourceLevel}` : ''}${e.researchUseOnly ? ', research use only' : ''}${ids ? `; ${ids}` : ''}]`,
      );
    }
  }
  process.stdout.write(`${lines.join('\n')}\n`);
  return EXIT.ok;
}

function keysOf(e: Evidence): string[] {
  const k = patternKey(e);
  return [k.gene, k.partner].filter((x): x is string => x !== null).map((x) => x.toUpperCase());
}

/** Strongest level first (1 … 4, then R1, R2); within a level by source then id, so output is stable. */
function groupByLevel(evidence: Evidence[]): Record<string, Evidence[]> {
  const out: Record<string, Evidence[]> = {};
  for (const level of LEVELS) {
    const items = evidence
      .filter((e) => e.level === level)
      .sort((a, b) => (a.source === b.source ? (a.id < b.id ? -1 : 1) : a.source < b.source ? -1 : 1));
    if (items.length > 0) out[level] = items;
  }
  return out;
}
