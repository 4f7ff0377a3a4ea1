import type { MetastaticSite } from '../domain/index.js';
import { resolveSite } from '../normalize/sites.js';
import { findCancerMentions, isCancerA, cancerDepth } from './cancer-types.js';
import { drugClassesOf, findDrugs } from './drugs.js';
import { findBiomarkers, type BiomarkerTerm } from './eligibility/parse.js';
import { finishFacts, type CaseFacts } from './facts.js';

/**
 * Free-text clinical summary → CaseFacts, by rules. What it reads:
 * - age ("62-year-old", "age 62", "62 y/o"), sex (woman/man/female/male, she/he);
 * - the primary cancer type (the most specific cancer named outside "metastatic to …" phrases);
 * - metastatic sites with status (sentences that speak of metastases/mets/spread/lesions), e.g.
 *   "brain metastases treated with SRS, stable" → brain, stable;
 * - biomarkers and alterations ("EGFR exon 19 deletion", "KRAS G12C", "HER2 3+", "MSI-H", "PD-L1 TPS 60%",
 *   "ALK rearrangement"), skipping negated ones ("negative for ALK");
 * - prior treatments (drug names, brand names, regimen acronyms), one per step of a sequence ("X, then Y"),
 *   with progression and the adjuvant / neoadjuvant / maintenance setting (not lines of their own);
 * - receptor shorthand ("HR+/HER2-", "ER/PR+");
 * - ECOG, stage, a US ZIP code or "lives in City, ST".
 * Limits: no coreference across sentences beyond the patient's sex pronoun, no dates or dose timing, no lab
 * values; a negation must sit in the same sentence within a few words; family history can be mistaken for the
 * patient's own cancer when it names a cancer type before the patient's.
 */
/** Driver genes a note may report as tested negative; families expand to their members. */
const TESTED_GENE =
  '(?:EGFR|ALK|ROS1|KRAS|NRAS|HRAS|RAS|BRAF|MET|RET|NTRK[1-3]?|ERBB2|PIK3CA|BRCA[12]?|IDH[12]|FGFR[1-4]|KIT|PDGFRA|ESR1|AKT1|PTEN|STK11|KEAP1|NF1|TP53)';
const GENE_ALIASES: Record<string, string[]> = {
  RAS: ['KRAS', 'NRAS'],
  BRCA: ['BRCA1', 'BRCA2'],
  NTRK: ['NTRK1', 'NTRK2', 'NTRK3'],
};

/** "RAS/BRAF wild-type", "EGFR negative" / "negative for EGFR and ALK", "no EGFR mutation". */
const GENE_LIST = `(${TESTED_GENE}(?:\\s*(?:\\/|,|and|or)\\s*${TESTED_GENE})*)`;
const NEGATIVE_AFTER = new RegExp(
  `\\b${GENE_LIST}\\s*(?:gene\\s*)?(?:mutations?|alterations?|fusions?|rearrangements?|status)?\\s*(?:is\\s*|:\\s*|were\\s*|was\\s*)?(?:wild[- ]?type|wt\\b|negative|neg\\b|not detected|not amplified)`,
  'gi',
);
const NEGATIVE_BEFORE = new RegExp(
  `\\b(?:negative for|no|without)\\s+(?:any\\s+|known\\s+|actionable\\s+)?${GENE_LIST}\\s*(?:gene\\s*)?(?:mutations?|alterations?|fusions?|rearrangements?|amplification)?\\b(?!\\s*(?:[-+]|positive|inhibitor|TKI|therapy|treatment))`,
  'gi',
);
const TESTED_NEGATIVE = [NEGATIVE_AFTER, NEGATIVE_BEFORE];

export function factsFromNote(text: string): CaseFacts {
  const facts: CaseFacts = {
    sex: 'unknown',
    sites: [],
    alterations: [],
    biomarkers: [],
    profiled: false,
    priorTherapies: [],
    priorLines: 0,
  };
  const sentences = text
    .replace(/\r/g, '')
    .split(/(?<=[.!?;])\s+|\n+/)
    .map((s) => s.trim())
    .filter(Boolean);

  // Age and sex.
  const age =
    /\b(\d{1,3})[- ]?(?:year|yr)s?[- ]?old\b|\b(\d{1,3})\s*(?:y\/o|yo)\b|\bage[d]?\s*:?\s*(\d{1,3})\b|\b(\d{1,3})\s*(?:M|F)\b/i.exec(
      text,
    );
  // "Mrs. L, 71, has …": the age right after a titled name.
  const titled =
    /\b(?:Mrs?|Ms|Miss|Mx)\.?\s+[A-Z][\w.'-]*,?\s+(?:aged?\s+)?(\d{2,3})\b(?!\s*(?:mg|%|cm|mm|kg))/.exec(
      text,
    );
  const ageText = age ? (age[1] ?? age[2] ?? age[3] ?? age[4]) : titled?.[1];
  if (ageText !== undefined) {
    const v = Number(ageText);
    if (v > 0 && v < 120) facts.age = v;
  }
  if (
    /\b(woman|female|lady|girl|mrs\.?|ms\.?)\b|\b\d{1,3}\s*F\b/i.test(text) ||
    /\bshe\b|\bher\b/i.test(text)
  )
    facts.sex = 'female';
  if (/\b\d{1,3}\s*(?:y\/?o|yo|yrs?|years?(?:[- ]old)?)\s*F\b/.test(text) && facts.sex === 'unknown')
    facts.sex = 'female';
  if (
    (/\b(man|male|gentleman|boy|mr\.?)\b|\b\d{1,3}\s*M\b/i.test(text.replace(/\bfemale\b|\bwoman\b/gi, '')) ||
      /\b\d{1,3}\s*(?:y\/?o|yo|yrs?|years?(?:[- ]old)?)\s*M\b/.test(text)) &&
    facts.sex === 'unknown'
  )
    facts.sex = 'male';
  else if (/\bhe\b|\bhis\b/i.test(text) && facts.sex === 'unknown') facts.sex = 'male';

  // Primary cancer: the most specific mention, ignoring sites named as metastases and family history.
  let best: { code: string; name: string; text: string } | undefined;
  for (const s of sentences) {
    if (/\b(mother|father|sister|brother|family history|aunt|uncle|grandmother|grandfather)\b/i.test(s))
      continue;
    for (const m of findCancerMentions(s)) {
      const before = s.slice(Math.max(0, m.start - 25), m.start);
      if (/\b(metastatic to|spread to|mets? to|metastases to)\s*(the\s*)?$/i.test(before)) continue;
      if (
        !best ||
        (isCancerA(m.code, best.code) && m.code !== best.code) ||
        (!isCancerA(best.code, m.code) && cancerDepth(m.code) > cancerDepth(best.code) && false)
      ) {
        best = { code: m.code, name: m.name, text: s.slice(m.start, m.end) };
      }
    }
  }
  // "non-small cell lung cancer (adenocarcinoma)": the histology word refines the lung type.
  if (best && (best.code === 'NSCLC' || best.code === 'LUNG')) {
    if (/\badenocarcinoma\b/i.test(text))
      best = { code: 'LUAD', name: 'Lung Adenocarcinoma', text: best.text };
    else if (/\bsquamous\b/i.test(text))
      best = { code: 'LUSC', name: 'Lung Squamous Cell Carcinoma', text: best.text };
  }
  if (best) facts.tumorType = { code: best.code, name: best.name, input: best.text };

  // Metastatic sites.
  // "bone-only disease", "liver-predominant disease" name a site too.
  const SITE_WORDS =
    /\b(metasta\w*|mets|spread|deposits?|lesions?|involvement|carcinomatosis|implants?)\b|\b[a-z]+[- ](?:only|predominant|limited) disease\b/i;
  for (const s of sentences) {
    if (!SITE_WORDS.test(s)) continue;
    if (
      /\b(no|without|negative for)\b[^.]{0,30}\b(metasta|mets|spread|lesions?)/i.test(s) &&
      !/\b(brain|liver|bone|lung)\b[^.]{0,20}\bmetasta/i.test(s.replace(/\bno\b[^,.;]*/i, ''))
    )
      continue;
    // Split lists: "metastases to the liver, bones and brain".
    const parts = s.split(/,|;|\band\b|\bas well as\b|\bwith\b/i);
    // A status word ("untreated", "stable") is read from the whole sentence only when it names one site:
    // in "untreated brain mets and lung metastases" it belongs to the brain.
    const sitesNamed = parts.filter((x) => {
      const r = resolveSite(x);
      return r !== null && r.site !== 'other';
    }).length;
    for (const part of parts) {
      // A part naming the cancer and no metastasis word describes the primary ("stage IV cutaneous
      // melanoma"): its organ word is not a metastatic site.
      const mentions = findCancerMentions(part);
      if (mentions.length > 0 && !SITE_WORDS.test(part)) continue;
      // Blank out cancer names first: the "lung" of "lung cancer" is the primary, not a metastatic site.
      let p = part;
      for (const m of mentions) p = p.slice(0, m.start) + ' '.repeat(m.end - m.start) + p.slice(m.end);
      const site = resolveSite(p);
      if (!site || site.site === 'other') continue;
      if (
        best &&
        /liver|lung|bone|brain|pancrea|kidney|ovar|bowel|colon/i.test(p) &&
        !SITE_WORDS.test(p) &&
        !/\b(to|in|of)\s+(the\s+)?\w+\s*$/i.test(p) &&
        parts.length === 1
      )
        continue;
      addSite(facts.sites, {
        site: site.site,
        status:
          site.status !== 'unknown'
            ? site.status
            : sitesNamed <= 1
              ? statusFromSentence(s, site.site)
              : 'unknown',
        text: p.trim(),
      });
    }
  }

  // Biomarkers and alterations.
  for (const s of sentences) {
    for (const item of findBiomarkers(s)) {
      if (item.category !== 'biomarker' || item.negated) continue;
      for (const t of item.anyOf) addTerm(facts, t, item.text);
    }
    const pdl1 =
      /\bPD-?L1\b[^.;]{0,25}?\b(TPS|CPS|tumou?r proportion score|combined positive score)?\s*(?:of|:|=|is)?\s*(<\s*|less than\s*)?(\d{1,3})\s*%?/i.exec(
        s,
      );
    if (pdl1 && !facts.biomarkers.some((b) => b.name === 'PD-L1')) {
      const scoreType = /CPS|combined/i.test(pdl1[1] ?? '') ? 'CPS' : 'TPS';
      // "PD-L1 <1%" is below the 1% cut-off: negative, with no exact value.
      const below = pdl1[2] !== undefined;
      const v = Number(pdl1[3]);
      facts.biomarkers.push({
        name: 'PD-L1',
        ...(below ? {} : { value: v }),
        scoreType,
        status: below ? (v <= 1 ? 'negative' : 'positive') : v >= 1 ? 'positive' : 'negative',
        text: pdl1[0],
      });
    }
    if (
      /\b(NGS|next[- ]generation sequencing|FoundationOne|Guardant|MSK-IMPACT|tumor sequencing|molecular profiling|genomic profiling)\b/i.test(
        s,
      )
    )
      facts.profiled = true;
  }
  // Receptor shorthand the criterion parser leaves to prose: "HR+/HER2-", "ER+/PR-", "ER/PR+", "HER2 3+" is
  // read by the parser.
  for (const m of text.matchAll(/\b(ER\s*\/\s*PR|ER|PR|PgR|HR|HER-?2)\s?(\+{1,3}|-(?![A-Za-z0-9])|−)/g)) {
    const status = m[2] === '-' || m[2] === '−' ? 'negative' : 'positive';
    const key = m[1]!.toUpperCase().replace(/\s/g, '');
    const names =
      key === 'ER/PR' || key === 'HR'
        ? ['ER', 'PR']
        : key === 'PGR'
          ? ['PR']
          : [key.startsWith('HER') ? 'HER2' : key];
    for (const name of names)
      if (!facts.biomarkers.some((b) => b.name === name))
        facts.biomarkers.push({ name: name as 'ER' | 'PR' | 'HER2', status, text: m[0] });
  }
  // Genes tested and found without alteration: "RAS/BRAF wild-type", "EGFR/ALK/ROS1 negative", "negative for
  // EGFR and ALK", "no EGFR mutation detected". A variant named in between ("BRAF V600E negative") rules out
  // that variant only, so it is left to the criterion parser.
  const negative = new Set<string>();
  for (const re of TESTED_NEGATIVE)
    for (const m of text.matchAll(re))
      for (const g of m[1]!.split(/\s*(?:\/|,|\band\b|\bor\b)\s*/i))
        // Gene symbols as written, in capitals: "met", "ret" and "kit" in lower case are English words.
        if (g === g.toUpperCase()) for (const gene of GENE_ALIASES[g] ?? [g]) negative.add(gene);
  const tested = [...negative].filter((g) => !facts.alterations.some((a) => a.gene === g));
  if (tested.length > 0) facts.testedNegative = tested;
  if (facts.alterations.length > 0) facts.profiled = true;

  // Prior treatments.
  for (const s of sentences) {
    if (findDrugs(s).length === 0) continue;
    if (
      /\b(will start|plan(ned)? to|recommend|consider|candidate for|offered)\b/i.test(s) &&
      !/\b(received|treated|progress|after|on)\b/i.test(s)
    )
      continue;
    // One therapy per step of a sequence ("letrozole + palbociclib, then fulvestrant"; "FOLFOX followed by
    // FOLFIRI"); drugs named together in one step are given together ("carboplatin/pemetrexed").
    const steps = s.split(/\bthen\b|\bfollowed by\b|\bsubsequently\b|\blater\b|→|->/i).flatMap(splitSettings);
    for (const step of steps) {
      const drugs = findDrugs(step);
      if (drugs.length === 0) continue;
      // Progression read in the step itself; in a single-step sentence the whole sentence speaks of it.
      const where = steps.length > 1 ? step : s;
      const progressed =
        /\bprogress\w*|\brefractory\b|\bresistan\w*|\bgrowth on\b|\bfailed\b|\brelapsed?\b/i.test(where) ||
        // "PD" as RECIST progressive disease, not the PD of PD-1 / PD-L1.
        /\bPD\b(?![-‐]?L?-?\d)/.test(where)
          ? true
          : /\b(response|responded|stable disease|partial response|complete response)\b/i.test(where) &&
              !/progress/i.test(where)
            ? false
            : undefined;
      const setting = /\bneo-?adjuvant\b/i.test(step)
        ? 'neoadjuvant'
        : /\badjuvant\b/i.test(step)
          ? 'adjuvant'
          : /\bmaintenance\b/i.test(step)
            ? 'maintenance'
            : undefined;
      // "now on FOLFIRI", "currently receiving pembrolizumab": the present therapy, not a line behind.
      const current =
        progressed !== true &&
        /\b(?:now|currently|presently|still)\s+(?:on|receiving|taking|being treated with)\b/i.test(step);
      facts.priorTherapies.push({
        drugs,
        name: drugs.join(' + '),
        classes: [...new Set(drugs.flatMap(drugClassesOf))],
        type: 'systemic',
        ...(progressed !== undefined ? { progressed } : {}),
        ...(setting ? { setting } : {}),
        ...(current ? { current } : {}),
      });
    }
  }
  if (
    /\b(SRS|stereotactic radiosurgery|whole[- ]brain radiation|WBRT|radiotherapy|radiation therapy|SBRT)\b/i.test(
      text,
    )
  )
    facts.priorTherapies.push({ drugs: [], name: 'radiation', classes: [], type: 'radiation' });

  const kps =
    /\b(?:KPS|Karnofsky(?: performance)?(?: status| score)?)\s*(?:of|is|:|=)?\s*(100|[1-9]0)\s*%?/i.exec(
      text,
    );
  if (kps) facts.karnofsky = Number(kps[1]);
  // "PS" right after "Karnofsky" is the Karnofsky score, not ECOG.
  const ecog = /\b(?:ECOG|(?<!Karnofsky )performance status|PS)\s*(?:of|is|:|=)?\s*([0-4])\b/i.exec(text);
  if (ecog) facts.ecog = Number(ecog[1]);
  const stage = /\bstage\s+(IV|III|II|I|[1-4])([ABC]?)\b/i.exec(text);
  if (stage)
    facts.stage = `${/^\d$/.test(stage[1]!) ? ['I', 'II', 'III', 'IV'][Number(stage[1]) - 1] : stage[1]!.toUpperCase()}${stage[2]!.toUpperCase()}`;
  if (/\bmetastatic\b|\bstage IV\b|\bmets\b/i.test(text)) facts.metastatic = true;
  const zip = /\b(?:zip(?: code)?|lives in [^.]*?)\s*:?\s*(\d{5})\b/i.exec(text);
  const city = /\b[Ll]ives? (?:in|near) ([A-Z][A-Za-z. ]+(?:, ?[A-Z]{2}\b)?)/.exec(text);
  if (zip) facts.location = { postalCode: zip[1]!, country: 'United States' };
  else if (city)
    facts.location = {
      city: city[1]!.trim().split(',')[0]!,
      ...(city[1]!.includes(',') ? { region: city[1]!.split(',')[1]!.trim() } : {}),
    };
  finishFacts(facts);
  return facts;
}

const SETTING_WORD = /\b(?:neo-?adjuvant|adjuvant|maintenance)\b/i;

/**
 * A step listing a regimen and a maintenance or adjuvant one by comma ("carboplatin/paclitaxel, olaparib
 * maintenance") is two therapies; otherwise commas separate the drugs of one regimen.
 */
function splitSettings(step: string): string[] {
  if (!SETTING_WORD.test(step) || !step.includes(',')) return [step];
  const pieces = step.split(',');
  const withDrugs = pieces.filter((p) => findDrugs(p).length > 0);
  const flagged = withDrugs.filter((p) => SETTING_WORD.test(p));
  if (flagged.length === 0 || flagged.length === withDrugs.length) return [step];
  return [pieces.filter((p) => !flagged.includes(p)).join(','), ...flagged];
}

function statusFromSentence(s: string, site: MetastaticSite['site']): MetastaticSite['status'] {
  const r = resolveSite(`${site} ${s}`);
  return r?.status ?? 'unknown';
}

function addSite(list: CaseFacts['sites'], s: CaseFacts['sites'][number]): void {
  const same = list.find((x) => x.site === s.site);
  if (!same) list.push(s);
  else if (same.status === 'unknown' && s.status !== 'unknown') same.status = s.status;
}

/** The marker phrase of a parser item's text, up to the first comma or semicolon (the item runs on after it). */
function shortText(text: string): string {
  const t = text.split(/[,;]/)[0]!.slice(0, 60).trim();
  return (t.split('(').length < t.split(')').length ? t.replace(/\)\s*$/, '') : t).trim();
}

function addTerm(f: CaseFacts, t: BiomarkerTerm, text: string): void {
  const push = (a: CaseFacts['alterations'][number]): void => {
    if (!f.alterations.some((x) => x.gene === a.gene && x.alteration === a.alteration)) f.alterations.push(a);
  };
  switch (t.kind) {
    case 'variant':
      push({
        gene: t.gene,
        kind: 'mutation',
        alteration: t.alteration ?? '',
        classes: [],
        text: `${t.gene} ${t.alteration}`,
      });
      return;
    case 'class':
      push({
        gene: t.gene,
        kind: 'mutation',
        alteration: t.cls ?? '',
        classes:
          t.cls === 'exon19_deletion'
            ? ['exon19_inframe_deletion']
            : t.cls === 'exon20_insertion'
              ? ['exon20_insertion']
              : t.cls === 'exon14_skipping'
                ? ['exon14_skipping']
                : [],
        text: shortText(text),
      });
      return;
    case 'mutation':
    case 'alteration':
      push({ gene: t.gene, kind: 'mutation', alteration: '', classes: [], text: `${t.gene} mutation` });
      return;
    case 'fusion':
      push({
        gene: t.gene,
        kind: 'fusion',
        alteration: `${t.gene} fusion`,
        classes: [],
        text: `${t.gene} fusion`,
        partners: [t.gene],
      });
      return;
    case 'amplification':
      push({
        gene: t.gene,
        kind: 'copyNumber',
        alteration: 'amplification',
        classes: [],
        text: `${t.gene} amplification`,
      });
      return;
    case 'status': {
      if (t.gene === 'HR') {
        for (const n of ['ER', 'PR'] as const)
          if (!f.biomarkers.some((b) => b.name === n))
            f.biomarkers.push({
              name: n,
              ...(t.status ? { status: t.status } : {}),
              // "HR+" speaks for both receptors: each gets its own plain label.
              text: t.status ? `${n} ${t.status} (hormone receptor)` : shortText(text),
            });
        return;
      }
      const name = t.gene === 'ERBB2' ? 'HER2' : t.gene === 'CD274' ? 'PD-L1' : t.gene;
      if (!['HER2', 'PD-L1', 'MSI', 'MMR', 'TMB', 'ER', 'PR', 'HRD'].includes(name)) return;
      // "PD-L1 <1%": below a cut-off, so not an exact score; under 1% is negative.
      const below = t.threshold !== undefined && (t.threshold.op === '<' || t.threshold.op === '<=');
      const value = below ? undefined : t.threshold?.value;
      const status = below
        ? t.threshold!.value <= 1
          ? 'negative'
          : undefined
        : t.gene === 'MSI'
          ? t.status === 'high'
            ? 'MSI-H'
            : 'MSS'
          : t.gene === 'MMR'
            ? t.status === 'deficient'
              ? 'dMMR'
              : 'pMMR'
            : t.status;
      if (f.biomarkers.some((b) => b.name === name)) return;
      f.biomarkers.push({
        name: name as CaseFacts['biomarkers'][number]['name'],
        ...(status ? { status } : {}),
        ...(value !== undefined ? { value } : {}),
        ...(t.threshold?.scoreType ? { scoreType: t.threshold.scoreType } : {}),
        text: shortText(text),
      });
      return;
    }
    default: {
      const never: never = t.kind;
      return never;
    }
  }
}
