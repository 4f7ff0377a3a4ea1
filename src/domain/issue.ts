import { z } from 'zod';

/**
 * Problems are data: every reader collects located issues and returns them alongside what it could read.
 * A location is a file with a 1-based line (and column or field), or a JSON pointer for JSON inputs.
 */
export const SEVERITIES = ['error', 'warning', 'info'] as const;
export const SeveritySchema = z.enum(SEVERITIES);
export type Severity = z.infer<typeof SeveritySchema>;

export const IssueSchema = z.object({
  severity: SeveritySchema,
  /** Stable machine code, e.g. `maf.missing-column`, `gene.unknown`. */
  code: z.string(),
  message: z.string(),
  file: z.string().optional(),
  line: z.number().int().positive().optional(),
  column: z.number().int().positive().optional(),
  field: z.string().optional(),
  pointer: z.string().optional(),
  /** How many times this issue occurred when identical issues are folded together. */
  count: z.number().int().positive().optional(),
});
export type Issue = z.infer<typeof IssueSchema>;

/** `file:line:column (field): message` — the form users see in the terminal. */
export function formatIssue(issue: Issue): string {
  let where = issue.file ?? '';
  if (issue.line !== undefined) where += `:${issue.line}`;
  if (issue.column !== undefined) where += `:${issue.column}`;
  if (issue.pointer !== undefined) where += `#${issue.pointer}`;
  const field = issue.field !== undefined ? ` [${issue.field}]` : '';
  const times = issue.count !== undefined && issue.count > 1 ? ` (×${issue.count})` : '';
  return `${where ? `${where}${field}: ` : field ? `${field.trim()}: ` : ''}${issue.severity}: ${issue.message}${times}`;
}

export function hasErrors(issues: readonly Issue[]): boolean {
  return issues.some((i) => i.severity === 'error');
}

/** One typed error for whole-request failures (bad usage, unreadable file). `exitCode` follows the CLI contract. */
export class OnconavError extends Error {
  constructor(
    message: string,
    readonly exitCode: 1 | 2 = 1,
    readonly issues: readonly Issue[] = [],
  ) {
    super(message);
    this.name = 'OnconavError';
  }
}
