import type { Evidence } from '../../domain/index.js';
import { cls, codon, entries, entry, fda, fusion, oncogenic, variant } from './build.js';

/**
 * Hematologic neoplasms (OncoTree MYELOID and LYMPH branches). BCR::ABL1 is keyed on ABL1 with BCR as the
 * named partner; Ph-positive ALL is B-lymphoblastic leukemia (BLL, whose subtype BLLBCRABL1 is the exact node).
 */
const BCR_ABL1 = fusion('ABL1', 'BCR');
const CML = ['CML'];
const PH_ALL = ['BLL'];

export const HEME: readonly Evidence[] = [
  // ---------------------------------------------------------------- BCR::ABL1
  entry({
    id: 'cml-bcr-abl1-imatinib',
    pattern: BCR_ABL1,
    tumorTypes: CML,
    drugs: ['imatinib'],
    level: '1',
    citations: [fda('imatinib', '2001-05-10'), fda('imatinib', '2002-12-20')],
    description:
      'Imatinib is approved for Philadelphia chromosome-positive CML in all phases, including newly diagnosed chronic phase (2002).',
  }),
  entry({
    id: 'cml-bcr-abl1-dasatinib',
    pattern: BCR_ABL1,
    tumorTypes: CML,
    drugs: ['dasatinib'],
    level: '1',
    citations: [fda('dasatinib', '2006-06-28'), fda('dasatinib', '2010-10-28')],
    description:
      'Dasatinib is approved for Ph-positive CML resistant or intolerant to prior therapy (2006) and newly diagnosed chronic phase (2010).',
  }),
  entry({
    id: 'cml-bcr-abl1-nilotinib',
    pattern: BCR_ABL1,
    tumorTypes: CML,
    drugs: ['nilotinib'],
    level: '1',
    citations: [fda('nilotinib', '2007-10-29'), fda('nilotinib', '2010-06-17')],
    description:
      'Nilotinib is approved for Ph-positive CML resistant or intolerant to imatinib (2007) and newly diagnosed chronic phase (2010).',
  }),
  entry({
    id: 'cml-bcr-abl1-bosutinib',
    pattern: BCR_ABL1,
    tumorTypes: CML,
    drugs: ['bosutinib'],
    level: '1',
    citations: [fda('bosutinib', '2012-09-04'), fda('bosutinib', '2017-12-19')],
    description:
      'Bosutinib is approved for Ph-positive CML resistant or intolerant to prior therapy (2012) and newly diagnosed chronic phase (2017).',
  }),
  entry({
    id: 'cml-bcr-abl1-ponatinib',
    pattern: BCR_ABL1,
    tumorTypes: CML,
    drugs: ['ponatinib'],
    level: '1',
    citations: [fda('ponatinib', '2012-12-14')],
    description:
      'Ponatinib is approved for Ph-positive CML when no other kinase inhibitor is indicated, or with the T315I mutation.',
  }),
  entry({
    id: 'cml-bcr-abl1-asciminib',
    pattern: BCR_ABL1,
    tumorTypes: CML,
    drugs: ['asciminib'],
    level: '1',
    citations: [fda('asciminib', '2021-10-29'), fda('asciminib', '2024-10-29')],
    description:
      'Asciminib is approved for Ph-positive chronic-phase CML after two or more kinase inhibitors (2021) and newly diagnosed (2024).',
  }),
  entry({
    id: 'ball-bcr-abl1-imatinib',
    pattern: BCR_ABL1,
    tumorTypes: PH_ALL,
    drugs: ['imatinib'],
    level: '1',
    citations: [fda('imatinib', '2006-10-19'), fda('imatinib', '2013-01-25')],
    description:
      'Imatinib is approved for relapsed or refractory Ph-positive ALL in adults (2006) and, with chemotherapy, newly diagnosed Ph-positive ALL in children (2013).',
  }),
  entry({
    id: 'ball-bcr-abl1-dasatinib',
    pattern: BCR_ABL1,
    tumorTypes: PH_ALL,
    drugs: ['dasatinib'],
    level: '1',
    citations: [fda('dasatinib', '2006-06-28'), fda('dasatinib', '2018-12-21')],
    description:
      'Dasatinib is approved for Ph-positive ALL resistant or intolerant to prior therapy (2006) and, with chemotherapy, newly diagnosed Ph-positive ALL in children (2018).',
  }),
  entry({
    id: 'ball-bcr-abl1-ponatinib',
    pattern: BCR_ABL1,
    tumorTypes: PH_ALL,
    drugs: ['ponatinib'],
    level: '1',
    citations: [fda('ponatinib', '2012-12-14'), fda('ponatinib', '2024-03-19')],
    description:
      'Ponatinib is approved for Ph-positive ALL when no other kinase inhibitor is indicated or with T315I, and with chemotherapy for newly diagnosed disease (2024).',
  }),
  ...entries(
    {
      id: 'abl1-t315i-ponatinib',
      tumorTypes: [...CML, ...PH_ALL],
      drugs: ['ponatinib'],
      level: '1',
      citations: [fda('ponatinib', '2012-12-14')],
      description: 'Ponatinib is approved for T315I-positive CML and Ph-positive ALL.',
    },
    [variant('ABL1', 'T315I')],
  ),
  entry({
    id: 'cml-abl1-t315i-asciminib',
    pattern: variant('ABL1', 'T315I'),
    tumorTypes: CML,
    drugs: ['asciminib'],
    level: '1',
    citations: [fda('asciminib', '2021-10-29')],
    description: 'Asciminib is approved for Ph-positive chronic-phase CML with the T315I mutation.',
  }),
  // ---------------------------------------------------------------- PDGFRA / PDGFRB / FGFR1 rearrangements
  ...entries(
    {
      id: 'mds-mpn-pdgfr-imatinib',
      tumorTypes: ['MLNER', 'MDS/MPN', 'MDS', 'MPN'],
      drugs: ['imatinib'],
      level: '1',
      citations: [fda('imatinib', '2006-10-19')],
      description:
        'Imatinib is approved for myelodysplastic/myeloproliferative diseases associated with PDGFR gene rearrangements.',
    },
    [fusion('PDGFRA'), fusion('PDGFRB')],
  ),
  entry({
    id: 'cel-fip1l1-pdgfra-imatinib',
    pattern: fusion('PDGFRA', 'FIP1L1'),
    tumorTypes: ['CELNOS', 'MLNER'],
    drugs: ['imatinib'],
    level: '1',
    citations: [fda('imatinib', '2006-10-19')],
    description:
      'Imatinib is approved for hypereosinophilic syndrome and chronic eosinophilic leukemia, including FIP1L1::PDGFRA-positive disease.',
  }),
  entry({
    id: 'mln-fgfr1-pemigatinib',
    pattern: fusion('FGFR1'),
    tumorTypes: ['MLNER'],
    drugs: ['pemigatinib'],
    level: '1',
    citations: [fda('pemigatinib', '2022-08-26')],
    description:
      'Pemigatinib is approved for relapsed or refractory myeloid/lymphoid neoplasms with FGFR1 rearrangement.',
  }),
  // ---------------------------------------------------------------- AML: FLT3, IDH1, IDH2, NPM1, KMT2A, PML::RARA
  entry({
    id: 'aml-flt3-midostaurin',
    pattern: oncogenic('FLT3'),
    tumorTypes: ['AML'],
    drugs: ['midostaurin', 'cytarabine', 'daunorubicin'],
    level: '1',
    citations: [fda('midostaurin', '2017-04-28')],
    description:
      'Midostaurin with cytarabine and daunorubicin induction and consolidation is approved for newly diagnosed FLT3-mutated AML.',
  }),
  entry({
    id: 'aml-flt3-gilteritinib',
    pattern: oncogenic('FLT3'),
    tumorTypes: ['AML'],
    drugs: ['gilteritinib'],
    level: '1',
    citations: [fda('gilteritinib', '2018-11-28')],
    description: 'Gilteritinib is approved for relapsed or refractory FLT3-mutated AML.',
  }),
  // FLT3 internal tandem duplications are in-frame insertions of the juxtamembrane domain (exons 14-15).
  entry({
    id: 'aml-flt3-itd-quizartinib',
    pattern: cls('FLT3', 'inframe_insertion'),
    tumorTypes: ['AML'],
    drugs: ['quizartinib', 'cytarabine', 'anthracycline'],
    level: '1',
    citations: [fda('quizartinib', '2023-07-20')],
    description:
      'Quizartinib with standard cytarabine and anthracycline induction and consolidation, then alone as maintenance, is approved for newly diagnosed FLT3-ITD-positive AML.',
  }),
  entry({
    id: 'aml-idh1-ivosidenib',
    pattern: codon('IDH1', 132),
    tumorTypes: ['AML'],
    drugs: ['ivosidenib'],
    level: '1',
    citations: [fda('ivosidenib', '2018-07-20'), fda('ivosidenib', '2019-05-02')],
    description:
      'Ivosidenib is approved for IDH1-mutated AML: relapsed or refractory (2018) and newly diagnosed in patients 75 or older or unfit for intensive chemotherapy (2019).',
  }),
  entry({
    id: 'aml-idh1-ivosidenib-azacitidine',
    pattern: codon('IDH1', 132),
    tumorTypes: ['AML'],
    drugs: ['ivosidenib', 'azacitidine'],
    level: '1',
    citations: [fda('ivosidenib', '2022-05-25')],
    description:
      'Ivosidenib with azacitidine is approved for newly diagnosed IDH1-mutated AML in patients 75 or older or unfit for intensive chemotherapy.',
  }),
  entry({
    id: 'aml-idh1-olutasidenib',
    pattern: codon('IDH1', 132),
    tumorTypes: ['AML'],
    drugs: ['olutasidenib'],
    level: '1',
    citations: [fda('olutasidenib', '2022-12-01')],
    description: 'Olutasidenib is approved for relapsed or refractory AML with a susceptible IDH1 mutation.',
  }),
  entry({
    id: 'mds-idh1-ivosidenib',
    pattern: codon('IDH1', 132),
    tumorTypes: ['MDS'],
    drugs: ['ivosidenib'],
    level: '1',
    citations: [fda('ivosidenib', '2023-10-24')],
    description:
      'Ivosidenib is approved for relapsed or refractory myelodysplastic syndromes with a susceptible IDH1 mutation.',
  }),
  ...entries(
    {
      id: 'aml-idh2-enasidenib',
      tumorTypes: ['AML'],
      drugs: ['enasidenib'],
      level: '1',
      citations: [fda('enasidenib', '2017-08-01')],
      description:
        'Enasidenib is approved for relapsed or refractory AML with an IDH2 mutation (R140 or R172).',
    },
    [codon('IDH2', 140), codon('IDH2', 172)],
  ),
  entry({
    id: 'aml-npm1-revumenib',
    pattern: oncogenic('NPM1'),
    tumorTypes: ['AML'],
    drugs: ['revumenib'],
    level: '1',
    citations: [fda('revumenib', '2025-10-24')],
    description: 'Revumenib is approved for relapsed or refractory AML with a susceptible NPM1 mutation.',
  }),
  entry({
    id: 'aml-npm1-ziftomenib',
    pattern: oncogenic('NPM1'),
    tumorTypes: ['AML'],
    drugs: ['ziftomenib'],
    level: '1',
    citations: [fda('ziftomenib', '2025-11-13')],
    description: 'Ziftomenib is approved for relapsed or refractory AML with a susceptible NPM1 mutation.',
  }),
  entry({
    id: 'acute-leukemia-kmt2a-revumenib',
    pattern: fusion('KMT2A'),
    tumorTypes: ['AML', 'BLL', 'TLL', 'ALAL'],
    drugs: ['revumenib'],
    level: '1',
    citations: [fda('revumenib', '2024-11-15')],
    description:
      'Revumenib is approved for relapsed or refractory acute leukemia with a KMT2A translocation in adults and children one year and older.',
  }),
  entry({
    id: 'apl-pml-rara-arsenic-trioxide',
    pattern: fusion('RARA', 'PML'),
    tumorTypes: ['APLPMLRARA'],
    drugs: ['arsenic trioxide'],
    level: '1',
    citations: [fda('arsenic', '2000-09-25'), fda('arsenic', '2018-01-12')],
    description:
      'Arsenic trioxide is approved for PML::RARA (t(15;17))-positive acute promyelocytic leukemia: relapsed (2000) and, with tretinoin, newly diagnosed low-risk disease (2018).',
  }),
  // ---------------------------------------------------------------- lymphoma, histiocytic, mast cell
  entry({
    id: 'alcl-alk-crizotinib',
    pattern: fusion('ALK'),
    tumorTypes: ['ALCL'],
    drugs: ['crizotinib'],
    level: '1',
    citations: [fda('crizotinib', '2021-01-14')],
    description:
      'Crizotinib is approved for relapsed or refractory systemic ALK-positive anaplastic large cell lymphoma in patients aged 1 to 21 years.',
  }),
  ...entries(
    {
      id: 'fl-ezh2-tazemetostat',
      tumorTypes: ['FL'],
      drugs: ['tazemetostat'],
      level: '1',
      citations: [fda('tazemetostat', '2020-06-18')],
      description:
        'Tazemetostat has accelerated approval for relapsed or refractory follicular lymphoma with an EZH2 mutation after two or more systemic therapies.',
    },
    [codon('EZH2', 646), variant('EZH2', 'A682G'), variant('EZH2', 'A692V')],
  ),
  entry({
    id: 'ecd-braf-v600-vemurafenib',
    pattern: codon('BRAF', 600),
    tumorTypes: ['ECD'],
    drugs: ['vemurafenib'],
    level: '1',
    citations: [fda('vemurafenib', '2017-11-06')],
    description: 'Vemurafenib is approved for Erdheim-Chester disease with a BRAF V600 mutation.',
  }),
  entry({
    id: 'sm-kit-d816v-avapritinib',
    pattern: variant('KIT', 'D816V'),
    tumorTypes: ['SM'],
    drugs: ['avapritinib'],
    level: '1',
    citations: [fda('avapritinib', '2021-06-16'), fda('avapritinib', '2023-05-22')],
    description:
      'Avapritinib is approved for advanced (2021) and indolent (2023) systemic mastocytosis; the label is not genotype-restricted, KIT D816V being the usual driver.',
  }),
];
