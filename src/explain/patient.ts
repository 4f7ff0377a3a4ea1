import type {
  AnnotationResult,
  Biomarker,
  Case,
  MetastaticSiteCode,
  TrialMatch,
  TrialSite,
} from '../domain/index.js';
import { VERSION } from '../version.js';
import { allPills } from './drugs.js';
import {
  biomarkerPositive,
  caseFacts,
  isoDate,
  knowledgeLine,
  type CaseFacts,
  type Finding,
} from './facts.js';
import { en } from './messages/en.js';
import type { FindingWords, Messages } from './messages/types.js';
import {
  REPORT_SCHEMA_VERSION,
  type Block,
  type Item,
  type Report,
  type ReportFacts,
  type Section,
  type TrialsState,
} from './model.js';

/** Everything a report is built from. The clock is injected so the same inputs give the same bytes. */
export interface ReportInput {
  case: Case;
  annotation: AnnotationResult;
  trials: TrialsState;
  now: Date;
  /** onconav version stamped on the report (default: this build's). */
  version?: string;
  /** OncoTree ancestors of the case's tumor type, nearest first, when an OncoTree is loaded. */
  ancestors?: readonly string[];
  messages?: Messages;
  /** How many trials the patient report lists (default 5). */
  maxTrials?: number;
}

/** Gene label for patients: ERBB2 is better known as HER2. */
export function geneLabel(gene: string): string {
  return gene === 'ERBB2' ? 'ERBB2 (HER2)' : gene;
}

export function findingWords(f: Finding, m: Messages): FindingWords {
  const a = f.alteration;
  const gene = geneLabel(a.gene ?? a.originalText);
  const data = a.alterationData;
  let change: string;
  switch (data.kind) {
    case 'mutation':
      change = m.patient.changeMutation(gene, data.alteration);
      break;
    case 'copyNumber':
      change =
        data.change === 'amplification' || data.change === 'gain'
          ? m.patient.changeAmplification(gene)
          : data.change === 'deepDeletion' ||
              data.change === 'hemizygousDeletion' ||
              data.change === 'shallowDeletion'
            ? m.patient.changeDeletion(gene)
            : m.patient.changeOther(gene);
      break;
    case 'fusion': {
      const partner =
        data.gene5 && data.gene5 !== a.gene
          ? data.gene5
          : data.gene3 && data.gene3 !== a.gene
            ? data.gene3
            : null;
      change = m.patient.changeFusion(gene, partner);
      break;
    }
    case 'biomarker':
      change = m.patient.changeOther(data.alteration);
      break;
  }
  return {
    gene,
    change,
    medicineWord: allPills(f.drugs) ? m.patient.medicinePills : m.patient.medicinesGeneric,
  };
}

function siteNames(codes: readonly MetastaticSiteCode[], m: Messages): string {
  return m.patient.listJoin(codes.map((c) => m.sites[c].name));
}

export function placeOf(site: TrialSite & { distanceKm?: number }): string {
  const parts = [site.facility, site.city, site.state, site.country].filter((x): x is string => Boolean(x));
  const where = parts.join(', ');
  return site.distanceKm !== undefined ? `${where} (${Math.round(site.distanceKm)} km)` : where;
}

/** What is still unknown for a trial: the facts that would settle it, then one line for rules left to the trial team. */
function unknownsOf(t: TrialMatch, m: Messages): Item[] {
  const seen = new Set<string>();
  const items: Item[] = [];
  let unparsed = false;
  for (const c of t.criteria) {
    if (c.verdict !== 'unknown') continue;
    if (!c.toSettle) {
      unparsed = true;
      continue;
    }
    if (seen.has(c.toSettle)) continue;
    seen.add(c.toSettle);
    items.push({ text: c.toSettle });
  }
  if (unparsed) items.push({ text: m.patient.trialOtherChecks });
  return items;
}

function findingItems(facts: CaseFacts, m: Messages): { items: Item[]; unexplained: number } {
  const p = m.patient;
  const items: Item[] = [];
  let unexplained = 0;
  for (const f of facts.findings) {
    if (f.alteration.kind === 'biomarker') continue;
    const w = findingWords(f, m);
    const drugs = p.listJoin(combos(f, 'sensitivity', m));
    let text: string;
    switch (f.category) {
      case 'approved':
        text = p.findingApproved(w, drugs);
        break;
      case 'otherCancer':
        text = p.findingOtherCancer(w, drugs);
        break;
      case 'research':
        text = p.findingResearch(w);
        break;
      case 'resistance':
        text = p.findingResistance(w, p.listJoin(combos(f, 'resistance', m)));
        break;
      case 'oncogenic':
        text = p.findingNoDrug(w);
        break;
      case 'biomarker':
      case 'vus':
      case 'benign':
        unexplained += f.category === 'vus' ? 1 : 0;
        continue;
    }
    if (f.category !== 'resistance' && f.resistanceTherapies.length > 0)
      text += ` ${p.alsoResistance(p.listJoin(combos(f, 'resistance', m)))}`;
    const about = f.alteration.gene ? m.genes[f.alteration.gene] : undefined;
    if (about) text += ` ${about}`;
    items.push({ lead: w.gene, text });
  }
  return { items, unexplained };
}

/** Earlier treatments as the case records them, with how the cancer responded in words. */
function priorBlocks(c: Case, m: Messages): Block[] {
  if (c.priorTherapies.length === 0) return [];
  const items = c.priorTherapies.map((t): Item => {
    const name = t.name ?? m.patient.combination(t.drugs);
    const response = m.patient.priorResponse(t.response, t.progressed ?? false);
    return response ? { lead: name, text: response } : { text: name };
  });
  return [
    { kind: 'paragraph', text: m.patient.priorIntro },
    { kind: 'list', items },
  ];
}

/** Therapies of a finding in patient words ("dabrafenib with trametinib"), strongest level only for sensitivity. */
function combos(f: Finding, effect: 'sensitivity' | 'resistance', m: Messages): string[] {
  const ts = f.alteration.treatments.filter(
    (t) => t.effect === effect && (effect === 'resistance' || t.level === f.alteration.highestSensitiveLevel),
  );
  // Most-cited first (a therapy with several approvals or sources is the better known one), then fewest
  // drugs, then by name: a short, stable list. The clinician report lists every therapy.
  const byKey = new Map<string, { drugs: string[]; citations: number }>();
  for (const t of ts) {
    const key = t.drugs.join('+');
    const n = t.sources.reduce((k, src) => k + src.citations.length, 0);
    const seen = byKey.get(key);
    byKey.set(key, { drugs: t.drugs, citations: (seen?.citations ?? 0) + n });
  }
  const sorted = [...byKey.values()]
    .sort(
      (a, b) =>
        b.citations - a.citations ||
        a.drugs.length - b.drugs.length ||
        a.drugs.join(' ').localeCompare(b.drugs.join(' '), 'en'),
    )
    .map((x) => x.drugs);
  const names = sorted.map((d) => m.patient.combination(d));
  return names.length > MAX_THERAPIES ? [m.patient.andOthers(names.slice(0, MAX_THERAPIES))] : names;
}

const MAX_THERAPIES = 3;

/** Short name for the summary: HER2 rather than ERBB2, the biomarker's name for biomarkers. */
function shortName(f: Finding): string {
  const a = f.alteration;
  if (a.alterationData.kind === 'biomarker') return a.alterationData.name;
  return a.gene === 'ERBB2' ? 'HER2' : (a.gene ?? a.originalText);
}

function biomarkerItems(biomarkers: readonly Biomarker[], facts: CaseFacts, m: Messages): Item[] {
  return biomarkers.map((b) => {
    const t = m.biomarkers[b.name];
    const verdict = biomarkerPositive(b) ? t.positive : m.patient.biomarkerNegative;
    // The engine's finding for this result, when the knowledge links it to medicines.
    const f = facts.findings.find(
      (x) =>
        x.alteration.alterationData.kind === 'biomarker' &&
        x.alteration.alterationData.name === b.name &&
        x.alteration.alterationData.alteration === b.alteration,
    );
    const drugs = f ? m.patient.listJoin(combos(f, 'sensitivity', m)) : '';
    const link =
      f?.category === 'approved'
        ? ` ${m.patient.biomarkerApproved(drugs)}`
        : f?.category === 'otherCancer'
          ? ` ${m.patient.biomarkerOtherCancer(drugs)}`
          : '';
    return { lead: b.alteration, text: `${t.what} ${verdict}${link}` };
  });
}

function missingTests(facts: CaseFacts, m: Messages): Item[] {
  const names = new Set(facts.biomarkers.map((b) => b.name));
  const out: Item[] = [];
  if (!facts.hasGenomicResults) out.push({ text: m.patient.missingTest.panel });
  if (!names.has('MSI') && !names.has('MMR')) out.push({ text: m.patient.missingTest.MSI });
  if (!names.has('TMB') && !facts.tmb) out.push({ text: m.patient.missingTest.TMB });
  // PD-L1 guides immunotherapy choices in these cancers (FDA labels with PD-L1 companion tests).
  const pdl1Matters = ['nsclc', 'gastroesophageal', 'head_neck', 'bladder', 'breast'].includes(
    facts.cancerKey,
  );
  if (pdl1Matters && !names.has('PD-L1')) out.push({ text: m.patient.missingTest['PD-L1'] });
  return out;
}

/** Builds the plain-language patient and caregiver report. */
export function buildPatientReport(input: ReportInput): Report {
  const m = input.messages ?? en;
  const p = m.patient;
  const c = input.case;
  const facts = caseFacts(c, input.annotation, input.ancestors);
  const cancer = m.cancers[facts.cancerKey];
  const cancerName =
    facts.cancerKey === 'other' && c.tumorType ? c.tumorType.name.toLowerCase() : cancer.name;
  const siteCodes = facts.sites.map((s) => s.site);
  const sitesText = siteNames(siteCodes, m);
  const date = isoDate(input.now);
  const sections: Section[] = [];

  // 1. What metastatic means
  const meaning: Block[] = [];
  meaning.push({
    kind: 'paragraph',
    text: c.tumorType ? p.meaningStarted(cancerName, cancer.startedIn) : p.meaningUnknownPrimary,
  });
  meaning.push({
    kind: 'paragraph',
    text: siteCodes.length ? p.meaningSpread(cancerName, sitesText) : p.meaningNoSites,
  });
  const example = facts.sites.find(
    (s) => s.site !== 'other' && s.site !== 'lymph_node' && s.site !== facts.primaryRegion,
  );
  meaning.push({
    kind: 'paragraph',
    text: p.meaningSameCancer(cancerName, example ? m.sites[example.site].name : null),
  });
  meaning.push({ kind: 'paragraph', text: p.meaningStage4(cancerName) });
  meaning.push({
    kind: 'bodyMap',
    primary: facts.primaryRegion,
    primaryLabel: facts.primaryRegion ? m.render.bodyMapStart(m.render.regions[facts.primaryRegion]) : null,
    sites: facts.sites.map((s) => ({ region: s.site, label: m.sites[s.site].label })),
    caption: p.bodyMapCaption(cancerName),
  });
  sections.push({
    id: 'meaning',
    heading: p.sections.meaning,
    blocks: meaning,
    subsections: [
      {
        id: 'usual-spread',
        heading: p.usualSpreadHeading,
        blocks: [{ kind: 'paragraph', text: cancer.spread }],
      },
    ],
  });

  // 2. Symptoms, per site
  sections.push({
    id: 'symptoms',
    heading: p.sections.symptoms,
    blocks: [{ kind: 'paragraph', text: p.symptomsIntro }],
    subsections: [
      ...facts.sites.map((s): Section => {
        const t = m.sites[s.site];
        return {
          id: `symptoms-${s.site}`,
          heading: t.label,
          blocks: [
            ...((): Block[] => {
              const said = p.siteStatus(t.name, s.status);
              return said ? [{ kind: 'paragraph', text: said }] : [];
            })(),
            { kind: 'paragraph', text: p.symptomsCommon },
            { kind: 'list', items: t.symptoms.map((text) => ({ text })) },
            {
              kind: 'callout',
              tone: 'urgent',
              title: p.symptomsUrgent,
              items: t.urgent.map((text) => ({ text })),
            },
          ],
        };
      }),
      {
        id: 'symptoms-general',
        heading: p.symptomsOtherHeading,
        blocks: [{ kind: 'paragraph', text: p.symptomsGeneral }],
      },
    ],
  });

  // 3. Treatment: systemic for the cancer type, local per site
  sections.push({
    id: 'treatment',
    heading: p.sections.treatment,
    blocks: [
      { kind: 'paragraph', text: p.treatmentIntro },
      { kind: 'paragraph', text: p.treatmentTeam },
      ...priorBlocks(c, m),
    ],
    subsections: [
      {
        id: 'treatment-systemic',
        heading: p.systemicHeading,
        blocks: [{ kind: 'list', items: cancer.systemic.map((e) => ({ lead: e.name, text: e.text })) }],
      },
      ...facts.sites.map((s): Section => ({
        id: `treatment-${s.site}`,
        heading: p.localHeading(m.sites[s.site].name),
        blocks: [
          { kind: 'list', items: m.sites[s.site].treatments.map((e) => ({ lead: e.name, text: e.text })) },
        ],
      })),
    ],
  });

  // 4. Targeted therapy and immunotherapy
  const targeted: Block[] = [{ kind: 'paragraph', text: p.targetedIntro }];
  const { items: fItems, unexplained } = findingItems(facts, m);
  const approved = facts.findings.filter(
    (f) => f.category === 'approved' && f.alteration.kind !== 'biomarker',
  );
  const approvedBio = facts.findings.filter(
    (f) => f.category === 'approved' && f.alteration.kind === 'biomarker',
  );
  const research = facts.findings.filter((f) => f.category === 'otherCancer' || f.category === 'research');
  const otherCancer = facts.findings.filter((f) => f.category === 'otherCancer');
  const studied = facts.findings.filter((f) => f.category === 'research');
  const targetedSubs: Section[] = [];
  const geneBlocks: Block[] = fItems.length ? [{ kind: 'list', items: fItems }] : [];
  if (unexplained > 0) geneBlocks.push({ kind: 'paragraph', text: p.otherChanges(unexplained) });
  if (geneBlocks.length)
    targetedSubs.push({ id: 'targeted-genes', heading: p.findingsHeading, blocks: geneBlocks });
  const bio = biomarkerItems(facts.biomarkers, facts, m);
  if (bio.length)
    targetedSubs.push({
      id: 'targeted-biomarkers',
      heading: p.biomarkersHeading,
      blocks: [{ kind: 'list', items: bio }],
    });
  if (!facts.hasGenomicResults && facts.biomarkers.length === 0)
    targeted.push({ kind: 'paragraph', text: p.noTestResults });
  else if (approved.length === 0 && approvedBio.length === 0) {
    targeted.push({ kind: 'paragraph', text: p.nothingActionable });
    targeted.push({ kind: 'paragraph', text: p.nothingActionableHope });
  }
  const trailing: Block[] = [];
  const missing = missingTests(facts, m);
  if (missing.length)
    trailing.push({ kind: 'paragraph', text: p.missingTestsIntro }, { kind: 'list', items: missing });
  if (cancer.usualTests.length)
    trailing.push({ kind: 'paragraph', text: p.usualTests(cancerName, p.listJoin(cancer.usualTests)) });
  if (trailing.length) targetedSubs.push({ id: 'targeted-tests', heading: p.testsHeading, blocks: trailing });
  sections.push({
    id: 'targeted',
    heading: p.sections.targeted,
    blocks: targeted,
    subsections: targetedSubs,
  });

  // 5. Cure and control
  sections.push({
    id: 'cure',
    heading: p.sections.cure,
    blocks: [
      { kind: 'paragraph', text: p.cureGeneral },
      { kind: 'paragraph', text: cancer.outlook },
      { kind: 'paragraph', text: p.cureDepends },
    ],
  });

  // 6. Preventing further spread
  sections.push({
    id: 'prevent',
    heading: p.sections.prevent,
    blocks: p.prevent.map((text) => ({ kind: 'paragraph', text })),
  });

  // 7. Trials
  const trialBlocks: Block[] = [{ kind: 'paragraph', text: p.trialsIntro }];
  const trialFacts: ReportFacts['trials'] = [];
  const trials = input.trials;
  switch (trials.status) {
    case 'off':
      trialBlocks.push({ kind: 'callout', tone: 'info', text: p.trialsOff });
      break;
    case 'no-data':
      trialBlocks.push({ kind: 'callout', tone: 'info', text: p.trialsNoData, code: trials.command });
      break;
    case 'matched': {
      const shown = trials.matches.filter((t) => !t.excluded).slice(0, input.maxTrials ?? 5);
      if (shown.length === 0) trialBlocks.push({ kind: 'paragraph', text: p.trialsNone });
      else {
        trialBlocks.push({ kind: 'paragraph', text: p.trialsMatchIntro(shown.length) });
        for (const t of shown) {
          const unknown = unknownsOf(t, m);
          const highlights = t.highlights.filter((h) => !/^to settle\b/i.test(h));
          const lists: Array<{ title: string; items: Item[] }> = [];
          if (highlights.length)
            lists.push({ title: p.trialReasons, items: highlights.map((text) => ({ text })) });
          if (unknown.length) lists.push({ title: p.trialUnknowns, items: unknown });
          const place = t.nearestSite ? placeOf(t.nearestSite) : null;
          trialBlocks.push({
            kind: 'trial',
            nctId: t.nctId,
            title: t.title,
            facts: [p.trialId(t.nctId), place ? p.trialNearest(place) : p.trialNoSite],
            lists,
          });
          trialFacts.push({
            nctId: t.nctId,
            title: t.title,
            score: t.score,
            status: t.status,
            nearestSite: place,
            unknown: unknown.map((u) => u.text),
          });
        }
      }
      break;
    }
  }
  const listed = trialFacts.length > 0;
  trialBlocks.push({
    kind: 'list',
    items: (listed ? p.trialsHowToAsk : p.trialsHowToFind).map((text) => ({ text })),
  });
  sections.push({ id: 'trials', heading: p.sections.trials, blocks: trialBlocks });

  // Caregivers
  sections.push({
    id: 'caregivers',
    heading: p.sections.caregivers,
    blocks: [
      { kind: 'list', items: p.caregivers.map((text) => ({ text })) },
      { kind: 'paragraph', text: p.caregiverSelf },
      { kind: 'paragraph', text: p.caregiverBringIntro },
      { kind: 'list', items: p.caregiverBring.map((text) => ({ text })) },
    ],
  });

  // Questions for the next visit
  const questions = [...p.questionsGeneral];
  questions.splice(2, 0, approved.length || research.length ? p.questionTargeted : p.questionNoActionable);
  questions.push(p.questionTrials);
  for (const s of facts.sites.slice(0, 3)) questions.push(p.questionSite(m.sites[s.site].name));
  sections.push({
    id: 'questions',
    heading: p.sections.questions,
    blocks: [
      { kind: 'paragraph', text: p.questionsIntro },
      { kind: 'list', ordered: true, items: questions.map((text) => ({ text })) },
    ],
  });

  // Summary shown first
  const summary: Item[] = [];
  summary.push({ text: siteCodes.length ? p.summaryCancer(cancerName, sitesText) : p.meaningNoSites });
  const names = (fs: readonly Finding[], except: readonly string[] = []): string[] =>
    [...new Set(fs.map(shortName))].filter((n) => !except.includes(n));
  const geneNames = names(approved);
  const bioNames = names(approvedBio, geneNames);
  if (geneNames.length) summary.push({ text: p.summaryFindingsApproved(p.listJoin(geneNames)) });
  if (bioNames.length) summary.push({ text: p.summaryBiomarkersApproved(p.listJoin(bioNames)) });
  if (!geneNames.length && !bioNames.length && facts.hasGenomicResults)
    summary.push({ text: p.summaryFindingsNone });
  const otherNames = names(otherCancer, [...geneNames, ...bioNames]);
  if (otherNames.length) summary.push({ text: p.summaryFindingsOtherCancer(p.listJoin(otherNames)) });
  const studiedNames = names(studied, [...geneNames, ...bioNames, ...otherNames]);
  if (studiedNames.length) summary.push({ text: p.summaryFindingsResearch(p.listJoin(studiedNames)) });
  if (trials.status === 'matched' && trialFacts.length)
    summary.push({ text: p.summaryTrials(trialFacts.length) });
  summary.push({ text: p.summaryTalk });

  // Glossary of every term the narrative uses, then the About section
  const about: Section = {
    id: 'about',
    heading: p.sections.about,
    blocks: [
      {
        kind: 'paragraph',
        text: p.aboutKnowledge(knowledgeLine(facts.knowledge, p.noKnowledge, p.knowledgeRelease)),
      },
      { kind: 'paragraph', text: p.aboutVersion(input.version ?? VERSION, date) },
      { kind: 'paragraph', text: p.aboutData },
      { kind: 'callout', tone: 'note', text: p.notPrescription },
    ],
  };
  const report: Report = {
    meta: {
      schemaVersion: REPORT_SCHEMA_VERSION,
      audience: 'patient',
      lang: m.lang,
      caseId: c.id,
      date,
      onconavVersion: input.version ?? VERSION,
      knowledgeBase: facts.knowledge,
      trials: trials.status,
    },
    title: p.title,
    subtitle: p.subtitle(cancerName),
    summary: { heading: p.inShort, items: summary },
    notice: p.notPrescription,
    sections,
    facts: reportFacts(facts, cancerName, c, trialFacts),
  };
  const glossary = glossaryFor(narrativeUnits(report), m);
  sections.push({
    id: 'glossary',
    heading: p.sections.glossary,
    blocks: [
      { kind: 'paragraph', text: p.glossaryIntro },
      { kind: 'definitions', items: glossary },
    ],
  });
  sections.push(about);
  return report;
}

export function reportFacts(
  facts: CaseFacts,
  cancerName: string,
  c: Case,
  trials: ReportFacts['trials'],
): ReportFacts {
  return {
    cancer: {
      key: facts.cancerKey,
      name: cancerName,
      oncotreeCode: c.tumorType?.code ?? null,
      oncotreeName: c.tumorType?.name ?? null,
    },
    sites: facts.sites.map((s) => ({ site: s.site, status: s.status })),
    findings: facts.findings.map((f) => ({
      gene: f.alteration.gene,
      alteration: f.alteration.alteration,
      kind: f.alteration.kind,
      oncogenic: f.alteration.oncogenic,
      level: f.alteration.highestSensitiveLevel,
      resistanceLevel: f.alteration.highestResistanceLevel,
      drugs: f.therapies,
      category: f.category,
    })),
    trials,
  };
}

/**
 * The narrative text units of a report, in reading order: what readability and jargon checks read.
 * Registry text we did not write (trial titles, site names) is left out.
 */
export function narrativeUnits(report: Report, options: { headings?: boolean } = {}): string[] {
  const headings = options.headings ?? true;
  const out: string[] = headings ? [report.title, report.subtitle] : [report.subtitle];
  if (report.summary)
    out.push(...(headings ? [report.summary.heading] : []), ...report.summary.items.map(itemText));
  const walk = (s: Section): void => {
    if (headings) out.push(s.heading);
    for (const b of s.blocks) out.push(...blockUnits(b));
    for (const sub of s.subsections ?? []) walk(sub);
  };
  for (const s of report.sections) walk(s);
  return out.filter((u) => u.trim().length > 0);
}

/** A lead-in reads as the start of its item's first sentence ("Surgery: a surgeon removes…"). */
function itemText(i: Item): string {
  return i.lead ? `${i.lead}: ${i.text}` : i.text;
}

function blockUnits(b: Block): string[] {
  switch (b.kind) {
    case 'paragraph':
      return [b.text];
    case 'list':
      return b.items.map(itemText);
    case 'callout':
      return [
        ...(b.title ? [`${b.title}:`] : []),
        ...(b.text ? [b.text] : []),
        ...(b.items ?? []).map(itemText),
      ];
    case 'definitions':
      return b.items.map((d) => `${d.term}: ${d.definition}`);
    case 'table':
      return [];
    case 'bodyMap':
      return [b.caption];
    case 'trial':
      return b.lists.flatMap((l) => [l.title, ...l.items.map(itemText)]);
  }
}

function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Word-boundary, case-insensitive presence of a phrase in text. */
export function mentions(text: string, phrase: string): boolean {
  return new RegExp(`(?<![\\p{L}\\p{N}])${escapeRe(phrase)}(?![\\p{L}\\p{N}])`, 'iu').test(text);
}

/** Glossary entries whose term or aliases appear in the text, sorted by term. */
export function glossaryFor(
  units: readonly string[],
  m: Messages,
): Array<{ term: string; definition: string }> {
  const text = units.join('\n');
  const used = Object.values(m.glossary).filter((g) =>
    [g.term, ...(g.aliases ?? [])].some((phrase) => mentions(text, phrase)),
  );
  // Definitions use words too: one more pass picks up terms that only the definitions name. By term only:
  // an alias would pull in a neighbour ("make hormones" is not about hormone therapy).
  const defs = used.map((g) => g.definition).join('\n');
  for (const g of Object.values(m.glossary)) if (!used.includes(g) && mentions(defs, g.term)) used.push(g);
  return used
    .map((g) => ({ term: g.term, definition: g.definition }))
    .sort((a, b) => a.term.localeCompare(b.term, 'en'));
}

/**
 * Jargon words (messages.jargon) that the report's narrative uses but its glossary does not explain. An
 * entry explains a word when the word appears in the entry's term or one of its aliases. Empty is good.
 */
export function uncoveredJargon(report: Report, m: Messages = en): string[] {
  const text = narrativeUnits(report).join('\n');
  const glossary = report.sections
    .find((s) => s.id === 'glossary')
    ?.blocks.find((b) => b.kind === 'definitions');
  const terms = glossary?.kind === 'definitions' ? glossary.items.map((d) => d.term) : [];
  const entries = Object.values(m.glossary).filter((g) => terms.includes(g.term));
  return m.jargon.filter(
    (word) =>
      mentions(text, word) &&
      !entries.some((g) => [g.term, ...(g.aliases ?? [])].some((ph) => mentions(ph, word))),
  );
}
