import { existsSync } from 'node:fs';
import type { Evidence, Issue, KnowledgeRelease } from '../domain/index.js';
import { BUILTIN_RELEASE, BUILTIN_SOURCE, builtinEvidence } from '../knowledge/builtin/index.js';
import { openKnowledgeStore } from '../knowledge/store.js';
import { EvidenceIndex } from './engine.js';

/**
 * Which knowledge an annotation run uses: the built-in set plus every source imported into the store
 * (default), or the sources named with `--kb`. Research-use-only sources are used but announced.
 */

export interface LoadedKnowledge {
  index: EvidenceIndex;
  releases: KnowledgeRelease[];
  /** Lines for stderr (research-use-only notices). */
  notices: string[];
  /** Unknown or not-imported sources named in `--kb`. */
  issues: Issue[];
}

/** Parses `--kb builtin,civic` into source ids (lower case, de-duplicated, order kept). */
export function parseKbList(text: string | undefined): string[] | undefined {
  if (text === undefined) return undefined;
  return [
    ...new Set(
      text
        .split(',')
        .map((s) => s.trim().toLowerCase())
        .filter((s) => s !== ''),
    ),
  ];
}

export function loadKnowledge(options: { dbPath?: string; sources?: readonly string[] }): LoadedKnowledge {
  const wanted = options.sources;
  const issues: Issue[] = [];
  const evidence: Evidence[] = [];
  const releases: KnowledgeRelease[] = [];
  if (!wanted || wanted.includes(BUILTIN_SOURCE)) {
    evidence.push(...builtinEvidence());
    releases.push(BUILTIN_RELEASE);
  }
  const fromStore = (wanted ?? []).filter((s) => s !== BUILTIN_SOURCE);
  const dbExists =
    options.dbPath !== undefined && (options.dbPath === ':memory:' || existsSync(options.dbPath));
  if (dbExists && (!wanted || fromStore.length > 0)) {
    const store = openKnowledgeStore(options.dbPath!, { readonly: options.dbPath !== ':memory:' });
    try {
      const imported = store.releases().filter((r) => r.source !== BUILTIN_SOURCE);
      const use = wanted ? imported.filter((r) => fromStore.includes(r.source)) : imported;
      if (use.length > 0) {
        releases.push(...use);
        evidence.push(...store.allEvidence(use.map((r) => r.source)));
      }
    } finally {
      store.close();
    }
  }
  for (const s of fromStore) {
    if (!releases.some((r) => r.source === s)) {
      issues.push({
        severity: 'error',
        code: 'kb.not-imported',
        message: `knowledge source "${s}" is not imported in ${options.dbPath ?? 'the store'} (run \`onconav kb import ${s} …\` first)`,
      });
    }
  }
  const notices = releases
    .filter((r) => r.researchUseOnly)
    .map(
      (r) =>
        `notice: ${r.source} ${r.version} is licensed for research use only; its evidence is marked in the output and is not for clinical decisions.`,
    );
  return { index: new EvidenceIndex(evidence, releases), releases, notices, issues };
}
