import type { TumorType, TumorTypeRef } from '../domain/index.js';

/**
 * OncoTree hierarchy (STUB — to be completed): lookup by code, resolution of names and synonyms,
 * ancestry for evidence propagation. Pseudo-nodes ALL_TUMORS > ALL_SOLID_TUMORS / ALL_LIQUID_TUMORS sit above
 * the tissues.
 */
export interface TumorTypeResolution {
  ref: TumorTypeRef | null;
  /** Close codes/names when nothing matched, best first. */
  suggestions: string[];
}

export class OncoTree {
  constructor(private readonly nodes: Map<string, TumorType> = new Map()) {}
  get(code: string): TumorType | undefined {
    return this.nodes.get(code.toUpperCase());
  }
  resolve(text: string): TumorTypeResolution {
    const n = this.get(text.trim());
    return n ? { ref: { code: n.code, name: n.name }, suggestions: [] } : { ref: null, suggestions: [] };
  }
  /** The code itself first, then its parents up to ALL_TUMORS. */
  ancestors(code: string): string[] {
    return [code];
  }
}

export function builtinOncoTree(): OncoTree {
  return new OncoTree();
}
