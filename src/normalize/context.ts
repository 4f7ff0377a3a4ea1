import { builtinGeneResolver, type GeneResolver } from './genes.js';
import { builtinOncoTree, type OncoTree } from './oncotree.js';

/** What readers need to normalize as they read. Built-in by default; the store's imported sets when present. */
export interface NormalizeContext {
  genes: GeneResolver;
  oncotree: OncoTree;
}

export function builtinContext(): NormalizeContext {
  return { genes: builtinGeneResolver(), oncotree: builtinOncoTree() };
}
