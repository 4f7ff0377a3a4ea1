import { existsSync } from 'node:fs';
import { openDb, type Db } from '../store/db.js';
import { builtinGeneResolver, type GeneResolver } from './genes.js';
import { builtinOncoTree, type OncoTree } from './oncotree.js';
import { resolverFromStore, storeOncoTree } from './ref-store.js';

export { resolverFromStore, storeOncoTree };

/** What readers need to normalize as they read. Built-in by default; the store's imported sets when present. */
export interface NormalizeContext {
  genes: GeneResolver;
  oncotree: OncoTree;
  /** Where each set came from, for provenance (`builtin`, `HGNC 2018-11-07`, `oncotree_2025_10_03`…). */
  sources?: { genes: string; oncotree: string };
}

export function builtinContext(): NormalizeContext {
  const genes = builtinGeneResolver();
  const oncotree = builtinOncoTree();
  return { genes, oncotree, sources: { genes: genes.source, oncotree: oncotree.release } };
}

/** The imported HGNC set and OncoTree from an open store, each falling back to the built-in one. */
export function contextFromDb(db: Db): NormalizeContext {
  const genes = resolverFromStore(db);
  const oncotree = storeOncoTree(db) ?? builtinOncoTree();
  return { genes, oncotree, sources: { genes: genes.source, oncotree: oncotree.release } };
}

/**
 * The context for a store path: built-in when the file does not exist (a fresh offline machine) or holds
 * no imported reference sets. The store stays open for the gene lookups for the life of the process.
 */
export function loadContext(dbPath: string): NormalizeContext {
  if (dbPath !== ':memory:' && !existsSync(dbPath)) return builtinContext();
  let db: Db | undefined;
  try {
    db = openDb(dbPath);
    const ctx = contextFromDb(db);
    // Gene lookups query the store lazily; without an imported HGNC set nothing needs it open.
    if (ctx.genes.source === 'builtin') db.close();
    return ctx;
  } catch {
    db?.close();
    return builtinContext();
  }
}
