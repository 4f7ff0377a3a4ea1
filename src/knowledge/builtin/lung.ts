import type { Evidence } from '../../domain/index.js';
import { cls, codon, entries, entry, fda, fusion, oncogenic, pdl1, variant } from './build.js';

/**
 * Non-small cell lung cancer: FDA-approved biomarker-directed indications (level 1). Dates are the approval
 * of each indication (accelerated approval first, conversion to full approval after it when both exist).
 * Where a label allows "cisplatin or carboplatin" we write `platinum chemotherapy`.
 */
const NSCLC = ['NSCLC'];
const EGFR_COMMON = [cls('EGFR', 'exon19_inframe_deletion'), variant('EGFR', 'L858R')];

export const LUNG: readonly Evidence[] = [
  // ---------------------------------------------------------------- EGFR exon 19 deletion / L858R
  ...entries(
    {
      id: 'nsclc-osimertinib',
      tumorTypes: NSCLC,
      drugs: ['osimertinib'],
      level: '1',
      citations: [
        fda('osimertinib', '2018-04-18'),
        fda('osimertinib', '2020-12-18'),
        fda('osimertinib', '2024-09-25'),
      ],
      description:
        'Osimertinib is approved for EGFR exon 19 deletion or L858R NSCLC: first-line metastatic (2018), adjuvant after resection (2020) and after chemoradiation for unresectable stage III (2024).',
    },
    EGFR_COMMON,
  ),
  ...entries(
    {
      id: 'nsclc-osimertinib-chemo',
      tumorTypes: NSCLC,
      drugs: ['osimertinib', 'pemetrexed', 'platinum chemotherapy'],
      level: '1',
      citations: [fda('osimertinib', '2024-02-16')],
      description:
        'Osimertinib with pemetrexed and platinum chemotherapy is approved first-line for advanced EGFR exon 19 deletion or L858R NSCLC.',
    },
    EGFR_COMMON,
  ),
  ...entries(
    {
      id: 'nsclc-erlotinib',
      tumorTypes: NSCLC,
      drugs: ['erlotinib'],
      level: '1',
      citations: [fda('erlotinib', '2013-05-14')],
      description: 'Erlotinib is approved for metastatic NSCLC with EGFR exon 19 deletion or L858R.',
    },
    EGFR_COMMON,
  ),
  ...entries(
    {
      id: 'nsclc-gefitinib',
      tumorTypes: NSCLC,
      drugs: ['gefitinib'],
      level: '1',
      citations: [fda('gefitinib', '2015-07-13')],
      description:
        'Gefitinib is approved first-line for metastatic NSCLC with EGFR exon 19 deletion or L858R.',
    },
    EGFR_COMMON,
  ),
  ...entries(
    {
      id: 'nsclc-afatinib',
      tumorTypes: NSCLC,
      drugs: ['afatinib'],
      level: '1',
      citations: [fda('afatinib', '2013-07-12')],
      description:
        'Afatinib is approved first-line for metastatic NSCLC with EGFR exon 19 deletion or L858R.',
    },
    EGFR_COMMON,
  ),
  ...entries(
    {
      id: 'nsclc-afatinib-uncommon',
      tumorTypes: NSCLC,
      drugs: ['afatinib'],
      level: '1',
      citations: [fda('afatinib', '2018-01-12')],
      description:
        'The afatinib label was extended to metastatic NSCLC with other non-resistant EGFR mutations (S768I, L861Q, G719X).',
    },
    [variant('EGFR', 'S768I'), variant('EGFR', 'L861Q'), codon('EGFR', 719)],
  ),
  ...entries(
    {
      id: 'nsclc-dacomitinib',
      tumorTypes: NSCLC,
      drugs: ['dacomitinib'],
      level: '1',
      citations: [fda('dacomitinib', '2018-09-27')],
      description:
        'Dacomitinib is approved first-line for metastatic NSCLC with EGFR exon 19 deletion or L858R.',
    },
    EGFR_COMMON,
  ),
  ...entries(
    {
      id: 'nsclc-erlotinib-ramucirumab',
      tumorTypes: NSCLC,
      drugs: ['erlotinib', 'ramucirumab'],
      level: '1',
      citations: [fda('ramucirumab', '2020-05-29')],
      description:
        'Ramucirumab with erlotinib is approved first-line for metastatic NSCLC with EGFR exon 19 deletion or L858R.',
    },
    EGFR_COMMON,
  ),
  ...entries(
    {
      id: 'nsclc-amivantamab-lazertinib',
      tumorTypes: NSCLC,
      drugs: ['amivantamab', 'lazertinib'],
      level: '1',
      citations: [fda('amivantamab', '2024-08-19'), fda('lazertinib', '2024-08-19')],
      description:
        'Amivantamab with lazertinib is approved first-line for advanced NSCLC with EGFR exon 19 deletion or L858R.',
    },
    EGFR_COMMON,
  ),
  ...entries(
    {
      id: 'nsclc-amivantamab-chemo-post-tki',
      tumorTypes: NSCLC,
      drugs: ['amivantamab', 'carboplatin', 'pemetrexed'],
      level: '1',
      citations: [fda('amivantamab', '2024-09-19')],
      description:
        'Amivantamab with carboplatin and pemetrexed is approved for EGFR exon 19 deletion or L858R NSCLC that progressed on an EGFR inhibitor.',
    },
    EGFR_COMMON,
  ),
  entry({
    id: 'nsclc-egfr-datopotamab-deruxtecan',
    pattern: oncogenic('EGFR'),
    tumorTypes: NSCLC,
    drugs: ['datopotamab deruxtecan'],
    level: '1',
    citations: [fda('datopotamab', '2025-06-23')],
    description:
      'Datopotamab deruxtecan has accelerated approval for EGFR-mutated NSCLC previously treated with an EGFR inhibitor and platinum chemotherapy.',
  }),
  // ---------------------------------------------------------------- EGFR T790M
  entry({
    id: 'nsclc-egfr-t790m-osimertinib',
    pattern: variant('EGFR', 'T790M'),
    tumorTypes: NSCLC,
    drugs: ['osimertinib'],
    level: '1',
    citations: [fda('osimertinib', '2015-11-13'), fda('osimertinib', '2017-03-30')],
    description:
      'Osimertinib is approved for metastatic EGFR T790M NSCLC that progressed on an earlier EGFR inhibitor (accelerated 2015, full 2017).',
  }),
  // ---------------------------------------------------------------- EGFR exon 20 insertions
  entry({
    id: 'nsclc-egfr-ex20ins-amivantamab',
    pattern: cls('EGFR', 'exon20_insertion'),
    tumorTypes: NSCLC,
    drugs: ['amivantamab'],
    level: '1',
    citations: [fda('amivantamab', '2021-05-21')],
    description: 'Amivantamab is approved for EGFR exon 20 insertion NSCLC after platinum chemotherapy.',
  }),
  entry({
    id: 'nsclc-egfr-ex20ins-amivantamab-chemo',
    pattern: cls('EGFR', 'exon20_insertion'),
    tumorTypes: NSCLC,
    drugs: ['amivantamab', 'carboplatin', 'pemetrexed'],
    level: '1',
    citations: [fda('amivantamab', '2024-03-01')],
    description:
      'Amivantamab with carboplatin and pemetrexed is approved first-line for EGFR exon 20 insertion NSCLC.',
  }),
  entry({
    id: 'nsclc-egfr-ex20ins-sunvozertinib',
    pattern: cls('EGFR', 'exon20_insertion'),
    tumorTypes: NSCLC,
    drugs: ['sunvozertinib'],
    level: '1',
    citations: [fda('sunvozertinib', '2025-07-02')],
    description:
      'Sunvozertinib has accelerated approval for EGFR exon 20 insertion NSCLC after platinum chemotherapy.',
  }),
  // ---------------------------------------------------------------- ALK fusions
  entry({
    id: 'nsclc-alk-crizotinib',
    pattern: fusion('ALK'),
    tumorTypes: NSCLC,
    drugs: ['crizotinib'],
    level: '1',
    citations: [fda('crizotinib', '2011-08-26')],
    description: 'Crizotinib is approved for metastatic ALK-positive NSCLC.',
  }),
  entry({
    id: 'nsclc-alk-ceritinib',
    pattern: fusion('ALK'),
    tumorTypes: NSCLC,
    drugs: ['ceritinib'],
    level: '1',
    citations: [fda('ceritinib', '2014-04-29')],
    description: 'Ceritinib is approved for metastatic ALK-positive NSCLC.',
  }),
  entry({
    id: 'nsclc-alk-alectinib',
    pattern: fusion('ALK'),
    tumorTypes: NSCLC,
    drugs: ['alectinib'],
    level: '1',
    citations: [
      fda('alectinib', '2015-12-11'),
      fda('alectinib', '2017-11-06'),
      fda('alectinib', '2024-04-18'),
    ],
    description:
      'Alectinib is approved for ALK-positive NSCLC: after crizotinib (2015), first-line metastatic (2017) and adjuvant after resection (2024).',
  }),
  entry({
    id: 'nsclc-alk-brigatinib',
    pattern: fusion('ALK'),
    tumorTypes: NSCLC,
    drugs: ['brigatinib'],
    level: '1',
    citations: [fda('brigatinib', '2017-04-28'), fda('brigatinib', '2020-05-22')],
    description:
      'Brigatinib is approved for metastatic ALK-positive NSCLC (after crizotinib 2017, first-line 2020).',
  }),
  entry({
    id: 'nsclc-alk-lorlatinib',
    pattern: fusion('ALK'),
    tumorTypes: NSCLC,
    drugs: ['lorlatinib'],
    level: '1',
    citations: [fda('lorlatinib', '2018-11-02'), fda('lorlatinib', '2021-03-03')],
    description:
      'Lorlatinib is approved for metastatic ALK-positive NSCLC (after other ALK inhibitors 2018, first-line 2021).',
  }),
  entry({
    id: 'nsclc-alk-ensartinib',
    pattern: fusion('ALK'),
    tumorTypes: NSCLC,
    drugs: ['ensartinib'],
    level: '1',
    citations: [fda('ensartinib', '2024-12-18')],
    description:
      'Ensartinib is approved for advanced ALK-positive NSCLC not previously treated with an ALK inhibitor.',
  }),
  // ---------------------------------------------------------------- ROS1 fusions
  entry({
    id: 'nsclc-ros1-crizotinib',
    pattern: fusion('ROS1'),
    tumorTypes: NSCLC,
    drugs: ['crizotinib'],
    level: '1',
    citations: [fda('crizotinib', '2016-03-11')],
    description: 'Crizotinib is approved for metastatic ROS1-positive NSCLC.',
  }),
  entry({
    id: 'nsclc-ros1-entrectinib',
    pattern: fusion('ROS1'),
    tumorTypes: NSCLC,
    drugs: ['entrectinib'],
    level: '1',
    citations: [fda('entrectinib', '2019-08-15')],
    description: 'Entrectinib is approved for metastatic ROS1-positive NSCLC.',
  }),
  entry({
    id: 'nsclc-ros1-repotrectinib',
    pattern: fusion('ROS1'),
    tumorTypes: NSCLC,
    drugs: ['repotrectinib'],
    level: '1',
    citations: [fda('repotrectinib', '2023-11-15')],
    description: 'Repotrectinib is approved for advanced ROS1-positive NSCLC.',
  }),
  entry({
    id: 'nsclc-ros1-taletrectinib',
    pattern: fusion('ROS1'),
    tumorTypes: NSCLC,
    drugs: ['taletrectinib'],
    level: '1',
    citations: [fda('taletrectinib', '2025-06-11')],
    description: 'Taletrectinib is approved for advanced ROS1-positive NSCLC.',
  }),
  // ---------------------------------------------------------------- RET fusions
  entry({
    id: 'nsclc-ret-selpercatinib',
    pattern: fusion('RET'),
    tumorTypes: NSCLC,
    drugs: ['selpercatinib'],
    level: '1',
    citations: [fda('selpercatinib', '2020-05-08'), fda('selpercatinib', '2022-09-21')],
    description:
      'Selpercatinib is approved for metastatic RET fusion-positive NSCLC (accelerated 2020, full 2022).',
  }),
  entry({
    id: 'nsclc-ret-pralsetinib',
    pattern: fusion('RET'),
    tumorTypes: NSCLC,
    drugs: ['pralsetinib'],
    level: '1',
    citations: [fda('pralsetinib', '2020-09-04'), fda('pralsetinib', '2023-08-09')],
    description:
      'Pralsetinib is approved for metastatic RET fusion-positive NSCLC (accelerated 2020, full 2023).',
  }),
  // ---------------------------------------------------------------- MET exon 14 skipping
  entry({
    id: 'nsclc-met-ex14-capmatinib',
    pattern: cls('MET', 'exon14_skipping'),
    tumorTypes: NSCLC,
    drugs: ['capmatinib'],
    level: '1',
    citations: [fda('capmatinib', '2020-05-06'), fda('capmatinib', '2022-08-10')],
    description:
      'Capmatinib is approved for metastatic NSCLC with a mutation leading to MET exon 14 skipping.',
  }),
  entry({
    id: 'nsclc-met-ex14-tepotinib',
    pattern: cls('MET', 'exon14_skipping'),
    tumorTypes: NSCLC,
    drugs: ['tepotinib'],
    level: '1',
    citations: [fda('tepotinib', '2021-02-03'), fda('tepotinib', '2024-02-15')],
    description: 'Tepotinib is approved for metastatic NSCLC with MET exon 14 skipping alterations.',
  }),
  // ---------------------------------------------------------------- KRAS G12C
  entry({
    id: 'nsclc-kras-g12c-sotorasib',
    pattern: variant('KRAS', 'G12C'),
    tumorTypes: NSCLC,
    drugs: ['sotorasib'],
    level: '1',
    citations: [fda('sotorasib', '2021-05-28')],
    description:
      'Sotorasib has accelerated approval for KRAS G12C NSCLC after at least one systemic therapy.',
  }),
  entry({
    id: 'nsclc-kras-g12c-adagrasib',
    pattern: variant('KRAS', 'G12C'),
    tumorTypes: NSCLC,
    drugs: ['adagrasib'],
    level: '1',
    citations: [fda('adagrasib', '2022-12-12')],
    description:
      'Adagrasib has accelerated approval for KRAS G12C NSCLC after at least one systemic therapy.',
  }),
  // ---------------------------------------------------------------- BRAF V600E
  entry({
    id: 'nsclc-braf-v600e-dabrafenib-trametinib',
    pattern: variant('BRAF', 'V600E'),
    tumorTypes: NSCLC,
    drugs: ['dabrafenib', 'trametinib'],
    level: '1',
    citations: [fda('dabrafenib', '2017-06-22'), fda('mekinist', '2017-06-22')],
    description: 'Dabrafenib with trametinib is approved for metastatic BRAF V600E NSCLC.',
  }),
  entry({
    id: 'nsclc-braf-v600e-encorafenib-binimetinib',
    pattern: variant('BRAF', 'V600E'),
    tumorTypes: NSCLC,
    drugs: ['encorafenib', 'binimetinib'],
    level: '1',
    citations: [fda('encorafenib', '2023-10-11'), fda('binimetinib', '2023-10-11')],
    description: 'Encorafenib with binimetinib is approved for metastatic BRAF V600E NSCLC.',
  }),
  // ---------------------------------------------------------------- ERBB2 (HER2) mutations
  entry({
    id: 'nsclc-erbb2-mut-trastuzumab-deruxtecan',
    pattern: oncogenic('ERBB2'),
    tumorTypes: NSCLC,
    drugs: ['trastuzumab deruxtecan'],
    level: '1',
    citations: [fda('tdxd', '2022-08-11')],
    description:
      'Trastuzumab deruxtecan has accelerated approval for NSCLC with activating HER2 (ERBB2) mutations after prior systemic therapy.',
  }),
  entry({
    id: 'nsclc-erbb2-mut-zongertinib',
    pattern: oncogenic('ERBB2'),
    tumorTypes: NSCLC,
    excludedTumorTypes: ['LUSC'],
    drugs: ['zongertinib'],
    level: '1',
    citations: [fda('zongertinib', '2025-08-08')],
    description:
      'Zongertinib has accelerated approval for non-squamous NSCLC with HER2 (ERBB2) tyrosine kinase domain activating mutations after prior systemic therapy.',
  }),
  entry({
    id: 'nsclc-erbb2-mut-sevabertinib',
    pattern: oncogenic('ERBB2'),
    tumorTypes: NSCLC,
    excludedTumorTypes: ['LUSC'],
    drugs: ['sevabertinib'],
    level: '1',
    citations: [fda('sevabertinib', '2025-11-19')],
    description:
      'Sevabertinib has accelerated approval for non-squamous NSCLC with HER2 (ERBB2) tyrosine kinase domain activating mutations after prior systemic therapy.',
  }),
  // ---------------------------------------------------------------- NRG1 fusions
  entry({
    id: 'nsclc-nrg1-zenocutuzumab',
    pattern: fusion('NRG1'),
    tumorTypes: NSCLC,
    drugs: ['zenocutuzumab'],
    level: '1',
    citations: [fda('zenocutuzumab', '2024-12-04')],
    description:
      'Zenocutuzumab has accelerated approval for advanced NRG1 fusion-positive NSCLC after prior systemic therapy.',
  }),
  // ---------------------------------------------------------------- PD-L1 expression
  entry({
    id: 'nsclc-pdl1-tps1-pembrolizumab',
    pattern: pdl1('TPS', 1),
    tumorTypes: NSCLC,
    drugs: ['pembrolizumab'],
    level: '1',
    citations: [fda('pembrolizumab', '2016-10-24'), fda('pembrolizumab', '2019-04-11')],
    description:
      'Pembrolizumab alone is approved for NSCLC with PD-L1 TPS of 1% or more without EGFR or ALK alterations: after chemotherapy (2016) and first-line for stage III or metastatic disease (2019).',
  }),
  entry({
    id: 'nsclc-pdl1-tps50-pembrolizumab',
    pattern: pdl1('TPS', 50),
    tumorTypes: NSCLC,
    drugs: ['pembrolizumab'],
    level: '1',
    citations: [fda('pembrolizumab', '2016-10-24')],
    description:
      'Pembrolizumab alone is approved first-line for metastatic NSCLC with PD-L1 TPS of 50% or more without EGFR or ALK alterations.',
  }),
  entry({
    id: 'nsclc-pdl1-tc50-atezolizumab',
    pattern: pdl1('TC', 50),
    tumorTypes: NSCLC,
    drugs: ['atezolizumab'],
    level: '1',
    citations: [fda('atezolizumab', '2020-05-18')],
    description:
      'Atezolizumab alone is approved first-line for metastatic NSCLC with high PD-L1 (at least 50% of tumor cells) without EGFR or ALK alterations.',
  }),
  entry({
    id: 'nsclc-pdl1-ic10-atezolizumab',
    pattern: pdl1('IC', 10),
    tumorTypes: NSCLC,
    drugs: ['atezolizumab'],
    level: '1',
    citations: [fda('atezolizumab', '2020-05-18')],
    description:
      'Atezolizumab alone is approved first-line for metastatic NSCLC with PD-L1-stained immune cells covering at least 10% of the tumor area, without EGFR or ALK alterations.',
  }),
  entry({
    id: 'nsclc-pdl1-tc1-atezolizumab-adjuvant',
    pattern: pdl1('TC', 1),
    tumorTypes: NSCLC,
    drugs: ['atezolizumab'],
    level: '1',
    citations: [fda('atezolizumab', '2021-10-15')],
    description:
      'Atezolizumab is approved as adjuvant treatment after resection and platinum chemotherapy for stage II-IIIA NSCLC with PD-L1 on at least 1% of tumor cells.',
  }),
  entry({
    id: 'nsclc-pdl1-tps50-cemiplimab',
    pattern: pdl1('TPS', 50),
    tumorTypes: NSCLC,
    drugs: ['cemiplimab'],
    level: '1',
    citations: [fda('cemiplimab', '2021-02-22')],
    description:
      'Cemiplimab alone is approved first-line for advanced NSCLC with PD-L1 TPS of 50% or more without EGFR, ALK or ROS1 alterations.',
  }),
  entry({
    id: 'nsclc-pdl1-tps1-nivolumab-ipilimumab',
    pattern: pdl1('TPS', 1),
    tumorTypes: NSCLC,
    drugs: ['nivolumab', 'ipilimumab'],
    level: '1',
    citations: [fda('nivolumab', '2020-05-15'), fda('ipilimumab', '2020-05-15')],
    description:
      'Nivolumab with ipilimumab is approved first-line for metastatic NSCLC with PD-L1 on at least 1% of tumor cells, without EGFR or ALK alterations.',
  }),
];
