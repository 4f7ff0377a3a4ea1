import type { AlterationClass, Consequence } from '../domain/index.js';

/** (STUB — to be completed) MAF Variant_Classification → our consequence vocabulary. */
export function consequenceFromMaf(variantClassification: string): Consequence {
  void variantClassification;
  return 'unknown';
}

/** (STUB — to be completed) VEP / SnpEff SO terms (`&`-joined) → our consequence vocabulary. */
export function consequenceFromSo(terms: string): Consequence {
  void terms;
  return 'unknown';
}

export interface ClassifyInput {
  gene: string;
  consequence: Consequence;
  alteration: string | null;
  proteinStart?: number;
  proteinEnd?: number;
  exon?: number;
}

/** (STUB — to be completed) Classes from consequence, gene, protein position and exon. */
export function classifyMutation(input: ClassifyInput): AlterationClass[] {
  void input;
  return [];
}
