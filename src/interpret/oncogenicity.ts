import type { OncogenicityFn } from './engine.js';

/**
 * The oncogenicity rules used by default. Until the built-in gene rules (src/knowledge/builtin/genes.ts) are
 * wired here, every alteration is "Unknown", which only means `oncogenic` patterns match nothing.
 */
export function defaultOncogenicity(): OncogenicityFn {
  return () => ({ oncogenic: 'Unknown', mutationEffect: 'Unknown', reason: 'no oncogenicity rules loaded' });
}
