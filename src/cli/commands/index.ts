import type { Command } from 'commander';

/** A command module adds its subcommands to the program and reports its exit code through `state`. */
export type RegisterCommand = (program: Command, state: { exitCode: number }) => void;

/**
 * Registered commands, in the order of the pipeline, by top-level name. Each module lives beside this file
 * and is imported only when needed: a command module pulls in its whole pipeline (readers, knowledge base,
 * trials store…), so loading all of them made every start-up, even `onconav --version`, pay for all.
 */
export const COMMAND_MODULES: ReadonlyArray<{ name: string; load: () => Promise<RegisterCommand> }> = [
  { name: 'case', load: async () => (await import('./case.js')).register },
  { name: 'ref', load: async () => (await import('./ref.js')).register },
  { name: 'kb', load: async () => (await import('./kb.js')).register },
  { name: 'annotate', load: async () => (await import('./annotate.js')).register },
  { name: 'cohort', load: async () => (await import('./cohort.js')).register },
  { name: 'trials', load: async () => (await import('./trials.js')).register },
  { name: 'report', load: async () => (await import('./report.js')).register },
];

/** Loads the named command modules (all of them when `names` is omitted), in pipeline order. */
export async function loadCommands(names?: readonly string[]): Promise<RegisterCommand[]> {
  const wanted = COMMAND_MODULES.filter((m) => names === undefined || names.includes(m.name));
  return Promise.all(wanted.map((m) => m.load()));
}
