import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Mutation, Sample } from '../domain/index.js';
import { describeWithSharedData, sharedPath } from '../../test/shared-data.js';
import {
  computeTmb,
  countsTowardTmb,
  panelFromSampleId,
  PANEL_CODING_MB,
  resolvePanel,
  sampleTmb,
  TMB_VARIANT_CLASSIFICATIONS,
} from './tmb.js';
import { bio, mut } from './fixtures/builders.js';

function sample(id: string, alterations: Mutation[], extra: Partial<Sample> = {}): Sample {
  return { id, sampleType: 'unknown', alterations, biomarkers: [], ...extra };
}
const vc = (c: string, extra: Partial<Mutation> = {}): Mutation =>
  mut('TP53', 'R175H', { variantClassification: c, ...extra });

describe('TMB', () => {
  it('counts the nine cBioPortal classifications, somatic only', () => {
    expect(countsTowardTmb(vc('Missense_Mutation'))).toBe(true);
    expect(countsTowardTmb(vc('Splice_Region'))).toBe(true);
    for (const c of ['Silent', 'Intron', "5'Flank", "3'UTR", 'Translation_Start_Site', 'Targeted_Region'])
      expect(countsTowardTmb(vc(c)), c).toBe(false);
    expect(countsTowardTmb(vc('Missense_Mutation', { somaticStatus: 'germline' }))).toBe(false);
    expect(countsTowardTmb(vc('Missense_Mutation', { somaticStatus: 'germline' }), true)).toBe(true);
    // No MAF classification (VCF input): the consequence decides.
    expect(countsTowardTmb(mut('TP53', 'R175H'))).toBe(true);
    expect(countsTowardTmb(mut('TP53', 'R175=', { consequence: 'silent' }))).toBe(false);
  });

  it('divides by the panel coding size and finds the panel from the sample, the flag or the MSK id', () => {
    const muts = Array.from({ length: 10 }, () => vc('Missense_Mutation'));
    const r = computeTmb(sample('X', muts, { panel: 'IMPACT468' }));
    expect(r.tmb?.value).toBeCloseTo(10 / 1.139541, 6);
    expect(computeTmb(sample('P-1-T01-IM3', muts)).tmb?.panel).toBe('IMPACT341');
    expect(computeTmb(sample('X', muts), { panel: 'IMPACT410' }).tmb?.megabases).toBe(1.013277);
    expect(computeTmb(sample('X', muts), { panelMb: 2 }).tmb?.value).toBe(5);
    expect(computeTmb(sample('X', muts)).tmb).toBeNull();
    expect(computeTmb(sample('X', muts, { panel: 'IMPACT505' })).reason).toMatch(/unknown/);
    expect(computeTmb(sample('X', muts), { panelMb: 0.1 }).reason).toMatch(/under/);
    expect(panelFromSampleId('P-0000739-T02-IM5')).toBe('IMPACT410');
    expect(resolvePanel({ id: 'P-1-T01-IM6', panel: 'NA' }).panel).toBe('IMPACT468');
    expect(PANEL_CODING_MB.IMPACT341).toBe(0.893121);
  });

  it('adds a computed TMB biomarker, TMB-H at ≥ 10; a reported TMB wins', () => {
    const muts = Array.from({ length: 12 }, () => vc('Nonsense_Mutation'));
    const out = sampleTmb(sample('S', muts), { panelMb: 1 });
    expect(out.tmb).toEqual({
      value: 12,
      provenance: 'computed',
      panel: 'custom',
      mutations: 12,
      megabases: 1,
    });
    const b = out.sample.biomarkers.at(-1)!;
    expect(b).toMatchObject({
      name: 'TMB',
      status: 'TMB-H',
      provenance: 'computed',
      method: 'computed',
      value: 12,
      alteration: 'TMB 12.0 mut/Mb',
    });
    const reported = sampleTmb(sample('S', muts, { biomarkers: [bio('TMB', { value: 3.5 })] }), {
      panelMb: 1,
    });
    expect(reported.tmb).toEqual({ value: 3.5, provenance: 'reported' });
    expect(reported.sample.biomarkers).toHaveLength(1);
    expect(sampleTmb(sample('S', muts)).notes[0]).toMatch(/TMB not computed/);
  });

  it('property: TMB = count of eligible somatic rows / Mb, never negative', () => {
    const classes = [...TMB_VARIANT_CLASSIFICATIONS, 'Silent', 'Intron', "3'UTR"];
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.constantFrom(...classes), fc.boolean()), { maxLength: 60 }),
        fc.double({ min: 0.2, max: 40, noNaN: true }),
        (rows, mb) => {
          const muts = rows.map(([c, g]) => vc(c, { somaticStatus: g ? 'germline' : 'somatic' }));
          const expected = rows.filter(([c, g]) => TMB_VARIANT_CLASSIFICATIONS.has(c) && !g).length;
          const r = computeTmb(sample('S', muts), { panelMb: mb }).tmb!;
          return r.mutations === expected && Math.abs(r.value - expected / mb) < 1e-9 && r.value >= 0;
        },
      ),
    );
  });
});

/** Reads a cBioPortal table (skipping `#` lines) into header-keyed rows. */
function readTable(path: string): Array<Record<string, string>> {
  const lines = readFileSync(path, 'utf8')
    .split('\n')
    .filter((l) => l !== '' && !l.startsWith('#'));
  const head = lines[0]!.split('\t');
  return lines.slice(1).map((l) => {
    const cells = l.split('\t');
    return Object.fromEntries(head.map((h, i) => [h, cells[i] ?? '']));
  });
}

describeWithSharedData('TMB on crc_msk_2017 vs msk_impact_2017 TMB_NONSYNONYMOUS', () => {
  it('agrees with the published values for most shared samples', () => {
    const maf = readTable(sharedPath('examples/crc_msk_2017/data_mutations_extended.txt'));
    const crc = readTable(sharedPath('examples/crc_msk_2017/data_clinical_sample.txt'));
    const published = new Map(
      readTable(sharedPath('examples/msk_impact_2017/data_clinical_sample.txt')).map((r) => [
        r.SAMPLE_ID!,
        Number(r.TMB_NONSYNONYMOUS),
      ]),
    );
    const bySample = new Map<string, Mutation[]>();
    for (const r of maf) {
      const id = r.Tumor_Sample_Barcode!;
      const list = bySample.get(id) ?? [];
      list.push(
        vc(r.Variant_Classification!, {
          somaticStatus: r.Mutation_Status === 'GERMLINE' ? 'germline' : 'somatic',
        }),
      );
      bySample.set(id, list);
    }
    // msk_impact_2017's values imply coding sizes of 0.901587 Mb (IMPACT341) and 1.021743 Mb (IMPACT410), an
    // earlier cBioPortal computation than the datahub sizes we use (0.893121 / 1.013277), hence ~1% apart.
    const implied: Record<string, number> = { IMPACT341: 0.901587, IMPACT410: 1.021743 };
    let shared = 0;
    let sameCount = 0;
    let within2pct = 0;
    for (const s of crc) {
      const pub = published.get(s.SAMPLE_ID!);
      if (pub === undefined || Number.isNaN(pub)) continue;
      shared++;
      const got = computeTmb(
        sample(s.SAMPLE_ID!, bySample.get(s.SAMPLE_ID!) ?? [], { panel: s.GENE_PANEL! }),
      ).tmb!;
      if (got.mutations === Math.round(pub * implied[s.GENE_PANEL!]!)) sameCount++;
      if (Math.abs(got.value - pub) <= 0.02 * Math.max(pub, 1)) within2pct++;
    }
    console.info(
      `TMB crc_msk_2017 vs msk_impact_2017: ${shared} shared samples, ${sameCount} same mutation count, ${within2pct} values within 2%`,
    );
    expect(shared).toBeGreaterThan(900);
    expect(sameCount / shared).toBeGreaterThan(0.97);
    expect(within2pct / shared).toBeGreaterThan(0.97);
  });
});
