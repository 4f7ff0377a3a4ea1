import type { Evidence } from '../../domain/index.js';
import { entries, entry, fda, nccn, oncogenic, pub, variant } from './build.js';

/** Melanoma: BRAF V600 inhibitors alone or with MEK inhibitors (level 1); KIT (level 2, guideline). */
const MEL = ['MEL'];
const V600EK = [variant('BRAF', 'V600E'), variant('BRAF', 'V600K')];

export const SKIN: readonly Evidence[] = [
  entry({
    id: 'mel-braf-v600e-vemurafenib',
    pattern: variant('BRAF', 'V600E'),
    tumorTypes: MEL,
    drugs: ['vemurafenib'],
    level: '1',
    citations: [fda('vemurafenib', '2011-08-17')],
    description: 'Vemurafenib is approved for unresectable or metastatic melanoma with BRAF V600E.',
  }),
  entry({
    id: 'mel-braf-v600e-dabrafenib',
    pattern: variant('BRAF', 'V600E'),
    tumorTypes: MEL,
    drugs: ['dabrafenib'],
    level: '1',
    citations: [fda('dabrafenib', '2013-05-29')],
    description: 'Dabrafenib alone is approved for unresectable or metastatic melanoma with BRAF V600E.',
  }),
  ...entries(
    {
      id: 'mel-trametinib',
      tumorTypes: MEL,
      drugs: ['trametinib'],
      level: '1',
      citations: [fda('mekinist', '2013-05-29')],
      description:
        'Trametinib alone is approved for unresectable or metastatic melanoma with BRAF V600E or V600K (not after a BRAF inhibitor).',
    },
    V600EK,
  ),
  ...entries(
    {
      id: 'mel-dabrafenib-trametinib',
      tumorTypes: MEL,
      drugs: ['dabrafenib', 'trametinib'],
      level: '1',
      citations: [
        fda('mekinist', '2014-01-08'),
        fda('dabrafenib', '2015-11-20'),
        fda('dabrafenib', '2018-04-30'),
      ],
      description:
        'Dabrafenib with trametinib is approved for unresectable or metastatic melanoma with BRAF V600E or V600K (accelerated 2014, full 2015) and as adjuvant therapy after resection (2018).',
    },
    V600EK,
  ),
  ...entries(
    {
      id: 'mel-vemurafenib-cobimetinib',
      tumorTypes: MEL,
      drugs: ['vemurafenib', 'cobimetinib'],
      level: '1',
      citations: [fda('cobimetinib', '2015-11-10')],
      description:
        'Cobimetinib with vemurafenib is approved for unresectable or metastatic melanoma with BRAF V600E or V600K.',
    },
    V600EK,
  ),
  ...entries(
    {
      id: 'mel-encorafenib-binimetinib',
      tumorTypes: MEL,
      drugs: ['encorafenib', 'binimetinib'],
      level: '1',
      citations: [fda('encorafenib', '2018-06-27'), fda('binimetinib', '2018-06-27')],
      description:
        'Encorafenib with binimetinib is approved for unresectable or metastatic melanoma with BRAF V600E or V600K.',
    },
    V600EK,
  ),
  ...entries(
    {
      id: 'mel-atezolizumab-cobimetinib-vemurafenib',
      tumorTypes: MEL,
      drugs: ['atezolizumab', 'cobimetinib', 'vemurafenib'],
      level: '1',
      citations: [fda('atezolizumab', '2020-07-30')],
      description:
        'Atezolizumab with cobimetinib and vemurafenib is approved for unresectable or metastatic BRAF V600 mutation-positive melanoma.',
    },
    V600EK,
  ),
  entry({
    id: 'mel-kit-imatinib',
    pattern: oncogenic('KIT'),
    tumorTypes: MEL,
    drugs: ['imatinib'],
    level: '2',
    citations: [
      nccn('Melanoma: Cutaneous'),
      pub('Carvajal et al., JAMA 2011: imatinib for KIT-altered metastatic melanoma (phase II)', '2011-06'),
    ],
    description:
      'Guidelines list imatinib for metastatic melanoma with activating KIT mutations; it has no FDA label in melanoma.',
  }),
];
