import type { Evidence } from '../../domain/index.js';
import {
  codon,
  DMMR,
  entries,
  entry,
  fda,
  fusion,
  HER2_IHC3,
  her2Positive,
  MSI_H,
  nccn,
  oncogenic,
  pdl1,
  pub,
  amp,
  variant,
} from './build.js';

/** Gastrointestinal cancers: colorectal, esophagogastric, biliary, pancreatic (GIST is in other-solid.ts). */
const CRC = ['COADREAD'];
const GASTRIC_GEJ = ['STAD', 'GEJ'];
const MSI_DMMR = [MSI_H, DMMR];

export const GI: readonly Evidence[] = [
  // ---------------------------------------------------------------- colorectal
  entry({
    id: 'crc-braf-v600e-encorafenib-cetuximab',
    pattern: variant('BRAF', 'V600E'),
    tumorTypes: CRC,
    drugs: ['encorafenib', 'cetuximab'],
    level: '1',
    citations: [fda('encorafenib', '2020-04-08')],
    description:
      'Encorafenib with cetuximab is approved for metastatic BRAF V600E colorectal cancer after prior therapy.',
  }),
  entry({
    id: 'crc-braf-v600e-encorafenib-cetuximab-mfolfox6',
    pattern: variant('BRAF', 'V600E'),
    tumorTypes: CRC,
    drugs: ['encorafenib', 'cetuximab', 'fluorouracil', 'leucovorin', 'oxaliplatin'],
    level: '1',
    citations: [fda('encorafenib', '2024-12-20')],
    description:
      'Encorafenib with cetuximab and mFOLFOX6 has accelerated approval first-line for metastatic BRAF V600E colorectal cancer.',
  }),
  entry({
    id: 'crc-kras-g12c-adagrasib-cetuximab',
    pattern: variant('KRAS', 'G12C'),
    tumorTypes: CRC,
    drugs: ['adagrasib', 'cetuximab'],
    level: '1',
    citations: [fda('adagrasib', '2024-06-21')],
    description:
      'Adagrasib with cetuximab has accelerated approval for KRAS G12C colorectal cancer after fluoropyrimidine, oxaliplatin and irinotecan chemotherapy.',
  }),
  entry({
    id: 'crc-kras-g12c-sotorasib-panitumumab',
    pattern: variant('KRAS', 'G12C'),
    tumorTypes: CRC,
    drugs: ['sotorasib', 'panitumumab'],
    level: '1',
    citations: [fda('sotorasib', '2025-01-16')],
    description:
      'Sotorasib with panitumumab is approved for KRAS G12C metastatic colorectal cancer after fluoropyrimidine, oxaliplatin and irinotecan chemotherapy.',
  }),
  ...her2Positive({
    id: 'crc-tucatinib-trastuzumab',
    tumorTypes: CRC,
    drugs: ['tucatinib', 'trastuzumab'],
    level: '1',
    citations: [fda('tucatinib', '2023-01-19')],
    description:
      'Tucatinib with trastuzumab has accelerated approval for RAS wild-type, HER2-positive metastatic colorectal cancer after standard chemotherapy.',
  }),
  entry({
    id: 'crc-erbb2-amp-trastuzumab-pertuzumab',
    pattern: amp('ERBB2'),
    tumorTypes: CRC,
    drugs: ['trastuzumab', 'pertuzumab'],
    level: '2',
    citations: [
      nccn('Colon Cancer; Rectal Cancer'),
      pub('Meric-Bernstam et al., Lancet Oncol 2019: MyPathway HER2-amplified colorectal cohort', '2019-04'),
    ],
    description:
      'Guidelines list trastuzumab with pertuzumab for RAS wild-type, HER2-amplified metastatic colorectal cancer; there is no FDA label for it.',
  }),
  entry({
    id: 'crc-erbb2-amp-trastuzumab-lapatinib',
    pattern: amp('ERBB2'),
    tumorTypes: CRC,
    drugs: ['trastuzumab', 'lapatinib'],
    level: '2',
    citations: [
      nccn('Colon Cancer; Rectal Cancer'),
      pub('Sartore-Bianchi et al., Lancet Oncol 2016: HERACLES trial', '2016-06'),
    ],
    description:
      'Guidelines list trastuzumab with lapatinib for RAS wild-type, HER2-amplified metastatic colorectal cancer; there is no FDA label for it.',
  }),
  ...entries(
    {
      id: 'crc-pembrolizumab',
      tumorTypes: CRC,
      drugs: ['pembrolizumab'],
      level: '1',
      citations: [fda('pembrolizumab', '2020-06-29')],
      description:
        'Pembrolizumab is approved first-line for unresectable or metastatic MSI-H or dMMR colorectal cancer.',
    },
    MSI_DMMR,
  ),
  ...entries(
    {
      id: 'crc-nivolumab',
      tumorTypes: CRC,
      drugs: ['nivolumab'],
      level: '1',
      citations: [fda('nivolumab', '2017-07-31'), fda('nivolumab', '2025-04-08')],
      description:
        'Nivolumab alone is approved for MSI-H or dMMR metastatic colorectal cancer after fluoropyrimidine, oxaliplatin and irinotecan (accelerated 2017, full 2025).',
    },
    MSI_DMMR,
  ),
  ...entries(
    {
      id: 'crc-nivolumab-ipilimumab',
      tumorTypes: CRC,
      drugs: ['nivolumab', 'ipilimumab'],
      level: '1',
      citations: [
        fda('nivolumab', '2018-07-10'),
        fda('ipilimumab', '2018-07-10'),
        fda('nivolumab', '2025-04-08'),
      ],
      description:
        'Nivolumab with ipilimumab is approved for MSI-H or dMMR metastatic colorectal cancer, after chemotherapy (2018) and first-line (2025).',
    },
    MSI_DMMR,
  ),
  // ---------------------------------------------------------------- esophagogastric
  ...her2Positive({
    id: 'gastric-trastuzumab-chemo',
    tumorTypes: GASTRIC_GEJ,
    drugs: ['trastuzumab', 'cisplatin', 'fluoropyrimidine chemotherapy'],
    level: '1',
    citations: [fda('trastuzumab', '2010-10-20')],
    description:
      'Trastuzumab with cisplatin and capecitabine or fluorouracil is approved first-line for HER2-overexpressing metastatic gastric or gastroesophageal junction adenocarcinoma.',
  }),
  ...her2Positive({
    id: 'gastric-pembrolizumab-trastuzumab-chemo',
    tumorTypes: GASTRIC_GEJ,
    drugs: ['pembrolizumab', 'trastuzumab', 'fluoropyrimidine chemotherapy', 'platinum chemotherapy'],
    level: '1',
    citations: [fda('pembrolizumab', '2021-05-05'), fda('pembrolizumab', '2023-11-16')],
    description:
      'Pembrolizumab with trastuzumab and fluoropyrimidine-platinum chemotherapy is approved first-line for HER2-positive gastric or GEJ adenocarcinoma; since 2023 only when PD-L1 CPS is 1 or more.',
  }),
  ...her2Positive({
    id: 'gastric-trastuzumab-deruxtecan',
    tumorTypes: GASTRIC_GEJ,
    drugs: ['trastuzumab deruxtecan'],
    level: '1',
    citations: [fda('tdxd', '2021-01-15')],
    description:
      'Trastuzumab deruxtecan is approved for HER2-positive gastric or GEJ adenocarcinoma after a trastuzumab-based regimen.',
  }),
  entry({
    id: 'escc-pdl1-cps10-pembrolizumab',
    pattern: pdl1('CPS', 10),
    tumorTypes: ['ESCC'],
    drugs: ['pembrolizumab'],
    level: '1',
    citations: [fda('pembrolizumab', '2019-07-30')],
    description:
      'Pembrolizumab alone is approved for recurrent advanced esophageal squamous cell carcinoma with PD-L1 CPS of 10 or more after one or more prior lines.',
  }),
  // ---------------------------------------------------------------- biliary tract
  entry({
    id: 'chol-idh1-ivosidenib',
    pattern: codon('IDH1', 132),
    tumorTypes: ['CHOL'],
    drugs: ['ivosidenib'],
    level: '1',
    citations: [fda('ivosidenib', '2021-08-25')],
    description:
      'Ivosidenib is approved for previously treated advanced cholangiocarcinoma with an IDH1 mutation.',
  }),
  entry({
    id: 'chol-fgfr2-fusion-pemigatinib',
    pattern: fusion('FGFR2'),
    tumorTypes: ['CHOL'],
    drugs: ['pemigatinib'],
    level: '1',
    citations: [fda('pemigatinib', '2020-04-17')],
    description:
      'Pemigatinib has accelerated approval for previously treated advanced cholangiocarcinoma with an FGFR2 fusion or other rearrangement.',
  }),
  entry({
    id: 'ihch-fgfr2-fusion-futibatinib',
    pattern: fusion('FGFR2'),
    tumorTypes: ['IHCH'],
    drugs: ['futibatinib'],
    level: '1',
    citations: [fda('futibatinib', '2022-09-30')],
    description:
      'Futibatinib has accelerated approval for previously treated advanced intrahepatic cholangiocarcinoma with an FGFR2 fusion or other rearrangement.',
  }),
  entry({
    id: 'btc-her2-ihc3-zanidatamab',
    pattern: HER2_IHC3,
    tumorTypes: ['BILIARY_TRACT'],
    drugs: ['zanidatamab'],
    level: '1',
    citations: [fda('zanidatamab', '2024-11-20')],
    description:
      'Zanidatamab has accelerated approval for previously treated unresectable or metastatic HER2-positive (IHC 3+) biliary tract cancer.',
  }),
  // ---------------------------------------------------------------- pancreas
  ...entries(
    {
      id: 'paad-olaparib-maintenance',
      tumorTypes: ['PAAD'],
      drugs: ['olaparib'],
      level: '1',
      citations: [fda('olaparib', '2019-12-27')],
      description:
        'Olaparib is approved as maintenance for germline BRCA-mutated metastatic pancreatic adenocarcinoma that has not progressed on first-line platinum chemotherapy.',
    },
    [oncogenic('BRCA1'), oncogenic('BRCA2')],
  ),
  entry({
    id: 'paad-nrg1-zenocutuzumab',
    pattern: fusion('NRG1'),
    tumorTypes: ['PAAD'],
    drugs: ['zenocutuzumab'],
    level: '1',
    citations: [fda('zenocutuzumab', '2024-12-04')],
    description:
      'Zenocutuzumab has accelerated approval for advanced NRG1 fusion-positive pancreatic adenocarcinoma after prior systemic therapy.',
  }),
];
