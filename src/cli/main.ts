import { Command, CommanderError } from 'commander';
import { OnconavError } from '../domain/index.js';
import { COMMANDS } from './commands/index.js';
import { EXIT } from './context.js';
import { VERSION } from '../version.js';

/**
 * Builds the `onconav` program. Each command module registers itself and records its exit code in
 * `state.exitCode`; main() returns it so tests can drive the CLI in process.
 */
export function buildProgram(state: { exitCode: number }): Command {
  const program = new Command('onconav')
    .description('Decision support for metastatic cancer: actionable alterations, therapies, trials and plain-language reports.')
    .version(VERSION)
    .option('--db <path>', 'SQLite store used by all commands (default: $ONCONAV_DB or ~/.local/share/onconav/onconav.db)')
    .option('-q, --quiet', 'no progress bars or summaries on stderr')
    .showHelpAfterError()
    .exitOverride();
  for (const register of COMMANDS) register(program, state);
  return program;
}

export async function main(argv: readonly string[]): Promise<number> {
  const state = { exitCode: EXIT.ok as number };
  const program = buildProgram(state);
  try {
    await program.parseAsync([...argv]);
    return state.exitCode;
  } catch (err) {
    if (err instanceof CommanderError) {
      if (err.code === 'commander.helpDisplayed' || err.code === 'commander.version' || err.code === 'commander.help') return EXIT.ok;
      return EXIT.usage;
    }
    if (err instanceof OnconavError) {
      process.stderr.write(`onconav: ${err.message}\n`);
      return err.exitCode;
    }
    throw err;
  }
}
