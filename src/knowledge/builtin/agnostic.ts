import type { Evidence } from '../../domain/index.js';
import { ALL_SOLID_TUMORS } from '../../domain/index.js';
import { DMMR, entries, entry, fda, fusion, HER2_IHC3, MSI_H, tmbAtLeast, variant } from './build.js';

/** Tumor-agnostic approvals: any solid tumor with the biomarker (minus the stated exclusions). */
const SOLID = [ALL_SOLID_TUMORS];
const NTRK = [fusion('NTRK1'), fusion('NTRK2'), fusion('NTRK3')];

export const AGNOSTIC: readonly Evidence[] = [
  ...entries(
    {
      id: 'solid-pembrolizumab',
      tumorTypes: SOLID,
      drugs: ['pembrolizumab'],
      level: '1',
      citations: [fda('pembrolizumab', '2017-05-23')],
      description:
        'Pembrolizumab is approved for unresectable or metastatic MSI-H or dMMR solid tumors that progressed after prior treatment with no satisfactory alternative.',
    },
    [MSI_H, DMMR],
  ),
  entry({
    id: 'solid-tmb-h-pembrolizumab',
    pattern: tmbAtLeast(10),
    tumorTypes: SOLID,
    drugs: ['pembrolizumab'],
    level: '1',
    citations: [fda('pembrolizumab', '2020-06-16')],
    description:
      'Pembrolizumab has accelerated approval for unresectable or metastatic solid tumors with at least 10 mutations per megabase that progressed after prior treatment.',
  }),
  entry({
    id: 'solid-dmmr-dostarlimab',
    pattern: DMMR,
    tumorTypes: SOLID,
    drugs: ['dostarlimab'],
    level: '1',
    citations: [fda('dostarlimab', '2021-08-17')],
    description:
      'Dostarlimab has accelerated approval for recurrent or advanced dMMR solid tumors that progressed after prior treatment with no satisfactory alternative.',
  }),
  ...entries(
    {
      id: 'solid-larotrectinib',
      tumorTypes: SOLID,
      drugs: ['larotrectinib'],
      level: '1',
      citations: [fda('larotrectinib', '2018-11-26')],
      description:
        'Larotrectinib is approved for solid tumors with an NTRK gene fusion without a known acquired resistance mutation, metastatic or not resectable, with no satisfactory alternative.',
    },
    NTRK,
  ),
  ...entries(
    {
      id: 'solid-entrectinib',
      tumorTypes: SOLID,
      drugs: ['entrectinib'],
      level: '1',
      citations: [fda('entrectinib', '2019-08-15'), fda('entrectinib', '2023-10-20')],
      description:
        'Entrectinib is approved for solid tumors with an NTRK gene fusion without a known acquired resistance mutation, metastatic or not resectable, with no satisfactory alternative (extended to younger children in 2023).',
    },
    NTRK,
  ),
  ...entries(
    {
      id: 'solid-repotrectinib',
      tumorTypes: SOLID,
      drugs: ['repotrectinib'],
      level: '1',
      citations: [fda('repotrectinib', '2024-06-13')],
      description:
        'Repotrectinib has accelerated approval for locally advanced or metastatic solid tumors with an NTRK gene fusion that progressed after treatment or have no satisfactory alternative.',
    },
    NTRK,
  ),
  entry({
    id: 'solid-braf-v600e-dabrafenib-trametinib',
    pattern: variant('BRAF', 'V600E'),
    tumorTypes: SOLID,
    excludedTumorTypes: ['COADREAD'],
    drugs: ['dabrafenib', 'trametinib'],
    level: '1',
    citations: [fda('dabrafenib', '2022-06-22'), fda('mekinist', '2022-06-22')],
    description:
      'Dabrafenib with trametinib has accelerated approval for unresectable or metastatic BRAF V600E solid tumors after prior treatment with no satisfactory alternative; colorectal cancer is excluded because of intrinsic resistance.',
  }),
  entry({
    id: 'solid-ret-fusion-selpercatinib',
    pattern: fusion('RET'),
    tumorTypes: SOLID,
    drugs: ['selpercatinib'],
    level: '1',
    citations: [fda('selpercatinib', '2022-09-21'), fda('selpercatinib', '2024-05-29')],
    description:
      'Selpercatinib has accelerated approval for locally advanced or metastatic RET fusion-positive solid tumors that progressed on or after systemic treatment or have no satisfactory alternative (extended to children in 2024).',
  }),
  entry({
    id: 'solid-her2-ihc3-trastuzumab-deruxtecan',
    pattern: HER2_IHC3,
    tumorTypes: SOLID,
    drugs: ['trastuzumab deruxtecan'],
    level: '1',
    citations: [fda('tdxd', '2024-04-05')],
    description:
      'Trastuzumab deruxtecan has accelerated approval for unresectable or metastatic HER2-positive (IHC 3+) solid tumors after prior systemic treatment with no satisfactory alternative.',
  }),
];
