import type { TumorTypeRef } from '../domain/index.js';
import type { CancerKey } from './messages/types.js';

/**
 * Maps a case's OncoTree tumor type onto the cancer types we wrote content for. Codes are tried first
 * (OncoTree 2025 codes, with the ancestors the caller may pass), then words of the name and main type,
 * so a name-only tumor type ("colon cancer") still lands on the right text.
 */

/** Body-map regions: metastatic sites plus organs where a cancer may start. */
export const BODY_REGIONS = [
  'brain',
  'leptomeninges',
  'spinal_cord',
  'liver',
  'lung',
  'bone',
  'lymph_node',
  'adrenal',
  'peritoneum',
  'pleura',
  'skin',
  'soft_tissue',
  'ovary',
  'kidney',
  'pancreas',
  'bowel',
  'other',
  'breast',
  'prostate',
  'bladder',
  'stomach',
  'throat',
  'thyroid',
  'uterus',
  'eye',
] as const;
export type BodyRegion = (typeof BODY_REGIONS)[number];

const BY_CODE: Record<string, CancerKey> = {
  MEL: 'melanoma',
  SKCM: 'melanoma',
  ACRM: 'melanoma',
  MUP: 'melanoma',
  COADREAD: 'colorectal',
  COAD: 'colorectal',
  READ: 'colorectal',
  MACR: 'colorectal',
  CMC: 'colorectal',
  BREAST: 'breast',
  BRCA: 'breast',
  IDC: 'breast',
  ILC: 'breast',
  IBC: 'breast',
  MBC: 'breast',
  BRCANOS: 'breast',
  BRCNOS: 'breast',
  NSCLC: 'nsclc',
  LUAD: 'nsclc',
  LUSC: 'nsclc',
  LCLC: 'nsclc',
  SARCL: 'nsclc',
  SCLC: 'sclc',
  CSCLC: 'sclc',
  PROSTATE: 'prostate',
  PRAD: 'prostate',
  PAAD: 'pancreas',
  PAAC: 'pancreas',
  PANET: 'neuroendocrine',
  GINET: 'neuroendocrine',
  LNET: 'neuroendocrine',
  NETNOS: 'neuroendocrine',
  OVARY: 'ovarian',
  OVT: 'ovarian',
  HGSOC: 'ovarian',
  SOC: 'ovarian',
  OOVC: 'ovarian',
  RCC: 'kidney',
  CCRCC: 'kidney',
  PRCC: 'kidney',
  CHRCC: 'kidney',
  BLCA: 'bladder',
  UTUC: 'bladder',
  BLAD: 'bladder',
  EGC: 'gastroesophageal',
  STAD: 'gastroesophageal',
  ESCA: 'gastroesophageal',
  ESCC: 'gastroesophageal',
  GEJ: 'gastroesophageal',
  HNSC: 'head_neck',
  NPC: 'head_neck',
  OHNCA: 'head_neck',
  THPA: 'thyroid',
  THFO: 'thyroid',
  THAP: 'thyroid',
  THME: 'thyroid',
  WDTC: 'thyroid',
  UCEC: 'endometrial',
  UEC: 'endometrial',
  HCC: 'liver',
  FLC: 'liver',
  CHOL: 'biliary',
  IHCH: 'biliary',
  EHCH: 'biliary',
  GBC: 'biliary',
  GIST: 'gist',
};

/** Word rules, tried in order on "name | main type" in lower case. Neuroendocrine first: it lives under many organs. */
const BY_WORDS: ReadonlyArray<[RegExp, CancerKey]> = [
  [/gastrointestinal stromal|\bgist\b/, 'gist'],
  [/neuroendocrine|carcinoid/, 'neuroendocrine'],
  [/uveal|ocular/, 'other'],
  [/melanoma/, 'melanoma'],
  [/colorectal|\bcolon\b|rectal|rectum|large bowel/, 'colorectal'],
  [/breast/, 'breast'],
  [/non-small cell|nsclc|lung adeno|lung squamous/, 'nsclc'],
  [/small cell lung|\bsclc\b/, 'sclc'],
  [/\blung\b/, 'nsclc'],
  [/prostat/, 'prostate'],
  [/pancrea/, 'pancreas'],
  [/ovar|fallopian/, 'ovarian'],
  [/renal|kidney/, 'kidney'],
  [/bladder|urothelial/, 'bladder'],
  [/esophag|oesophag|gastric|stomach|esophagogastric/, 'gastroesophageal'],
  [/head and neck|oral cavity|pharyn|laryn/, 'head_neck'],
  [/thyroid/, 'thyroid'],
  [/endometri|uterine|\bwomb\b/, 'endometrial'],
  [/hepatocellular|liver cancer/, 'liver'],
  [/cholangio|bile duct|gallbladder|biliary/, 'biliary'],
  [/sarcoma/, 'sarcoma'],
];

export function cancerKeyOf(
  tumorType: TumorTypeRef | null | undefined,
  ancestors: readonly string[] = [],
): CancerKey {
  if (!tumorType) return 'other';
  const text = `${tumorType.name} | ${tumorType.mainType ?? ''} | ${tumorType.input ?? ''}`.toLowerCase();
  // Neuroendocrine and eye melanoma are decided by words first: their OncoTree parents (pancreas, lung, melanoma) would mislead.
  for (const [re, key] of BY_WORDS.slice(0, 3)) if (re.test(text)) return key;
  for (const code of [tumorType.code, ...ancestors]) {
    const key = BY_CODE[code.toUpperCase()];
    if (key) return key;
  }
  for (const [re, key] of BY_WORDS) if (re.test(text)) return key;
  return 'other';
}

const PRIMARY_REGION: Record<CancerKey, BodyRegion | null> = {
  melanoma: 'skin',
  colorectal: 'bowel',
  breast: 'breast',
  nsclc: 'lung',
  sclc: 'lung',
  prostate: 'prostate',
  pancreas: 'pancreas',
  neuroendocrine: null,
  ovarian: 'ovary',
  kidney: 'kidney',
  bladder: 'bladder',
  gastroesophageal: 'stomach',
  head_neck: 'throat',
  thyroid: 'thyroid',
  endometrial: 'uterus',
  liver: 'liver',
  biliary: 'liver',
  sarcoma: 'soft_tissue',
  gist: 'stomach',
  other: null,
};

/** Where the body map marks the start of the cancer; null when it cannot be told from the tumor type. */
export function primaryRegionOf(
  key: CancerKey,
  tumorType: TumorTypeRef | null | undefined,
): BodyRegion | null {
  const text = `${tumorType?.name ?? ''} ${tumorType?.mainType ?? ''}`.toLowerCase();
  if (/uveal|ocular|\beye\b/.test(text)) return 'eye';
  if (key === 'neuroendocrine' || key === 'other') {
    if (/pancrea/.test(text)) return 'pancreas';
    if (/lung/.test(text)) return 'lung';
    if (/gastrointestinal|bowel|intestin|colon|rect/.test(text)) return 'bowel';
    if (/stomach|gastric/.test(text)) return 'stomach';
    return null;
  }
  return PRIMARY_REGION[key];
}
