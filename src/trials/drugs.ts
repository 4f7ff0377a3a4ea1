/**
 * Drug names and classes as trial eligibility text uses them ("prior EGFR TKI", "platinum-based chemotherapy",
 * "anti-PD-1/PD-L1"). Generic names, lower case. Membership follows each drug's approved mechanism; when a
 * drug belongs to several classes it is listed in each. Regimen acronyms expand to their drugs.
 */
export const DRUG_CLASSES = {
  egfr_tki: [
    'osimertinib',
    'erlotinib',
    'gefitinib',
    'afatinib',
    'dacomitinib',
    'lazertinib',
    'amivantamab',
    'mobocertinib',
  ],
  alk_inhibitor: ['crizotinib', 'alectinib', 'brigatinib', 'ceritinib', 'lorlatinib', 'ensartinib'],
  ros1_inhibitor: ['crizotinib', 'entrectinib', 'repotrectinib', 'lorlatinib', 'taletrectinib'],
  kras_g12c_inhibitor: ['sotorasib', 'adagrasib', 'divarasib', 'glecirasib', 'garsorasib', 'olomorasib'],
  braf_inhibitor: ['vemurafenib', 'dabrafenib', 'encorafenib'],
  mek_inhibitor: ['trametinib', 'cobimetinib', 'binimetinib', 'selumetinib'],
  met_inhibitor: ['capmatinib', 'tepotinib', 'savolitinib', 'crizotinib'],
  ret_inhibitor: ['selpercatinib', 'pralsetinib'],
  trk_inhibitor: ['larotrectinib', 'entrectinib', 'repotrectinib'],
  pd1_pdl1: [
    'pembrolizumab',
    'nivolumab',
    'atezolizumab',
    'durvalumab',
    'avelumab',
    'cemiplimab',
    'dostarlimab',
    'tislelizumab',
    'toripalimab',
    'sintilimab',
    'camrelizumab',
    'retifanlimab',
    // Bifunctional fusions of an anti-PD-L1 antibody with a TGF-β receptor II trap: in both classes.
    'bintrafusp alfa',
    'retlirafusp alfa',
  ],
  ctla4: ['ipilimumab', 'tremelimumab'],
  platinum: ['cisplatin', 'carboplatin', 'oxaliplatin'],
  // `paclitaxel protein-bound` is the knowledge base's name (src/normalize/therapy.ts) for nab-paclitaxel.
  taxane: ['paclitaxel', 'docetaxel', 'nab-paclitaxel', 'paclitaxel protein-bound', 'cabazitaxel'],
  fluoropyrimidine: ['fluorouracil', 'capecitabine', 'tegafur', 'trifluridine'],
  anthracycline: ['doxorubicin', 'epirubicin', 'daunorubicin', 'idarubicin'],
  topoisomerase_i: ['irinotecan', 'topotecan'],
  anti_her2: [
    'trastuzumab',
    'pertuzumab',
    'trastuzumab emtansine',
    'trastuzumab deruxtecan',
    'lapatinib',
    'neratinib',
    'tucatinib',
    'margetuximab',
    'zanidatamab',
  ],
  anti_egfr_antibody: ['cetuximab', 'panitumumab', 'amivantamab'],
  anti_vegf: ['bevacizumab', 'ramucirumab', 'aflibercept'],
  cdk46_inhibitor: ['palbociclib', 'ribociclib', 'abemaciclib'],
  parp_inhibitor: ['olaparib', 'niraparib', 'rucaparib', 'talazoparib'],
  endocrine: ['tamoxifen', 'letrozole', 'anastrozole', 'exemestane', 'fulvestrant', 'elacestrant'],
  antiandrogen: [
    'enzalutamide',
    'abiraterone',
    'apalutamide',
    'darolutamide',
    'bicalutamide',
    'flutamide',
    'nilutamide',
  ],
  adc: [
    'trastuzumab emtansine',
    'trastuzumab deruxtecan',
    'sacituzumab govitecan',
    'datopotamab deruxtecan',
    'enfortumab vedotin',
    'tisotumab vedotin',
    'mirvetuximab soravtansine',
    'patritumab deruxtecan',
  ],
  pemetrexed: ['pemetrexed'],
  btk_inhibitor: ['ibrutinib', 'acalabrutinib', 'zanubrutinib', 'pirtobrutinib'],
  // Degraders are mostly named in criteria by their target ("a GSPT1 degrader", "a BTK degrader"); none is
  // approved. Listed are only the clinical compounds whose target published trial and pharmacology reports
  // agree on, so that a case treated with one meets the class:
  // - GSPT1: eragidomide (CC-90009, a cereblon modulator that degrades GSPT1) and MRT-2359 (a GSPT1
  //   molecular glue). Not listed: CD33-antibody conjugates that carry a GSPT1 degrader as payload (their
  //   class as a whole is the antibody's target, and the names we found were not consistent).
  // - BTK: bexobrutideg (NX-5948), catadegbrutinib (BGB-16673) and NX-2127 (which also degrades IKZF1/3; no
  //   INN we could confirm, so its code is its name). Not listed: other "BTK degrader" codes seen in
  //   pipelines without a trial report that states the mechanism.
  gspt1_degrader: ['eragidomide', 'mrt-2359'],
  btk_degrader: ['bexobrutideg', 'catadegbrutinib', 'nx-2127'],
  // TGF-β pathway: ligand antibodies (fresolimumab), receptor I (ALK5) kinase inhibitors (galunisertib,
  // vactosertib) and the PD-L1 / TGF-β receptor II trap fusions (bintrafusp alfa, retlirafusp alfa).
  tgfb_inhibitor: ['bintrafusp alfa', 'retlirafusp alfa', 'fresolimumab', 'galunisertib', 'vactosertib'],
  // Claudin 18.2 antibodies: zolbetuximab (approved) and osemitamab (TST001). CLDN18.2 ADCs and CAR-T cells
  // count by the class phrase; their names are left out until one is approved.
  anti_cldn18_2: ['zolbetuximab', 'osemitamab'],
  // Radioligands carry a targeting ligand (PSMA, somatostatin receptor); radiopharmaceuticals are every
  // systemically given radionuclide therapy, radium-223 included. The names are the knowledge base's
  // (src/normalize/therapy.ts: pluvicto, xofigo).
  radioligand: ['lutetium lu 177 vipivotide tetraxetan', 'lutetium lu 177 dotatate'],
  radiopharmaceutical: [
    'lutetium lu 177 vipivotide tetraxetan',
    'lutetium lu 177 dotatate',
    'radium ra 223 dichloride',
  ],
} as const satisfies Record<string, readonly string[]>;
export type DrugClass = keyof typeof DRUG_CLASSES;

/** Regimen acronyms → drugs (FOLFOX = fluorouracil + leucovorin + oxaliplatin, and so on). */
export const REGIMENS: Record<string, string[]> = {
  folfox: ['fluorouracil', 'leucovorin', 'oxaliplatin'],
  folfiri: ['fluorouracil', 'leucovorin', 'irinotecan'],
  folfoxiri: ['fluorouracil', 'leucovorin', 'oxaliplatin', 'irinotecan'],
  folfirinox: ['fluorouracil', 'leucovorin', 'irinotecan', 'oxaliplatin'],
  capox: ['capecitabine', 'oxaliplatin'],
  xelox: ['capecitabine', 'oxaliplatin'],
  'carboplatin/pemetrexed': ['carboplatin', 'pemetrexed'],
  ac: ['doxorubicin', 'cyclophosphamide'],
  'ac-t': ['doxorubicin', 'cyclophosphamide', 'paclitaxel'],
  tchp: ['docetaxel', 'carboplatin', 'trastuzumab', 'pertuzumab'],
  'gem/cis': ['gemcitabine', 'cisplatin'],
};

/** Brand and short names seen in notes and criteria. */
const SYNONYMS: Record<string, string> = {
  tagrisso: 'osimertinib',
  tarceva: 'erlotinib',
  iressa: 'gefitinib',
  gilotrif: 'afatinib',
  keytruda: 'pembrolizumab',
  opdivo: 'nivolumab',
  tecentriq: 'atezolizumab',
  imfinzi: 'durvalumab',
  yervoy: 'ipilimumab',
  lumakras: 'sotorasib',
  krazati: 'adagrasib',
  herceptin: 'trastuzumab',
  perjeta: 'pertuzumab',
  kadcyla: 'trastuzumab emtansine',
  't-dm1': 'trastuzumab emtansine',
  tdm1: 'trastuzumab emtansine',
  enhertu: 'trastuzumab deruxtecan',
  't-dxd': 'trastuzumab deruxtecan',
  tdxd: 'trastuzumab deruxtecan',
  avastin: 'bevacizumab',
  erbitux: 'cetuximab',
  vectibix: 'panitumumab',
  ibrance: 'palbociclib',
  kisqali: 'ribociclib',
  verzenio: 'abemaciclib',
  lynparza: 'olaparib',
  tukysa: 'tucatinib',
  alecensa: 'alectinib',
  lorbrena: 'lorlatinib',
  '5-fu': 'fluorouracil',
  '5fu': 'fluorouracil',
  'nab paclitaxel': 'nab-paclitaxel',
  abraxane: 'nab-paclitaxel',
  xeloda: 'capecitabine',
  taxol: 'paclitaxel',
  taxotere: 'docetaxel',
  alimta: 'pemetrexed',
  'trastuzumab-deruxtecan': 'trastuzumab deruxtecan',
  pluvicto: 'lutetium lu 177 vipivotide tetraxetan',
  'vipivotide tetraxetan': 'lutetium lu 177 vipivotide tetraxetan',
  lutathera: 'lutetium lu 177 dotatate',
  xofigo: 'radium ra 223 dichloride',
  'ra-223': 'radium ra 223 dichloride',
  'ra 223': 'radium ra 223 dichloride',
  ra223: 'radium ra 223 dichloride',
  imbruvica: 'ibrutinib',
  calquence: 'acalabrutinib',
  brukinsa: 'zanubrutinib',
  jaypirca: 'pirtobrutinib',
  // Antibody-drug conjugates by their first word, as notes often write them.
  sacituzumab: 'sacituzumab govitecan',
  trodelvy: 'sacituzumab govitecan',
  enfortumab: 'enfortumab vedotin',
  padcev: 'enfortumab vedotin',
  tisotumab: 'tisotumab vedotin',
  mirvetuximab: 'mirvetuximab soravtansine',
  gleevec: 'imatinib',
  glivec: 'imatinib',
  sutent: 'sunitinib',
  stivarga: 'regorafenib',
  lonsurf: 'trifluridine',
  // Development codes as registries write them (with the hyphen); brand names.
  vyloy: 'zolbetuximab',
  tst001: 'osemitamab',
  bintrafusp: 'bintrafusp alfa',
  'shr-1701': 'retlirafusp alfa',
  'cc-90009': 'eragidomide',
  'nx-5948': 'bexobrutideg',
  'bgb-16673': 'catadegbrutinib',
};

/**
 * Radionuclide drugs written with the isotope in many ways ("177Lu-PSMA-617", "Lu-177 PSMA",
 * "[177Lu]Lu-DOTA-TATE", "radium-223", "Ra-223"): a pattern on the lower-case text, the drugs it names, and
 * the literal word every match contains (for the prefilter below).
 */
const LU177 = String.raw`(?:177\s*-?\s*lu|\blu(?:tetium)?\s*-?\s*\(?177)`;
const ISOTOPE_PATTERNS: Array<[RegExp, string[], string]> = [
  [new RegExp(`${LU177}[^.;,]{0,12}?psma`), ['lutetium lu 177 vipivotide tetraxetan'], 'psma'],
  // Not "225Ac-PSMA-617" (actinium): another isotope on the same ligand.
  [/(?<!(?:225|ac)[\]\s-]{0,4})\bpsma-?617\b/, ['lutetium lu 177 vipivotide tetraxetan'], 'psma'],
  [new RegExp(`${LU177}[^.;,]{0,12}?dota-?(?:tate|0-tyr3)`), ['lutetium lu 177 dotatate'], 'dota'],
  [new RegExp(`${LU177}[^.;,]{0,4}?oxodotreotide`), ['lutetium lu 177 dotatate'], 'oxodotreotide'],
  [/\bradium[- ]?(?:ra[- ]?)?223\b/, ['radium ra 223 dichloride'], 'radium'],
];

/** Salt and formulation words the registry appends to generic names ("doxorubicin hydrochloride"). */
const SALTS =
  /\s+(hydrochloride|hcl|sulfate|sulphate|mesylate|maleate|citrate|tartrate|phosphate|sodium|disodium|acetate|besylate|tosylate|dimaleate|liposomal|liposome|injection|tablets?|capsules?|oral|iv)\b/gi;

const ALL_DRUGS = new Set<string>([
  ...Object.values(DRUG_CLASSES).flat(),
  ...Object.values(REGIMENS).flat(),
  'gemcitabine',
  'cyclophosphamide',
  'etoposide',
  'vinorelbine',
  'leucovorin',
  'temozolomide',
  'lenvatinib',
  'sorafenib',
  'regorafenib',
  'cabozantinib',
  'sunitinib',
  'pazopanib',
  'axitinib',
  'everolimus',
  'alpelisib',
  'capivasertib',
  'inavolisib',
  'tarlatamab',
  // Older cytotoxics that legacy washout rules name ("6 weeks since prior mitomycin or melphalan").
  'melphalan',
  'mitomycin',
  'bleomycin',
  'vincristine',
  'vinblastine',
  'ifosfamide',
  'dacarbazine',
  'mitoxantrone',
  'eribulin',
  'trabectedin',
  'ivosidenib',
  'futibatinib',
  'pemigatinib',
  'erdafitinib',
  'belzutifan',
  // Common anticancer drugs a patient's history names (free-text notes): without them "progressed on
  // imatinib" read as no treatment. INNs as listed in the drugs' FDA labels; no class where none above fits.
  'imatinib',
  'dasatinib',
  'nilotinib',
  'bosutinib',
  'ponatinib',
  'ripretinib',
  'avapritinib',
  'tivozanib',
  'fruquintinib',
  'temsirolimus',
  'venetoclax',
  'relatlimab',
  'lomustine',
  'carmustine',
  'leuprolide',
  'goserelin',
  'degarelix',
  'relugolix',
  'lurbinectedin',
  'selinexor',
  'lenalidomide',
  'pomalidomide',
  'thalidomide',
  'bortezomib',
  'carfilzomib',
  'daratumumab',
  'rituximab',
  'obinutuzumab',
  'azacitidine',
  'decitabine',
  'cytarabine',
  'blinatumomab',
  'tebentafusp',
]);

/** Generic lower-case name for a drug string, or null when it is not a drug we know. */
export function normalizeDrug(text: string): string | null {
  const t = text.toLowerCase().replace(SALTS, '').replace(/[®™]/g, '').trim();
  const syn = Object.hasOwn(SYNONYMS, t) ? SYNONYMS[t] : undefined;
  if (syn) return syn;
  if (ALL_DRUGS.has(t)) return t;
  return null;
}

/** Each pattern with the word it needs literally (the first pass below finds which words occur). */
const DRUG_PATTERNS: Array<[RegExp, string[], string]> = [
  ...[...ALL_DRUGS].map((d): [RegExp, string[], string] => [new RegExp(`\\b${escapeRe(d)}\\b`), [d], d]),
  ...Object.entries(SYNONYMS).map(([syn, d]): [RegExp, string[], string] => [
    new RegExp(`(^|[^a-z0-9])${escapeRe(syn)}($|[^a-z0-9])`),
    [d],
    syn,
  ]),
  ...Object.entries(REGIMENS)
    .filter(([reg]) => reg.length > 2)
    .map(([reg, drugs]): [RegExp, string[], string] => [
      new RegExp(`(^|[^a-z0-9])${escapeRe(reg)}($|[^a-z0-9])`),
      drugs,
      reg,
    ]),
  ...ISOTOPE_PATTERNS,
];
/**
 * Every lower-case word findDrugs can find (generic, brand and regimen names): a text that contains none of
 * them names no drug. Exported so that callers can build cheaper prefilters that cover it.
 */
export const DRUG_WORDS: readonly string[] = [
  ...ALL_DRUGS,
  ...Object.keys(SYNONYMS),
  ...Object.keys(REGIMENS).filter((r) => r.length > 2),
  ...new Set(ISOTOPE_PATTERNS.map(([, , w]) => w)),
];
/** Cheap first pass: does the text contain any drug word at all? */
const ANY_DRUG = new RegExp(
  // A word that contains another one ("nab-paclitaxel", "paclitaxel") adds nothing to this test.
  DRUG_WORDS.filter((w) => !DRUG_WORDS.some((v) => v !== w && w.includes(v)))
    .map(escapeRe)
    .join('|'),
);
/**
 * The longest drug word starting at each position (longest first in the alternation). Any drug word that
 * occurs starts where such a longest word does and is a prefix of it, so DRUG_PREFIXES lists every word present.
 */
const DRUG_WORD_AT = new RegExp(
  `(?=(${[...DRUG_WORDS]
    .sort((a, b) => b.length - a.length)
    .map(escapeRe)
    .join('|')}))`,
  'g',
);
const DRUG_PREFIXES = new Map<string, string[]>(
  DRUG_WORDS.map((w) => [w, DRUG_WORDS.filter((v) => w.startsWith(v))]),
);

/** Drugs named in a free-text span: generic names, brand names and regimen acronyms. */
export function findDrugs(text: string): string[] {
  const lower = text.toLowerCase();
  if (!ANY_DRUG.test(lower)) return [];
  // Only the patterns of words that occur can match; testing the other ~190 would cost far more.
  const present = new Set<string>();
  for (const m of lower.matchAll(DRUG_WORD_AT))
    for (const w of DRUG_PREFIXES.get(m[1]!) ?? []) present.add(w);
  const out = new Set<string>();
  for (const [re, drugs, word] of DRUG_PATTERNS)
    if (present.has(word) && re.test(lower)) for (const d of drugs) out.add(d);
  // "nab-paclitaxel" also contains "paclitaxel"; keep the specific one only.
  if (out.has('nab-paclitaxel')) out.delete('paclitaxel');
  if (out.has('trastuzumab deruxtecan') || out.has('trastuzumab emtansine')) out.delete('trastuzumab');
  return [...out];
}

export function drugClassesOf(drug: string): DrugClass[] {
  return (Object.keys(DRUG_CLASSES) as DrugClass[]).filter((c) =>
    (DRUG_CLASSES[c] as readonly string[]).includes(drug),
  );
}

/** Class phrases in eligibility text → class ids. Ordered: specific before general. */
export const CLASS_PATTERNS: Array<[RegExp, DrugClass]> = [
  [
    /\bKRAS[ -]?G12C[ -]?(directed |targeted )?(inhibitor|therapy|agent)s?\b|\b(targeting|against) KRAS[ -]?G12C\b/i,
    'kras_g12c_inhibitor',
  ],
  [/\bEGFR[- ](TKI|tyrosine kinase inhibitor)s?\b|\bEGFR[- ]targeted\b/i, 'egfr_tki'],
  [/\bALK[- ](TKI|inhibitor|tyrosine kinase inhibitor)s?\b/i, 'alk_inhibitor'],
  [/\bROS1[- ](TKI|inhibitor)s?\b/i, 'ros1_inhibitor'],
  [/\bBRAF( V600)?[- ]?(inhibitor|targeted)s?\b/i, 'braf_inhibitor'],
  [/\bMEK[- ]?inhibitor/i, 'mek_inhibitor'],
  [/\bMET[- ](TKI|inhibitor)s?\b/i, 'met_inhibitor'],
  [/\bRET[- ](TKI|inhibitor)s?\b/i, 'ret_inhibitor'],
  [/\b(TRK|NTRK)[- ]inhibitor/i, 'trk_inhibitor'],
  [
    /\banti[- ]?PD-?(L)?1\b|\bPD-?(L)?1[ /-]*(PD-?L1 )?(inhibitor|antibod|blockade|blocker|directed|targeted)|\bimmune checkpoint inhibitor|\bcheckpoint inhibitor|\bimmunotherapy\b/i,
    'pd1_pdl1',
  ],
  [/\banti[- ]?CTLA-?4\b|\bCTLA-?4 (inhibitor|antibod)/i, 'ctla4'],
  [/\bplatinum\b/i, 'platinum'],
  [/\btaxanes?\b/i, 'taxane'],
  [/\bfluoropyrimidine/i, 'fluoropyrimidine'],
  [/\banthracycline/i, 'anthracycline'],
  [/\btopoisomerase[- ]I\b|\bTOP1\b/i, 'topoisomerase_i'],
  [/\banti[- ]?HER2\b|\bHER2[- ](directed|targeted)/i, 'anti_her2'],
  [/\banti[- ]?EGFR (antibod|monoclonal)|\bEGFR (antibod|monoclonal)/i, 'anti_egfr_antibody'],
  [/\banti[- ]?VEGF|\bVEGF(R)?[- ](inhibitor|targeted)/i, 'anti_vegf'],
  [/\bCDK ?4\/6\b/i, 'cdk46_inhibitor'],
  [/\bPARP\b/i, 'parp_inhibitor'],
  [/\b(endocrine|hormonal|hormone) therap/i, 'endocrine'],
  [/\bantibody[- ]drug conjugate|\bADCs?\b/i, 'adc'],
  [
    /\b(androgen receptor|AR)[- ](pathway |signaling )?inhibitor|\bARPI\b|\bARSI\b|\bnovel hormonal agent/i,
    'antiandrogen',
  ],
];

export const CLASS_LABELS: Record<DrugClass, string> = {
  egfr_tki: 'EGFR tyrosine kinase inhibitor',
  alk_inhibitor: 'ALK inhibitor',
  ros1_inhibitor: 'ROS1 inhibitor',
  kras_g12c_inhibitor: 'KRAS G12C inhibitor',
  braf_inhibitor: 'BRAF inhibitor',
  mek_inhibitor: 'MEK inhibitor',
  met_inhibitor: 'MET inhibitor',
  ret_inhibitor: 'RET inhibitor',
  trk_inhibitor: 'TRK inhibitor',
  pd1_pdl1: 'anti-PD-1/PD-L1 immunotherapy',
  ctla4: 'anti-CTLA-4 antibody',
  platinum: 'platinum chemotherapy',
  taxane: 'taxane',
  fluoropyrimidine: 'fluoropyrimidine',
  anthracycline: 'anthracycline',
  topoisomerase_i: 'topoisomerase I inhibitor',
  anti_her2: 'HER2-directed therapy',
  anti_egfr_antibody: 'anti-EGFR antibody',
  anti_vegf: 'anti-VEGF therapy',
  cdk46_inhibitor: 'CDK4/6 inhibitor',
  parp_inhibitor: 'PARP inhibitor',
  endocrine: 'endocrine therapy',
  antiandrogen: 'androgen-receptor pathway inhibitor',
  adc: 'antibody-drug conjugate',
  pemetrexed: 'pemetrexed',
  btk_inhibitor: 'BTK inhibitor',
  gspt1_degrader: 'GSPT1 degrader',
  btk_degrader: 'BTK degrader',
  tgfb_inhibitor: 'anti-TGF-β therapy',
  anti_cldn18_2: 'claudin 18.2-targeted therapy',
  radioligand: 'radioligand therapy',
  radiopharmaceutical: 'radiopharmaceutical therapy',
};

function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&');
}
