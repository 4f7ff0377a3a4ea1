import type { Command } from 'commander';
import { defaultDbPath } from '../store/db.js';

/** Global options every command sees (`--db`, `--quiet`). */
export interface GlobalOptions {
  db: string;
  quiet: boolean;
}

export function globalOptions(cmd: Command): GlobalOptions {
  const opts = cmd.optsWithGlobals<{ db?: string; quiet?: boolean }>();
  return { db: opts.db ?? defaultDbPath(), quiet: opts.quiet ?? false };
}

/** Exit codes: 0 ok, 1 input errors, 2 usage. */
export const EXIT = { ok: 0, input: 1, usage: 2 } as const;
export type ExitCode = (typeof EXIT)[keyof typeof EXIT];

/** Commands set the process exit code through this, so tests can run main() in process. */
export interface CommandResult {
  exitCode: ExitCode;
}
