import { z } from 'zod';

/**
 * Therapeutic levels of evidence (see docs/levels.md for the definitions in our words).
 * Sensitivity: 1 > 2 > 3A > 3B > 4. Resistance: R1 > R2.
 */
export const SENSITIVE_LEVELS = ['1', '2', '3A', '3B', '4'] as const;
export const RESISTANCE_LEVELS = ['R1', 'R2'] as const;
export const LEVELS = [...SENSITIVE_LEVELS, ...RESISTANCE_LEVELS] as const;
export const LevelSchema = z.enum(LEVELS);
export type Level = z.infer<typeof LevelSchema>;
export type SensitiveLevel = (typeof SENSITIVE_LEVELS)[number];
export type ResistanceLevel = (typeof RESISTANCE_LEVELS)[number];

/** AMP/ASCO/CAP 2017 tier and evidence category beside each of our levels. */
export const AMP_TIER: Record<Level, string> = {
  '1': 'Tier I-A',
  '2': 'Tier I-A',
  '3A': 'Tier I-B',
  '3B': 'Tier II-C',
  '4': 'Tier II-D',
  R1: 'Tier I-A',
  R2: 'Tier II-C',
};

export function isSensitiveLevel(level: Level): level is SensitiveLevel {
  return (SENSITIVE_LEVELS as readonly string[]).includes(level);
}

/** Rank for sorting: lower is stronger. Sensitive and resistance levels are ranked within their own scale. */
export function levelRank(level: Level): number {
  return LEVELS.indexOf(level);
}

/** The strongest of several levels of the same scale, or undefined when none. */
export function highestLevel<L extends Level>(levels: Iterable<L>): L | undefined {
  let best: L | undefined;
  for (const l of levels) if (best === undefined || levelRank(l) < levelRank(best)) best = l;
  return best;
}
