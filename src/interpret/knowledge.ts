import { existsSync } from 'node:fs';
import type { Evidence, Issue, KnowledgeRelease } from '../domain/index.js';
import { BUILTIN_DATE, BUILTIN_SOURCE, BUILTIN_VERSION } from '../knowledge/builtin/build.js';
import { BREAST_GYN } from '../knowledge/builtin/breast-gyn.js';
import { GI } from '../knowledge/builtin/gi.js';
import { GU } from '../knowledge/builtin/gu.js';
import { LUNG } from '../knowledge/builtin/lung.js';
import { OTHER_SOLID } from '../knowledge/builtin/other-solid.js';
import { SKIN } from '../knowledge/builtin/skin.js';
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

function builtinKnowledge(): { evidence: readonly Evidence[]; release: KnowledgeRelease } {
  const evidence = [...LUNG, ...GI, ...GU, ...SKIN, ...BREAST_GYN, ...OTHER_SOLID];
  return {
    evidence,
    release: {
      source: BUILTIN_SOURCE,
      version: BUILTIN_VERSION,
      date: BUILTIN_DATE,
      researchUseOnly: false,
      evidenceCount: evidence.length,
    },
  };
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
    const b = builtinKnowledge();
    evidence.push(...b.evidence);
    releases.push(b.release);
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
