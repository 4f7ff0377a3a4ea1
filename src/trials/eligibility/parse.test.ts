import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CATEGORIES, parseCriterion, type ParsedItem } from './parse.js';

const of = (items: ParsedItem[], category: ParsedItem['category']) =>
  items.filter((i) => i.category === category);

describe('parseCriterion: biomarkers', () => {
  it('reads gene + class or variant alternatives', () => {
    const [b] = of(
      parseCriterion('Documented EGFR exon 19 deletion or L858R mutation', 'inclusion'),
      'biomarker',
    );
    expect(b).toMatchObject({
      negated: false,
      anyOf: [
        { gene: 'EGFR', kind: 'class', cls: 'exon19_deletion' },
        { gene: 'EGFR', kind: 'variant', alteration: 'L858R' },
      ],
    });
  });
  it('reads KRAS G12C written with a hyphen or glued', () => {
    for (const t of [
      'KRAS-G12C mutation detected in tissue',
      'histologically confirmed KRASG12C mutation',
      'KRAS G12C-mutant NSCLC',
    ]) {
      expect(of(parseCriterion(t, 'inclusion'), 'biomarker')[0]).toMatchObject({
        anyOf: [{ gene: 'KRAS', kind: 'variant', alteration: 'G12C' }],
      });
    }
  });
  it('reads HER2-positive (IHC 3+ or ISH+) as a HER2 status', () => {
    expect(
      of(parseCriterion('HER2-positive (IHC 3+ or ISH+) breast cancer', 'inclusion'), 'biomarker')[0],
    ).toMatchObject({ anyOf: [{ gene: 'ERBB2', kind: 'status', status: 'positive' }] });
    expect(of(parseCriterion('HER2-negative disease', 'inclusion'), 'biomarker')[0]).toMatchObject({
      anyOf: [{ gene: 'ERBB2', status: 'negative' }],
    });
  });
  it('reads a HER2 IHC score as the status it means, not the "+" of "1+" as positive', () => {
    const status = (text: string) =>
      parseCriterion(text, 'inclusion').flatMap((i) =>
        i.category === 'biomarker' ? i.anyOf.map((t) => t.status ?? 'equivocal') : [],
      );
    expect(status('HER2 IHC 3+ breast cancer')).toEqual(['positive']);
    expect(status('HER2 IHC 2+/ISH+')).toEqual(['positive']);
    expect(status('HER2: 2+ (FISH amplified)')).toEqual(['positive']);
    expect(status('HER2 IHC 2+ and ISH negative')).toEqual(['low']);
    expect(status('HER2 IHC 2+ FISH non-amplified')).toEqual(['low']);
    expect(status('HER2 IHC 1+ (HER2-low) metastatic breast cancer')).toEqual(['low']);
    expect(status('HER2 (IHC 0 or 1+)')).toEqual(['negative']);
    // 2+ without ISH is equivocal: a HER2 term with no status, which the matcher leaves unknown.
    expect(status('HER2 IHC 2+')).toEqual(['equivocal']);
  });
  it('reads fusions written as partner pairs, exon-level mutations and qualified mutations', () => {
    const terms = (text: string) =>
      parseCriterion(text, 'inclusion').flatMap((i) =>
        i.category === 'biomarker' ? i.anyOf.map((t) => `${t.gene} ${t.kind}`) : [],
      );
    expect(terms('Documented EML4-ALK rearrangement')).toEqual(['ALK fusion']);
    expect(terms('EML4-ALK positive NSCLC')).toEqual(['ALK fusion']);
    expect(terms('FGFR2-BICC1 fusion')).toEqual(['FGFR2 fusion']);
    expect(terms('ETV6::NTRK3 or TPM3-NTRK1 fusion')).toEqual(['NTRK3 fusion', 'NTRK1 fusion']);
    expect(terms('KIT exon 11 deletion')).toEqual(['KIT mutation']);
    expect(terms('BRCA2 germline mutation')).toEqual(['BRCA2 mutation']);
    // Not pairs: a variant, a drug class, PD-L1.
    expect(terms('EGFR-T790M mutation')).toEqual(['EGFR variant']);
    expect(terms('PD-L1 negative')).toEqual(['CD274 status']);
    expect(
      parseCriterion('Prior EGFR-TKI therapy', 'inclusion').some((i) => i.category === 'biomarker'),
    ).toBe(false);
  });
  it('keeps a trailing negation to its own item unless it closes a bare list', () => {
    const items = (text: string) =>
      parseCriterion(text, 'inclusion').flatMap((i) =>
        i.category === 'biomarker'
          ? [`${i.negated ? 'no ' : ''}${i.anyOf.map((t) => t.gene).join('|')}`]
          : [],
      );
    expect(items('FGFR2-BICC1 fusion, IDH1 wild-type')).toEqual(['FGFR2', 'no IDH1']);
    expect(items('KRAS G12C mutation, BRAF wild-type')).toEqual(['KRAS', 'no BRAF']);
    expect(items('KRAS, NRAS and BRAF wild-type')).toEqual(['no KRAS', 'no BRAF']);
  });
  it('leaves out the drugs named as exceptions', () => {
    const drugs = (text: string) =>
      parseCriterion(text, 'inclusion').flatMap((i) => (i.category === 'prior_therapy' ? i.drugs : []));
    expect(drugs('No concurrent hormonal therapy (except leuprolide acetate for prostate cancer)')).toEqual(
      [],
    );
    expect(
      drugs('No prior chemotherapy for pancreatic cancer except for fluorouracil and/or gemcitabine'),
    ).toEqual([]);
    expect(drugs('No concurrent leucovorin or other chemotherapy agents, except 5-FU')).toEqual([
      'leucovorin',
    ]);
  });
  it('reads MSI-H/dMMR as alternatives and long forms', () => {
    expect(of(parseCriterion('MSI-H/dMMR colorectal cancer', 'inclusion'), 'biomarker')[0]).toMatchObject({
      anyOf: [
        { gene: 'MSI', status: 'high' },
        { gene: 'MMR', status: 'deficient' },
      ],
    });
    expect(
      of(parseCriterion('Tumor is mismatch repair deficient', 'inclusion'), 'biomarker')[0],
    ).toMatchObject({ anyOf: [{ gene: 'MMR', status: 'deficient' }] });
  });
  it('reads ALK rearrangement as a fusion', () => {
    expect(of(parseCriterion('Known ALK rearrangement', 'exclusion'), 'biomarker')[0]).toMatchObject({
      negated: false,
      anyOf: [{ gene: 'ALK', kind: 'fusion' }],
    });
  });
  it('reads negations', () => {
    expect(
      of(parseCriterion('No known EGFR mutation or ALK rearrangement', 'inclusion'), 'biomarker')[0],
    ).toMatchObject({ negated: true });
    expect(of(parseCriterion('Tumor must be KRAS wild-type', 'inclusion'), 'biomarker')[0]).toMatchObject({
      negated: true,
      anyOf: [{ gene: 'KRAS' }],
    });
  });
  it('keeps "A-positive, B-negative" as two conditions that must both hold', () => {
    const bs = of(
      parseCriterion('Hormone receptor-positive, HER2-negative breast cancer', 'inclusion'),
      'biomarker',
    );
    expect(bs).toHaveLength(2);
    expect(bs[0]).toMatchObject({ anyOf: [{ gene: 'HR', status: 'positive' }] });
    expect(bs[1]).toMatchObject({ anyOf: [{ gene: 'ERBB2', status: 'negative' }] });
  });
  it('reads PD-L1 thresholds with the score type', () => {
    expect(of(parseCriterion('PD-L1 TPS ≥ 50%', 'inclusion'), 'biomarker')[0]).toMatchObject({
      anyOf: [{ gene: 'CD274', threshold: { op: '>=', value: 50, scoreType: 'TPS' } }],
    });
    expect(of(parseCriterion('PD-L1 CPS \\>= 10', 'inclusion'), 'biomarker')[0]).toMatchObject({
      anyOf: [{ gene: 'CD274', threshold: { op: '>=', value: 10, scoreType: 'CPS' } }],
    });
  });
  it('does not read a drug class as a tumor biomarker', () => {
    const items = parseCriterion('Prior treatment with a KRAS G12C inhibitor', 'exclusion');
    expect(of(items, 'biomarker')).toHaveLength(0);
    expect(of(items, 'prior_therapy')[0]).toMatchObject({
      classes: ['kras_g12c_inhibitor'],
      requirement: 'received',
    });
  });
});

describe('parseCriterion: CNS metastases', () => {
  it.each([
    ['Patients with treated, stable brain metastases are eligible', 'inclusion', ['allowed_treated']],
    [
      'Active or untreated brain metastases or leptomeningeal disease',
      'exclusion',
      ['excluded_leptomeningeal', 'excluded_active'],
    ],
    ['Known brain metastases', 'exclusion', ['excluded_any']],
    ['Symptomatic CNS metastases', 'exclusion', ['excluded_active']],
    ['No active brain metastases', 'inclusion', ['excluded_active']],
    ['Must have at least one untreated brain metastasis measuring ≥ 5 mm', 'inclusion', ['required_active']],
  ] as const)('%s (%s)', (text, type, rules) => {
    expect(of(parseCriterion(text, type), 'cns_metastases').map((i) => (i as { rule: string }).rule)).toEqual(
      rules,
    );
  });
});

describe('parseCriterion: therapy, status, demographics, labs', () => {
  it('reads prior lines and classes', () => {
    const items = parseCriterion(
      'Must have received at least one prior line of platinum-based chemotherapy',
      'inclusion',
    );
    expect(of(items, 'prior_lines')[0]).toMatchObject({ min: 1 });
    expect(of(items, 'prior_therapy')[0]).toMatchObject({ classes: ['platinum'], requirement: 'received' });
    expect(
      of(
        parseCriterion('No more than 2 prior lines of systemic therapy for metastatic disease', 'inclusion'),
        'prior_lines',
      )[0],
    ).toMatchObject({ max: 2 });
  });
  it('reads progression on a named drug and "no prior" therapy', () => {
    expect(
      of(parseCriterion('Disease progression on or after osimertinib', 'inclusion'), 'prior_therapy')[0],
    ).toMatchObject({ drugs: ['osimertinib'], requirement: 'progressed_on' });
    expect(
      of(parseCriterion('Chemotherapy: No prior chemotherapy', 'inclusion'), 'prior_therapy')[0],
    ).toMatchObject({ generic: 'chemotherapy', requirement: 'not_received' });
  });
  it('reads ECOG and Karnofsky', () => {
    expect(
      of(parseCriterion('ECOG performance status of 0 or 1', 'inclusion'), 'performance_status')[0],
    ).toMatchObject({ scale: 'ECOG', min: 0, max: 1 });
    expect(of(parseCriterion('ECOG PS ≤ 2', 'inclusion'), 'performance_status')[0]).toMatchObject({
      scale: 'ECOG',
      max: 2,
    });
    expect(
      of(parseCriterion('Karnofsky performance status ≥ 70%', 'inclusion'), 'performance_status')[0],
    ).toMatchObject({ scale: 'Karnofsky', min: 70 });
  });
  it('reads age, sex, pregnancy', () => {
    expect(of(parseCriterion('Age ≥ 18 years', 'inclusion'), 'age')[0]).toMatchObject({ min: 18 });
    expect(of(parseCriterion('Aged 18 to 75 years', 'inclusion'), 'age')[0]).toMatchObject({
      min: 18,
      max: 75,
    });
    expect(of(parseCriterion('Female patients', 'inclusion'), 'sex')[0]).toMatchObject({ value: 'female' });
    expect(of(parseCriterion('Pregnant or breastfeeding women', 'exclusion'), 'pregnancy')).toHaveLength(1);
  });
  it('reads organ-function labs with operator, value and unit', () => {
    expect(
      of(parseCriterion('Absolute neutrophil count ≥ 1.5 x 10^9/L', 'inclusion'), 'organ_function')[0],
    ).toMatchObject({ lab: 'ANC', op: '>=', value: 1.5 });
    expect(
      of(parseCriterion('Total bilirubin \\<= 1.5 x ULN', 'inclusion'), 'organ_function')[0],
    ).toMatchObject({ lab: 'bilirubin', op: '<=', value: 1.5, unit: '× ULN' });
  });
  it('reads cancer type, stage and extent', () => {
    const items = parseCriterion(
      'Histologically confirmed stage IIIB-IV non-small cell lung cancer',
      'inclusion',
    );
    expect(of(items, 'cancer_type')[0]).toMatchObject({ codes: ['NSCLC'] });
    expect(of(items, 'stage')[0]).toMatchObject({ stages: ['IIIB', 'IV'] });
    expect(
      of(parseCriterion('Locally advanced or metastatic disease', 'inclusion'), 'disease_extent')[0],
    ).toMatchObject({ anyOf: ['metastatic', 'locally_advanced'] });
  });
  it('does not read a second-malignancy clause as the trial population', () => {
    expect(
      of(
        parseCriterion(
          'History of another malignancy except treated basal cell carcinoma or breast cancer in situ',
          'exclusion',
        ),
        'cancer_type',
      ),
    ).toHaveLength(0);
  });
  it('leaves what it does not understand unparsed', () => {
    expect(parseCriterion('Able to provide written informed consent', 'inclusion')).toEqual([]);
  });
});

describe('parseCriterion: prior therapy as registries write it', () => {
  const prior = (text: string, type: 'inclusion' | 'exclusion' = 'inclusion') =>
    of(parseCriterion(text, type), 'prior_therapy');
  const lines = (text: string, type: 'inclusion' | 'exclusion' = 'inclusion') =>
    of(parseCriterion(text, type), 'prior_lines');

  it('reads "… is not allowed" / "… are excluded" by the criterion type', () => {
    const t = 'Prior treatment with a KRAS G12C inhibitor is not allowed';
    expect(prior(t, 'inclusion')).toEqual([
      expect.objectContaining({ classes: ['kras_g12c_inhibitor'], requirement: 'not_received' }),
    ]);
    expect(prior(t, 'exclusion')[0]).toMatchObject({ requirement: 'received' });
    expect(prior('Patients who have received prior anti-PD-1/PD-L1 therapy are excluded')[0]).toMatchObject({
      classes: ['pd1_pdl1'],
      requirement: 'not_received',
      window: false,
    });
  });
  it('reads progression on a class with the line count', () => {
    const items = parseCriterion(
      'Must have progressed on or after at least one platinum-based chemotherapy regimen',
      'inclusion',
    );
    expect(of(items, 'prior_therapy')[0]).toMatchObject({
      classes: ['platinum'],
      requirement: 'progressed_on',
    });
    expect(of(items, 'prior_lines')[0]).toMatchObject({ min: 1 });
    expect(
      prior('Documented disease progression during or after treatment with an EGFR inhibitor')[0],
    ).toMatchObject({ classes: ['egfr_tki'], requirement: 'progressed_on' });
  });
  it('reads a ceiling on lines without inventing a therapy condition', () => {
    const t = 'No more than 2 prior lines of systemic therapy for metastatic disease';
    expect(lines(t)).toEqual([{ category: 'prior_lines', max: 2 }]);
    expect(prior(t)).toEqual([]);
    const u = 'Have not received more than 2 prior chemotherapy regimens for advanced disease';
    expect(lines(u)[0]).toMatchObject({ max: 2 });
    expect(prior(u)).toEqual([]);
  });
  it('reads line ranges and "second-line or later"', () => {
    expect(lines('Received at least 1 but no more than 3 prior regimens')[0]).toMatchObject({
      min: 1,
      max: 3,
    });
    expect(
      lines('Subjects must have received at least one but no more than two prior systemic therapies')[0],
    ).toMatchObject({ min: 1, max: 2 });
    expect(lines('Eligible for treatment in the second-line or later setting')[0]).toMatchObject({ min: 1 });
  });
  it('reads named drugs, including ones known only by their name stem', () => {
    expect(prior('Previously treated with osimertinib')[0]).toMatchObject({
      drugs: ['osimertinib'],
      requirement: 'received',
    });
    expect(prior('Prior treatment with dasatinib or asciminib', 'exclusion')[0]).toMatchObject({
      drugs: ['dasatinib', 'asciminib'],
      requirement: 'received',
    });
  });
  it.each([
    ['Prior therapy with a PARP inhibitor', 'parp_inhibitor'],
    ['Prior treatment with CDK4/6 inhibitors', 'cdk46_inhibitor'],
    ['Previous treatment with an ALK inhibitor', 'alk_inhibitor'],
    ['Prior anthracycline exposure', 'anthracycline'],
    ['Prior exposure to taxanes', 'taxane'],
    ['Prior fluoropyrimidine-based chemotherapy', 'fluoropyrimidine'],
    ['Prior treatment with an aromatase inhibitor', 'endocrine'],
    ['Prior HER2-targeted therapy', 'anti_her2'],
    ['Prior immune checkpoint blockade', 'pd1_pdl1'],
    ['Prior treatment with a PD-(L)1 inhibitor', 'pd1_pdl1'],
    ['Prior treatment with a novel hormonal agent', 'antiandrogen'],
  ] as const)('reads the class in "%s"', (text, cls) => {
    expect(prior(text, 'exclusion')[0]).toMatchObject({ requirement: 'received' });
    expect((prior(text, 'exclusion')[0] as { classes: string[] }).classes).toContain(cls);
  });
  it('reads "no prior …" and "-naive" as not received', () => {
    expect(prior('No prior immunotherapy')[0]).toMatchObject({
      classes: ['pd1_pdl1'],
      requirement: 'not_received',
    });
    expect(prior('Patients must be chemotherapy-naive')[0]).toMatchObject({
      generic: 'chemotherapy',
      requirement: 'not_received',
    });
    expect(prior('No prior pelvic radiotherapy')[0]).toMatchObject({
      generic: 'radiotherapy',
      requirement: 'not_received',
    });
  });
  it('reads "prior … allowed" as no condition, and an allowance with a timing condition as a timing rule', () => {
    expect(prior('Prior checkpoint inhibitor therapy is permitted')).toEqual([]);
    expect(
      prior('Prior taxane therapy in the adjuvant setting is allowed if completed > 12 months before')[0],
    ).toMatchObject({ classes: ['taxane'], requirement: 'received', window: true });
  });
  it('keeps the condition of one sentence apart from an allowance or a note in the next', () => {
    expect(
      prior(
        'Prior treatment with dasatinib. Prior receipt of other TKIs and chemotherapy is permitted.',
        'exclusion',
      ),
    ).toEqual([expect.objectContaining({ drugs: ['dasatinib'], classes: [], requirement: 'received' })]);
    expect(
      prior(
        'Patients must have relapsed on prior anti-PD-1 therapy. Note: Progression on ipilimumab is not required.',
      )[0],
    ).toMatchObject({ drugs: [], classes: ['pd1_pdl1'], requirement: 'progressed_on' });
  });
  it('keeps an unqualified "chemotherapy" beside a class as an alternative', () => {
    expect(
      prior(
        'Must have received at least one prior line of chemotherapy or ADC therapy for metastatic disease',
      )[0],
    ).toMatchObject({ classes: ['adc'], generic: 'chemotherapy', requirement: 'received' });
  });
  it('reads a count of lines containing a drug (exclusion) as lines, not as having had the drug', () => {
    const t =
      'More than 1 line of therapy containing tucatinib, lapatinib or neratinib in the metastatic setting.';
    expect(lines(t, 'exclusion')[0]).toMatchObject({ min: 2 });
    expect(prior(t, 'exclusion')).toEqual([]);
  });
  it('reads a completion rule with a symbol as a timing rule', () => {
    expect(
      prior(
        'Prior stereotactic radiosurgery (SRS) should be completed >=7 days before study treatment initiation.',
      )[0],
    ).toMatchObject({ generic: 'radiotherapy', window: true });
  });
  it('does not read unfitness, study-treatment timing or toxicity as a therapy history', () => {
    expect(prior('Not amenable to curative treatment with surgery or radiation')).toEqual([]);
    expect(prior('Recovered from prior endocrine therapy')).toEqual([]);
    expect(
      prior('Spinal cord compression not definitively treated with surgery or radiation', 'exclusion'),
    ).toEqual([]);
    expect(
      prior('Negative pregnancy test within 24 h before administration of 89Zr-DFO-nimotuzumab'),
    ).toEqual([]);
    expect(
      prior('Laboratory values obtained within 14 days prior to the first cycle of chemotherapy'),
    ).toEqual([]);
  });
});

describe('parseCriterion: prior therapy, standard therapy, new classes and clauses', () => {
  const prior = (text: string, type: 'inclusion' | 'exclusion' = 'inclusion') =>
    of(parseCriterion(text, type), 'prior_therapy');
  it('reads refractory to / exhausted / failed standard therapy as progression on systemic therapy', () => {
    for (const t of [
      'Refractory to all standard therapies',
      'Patient has exhausted standard treatment options',
      'Relapsed after standard of care therapy',
      'Advanced cancer for which all standard therapy has failed',
    ])
      expect(prior(t), t).toEqual([
        {
          category: 'prior_therapy',
          drugs: [],
          classes: [],
          generic: 'systemic',
          requirement: 'progressed_on',
          window: false,
        },
      ]);
  });
  it('does not read availability or timing of standard therapy as a treatment history', () => {
    expect(prior('No standard therapy available')).toEqual([]);
    expect(prior('Tumors for which no standard therapy exists')).toEqual([]);
    expect(prior('Measurable disease prior to standard therapy')).toEqual([]);
    expect(prior('Not amenable to or has failed standard therapy')).toEqual([]);
    expect(prior('Patients must be candidates for standard therapy')).toEqual([]);
  });
  it('reads degrader, BTK and radioligand classes', () => {
    expect(
      prior(
        'Have received prior therapy with a GSPT1 degrader that was discontinued due to an AE',
        'exclusion',
      ),
    ).toMatchObject([{ classes: ['gspt1_degrader'], requirement: 'received' }]);
    expect(prior('Previously treated with a BTK degrader', 'exclusion')).toMatchObject([
      { classes: ['btk_degrader'], requirement: 'received' },
    ]);
    expect(prior('Must have previously received a Bruton tyrosine kinase (BTK) inhibitor')).toMatchObject([
      { classes: ['btk_inhibitor'], requirement: 'received' },
    ]);
    expect(prior('Prior PSMA-targeted radioligand therapy', 'exclusion')).toMatchObject([
      { classes: ['radioligand'], requirement: 'received' },
    ]);
    expect(prior('No prior radiopharmaceuticals')).toMatchObject([
      { classes: ['radiopharmaceutical'], requirement: 'not_received' },
    ]);
    expect(prior('PRRT-naive subjects with NETs')).toMatchObject([
      { classes: ['radioligand'], requirement: 'not_received' },
    ]);
    // A degrader is no inhibitor; a PSMA scan and a radionuclide scan name no therapy.
    expect(prior('Previously treated with a BTK degrader', 'exclusion')).toMatchObject([
      { classes: ['btk_degrader'] },
    ]);
    expect(prior('PSMA PET positive disease after prior imaging')).toEqual([]);
    expect(prior('Ejection fraction >= 50% by prior radionuclide scan')).toEqual([]);
    expect(prior('Prior GSPT1 testing is required')).toEqual([]);
  });
  it('reads radioligand drugs written with the isotope', () => {
    expect(prior('Prior cycle of 177Lu-PSMA-617 therapy', 'exclusion')).toMatchObject([
      { drugs: ['lutetium lu 177 vipivotide tetraxetan'], requirement: 'received' },
    ]);
    expect(prior('Prior 177Lu Dotatate treatment', 'exclusion')).toMatchObject([
      { drugs: ['lutetium lu 177 dotatate'], requirement: 'received' },
    ]);
    expect(prior('Prior treatment with radium-223 within 4 weeks', 'exclusion')).toMatchObject([
      { drugs: ['radium ra 223 dichloride'], window: true },
    ]);
  });
  it('reads a class abbreviation in parentheses after the spelled-out name', () => {
    expect(
      prior('Progressed on a prior human epidermal growth factor receptor (EGFR) inhibitor'),
    ).toMatchObject([{ classes: ['egfr_tki'], requirement: 'progressed_on' }]);
    expect(prior('Progression during or after a PD-(L)1 immune CPI')).toMatchObject([
      { classes: ['pd1_pdl1'], requirement: 'progressed_on' },
    ]);
    // Glued to the word before it, the abbreviation is left as written.
    expect(
      prior('Prior third-generation EGFR tyrosine kinase inhibitor(EGFR-TKI)', 'exclusion'),
    ).toMatchObject([{ classes: ['egfr_tki'] }]);
  });
  it('gives each ";" clause with its own verb its own requirement, and keeps ";" lists whole', () => {
    expect(
      prior('Prior treatment with pembrolizumab is allowed; patients must not have received ipilimumab'),
    ).toEqual([
      {
        category: 'prior_therapy',
        drugs: ['ipilimumab'],
        classes: [],
        requirement: 'not_received',
        window: false,
      },
    ]);
    expect(
      prior(
        'Multiple myeloma - must have received prior chemotherapy; consolidation of chemotherapy by autografting is permitted',
      ),
    ).toMatchObject([{ generic: 'chemotherapy', requirement: 'received' }]);
    expect(prior('No prior cisplatin; carboplatin; or oxaliplatin')).toMatchObject([
      { drugs: ['cisplatin', 'carboplatin', 'oxaliplatin'], requirement: 'not_received' },
    ]);
    expect(prior('Prior cisplatin, carboplatin; or oxaliplatin is not allowed')).toMatchObject([
      { drugs: ['cisplatin', 'carboplatin', 'oxaliplatin'], requirement: 'not_received' },
    ]);
  });
  it('does not read toxicity from earlier therapy, or a lesion in a radiation field, as a treatment rule', () => {
    expect(prior('Adverse events from any prior anticancer therapy of grade >1', 'exclusion')).toEqual([]);
    expect(
      prior('The toxicity of previous anti-tumor therapy has not been alleviated.', 'exclusion'),
    ).toEqual([]);
    expect(prior('Measurable disease that has not been in the field of prior radiotherapy')).toEqual([]);
    // A washout beside the field rule, and a discontinuation for toxicity, still are.
    expect(
      prior('Prior radiotherapy completed at least 4 weeks before; lesions outside prior radiation fields'),
    ).toMatchObject([{ generic: 'radiotherapy', window: true }]);
    expect(prior('Prior anti-PD-1 discontinued due to toxicity', 'exclusion')).toMatchObject([
      { classes: ['pd1_pdl1'], requirement: 'received' },
    ]);
  });
});

describe('parseCriterion: anti-TGF-β and anti-CLDN18.2 classes, washouts, degrader drugs, alternatives', () => {
  const prior = (text: string, type: 'inclusion' | 'exclusion' = 'inclusion') =>
    of(parseCriterion(text, type), 'prior_therapy');
  it('reads anti-TGF-β therapy by class phrase and by drug', () => {
    for (const t of [
      'Prior treatment with any anti-TGFβ therapy',
      'Prior anti-TGF-beta antibody',
      'Previously treated with a TGF-β trap',
      'Prior PD-L1/TGF-β bifunctional fusion protein',
      'Prior therapy targeting TGF-beta',
    ])
      expect(prior(t, 'exclusion'), t).toMatchObject([
        { classes: ['tgfb_inhibitor'], requirement: 'received' },
      ]);
    expect(prior('Prior bintrafusp alfa (M7824) or fresolimumab', 'exclusion')).toMatchObject([
      { drugs: ['bintrafusp alfa', 'fresolimumab'], requirement: 'received' },
    ]);
    // The pathway as a marker or a level is no therapy.
    expect(prior('TGF-β expression by IHC prior to enrollment')).toEqual([]);
  });
  it('reads anti-CLDN18.2 therapy, and not the CLDN18.2 marker status', () => {
    expect(prior('Participants must not have previously received anti-CLDN18.2 therapy.')).toMatchObject([
      { classes: ['anti_cldn18_2'], requirement: 'not_received' },
    ]);
    expect(prior('Prior zolbetuximab or claudin 18.2-targeted therapy', 'exclusion')).toMatchObject([
      { drugs: ['zolbetuximab'], classes: ['anti_cldn18_2'], requirement: 'received' },
    ]);
    expect(prior('Prior exposure to any CLDN18.2 targeted agents', 'exclusion')).toMatchObject([
      { classes: ['anti_cldn18_2'] },
    ]);
    expect(prior('CLDN18.2-positive confirmed by pathological examination before enrollment')).toEqual([]);
    expect(prior('Positive claudin (CLDN)18.2 test result prior to first dose')).toEqual([]);
  });
  it('reads a general anticancer washout whose antibodies are examples or have their own interval', () => {
    const any = { generic: 'systemic', requirement: 'received', window: true };
    expect(
      prior(
        'Received anticancer therapy, including monoclonal antibodies, within 4 weeks before the first dose',
        'exclusion',
      ),
    ).toMatchObject([{ drugs: [], classes: [], ...any }]);
    expect(
      prior(
        'Prior systemic anticancer therapy within 5 half-lives or 4 weeks (if prior therapy was a monoclonal antibody)',
        'exclusion',
      ),
    ).toMatchObject([any]);
    // Classes given as examples keep their place, but the condition is any anticancer therapy.
    expect(
      prior(
        'Any systemic anti-cancer therapy (e.g., chemotherapy, immunotherapy or biological therapy [including monoclonal antibodies]) within 6 weeks',
        'exclusion',
      ),
    ).toMatchObject([any]);
    // A kind that narrows the therapy, outside an example list, still is no "any anticancer therapy".
    expect(prior('Prior anti-tumor vaccines or other systemic anti-tumor therapy', 'exclusion')).toEqual([]);
    expect(prior('Prior systemic therapy with anti-tumor antibodies', 'exclusion')).toEqual([]);
  });
  it('reads "X has not been performed" and "none previous" as not received', () => {
    expect(prior('Previous systemic cytotoxic chemotherapy has not been performed.')).toMatchObject([
      { generic: 'chemotherapy', requirement: 'not_received' },
    ]);
    expect(prior('None previous chemotherapy or targeted therapy')).toMatchObject([
      { requirement: 'not_received' },
    ]);
  });
  it('reads androgen deprivation as endocrine therapy', () => {
    expect(prior('Must have received androgen-deprivation therapy')).toMatchObject([
      { classes: ['endocrine'], requirement: 'received' },
    ]);
    expect(prior('Prior ADT for more than 6 months', 'exclusion')).toMatchObject([
      { classes: ['endocrine'] },
    ]);
  });
  it('does not make progression a hard requirement when it is one of several alternatives', () => {
    for (const t of [
      'Solid tumor that is refractory to standard therapy or for which no standard therapy exists',
      'Refractory to, or no standard therapy exists',
      'Patients have progressed on, rejected, or are intolerant of standard therapy, or for whom no standard therapy exists',
      'Progressive/refractory, ineligible, or intolerant to available standard therapy',
      'Must have progressed on platinum-based chemotherapy or be ineligible for it',
      'Refractory to all standard therapies, unless the subject is not a candidate for standard treatment',
    ])
      expect(prior(t), t).toEqual([]);
    // Both alternatives say the patient had it: received, not progressed.
    expect(prior('Must have progressed on or be intolerant to platinum-based chemotherapy')).toMatchObject([
      { classes: ['platinum'], requirement: 'received' },
    ]);
    // "and" joins conditions; "on or after" is one time, not two alternatives.
    expect(
      prior('Advanced solid tumor that has failed standard therapy and no standard options available'),
    ).toMatchObject([{ generic: 'systemic', requirement: 'progressed_on' }]);
    expect(prior('Progressed on or after platinum with no other treatment options')).toMatchObject([
      { classes: ['platinum'], requirement: 'progressed_on' },
    ]);
    // In an exclusion the alternatives are "any of" already: the progression stays.
    expect(prior('Progressed on a PD-1 inhibitor or not a candidate for it', 'exclusion')).toMatchObject([
      { classes: ['pd1_pdl1'], requirement: 'received' },
    ]);
  });
});

describe('parseCriterion: properties', () => {
  it('never throws and only emits known categories', () => {
    const words = fc.constantFrom(
      'EGFR',
      'KRAS G12C',
      'HER2-',
      'MSI-H',
      'brain metastases',
      'no',
      'prior',
      'osimertinib',
      '≥',
      '<=',
      'ECOG',
      '2',
      '18',
      'years',
      'stage IV',
      'or',
      'and',
      '/',
      ',',
      'PD-L1',
      'TPS',
      '%',
      'x ULN',
      'Karnofsky',
      'pregnant',
      'untreated',
      'allowed',
    );
    fc.assert(
      fc.property(
        fc.array(fc.oneof(words, fc.string({ maxLength: 12 })), { maxLength: 25 }),
        fc.constantFrom('inclusion' as const, 'exclusion' as const),
        (parts, type) => {
          const items = parseCriterion(parts.join(' '), type);
          for (const i of items) expect(CATEGORIES).toContain(i.category);
        },
      ),
      { numRuns: 500 },
    );
  });
});

describe('parseCriterion: the cheap prefilters keep abbreviations and edge spellings', () => {
  it('reads class abbreviations and case-sensitive RT past the therapy-word gate', () => {
    expect(parseCriterion('Prior ICIs are not allowed', 'inclusion')).toEqual([
      {
        category: 'prior_therapy',
        drugs: [],
        classes: ['pd1_pdl1'],
        requirement: 'not_received',
        window: false,
      },
    ]);
    expect(parseCriterion('Prior treatment with PARPi', 'exclusion')).toEqual([
      {
        category: 'prior_therapy',
        drugs: [],
        classes: ['parp_inhibitor'],
        requirement: 'received',
        window: false,
      },
    ]);
    expect(parseCriterion('Prior RT to the target lesion within 2 weeks', 'exclusion')).toEqual([
      {
        category: 'prior_therapy',
        drugs: [],
        classes: [],
        generic: 'radiotherapy',
        requirement: 'received',
        window: true,
      },
    ]);
  });
  it('finds an abbreviation that follows blanked study-drug wording', () => {
    // REFERENCE_TIME blanks "before the first dose of study drug", leaving "ICI" at a word start.
    const items = parseCriterion(
      'Participants who received prior chemotherapy before the first dose of study drugICI',
      'exclusion',
    );
    expect(items).toEqual([
      {
        category: 'prior_therapy',
        drugs: [],
        classes: ['pd1_pdl1'],
        generic: 'chemotherapy',
        requirement: 'received',
        window: false,
      },
    ]);
  });
  it('reads a lab next to a performance status', () => {
    expect(parseCriterion('ECOG 0-1; ANC >= 1.5 x 10^9/L', 'inclusion')).toEqual([
      { category: 'performance_status', scale: 'ECOG', min: 0, max: 1 },
      { category: 'organ_function', lab: 'ANC', op: '>=', value: 1.5, unit: '×' },
    ]);
  });
});
