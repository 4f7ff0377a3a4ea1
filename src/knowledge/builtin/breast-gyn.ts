import type { Evidence } from '../../domain/index.js';
import {
  del,
  DMMR,
  entries,
  entry,
  ER_POSITIVE,
  fda,
  HER2_LOW,
  her2Positive,
  HRD_POSITIVE,
  MSI_H,
  nccn,
  oncogenic,
  pdl1,
  PMMR,
  pub,
} from './build.js';

/** Breast and gynecologic cancers. */
const BREAST = ['BRCA'];
/** Epithelial ovarian, fallopian tube and primary peritoneal cancer, the labels' usual wording. */
const OVARIAN = ['OVT', 'HGSFT', 'PSEC'];
const BRCA12 = [oncogenic('BRCA1'), oncogenic('BRCA2')];
const MSI_DMMR = [MSI_H, DMMR];

export const BREAST_GYN: readonly Evidence[] = [
  // ---------------------------------------------------------------- breast, HER2-positive
  ...her2Positive({
    id: 'brca-trastuzumab',
    tumorTypes: BREAST,
    drugs: ['trastuzumab'],
    level: '1',
    citations: [fda('trastuzumab', '1998-09-25'), fda('trastuzumab', '2006-11-16')],
    description:
      'Trastuzumab is approved for HER2-overexpressing metastatic (1998) and early (adjuvant, 2006) breast cancer.',
  }),
  ...her2Positive({
    id: 'brca-pertuzumab-trastuzumab-docetaxel',
    tumorTypes: BREAST,
    drugs: ['pertuzumab', 'trastuzumab', 'docetaxel'],
    level: '1',
    citations: [fda('pertuzumab', '2012-06-08'), fda('phesgo', '2020-06-29')],
    description:
      'Pertuzumab with trastuzumab and docetaxel is approved first-line for HER2-positive metastatic breast cancer (also as the fixed-dose subcutaneous combination since 2020).',
  }),
  ...her2Positive({
    id: 'brca-trastuzumab-emtansine',
    tumorTypes: BREAST,
    drugs: ['trastuzumab emtansine'],
    level: '1',
    citations: [fda('kadcyla', '2013-02-22'), fda('kadcyla', '2019-05-03')],
    description:
      'Trastuzumab emtansine is approved for HER2-positive metastatic breast cancer after trastuzumab and a taxane (2013) and for residual invasive disease after neoadjuvant therapy (2019).',
  }),
  ...her2Positive({
    id: 'brca-trastuzumab-deruxtecan',
    tumorTypes: BREAST,
    drugs: ['trastuzumab deruxtecan'],
    level: '1',
    citations: [fda('tdxd', '2019-12-20'), fda('tdxd', '2022-05-04')],
    description:
      'Trastuzumab deruxtecan is approved for unresectable or metastatic HER2-positive breast cancer after an anti-HER2 regimen.',
  }),
  ...her2Positive({
    id: 'brca-tucatinib-trastuzumab-capecitabine',
    tumorTypes: BREAST,
    drugs: ['tucatinib', 'trastuzumab', 'capecitabine'],
    level: '1',
    citations: [fda('tucatinib', '2020-04-17')],
    description:
      'Tucatinib with trastuzumab and capecitabine is approved for advanced HER2-positive breast cancer, including brain metastases, after one or more anti-HER2 regimens.',
  }),
  ...her2Positive({
    id: 'brca-neratinib',
    tumorTypes: BREAST,
    drugs: ['neratinib'],
    level: '1',
    citations: [fda('neratinib', '2017-07-17')],
    description:
      'Neratinib is approved as extended adjuvant therapy for early-stage HER2-positive breast cancer after trastuzumab-based adjuvant therapy.',
  }),
  ...her2Positive({
    id: 'brca-neratinib-capecitabine',
    tumorTypes: BREAST,
    drugs: ['neratinib', 'capecitabine'],
    level: '1',
    citations: [fda('neratinib', '2020-02-25')],
    description:
      'Neratinib with capecitabine is approved for advanced HER2-positive breast cancer after two or more anti-HER2 regimens.',
  }),
  ...her2Positive({
    id: 'brca-lapatinib-capecitabine',
    tumorTypes: BREAST,
    drugs: ['lapatinib', 'capecitabine'],
    level: '1',
    citations: [fda('lapatinib', '2007-03-13')],
    description:
      'Lapatinib with capecitabine is approved for HER2-overexpressing advanced breast cancer after an anthracycline, a taxane and trastuzumab.',
  }),
  ...her2Positive({
    id: 'brca-lapatinib-letrozole',
    tumorTypes: BREAST,
    drugs: ['lapatinib', 'letrozole'],
    level: '1',
    citations: [fda('lapatinib', '2010-01-29')],
    description:
      'Lapatinib with letrozole is approved for postmenopausal women with hormone receptor-positive, HER2-overexpressing metastatic breast cancer.',
  }),
  ...her2Positive({
    id: 'brca-margetuximab-chemo',
    tumorTypes: BREAST,
    drugs: ['margetuximab', 'chemotherapy'],
    level: '1',
    citations: [fda('margetuximab', '2020-12-16')],
    description:
      'Margetuximab with chemotherapy is approved for metastatic HER2-positive breast cancer after two or more anti-HER2 regimens.',
  }),
  entry({
    id: 'brca-her2-low-trastuzumab-deruxtecan',
    pattern: HER2_LOW,
    tumorTypes: BREAST,
    drugs: ['trastuzumab deruxtecan'],
    level: '1',
    citations: [fda('tdxd', '2022-08-05')],
    description:
      'Trastuzumab deruxtecan is approved for unresectable or metastatic HER2-low (IHC 1+, or IHC 2+ with negative ISH) breast cancer after prior chemotherapy.',
  }),
  // ---------------------------------------------------------------- breast, HR-positive / HER2-negative
  entry({
    id: 'brca-pik3ca-alpelisib-fulvestrant',
    pattern: oncogenic('PIK3CA'),
    tumorTypes: BREAST,
    drugs: ['alpelisib', 'fulvestrant'],
    level: '1',
    citations: [fda('alpelisib', '2019-05-24')],
    description:
      'Alpelisib with fulvestrant is approved for HR-positive, HER2-negative, PIK3CA-mutated advanced breast cancer after endocrine therapy.',
  }),
  entry({
    id: 'brca-pik3ca-inavolisib-palbociclib-fulvestrant',
    pattern: oncogenic('PIK3CA'),
    tumorTypes: BREAST,
    drugs: ['inavolisib', 'palbociclib', 'fulvestrant'],
    level: '1',
    citations: [fda('inavolisib', '2024-10-10')],
    description:
      'Inavolisib with palbociclib and fulvestrant is approved for endocrine-resistant, PIK3CA-mutated, HR-positive, HER2-negative advanced breast cancer.',
  }),
  ...entries(
    {
      id: 'brca-capivasertib-fulvestrant',
      tumorTypes: BREAST,
      drugs: ['capivasertib', 'fulvestrant'],
      level: '1',
      citations: [fda('capivasertib', '2023-11-16')],
      description:
        'Capivasertib with fulvestrant is approved for HR-positive, HER2-negative advanced breast cancer with one or more PIK3CA, AKT1 or PTEN alterations after endocrine therapy.',
    },
    [oncogenic('PIK3CA'), oncogenic('AKT1'), oncogenic('PTEN'), del('PTEN')],
  ),
  entry({
    id: 'brca-esr1-elacestrant',
    pattern: oncogenic('ESR1'),
    tumorTypes: BREAST,
    drugs: ['elacestrant'],
    level: '1',
    citations: [fda('elacestrant', '2023-01-27')],
    description:
      'Elacestrant is approved for ER-positive, HER2-negative, ESR1-mutated advanced breast cancer after at least one line of endocrine therapy.',
  }),
  entry({
    id: 'brca-esr1-imlunestrant',
    pattern: oncogenic('ESR1'),
    tumorTypes: BREAST,
    drugs: ['imlunestrant'],
    level: '1',
    citations: [fda('imlunestrant', '2025-09-25')],
    description:
      'Imlunestrant is approved for ER-positive, HER2-negative, ESR1-mutated advanced breast cancer after at least one line of endocrine therapy.',
  }),
  entry({
    id: 'brca-er-fulvestrant',
    pattern: ER_POSITIVE,
    tumorTypes: BREAST,
    drugs: ['fulvestrant'],
    level: '1',
    citations: [fda('fulvestrant', '2002-04-25')],
    description:
      'Fulvestrant is approved for hormone receptor-positive advanced breast cancer in postmenopausal women.',
  }),
  entry({
    id: 'brca-er-palbociclib-letrozole',
    pattern: ER_POSITIVE,
    tumorTypes: BREAST,
    drugs: ['palbociclib', 'letrozole'],
    level: '1',
    citations: [fda('palbociclib', '2015-02-03')],
    description:
      'Palbociclib with an aromatase inhibitor is approved first-line for HR-positive, HER2-negative advanced breast cancer.',
  }),
  entry({
    id: 'brca-er-ribociclib-letrozole',
    pattern: ER_POSITIVE,
    tumorTypes: BREAST,
    drugs: ['ribociclib', 'letrozole'],
    level: '1',
    citations: [fda('ribociclib', '2017-03-13')],
    description:
      'Ribociclib with an aromatase inhibitor is approved first-line for HR-positive, HER2-negative advanced breast cancer.',
  }),
  entry({
    id: 'brca-er-abemaciclib-fulvestrant',
    pattern: ER_POSITIVE,
    tumorTypes: BREAST,
    drugs: ['abemaciclib', 'fulvestrant'],
    level: '1',
    citations: [fda('abemaciclib', '2017-09-28')],
    description:
      'Abemaciclib with fulvestrant is approved for HR-positive, HER2-negative advanced breast cancer that progressed on endocrine therapy.',
  }),
  // ---------------------------------------------------------------- breast, BRCA and triple-negative
  ...entries(
    {
      id: 'brca-olaparib',
      tumorTypes: BREAST,
      drugs: ['olaparib'],
      level: '1',
      citations: [fda('olaparib', '2018-01-12'), fda('olaparib', '2022-03-11')],
      description:
        'Olaparib is approved for germline BRCA-mutated, HER2-negative breast cancer: metastatic after chemotherapy (2018) and high-risk early disease as adjuvant therapy (2022).',
    },
    BRCA12,
  ),
  ...entries(
    {
      id: 'brca-talazoparib',
      tumorTypes: BREAST,
      drugs: ['talazoparib'],
      level: '1',
      citations: [fda('talazoparib', '2018-10-16')],
      description:
        'Talazoparib is approved for germline BRCA-mutated, HER2-negative locally advanced or metastatic breast cancer.',
    },
    BRCA12,
  ),
  entry({
    id: 'tnbc-pdl1-cps10-pembrolizumab-chemo',
    pattern: pdl1('CPS', 10),
    tumorTypes: BREAST,
    drugs: ['pembrolizumab', 'chemotherapy'],
    level: '1',
    citations: [fda('pembrolizumab', '2020-11-13')],
    description:
      'Pembrolizumab with chemotherapy is approved for locally recurrent unresectable or metastatic triple-negative breast cancer with PD-L1 CPS of 10 or more.',
  }),
  // ---------------------------------------------------------------- ovarian, fallopian tube, peritoneal
  ...entries(
    {
      id: 'ovarian-olaparib-maintenance',
      tumorTypes: OVARIAN,
      drugs: ['olaparib'],
      level: '1',
      citations: [fda('olaparib', '2018-12-19')],
      description:
        'Olaparib is approved as first-line maintenance for germline or somatic BRCA-mutated advanced ovarian cancer in response to platinum chemotherapy.',
    },
    BRCA12,
  ),
  ...entries(
    {
      id: 'ovarian-olaparib-bevacizumab',
      tumorTypes: OVARIAN,
      drugs: ['olaparib', 'bevacizumab'],
      level: '1',
      citations: [fda('olaparib', '2020-05-08')],
      description:
        'Olaparib with bevacizumab is approved as first-line maintenance for HRD-positive advanced ovarian cancer (a BRCA mutation and/or genomic instability).',
    },
    [HRD_POSITIVE, ...BRCA12],
  ),
  ...entries(
    {
      id: 'ovarian-niraparib-maintenance',
      tumorTypes: OVARIAN,
      drugs: ['niraparib'],
      level: '1',
      citations: [fda('niraparib', '2017-03-27')],
      description:
        'Niraparib is approved as maintenance for recurrent ovarian cancer in response to platinum chemotherapy; since 2022 this indication is limited to germline BRCA mutations.',
    },
    BRCA12,
  ),
  entry({
    id: 'lgsoc-kras-avutometinib-defactinib',
    pattern: oncogenic('KRAS'),
    tumorTypes: ['LGSOC'],
    drugs: ['avutometinib', 'defactinib'],
    level: '1',
    citations: [fda('avutometinib', '2025-05-08')],
    description:
      'Avutometinib with defactinib has accelerated approval for recurrent KRAS-mutated low-grade serous ovarian cancer after prior systemic therapy.',
  }),
  // ---------------------------------------------------------------- endometrial
  ...entries(
    {
      id: 'ucec-dostarlimab',
      tumorTypes: ['UCEC'],
      drugs: ['dostarlimab'],
      level: '1',
      citations: [fda('dostarlimab', '2021-04-22')],
      description:
        'Dostarlimab is approved for dMMR recurrent or advanced endometrial cancer that progressed after platinum chemotherapy.',
    },
    // The 2021 label names dMMR only (MSI-H joined with the 2023 chemotherapy combination).
    [DMMR],
  ),
  ...entries(
    {
      id: 'ucec-dostarlimab-carboplatin-paclitaxel',
      tumorTypes: ['UCEC'],
      drugs: ['dostarlimab', 'carboplatin', 'paclitaxel'],
      level: '1',
      citations: [fda('dostarlimab', '2023-07-31')],
      description:
        'Dostarlimab with carboplatin and paclitaxel is approved for primary advanced or recurrent dMMR or MSI-H endometrial cancer (extended to all patients in 2024).',
    },
    MSI_DMMR,
  ),
  entry({
    id: 'ucec-dmmr-durvalumab-carboplatin-paclitaxel',
    pattern: DMMR,
    tumorTypes: ['UCEC'],
    drugs: ['durvalumab', 'carboplatin', 'paclitaxel'],
    level: '1',
    citations: [fda('durvalumab', '2024-06-14')],
    description:
      'Durvalumab with carboplatin and paclitaxel, then durvalumab alone, is approved for primary advanced or recurrent dMMR endometrial cancer.',
  }),
  ...entries(
    {
      id: 'ucec-pembrolizumab',
      tumorTypes: ['UCEC'],
      drugs: ['pembrolizumab'],
      level: '1',
      citations: [fda('pembrolizumab', '2022-03-21')],
      description:
        'Pembrolizumab alone is approved for advanced MSI-H or dMMR endometrial carcinoma after prior systemic therapy, when surgery or radiation is not an option.',
    },
    MSI_DMMR,
  ),
  entry({
    id: 'ucec-pmmr-lenvatinib-pembrolizumab',
    pattern: PMMR,
    tumorTypes: ['UCEC'],
    drugs: ['lenvatinib', 'pembrolizumab'],
    level: '1',
    citations: [fda('lenvatinib', '2019-09-17')],
    description:
      'Lenvatinib with pembrolizumab is approved for advanced endometrial carcinoma that is not MSI-H or dMMR, after prior systemic therapy.',
  }),
  ...her2Positive({
    id: 'ucec-serous-trastuzumab-carboplatin-paclitaxel',
    tumorTypes: ['USC'],
    drugs: ['trastuzumab', 'carboplatin', 'paclitaxel'],
    level: '2',
    citations: [
      nccn('Uterine Neoplasms'),
      pub(
        'Fader et al., J Clin Oncol 2018: randomized phase II trial in HER2-positive uterine serous carcinoma',
        '2018-07',
      ),
    ],
    description:
      'Guidelines list trastuzumab with carboplatin and paclitaxel for advanced or recurrent HER2-positive uterine serous carcinoma; there is no FDA label for it.',
  }),
  // ---------------------------------------------------------------- cervix, head and neck
  entry({
    id: 'cervix-pdl1-cps1-pembrolizumab',
    pattern: pdl1('CPS', 1),
    tumorTypes: ['CERVIX'],
    drugs: ['pembrolizumab'],
    level: '1',
    citations: [fda('pembrolizumab', '2018-06-12')],
    description:
      'Pembrolizumab alone is approved for recurrent or metastatic cervical cancer with PD-L1 CPS of 1 or more that progressed on or after chemotherapy.',
  }),
  entry({
    id: 'cervix-pdl1-cps1-pembrolizumab-chemo',
    pattern: pdl1('CPS', 1),
    tumorTypes: ['CERVIX'],
    drugs: ['pembrolizumab', 'paclitaxel', 'platinum chemotherapy'],
    level: '1',
    citations: [fda('pembrolizumab', '2021-10-13')],
    description:
      'Pembrolizumab with paclitaxel and platinum chemotherapy, with or without bevacizumab, is approved for persistent, recurrent or metastatic cervical cancer with PD-L1 CPS of 1 or more.',
  }),
  entry({
    id: 'hnsc-pdl1-cps1-pembrolizumab',
    pattern: pdl1('CPS', 1),
    tumorTypes: ['HNSC'],
    drugs: ['pembrolizumab'],
    level: '1',
    citations: [fda('pembrolizumab', '2019-06-10'), fda('pembrolizumab', '2025-06-12')],
    description:
      'Pembrolizumab is approved for head and neck squamous cell carcinoma with PD-L1 CPS of 1 or more: alone first-line for metastatic or unresectable recurrent disease (2019), and before and after surgery for resectable locally advanced disease (2025).',
  }),
];
