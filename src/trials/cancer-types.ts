import { builtinOncoTree } from '../normalize/oncotree.js';

/**
 * Cancer-type vocabulary for trial conditions, eligibility text and clinical notes: text patterns → OncoTree
 * codes (OncoTree 2025-10 codes and parents; some intermediate nodes are folded into the tissue so that the
 * chain stays short). The shared OncoTree resolver is consulted as well when it knows more; this table makes
 * the trials module work offline and decides which *words in a registry record* name which type.
 */
interface CancerEntry {
  code: string;
  name: string;
  parent: string | null;
  /** Case-insensitive patterns on word boundaries; the most specific entries come first. */
  patterns: RegExp[];
}

const E = (code: string, name: string, parent: string | null, ...patterns: RegExp[]): CancerEntry => ({
  code,
  name,
  parent,
  patterns,
});

export const SOLID = 'ALL_SOLID_TUMORS';
export const LIQUID = 'ALL_LIQUID_TUMORS';
export const ANY = 'ALL_TUMORS';

/** Order matters: specific subtypes before their parents so that "lung adenocarcinoma" is LUAD, not NSCLC. */
const ENTRIES: CancerEntry[] = [
  E(ANY, 'All tumors', null, /\b(any|all) (cancer|tumou?r|malignan\w+)s?\b/i),
  E(SOLID, 'All solid tumors', ANY, /\bsolid (tumou?r|cancer|malignanc|neoplasm)\w*/i),
  E(
    LIQUID,
    'All liquid tumors',
    ANY,
    /\bhematologic(al)? (malignanc|cancer|neoplasm)\w*/i,
    /\bblood cancers?\b/i,
  ),
  E(
    'LUAD',
    'Lung Adenocarcinoma',
    'NSCLC',
    /\b(lung|pulmonary) adenocarcinoma\b/i,
    /\badenocarcinoma of (the )?lung\b/i,
    /\bLUAD\b/,
    /\bnon[- ]?squamous (non-?small[- ]cell )?(lung|NSCLC)\b/i,
    /\bnon[- ]?squamous NSCLC\b/i,
  ),
  E(
    'LUSC',
    'Lung Squamous Cell Carcinoma',
    'NSCLC',
    /(?<!non[- ]?)\bsquamous(-| )cell (carcinoma|cancer) of (the )?lung\b/i,
    /\b(lung|pulmonary) squamous\b/i,
    /(?<!non[- ]?)\bsquamous (non-?small[- ]cell lung|NSCLC)\b/i,
    /\bLUSC\b/,
  ),
  E(
    'NSCLC',
    'Non-Small Cell Lung Cancer',
    'LUNG',
    /\bnon[- ]?small[- ]?cell (lung )?(cancer|carcinoma)?/i,
    /\bNSCLC\b/,
  ),
  E(
    'SCLC',
    'Small Cell Lung Cancer',
    'LUNG',
    /\bsmall[- ]cell lung (cancer|carcinoma)\b/i,
    /\bSCLC\b/,
    /\bsmall[- ]cell carcinoma of (the )?lung\b/i,
  ),
  E(
    'LUNG',
    'Lung',
    SOLID,
    /\blung (cancer|carcinoma|neoplasm|tumou?r|malignan)\w*/i,
    /\bbronch\w* (cancer|carcinoma)\b/i,
    /\b(carcinoma|cancer) of (the )?lung\b/i,
  ),
  E('IDC', 'Breast Invasive Ductal Carcinoma', 'BRCA', /\binvasive ductal carcinoma\b/i),
  E('ILC', 'Breast Invasive Lobular Carcinoma', 'BRCA', /\binvasive lobular carcinoma\b/i),
  E(
    'BRCA',
    'Invasive Breast Carcinoma',
    'BREAST',
    /\bbreast (cancer|carcinoma|neoplasm|adenocarcinoma|malignan)\w*/i,
    /\b(adeno)?(carcinoma|cancer) of (the )?(female |male )?breast\b/i,
    /\bTNBC\b/,
    /\btriple[- ]negative\b/i,
  ),
  E('COAD', 'Colon Adenocarcinoma', 'COADREAD', /\bcolon (cancer|carcinoma|adenocarcinoma)\b/i),
  E('READ', 'Rectal Adenocarcinoma', 'COADREAD', /\brect(al|um) (cancer|carcinoma|adenocarcinoma)\b/i),
  E(
    'COADREAD',
    'Colorectal Adenocarcinoma',
    'BOWEL',
    /\bcolo-?rectal\b/i,
    /\bCRC\b/,
    /\bmCRC\b/,
    /\bcolon (and|or) rect(al|um)\b/i,
    /\bcancer of the colon\b/i,
    /\b(large )?bowel cancer\b/i,
  ),
  E('UM', 'Uveal Melanoma', 'EYE', /\b(uveal|ocular|choroidal) melanoma\b/i),
  E('MEL', 'Melanoma', 'SKIN', /\bmelanomas?\b/i),
  E('MCC', 'Merkel Cell Carcinoma', 'SKIN', /\bmerkel[- ]cell\b/i),
  E('CSCC', 'Cutaneous Squamous Cell Carcinoma', 'SKIN', /\bcutaneous squamous[- ]cell\b/i),
  E('PANET', 'Pancreatic Neuroendocrine Tumor', 'PANCREAS', /\bpancreatic neuroendocrine\b/i, /\bpNET\b/),
  E(
    'PAAD',
    'Pancreatic Adenocarcinoma',
    'PANCREAS',
    /\bpancrea\w* (ductal )?(adeno)?carcinoma\b/i,
    /\bpancreatic cancer\b/i,
    /\bPDAC\b/,
    /\b(adeno)?carcinoma of (the )?(exocrine )?pancreas\b/i,
  ),
  E(
    'PRAD',
    'Prostate Adenocarcinoma',
    'PROSTATE',
    /\bprostat\w* (cancer|carcinoma|adenocarcinoma|neoplasm)\w*/i,
    /\bmCRPC\b/,
    /\bCRPC\b/,
    /\bcastrat\w*[- ]resistant\b/i,
  ),
  E(
    'GEJ',
    'Adenocarcinoma of the Gastroesophageal Junction',
    'EGC',
    /\bgastro-?(o)?esophageal junction\b/i,
    /\bGEJ\b/,
  ),
  E(
    'STAD',
    'Stomach Adenocarcinoma',
    'EGC',
    /\bgastric (cancer|carcinoma|adenocarcinoma)\b/i,
    /\bstomach (cancer|carcinoma|adenocarcinoma)\b/i,
  ),
  E('ESCC', 'Esophageal Squamous Cell Carcinoma', 'STOMACH', /\besophageal squamous\b/i, /\bESCC\b/),
  E('ESCA', 'Esophageal Adenocarcinoma', 'EGC', /\b(o)?esophag\w* (adeno)?(cancer|carcinoma)\b/i),
  E('EGC', 'Esophagogastric Adenocarcinoma', 'STOMACH', /\besophagogastric\b/i),
  E('HGSOC', 'High-Grade Serous Ovarian Cancer', 'OVARY', /\bhigh[- ]grade serous\b/i),
  E(
    'OVARY',
    'Ovarian Cancer',
    SOLID,
    /\bovar\w* (cancer|carcinoma|neoplasm|tumou?r)\w*/i,
    /\bfallopian tube\b/i,
    /\bprimary peritoneal (cancer|carcinoma)\b/i,
  ),
  E('CCRCC', 'Renal Clear Cell Carcinoma', 'RCC', /\bclear[- ]cell renal\b/i, /\bccRCC\b/i),
  E(
    'RCC',
    'Renal Cell Carcinoma',
    'KIDNEY',
    /\brenal[- ]cell (cancer|carcinoma)\b/i,
    /\bRCC\b/,
    /\b(kidney|renal) (cancer|carcinoma)\b/i,
  ),
  E('UTUC', 'Upper Tract Urothelial Carcinoma', 'BLADDER', /\bupper[- ]tract urothelial\b/i),
  E(
    'BLCA',
    'Bladder Urothelial Carcinoma',
    'BLADDER',
    /\burothelial (cancer|carcinoma)\b/i,
    /\bbladder (cancer|carcinoma)\b/i,
  ),
  E('HCC', 'Hepatocellular Carcinoma', 'LIVER', /\bhepatocellular\b/i, /\bHCC\b/, /\bliver cancer\b/i),
  E(
    'CHOL',
    'Cholangiocarcinoma',
    'BILIARY_TRACT',
    /\bcholangiocarcinoma\b/i,
    /\bbile duct (cancer|carcinoma)\b/i,
  ),
  E('GBC', 'Gallbladder Cancer', 'BILIARY_TRACT', /\bgall ?bladder (cancer|carcinoma)\b/i),
  E('BILIARY_TRACT', 'Biliary Tract Cancer', SOLID, /\bbiliary tract (cancer|carcinoma)\b/i),
  E(
    'HNSC',
    'Head and Neck Squamous Cell Carcinoma',
    'HEAD_NECK',
    /\bhead and neck squamous\b/i,
    /\bHNSCC\b/,
    /\bSCCHN\b/,
    /\bsquamous cell (carcinoma|cancer) of the (head and neck|oral cavity|oropharynx|larynx|hypopharynx|tongue)\b/i,
    /\b(oral( cavity)?|oropharyn\w*|laryn\w*|hypopharyn\w*|tongue|tonsil\w*) squamous\b/i,
  ),
  E(
    'HEAD_NECK',
    'Head and Neck Cancer',
    SOLID,
    /\bhead and neck (cancer|carcinoma|tumou?r)s?\b/i,
    /\b(oral cavity|oropharyn\w+|laryn\w+|hypopharyn\w+|nasopharyn\w+) (cancer|carcinoma)\b/i,
    /\b(tongue|tonsil\w*|salivary gland) (cancer|carcinoma)\b/i,
  ),
  E('THYROID', 'Thyroid Cancer', SOLID, /\bthyroid (cancer|carcinoma)\b/i),
  E('GB', 'Glioblastoma', 'DIFG', /\bglioblastoma\b/i, /\bGBM\b/),
  E(
    'DIFG',
    'Diffuse Glioma',
    'BRAIN',
    /\bgliomas?\b/i,
    /\bastrocytomas?\b/i,
    /\bastrocytic tumou?rs?\b/i,
    /\boligodendroglio(ma|mas|al tumou?rs?)\b/i,
  ),
  E('BRAIN', 'CNS/Brain Cancer', SOLID, /\bprimary (brain|CNS) (tumou?r|cancer)s?\b/i),
  E(
    'UCEC',
    'Endometrial Carcinoma',
    'UTERUS',
    /\bendometri\w+ (cancer|carcinoma|adenocarcinoma)\b/i,
    /\buterine (cancer|carcinoma)\b/i,
  ),
  E('CERVIX', 'Cervical Cancer', SOLID, /\bcervi\w+ (cancer|carcinoma)\b/i),
  E('PLMESO', 'Pleural Mesothelioma', 'PLEURA', /\bmesothelioma\b/i),
  E('GIST', 'Gastrointestinal Stromal Tumor', 'SOFT_TISSUE', /\bgastrointestinal stromal\b/i, /\bGIST\b/),
  E('OS', 'Osteosarcoma', 'BONE', /\bosteosarcoma\b/i),
  E('ES', 'Ewing Sarcoma', 'BONE', /\bewing\W*s?\b/i),
  E('SOFT_TISSUE', 'Soft Tissue Sarcoma', SOLID, /\b(soft[- ]tissue )?sarcomas?\b/i),
  E('NBL', 'Neuroblastoma', SOLID, /\bneuroblastoma\b/i),
  E('HL', 'Hodgkin Lymphoma', 'LYMPH', /\bhodgkin\W*s? (lymphoma|disease)\b/i),
  E('DLBCLNOS', 'Diffuse Large B-Cell Lymphoma', 'LYMPH', /\bdiffuse large b[- ]cell\b/i, /\bDLBCL\b/),
  E(
    'PCM',
    'Plasma Cell Myeloma',
    'LYMPH',
    /\bmultiple myeloma\b/i,
    /\bplasma cell myeloma\b/i,
    /\bmyeloma\b/i,
  ),
  E('CLLSLL', 'Chronic Lymphocytic Leukemia', 'LYMPH', /\bchronic lymphocytic leuk\w+\b/i, /\bCLL\b/),
  E('AML', 'Acute Myeloid Leukemia', 'MYELOID', /\bacute myel\w+ leuk\w+\b/i, /\bAML\b/),
  E('MDS', 'Myelodysplastic Syndromes', 'MYELOID', /\bmyelodysplas\w+/i, /\bMDS\b/),
  E('LYMPH', 'Lymphoid Neoplasm', LIQUID, /\blymphomas?\b/i, /\blymphoblastic leuk\w+\b/i),
  E('MYELOID', 'Myeloid Neoplasm', LIQUID, /\bleuk(a)?emias?\b/i),
];

/** Intermediate nodes that have no text patterns of their own. */
const EXTRA_PARENTS: Record<string, string | null> = {
  BREAST: SOLID,
  BOWEL: SOLID,
  SKIN: SOLID,
  EYE: SOLID,
  PANCREAS: SOLID,
  PROSTATE: SOLID,
  STOMACH: SOLID,
  KIDNEY: SOLID,
  BLADDER: SOLID,
  LIVER: SOLID,
  UTERUS: SOLID,
  PLEURA: SOLID,
  BONE: SOLID,
};

const BY_CODE = new Map<string, CancerEntry>(ENTRIES.map((e) => [e.code, e]));

export function cancerName(code: string): string {
  return BY_CODE.get(code)?.name ?? builtinOncoTree().get(code)?.name ?? code;
}

/** The code, then its parents up to ALL_TUMORS (this table first, the shared OncoTree when it knows the code). */
export function cancerAncestors(code: string): string[] {
  const out: string[] = [];
  let cur: string | null | undefined = code.toUpperCase();
  const seen = new Set<string>();
  while (cur && !seen.has(cur)) {
    seen.add(cur);
    out.push(cur);
    const entry = BY_CODE.get(cur);
    if (entry) cur = entry.parent;
    else if (cur in EXTRA_PARENTS) cur = EXTRA_PARENTS[cur];
    else {
      // Unknown here: ask the shared OncoTree for its chain and join ours at the first code we know.
      const chain = builtinOncoTree().ancestors(cur);
      const next = chain[1];
      cur = next ?? (cur === ANY ? null : cur === SOLID || cur === LIQUID ? ANY : SOLID);
    }
  }
  if (!out.includes(ANY)) out.push(ANY);
  return out;
}

/** True when `code` is `ancestor` or lies below it. */
export function isCancerA(code: string, ancestor: string): boolean {
  return cancerAncestors(code).includes(ancestor.toUpperCase());
}

export interface CancerMention {
  code: string;
  name: string;
  start: number;
  end: number;
}

/**
 * Finds cancer-type mentions in free text, most specific first, without overlaps (a span claimed by
 * "lung adenocarcinoma" is not also read as "lung cancer").
 */
export function findCancerMentions(text: string): CancerMention[] {
  // Word stems first (plain substring checks), then one combined case-insensitive pass: most criteria
  // name no cancer and leave here cheaply.
  if (!STEM_RE.test(text.toLowerCase())) return [];
  if (!ANY_MENTION.test(text)) return [];
  const taken: Array<[number, number]> = [];
  const out: CancerMention[] = [];
  for (const entry of COMPILED) {
    for (const re of entry.global) {
      re.lastIndex = 0;
      for (let m = re.exec(text); m; m = re.exec(text)) {
        const s = m.index;
        const e = s + m[0].length;
        if (m[0].length === 0) {
          re.lastIndex++;
          continue;
        }
        if (taken.some(([a, b]) => s < b && e > a)) continue;
        taken.push([s, e]);
        out.push({ code: entry.code, name: entry.name, start: s, end: e });
      }
    }
  }
  return out.sort((a, b) => a.start - b.start);
}

const COMPILED = ENTRIES.map((e) => ({
  ...e,
  global: e.patterns.map((p) => new RegExp(p.source, p.flags.includes('g') ? p.flags : p.flags + 'g')),
}));
const ANY_MENTION = new RegExp(
  ENTRIES.flatMap((e) => e.patterns.map((p) => `(?:${p.source})`)).join('|'),
  'i',
);
const CONDITION_CACHE = new Map<string, string[]>();
/** Every pattern above contains at least one of these stems (lower case); keep in step when adding patterns. */
const STEMS = [
  'cancer',
  'carcinoma',
  'tumo',
  'malignan',
  'neoplas',
  'lung',
  'nsclc',
  'sclc',
  'luad',
  'lusc',
  'breast',
  'tnbc',
  'triple',
  'colo',
  'rect',
  'crc',
  'bowel',
  'melanoma',
  'merkel',
  'squamous',
  'pnet',
  'pdac',
  'pancrea',
  'prostat',
  'crpc',
  'castrat',
  'gastro',
  'gej',
  'gastric',
  'stomach',
  'esophag',
  'escc',
  'serous',
  'ovar',
  'fallopian',
  'peritoneal',
  'renal',
  'rcc',
  'bladder',
  'urothelial',
  'hepatocellular',
  'hcc',
  'cholangio',
  'bile duct',
  'gall',
  'biliary',
  'head and neck',
  'hnscc',
  'scchn',
  'oral',
  'pharyn',
  'laryn',
  'thyroid',
  'glioblastoma',
  'gbm',
  'glioma',
  'astrocytoma',
  'astrocytic',
  'oligodendro',
  'primary brain',
  'primary cns',
  'endometri',
  'uterine',
  'cervi',
  'mesothelioma',
  'gastrointestinal stromal',
  'gist',
  'osteosarcoma',
  'ewing',
  'sarcoma',
  'neuroblastoma',
  'hodgkin',
  'diffuse large',
  'dlbcl',
  'myeloma',
  'chronic lymphocytic',
  'cll',
  'acute myel',
  'aml',
  'myelodysplas',
  'mds',
  'lymphoma',
  'lymphoblastic',
  'leuk',
  'solid',
  'hematologic',
  'blood cancer',
  'any ',
  'all ',
];
/** The stems as one regex: the same test as ninety `includes` calls, in one scan. */
const STEM_RE = new RegExp(STEMS.map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|'));

/**
 * Organ words of registry conditions and the OncoTree tissue each names. Only for conditions, after the
 * patterns above found nothing: registries write "Pancreas Cancer", "Kidney Neoplasms", "Urinary Bladder
 * Neoplasms" or "Brain and Central Nervous System Tumors" (MeSH-style), which name the organ and nothing finer.
 */
const ORGANS: ReadonlyArray<[RegExp, string]> = [
  [/\b(brain|cerebr\w*|intracranial|central nervous system|cns|glio\w*)\b/i, 'BRAIN'],
  [/\bpancrea\w*/i, 'PANCREAS'],
  [/\b(kidney|renal)\b/i, 'KIDNEY'],
  [/\b(urinary|bladder|urothelial|ureter\w*)\b/i, 'BLADDER'],
  [/\b(testis|testes|testicular)\b/i, 'TESTIS'],
  [/\b(skin|cutaneous|non-?melanoma\w*)\b/i, 'SKIN'],
  [/\b(anal|anus|colon|colonic|colorectal|rectal|rectum|bowel|intestin\w*|appendi\w*)\b/i, 'BOWEL'],
  [/\b(uterus|uterine|endometri\w*)\b/i, 'UTERUS'],
  [/\b(breast|mammary)\b/i, 'BREAST'],
  [/\b(eye|ocular|retina\w*|uveal|conjunctiva\w*)\b/i, 'EYE'],
  [/\b(bone|osseous|skeletal)\b/i, 'BONE'],
  [/\bsoft[- ]tissue\b/i, 'SOFT_TISSUE'],
  [/\b(ovary|ovarian|fallopian)\b/i, 'OVARY'],
  [/\b(cervix|cervical)\b/i, 'CERVIX'],
  [/\bthyroid\b/i, 'THYROID'],
  [/\bprostat\w*/i, 'PROSTATE'],
  [/\b(liver|hepatic|hepato\w*)\b/i, 'LIVER'],
  [/\b(esophag\w*|oesophag\w*|gastric|stomach|gastroesophageal)\b/i, 'STOMACH'],
  [/\b(biliary|bile duct|gallbladder|cholangio\w*)\b/i, 'BILIARY_TRACT'],
  [
    /\b(head and neck|oral|oropharyn\w*|laryn\w*|hypopharyn\w*|nasopharyn\w*|tongue|salivary|tonsil\w*|sinonasal)\b/i,
    'HEAD_NECK',
  ],
  [/\b(lung|pulmonary|bronch\w*)\b/i, 'LUNG'],
  [/\b(pleura\w*|mesotheli\w*)\b/i, 'PLEURA'],
  [/\bperitone\w*/i, 'PERITONEUM'],
  [/\badrenal\b/i, 'ADRENAL_GLAND'],
  [/\bthym\w*/i, 'THYMUS'],
  [/\b(vulva\w*|vagina\w*)\b/i, 'VULVA'],
  [/\b(penis|penile)\b/i, 'PENIS'],
];
/** A condition that names a cancer (benign, precancerous or inherited-risk wording excluded). */
const CANCER_WORD =
  /(\bcancers?|carcinoma\w*|\bneoplasms?|\bmalignan\w*|\btumou?rs?|sarcomas?|\boncolog\w*)\b/i;
const NOT_A_CANCER =
  /\b(benign|pre-?cancer\w*|pre-?malignan\w*|predisposition|hereditary|risk|screening|survivors?|prevention|dysplasia)\b/i;
/** Metastases named by their site ("Brain Metastases"): a metastatic solid tumor, not a cancer of that organ. */
const SITE_METASTASES = /\bmetastas[ie]s\b/i;
/** Nothing but generic words: "Cancer", "Neoplasms", "Advanced Cancers", "Malignant Neoplasm", "Tumors". */
const GENERIC =
  /^(?:(?:advanced|metastatic|recurrent|refractory|relapsed|unresectable|malignant|pediatric|childhood|adult|other|multiple|various|unspecified|neoplasm)\s+)*(?:cancers?|neoplasms?|malignan(?:cy|cies)|tumou?rs?|oncology|metastasis)$/i;

/** Codes for a condition the cancer patterns did not recognise. */
function conditionFallback(condition: string): string[] {
  const c = condition.trim();
  // A code ("LUAD"), or an OncoTree name, synonym or main type ("Carcinoma, Renal Cell", "Retinoblastoma").
  const ref = builtinOncoTree().resolve(c, { suggest: false }).ref;
  if (ref) return [ref.code];
  if (NOT_A_CANCER.test(c)) return [];
  if (GENERIC.test(c)) return [ANY];
  if (SITE_METASTASES.test(c)) return [SOLID];
  if (!CANCER_WORD.test(c)) return [];
  if (/^(?:advanced |metastatic )*carcinomas?$/i.test(c)) return [SOLID];
  const out: string[] = [];
  for (const [re, code] of ORGANS) if (re.test(c) && !out.includes(code)) out.push(code);
  return out;
}

/** OncoTree codes for a registry condition list (unique, in order of first mention). */
export function conditionsToCodes(conditions: readonly string[]): string[] {
  const codes: string[] = [];
  for (const c of conditions) {
    let found = CONDITION_CACHE.get(c);
    if (!found) {
      found = findCancerMentions(c).map((f) => f.code);
      if (found.length === 0) found = conditionFallback(c);
      if (CONDITION_CACHE.size > 50_000) CONDITION_CACHE.clear();
      CONDITION_CACHE.set(c, found);
    }
    for (const f of found) if (!codes.includes(f)) codes.push(f);
  }
  return codes;
}

/** Resolves one tumor-type text (a case's "lung adenocarcinoma", "NSCLC", "LUAD") to a code. */
export function resolveCancerText(text: string): { code: string; name: string } | null {
  const t = text.trim();
  if (BY_CODE.has(t.toUpperCase())) return { code: t.toUpperCase(), name: cancerName(t.toUpperCase()) };
  const ref = builtinOncoTree().resolve(t).ref;
  if (ref) return { code: ref.code, name: ref.name };
  const m = findCancerMentions(t)[0];
  return m ? { code: m.code, name: m.name } : null;
}

/** Depth below ALL_TUMORS: more specific codes rank higher (LUAD 4 > NSCLC 3 > LUNG 2 > solid 1). */
export function cancerDepth(code: string): number {
  return cancerAncestors(code).length - 1;
}
