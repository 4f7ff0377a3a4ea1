import type { Evidence } from '../../domain/index.js';
import { entries, entry, fda, nccn, oncogenic, pub, variant } from './build.js';

/**
 * Resistance. R1: standard care says the drug should not be used with this alteration (label limitation or
 * guideline). R2: clinical evidence of acquired or primary resistance that is not (yet) a standard-care rule.
 * Decision (docs/levels.md): EGFR T790M against first/second-generation EGFR inhibitors is R1, because
 * guidelines make T790M testing at progression and the switch to osimertinib standard care.
 */
const CRC = ['COADREAD'];
const PRIME_RAS = pub(
  'Douillard et al., N Engl J Med 2013: panitumumab-FOLFOX4 and RAS mutations in colorectal cancer (PRIME)',
  '2013-09',
);

export const RESISTANCE: readonly Evidence[] = [
  // ---------------------------------------------------------------- R1
  entry({
    id: 'crc-kras-cetuximab-r1',
    pattern: oncogenic('KRAS'),
    tumorTypes: CRC,
    drugs: ['cetuximab'],
    level: 'R1',
    citations: [fda('cetuximab', '2012-07-06'), nccn('Colon Cancer; Rectal Cancer')],
    description:
      'Cetuximab is indicated only for RAS wild-type colorectal cancer; KRAS-mutant tumors do not benefit.',
  }),
  entry({
    id: 'crc-nras-cetuximab-r1',
    pattern: oncogenic('NRAS'),
    tumorTypes: CRC,
    drugs: ['cetuximab'],
    level: 'R1',
    citations: [nccn('Colon Cancer; Rectal Cancer'), PRIME_RAS],
    description:
      'NRAS mutations (exons 2-4) predict lack of benefit from anti-EGFR antibodies such as cetuximab in colorectal cancer.',
  }),
  entry({
    id: 'crc-kras-panitumumab-r1',
    pattern: oncogenic('KRAS'),
    tumorTypes: CRC,
    drugs: ['panitumumab'],
    level: 'R1',
    citations: [fda('panitumumab', '2014-05-23'), PRIME_RAS],
    description:
      'Panitumumab is indicated only for RAS wild-type colorectal cancer; KRAS-mutant tumors do not benefit.',
  }),
  entry({
    id: 'crc-nras-panitumumab-r1',
    pattern: oncogenic('NRAS'),
    tumorTypes: CRC,
    drugs: ['panitumumab'],
    level: 'R1',
    citations: [nccn('Colon Cancer; Rectal Cancer'), PRIME_RAS],
    description: 'NRAS mutations (exons 2-4) predict lack of benefit from panitumumab in colorectal cancer.',
  }),
  ...['erlotinib', 'gefitinib', 'afatinib', 'dacomitinib'].map((drug) =>
    entry({
      id: `nsclc-egfr-t790m-${drug}-r1`,
      pattern: variant('EGFR', 'T790M'),
      tumorTypes: ['NSCLC'],
      drugs: [drug],
      level: 'R1',
      citations: [
        nccn('Non-Small Cell Lung Cancer'),
        pub(
          'Kobayashi et al., N Engl J Med 2005: EGFR mutation and resistance of NSCLC to gefitinib',
          '2005-02',
        ),
      ],
      description: `EGFR T790M is the main acquired resistance mutation to ${drug}; on progression with T790M, standard care switches to osimertinib.`,
    }),
  ),
  entry({
    id: 'sm-kit-d816v-imatinib-r1',
    pattern: variant('KIT', 'D816V'),
    tumorTypes: ['SM'],
    drugs: ['imatinib'],
    level: 'R1',
    citations: [fda('imatinib', '2006-10-19')],
    description:
      'The imatinib label for aggressive systemic mastocytosis covers only disease without KIT D816V (or of unknown KIT status); D816V is resistant.',
  }),
  entry({
    id: 'gist-pdgfra-d842v-imatinib-r1',
    pattern: variant('PDGFRA', 'D842V'),
    tumorTypes: ['GIST'],
    drugs: ['imatinib'],
    level: 'R1',
    citations: [
      nccn('Gastrointestinal Stromal Tumors'),
      pub('Corless et al., J Clin Oncol 2005: PDGFRA mutations in GIST and imatinib sensitivity', '2005-08'),
    ],
    description: 'PDGFRA D842V GIST is resistant to imatinib; guidelines recommend avapritinib instead.',
  }),
  ...['imatinib', 'dasatinib', 'nilotinib', 'bosutinib'].map((drug) =>
    entry({
      id: `abl1-t315i-${drug}-r1`,
      pattern: variant('ABL1', 'T315I'),
      tumorTypes: ['CML', 'BLL'],
      drugs: [drug],
      level: 'R1',
      citations: [
        nccn('Chronic Myeloid Leukemia'),
        drug === 'imatinib'
          ? pub('Gorre et al., Science 2001: BCR-ABL mutation and imatinib resistance', '2001-08')
          : fda('ponatinib', '2012-12-14'),
      ],
      description: `ABL1 T315I confers resistance to ${drug}; guidelines direct T315I-positive disease to ponatinib or asciminib.`,
    }),
  ),
  // ---------------------------------------------------------------- R2
  entry({
    id: 'nsclc-egfr-c797s-osimertinib-r2',
    pattern: variant('EGFR', 'C797S'),
    tumorTypes: ['NSCLC'],
    drugs: ['osimertinib'],
    level: 'R2',
    citations: [
      pub(
        'Thress et al., Nat Med 2015: acquired EGFR C797S mediates resistance to AZD9291 (osimertinib)',
        '2015-06',
      ),
    ],
    description: 'EGFR C797S is an acquired resistance mutation to osimertinib seen in patients.',
  }),
  ...['crizotinib', 'ceritinib', 'alectinib'].map((drug) =>
    entry({
      id: `nsclc-alk-g1202r-${drug}-r2`,
      pattern: variant('ALK', 'G1202R'),
      tumorTypes: ['NSCLC'],
      drugs: [drug],
      level: 'R2',
      citations: [
        pub(
          'Gainor et al., Cancer Discov 2016: mechanisms of resistance to first- and second-generation ALK inhibitors',
          '2016-10',
        ),
      ],
      description: `ALK G1202R is an acquired resistance mutation to ${drug} in ALK-positive NSCLC.`,
    }),
  ),
  entry({
    id: 'nsclc-ros1-g2032r-crizotinib-r2',
    pattern: variant('ROS1', 'G2032R'),
    tumorTypes: ['NSCLC'],
    drugs: ['crizotinib'],
    level: 'R2',
    citations: [
      pub(
        'Awad et al., N Engl J Med 2013: acquired resistance to crizotinib from a ROS1 mutation',
        '2013-06',
      ),
    ],
    description: 'ROS1 G2032R is an acquired resistance mutation to crizotinib in ROS1-positive NSCLC.',
  }),
  ...['anastrozole', 'letrozole', 'exemestane'].map((drug) =>
    entry({
      id: `brca-esr1-${drug}-r2`,
      pattern: oncogenic('ESR1'),
      tumorTypes: ['BRCA'],
      drugs: [drug],
      level: 'R2',
      citations: [
        pub(
          'Schiavon et al., Sci Transl Med 2015: ESR1 mutations in circulating tumor DNA after aromatase inhibitor therapy',
          '2015-11',
        ),
      ],
      description: `ESR1 ligand-binding domain mutations arise under aromatase inhibitors and predict resistance to ${drug}.`,
    }),
  ),
  entry({
    id: 'cll-btk-c481s-ibrutinib-r2',
    pattern: variant('BTK', 'C481S'),
    tumorTypes: ['CLLSLL'],
    drugs: ['ibrutinib'],
    level: 'R2',
    citations: [
      pub(
        'Woyach et al., N Engl J Med 2014: resistance mechanisms for the BTK inhibitor ibrutinib',
        '2014-06',
      ),
    ],
    description: 'BTK C481S is an acquired resistance mutation to ibrutinib in chronic lymphocytic leukemia.',
  }),
  ...entries(
    {
      id: 'gist-kit-secondary-imatinib-r2',
      tumorTypes: ['GIST'],
      drugs: ['imatinib'],
      level: 'R2',
      citations: [
        pub(
          'Heinrich et al., J Clin Oncol 2006: molecular correlates of imatinib resistance in GIST',
          '2006-10',
        ),
      ],
      description:
        'Secondary KIT kinase-domain mutations (V654A, T670I) cause acquired imatinib resistance in GIST.',
    },
    [variant('KIT', 'V654A'), variant('KIT', 'T670I')],
  ),
];
