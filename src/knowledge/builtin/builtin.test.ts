import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { describeWithSharedData, sharedPath } from '../../../test/shared-data.js';
import {
  EvidenceSchema,
  KnowledgeReleaseSchema,
  PSEUDO_TUMOR_TYPES,
  isSensitiveLevel,
} from '../../domain/index.js';
import { builtinOncoTree } from '../../normalize/oncotree.js';
import { BUILTIN_AREAS, BUILTIN_RELEASE, BUILTIN_VERSION, builtinEvidence } from './index.js';
import { drugsAtFdaUrl, LABELS } from './build.js';
import { GENE_ROLES } from './genes.js';

const all = builtinEvidence();
const codesUsed = [...new Set(all.flatMap((e) => [...e.tumorTypes, ...e.excludedTumorTypes]))].sort();
const isPseudo = (c: string): boolean => (PSEUDO_TUMOR_TYPES as readonly string[]).includes(c);

describe('built-in evidence tables', () => {
  it('has a release that matches its contents', () => {
    expect(KnowledgeReleaseSchema.parse(BUILTIN_RELEASE)).toMatchObject({
      source: 'builtin',
      version: BUILTIN_VERSION,
    });
    expect(BUILTIN_RELEASE.evidenceCount).toBe(all.length);
    expect(all.length).toBeGreaterThanOrEqual(150);
    expect(Object.values(BUILTIN_AREAS).every((list) => list.length > 0)).toBe(true);
  });

  it('validates every entry with the domain schema', () => {
    for (const e of all) expect(EvidenceSchema.safeParse(e).success, e.id).toBe(true);
  });

  it('gives every entry a unique stable id with the builtin prefix and release', () => {
    const ids = all.map((e) => e.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const e of all) {
      expect(e.id).toMatch(/^builtin:[a-z0-9*-]+$/);
      expect(e.source).toBe('builtin');
      expect(e.release).toBe(BUILTIN_VERSION);
    }
  });

  it('cites every entry with at least one dated source; FDA citations carry a full date and the application', () => {
    for (const e of all) {
      expect(
        e.citations.some((c) => c.date !== undefined && /^\d{4}-\d{2}(-\d{2})?$/.test(c.date)),
        e.id,
      ).toBe(true);
      for (const c of e.citations) {
        if (c.kind !== 'fda_label') continue;
        expect(c.date, e.id).toMatch(/^(19|20)\d{2}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/);
        expect(c.label).toMatch(/^FDA label: [A-Z][^()]* \([a-z][^()]*\)$/);
        if (c.id !== undefined) {
          expect(c.id).toMatch(/^(NDA|BLA) \d{6}$/);
          expect(c.url).toBe(drugsAtFdaUrl(c.id));
        }
      }
    }
    // No approval date after the release date.
    const dates = all.flatMap((e) => e.citations.flatMap((c) => (c.date ? [c.date] : [])));
    expect(dates.every((d) => d <= BUILTIN_RELEASE.date)).toBe(true);
  });

  it('keeps effect and level consistent, drugs lower-case and unique within an entry', () => {
    for (const e of all) {
      expect(e.effect, e.id).toBe(isSensitiveLevel(e.level) ? 'sensitivity' : 'resistance');
      expect(
        e.drugs.every((d) => d === d.toLowerCase() && d.trim() === d && d !== ''),
        e.id,
      ).toBe(true);
      expect(new Set(e.drugs).size, e.id).toBe(e.drugs.length);
      expect(e.description?.length ?? 0, e.id).toBeGreaterThan(20);
    }
  });

  it('writes level 1 only with an FDA label citation, and level 2 with a guideline', () => {
    for (const e of all) {
      if (e.level === '1')
        expect(
          e.citations.some((c) => c.kind === 'fda_label'),
          e.id,
        ).toBe(true);
      if (e.level === '2')
        expect(
          e.citations.some((c) => c.kind === 'guideline'),
          e.id,
        ).toBe(true);
    }
  });

  it('never has two entries for the same pattern, tumor types and regimen', () => {
    const keys = all.map((e) =>
      JSON.stringify([e.pattern, [...e.tumorTypes].sort(), [...e.drugs].sort(), e.effect]),
    );
    const dup = keys.filter((k, i) => keys.indexOf(k) !== i);
    expect(dup).toEqual([]);
  });

  it('excludes colorectal cancer from the tumor-agnostic BRAF V600E approval', () => {
    const e = all.find((x) => x.id === 'builtin:solid-braf-v600e-dabrafenib-trametinib');
    expect(e).toMatchObject({
      tumorTypes: ['ALL_SOLID_TUMORS'],
      excludedTumorTypes: ['COADREAD'],
      drugs: ['dabrafenib', 'trametinib'],
      level: '1',
    });
  });

  it('uses only label keys with brand and generic names', () => {
    for (const info of Object.values(LABELS)) {
      expect(info.brand).toMatch(/^[A-Z]/);
      expect(info.generic).toBe(info.generic.toLowerCase());
    }
  });

  it('returns copies, so callers cannot change the shared tables', () => {
    const a = builtinEvidence();
    a[0]?.drugs.push('changed');
    expect(builtinEvidence()[0]?.drugs).not.toContain('changed');
  });

  // Evidence for a code the offline OncoTree lacks could never match a case resolved without the full tree.
  const oncotree = builtinOncoTree();
  it('uses only tumor types known to the built-in OncoTree subset', () => {
    const unknown = codesUsed.filter((c) => !isPseudo(c) && oncotree.get(c) === undefined);
    expect(unknown).toEqual([]);
  });
});

describeWithSharedData('built-in evidence against the OncoTree 2025-10-03 release', () => {
  it('uses only tumor type codes that exist in OncoTree (or the pseudo-codes)', () => {
    const tsv = readFileSync(sharedPath('knowledge', 'oncotree', 'oncotree_2025_10_03.flat.tsv'), 'utf8');
    const codes = new Set(
      tsv
        .split('\n')
        .slice(1)
        .map((l) => l.split('\t')[0]),
    );
    const unknown = codesUsed.filter((c) => !isPseudo(c) && !codes.has(c));
    expect(unknown).toEqual([]);
  });
});

describeWithSharedData('built-in genes against the HGNC symbol table', () => {
  it('uses approved HGNC symbols (the shared table is from 2018; later renames are listed with their old symbol)', () => {
    const RENAMED_AFTER_2018: Record<string, string> = { 'H3-3A': 'H3F3A', H3C2: 'HIST1H3B' };
    const rows = readFileSync(sharedPath('knowledge', 'hgnc', 'hgnc_symbol_alias_prev.tsv'), 'utf8')
      .split('\n')
      .slice(1);
    const approved = new Set(
      rows
        .map((r) => r.split('\t'))
        .filter((c) => c[2] === 'Approved')
        .map((c) => c[1]),
    );
    const genes = new Set<string>(Object.keys(GENE_ROLES));
    for (const e of all) {
      const p = e.pattern;
      if (p.type !== 'biomarker') genes.add(p.gene);
      if (p.type === 'fusion' && p.partner !== undefined) genes.add(p.partner);
    }
    const unknown = [...genes].filter((g) => !approved.has(g) && !approved.has(RENAMED_AFTER_2018[g] ?? ''));
    expect(unknown).toEqual([]);
  });
});
