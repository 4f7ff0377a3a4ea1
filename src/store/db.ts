import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, join } from 'node:path';

export type Db = Database.Database;

/**
 * Where the SQLite store lives: `--db`, else $ONCONAV_DB, else the user's data directory
 * ($XDG_DATA_HOME/onconav/onconav.db, default ~/.local/share/onconav/onconav.db).
 */
export function defaultDbPath(env: NodeJS.ProcessEnv = process.env): string {
  if (env.ONCONAV_DB) return env.ONCONAV_DB;
  const base = env.XDG_DATA_HOME || join(homedir(), '.local', 'share');
  return join(base, 'onconav', 'onconav.db');
}

/** Opens (creating if needed) the store. WAL lets readers keep using the previous release during an import. */
export function openDb(path: string, options: { readonly?: boolean } = {}): Db {
  if (path !== ':memory:' && !options.readonly) mkdirSync(dirname(path), { recursive: true });
  const db = new Database(path, { readonly: options.readonly ?? false, fileMustExist: options.readonly ?? false });
  if (!options.readonly) {
    db.pragma('journal_mode = WAL');
    db.pragma('foreign_keys = ON');
  }
  db.pragma('busy_timeout = 5000');
  db.exec('CREATE TABLE IF NOT EXISTS schema_versions (module TEXT PRIMARY KEY, version INTEGER NOT NULL)');
  return db;
}

/**
 * Each subsystem (knowledge, reference, trials) owns its tables and migrates them here: `migrations[i]`
 * brings the module from version i to i+1. Runs in one transaction.
 */
export function migrate(db: Db, module: string, migrations: readonly string[]): void {
  const row = db.prepare('SELECT version FROM schema_versions WHERE module = ?').get(module) as { version: number } | undefined;
  const current = row?.version ?? 0;
  if (current >= migrations.length) return;
  db.transaction(() => {
    for (let v = current; v < migrations.length; v++) db.exec(migrations[v]!);
    db.prepare('INSERT INTO schema_versions(module, version) VALUES (?, ?) ON CONFLICT(module) DO UPDATE SET version = excluded.version').run(
      module,
      migrations.length,
    );
  })();
}
