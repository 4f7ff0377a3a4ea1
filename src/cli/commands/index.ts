import type { Command } from 'commander';
import { register as annotate } from './annotate.js';
import { register as caseCmd } from './case.js';
import { register as cohort } from './cohort.js';
import { register as kb } from './kb.js';
import { register as ref } from './ref.js';
import { register as report } from './report.js';
import { register as trials } from './trials.js';

/** A command module adds its subcommands to the program and reports its exit code through `state`. */
export type RegisterCommand = (program: Command, state: { exitCode: number }) => void;

/** Registered commands, in the order of the pipeline. Each module lives beside this file. */
export const COMMANDS: RegisterCommand[] = [caseCmd, ref, kb, annotate, cohort, trials, report];
