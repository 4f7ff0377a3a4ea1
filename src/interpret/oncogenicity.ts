import { builtinOncogenicity } from '../knowledge/builtin/index.js';
import type { OncogenicityFn } from './engine.js';

/** The oncogenicity rules used by default: the built-in gene rules (src/knowledge/builtin/genes.ts). */
export function defaultOncogenicity(): OncogenicityFn {
  return builtinOncogenicity;
}
