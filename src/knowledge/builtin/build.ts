import type {
  AlterationClass,
  AlterationPattern,
  BiomarkerName,
  Citation,
  Evidence,
  Level,
} from '../../domain/index.js';

/**
 * Small builders for the built-in knowledge tables: they keep each data file to one readable line per
 * indication and make the id, release and effect conventions impossible to get wrong.
 */

/** Release of the built-in knowledge. Bump when an entry changes; `date` is the day the facts were checked. */
export const BUILTIN_VERSION = '2026.11';
export const BUILTIN_DATE = '2026-11-25';
export const BUILTIN_SOURCE = 'builtin';

// ------------------------------------------------------------------------------------------ citations

interface LabelInfo {
  brand: string;
  generic: string;
  /** FDA application: NDA (small molecules, CDER) or BLA (biologics), as listed on Drugs@FDA. */
  appl?: string;
}

/**
 * FDA labels we cite, keyed by a short name. Application numbers are the current application of the
 * marketed product on Drugs@FDA (e.g. Gleevec tablets NDA 021588, not the retired capsule NDA).
 */
export const LABELS = {
  abemaciclib: { brand: 'Verzenio', generic: 'abemaciclib', appl: 'NDA 208716' },
  adagrasib: { brand: 'Krazati', generic: 'adagrasib', appl: 'NDA 216340' },
  afatinib: { brand: 'Gilotrif', generic: 'afatinib', appl: 'NDA 201292' },
  akeega: { brand: 'Akeega', generic: 'niraparib and abiraterone acetate', appl: 'NDA 216793' },
  alectinib: { brand: 'Alecensa', generic: 'alectinib', appl: 'NDA 208434' },
  alpelisib: { brand: 'Piqray', generic: 'alpelisib', appl: 'NDA 212526' },
  amivantamab: { brand: 'Rybrevant', generic: 'amivantamab', appl: 'BLA 761210' },
  arsenic: { brand: 'Trisenox', generic: 'arsenic trioxide', appl: 'NDA 021248' },
  asciminib: { brand: 'Scemblix', generic: 'asciminib', appl: 'NDA 215358' },
  atezolizumab: { brand: 'Tecentriq', generic: 'atezolizumab', appl: 'BLA 761034' },
  avapritinib: { brand: 'Ayvakit', generic: 'avapritinib', appl: 'NDA 212608' },
  avutometinib: {
    brand: 'Avmapki Fakzynja Co-Pack',
    generic: 'avutometinib and defactinib',
    appl: 'NDA 219616',
  },
  binimetinib: { brand: 'Mektovi', generic: 'binimetinib', appl: 'NDA 210498' },
  bosutinib: { brand: 'Bosulif', generic: 'bosutinib', appl: 'NDA 203341' },
  brigatinib: { brand: 'Alunbrig', generic: 'brigatinib', appl: 'NDA 208772' },
  capivasertib: { brand: 'Truqap', generic: 'capivasertib', appl: 'NDA 218197' },
  capmatinib: { brand: 'Tabrecta', generic: 'capmatinib', appl: 'NDA 213591' },
  cemiplimab: { brand: 'Libtayo', generic: 'cemiplimab', appl: 'BLA 761097' },
  ceritinib: { brand: 'Zykadia', generic: 'ceritinib', appl: 'NDA 211225' },
  cetuximab: { brand: 'Erbitux', generic: 'cetuximab', appl: 'BLA 125084' },
  cobimetinib: { brand: 'Cotellic', generic: 'cobimetinib', appl: 'NDA 206192' },
  crizotinib: { brand: 'Xalkori', generic: 'crizotinib', appl: 'NDA 202570' },
  dabrafenib: { brand: 'Tafinlar', generic: 'dabrafenib', appl: 'NDA 202806' },
  dacomitinib: { brand: 'Vizimpro', generic: 'dacomitinib', appl: 'NDA 211288' },
  dasatinib: { brand: 'Sprycel', generic: 'dasatinib', appl: 'NDA 021986' },
  datopotamab: { brand: 'Datroway', generic: 'datopotamab deruxtecan', appl: 'BLA 761464' },
  dordaviprone: { brand: 'Modeyso', generic: 'dordaviprone', appl: 'NDA 219876' },
  dostarlimab: { brand: 'Jemperli', generic: 'dostarlimab', appl: 'BLA 761174' },
  durvalumab: { brand: 'Imfinzi', generic: 'durvalumab', appl: 'BLA 761069' },
  elacestrant: { brand: 'Orserdu', generic: 'elacestrant', appl: 'NDA 217639' },
  enasidenib: { brand: 'Idhifa', generic: 'enasidenib', appl: 'NDA 209606' },
  encorafenib: { brand: 'Braftovi', generic: 'encorafenib', appl: 'NDA 210496' },
  ensartinib: { brand: 'Ensacove', generic: 'ensartinib', appl: 'NDA 218171' },
  entrectinib: { brand: 'Rozlytrek', generic: 'entrectinib', appl: 'NDA 212725' },
  erdafitinib: { brand: 'Balversa', generic: 'erdafitinib', appl: 'NDA 212018' },
  erlotinib: { brand: 'Tarceva', generic: 'erlotinib', appl: 'NDA 021743' },
  fulvestrant: { brand: 'Faslodex', generic: 'fulvestrant', appl: 'NDA 021344' },
  futibatinib: { brand: 'Lytgobi', generic: 'futibatinib', appl: 'NDA 214801' },
  gefitinib: { brand: 'Iressa', generic: 'gefitinib', appl: 'NDA 206995' },
  gilteritinib: { brand: 'Xospata', generic: 'gilteritinib', appl: 'NDA 211349' },
  imatinib: { brand: 'Gleevec', generic: 'imatinib', appl: 'NDA 021588' },
  imlunestrant: { brand: 'Inluriyo', generic: 'imlunestrant', appl: 'NDA 218881' },
  inavolisib: { brand: 'Itovebi', generic: 'inavolisib', appl: 'NDA 219249' },
  ipilimumab: { brand: 'Yervoy', generic: 'ipilimumab', appl: 'BLA 125377' },
  ivosidenib: { brand: 'Tibsovo', generic: 'ivosidenib', appl: 'NDA 211192' },
  kadcyla: { brand: 'Kadcyla', generic: 'ado-trastuzumab emtansine', appl: 'BLA 125427' },
  lapatinib: { brand: 'Tykerb', generic: 'lapatinib', appl: 'NDA 022059' },
  larotrectinib: { brand: 'Vitrakvi', generic: 'larotrectinib', appl: 'NDA 210861' },
  lazertinib: { brand: 'Lazcluze', generic: 'lazertinib', appl: 'NDA 219008' },
  lenvatinib: { brand: 'Lenvima', generic: 'lenvatinib', appl: 'NDA 206947' },
  lorlatinib: { brand: 'Lorbrena', generic: 'lorlatinib', appl: 'NDA 210868' },
  margetuximab: { brand: 'Margenza', generic: 'margetuximab', appl: 'BLA 761150' },
  mekinist: { brand: 'Mekinist', generic: 'trametinib', appl: 'NDA 204114' },
  midostaurin: { brand: 'Rydapt', generic: 'midostaurin', appl: 'NDA 207997' },
  neratinib: { brand: 'Nerlynx', generic: 'neratinib', appl: 'NDA 208051' },
  nilotinib: { brand: 'Tasigna', generic: 'nilotinib', appl: 'NDA 022068' },
  niraparib: { brand: 'Zejula', generic: 'niraparib', appl: 'NDA 214876' },
  nivolumab: { brand: 'Opdivo', generic: 'nivolumab', appl: 'BLA 125554' },
  olaparib: { brand: 'Lynparza', generic: 'olaparib', appl: 'NDA 208558' },
  olutasidenib: { brand: 'Rezlidhia', generic: 'olutasidenib', appl: 'NDA 215814' },
  osimertinib: { brand: 'Tagrisso', generic: 'osimertinib', appl: 'NDA 208065' },
  palbociclib: { brand: 'Ibrance', generic: 'palbociclib', appl: 'NDA 207103' },
  panitumumab: { brand: 'Vectibix', generic: 'panitumumab', appl: 'BLA 125147' },
  pembrolizumab: { brand: 'Keytruda', generic: 'pembrolizumab', appl: 'BLA 125514' },
  pemigatinib: { brand: 'Pemazyre', generic: 'pemigatinib', appl: 'NDA 213736' },
  pertuzumab: { brand: 'Perjeta', generic: 'pertuzumab', appl: 'BLA 125409' },
  phesgo: { brand: 'Phesgo', generic: 'pertuzumab, trastuzumab and hyaluronidase', appl: 'BLA 761170' },
  ponatinib: { brand: 'Iclusig', generic: 'ponatinib', appl: 'NDA 203469' },
  pralsetinib: { brand: 'Gavreto', generic: 'pralsetinib', appl: 'NDA 213721' },
  quizartinib: { brand: 'Vanflyta', generic: 'quizartinib', appl: 'NDA 216993' },
  ramucirumab: { brand: 'Cyramza', generic: 'ramucirumab', appl: 'BLA 125477' },
  regorafenib: { brand: 'Stivarga', generic: 'regorafenib', appl: 'NDA 203085' },
  repotrectinib: { brand: 'Augtyro', generic: 'repotrectinib', appl: 'NDA 218213' },
  revumenib: { brand: 'Revuforj', generic: 'revumenib', appl: 'NDA 218944' },
  ribociclib: { brand: 'Kisqali', generic: 'ribociclib', appl: 'NDA 209092' },
  ripretinib: { brand: 'Qinlock', generic: 'ripretinib' },
  rucaparib: { brand: 'Rubraca', generic: 'rucaparib', appl: 'NDA 209115' },
  selpercatinib: { brand: 'Retevmo', generic: 'selpercatinib', appl: 'NDA 213246' },
  sevabertinib: { brand: 'Hyrnuo', generic: 'sevabertinib', appl: 'NDA 219972' },
  sotorasib: { brand: 'Lumakras', generic: 'sotorasib', appl: 'NDA 214665' },
  sunitinib: { brand: 'Sutent', generic: 'sunitinib', appl: 'NDA 021938' },
  sunvozertinib: { brand: 'Zegfrovy', generic: 'sunvozertinib', appl: 'NDA 219839' },
  talazoparib: { brand: 'Talzenna', generic: 'talazoparib', appl: 'NDA 211651' },
  taletrectinib: { brand: 'Ibtrozi', generic: 'taletrectinib', appl: 'NDA 219713' },
  tazemetostat: { brand: 'Tazverik', generic: 'tazemetostat', appl: 'NDA 211723' },
  tdxd: { brand: 'Enhertu', generic: 'fam-trastuzumab deruxtecan', appl: 'BLA 761139' },
  tepotinib: { brand: 'Tepmetko', generic: 'tepotinib', appl: 'NDA 214096' },
  tovorafenib: { brand: 'Ojemda', generic: 'tovorafenib', appl: 'NDA 217700' },
  trastuzumab: { brand: 'Herceptin', generic: 'trastuzumab', appl: 'BLA 103792' },
  tucatinib: { brand: 'Tukysa', generic: 'tucatinib', appl: 'NDA 213411' },
  vemurafenib: { brand: 'Zelboraf', generic: 'vemurafenib', appl: 'NDA 202429' },
  vorasidenib: { brand: 'Voranigo', generic: 'vorasidenib', appl: 'NDA 218784' },
  zanidatamab: { brand: 'Ziihera', generic: 'zanidatamab', appl: 'BLA 761416' },
  zenocutuzumab: { brand: 'Bizengri', generic: 'zenocutuzumab', appl: 'BLA 761352' },
  ziftomenib: { brand: 'Komzifti', generic: 'ziftomenib', appl: 'NDA 220305' },
  zongertinib: { brand: 'Hernexeos', generic: 'zongertinib', appl: 'NDA 219042' },
} as const satisfies Record<string, LabelInfo>;
export type LabelKey = keyof typeof LABELS;

/** Drugs@FDA overview page of an application (CDER lists both NDAs and therapeutic BLAs there). */
export function drugsAtFdaUrl(appl: string): string {
  const digits = appl.replace(/\D/g, '').padStart(6, '0');
  return `https://www.accessdata.fda.gov/scripts/cder/daf/index.cfm?event=overview.process&ApplNo=${digits}`;
}

/** Citation of an FDA label for one indication; `date` is the approval date of that indication. */
export function fda(key: LabelKey, date: string): Citation {
  const info: LabelInfo = LABELS[key];
  const c: Citation = { kind: 'fda_label', label: `FDA label: ${info.brand} (${info.generic})`, date };
  if (info.appl !== undefined) {
    c.id = info.appl;
    c.url = drugsAtFdaUrl(info.appl);
  }
  return c;
}

/** NCCN guideline citation (no public version date we can state for every recommendation, so none is given). */
export function nccn(guideline: string): Citation {
  return {
    kind: 'guideline',
    label: `NCCN Clinical Practice Guidelines in Oncology: ${guideline}`,
    url: 'https://www.nccn.org/guidelines',
  };
}

/** A publication: `date` is YYYY-MM (or YYYY-MM-DD) of print publication; `pmid` only when checked. */
export function pub(label: string, date: string, pmid?: string): Citation {
  const c: Citation = { kind: 'publication', label, date };
  if (pmid !== undefined) {
    c.id = `PMID:${pmid}`;
    c.url = `https://pubmed.ncbi.nlm.nih.gov/${pmid}/`;
  }
  return c;
}

// ------------------------------------------------------------------------------------------- patterns

export const variant = (gene: string, alteration: string): AlterationPattern => ({
  type: 'variant',
  gene,
  alteration,
});
export const codon = (gene: string, position: number): AlterationPattern => ({
  type: 'codon',
  gene,
  position,
});
export const cls = (gene: string, c: AlterationClass): AlterationPattern => ({
  type: 'class',
  gene,
  class: c,
});
export const oncogenic = (gene: string): AlterationPattern => ({ type: 'oncogenic', gene });
export const anyMutation = (gene: string): AlterationPattern => ({ type: 'anyMutation', gene });
export const amp = (gene: string): AlterationPattern => ({ type: 'amplification', gene });
export const del = (gene: string): AlterationPattern => ({ type: 'deletion', gene });
export const fusion = (gene: string, partner?: string): AlterationPattern =>
  partner === undefined ? { type: 'fusion', gene } : { type: 'fusion', gene, partner };
export const status = (biomarker: BiomarkerName, statuses: string[]): AlterationPattern => ({
  type: 'biomarker',
  biomarker,
  statuses,
});
export const MSI_H = status('MSI', ['MSI-H']);
export const DMMR = status('MMR', ['dMMR']);
export const PMMR = status('MMR', ['pMMR']);
/** HER2-positive by IHC/ISH (IHC 3+, or ISH amplified), the label wording "HER2-positive". */
export const HER2_POSITIVE = status('HER2', ['3+', 'positive', 'ISH+']);
export const HER2_IHC3 = status('HER2', ['3+']);
/** HER2-low: IHC 1+, or IHC 2+ with negative ISH. */
export const HER2_LOW = status('HER2', ['1+', '2+']);
/** ER-positive; ER-low (1-10% of cells) is left out on purpose, since endocrine benefit there is uncertain. */
export const ER_POSITIVE = status('ER', ['positive']);
export const HRD_POSITIVE = status('HRD', ['positive']);
/** TMB threshold; at the conventional 10 mut/Mb a reported `TMB-H` status without a value also matches. */
export const tmbAtLeast = (min: number): AlterationPattern =>
  min === 10
    ? { type: 'biomarker', biomarker: 'TMB', min, statuses: ['TMB-H'] }
    : { type: 'biomarker', biomarker: 'TMB', min };
export const pdl1 = (scoreType: 'TPS' | 'CPS' | 'TC' | 'IC', min: number): AlterationPattern => ({
  type: 'biomarker',
  biomarker: 'PD-L1',
  scoreType,
  min,
});

/** Short id fragment for a pattern, used when one indication is written for several patterns. */
export function patternSlug(p: AlterationPattern): string {
  switch (p.type) {
    case 'variant':
      return `${p.gene}-${p.alteration}`;
    case 'codon':
      return `${p.gene}-codon${p.position}`;
    case 'class':
      return `${p.gene}-${p.class}`;
    case 'oncogenic':
      return `${p.gene}-oncogenic`;
    case 'anyMutation':
      return `${p.gene}-mut`;
    case 'amplification':
      return `${p.gene}-amp`;
    case 'deletion':
      return `${p.gene}-del`;
    case 'fusion':
      return p.partner === undefined ? `${p.gene}-fusion` : `${p.partner}-${p.gene}`;
    case 'biomarker': {
      const s = p.statuses?.join('-') ?? '';
      const score =
        p.scoreType !== undefined ? `${p.scoreType}${p.min ?? ''}` : p.min !== undefined ? `${p.min}` : '';
      return [p.biomarker, s, score].filter((x) => x !== '').join('-');
    }
  }
}

// -------------------------------------------------------------------------------------------- entries

export interface EntrySpec {
  /** Id without the `builtin:` prefix; lower-case words joined by `-`. */
  id: string;
  pattern: AlterationPattern;
  tumorTypes: string[];
  excludedTumorTypes?: string[];
  drugs: string[];
  level: Level;
  citations: Citation[];
  description: string;
}

export function entry(s: EntrySpec): Evidence {
  const resistance = s.level === 'R1' || s.level === 'R2';
  return {
    id: `builtin:${s.id
      .toLowerCase()
      .replace(/[^a-z0-9*]+/g, '-')
      .replace(/^-|-$/g, '')}`,
    source: BUILTIN_SOURCE,
    release: BUILTIN_VERSION,
    pattern: s.pattern,
    tumorTypes: s.tumorTypes,
    excludedTumorTypes: s.excludedTumorTypes ?? [],
    drugs: s.drugs.map((d) => d.toLowerCase()),
    effect: resistance ? 'resistance' : 'sensitivity',
    level: s.level,
    citations: s.citations,
    description: s.description,
    researchUseOnly: false,
  };
}

/** One indication written for several alteration patterns (e.g. BRAF V600E and V600K): one entry each. */
export function entries(base: Omit<EntrySpec, 'pattern'>, patterns: AlterationPattern[]): Evidence[] {
  return patterns.map((pattern) => entry({ ...base, id: `${base.id}-${patternSlug(pattern)}`, pattern }));
}

/**
 * "HER2-positive" indications: written twice, for the IHC/ISH result and for ERBB2 amplification found by
 * sequencing, since a case may carry either (labels define positivity as IHC 3+ or ISH amplification).
 */
export function her2Positive(base: Omit<EntrySpec, 'pattern'>): Evidence[] {
  return entries(base, [HER2_POSITIVE, amp('ERBB2')]);
}
