import { describe, expect, it } from 'vitest';
import {
  levelRank,
  type Alteration,
  type Biomarker,
  type Fusion,
  type Level,
  type Mutation,
} from '../../domain/index.js';
import { buildEvidenceIndex, createAnnotator } from '../../interpret/engine.js';
import { BUILTIN_RELEASE, builtinEvidence, builtinOncogenicity } from './index.js';

/** The built-in tables through the actionability engine: patterns, tumor types and levels work together. */
const PATH: Record<string, string[]> = {
  MEL: ['MEL', 'SKIN'],
  COADREAD: ['COADREAD', 'BOWEL'],
  LUAD: ['LUAD', 'NSCLC', 'LUNG'],
  PAAD: ['PAAD', 'PANCREAS'],
};
const annotator = createAnnotator({
  evidence: buildEvidenceIndex(builtinEvidence(), { releases: [BUILTIN_RELEASE] }),
  oncotree: { ancestors: (code) => [...(PATH[code] ?? [code]), 'ALL_SOLID_TUMORS', 'ALL_TUMORS'] },
  oncogenicity: builtinOncogenicity,
});

const mut = (gene: string, alteration: string, extra: Partial<Mutation> = {}): Mutation => ({
  kind: 'mutation',
  gene,
  alteration,
  consequence: 'missense',
  classes: ['missense'],
  somaticStatus: 'somatic',
  originalText: `${gene} ${alteration}`,
  ...extra,
});
const fusion = (gene5: string, gene3: string): Fusion => ({
  kind: 'fusion',
  gene: gene3,
  gene5,
  gene3,
  alteration: `${gene5}::${gene3}`,
  originalText: `${gene5}::${gene3}`,
});
const bio = (name: Biomarker['name'], status: string, extra: Partial<Biomarker> = {}): Biomarker => ({
  kind: 'biomarker',
  name,
  status,
  alteration: status,
  provenance: 'reported',
  originalText: status,
  ...extra,
});

function levels(alt: Alteration, tumor: string): Record<string, Level> {
  const a = annotator.alteration(alt, { code: tumor, name: tumor });
  // Several entries can name the same regimen (other tumor types): keep the strongest level.
  const best: Record<string, Level> = {};
  for (const t of a.treatments) {
    const key = t.drugs.join('+');
    const cur = best[key];
    if (cur === undefined || levelRank(t.level) < levelRank(cur)) best[key] = t.level;
  }
  return best;
}

describe('built-in knowledge through the actionability engine', () => {
  it('BRAF V600E: level 1 in melanoma; in colorectal cancer only the colorectal regimens are level 1', () => {
    expect(levels(mut('BRAF', 'V600E'), 'MEL')).toMatchObject({
      'dabrafenib+trametinib': '1',
      vemurafenib: '1',
      'encorafenib+binimetinib': '1',
    });
    const crc = levels(mut('BRAF', 'V600E'), 'COADREAD');
    expect(crc).toMatchObject({ 'encorafenib+cetuximab': '1', 'dabrafenib+trametinib': '3B' });
  });

  it('KRAS G12D in colorectal cancer: R1 for cetuximab and panitumumab', () => {
    expect(levels(mut('KRAS', 'G12D'), 'COADREAD')).toMatchObject({ cetuximab: 'R1', panitumumab: 'R1' });
  });

  it('EML4::ALK in lung adenocarcinoma inherits the NSCLC approvals', () => {
    expect(levels(fusion('EML4', 'ALK'), 'LUAD')).toMatchObject({
      alectinib: '1',
      lorlatinib: '1',
      crizotinib: '1',
    });
  });

  it('EGFR exon 19 deletion by class, T790M with resistance to earlier inhibitors', () => {
    const ex19 = mut('EGFR', 'E746_A750del', {
      consequence: 'inframe_deletion',
      classes: ['exon19_inframe_deletion', 'inframe_deletion'],
    });
    expect(levels(ex19, 'LUAD')).toMatchObject({
      osimertinib: '1',
      erlotinib: '1',
      'amivantamab+lazertinib': '1',
    });
    expect(levels(mut('EGFR', 'T790M'), 'LUAD')).toMatchObject({
      osimertinib: '1',
      erlotinib: 'R1',
      gefitinib: 'R1',
    });
  });

  it('tumor-agnostic biomarkers: MSI-H and a reported TMB-H status', () => {
    expect(levels(bio('MSI', 'MSI-H'), 'PAAD')).toMatchObject({ pembrolizumab: '1' });
    expect(levels(bio('TMB', 'TMB-H'), 'PAAD')).toMatchObject({ pembrolizumab: '1' });
    expect(levels(bio('TMB', 'TMB-L', { value: 4 }), 'PAAD')).toEqual({});
  });
});
