/**
 * Protein change normalization (STUB — to be completed): one canonical short form from HGVS p. in
 * three- or one-letter codes.
 */
export interface ProteinChange {
  /** Canonical short form: `V600E`, `R248*`, `E746_A750del`, `X123_splice`, `V600=`, `?`. */
  canonical: string;
  type: 'missense' | 'nonsense' | 'frameshift' | 'deletion' | 'insertion' | 'delins' | 'duplication' | 'extension' | 'splice' | 'synonymous' | 'startLost' | 'unknown';
  start?: number;
  end?: number;
  refAa?: string;
  altAa?: string;
}

export function normalizeProteinChange(text: string): ProteinChange | null {
  const t = text.trim().replace(/^p\./, '');
  return t ? { canonical: t, type: 'unknown' } : null;
}
