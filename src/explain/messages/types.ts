import type { BiomarkerName, MetastaticSiteCode } from '../../domain/index.js';
import type { BodyRegion } from '../cancer-types.js';

/**
 * The shape of a message catalog. Every user-facing string of the reports lives in one catalog
 * (messages/en.ts), so a translation is one new file that satisfies this interface. Sentences that depend
 * on the case are functions of plain values; they never reach into the domain model.
 */

/** One option explained in a sentence, e.g. a local treatment or a kind of medicine. */
export interface Explained {
  name: string;
  text: string;
}

export interface SiteText {
  /** Noun phrase used inside sentences: "the brain", "the lymph nodes". */
  name: string;
  /** Short label for headings and the body map: "Brain". */
  label: string;
  /** Common symptoms, each a short phrase. */
  symptoms: string[];
  /** Warning signs that need urgent care, each a short phrase. */
  urgent: string[];
  /** Local (site-directed) treatments, each explained in one sentence. */
  treatments: Explained[];
}

/** Keys of the cancer types we write content for (see cancer-types.ts for the OncoTree mapping). */
export const CANCER_KEYS = [
  'melanoma',
  'colorectal',
  'breast',
  'nsclc',
  'sclc',
  'prostate',
  'pancreas',
  'neuroendocrine',
  'ovarian',
  'kidney',
  'bladder',
  'gastroesophageal',
  'head_neck',
  'thyroid',
  'endometrial',
  'liver',
  'biliary',
  'sarcoma',
  'gist',
  'other',
] as const;
export type CancerKey = (typeof CANCER_KEYS)[number];

export interface CancerText {
  /** "melanoma", "colorectal cancer" — used as "your melanoma". */
  name: string;
  /** Where it starts, completing "It started in …": "the skin cells that make pigment". */
  startedIn: string;
  /** One or two sentences: where this cancer usually spreads. */
  spread: string;
  /** Medicines that act on the whole body, in plain words. */
  systemic: Explained[];
  /** Honest, hopeful, non-numeric word on cure and control for this cancer. */
  outlook: string;
  /** Tests people with this cancer often have, to ask about when missing (plain phrases). */
  usualTests: string[];
}

export interface GlossaryEntry {
  term: string;
  definition: string;
  /**
   * Lower-case words or phrases whose presence in the text means the entry is needed. Matched on word
   * boundaries; the term itself is always matched.
   */
  aliases?: string[];
}

export interface BiomarkerText {
  /** What the test measures, in one or two sentences. */
  what: string;
  /** What a positive/high result can mean for treatment. */
  positive: string;
}

export interface Messages {
  lang: string;
  /** Fixed text of the patient report; functions build the case-dependent sentences. */
  patient: PatientMessages;
  clinician: ClinicianMessages;
  sites: Record<MetastaticSiteCode, SiteText>;
  cancers: Record<CancerKey, CancerText>;
  /** Gene → one or two plain sentences on what the gene normally does. */
  genes: Record<string, string>;
  biomarkers: Record<BiomarkerName, BiomarkerText>;
  glossary: Record<string, GlossaryEntry>;
  /**
   * Words a patient may not know. Whenever one appears in the patient narrative, the glossary of the
   * report must explain it (checked by a test).
   */
  jargon: string[];
  /** Phrases that promise a result; none may appear in a report (checked by a test). */
  forbiddenPromises: RegExp[];
  /** Labels used by the HTML/Markdown renderers and the body map. */
  render: RenderMessages;
}

export interface RenderMessages {
  skipLink: string;
  contents: string;
  generatedOn: (date: string) => string;
  pageOf: string;
  bodyMapTitle: string;
  bodyMapDesc: (primary: string | null, sites: string[]) => string;
  bodyMapLegendPrimary: string;
  bodyMapLegendSpread: string;
  bodyMapPrimaryUnknown: string;
  /** Body-map label of the start: "Skin (where it started)". */
  bodyMapStart: (region: string) => string;
  regions: Record<BodyRegion, string>;
  tableLabel: (caption: string) => string;
  figure: string;
}

export interface FindingWords {
  gene: string;
  /** Phrase naming the change: "a change in the BRAF gene (V600E)". */
  change: string;
  /** "pills" | "medicines". */
  medicineWord: string;
}

export interface PatientMessages {
  title: string;
  subtitle: (cancer: string) => string;
  notPrescription: string;
  inShort: string;
  sections: {
    meaning: string;
    symptoms: string;
    treatment: string;
    targeted: string;
    cure: string;
    prevent: string;
    trials: string;
    caregivers: string;
    questions: string;
    glossary: string;
    about: string;
  };
  // 1. What metastatic means
  meaningStarted: (cancer: string, startedIn: string) => string;
  meaningSpread: (cancer: string, sites: string) => string;
  meaningNoSites: string;
  meaningSameCancer: (cancer: string, siteExample: string | null) => string;
  meaningStage4: (cancer: string) => string;
  meaningUnknownPrimary: string;
  usualSpreadHeading: string;
  bodyMapCaption: (cancer: string) => string;
  // 2. Symptoms
  symptomsIntro: string;
  /** What the case says about a site's tumors (treated, stable…); null when it says nothing. */
  siteStatus: (
    site: string,
    status: 'active' | 'untreated' | 'treated' | 'stable' | 'progressing' | 'unknown',
  ) => string | null;
  symptomsCommon: string;
  symptomsUrgent: string;
  symptomsGeneral: string;
  symptomsOtherHeading: string;
  // 3. Treatment
  treatmentIntro: string;
  systemicHeading: string;
  localHeading: (site: string) => string;
  localNone: string;
  treatmentTeam: string;
  priorIntro: string;
  /** How the cancer responded (RECIST best response, in words); null when not known. */
  priorResponse: (
    response: 'CR' | 'PR' | 'SD' | 'PD' | 'NE' | 'unknown',
    progressed: boolean,
  ) => string | null;
  // 4. Targeted / immunotherapy
  targetedIntro: string;
  findingApproved: (w: FindingWords, drugs: string) => string;
  findingOtherCancer: (w: FindingWords, drugs: string) => string;
  findingResearch: (w: FindingWords) => string;
  findingResistance: (w: FindingWords, drugs: string) => string;
  findingNoDrug: (w: FindingWords) => string;
  alsoResistance: (drugs: string) => string;
  biomarkerFound: (name: string) => string;
  biomarkerNegative: string;
  usualTests: (cancer: string, tests: string) => string;
  /** Drugs given together: "dabrafenib with trametinib". */
  combination: (drugs: string[]) => string;
  /** A shortened list: "a, b, c and others". */
  andOthers: (shown: string[]) => string;
  otherChanges: (count: number) => string;
  biomarkersHeading: string;
  findingsHeading: string;
  nothingActionable: string;
  nothingActionableHope: string;
  noTestResults: string;
  testsHeading: string;
  missingTestsIntro: string;
  missingTest: Record<'MSI' | 'TMB' | 'PD-L1' | 'panel', string>;
  geneLead: (gene: string) => string;
  changeMutation: (gene: string, alteration: string | null) => string;
  changeAmplification: (gene: string) => string;
  changeDeletion: (gene: string) => string;
  changeFusion: (gene: string, partner: string | null) => string;
  changeOther: (gene: string) => string;
  medicinePills: string;
  medicinesGeneric: string;
  // 5. Cure
  cureGeneral: string;
  cureDepends: string;
  // 6. Prevent further spread
  prevent: string[];
  // 7. Trials
  trialsIntro: string;
  trialsOff: string;
  trialsNoData: string;
  trialsNone: string;
  trialsMatchIntro: (count: number) => string;
  trialReasons: string;
  trialOtherChecks: string;
  trialUnknowns: string;
  trialNearest: (place: string) => string;
  trialNoSite: string;
  trialId: (nctId: string) => string;
  trialsHowToAsk: string[];
  /** How to look for trials when this report lists none. */
  trialsHowToFind: string[];
  // Caregivers
  caregivers: string[];
  caregiverSelf: string;
  caregiverBring: string[];
  caregiverBringIntro: string;
  // Questions
  questionsIntro: string;
  questionsGeneral: string[];
  questionTargeted: string;
  questionNoActionable: string;
  questionTrials: string;
  questionSite: (site: string) => string;
  // Glossary / about
  glossaryIntro: string;
  aboutKnowledge: (releases: string) => string;
  aboutVersion: (version: string, date: string) => string;
  noKnowledge: string;
  /** A knowledge release in words: "onconav's built-in knowledge, version 2026.11 of 2026-11-20". */
  knowledgeRelease: (r: { source: string; version: string; date: string }) => string;
  aboutData: string;
  summaryCancer: (cancer: string, sites: string) => string;
  summaryFindingsApproved: (genes: string) => string;
  summaryFindingsNone: string;
  summaryFindingsResearch: (genes: string) => string;
  summaryFindingsOtherCancer: (names: string) => string;
  summaryBiomarkersApproved: (names: string) => string;
  /** Appended to a biomarker's explanation when the knowledge links it to medicines. */
  biomarkerApproved: (drugs: string) => string;
  biomarkerOtherCancer: (drugs: string) => string;
  summaryTrials: (count: number) => string;
  summaryTalk: string;
  listJoin: (items: string[]) => string;
}

export interface ClinicianMessages {
  title: string;
  subtitle: (caseId: string) => string;
  notPrescription: string;
  sections: {
    summary: string;
    actionable: string;
    resistance: string;
    oncogenic: string;
    vus: string;
    trials: string;
    siteOptions: string;
    provenance: string;
    methods: string;
  };
  fields: {
    caseId: string;
    tumorType: string;
    sites: string;
    stage: string;
    age: string;
    sex: string;
    ecog: string;
    tmb: string;
    msi: string;
    biomarkers: string;
    priorTherapies: string;
    samples: string;
    notReported: string;
  };
  cols: {
    field: string;
    value: string;
    gene: string;
    alteration: string;
    level: string;
    amp: string;
    therapies: string;
    context: string;
    sources: string;
    oncogenicity: string;
    effect: string;
    type: string;
    criterion: string;
    verdict: string;
    reason: string;
    toSettle: string;
    site: string;
    options: string;
    source: string;
    version: string;
    date: string;
    file: string;
    sha256: string;
    format: string;
  };
  none: string;
  levelInThisType: string;
  levelOtherType: (sourceLevel: string) => string;
  trialsOff: string;
  trialsNoData: (command: string) => string;
  trialsNone: string;
  trialHeader: (nctId: string, title: string) => string;
  trialMeta: (phase: string, status: string, score: string, site: string) => string;
  verdicts: Record<'met' | 'not_met' | 'unknown', string>;
  tmbValue: (value: string, provenance: string) => string;
  provenanceOnconav: (version: string, date: string) => string;
  noInputs: string;
  methods: string[];
  limitations: string[];
  conflicts: (text: string) => string;
  progressed: string;
  sampleCounts: (alterations: number, biomarkers: number) => string;
  researchUseOnly: string;
  issuesHeading: string;
}
