import { Command, CommanderError } from 'commander';
import { OnconavError } from '../domain/index.js';
import { COMMAND_MODULES, loadCommands, type RegisterCommand } from './commands/index.js';
import { EXIT } from './context.js';
import { VERSION } from '../version.js';

/** Every command module, once loaded (by main() or loadAllCommands()). */
let allCommands: RegisterCommand[] | undefined;

/** Loads every command module; buildProgram(state) then registers them all. */
export async function loadAllCommands(): Promise<RegisterCommand[]> {
  return (allCommands ??= await loadCommands());
}

/**
 * Builds the `onconav` program. Each command module registers itself and records its exit code in
 * `state.exitCode`; main() returns it so tests can drive the CLI in process. Command modules load lazily:
 * pass the ones to register, or call loadAllCommands() first to register every command.
 */
export function buildProgram(
  state: { exitCode: number },
  commands: readonly RegisterCommand[] = allCommands ?? [],
): Command {
  const program = new Command('onconav')
    .description('Decision support for metastatic cancer: actionable alterations, therapies, trials and plain-language reports.')
    .version(VERSION)
    .option('--db <path>', 'SQLite store used by all commands (default: $ONCONAV_DB or ~/.local/share/onconav/onconav.db)')
    .option('-q, --quiet', 'no progress bars or summaries on stderr')
    .showHelpAfterError()
    .exitOverride();
  for (const register of commands) register(program, state);
  return program;
}

/**
 * The command modules argv needs: only the invoked command's, none for a bare `--version`, and all of them
 * otherwise (help, no command, an unknown command), so help and suggestions list every command.
 */
async function commandsFor(argv: readonly string[]): Promise<readonly RegisterCommand[]> {
  const args = argv.slice(2);
  let version = false;
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a === '--') break;
    if (a === '--db') {
      i++; // the option's value
      continue;
    }
    if (a === '-V' || a === '--version') version = true;
    if (a === '-h' || a === '--help') break;
    if (a.startsWith('-')) continue;
    const hit = COMMAND_MODULES.find((m) => m.name === a);
    return hit !== undefined ? [await hit.load()] : loadAllCommands();
  }
  return version && !args.some((a) => a === '-h' || a === '--help') ? [] : loadAllCommands();
}

export async function main(argv: readonly string[]): Promise<number> {
  const state = { exitCode: EXIT.ok as number };
  const program = buildProgram(state, await commandsFor(argv));
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
