import { statSync } from 'node:fs';
import { Argument, type Command } from 'commander';
import { OnconavError, formatIssue, hasErrors, type Issue } from '../../domain/index.js';
import { builtinGeneResolver } from '../../normalize/genes.js';
import { builtinOncoTree } from '../../normalize/oncotree.js';
import {
  REFERENCE_KINDS,
  downloadToTemp,
  importHgnc,
  importOncoTree,
  isUrl,
  migrateReference,
  referenceStatus,
  type ImportResult,
  type ReferenceKind,
} from '../../normalize/ref-store.js';
import { openDb } from '../../store/db.js';
import { EXIT, globalOptions } from '../context.js';
import { PROGRESS_MIN_BYTES, progressBar } from '../progress.js';
import type { RegisterCommand } from './index.js';

/** How many located issues are printed before "… and N more". */
const SHOWN_ISSUES = 20;

/**
 * `onconav ref import hgnc|oncotree <file|url>` loads a public reference release into the store (one
 * transaction: a failed import keeps the previous release); `onconav ref status` lists what is loaded.
 * Exit codes: 0 imported (warnings allowed), 1 nothing imported (unreadable file, wrong format, offline), 2 usage.
 */
export const register: RegisterCommand = (program, state) => {
  const cmd = program.command('ref').description('Reference sets used for normalization: HGNC gene symbols and the OncoTree tumor types');

  cmd
    .command('import')
    .description('Import an HGNC complete set (hgnc_complete_set.txt[.gz]) or an OncoTree release (JSON tree/API or TSV)')
    .addArgument(new Argument('<kind>', 'what to import').choices([...REFERENCE_KINDS]))
    .argument('<source>', 'file path or http(s) URL')
    .option('--release <label>', 'release label to record (default: from the file)')
    .action(async (kind: ReferenceKind, source: string, o: { release?: string }, self: Command) => {
      const g = globalOptions(self);
      state.exitCode = await runImport(kind, source, g.db, g.quiet, o.release);
    });

  cmd
    .command('status')
    .description('Show the imported reference releases (or the built-in sets in use)')
    .option('--json', 'print JSON')
    .action((o: { json?: boolean }, self: Command) => {
      state.exitCode = runStatus(globalOptions(self).db, o.json ?? false);
    });
};

async function runImport(kind: ReferenceKind, source: string, dbPath: string, quiet: boolean, version: string | undefined): Promise<number> {
  let path = source;
  let cleanup = (): void => {};
  if (isUrl(source)) {
    if (!quiet) process.stderr.write(`downloading ${source}\n`);
    try {
      ({ path, cleanup } = await downloadToTemp(source));
    } catch (err) {
      if (err instanceof OnconavError) {
        process.stderr.write(`onconav: ${err.message}\n`);
        return err.exitCode;
      }
      throw err;
    }
  } else {
    try {
      statSync(path);
    } catch {
      process.stderr.write(`onconav: ${source}: no such file\n`);
      return EXIT.input;
    }
  }
  try {
    const size = statSync(path).size;
    const bar = size >= PROGRESS_MIN_BYTES ? progressBar(`importing ${kind}`, { quiet }) : null;
    const db = openDb(dbPath);
    let result: ImportResult;
    try {
      migrateReference(db);
      const options = { displayName: source, ...(version !== undefined ? { version } : {}), onProgress: (p: { bytes: number; totalBytes: number }) => bar?.update(p.bytes, p.totalBytes) };
      result = kind === 'hgnc' ? await importHgnc(db, path, options) : await importOncoTree(db, path, options);
    } finally {
      bar?.done();
      db.close();
    }
    printIssues(result.issues, quiet);
    if (!result.release || hasErrors(result.issues)) {
      if (!quiet) process.stderr.write(`${kind}: nothing imported; the previous release (if any) is unchanged\n`);
      return EXIT.input;
    }
    if (!quiet) process.stderr.write(`${kind}: imported ${result.release.rowCount} rows as "${result.release.version}" into ${dbPath}\n`);
    return EXIT.ok;
  } finally {
    cleanup();
  }
}

function printIssues(issues: readonly Issue[], quiet: boolean): void {
  // Errors are always shown; warnings and info only without --quiet.
  const shown = quiet ? issues.filter((i) => i.severity === 'error') : issues;
  for (const i of shown.slice(0, SHOWN_ISSUES)) process.stderr.write(`${formatIssue(i)}\n`);
  if (shown.length > SHOWN_ISSUES) process.stderr.write(`… and ${shown.length - SHOWN_ISSUES} more\n`);
}

function runStatus(dbPath: string, json: boolean): number {
  let releases: ReturnType<typeof referenceStatus> = [];
  try {
    statSync(dbPath);
    const db = openDb(dbPath);
    try {
      releases = referenceStatus(db);
    } finally {
      db.close();
    }
  } catch {
    releases = [];
  }
  const rows = REFERENCE_KINDS.map((kind) => {
    const r = releases.find((x) => x.kind === kind);
    if (r) return { kind, imported: true, version: r.version, source: r.source, importedAt: r.importedAt, rows: r.rowCount };
    const builtin = kind === 'hgnc' ? `built-in cancer gene list and legacy panel names (${builtinGeneResolver().source})` : builtinOncoTree().release;
    return { kind, imported: false, version: builtin, source: 'built-in', importedAt: null, rows: kind === 'oncotree' ? builtinOncoTree().size : null };
  });
  if (json) {
    process.stdout.write(`${JSON.stringify({ db: dbPath, references: rows }, null, 2)}\n`);
  } else {
    process.stdout.write(`store: ${dbPath}\n`);
    for (const r of rows) {
      const when = r.importedAt ? `, imported ${r.importedAt}` : '';
      const count = r.rows !== null ? `, ${r.rows} rows` : '';
      process.stdout.write(`${r.kind.padEnd(9)} ${r.imported ? 'imported' : 'built-in'}: ${r.version}${count}${when}${r.imported ? ` (from ${r.source})` : ''}\n`);
    }
  }
  return EXIT.ok;
}
