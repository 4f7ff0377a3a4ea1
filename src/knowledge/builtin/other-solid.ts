import type { Evidence } from '../../domain/index.js';
import { cls, codon, entries, entry, fda, fusion, oncogenic, variant } from './build.js';

/** Brain, thyroid, sarcoma and other solid tumors (level 1 unless stated). */
const PEDIATRIC_LGG = ['ENCG', 'PDIFLG'];
const THYROID = ['THYROID'];

export const OTHER_SOLID: readonly Evidence[] = [
  // ---------------------------------------------------------------- brain
  entry({
    id: 'lgg-braf-v600e-dabrafenib-trametinib',
    pattern: variant('BRAF', 'V600E'),
    tumorTypes: PEDIATRIC_LGG,
    drugs: ['dabrafenib', 'trametinib'],
    level: '1',
    citations: [fda('dabrafenib', '2023-03-16'), fda('mekinist', '2023-03-16')],
    description:
      'Dabrafenib with trametinib is approved for pediatric low-grade glioma with BRAF V600E that needs systemic therapy.',
  }),
  ...entries(
    {
      id: 'lgg-tovorafenib',
      tumorTypes: PEDIATRIC_LGG,
      drugs: ['tovorafenib'],
      level: '1',
      citations: [fda('tovorafenib', '2024-04-23')],
      description:
        'Tovorafenib has accelerated approval for relapsed or refractory pediatric low-grade glioma with a BRAF fusion or rearrangement, or a BRAF V600 mutation.',
    },
    [fusion('BRAF'), codon('BRAF', 600)],
  ),
  ...entries(
    {
      id: 'glioma-vorasidenib',
      tumorTypes: ['ASTR', 'ODG'],
      drugs: ['vorasidenib'],
      level: '1',
      citations: [fda('vorasidenib', '2024-08-06')],
      description:
        'Vorasidenib is approved for grade 2 astrocytoma or oligodendroglioma with a susceptible IDH1 or IDH2 mutation after surgery.',
    },
    [codon('IDH1', 132), codon('IDH2', 172)],
  ),
  // H3 K27M is the legacy name; HGVS numbering (counting the initiator methionine) gives K28M.
  ...entries(
    {
      id: 'dmg-h3-k27m-dordaviprone',
      tumorTypes: ['DMG'],
      drugs: ['dordaviprone'],
      level: '1',
      citations: [fda('dordaviprone', '2025-08-06')],
      description:
        'Dordaviprone has accelerated approval for progressive diffuse midline glioma with an H3 K27M mutation (HGVS K28M).',
    },
    [variant('H3-3A', 'K28M'), variant('H3C2', 'K28M')],
  ),
  // ---------------------------------------------------------------- thyroid
  entry({
    id: 'thap-braf-v600e-dabrafenib-trametinib',
    pattern: variant('BRAF', 'V600E'),
    tumorTypes: ['THAP'],
    drugs: ['dabrafenib', 'trametinib'],
    level: '1',
    citations: [fda('dabrafenib', '2018-05-04'), fda('mekinist', '2018-05-04')],
    description:
      'Dabrafenib with trametinib is approved for locally advanced or metastatic anaplastic thyroid cancer with BRAF V600E and no satisfactory locoregional option.',
  }),
  entry({
    id: 'thme-ret-mut-selpercatinib',
    pattern: oncogenic('RET'),
    tumorTypes: ['THME'],
    drugs: ['selpercatinib'],
    level: '1',
    citations: [fda('selpercatinib', '2020-05-08'), fda('selpercatinib', '2024-09-27')],
    description:
      'Selpercatinib is approved for advanced RET-mutant medullary thyroid cancer (full approval 2024).',
  }),
  entry({
    id: 'thyroid-ret-fusion-selpercatinib',
    pattern: fusion('RET'),
    tumorTypes: THYROID,
    drugs: ['selpercatinib'],
    level: '1',
    citations: [fda('selpercatinib', '2020-05-08'), fda('selpercatinib', '2024-06-12')],
    description:
      'Selpercatinib is approved (accelerated 2020, full 2024) for advanced RET fusion-positive thyroid cancer that needs systemic therapy and is radioactive-iodine refractory when that applies.',
  }),
  entry({
    id: 'thyroid-ret-fusion-pralsetinib',
    pattern: fusion('RET'),
    tumorTypes: THYROID,
    drugs: ['pralsetinib'],
    level: '1',
    citations: [fda('pralsetinib', '2020-12-01')],
    description:
      'Pralsetinib has accelerated approval for advanced RET fusion-positive thyroid cancer that is radioactive-iodine refractory when that applies.',
  }),
  // ---------------------------------------------------------------- sarcoma and GIST
  entry({
    id: 'imt-alk-crizotinib',
    pattern: fusion('ALK'),
    tumorTypes: ['IMT', 'IMTL'],
    drugs: ['crizotinib'],
    level: '1',
    citations: [fda('crizotinib', '2022-07-14')],
    description:
      'Crizotinib is approved for unresectable, recurrent or refractory ALK-positive inflammatory myofibroblastic tumor.',
  }),
  entry({
    id: 'gist-kit-imatinib',
    pattern: oncogenic('KIT'),
    tumorTypes: ['GIST'],
    drugs: ['imatinib'],
    level: '1',
    citations: [fda('imatinib', '2002-02-01'), fda('imatinib', '2008-12-19')],
    description:
      'Imatinib is approved for KIT (CD117)-positive unresectable or metastatic GIST (2002) and as adjuvant therapy after resection (2008).',
  }),
  entry({
    id: 'gist-kit-sunitinib',
    pattern: oncogenic('KIT'),
    tumorTypes: ['GIST'],
    drugs: ['sunitinib'],
    level: '1',
    citations: [fda('sunitinib', '2006-01-26')],
    description:
      'Sunitinib is approved for GIST after progression on or intolerance of imatinib; the label is not restricted by genotype.',
  }),
  entry({
    id: 'gist-kit-regorafenib',
    pattern: oncogenic('KIT'),
    tumorTypes: ['GIST'],
    drugs: ['regorafenib'],
    level: '1',
    citations: [fda('regorafenib', '2013-02-25')],
    description:
      'Regorafenib is approved for advanced GIST previously treated with imatinib and sunitinib; the label is not restricted by genotype.',
  }),
  entry({
    id: 'gist-kit-ripretinib',
    pattern: oncogenic('KIT'),
    tumorTypes: ['GIST'],
    drugs: ['ripretinib'],
    level: '1',
    citations: [fda('ripretinib', '2020-05-15')],
    description:
      'Ripretinib is approved for advanced GIST after three or more kinase inhibitors including imatinib; the label is not restricted by genotype.',
  }),
  ...entries(
    {
      id: 'gist-avapritinib',
      tumorTypes: ['GIST'],
      drugs: ['avapritinib'],
      level: '1',
      citations: [fda('avapritinib', '2020-01-09')],
      description:
        'Avapritinib is approved for unresectable or metastatic GIST with a PDGFRA exon 18 mutation, including D842V.',
    },
    [cls('PDGFRA', 'exon18_mutation'), variant('PDGFRA', 'D842V')],
  ),
];
