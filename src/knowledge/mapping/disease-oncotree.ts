import { ALL_LIQUID_TUMORS, ALL_SOLID_TUMORS, ALL_TUMORS } from '../../domain/index.js';

/**
 * Disease names used by the imported sources → OncoTree codes (release oncotree_2025_10_03), written by us.
 *
 * Approach: a hand-made table keyed by Disease Ontology id (CIViC) and by lower-cased name (CIViC, MOAlmanac,
 * CGI free text), plus a table for CGI's own tumor acronyms and for retired OncoTree codes still used by
 * MOAlmanac. A disease maps to the most specific OncoTree node that contains all of it; when a name spans
 * several branches (e.g. "sarcoma" = soft tissue + bone) it maps to several codes. Subtypes that OncoTree
 * does not model (HER2-positive, triple-negative, castration-resistant…) map to their organ type: the
 * biomarker part is expressed by the evidence's alteration pattern, not the tumor type. Names we could not
 * map with confidence (syndromes, "neuroendocrine tumor" of unstated origin, "leukemia") are left out and
 * reported by the importers with counts. Every code here is checked against the shared OncoTree release
 * by a test.
 */
export interface DiseaseMapping {
  codes: readonly string[];
  /** The source's name or id that was matched. */
  matchedBy: 'doid' | 'name' | 'acronym' | 'code';
}

/** [DOID number (no prefix), CIViC name, OncoTree codes]. Ordered roughly by how often CIViC uses them. */
const DOID_TABLE: readonly (readonly [string, string, readonly string[]])[] = [
  ['3908', 'Lung Non-small Cell Carcinoma', ['NSCLC']],
  ['8552', 'Chronic Myeloid Leukemia', ['CML']],
  ['9256', 'Colorectal Cancer', ['COADREAD']],
  ['162', 'Cancer', [ALL_TUMORS]],
  ['1612', 'Breast Cancer', ['BREAST']],
  ['1909', 'Melanoma', ['MEL', 'UM', 'HNMUCM', 'ARMM', 'URMM']],
  ['3910', 'Lung Adenocarcinoma', ['LUAD']],
  ['0060079', 'Her2-receptor Positive Breast Cancer', ['BREAST']],
  ['9253', 'Gastrointestinal Stromal Tumor', ['GIST']],
  ['9119', 'Acute Myeloid Leukemia', ['AML']],
  ['8923', 'Skin Melanoma', ['SKCM']],
  ['2394', 'Ovarian Cancer', ['OVARY']],
  ['0080630', 'B-lymphoblastic Leukemia/lymphoma', ['BLL']],
  ['5520', 'Head And Neck Squamous Cell Carcinoma', ['HNSC']],
  ['1793', 'Pancreatic Cancer', ['PANCREAS']],
  ['3068', 'Glioblastoma', ['GB']],
  ['9538', 'Multiple Myeloma', ['PCM']],
  ['769', 'Neuroblastoma', ['NBL']],
  ['10283', 'Prostate Cancer', ['PROSTATE']],
  ['1040', 'Chronic Lymphocytic Leukemia', ['CLLSLL']],
  ['4947', 'Cholangiocarcinoma', ['CHOL']],
  ['6039', 'Uveal Melanoma', ['UM']],
  ['3717', 'Gastric Adenocarcinoma', ['STAD']],
  ['4450', 'Renal Cell Carcinoma', ['RCC']],
  ['1115', 'Sarcoma', ['SOFT_TISSUE', 'BONE']],
  ['1380', 'Endometrial Cancer', ['UCEC']],
  ['0080909', 'Castration-resistant Prostate Carcinoma', ['PROSTATE']],
  ['1324', 'Lung Cancer', ['LUNG']],
  ['0080650', 'B-lymphoblastic Leukemia/lymphoma, BCR-ABL1–like', ['BLLBCRABL1L']],
  ['2671', 'Transitional Cell Carcinoma', ['BLADDER']],
  ['4007', 'Bladder Carcinoma', ['BLADDER']],
  ['4074', 'Pancreatic Adenocarcinoma', ['PAAD']],
  ['5517', 'Stomach Carcinoma', ['STOMACH']],
  ['3070', 'High Grade Glioma', ['DIFG']],
  ['0060075', 'Estrogen-receptor Positive Breast Cancer', ['BREAST']],
  ['3973', 'Medullary Thyroid Carcinoma', ['THME']],
  ['0060318', 'Acute Promyelocytic Leukemia', ['APLPMLRARA']],
  ['0050861', 'Colorectal Adenocarcinoma', ['COADREAD']],
  ['11934', 'Head And Neck Cancer', ['HEAD_NECK']],
  [
    '0080164',
    'Myeloid And Lymphoid Neoplasms With Eosinophilia And Abnormalities Of PDGFRA, PDGFRB, And FGFR1',
    ['MLNER'],
  ],
  ['9952', 'Acute Lymphoblastic Leukemia', ['BLL', 'TLL']],
  ['5603', 'T-cell Acute Lymphoblastic Leukemia', ['TLL']],
  ['219', 'Colon Cancer', ['COAD']],
  ['3969', 'Papillary Thyroid Carcinoma', ['THPA']],
  ['0060081', 'Triple-receptor Negative Breast Cancer', ['BREAST']],
  ['0080144', 'Childhood Acute Lymphocytic Leukemia', ['BLL', 'TLL']],
  ['0050905', 'Inflammatory Myofibroblastic Tumor', ['IMT']],
  ['10534', 'Stomach Cancer', ['STOMACH']],
  ['2513', 'Basal Cell Carcinoma', ['BCC']],
  ['3498', 'Pancreatic Ductal Adenocarcinoma', ['PAAD']],
  ['5409', 'Lung Small Cell Carcinoma', ['SCLC']],
  ['0060080', 'Her2-receptor Negative Breast Cancer', ['BREAST']],
  ['8418', 'Congenital Fibrosarcoma', ['IFS']],
  ['0050933', 'Ovarian Serous Carcinoma', ['SOC']],
  ['4001', 'Ovarian Carcinoma', ['OVT']],
  ['7474', 'Malignant Pleural Mesothelioma', ['PLMESO']],
  ['0050746', 'Mantle Cell Lymphoma', ['MCL']],
  ['0050744', 'Anaplastic Large Cell Lymphoma', ['ALCL']],
  ['0050745', 'Diffuse Large B-cell Lymphoma', ['DLBCLNOS']],
  ['1781', 'Thyroid Cancer', ['THYROID']],
  ['0080146', 'Childhood B-cell Acute Lymphoblastic Leukemia', ['BLL']],
  ['0050873', 'Follicular Lymphoma', ['FL']],
  ['3907', 'Lung Squamous Cell Carcinoma', ['LUSC']],
  ['0050902', 'Medulloblastoma', ['MBL']],
  ['3368', 'Ewing Sarcoma Of Bone', ['ES']],
  ['684', 'Hepatocellular Carcinoma', ['HCC']],
  ['0060108', 'Brain Glioma', ['DIFG', 'ENCG']],
  ['0050934', 'Ovarian Clear Cell Carcinoma', ['CCOV']],
  ['6812', 'Childhood Pilocytic Astrocytoma', ['PAST']],
  ['4928', 'Intrahepatic Cholangiocarcinoma', ['IHCH']],
  ['0080522', 'Anaplastic Thyroid Carcinoma', ['THAP']],
  ['2152', 'Epithelial Ovarian Cancer', ['OVT']],
  ['4362', 'Cervical Cancer', ['CERVIX']],
  ['4905', 'Pancreatic Carcinoma', ['PANCREAS']],
  ['1790', 'Malignant Mesothelioma', ['PLMESO', 'PEMESO']],
  ['0001816', 'Angiosarcoma', ['ANGS']],
  ['3963', 'Thyroid Gland Carcinoma', ['THYROID']],
  ['0050929', 'Mucosal Melanoma', ['HNMUCM', 'ARMM', 'URMM']],
  ['234', 'Colon Adenocarcinoma', ['COAD']],
  ['0080808', 'Mammary Analogue Secretory Carcinoma', ['HNMASC']],
  ['3507', 'Dermatofibrosarcoma Protuberans', ['DFSP']],
  ['4607', 'Biliary Tract Cancer', ['BILIARY_TRACT']],
  ['0070004', 'Myeloid Neoplasm', ['MNM']],
  ['0080996', 'Diffuse Large B-cell Lymphoma Activated B-cell Type', ['DLBCLNOS']],
  ['8997', 'Polycythemia Vera', ['PV']],
  ['1788', 'Peritoneal Mesothelioma', ['PEMESO']],
  ['3347', 'Osteosarcoma', ['OS']],
  ['3965', 'Merkel Cell Carcinoma', ['MCC']],
  ['3748', 'Esophagus Squamous Cell Carcinoma', ['ESCC']],
  ['2871', 'Endometrial Carcinoma', ['UCEC']],
  ['3181', 'Oligodendroglioma', ['ODG']],
  ['0060901', 'Lymphoplasmacytic Lymphoma', ['LPL']],
  ['3905', 'Lung Carcinoma', ['LUNG']],
  ['3151', 'Skin Squamous Cell Carcinoma', ['CSCC']],
  ['2226', 'Myeloproliferative Neoplasm', ['MPN']],
  ['6263', 'Inflammatory Breast Carcinoma', ['IBC']],
  ['3382', 'Liposarcoma', ['LIPO']],
  ['4926', 'Bronchiolo-alveolar Adenocarcinoma', ['LUAD']],
  ['285', 'Hairy Cell Leukemia', ['HCL']],
  ['349', 'Systemic Mastocytosis', ['SM']],
  ['5940', 'Malignant Peripheral Nerve Sheath Tumor', ['MPNST']],
  ['3369', 'Ewing Sarcoma', ['ES', 'ESST']],
  ['8850', 'Salivary Gland Cancer', ['SACA']],
  ['0080187', 'Chronic Neutrophilic Leukemia', ['CNL']],
  ['3247', 'Rhabdomyosarcoma', ['RMS']],
  ['5744', 'Ovary Serous Adenocarcinoma', ['SOC']],
  ['715', 'T-cell Lymphoblastic Leukemia/lymphoma', ['TLL']],
  ['14145', 'Malignant Anus Melanoma', ['ARMM']],
  ['6477', 'Invasive Bladder Transitional Cell Carcinoma', ['BLCA']],
  ['1520', 'Colon Carcinoma', ['COAD']],
  ['10286', 'Prostate Carcinoma', ['PROSTATE']],
  ['2531', 'Hematologic Cancer', [ALL_LIQUID_TUMORS]],
  ['4914', 'Esophagus Adenocarcinoma', ['ESCA']],
  ['3702', 'Cervical Adenocarcinoma', ['CEAD']],
  ['3284', 'Thymic Carcinoma', ['THYC']],
  ['4465', 'Papillary Renal Cell Carcinoma', ['PRCC']],
  ['1542', 'Head And Neck Carcinoma', ['HEAD_NECK']],
  ['0050939', 'Uterine Corpus Endometrial Carcinoma', ['UCEC']],
  ['1107', 'Esophageal Carcinoma', ['ESCA', 'ESCC']],
  ['4896', 'Bile Duct Adenocarcinoma', ['CHOL']],
  ['4451', 'Renal Carcinoma', ['KIDNEY']],
  ['4006', 'Bladder Urothelial Carcinoma', ['BLCA']],
  ['3073', 'Brain Glioblastoma Multiforme', ['GB']],
  ['4922', 'Breast Secretory Carcinoma', ['JSCB']],
  ['2893', 'Cervix Carcinoma', ['CERVIX']],
  ['0080638', 'B-cell Acute Lymphoblastic Leukemia', ['BLL']],
  ['4051', 'Alveolar Rhabdomyosarcoma', ['ARMS']],
  ['6354', 'Chronic Lymphocytic Leukemia/small Lymphocytic Lymphoma', ['CLLSLL']],
  ['4467', 'Clear Cell Renal Cell Carcinoma', ['CCRCC']],
  ['3029', 'Colon Mucinous Adenocarcinoma', ['MACR']],
  ['3033', 'Colon Signet Ring Adenocarcinoma', ['SRCCR']],
  ['2870', 'Endometrial Adenocarcinoma', ['UCEC']],
  ['5750', 'Endometrial Serous Adenocarcinoma', ['USC']],
  ['5828', 'Endometrioid Ovary Carcinoma', ['EOV']],
  ['3962', 'Follicular Thyroid Carcinoma', ['THFO']],
  ['0050626', 'Gastrointestinal Neuroendocrine Tumor', ['GINET']],
  ['7146', 'Langerhans Cell Sarcoma', ['LCS']],
  ['2571', 'Langerhans-cell Histiocytosis', ['LCH']],
  ['2876', 'Laryngeal Squamous Cell Carcinoma', ['LXSC']],
  ['0080829', 'Low Grade Glioma', ['LGGNOS', 'PDIFLG']],
  ['0080830', 'Childhood Low-grade Glioma', ['LGGNOS', 'PDIFLG']],
  ['6482', 'Lung Acinar Adenocarcinoma', ['LUAD']],
  ['0050908', 'Myelodysplastic Syndrome', ['MDS']],
  ['5746', 'Ovarian Serous Cystadenocarcinoma', ['SOC']],
  ['5742', 'Pancreatic Acinar Cell Adenocarcinoma', ['PAAC']],
  ['4851', 'Pilocytic Astrocytoma', ['PAST']],
  ['5151', 'Plexiform Neurofibroma', ['NFIB']],
  ['1993', 'Rectum Cancer', ['READ']],
  ['3672', 'Rhabdoid Cancer', ['MRT']],
  ['0050904', 'Salivary Gland Carcinoma', ['SACA']],
  ['11054', 'Urinary Bladder Cancer', ['BLADDER']],
  ['4829', 'Adenosquamous Lung Carcinoma', ['LUAS']],
  ['3950', 'Adrenal Carcinoma', ['ACC']],
  ['5621', 'Histiocytic And Dendritic Cell Cancer', ['HDCN']],
  ['8541', "Sezary's Disease", ['SS']],
  ['0060463', 'NUT Midline Carcinoma', ['NUTCL', 'NMCHN']],
];

/** Names without a DOID (CIViC writes "Solid Tumor" with an empty doid) and free-text names from other sources. */
const NAME_TABLE: readonly (readonly [string, readonly string[]])[] = [
  ['solid tumor', [ALL_SOLID_TUMORS]],
  ['solid tumors', [ALL_SOLID_TUMORS]],
  ['glioma', ['DIFG', 'ENCG']],
  ['diffuse midline glioma', ['DMG']],
  ['pancreatic neuroendocrine tumor', ['PANET']],
  ['any solid tumor', [ALL_SOLID_TUMORS]],
  ['any cancer type', [ALL_TUMORS]],
  ['cancer', [ALL_TUMORS]],
  ['hematologic malignancies', [ALL_LIQUID_TUMORS]],
  ['non-small cell lung cancer', ['NSCLC']],
  ['colorectal adenocarcinoma', ['COADREAD']],
  ['melanoma', ['MEL', 'UM', 'HNMUCM', 'ARMM', 'URMM']],
  ['cutaneous melanoma', ['SKCM']],
  ['chronic myelogenous leukemia', ['CML']],
  ['chronic myeloid leukemia', ['CML']],
  ['acute myeloid leukemia', ['AML']],
  ['gastrointestinal stromal tumor', ['GIST']],
];

/** CGI's own tumor acronyms (the `Primary Tumor acronym` column; names from its `Primary Tumor type`). */
const CGI_TABLE: readonly (readonly [string, string, readonly string[]])[] = [
  ['CANCER', 'Any cancer type', [ALL_TUMORS]],
  ['SOLID', 'Solid tumors', [ALL_SOLID_TUMORS]],
  ['HEMATO', 'Hematologic malignancies', [ALL_LIQUID_TUMORS]],
  ['CML', 'Chronic myeloid leukemia', ['CML']],
  ['CM', 'Cutaneous melanoma', ['SKCM']],
  ['L', 'Lung', ['LUNG']],
  ['LUAD', 'Lung adenocarcinoma', ['LUAD']],
  ['LUSC', 'Lung squamous cell', ['LUSC']],
  ['NSCLC', 'Non-small cell lung', ['NSCLC']],
  ['BRCA', 'Breast adenocarcinoma', ['BREAST']],
  ['COREAD', 'Colorectal adenocarcinoma', ['COADREAD']],
  ['G', 'Glioma', ['DIFG', 'ENCG']],
  ['GB', 'Glioblastoma', ['GB']],
  ['GBM', 'Glioblastoma multiforme', ['GB']],
  ['MA', 'Malignant astrocytoma', ['ASTR']],
  ['GIST', 'Gastrointestinal stromal', ['GIST']],
  ['AML', 'Acute myeloid leukemia', ['AML']],
  ['APML', 'Acute promyelocytic leukemia', ['APLPMLRARA']],
  ['MKB', 'Megakaryoblastic leukemia', ['AMKL']],
  ['PRAD', 'Prostate adenocarcinoma', ['PRAD']],
  ['OV', 'Ovary', ['OVARY']],
  ['BLCA', 'Bladder', ['BLADDER']],
  ['UTC', 'Urinary tract carcinoma', ['BLADDER']],
  ['ED', 'Endometrium', ['UCEC']],
  ['R', 'Renal', ['KIDNEY']],
  ['RA', 'Renal angiomyolipoma', ['RAML']],
  ['MPN', 'Malignant peripheral nerve sheat tumor', ['MPNST']],
  ['ALL', 'Acute lymphoblastic leukemia', ['BLL', 'TLL']],
  ['CLL', 'Chronic lymphocytic leukemia', ['CLLSLL']],
  ['ST', 'Stomach', ['STOMACH']],
  ['PA', 'Pancreas', ['PANCREAS']],
  ['PAAD', 'Pancreatic adenocarcinoma', ['PAAD']],
  ['MYMA', 'Myeloma', ['PCM']],
  ['MM', 'Multiple myeloma', ['PCM']],
  ['TH', 'Thyroid', ['THYROID']],
  ['THCA', 'Thyroid carcinoma', ['THYROID']],
  ['PLEN', 'Plexiform neurofibroma', ['NFIB']],
  ['NF', 'Neurofibroma', ['NFIB']],
  ['SCHW', 'Schwannoma', ['SCHW']],
  ['HNC', 'Head an neck', ['HEAD_NECK']],
  ['HNSC', 'Head an neck squamous', ['HNSC']],
  ['THYM', 'Thymic', ['TET']],
  ['MDPS', 'Myelodisplasic proliferative syndrome', ['MDS/MPN']],
  ['MDS', 'Myelodysplastic syndrome', ['MDS']],
  ['MEN', 'Meningioma', ['MNG']],
  ['BCC', 'Basal cell carcinoma', ['BCC']],
  ['LY', 'Lymphoma', ['HL', 'NHL']],
  ['BCL', 'B cell lymphoma', ['MBN']],
  ['MCL', 'Mantle cell lymphoma', ['MCL']],
  ['HCL', 'Hairy cell leukemia', ['HCL']],
  ['WM', 'Waldenström macroglobulinemia', ['WM']],
  ['BT', 'Billiary tract', ['BILIARY_TRACT']],
  ['CH', 'Cholangiocarcinoma', ['CHOL']],
  ['MB', 'Medulloblastoma', ['MBL']],
  ['HC', 'Hepatic carcinoma', ['HCC']],
  ['MESO', 'Mesothelioma', ['PLMESO', 'PEMESO']],
  ['LIP', 'Liposarcoma', ['LIPO']],
  ['NB', 'Neuroblastoma', ['NBL']],
  ['RB', 'Retinoblastoma', ['RBL']],
  ['MRT', 'Malignant rhabdoid tumor', ['MRT']],
  ['OS', 'Osteosarcoma', ['OS']],
  ['CESC', 'Cervix squamous cell', ['CESC']],
  ['CER', 'Cervix', ['CERVIX']],
  ['AA', 'Adrenal adenoma', ['ACA']],
  ['S', 'Sarcoma', ['SOFT_TISSUE', 'BONE']],
  ['LAM', 'Lymphangioleiomyomatosis', ['LAM']],
  ['IM', 'Inflammatory myofibroblastic', ['IMT']],
  ['RHBDS', 'Rhabdomyosarcoma', ['RMS']],
  ['MY', 'Myelofibrosis', ['PMF']],
  ['SM', 'Systemic mastocytosis', ['SM']],
  ['ACML', 'Atypical chronic myeloid leukemia', ['ACML']],
  ['ADCC', 'Adenoid cystic carcinoma', ['ACYC']],
  ['DFS', 'Dermatofibrosarcoma', ['DFSP']],
  ['SG', 'Salivary gland', ['SACA']],
  ['GEJA', 'Gastroesophageal junction adenocarcinoma', ['GEJ']],
  ['FGCT', 'Female germ cell tumor', ['OGCT']],
  ['MGCT', 'Male germ cell tumor', ['TESTIS']],
];

/**
 * OncoTree codes used by MOAlmanac's flat release that the 2025 OncoTree no longer has (see the
 * `history` column of the OncoTree flat file).
 */
const RETIRED_ONCOTREE: Readonly<Record<string, readonly string[]>> = {
  ALL: ['BLL', 'TLL'],
  BALL: ['BLL'],
  TALL: ['TLL'],
  MM: ['PCM'],
  MLN: ['MLNER'],
};

const byDoid = new Map<string, readonly string[]>();
const byName = new Map<string, readonly string[]>();
for (const [doid, name, codes] of DOID_TABLE) {
  byDoid.set(doid, codes);
  byName.set(normalizeName(name), codes);
}
for (const [name, codes] of NAME_TABLE) byName.set(normalizeName(name), codes);
const byCgi = new Map<string, readonly string[]>(CGI_TABLE.map(([a, , codes]) => [a, codes]));

function normalizeName(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[\u2010-\u2015]/g, '-')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
}

/** CIViC disease: by DOID first (strip an optional `DOID:` prefix), then by name. */
export function mapCivicDisease(doid: string, name: string): DiseaseMapping | null {
  const id = doid.trim().replace(/^DOID:/i, '');
  if (id !== '') {
    const codes = byDoid.get(id);
    if (codes) return { codes, matchedBy: 'doid' };
  }
  return mapDiseaseName(name);
}

/** Free-text disease name (case and spacing insensitive). */
export function mapDiseaseName(name: string): DiseaseMapping | null {
  const n = normalizeName(name);
  if (n === '') return null;
  const codes = byName.get(n);
  return codes ? { codes, matchedBy: 'name' } : null;
}

/** One CGI acronym (the column holds several joined by `;`). */
export function mapCgiTumor(acronym: string): DiseaseMapping | null {
  const codes = byCgi.get(acronym.trim().toUpperCase());
  return codes ? { codes, matchedBy: 'acronym' } : null;
}

/**
 * An OncoTree code written by a source (MOAlmanac): kept as is when `known` says it exists, mapped when it
 * is a retired code; unknown codes are kept only when no `known` set is given.
 */
export function mapOncotreeCode(code: string, known?: (code: string) => boolean): DiseaseMapping | null {
  const c = code.trim().toUpperCase();
  if (c === '') return null;
  const retired = RETIRED_ONCOTREE[c];
  if (retired) return { codes: retired, matchedBy: 'code' };
  if (known && !known(c)) return null;
  return { codes: [c], matchedBy: 'code' };
}

/** Every OncoTree code the tables can produce (pseudo-codes excluded), for the release check in tests. */
export function allMappedCodes(): string[] {
  const out = new Set<string>();
  const add = (codes: readonly string[]) => {
    for (const c of codes)
      if (c !== ALL_TUMORS && c !== ALL_SOLID_TUMORS && c !== ALL_LIQUID_TUMORS) out.add(c);
  };
  for (const [, , codes] of DOID_TABLE) add(codes);
  for (const [, codes] of NAME_TABLE) add(codes);
  for (const [, , codes] of CGI_TABLE) add(codes);
  for (const codes of Object.values(RETIRED_ONCOTREE)) add(codes);
  return [...out].sort();
}

/** Number of DOIDs the table covers (reported in docs). */
export const DOID_COUNT = new Set(DOID_TABLE.map(([d]) => d)).size;
