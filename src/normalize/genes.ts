/**
 * Gene symbol normalization (STUB — to be completed): current HGNC symbol from aliases and previous symbols.
 */
export interface GeneResolution {
  /** Current HGNC symbol (or the input upper-cased when unknown). */
  symbol: string;
  input: string;
  changed: boolean;
  /** Isoform kept from panel pseudo-genes (CDKN2Ap14ARF → p14ARF). */
  isoform?: string;
  /** False when the symbol is not a known HGNC symbol, alias or previous symbol. */
  known: boolean;
  /** Set when the name had several candidates; explains the rule that picked `symbol`. */
  ambiguity?: { candidates: string[]; rule: string };
}

export class GeneResolver {
  resolve(input: string): GeneResolution {
    const symbol = input.trim();
    return { symbol, input, changed: false, known: true };
  }
}

let builtin: GeneResolver | undefined;
/** The offline resolver: built-in legacy panel names (and the full HGNC set once imported into the store). */
export function builtinGeneResolver(): GeneResolver {
  builtin ??= new GeneResolver();
  return builtin;
}
