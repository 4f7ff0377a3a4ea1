import type { Issue, PriorTherapy } from '../domain/index.js';

/**
 * Prior-therapy names onto generic lower-case drug names (US adopted names), so trial criteria such as "no
 * prior osimertinib" can be checked whatever the user typed: brand names (Tagrisso), common abbreviations
 * (5-FU, pembro, T-DXd) and regimen acronyms (FOLFOX). Only well-established names are listed; anything
 * else is kept lower-cased and reported as unknown rather than guessed.
 */

/** Regimen acronyms → their drugs (standard compositions). */
const REGIMENS: Record<string, string[]> = {
  folfox: ['fluorouracil', 'leucovorin', 'oxaliplatin'],
  mfolfox6: ['fluorouracil', 'leucovorin', 'oxaliplatin'],
  folfiri: ['fluorouracil', 'leucovorin', 'irinotecan'],
  folfirinox: ['fluorouracil', 'leucovorin', 'irinotecan', 'oxaliplatin'],
  mfolfirinox: ['fluorouracil', 'leucovorin', 'irinotecan', 'oxaliplatin'],
  folfoxiri: ['fluorouracil', 'leucovorin', 'oxaliplatin', 'irinotecan'],
  capox: ['capecitabine', 'oxaliplatin'],
  xelox: ['capecitabine', 'oxaliplatin'],
  capeox: ['capecitabine', 'oxaliplatin'],
  flot: ['fluorouracil', 'leucovorin', 'oxaliplatin', 'docetaxel'],
  ac: ['doxorubicin', 'cyclophosphamide'],
  ec: ['epirubicin', 'cyclophosphamide'],
  tc: ['docetaxel', 'cyclophosphamide'],
  tchp: ['docetaxel', 'carboplatin', 'trastuzumab', 'pertuzumab'],
  gemcis: ['gemcitabine', 'cisplatin'],
  gemcarbo: ['gemcitabine', 'carboplatin'],
  carbopem: ['carboplatin', 'pemetrexed'],
  carbotaxol: ['carboplatin', 'paclitaxel'],
  rchop: ['rituximab', 'cyclophosphamide', 'doxorubicin', 'vincristine', 'prednisone'],
  chop: ['cyclophosphamide', 'doxorubicin', 'vincristine', 'prednisone'],
  ipinivo: ['ipilimumab', 'nivolumab'],
  nivoipi: ['nivolumab', 'ipilimumab'],
  dabtram: ['dabrafenib', 'trametinib'],
  encobini: ['encorafenib', 'binimetinib'],
  vemcobi: ['vemurafenib', 'cobimetinib'],
  gemnabpaclitaxel: ['gemcitabine', 'paclitaxel protein-bound'],
  gemabraxane: ['gemcitabine', 'paclitaxel protein-bound'],
  tas102: ['trifluridine', 'tipiracil'],
  lonsurf: ['trifluridine', 'tipiracil'],
  opdualag: ['nivolumab', 'relatlimab'],
};

/** Brand names and abbreviations → generic name. */
const DRUGS: Record<string, string> = {
  // immunotherapy
  keytruda: 'pembrolizumab',
  pembro: 'pembrolizumab',
  opdivo: 'nivolumab',
  nivo: 'nivolumab',
  yervoy: 'ipilimumab',
  ipi: 'ipilimumab',
  tecentriq: 'atezolizumab',
  atezo: 'atezolizumab',
  imfinzi: 'durvalumab',
  durva: 'durvalumab',
  libtayo: 'cemiplimab',
  bavencio: 'avelumab',
  jemperli: 'dostarlimab',
  kimmtrak: 'tebentafusp',
  imlygic: 'talimogene laherparepvec',
  tvec: 'talimogene laherparepvec',
  // EGFR / ALK / ROS1 / RET / MET / NTRK / KRAS
  tagrisso: 'osimertinib',
  tarceva: 'erlotinib',
  iressa: 'gefitinib',
  gilotrif: 'afatinib',
  vizimpro: 'dacomitinib',
  rybrevant: 'amivantamab',
  lazcluze: 'lazertinib',
  alecensa: 'alectinib',
  xalkori: 'crizotinib',
  zykadia: 'ceritinib',
  alunbrig: 'brigatinib',
  lorbrena: 'lorlatinib',
  retevmo: 'selpercatinib',
  gavreto: 'pralsetinib',
  tabrecta: 'capmatinib',
  tepmetko: 'tepotinib',
  vitrakvi: 'larotrectinib',
  rozlytrek: 'entrectinib',
  augtyro: 'repotrectinib',
  lumakras: 'sotorasib',
  lumykras: 'sotorasib',
  krazati: 'adagrasib',
  // BRAF / MEK
  tafinlar: 'dabrafenib',
  dab: 'dabrafenib',
  mekinist: 'trametinib',
  tram: 'trametinib',
  zelboraf: 'vemurafenib',
  cotellic: 'cobimetinib',
  braftovi: 'encorafenib',
  mektovi: 'binimetinib',
  // HER2 / breast
  herceptin: 'trastuzumab',
  perjeta: 'pertuzumab',
  kadcyla: 'trastuzumab emtansine',
  tdm1: 'trastuzumab emtansine',
  'ado-trastuzumab emtansine': 'trastuzumab emtansine',
  enhertu: 'trastuzumab deruxtecan',
  tdxd: 'trastuzumab deruxtecan',
  'fam-trastuzumab deruxtecan': 'trastuzumab deruxtecan',
  'fam-trastuzumab deruxtecan-nxki': 'trastuzumab deruxtecan',
  tukysa: 'tucatinib',
  nerlynx: 'neratinib',
  tykerb: 'lapatinib',
  ibrance: 'palbociclib',
  kisqali: 'ribociclib',
  verzenio: 'abemaciclib',
  faslodex: 'fulvestrant',
  arimidex: 'anastrozole',
  femara: 'letrozole',
  aromasin: 'exemestane',
  nolvadex: 'tamoxifen',
  piqray: 'alpelisib',
  truqap: 'capivasertib',
  orserdu: 'elacestrant',
  trodelvy: 'sacituzumab govitecan',
  // PARP
  lynparza: 'olaparib',
  zejula: 'niraparib',
  rubraca: 'rucaparib',
  talzenna: 'talazoparib',
  // colorectal / GI
  avastin: 'bevacizumab',
  bev: 'bevacizumab',
  erbitux: 'cetuximab',
  vectibix: 'panitumumab',
  stivarga: 'regorafenib',
  zaltrap: 'ziv-aflibercept',
  xeloda: 'capecitabine',
  cape: 'capecitabine',
  eloxatin: 'oxaliplatin',
  oxali: 'oxaliplatin',
  camptosar: 'irinotecan',
  iri: 'irinotecan',
  '5fu': 'fluorouracil',
  '5-fu': 'fluorouracil',
  '5-fluorouracil': 'fluorouracil',
  fu: 'fluorouracil',
  adrucil: 'fluorouracil',
  'folinic acid': 'leucovorin',
  lv: 'leucovorin',
  fruzaqla: 'fruquintinib',
  // chemotherapy
  taxol: 'paclitaxel',
  abraxane: 'paclitaxel protein-bound',
  'nab-paclitaxel': 'paclitaxel protein-bound',
  nabpaclitaxel: 'paclitaxel protein-bound',
  taxotere: 'docetaxel',
  alimta: 'pemetrexed',
  pem: 'pemetrexed',
  gemzar: 'gemcitabine',
  gem: 'gemcitabine',
  platinol: 'cisplatin',
  cis: 'cisplatin',
  paraplatin: 'carboplatin',
  carbo: 'carboplatin',
  adriamycin: 'doxorubicin',
  cytoxan: 'cyclophosphamide',
  temodar: 'temozolomide',
  tmz: 'temozolomide',
  navelbine: 'vinorelbine',
  halaven: 'eribulin',
  etoposide: 'etoposide',
  vp16: 'etoposide',
  // kidney / liver / other targeted
  sutent: 'sunitinib',
  votrient: 'pazopanib',
  inlyta: 'axitinib',
  cabometyx: 'cabozantinib',
  cometriq: 'cabozantinib',
  lenvima: 'lenvatinib',
  nexavar: 'sorafenib',
  gleevec: 'imatinib',
  glivec: 'imatinib',
  afinitor: 'everolimus',
  welireg: 'belzutifan',
  // prostate / bone
  zytiga: 'abiraterone',
  xtandi: 'enzalutamide',
  erleada: 'apalutamide',
  nubeqa: 'darolutamide',
  lupron: 'leuprolide',
  eligard: 'leuprolide',
  xgeva: 'denosumab',
  prolia: 'denosumab',
  zometa: 'zoledronic acid',
  pluvicto: 'lutetium lu 177 vipivotide tetraxetan',
  xofigo: 'radium ra 223 dichloride',
  // urothelial
  padcev: 'enfortumab vedotin',
  balversa: 'erdafitinib',
};

/** Generic names we recognise as such (so they are not reported as unknown). */
const GENERICS = new Set<string>([
  ...Object.values(DRUGS),
  ...Object.values(REGIMENS).flat(),
  'epirubicin',
  'vincristine',
  'prednisone',
  'rituximab',
  'relatlimab',
  'tipiracil',
  'trifluridine',
  'mitomycin',
  'topotecan',
  'bleomycin',
  'ifosfamide',
  'dacarbazine',
  'interleukin-2',
  'aldesleukin',
  'interferon alfa-2b',
  'tremelimumab',
  'tislelizumab',
  'toripalimab',
  'ramucirumab',
  'necitumumab',
  'mobocertinib',
  'zanubrutinib',
  'ibrutinib',
  'venetoclax',
  'letrozole',
  'goserelin',
  'degarelix',
  'olaparib',
  'mirvetuximab soravtansine',
  'tisotumab vedotin',
  'datopotamab deruxtecan',
  'zolbetuximab',
  'tarlatamab',
  'lurbinectedin',
  'ivosidenib',
  'pemigatinib',
  'futibatinib',
  'infigratinib',
  'selumetinib',
  'avapritinib',
  'ripretinib',
  'sunitinib',
  'trastuzumab',
  'pertuzumab',
  'margetuximab',
  'nivolumab',
  'pembrolizumab',
  'amivantamab',
  'zenocutuzumab',
]);

const RADIATION =
  /\b(?:radiation|radioembolization|sirt|y-?90|radiotherapy|irradiation|srs|sbrt|sabr|wbrt|whole[\s-]brain|stereotactic|radiosurgery|gamma knife|cyberknife|proton|imrt|xrt|rt|brachytherapy|chemoradiation|chemoradiotherapy)\b/i;
const SURGERY =
  /\b(?:surgery|resection|resected|craniotomy|mastectomy|lumpectomy|colectomy|hemicolectomy|lobectomy|pneumonectomy|metastasectomy|hepatectomy|whipple|nephrectomy|prostatectomy|excision|debulking|cytoreductive|cytoreduction)\b/i;
const LOCAL_OTHER =
  /\b(?:ablation|rfa|microwave ablation|cryoablation|tace|embolization|chemoembolization|y-?90|radioembolization|sirt|hai|hepatic arterial infusion)\b/i;

function key(s: string): string {
  return s
    .toLowerCase()
    .replace(/[\s_]+/g, ' ')
    .trim();
}

/** Generic name for one drug word, or null when it is not a known drug. */
export function normalizeDrugName(name: string): string | null {
  const k = key(name).replace(/\s*\([^)]*\)\s*$/, '');
  if (k === '') return null;
  // Own keys only: text such as "constructor" must not reach Object.prototype.
  const own = (x: string): string | undefined => (Object.hasOwn(DRUGS, x) ? DRUGS[x] : undefined);
  const direct = own(k) ?? own(k.replace(/[\s-]/g, ''));
  if (direct !== undefined) return direct;
  if (GENERICS.has(k)) return k;
  return null;
}

/** Drugs of a regimen acronym (`FOLFOX`, `mFOLFOX6`, `CAPOX`, `R-CHOP`), or null. */
export function regimenDrugs(name: string): string[] | null {
  const k = key(name).replace(/[\s\-/+]/g, '');
  return REGIMENS[k] ?? null;
}

export interface TherapyResult {
  therapy: PriorTherapy;
  issues: Issue[];
}

/**
 * Splits a drug label into generic names: regimen acronyms expand, combinations split on `+ / , & and with`,
 * unknown words are kept lower-cased with an info issue.
 */
export function drugsFromText(text: string): { drugs: string[]; unknown: string[] } {
  const drugs: string[] = [];
  const unknown: string[] = [];
  const whole = regimenDrugs(text) ?? (normalizeDrugName(text) !== null ? [normalizeDrugName(text)!] : null);
  if (whole !== null) return { drugs: dedupe(whole), unknown };
  const cleaned = text
    .replace(/\([^)]*\)/g, ' ')
    .replace(/\b(?:\d+(?:\.\d+)?\s*(?:mg|mg\/m2|mg\/kg|auc\s*\d+)|cycles?\s*\d*|x\s*\d+)\b/gi, ' ');
  for (const part of cleaned.split(/\s*(?:\+|\/|,|;|&|\band\b|\bwith\b|\bplus\b|\bthen\b|→|->)\s*/i)) {
    const p = part.trim();
    if (p === '') continue;
    const reg = regimenDrugs(p);
    if (reg !== null) {
      drugs.push(...reg);
      continue;
    }
    const d = normalizeDrugName(p);
    if (d !== null) {
      drugs.push(d);
      continue;
    }
    // "maintenance capecitabine", "low-dose cisplatin": try the last word
    const words = p.split(/\s+/);
    const last = words.length > 1 ? normalizeDrugName(words[words.length - 1]!) : null;
    if (last !== null) {
      drugs.push(last);
      continue;
    }
    if (
      /^(?:chemo(?:therapy)?|immunotherapy|targeted therapy|hormone therapy|endocrine therapy|adt|platinum|platinum doublet|doublet|maintenance|placebo)$/i.test(
        p,
      )
    )
      continue;
    unknown.push(p.toLowerCase());
  }
  return { drugs: dedupe(drugs), unknown };
}

function dedupe(xs: string[]): string[] {
  return [...new Set(xs)];
}

/** Type of a therapy from its label when it names no drug. */
export function therapyType(text: string, hasDrugs: boolean): PriorTherapy['type'] {
  if (hasDrugs) return 'systemic';
  if (RADIATION.test(text)) return 'radiation';
  if (SURGERY.test(text)) return 'surgery';
  if (LOCAL_OTHER.test(text)) return 'other';
  return 'systemic';
}

const ORDINAL: Record<string, number> = { first: 1, second: 2, third: 3, fourth: 4, fifth: 5 };

/**
 * Line, setting and response words inside a typed therapy ("2L FOLFIRI, progressed", "adjuvant FOLFOX",
 * "osimertinib (PR)"); `rest` is the text without them, for drug extraction.
 */
export function therapyFacts(text: string): {
  rest: string;
  line?: number;
  setting?: PriorTherapy['setting'];
  response?: PriorTherapy['response'];
  progressed?: boolean;
} {
  let rest = ` ${text} `;
  const out: ReturnType<typeof therapyFacts> = { rest: text };
  const take = (re: RegExp): RegExpExecArray | null => {
    const m = re.exec(rest);
    if (m) rest = rest.slice(0, m.index) + ' ' + rest.slice(m.index + m[0].length);
    return m;
  };
  const line =
    take(/[\s(,;]([1-9])\s*L(?=[\s),;:])/i) ??
    take(/[\s(,;](first|second|third|fourth|fifth)[\s-]line(?=[\s),;:])/i) ??
    take(/[\s(,;]line\s*([1-9])(?=[\s),;:])/i);
  if (line) out.line = ORDINAL[line[1]!.toLowerCase()] ?? Number(line[1]);
  const setting = take(/[\s(,;](neoadjuvant|adjuvant|maintenance|metastatic)(?=[\s),;:])/i);
  if (setting) out.setting = setting[1]!.toLowerCase() as PriorTherapy['setting'];
  if (take(/[\s(,;](?:progressed|progression|progressive disease|PD)(?=[\s),;:])/)) {
    out.response = 'PD';
    out.progressed = true;
  } else {
    const resp = take(/[\s(,;](CR|PR|SD|complete response|partial response|stable disease)(?=[\s),;:])/);
    if (resp) {
      const r = resp[1]!;
      out.response =
        r.length === 2
          ? (r as PriorTherapy['response'])
          : r.startsWith('complete')
            ? 'CR'
            : r.startsWith('partial')
              ? 'PR'
              : 'SD';
    }
  }
  // Taking "(PR)" apart leaves a lone parenthesis: drop parentheses that no longer pair up.
  if ((rest.match(/\(/g) ?? []).length !== (rest.match(/\)/g) ?? []).length)
    rest = rest.replace(/[()]/g, ' ');
  out.rest = rest
    .replace(/\(\s*\)/g, ' ')
    .replace(/\s+/g, ' ')
    .replace(/^[\s,;:]+|[\s,;:]+$/g, '');
  return out;
}

type TherapyObject = Partial<PriorTherapy> & { drugs?: string[] };

/** One prior therapy from a string (`FOLFOX`, `Keytruda`, `SRS to brain`) or a partly filled object. */
export function normalizeTherapy(input: string | TherapyObject): TherapyResult {
  const issues: Issue[] = [];
  if (typeof input === 'string') {
    const text = input.trim();
    const facts = therapyFacts(text);
    const core = facts.rest;
    const nonDrug = RADIATION.test(core) || SURGERY.test(core) || LOCAL_OTHER.test(core);
    // "SRS to brain" names no drug; "chemoradiation with capecitabine" names one: keep known drugs only.
    const found = drugsFromText(core);
    const { drugs, unknown } = nonDrug ? { drugs: found.drugs, unknown: [] } : found;
    for (const u of unknown) issues.push(unknownDrug(u));
    const keep = [...drugs, ...unknown];
    const therapy: PriorTherapy = {
      drugs: keep,
      name: text,
      type: therapyType(core, keep.length > 0),
      setting: facts.setting ?? 'unknown',
      response: facts.response ?? 'unknown',
    };
    if (facts.line !== undefined) therapy.line = facts.line;
    if (facts.progressed !== undefined) therapy.progressed = facts.progressed;
    return { therapy, issues };
  }
  const drugs: string[] = [];
  for (const d of input.drugs ?? []) {
    const r = drugsFromText(String(d));
    drugs.push(...r.drugs, ...r.unknown);
    for (const u of r.unknown) issues.push(unknownDrug(u));
  }
  if (
    drugs.length === 0 &&
    input.name !== undefined &&
    input.type !== 'radiation' &&
    input.type !== 'surgery'
  ) {
    const r = drugsFromText(input.name);
    const nonDrug = RADIATION.test(input.name) || SURGERY.test(input.name) || LOCAL_OTHER.test(input.name);
    if (!nonDrug || r.drugs.length > 0) {
      drugs.push(...r.drugs, ...r.unknown);
      for (const u of r.unknown) issues.push(unknownDrug(u));
    }
  }
  const uniq = dedupe(drugs);
  const therapy: PriorTherapy = {
    drugs: uniq,
    type: input.type ?? therapyType(input.name ?? '', uniq.length > 0),
    setting: input.setting ?? 'unknown',
    response: input.response ?? 'unknown',
  };
  if (input.name !== undefined) therapy.name = input.name;
  if (input.line !== undefined) therapy.line = input.line;
  if (input.progressed !== undefined) therapy.progressed = input.progressed;
  if (input.startDate !== undefined) therapy.startDate = input.startDate;
  if (input.endDate !== undefined) therapy.endDate = input.endDate;
  if (therapy.progressed === undefined && therapy.response === 'PD') therapy.progressed = true;
  return { therapy, issues };
}

function unknownDrug(name: string): Issue {
  return {
    severity: 'info',
    code: 'therapy.unknown-drug',
    message: `"${name}" is not a drug name we know; kept as written (lower case)`,
  };
}
