import type { Evidence } from '../../domain/index.js';
import { entries, fda, fusion, oncogenic } from './build.js';

/** Prostate and urothelial cancers. */
const PROSTATE = ['PRAD'];
const BRCA12 = [oncogenic('BRCA1'), oncogenic('BRCA2')];

/** Homologous recombination repair genes named in the olaparib mCRPC label (2020). */
const OLAPARIB_HRR = [
  'BRCA1',
  'BRCA2',
  'ATM',
  'BARD1',
  'BRIP1',
  'CDK12',
  'CHEK1',
  'CHEK2',
  'FANCL',
  'PALB2',
  'RAD51B',
  'RAD51C',
  'RAD51D',
  'RAD54L',
];
/** HRR genes named in the talazoparib with enzalutamide mCRPC label (2023). */
const TALAZOPARIB_HRR = [
  'ATM',
  'ATR',
  'BRCA1',
  'BRCA2',
  'CDK12',
  'CHEK2',
  'FANCA',
  'MLH1',
  'MRE11',
  'NBN',
  'PALB2',
  'RAD51C',
];

export const GU: readonly Evidence[] = [
  ...entries(
    {
      id: 'prad-olaparib',
      tumorTypes: PROSTATE,
      drugs: ['olaparib'],
      level: '1',
      citations: [fda('olaparib', '2020-05-19')],
      description:
        'Olaparib is approved for metastatic castration-resistant prostate cancer with a deleterious homologous recombination repair gene mutation after enzalutamide or abiraterone.',
    },
    OLAPARIB_HRR.map(oncogenic),
  ),
  ...entries(
    {
      id: 'prad-olaparib-abiraterone',
      tumorTypes: PROSTATE,
      drugs: ['olaparib', 'abiraterone', 'prednisone'],
      level: '1',
      citations: [fda('olaparib', '2023-05-31')],
      description:
        'Olaparib with abiraterone and prednisone is approved for BRCA-mutated metastatic castration-resistant prostate cancer.',
    },
    BRCA12,
  ),
  ...entries(
    {
      id: 'prad-talazoparib-enzalutamide',
      tumorTypes: PROSTATE,
      drugs: ['talazoparib', 'enzalutamide'],
      level: '1',
      citations: [fda('talazoparib', '2023-06-20')],
      description:
        'Talazoparib with enzalutamide is approved for HRR gene-mutated metastatic castration-resistant prostate cancer.',
    },
    TALAZOPARIB_HRR.map(oncogenic),
  ),
  ...entries(
    {
      id: 'prad-niraparib-abiraterone',
      tumorTypes: PROSTATE,
      drugs: ['niraparib', 'abiraterone', 'prednisone'],
      level: '1',
      citations: [fda('akeega', '2023-08-11')],
      description:
        'Niraparib with abiraterone acetate (one tablet) plus prednisone is approved for BRCA-mutated metastatic castration-resistant prostate cancer.',
    },
    BRCA12,
  ),
  ...entries(
    {
      id: 'prad-rucaparib',
      tumorTypes: PROSTATE,
      drugs: ['rucaparib'],
      level: '1',
      citations: [fda('rucaparib', '2020-05-15')],
      description:
        'Rucaparib has accelerated approval for BRCA-mutated metastatic castration-resistant prostate cancer after androgen receptor-directed therapy and a taxane.',
    },
    BRCA12,
  ),
  ...entries(
    {
      id: 'urothelial-erdafitinib',
      tumorTypes: ['BLCA', 'UTUC'],
      drugs: ['erdafitinib'],
      level: '1',
      citations: [fda('erdafitinib', '2019-04-12'), fda('erdafitinib', '2024-01-19')],
      description:
        'Erdafitinib is approved for locally advanced or metastatic urothelial carcinoma with susceptible FGFR3 alterations after prior systemic therapy (full approval 2024, limited to FGFR3).',
    },
    [oncogenic('FGFR3'), fusion('FGFR3')],
  ),
];
