import type { Messages } from './types.js';

/**
 * English message catalog: every word the reports show. Written in our own words for patients and
 * caregivers: short sentences, common words, honest and hopeful, no numbers for survival, no promises.
 * Facts (where a cancer spreads, which local treatments exist) follow general public patient information
 * from national cancer institutes; where we were not sure of a fact we left it out.
 */

const join = (items: string[]): string => {
  if (items.length <= 1) return items[0] ?? '';
  if (items.length === 2) return `${items[0]} and ${items[1]}`;
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
};

export const en: Messages = {
  lang: 'en',
  patient: {
    title: 'Your cancer report',
    subtitle: (cancer) => `A plain guide to ${cancer} that has spread, for you and the people who help you`,
    notPrescription:
      'This report is information to talk over with your care team. It is not a prescription or a treatment plan. Your care team knows things about you that this report does not. Please do not start, stop or change any treatment because of it.',
    inShort: 'In short',
    sections: {
      meaning: 'What does metastatic mean for my cancer?',
      symptoms: 'What symptoms should I watch for?',
      treatment: 'How can it be treated?',
      targeted: 'Do targeted therapy or immunotherapy fit me?',
      cure: 'Can it be cured?',
      prevent: 'Can further spread be prevented?',
      trials: 'Which clinical trials could I join?',
      caregivers: 'For family and caregivers',
      questions: 'Questions for your next visit',
      glossary: 'Words used in this report',
      about: 'About this report',
    },
    meaningStarted: (cancer, startedIn) => `Your cancer is ${cancer}. It started in ${startedIn}.`,
    meaningSpread: (cancer, sites) =>
      `Some cancer cells have moved to other parts of the body and grown there. This is called metastatic ${cancer}. In your case it has spread to ${sites}.`,
    meaningNoSites:
      'Your report does not say where the cancer has spread. Ask your care team which parts of the body are involved.',
    meaningSameCancer: (cancer, siteExample) =>
      siteExample
        ? `The tumors in ${siteExample} are still ${cancer}. They are not a new cancer of ${siteExample}. This matters, because doctors treat them as ${cancer}.`
        : `The new tumors are still ${cancer}. This matters, because doctors treat them as ${cancer}.`,
    meaningStage4: (cancer) =>
      `You may also hear it called stage 4 or advanced ${cancer}. Treatment now aims at the whole body, and sometimes also at one place.`,
    meaningUnknownPrimary:
      'Your report does not say where the cancer started. Doctors try hard to find this out, because it guides the choice of treatment.',
    usualSpreadHeading: 'Where this cancer usually spreads',
    bodyMapCaption: (cancer) =>
      `Body map. The square shows where your ${cancer} started. The circles show where it has spread.`,
    symptomsIntro:
      'Each place the cancer has reached can cause its own symptoms. Some are common and can wait for your next visit. Others are warning signs.',
    siteStatus: (site, status) => {
      switch (status) {
        case 'treated':
          return `Your records say the tumors in ${site} have been treated.`;
        case 'stable':
          return `Your records say the tumors in ${site} are stable. This means they are not growing now.`;
        case 'progressing':
          return `Your records say the tumors in ${site} are growing.`;
        case 'untreated':
          return `Your records say the tumors in ${site} have not been treated yet.`;
        case 'active':
          return `Your records say the tumors in ${site} are active.`;
        case 'unknown':
          return null;
      }
    },
    symptomsCommon: 'Common symptoms',
    symptomsUrgent: 'Warning signs: get help right away (call your care team or emergency services)',
    symptomsOtherHeading: 'Any new symptom',
    symptomsGeneral:
      'Tell your care team about any new symptom that lasts more than a few days, even if it seems small. If you are not sure, call.',
    treatmentIntro:
      'Treatment is often a mix. Medicines reach cancer all through the body. Local treatments aim at one place, such as one tumor in the brain or the liver.',
    systemicHeading: 'Medicines for the whole body',
    localHeading: (site) => `Treatments aimed at ${site}`,
    localNone: 'Local treatment for this place depends on the details. Ask your care team.',
    priorIntro: 'Your records list these earlier treatments:',
    priorResponse: (response, progressed) => {
      if (progressed || response === 'PD') return 'the cancer grew during or after it';
      switch (response) {
        case 'CR':
          return 'no sign of the cancer was seen on scans afterwards';
        case 'PR':
          return 'the cancer shrank';
        case 'SD':
          return 'the cancer stayed about the same';
        case 'NE':
        case 'unknown':
          return null;
      }
    },
    treatmentTeam:
      'Which treatments fit you depends on your health, your wishes and the details of the tumor. Your care team will talk this through with you. A team of experts, called a tumor board, often looks at cases like yours together.',
    targetedIntro:
      'Your tumor was tested for changes in its genes. Some changes can be blocked by medicines made for them. This is called targeted therapy. Other results show whether the immune system may be helped to fight the cancer. This is called immunotherapy.',
    findingApproved: (w, drugs) =>
      `The test found ${w.change}. Certain ${w.medicineWord} can block this change, and for your type of cancer some are approved or widely used: ${drugs}.`,
    findingOtherCancer: (w, drugs) =>
      `The test found ${w.change}. Medicines that block this change (${drugs}) are approved for another cancer. In your cancer they are mostly given in studies, or when other choices have been used.`,
    findingResearch: (w) =>
      `The test found ${w.change}. Medicines that aim at this change are being studied. A clinical trial may be a way to get one.`,
    findingResistance: (w, drugs) =>
      `The test found ${w.change}. This change can make some medicines work less well (${drugs}). It helps your doctors choose.`,
    alsoResistance: (drugs) => `The same change can make other medicines work less well (${drugs}).`,
    findingNoDrug: (w) =>
      `The test found ${w.change}. No medicine aims at this change yet. It can still help doctors understand the tumor.`,
    biomarkerFound: (name) => `Your result: ${name}.`,
    biomarkerNegative: 'This result does not point to a special treatment.',
    usualTests: (cancer, tests) =>
      `For ${cancer}, the usual tests include ${tests}. If you are not sure these were done, ask.`,
    combination: (drugs) =>
      drugs.length <= 2 ? drugs.join(' with ') : `${drugs[0]} with ${join(drugs.slice(1))}`,
    andOthers: (shown) => `${shown.join(', ')} and others`,
    otherChanges: (count) =>
      count === 1
        ? 'The test also found one other gene change. What it means is not known yet. This is common and not a cause for worry on its own.'
        : `The test also found ${count} other gene changes. What they mean is not known yet. This is common and not a cause for worry on their own.`,
    biomarkersHeading: 'Other tumor test results',
    findingsHeading: 'Gene changes found in the tumor',
    nothingActionable:
      'The test did not find a change that an approved medicine can block in your type of cancer.',
    nothingActionableHope:
      'This is common, and it does not mean there is no treatment. Chemotherapy, immunotherapy and local treatments still help many people. Clinical trials may also test new medicines.',
    noTestResults:
      'This report has no gene test results for your tumor. Ask your care team whether a gene test of the tumor has been done or would help.',
    testsHeading: 'Tests to ask about',
    missingTestsIntro: 'These tests are not in this report. Ask whether they were done or would help:',
    missingTest: {
      MSI: 'A test for MSI or MMR. It shows whether the tumor has trouble fixing errors in its genes. If so, immunotherapy often works well.',
      TMB: 'Tumor mutational burden (TMB). It counts gene changes in the tumor. A high count can mean immunotherapy may help.',
      'PD-L1':
        'A PD-L1 test. It shows how much of a "brake" protein the tumor makes. It can help decide about immunotherapy.',
      panel: 'A gene test of the tumor, if none has been done.',
    },
    geneLead: (gene) => `About ${gene}:`,
    changeMutation: (gene, alteration) =>
      alteration ? `a change in the ${gene} gene (${alteration})` : `a change in the ${gene} gene`,
    changeAmplification: (gene) => `extra copies of the ${gene} gene`,
    changeDeletion: (gene) => `a lost ${gene} gene (both copies are missing)`,
    changeFusion: (gene, partner) =>
      partner
        ? `the ${gene} gene joined to another gene (${partner})`
        : `the ${gene} gene joined to another gene`,
    changeOther: (gene) => `a change in ${gene}`,
    medicinePills: 'pills',
    medicinesGeneric: 'medicines',
    cureGeneral:
      'This is a hard question, and it is right to ask it. For most cancers that have spread, the aim is to keep the cancer under control for as long as possible and to help you feel well. Many people live for years this way. For some cancers, and some people, treatment can remove all signs of the cancer.',
    cureDepends:
      'What is possible for you depends on details your care team knows: where the tumors are, how many there are, how they respond and how you feel. Ask them what the aim of each treatment is. Numbers you find online are averages. They cannot tell what will happen to you.',
    prevent: [
      'There is no proven way to stop a cancer from spreading.',
      'The best known way is to find and remove tumors while they are small. That is why screening tests matter.',
      'What helps now is treatment that works, regular scans, and telling your care team about new symptoms early.',
      'Healthy habits, such as staying active, eating well and not smoking, help you feel stronger during treatment.',
    ],
    trialsIntro:
      'A clinical trial is a study that tests a new treatment, or a new way to use one. Trials can give access to new medicines. Each trial has rules about who can join.',
    trialsOff:
      'This report did not search for clinical trials. Ask your care team to search for trials that may fit you.',
    trialsNoData:
      'This report could not search for trials, because no trial list has been loaded yet. Your care team can search for trials with you. The person who made this report can load a trial list with this command, then make the report again:',
    trialsNone:
      'The search found no trial that clearly fits right now. New trials open all the time, so ask again at later visits.',
    trialsMatchIntro: (count) =>
      count === 1
        ? 'The search found one trial that may fit. Only the trial team can decide if you can join.'
        : `The search found ${count} trials that may fit. Only the trial team can decide if you can join.`,
    trialReasons: 'Why it may fit',
    trialOtherChecks: 'Other rules of the trial that its team will check with you',
    trialUnknowns: 'Still to check',
    trialNearest: (place) => `Nearest site that is taking patients: ${place}.`,
    trialNoSite: 'No site taking patients is listed near you.',
    trialId: (nctId) => `Trial number: ${nctId}`,
    trialsHowToFind: [
      'Ask your care team whether a clinical trial could fit you, here or at another center.',
      'If you live in another country, many trial centers can review your records from afar first. A second opinion at a large cancer center can also help.',
      'You can search public trial registers using your type of cancer and the gene changes in this report.',
    ],
    trialsHowToAsk: [
      'Show this list to your care team and ask which trials make sense for you.',
      'Each trial has a contact person. You or your doctor can write to them with the trial number.',
      'If you live in another country, many trial centers can review your records from afar first. A second opinion at a large cancer center can also help.',
      'You can search for more trials on public trial registers, using the trial number or your type of cancer.',
    ],
    caregivers: [
      'Come to visits when you can. A second person hears and remembers more.',
      'Help keep a simple diary of symptoms, medicines and questions.',
      'Learn the warning signs in this report, and know whom to call, day and night.',
      'Offer practical help: meals, rides, forms and phone calls.',
      'Listen. It is fine not to have answers.',
    ],
    caregiverSelf:
      'Look after yourself too. Rest, eat, and take breaks. Ask the care team about support groups and counseling for families.',
    caregiverBringIntro: 'What to bring to visits:',
    caregiverBring: [
      'A list of all medicines, including vitamins and herbal products',
      'The symptom diary',
      'Your questions, written down',
      'Recent scan and test reports, if you have copies',
      'This report',
    ],
    questionsIntro: 'You may want to take these questions to your next visit:',
    questionsGeneral: [
      'What is the aim of my treatment: to remove all the cancer, or to control it?',
      'Which treatments do you suggest, and why?',
      'What side effects should I expect, and which should I call about?',
      'How will we know if the treatment is working?',
      'Whom do I call with a problem, and what about nights and weekends?',
      'Can I meet the palliative care team to help with symptoms and comfort?',
    ],
    questionTargeted: 'Do the gene changes in my tumor mean a targeted medicine could help me?',
    questionNoActionable: 'Were all the useful tests done on my tumor? Should any be repeated?',
    questionTrials: 'Is there a clinical trial that could fit me, here or at another center?',
    questionSite: (site) => `Would a local treatment for ${site} help me?`,
    glossaryIntro: 'These words appear in this report. Here is what they mean.',
    aboutKnowledge: (releases) => `The medical facts behind this report come from: ${releases}.`,
    aboutVersion: (version, date) => `Made by onconav ${version} on ${date}.`,
    noKnowledge: 'no knowledge base loaded',
    knowledgeRelease: (r) => {
      const names: Record<string, string> = {
        builtin: 'the knowledge built into onconav',
        civic: 'CIViC',
        moalmanac: 'the Molecular Oncology Almanac',
        cgi: 'the Cancer Genome Interpreter',
        oncokb: 'OncoKB',
      };
      return `${names[r.source] ?? r.source}, version ${r.version} of ${r.date}`;
    },
    aboutData: 'This report was made on the computer where onconav runs. Your data was not sent anywhere.',
    summaryCancer: (cancer, sites) => `Your ${cancer} has spread to ${sites}.`,
    summaryFindingsApproved: (genes) => `Your tumor has a change that medicines can block (${genes}).`,
    summaryFindingsNone: 'The gene test found no change that an approved medicine can block in your cancer.',
    summaryFindingsResearch: (genes) =>
      `Medicines for some changes in your tumor are being studied (${genes}).`,
    summaryFindingsOtherCancer: (names) =>
      `Some results point to medicines approved for other cancers (${names}).`,
    summaryBiomarkersApproved: (names) =>
      `A tumor test result points to medicines approved for your cancer (${names}).`,
    biomarkerApproved: (drugs) => `For your type of cancer, approved medicines fit this result: ${drugs}.`,
    biomarkerOtherCancer: (drugs) =>
      `Medicines that fit this result are approved for another cancer: ${drugs}.`,
    summaryTrials: (count) =>
      count === 1 ? 'One clinical trial may fit you.' : `${count} clinical trials may fit you.`,
    summaryTalk: 'Talk about this report with your care team.',
    listJoin: join,
  },
  clinician: {
    title: 'Clinician report',
    subtitle: (caseId) => `Case ${caseId}: actionability, trials and site-directed options`,
    notPrescription:
      'Decision support, not a prescription. Levels reflect the loaded knowledge releases listed under Provenance; confirm against current labels and guidelines before acting.',
    sections: {
      summary: 'Case summary',
      actionable: 'Actionable alterations (sensitivity)',
      resistance: 'Resistance alterations',
      oncogenic: 'Other oncogenic alterations',
      vus: 'Variants of unknown significance',
      trials: 'Clinical trials',
      siteOptions: 'Site-directed options',
      provenance: 'Provenance',
      methods: 'Methods and limitations',
    },
    fields: {
      caseId: 'Case',
      tumorType: 'Tumor type',
      sites: 'Metastatic sites',
      stage: 'Stage',
      age: 'Age',
      sex: 'Sex',
      ecog: 'ECOG',
      tmb: 'TMB',
      msi: 'MSI / MMR',
      biomarkers: 'Other biomarkers',
      priorTherapies: 'Prior therapies',
      samples: 'Samples',
      notReported: 'not reported',
    },
    cols: {
      field: 'Field',
      value: 'Value',
      gene: 'Gene',
      alteration: 'Alteration',
      level: 'Level',
      amp: 'AMP/ASCO/CAP',
      therapies: 'Therapies',
      context: 'Tumor-type context',
      sources: 'Sources',
      oncogenicity: 'Oncogenicity',
      effect: 'Effect',
      type: 'Type',
      criterion: 'Criterion',
      verdict: 'Verdict',
      reason: 'Reason',
      toSettle: 'To settle',
      site: 'Site',
      options: 'Options',
      source: 'Source',
      version: 'Version',
      date: 'Date',
      file: 'File',
      sha256: 'SHA-256',
      format: 'Format',
    },
    none: 'None.',
    levelInThisType: 'evidence in this tumor type',
    levelOtherType: (sourceLevel) => `level ${sourceLevel} in another tumor type`,
    trialsOff: 'Trial matching was turned off for this report (--trials off).',
    trialsNoData: (command) => `No trials in the store; import a registry extract first: ${command}`,
    trialsNone: 'No trial matched the case.',
    trialHeader: (nctId, title) => `${nctId} — ${title}`,
    trialMeta: (phase, status, score, site) =>
      `Phase ${phase} · ${status} · score ${score} · nearest recruiting site: ${site}`,
    verdicts: { met: 'met', not_met: 'not met', unknown: 'unknown' },
    tmbValue: (value, provenance) => `${value} mut/Mb (${provenance})`,
    provenanceOnconav: (version, date) => `onconav ${version}; report date ${date}`,
    noInputs: 'No input files recorded (case typed by hand or built in memory).',
    methods: [
      'Alterations were normalized (HGNC symbols, HGVS protein short form, OncoTree codes) and matched against the evidence of the loaded knowledge releases; evidence recorded for a tumor type applies to its OncoTree descendants.',
      'Levels: 1 FDA-recognized biomarker for an approved drug in this tumor type; 2 standard-care biomarker in this tumor type; 3A compelling clinical evidence in this tumor type; 3B level 1–3A evidence in another tumor type; 4 biological evidence; R1/R2 standard-care / clinical resistance. The AMP/ASCO/CAP 2017 tier is shown beside each level.',
      'Trials were screened by tumor type, gene and status, then each eligibility criterion was evaluated as met, not met or unknown from the case facts.',
    ],
    limitations: [
      'Only alterations present in the input were assessed; absence of a finding is not evidence of absence (panel coverage, tumor content and copy-number calling limit sensitivity).',
      'Germline status is not established by tumor-only sequencing.',
      'Eligibility verdicts come from automated parsing of registry text and must be confirmed with the trial team.',
      'Site-directed options are general; suitability depends on number, size and location of lesions and on performance status.',
    ],
    conflicts: (text) => `Sources disagree: ${text}`,
    progressed: 'progressed',
    sampleCounts: (alterations, biomarkers) => `${alterations} alterations, ${biomarkers} biomarkers`,
    researchUseOnly: 'research use only',
    issuesHeading: 'Input issues',
  },
  sites: {
    brain: {
      name: 'the brain',
      label: 'Brain',
      symptoms: [
        'Headaches, often worse in the morning',
        'Feeling sick or throwing up',
        'Changes in vision',
        'Trouble with balance, memory or speech',
        'Changes in mood or behavior',
      ],
      urgent: [
        'A seizure (fit)',
        'Sudden weakness or numbness in the face, an arm or a leg',
        'Sudden trouble speaking or seeing',
        'Very bad headache, or being hard to wake up',
      ],
      treatments: [
        {
          name: 'Stereotactic radiosurgery',
          text: 'Very focused beams of radiation aimed at each tumor, often in one to a few sessions. It can be given alone or together with immunotherapy.',
        },
        {
          name: 'Surgery',
          text: 'A surgeon removes a tumor that is large, causes symptoms, or is easy to reach.',
        },
        {
          name: 'Whole-brain radiation',
          text: 'Radiation given to the whole brain, used when there are many tumors.',
        },
        {
          name: 'Steroid medicines',
          text: 'They bring down swelling around the tumors and can ease symptoms quickly.',
        },
      ],
    },
    leptomeninges: {
      name: 'the lining of the brain and spinal cord',
      label: 'Brain and spine lining',
      symptoms: [
        'Headaches',
        'Feeling sick or throwing up',
        'Double vision or other vision changes',
        'Numbness or weakness',
        'Confusion',
      ],
      urgent: [
        'A seizure (fit)',
        'Sudden weakness, confusion or trouble waking up',
        'Loss of control of the bladder or bowels',
      ],
      treatments: [
        { name: 'Radiation', text: 'Radiation aimed at the areas that cause symptoms.' },
        {
          name: 'Medicines into the spinal fluid',
          text: 'Some medicines can be given straight into the fluid around the brain and spinal cord.',
        },
        { name: 'Shunt', text: 'A thin tube that drains extra fluid to ease pressure on the brain.' },
      ],
    },
    spinal_cord: {
      name: 'the spine, near the spinal cord',
      label: 'Spine',
      symptoms: [
        'Back or neck pain that is new or getting worse',
        'Pain that is worse lying down or at night',
        'Tingling or numbness in the legs or arms',
      ],
      urgent: [
        'New back pain with weak legs or arms',
        'Numbness in the legs or between the legs',
        'Loss of control of the bladder or bowels',
        'Trouble walking',
      ],
      treatments: [
        {
          name: 'Radiation',
          text: 'Radiation to the spine can ease pain and take pressure off the spinal cord.',
        },
        { name: 'Surgery', text: 'Surgery can take pressure off the spinal cord and make the spine stable.' },
        {
          name: 'Steroid medicines',
          text: 'They bring down swelling around the spinal cord while other treatment is planned.',
        },
      ],
    },
    liver: {
      name: 'the liver',
      label: 'Liver',
      symptoms: [
        'Feeling very tired',
        'Less hunger, or losing weight',
        'Pain or fullness under the ribs on the right',
        'Swollen legs or belly',
        'Itchy skin',
      ],
      urgent: [
        'Yellow skin or yellow whites of the eyes',
        'Confusion or being very sleepy',
        'Fast swelling of the belly',
        'Throwing up blood, or black stools',
      ],
      treatments: [
        {
          name: 'Surgery (resection)',
          text: 'A surgeon removes the part of the liver with tumors. The liver can grow back part of what is removed.',
        },
        {
          name: 'Ablation',
          text: 'A needle put into the tumor kills it with heat or cold, without open surgery.',
        },
        {
          name: 'Embolization',
          text: "A thin tube in a blood vessel blocks the tumor's blood supply. Sometimes it also carries medicine or tiny radioactive beads.",
        },
        {
          name: 'Hepatic arterial infusion',
          text: 'A small pump sends chemotherapy straight into the main artery of the liver.',
        },
        { name: 'Stereotactic body radiation', text: 'Very focused radiation aimed at a few liver tumors.' },
      ],
    },
    lung: {
      name: 'the lungs',
      label: 'Lungs',
      symptoms: [
        'A cough that does not go away',
        'Shortness of breath',
        'Chest pain',
        'Coughing up a little blood',
      ],
      urgent: [
        'Sudden or severe shortness of breath',
        'Coughing up more than a little blood',
        'Chest pain with a fast heartbeat',
      ],
      treatments: [
        {
          name: 'Stereotactic body radiation',
          text: 'Very focused radiation aimed at one or a few lung tumors, in a few sessions.',
        },
        { name: 'Surgery', text: 'A surgeon removes a small number of lung tumors when that is safe.' },
        { name: 'Ablation', text: 'A needle put into the tumor kills it with heat or cold.' },
      ],
    },
    bone: {
      name: 'the bones',
      label: 'Bones',
      symptoms: [
        'Bone pain, often in the back, hips or ribs',
        'Pain that is worse at night',
        'Feeling thirsty, confused or constipated (from too much calcium in the blood)',
      ],
      urgent: [
        'A bone that breaks with little or no injury',
        'New back pain with weak or numb legs',
        'Great thirst, confusion or being very sleepy',
      ],
      treatments: [
        { name: 'Radiation', text: 'Radiation to a painful bone often eases the pain.' },
        {
          name: 'Bone-strengthening medicines',
          text: 'Medicines such as zoledronic acid or denosumab make bones stronger and lower the chance of breaks.',
        },
        { name: 'Surgery', text: 'Surgery can fix a broken bone, or support a weak bone before it breaks.' },
      ],
    },
    lymph_node: {
      name: 'the lymph nodes',
      label: 'Lymph nodes',
      symptoms: ['A lump or swelling in the neck, armpit or groin', 'Swelling of an arm or a leg'],
      urgent: [
        'Swelling in the neck with trouble breathing or swallowing',
        'Sudden swelling of the face or arms',
      ],
      treatments: [
        { name: 'Surgery', text: 'Lymph nodes with cancer can sometimes be removed.' },
        { name: 'Radiation', text: 'Radiation can shrink lymph nodes that cause symptoms.' },
      ],
    },
    adrenal: {
      name: 'the adrenal glands',
      label: 'Adrenal glands',
      symptoms: ['Often no symptoms', 'Pain in the back or side'],
      urgent: ['Feeling faint, very weak or dizzy, with low blood pressure'],
      treatments: [
        { name: 'Stereotactic radiation', text: 'Very focused radiation aimed at the tumor in the gland.' },
        { name: 'Surgery', text: 'A surgeon removes the gland when the cancer has spread to few places.' },
      ],
    },
    peritoneum: {
      name: 'the lining of the belly (peritoneum)',
      label: 'Belly lining',
      symptoms: [
        'A swollen belly',
        'Feeling full quickly',
        'Belly pain or bloating',
        'Constipation or feeling sick',
      ],
      urgent: [
        'Throwing up and not able to pass stool or gas',
        'Severe belly pain',
        'Fast swelling of the belly with shortness of breath',
      ],
      treatments: [
        {
          name: 'Draining fluid',
          text: 'A needle or a thin tube drains fluid from the belly to ease pressure.',
        },
        { name: 'Surgery', text: 'In some cases a surgeon removes the tumors on the lining of the belly.' },
        {
          name: 'Heated chemotherapy in the belly',
          text: 'In some centers, warm chemotherapy is washed through the belly during surgery.',
        },
      ],
    },
    pleura: {
      name: 'the lining of the lungs (pleura)',
      label: 'Lung lining',
      symptoms: ['Shortness of breath', 'A dry cough', 'Chest pain when breathing in'],
      urgent: ['Shortness of breath that gets worse fast', 'Chest pain with trouble breathing'],
      treatments: [
        {
          name: 'Draining fluid',
          text: 'A needle drains fluid from around the lung so breathing is easier.',
        },
        {
          name: 'Pleurodesis',
          text: 'A treatment that seals the space around the lung so fluid does not come back.',
        },
        {
          name: 'Indwelling drain',
          text: 'A small tube that stays in place so fluid can be drained at home.',
        },
      ],
    },
    skin: {
      name: 'the skin',
      label: 'Skin',
      symptoms: ['New lumps in or under the skin', 'Sores that do not heal'],
      urgent: ['A lump that bleeds a lot', 'Redness, heat and fever around a sore'],
      treatments: [
        { name: 'Surgery', text: 'Small skin tumors can be cut out.' },
        { name: 'Radiation', text: 'Radiation can treat skin tumors that hurt or bleed.' },
        {
          name: 'Treatment into the tumor',
          text: 'Some medicines can be injected straight into skin tumors.',
        },
      ],
    },
    soft_tissue: {
      name: 'the soft tissues (muscle and fat)',
      label: 'Soft tissue',
      symptoms: ['A lump that grows', 'Pain or swelling in the area'],
      urgent: ['Sudden swelling with pain, or numbness in a limb'],
      treatments: [
        { name: 'Surgery', text: 'A surgeon can remove a single tumor.' },
        { name: 'Radiation', text: 'Radiation can shrink a tumor that causes pain.' },
      ],
    },
    ovary: {
      name: 'the ovaries',
      label: 'Ovaries',
      symptoms: ['Belly or pelvic pain', 'A swollen belly', 'Feeling full quickly'],
      urgent: ['Sudden, severe pain low in the belly'],
      treatments: [{ name: 'Surgery', text: 'A surgeon can remove the ovaries with the tumors.' }],
    },
    kidney: {
      name: 'the kidneys',
      label: 'Kidneys',
      symptoms: ['Often no symptoms', 'Pain in the side or back', 'Blood in the urine'],
      urgent: ['Passing much less urine than usual', 'A lot of blood in the urine'],
      treatments: [
        { name: 'Radiation', text: 'Focused radiation aimed at the tumor.' },
        { name: 'Surgery', text: 'In some cases a surgeon removes the tumor.' },
      ],
    },
    pancreas: {
      name: 'the pancreas',
      label: 'Pancreas',
      symptoms: ['Pain in the upper belly or back', 'Less hunger, or losing weight'],
      urgent: ['Yellow skin or yellow whites of the eyes', 'Severe belly pain'],
      treatments: [
        { name: 'Radiation', text: 'Focused radiation can ease pain from a tumor in the pancreas.' },
      ],
    },
    bowel: {
      name: 'the bowel',
      label: 'Bowel',
      symptoms: ['Changes in bowel habits', 'Belly pain or bloating', 'Blood in the stool'],
      urgent: [
        'Throwing up and not able to pass stool or gas',
        'A lot of blood from the bottom',
        'Severe belly pain',
      ],
      treatments: [
        { name: 'Surgery', text: 'A surgeon can remove or bypass a tumor that blocks the bowel.' },
        { name: 'Stent', text: 'A small mesh tube can hold a blocked bowel open.' },
      ],
    },
    other: {
      name: 'another part of the body',
      label: 'Other',
      symptoms: ['Any new pain, lump or change in how you feel'],
      urgent: ['Any sudden, severe or fast-changing symptom'],
      treatments: [
        {
          name: 'Local treatment',
          text: 'Radiation or surgery can sometimes treat a single place the cancer has reached.',
        },
      ],
    },
  },
  cancers: {
    melanoma: {
      name: 'melanoma',
      startedIn: 'the cells that give skin its color',
      spread:
        'Melanoma often spreads to the lymph nodes and the skin first. It can also spread to the lungs, liver, brain and bones.',
      systemic: [
        {
          name: 'Immunotherapy',
          text: 'Medicines that help your immune system find and attack the cancer. They are given through a drip.',
        },
        {
          name: 'Targeted pills',
          text: 'If the tumor has a change in the BRAF gene at spot V600, pills that block BRAF and a partner called MEK can shrink it.',
        },
        {
          name: 'Chemotherapy',
          text: 'Older medicines that kill fast-growing cells. They are used less often now.',
        },
      ],
      outlook:
        'Immunotherapy and targeted pills have changed the outlook for many people with melanoma that has spread. Some people have long control, and some have no sign of melanoma for many years.',
      usualTests: ['a BRAF test'],
    },
    colorectal: {
      name: 'colorectal cancer',
      startedIn: 'the colon or the rectum (the large bowel)',
      spread:
        'Colorectal cancer most often spreads to the liver. It can also spread to the lungs, the lining of the belly and the lymph nodes.',
      systemic: [
        {
          name: 'Chemotherapy',
          text: 'Medicines that kill fast-growing cells, often two or three given together.',
        },
        {
          name: 'Antibody medicines',
          text: "Drip medicines that block the tumor's blood supply, or block a growth signal called EGFR when the RAS genes are normal.",
        },
        {
          name: 'Targeted medicines',
          text: 'If the tumor has certain gene changes (such as in BRAF, KRAS G12C or HER2), medicines made for them may help.',
        },
        { name: 'Immunotherapy', text: 'If the tumor is MSI-high, immunotherapy often works well.' },
      ],
      outlook:
        'When the spread is limited, for example to a few spots in the liver or lungs, surgery or other local treatment along with chemotherapy can sometimes remove all the cancer, and some people are cured. For others, treatment can keep the cancer under control for a long time.',
      usualTests: ['tests of the KRAS, NRAS and BRAF genes', 'an MSI or MMR test', 'a HER2 test'],
    },
    breast: {
      name: 'breast cancer',
      startedIn: 'the breast',
      spread:
        'Breast cancer most often spreads to the bones. It can also spread to the lungs, liver, brain, lymph nodes and the lining of the lungs.',
      systemic: [
        {
          name: 'Hormone therapy',
          text: 'If the cancer grows with the help of hormones (ER or PR positive), medicines that block them can control it, often with targeted pills.',
        },
        {
          name: 'HER2 medicines',
          text: 'If the cancer makes too much HER2, medicines aimed at HER2 help many people.',
        },
        { name: 'Chemotherapy', text: 'Medicines that kill fast-growing cells.' },
        {
          name: 'Antibody-drug conjugates',
          text: 'Antibodies that carry a chemotherapy medicine straight to the cancer cells.',
        },
        {
          name: 'Immunotherapy',
          text: 'Used for some breast cancers that are not driven by hormones or HER2.',
        },
      ],
      outlook:
        'Breast cancer that has spread is usually treated as a long-term illness. Many people live for years with treatment that keeps it under control. New medicines keep being added.',
      usualTests: ['tests for ER, PR and HER2', 'a test of the tumor genes, such as PIK3CA or ESR1'],
    },
    nsclc: {
      name: 'lung cancer',
      startedIn: 'the lung',
      spread:
        'Lung cancer often spreads to the brain, bones, liver and adrenal glands. It can also spread to the other lung and the lining of the lungs.',
      systemic: [
        {
          name: 'Targeted pills',
          text: 'Many lung cancers have a gene change (such as in EGFR, ALK, ROS1, BRAF, MET, RET or KRAS) that pills can block.',
        },
        {
          name: 'Immunotherapy',
          text: 'Medicines that help your immune system attack the cancer, alone or with chemotherapy.',
        },
        { name: 'Chemotherapy', text: 'Medicines that kill fast-growing cells.' },
      ],
      outlook:
        'Treatment usually aims at control. Targeted pills and immunotherapy help many people live longer and feel better, sometimes for years. When the spread is very limited, some people are treated with the aim of removing all the cancer.',
      usualTests: ['a gene test for EGFR, ALK, ROS1, BRAF, KRAS, MET, RET and other changes', 'a PD-L1 test'],
    },
    sclc: {
      name: 'small cell lung cancer',
      startedIn: 'the lung',
      spread: 'Small cell lung cancer often spreads early, to the brain, liver, bones and adrenal glands.',
      systemic: [
        {
          name: 'Chemotherapy with immunotherapy',
          text: 'This is the usual first treatment for small cell lung cancer that has spread.',
        },
        {
          name: 'Newer medicines',
          text: 'Medicines that help immune cells find the cancer are used after first treatment.',
        },
      ],
      outlook:
        'Small cell lung cancer often shrinks with first treatment. It tends to come back, and then more treatment can help. The aim is control and comfort.',
      usualTests: [],
    },
    prostate: {
      name: 'prostate cancer',
      startedIn: 'the prostate',
      spread:
        'Prostate cancer most often spreads to the bones and the lymph nodes. Less often it spreads to the lungs or liver.',
      systemic: [
        {
          name: 'Hormone therapy',
          text: 'Medicines that lower or block male hormones, which prostate cancer needs to grow.',
        },
        {
          name: 'Newer hormone pills',
          text: 'Pills that block hormones more strongly, often added to hormone therapy.',
        },
        { name: 'Chemotherapy', text: 'Medicines that kill fast-growing cells.' },
        {
          name: 'Radioligand therapy',
          text: 'A drip medicine that carries radiation straight to prostate cancer cells.',
        },
        {
          name: 'PARP inhibitor pills',
          text: 'For tumors with changes in genes such as BRCA2 that help repair DNA.',
        },
      ],
      outlook:
        'Prostate cancer that has spread can often be controlled for many years with hormone therapy and other medicines.',
      usualTests: ['a test of the tumor genes, such as BRCA1, BRCA2 and other repair genes'],
    },
    pancreas: {
      name: 'pancreatic cancer',
      startedIn: 'the pancreas',
      spread:
        'Pancreatic cancer most often spreads to the liver. It can also spread to the lining of the belly and the lungs.',
      systemic: [
        {
          name: 'Chemotherapy',
          text: 'Medicines that kill fast-growing cells, often several given together.',
        },
        {
          name: 'Targeted medicines',
          text: 'For the few tumors with certain gene changes (such as BRCA or NTRK), medicines made for them may help.',
        },
      ],
      outlook:
        'Pancreatic cancer that has spread is hard to treat. Treatment aims to control it and to help you feel as well as you can. Trials are an important choice to ask about.',
      usualTests: ['a gene test of the tumor', 'an MSI or MMR test'],
    },
    neuroendocrine: {
      name: 'neuroendocrine tumor',
      startedIn: 'hormone-making cells, often in the bowel, pancreas or lung',
      spread:
        'Neuroendocrine tumors most often spread to the liver. They can also spread to lymph nodes and bones.',
      systemic: [
        {
          name: 'Hormone-like medicines',
          text: 'Injections that slow tumor growth and ease symptoms such as flushing.',
        },
        {
          name: 'Radioligand therapy',
          text: 'A drip medicine that carries radiation straight to the tumor cells.',
        },
        { name: 'Targeted pills', text: 'Pills that slow tumor growth.' },
        { name: 'Chemotherapy', text: 'Used for some faster-growing tumors.' },
      ],
      outlook:
        'Many neuroendocrine tumors grow slowly, and people often live with them for years with treatment. Some grow faster and need stronger treatment.',
      usualTests: [],
    },
    ovarian: {
      name: 'ovarian cancer',
      startedIn: 'the ovary or the fallopian tube',
      spread:
        'Ovarian cancer usually spreads inside the belly, along its lining. It can also reach the lining of the lungs and the liver.',
      systemic: [
        { name: 'Chemotherapy', text: 'Medicines that kill fast-growing cells.' },
        {
          name: 'PARP inhibitor pills',
          text: 'Pills that help keep the cancer away, most of all when there is a change in BRCA1 or BRCA2.',
        },
        { name: 'Blood vessel blockers', text: "A drip medicine that blocks the tumor's blood supply." },
      ],
      outlook:
        'Ovarian cancer often responds well to treatment, and it can be kept under control for a long time. It often comes back, and more treatment can then help again.',
      usualTests: ['a BRCA1 and BRCA2 test', 'an HRD test'],
    },
    kidney: {
      name: 'kidney cancer',
      startedIn: 'the kidney',
      spread:
        'Kidney cancer often spreads to the lungs, bones, lymph nodes, liver, adrenal glands and brain.',
      systemic: [
        {
          name: 'Immunotherapy',
          text: 'Medicines that help your immune system attack the cancer, often two together or with a targeted pill.',
        },
        { name: 'Targeted pills', text: "Pills that block the tumor's blood supply and growth signals." },
      ],
      outlook:
        'Immunotherapy and targeted pills can keep kidney cancer under control for years for many people. A few have no sign of cancer for a long time.',
      usualTests: [],
    },
    bladder: {
      name: 'bladder cancer',
      startedIn: 'the lining of the bladder or urinary tract',
      spread: 'Bladder cancer often spreads to the lymph nodes, bones, lungs and liver.',
      systemic: [
        { name: 'Chemotherapy', text: 'Medicines that kill fast-growing cells.' },
        { name: 'Immunotherapy', text: 'Medicines that help your immune system attack the cancer.' },
        {
          name: 'Antibody-drug conjugates',
          text: 'Antibodies that carry a medicine straight to the cancer cells.',
        },
        { name: 'Targeted pills', text: 'For tumors with a change in the FGFR3 gene.' },
      ],
      outlook:
        'Treatment aims to control the cancer and ease symptoms. Newer medicines help many people live longer.',
      usualTests: ['a test for FGFR3 changes'],
    },
    gastroesophageal: {
      name: 'stomach or esophagus cancer',
      startedIn: 'the stomach or the food pipe (esophagus)',
      spread: 'These cancers often spread to the liver, the lining of the belly, lymph nodes and lungs.',
      systemic: [
        { name: 'Chemotherapy', text: 'Medicines that kill fast-growing cells, often two together.' },
        { name: 'Immunotherapy', text: 'Often added to chemotherapy, mostly when PD-L1 is present.' },
        {
          name: 'HER2 medicines',
          text: 'If the tumor makes too much HER2, medicines aimed at HER2 are added.',
        },
      ],
      outlook:
        'Treatment aims to control the cancer and help you eat and feel better. Some people do well for a long time.',
      usualTests: ['a HER2 test', 'a PD-L1 test', 'an MSI or MMR test'],
    },
    head_neck: {
      name: 'head and neck cancer',
      startedIn: 'the mouth, throat or voice box',
      spread: 'Head and neck cancer most often spreads to lymph nodes in the neck, and then to the lungs.',
      systemic: [
        {
          name: 'Immunotherapy',
          text: 'Medicines that help your immune system attack the cancer, alone or with chemotherapy.',
        },
        { name: 'Chemotherapy', text: 'Medicines that kill fast-growing cells.' },
        { name: 'Antibody medicines', text: 'A drip medicine that blocks a growth signal called EGFR.' },
      ],
      outlook:
        'Treatment aims to control the cancer and ease symptoms. Some people have long control with immunotherapy.',
      usualTests: ['a PD-L1 test'],
    },
    thyroid: {
      name: 'thyroid cancer',
      startedIn: 'the thyroid gland in the neck',
      spread:
        'Thyroid cancer most often spreads to lymph nodes in the neck. It can also spread to the lungs and bones.',
      systemic: [
        {
          name: 'Radioactive iodine',
          text: 'A drink or pill of radioactive iodine that thyroid cells take up, for tumors that still do this.',
        },
        {
          name: 'Targeted pills',
          text: 'Pills that block growth signals, including ones made for RET, BRAF or NTRK changes.',
        },
      ],
      outlook:
        'Many thyroid cancers that have spread grow slowly, and people often live with them for many years.',
      usualTests: ['a gene test for BRAF, RET and NTRK changes'],
    },
    endometrial: {
      name: 'womb (endometrial) cancer',
      startedIn: 'the lining of the womb',
      spread: 'Womb cancer can spread to lymph nodes, the lining of the belly, the lungs and the liver.',
      systemic: [
        { name: 'Chemotherapy', text: 'Medicines that kill fast-growing cells.' },
        { name: 'Immunotherapy', text: 'Helps many people, most of all when the tumor is MSI-high.' },
        { name: 'Hormone therapy', text: 'Used for some slower-growing tumors.' },
      ],
      outlook: 'Treatment aims to control the cancer. Immunotherapy has helped many people live longer.',
      usualTests: ['an MSI or MMR test', 'a HER2 test'],
    },
    liver: {
      name: 'liver cancer',
      startedIn: 'the liver cells',
      spread: 'Liver cancer can spread to the lungs, bones, lymph nodes and adrenal glands.',
      systemic: [
        { name: 'Immunotherapy', text: 'Often given with a medicine that blocks blood vessel growth.' },
        { name: 'Targeted pills', text: "Pills that slow the tumor's growth and blood supply." },
      ],
      outlook: 'Treatment aims to control the cancer and keep the liver working as well as possible.',
      usualTests: [],
    },
    biliary: {
      name: 'bile duct cancer',
      startedIn: 'the bile ducts or the gallbladder',
      spread:
        'Bile duct cancer often spreads within the liver, to the lining of the belly, lymph nodes and lungs.',
      systemic: [
        { name: 'Chemotherapy with immunotherapy', text: 'The usual first treatment.' },
        { name: 'Targeted pills', text: 'For tumors with changes in genes such as FGFR2, IDH1 or HER2.' },
      ],
      outlook:
        'Treatment aims to control the cancer. Gene tests matter here, because several targeted medicines exist.',
      usualTests: ['a gene test for FGFR2, IDH1, HER2 and other changes', 'an MSI or MMR test'],
    },
    sarcoma: {
      name: 'sarcoma',
      startedIn: 'muscle, fat, bone or other soft tissue',
      spread: 'Sarcoma most often spreads to the lungs.',
      systemic: [
        { name: 'Chemotherapy', text: 'Medicines that kill fast-growing cells.' },
        { name: 'Targeted pills', text: 'Used for some kinds of sarcoma.' },
      ],
      outlook:
        'Treatment depends a lot on the kind of sarcoma. When spread to the lungs is limited, surgery is sometimes possible.',
      usualTests: [],
    },
    gist: {
      name: 'gastrointestinal stromal tumor (GIST)',
      startedIn: 'the wall of the stomach or bowel',
      spread: 'GIST most often spreads to the liver and the lining of the belly.',
      systemic: [
        {
          name: 'Targeted pills',
          text: 'Pills that block KIT or PDGFRA, the genes that drive most of these tumors.',
        },
      ],
      outlook: 'Targeted pills can keep GIST under control for years for many people.',
      usualTests: ['a test of the KIT and PDGFRA genes'],
    },
    other: {
      name: 'cancer',
      startedIn: 'one part of the body',
      spread: 'Cancer most often spreads to lymph nodes, the liver, lungs, bones and brain.',
      systemic: [
        { name: 'Chemotherapy', text: 'Medicines that kill fast-growing cells.' },
        { name: 'Immunotherapy', text: 'Medicines that help your immune system attack the cancer.' },
        { name: 'Targeted therapy', text: 'Medicines that block a gene change found in the tumor.' },
      ],
      outlook:
        'For most cancers that have spread, the aim is control for as long as possible. Some people do well for many years.',
      usualTests: ['a gene test of the tumor'],
    },
  },
  genes: {
    BRAF: 'BRAF helps pass on signals that tell a cell to grow. Some changes leave this signal switched on.',
    KRAS: 'KRAS passes on growth signals inside the cell. Some changes leave it switched on.',
    NRAS: 'NRAS passes on growth signals inside the cell. Some changes leave it switched on.',
    HRAS: 'HRAS passes on growth signals inside the cell.',
    EGFR: 'EGFR sits on the outside of cells and picks up growth signals. Some changes keep it switched on.',
    ERBB2:
      'ERBB2 makes the HER2 protein, which picks up growth signals. Too much of it makes cells grow fast.',
    ALK: 'ALK sends growth signals. When joined to another gene, it can stay switched on.',
    ROS1: 'ROS1 sends growth signals. When joined to another gene, it can stay switched on.',
    RET: 'RET sends growth signals. Some changes keep it switched on.',
    MET: 'MET picks up growth signals. Some changes keep it switched on.',
    NTRK1: 'NTRK genes send growth signals. When joined to another gene, they can stay switched on.',
    NTRK2: 'NTRK genes send growth signals. When joined to another gene, they can stay switched on.',
    NTRK3: 'NTRK genes send growth signals. When joined to another gene, they can stay switched on.',
    PIK3CA: 'PIK3CA passes on growth signals. Some changes leave it switched on.',
    AKT1: 'AKT1 passes on growth and survival signals.',
    ESR1: 'ESR1 makes the estrogen receptor. Some changes let cancer grow even when estrogen is blocked.',
    BRCA1:
      'BRCA1 helps repair damaged DNA. When it does not work, tumors may respond to PARP inhibitor pills.',
    BRCA2:
      'BRCA2 helps repair damaged DNA. When it does not work, tumors may respond to PARP inhibitor pills.',
    PALB2: 'PALB2 works with BRCA2 to repair damaged DNA.',
    ATM: 'ATM helps the cell notice and repair damaged DNA.',
    IDH1: 'IDH1 helps cells make energy. Some changes make a substance that helps tumors grow.',
    IDH2: 'IDH2 helps cells make energy. Some changes make a substance that helps tumors grow.',
    FGFR2: 'FGFR2 picks up growth signals. Some changes keep it switched on.',
    FGFR3: 'FGFR3 picks up growth signals. Some changes keep it switched on.',
    KIT: 'KIT picks up growth signals. Some changes keep it switched on.',
    PDGFRA: 'PDGFRA picks up growth signals. Some changes keep it switched on.',
    TP53: 'TP53 normally stops damaged cells from growing. Changes in it are common in cancer.',
    PTEN: 'PTEN normally works as a brake on cell growth.',
    CDKN2A: 'CDKN2A normally works as a brake on cell growth.',
    APC: 'APC normally works as a brake on cell growth in the bowel.',
    SMAD4: 'SMAD4 normally helps control cell growth.',
    NF1: 'NF1 normally works as a brake on growth signals.',
    MAP2K1: 'MAP2K1 makes MEK, a partner of BRAF in passing on growth signals.',
    STK11: 'STK11 normally works as a brake on cell growth.',
    KEAP1: 'KEAP1 helps cells handle stress.',
    TERT: 'TERT helps cells keep dividing. Changes in it are common in melanoma.',
  },
  biomarkers: {
    TMB: {
      what: 'Tumor mutational burden (TMB) counts the gene changes in the tumor.',
      positive: 'Your count is high (10 or more). This can mean immunotherapy may help.',
    },
    MSI: {
      what: 'MSI shows whether the tumor has trouble fixing errors in its genes.',
      positive: 'An MSI-high tumor often responds well to immunotherapy.',
    },
    MMR: {
      what: 'An MMR test shows whether the tumor has lost the tools that fix errors in its genes.',
      positive: 'A tumor that has lost them often responds well to immunotherapy.',
    },
    'PD-L1': {
      what: 'PD-L1 is a "brake" protein that tumors use to hide from the immune system.',
      positive: 'Your tumor makes some of it. This can mean immunotherapy may help.',
    },
    HER2: {
      what: 'HER2 is a protein that picks up growth signals.',
      positive: 'When the tumor makes a lot of it, medicines aimed at HER2 can help.',
    },
    ER: {
      what: 'The estrogen receptor (ER) lets the cancer use the hormone estrogen to grow.',
      positive: 'An ER-positive cancer often responds to hormone therapy.',
    },
    PR: {
      what: 'The progesterone receptor (PR) lets the cancer use the hormone progesterone.',
      positive: 'A PR-positive cancer often responds to hormone therapy.',
    },
    HRD: {
      what: 'HRD shows whether the tumor has trouble repairing broken DNA.',
      positive: 'Such tumors may respond to PARP inhibitor pills.',
    },
  },
  glossary: {
    metastatic: {
      term: 'Metastatic',
      definition: 'Cancer that has spread from where it started to other parts of the body.',
      aliases: ['metastasis', 'metastases', 'metastatic'],
    },
    primary: {
      term: 'Primary tumor',
      definition: 'The place where the cancer started.',
      aliases: ['primary'],
    },
    stage4: {
      term: 'Stage 4',
      definition:
        'Another name for cancer that has spread to distant parts of the body. Also called advanced cancer.',
      aliases: ['stage 4', 'advanced'],
    },
    careTeam: { term: 'Care team', definition: 'The doctors, nurses and other experts who look after you.' },
    tumor: {
      term: 'Tumor',
      definition: 'A lump of cells that grow in a way they should not.',
      aliases: ['tumors'],
    },
    gene: {
      term: 'Gene',
      definition: 'A short piece of DNA with the instructions for making one part of a cell.',
      aliases: ['genes'],
    },
    dna: { term: 'DNA', definition: 'The material in each cell that holds its instructions.' },
    geneTest: {
      term: 'Gene test of the tumor',
      definition: 'A lab test that reads the genes in a piece of the tumor to find changes.',
      aliases: ['gene test', 'tumor test', 'tested for changes'],
    },
    targeted: {
      term: 'Targeted therapy',
      definition: 'Medicines that block one gene change or protein that helps the cancer grow.',
      aliases: ['targeted', 'targeted pills', 'targeted medicines', 'targeted medicine'],
    },
    immunotherapy: {
      term: 'Immunotherapy',
      definition: 'Medicines that help the body’s own defense system (the immune system) attack cancer.',
      aliases: ['immune system'],
    },
    chemotherapy: {
      term: 'Chemotherapy',
      definition: 'Medicines that kill cells that grow fast, such as cancer cells.',
    },
    hormone: {
      term: 'Hormone therapy',
      definition: 'Medicines that block hormones some cancers need to grow.',
      aliases: ['hormone', 'hormones'],
    },
    antibody: {
      term: 'Antibody',
      definition:
        'A protein made to stick to one target, such as a protein on cancer cells. Some medicines are antibodies.',
      aliases: ['antibodies', 'antibody medicines'],
    },
    adc: {
      term: 'Antibody-drug conjugate',
      definition: 'An antibody joined to a strong medicine, so the medicine goes to the cancer cells.',
      aliases: ['antibody-drug conjugates'],
    },
    parp: {
      term: 'PARP inhibitor',
      definition:
        'A pill that stops cancer cells from repairing their DNA, used when repair genes such as BRCA do not work.',
      aliases: ['parp inhibitor pills', 'parp'],
    },
    radioligand: {
      term: 'Radioligand therapy',
      definition: 'A medicine that carries radiation straight to cancer cells.',
    },
    radiation: {
      term: 'Radiation',
      definition: 'Treatment with strong energy beams that kill cancer cells in one area.',
      aliases: ['radiation therapy', 'radioactive'],
    },
    srs: {
      term: 'Stereotactic radiosurgery',
      definition: 'Very focused radiation aimed at small tumors in the brain. There is no cut.',
      aliases: ['radiosurgery'],
    },
    sbrt: {
      term: 'Stereotactic body radiation',
      definition:
        'Very focused radiation aimed at a few tumors in the body, such as in the lungs, liver or adrenal glands.',
      aliases: ['stereotactic radiation', 'stereotactic'],
    },
    wbrt: { term: 'Whole-brain radiation', definition: 'Radiation given to the whole brain.' },
    steroids: {
      term: 'Steroid medicines',
      definition: 'Medicines that bring down swelling.',
      aliases: ['steroid', 'steroids'],
    },
    resection: { term: 'Resection', definition: 'Surgery to remove a tumor or part of an organ.' },
    ablation: {
      term: 'Ablation',
      definition: 'Killing a tumor with heat or cold through a needle, without open surgery.',
    },
    embolization: {
      term: 'Embolization',
      definition: 'Blocking the blood vessels that feed a tumor, through a thin tube.',
    },
    hai: {
      term: 'Hepatic arterial infusion',
      definition: 'Chemotherapy pumped straight into the main artery of the liver.',
      aliases: ['hepatic'],
    },
    artery: {
      term: 'Artery',
      definition: 'A blood vessel that carries blood from the heart to a part of the body.',
    },
    lymph: {
      term: 'Lymph nodes',
      definition: 'Small bean-shaped glands that help fight infection. Cancer often reaches them first.',
      aliases: ['lymph node', 'lymph'],
    },
    adrenal: {
      term: 'Adrenal glands',
      definition: 'Two small glands on top of the kidneys that make hormones.',
      aliases: ['adrenal', 'adrenal gland'],
    },
    peritoneum: { term: 'Peritoneum', definition: 'The thin lining inside the belly.' },
    pleura: { term: 'Pleura', definition: 'The thin lining around the lungs.', aliases: ['pleurodesis'] },
    pleurodesis: {
      term: 'Pleurodesis',
      definition: 'A treatment that seals the space around the lung so fluid cannot build up again.',
    },
    leptomeninges: {
      term: 'Lining of the brain and spinal cord',
      definition:
        'Thin layers that cover the brain and spinal cord, with fluid between them. Doctors call them the leptomeninges.',
      aliases: ['leptomeninges', 'spinal fluid'],
    },
    spinalCord: {
      term: 'Spinal cord',
      definition:
        'The bundle of nerves inside the spine that carries messages between the brain and the body.',
    },
    seizure: {
      term: 'Seizure',
      definition: 'A sudden burst of activity in the brain that can cause shaking, staring or passing out.',
      aliases: ['seizures'],
    },
    shunt: {
      term: 'Shunt',
      definition: 'A thin tube that drains extra fluid from one place in the body to another.',
    },
    stent: { term: 'Stent', definition: 'A small tube that holds a passage in the body open.' },
    calcium: {
      term: 'Calcium',
      definition: 'A mineral in bones and blood. Cancer in the bones can raise the level in the blood.',
    },
    boneDrugs: {
      term: 'Bone-strengthening medicines',
      definition: 'Medicines that make bones stronger and lower the chance of breaks.',
      aliases: ['bone-strengthening'],
    },
    msi: {
      term: 'MSI (microsatellite instability)',
      definition:
        'A sign that the tumor cannot fix errors in its genes well. MSI-high tumors often respond to immunotherapy.',
      aliases: ['msi', 'msi-high', 'msi-h', 'mss'],
    },
    mmr: {
      term: 'MMR (mismatch repair)',
      definition:
        'The tools a cell uses to fix errors in its genes. A tumor that has lost them is called dMMR.',
      aliases: ['mmr', 'dmmr', 'pmmr'],
    },
    tmb: {
      term: 'TMB (tumor mutational burden)',
      definition: 'The number of gene changes in the tumor. A high count can mean immunotherapy may help.',
      aliases: ['tmb', 'tumor mutational burden'],
    },
    pdl1: {
      term: 'PD-L1',
      definition:
        'A protein that tumors use to hide from the immune system. Some tests measure how much there is.',
      aliases: ['pd-l1'],
    },
    her2: {
      term: 'HER2',
      definition: 'A protein that picks up growth signals. Some cancers make too much of it.',
      aliases: ['her2'],
    },
    erpr: {
      term: 'ER and PR',
      definition: 'Receptors that let a cancer use the hormones estrogen and progesterone to grow.',
      aliases: ['er', 'pr', 'estrogen', 'progesterone', 'estrogen receptor'],
    },
    hrd: {
      term: 'HRD',
      definition: 'A sign that the tumor cannot repair broken DNA well.',
      aliases: ['hrd'],
    },
    mek: {
      term: 'MEK',
      definition: 'A protein that works with BRAF to pass on growth signals. Some pills block it.',
      aliases: ['mek'],
    },
    receptor: {
      term: 'Receptor',
      definition: 'A protein that picks up a signal, like a lock that fits one key.',
      aliases: ['receptors'],
    },
    protein: {
      term: 'Protein',
      definition: 'One of the building blocks that do the work in a cell.',
      aliases: ['proteins'],
    },
    clinicalTrial: {
      term: 'Clinical trial',
      definition:
        'A research study that tests a new treatment, or a new way to use one, in people who choose to take part.',
      aliases: ['clinical trials', 'trial', 'trials', 'study', 'studies'],
    },
    trialSite: { term: 'Trial site', definition: 'A hospital or clinic where a trial takes place.' },
    tumorBoard: {
      term: 'Tumor board',
      definition: 'A meeting where experts from different fields look at a case together and suggest a plan.',
    },
    palliative: {
      term: 'Palliative care',
      definition:
        'Care that eases symptoms and stress at any stage of illness. It can be given along with cancer treatment.',
      aliases: ['palliative'],
    },
    scan: {
      term: 'Scan',
      definition: 'A picture of the inside of the body, such as a CT or MRI.',
      aliases: ['scans', 'ct', 'mri'],
    },
    screening: { term: 'Screening', definition: 'Tests that look for cancer before it causes symptoms.' },
    secondOpinion: {
      term: 'Second opinion',
      definition: 'Asking another expert to review your case and treatment plan.',
    },
    registers: {
      term: 'Trial register',
      definition: 'A public list of clinical trials, with their aims, rules and places.',
      aliases: ['registers', 'register'],
    },
    fusion: {
      term: 'Gene fusion',
      definition: 'Two genes that have broken and joined together. This can make a growth signal stay on.',
      aliases: ['joined to another gene'],
    },
    copies: {
      term: 'Extra copies of a gene',
      definition: 'When a tumor has many copies of one gene, it can make too much of that gene’s protein.',
      aliases: ['extra copies'],
    },
    approved: {
      term: 'Approved medicine',
      definition: 'A medicine that health authorities allow doctors to prescribe for a certain use.',
      aliases: ['approved'],
    },
    drip: { term: 'Drip', definition: 'A way to give medicine slowly into a vein through a thin tube.' },
    jaundice: {
      term: 'Yellow skin or eyes',
      definition: 'A sign that the liver or bile ducts are not working well. Doctors call it jaundice.',
      aliases: ['jaundice', 'yellow skin'],
    },
    biliary: {
      term: 'Bile ducts',
      definition: 'Tubes that carry bile, a digestive juice, from the liver to the bowel.',
      aliases: ['bile duct', 'bile'],
    },
    esophagus: { term: 'Esophagus', definition: 'The food pipe from the throat to the stomach.' },
    neuroendocrine: {
      term: 'Neuroendocrine tumor',
      definition: 'A tumor that starts in cells that make hormones.',
      aliases: ['neuroendocrine'],
    },
    sarcoma: {
      term: 'Sarcoma',
      definition: 'A cancer that starts in muscle, fat, bone or other soft tissue.',
    },
    melanoma: { term: 'Melanoma', definition: 'A cancer that starts in the cells that give skin its color.' },
    colorectal: {
      term: 'Colorectal cancer',
      definition: 'Cancer that starts in the colon or rectum, the large bowel.',
      aliases: ['colorectal', 'colon', 'rectum'],
    },
    radioactiveIodine: {
      term: 'Radioactive iodine',
      definition: 'A treatment that thyroid cells take up, which kills them from the inside.',
    },
    gist: {
      term: 'GIST',
      definition: 'A rare tumor that starts in the wall of the stomach or bowel.',
      aliases: ['gist'],
    },
  },
  jargon: [
    'metastatic',
    'metastasis',
    'metastases',
    'primary',
    'stage 4',
    'tumor',
    'gene',
    'DNA',
    'targeted',
    'immunotherapy',
    'chemotherapy',
    'hormone therapy',
    'antibody',
    'antibody-drug conjugate',
    'PARP',
    'radioligand',
    'radiation',
    'radiosurgery',
    'stereotactic',
    'whole-brain radiation',
    'steroid',
    'resection',
    'ablation',
    'embolization',
    'hepatic',
    'artery',
    'lymph',
    'adrenal',
    'peritoneum',
    'pleura',
    'pleurodesis',
    'leptomeninges',
    'spinal cord',
    'seizure',
    'shunt',
    'stent',
    'calcium',
    'MSI',
    'MMR',
    'TMB',
    'PD-L1',
    'HER2',
    'HRD',
    'MEK',
    'receptor',
    'protein',
    'clinical trial',
    'tumor board',
    'palliative',
    'scan',
    'screening',
    'second opinion',
    'fusion',
    'approved',
    'drip',
    'jaundice',
    'bile duct',
    'esophagus',
    'neuroendocrine',
    'sarcoma',
    'GIST',
    'radioactive iodine',
    // Words we try not to use in the patient report at all; if one slips in it must be explained.
    'oncogenic',
    'actionable',
    'amplification',
    'mutation',
    'variant',
    'biomarker',
    'carcinoma',
    'lesion',
    'prognosis',
    'progression',
    'adjuvant',
    'kinase',
    'inhibitor',
    'checkpoint',
    'monoclonal',
    'ECOG',
    'RECIST',
    'VUS',
    'eligibility',
    'oncologist',
    'cytotoxic',
    'systemic',
    'intravenous',
    'malignant',
    'remission',
    'refractory',
  ],
  forbiddenPromises: [
    /\bwill (?:cure|heal|work|shrink|stop|remove|save|beat|eliminate)\b/i,
    /\bguarantee[ds]?\b/i,
    /\b(?:cures?|cured) (?:your|the) cancer\b/i,
    /\bmiracle\b/i,
    /\b100 ?%/i,
    /\bno risk\b/i,
    /\bcompletely safe\b/i,
    /\bdefinitely\b/i,
    /\bcertain to\b/i,
    /\bsure to\b/i,
    /\bproven to cure\b/i,
    /\byou will (?:live|survive|be fine|get better|be cured)\b/i,
    /\b\d+\s*(?:%|percent)\s+(?:of people\s+)?(?:survive|live)\b/i,
    /\b(?:life expectancy|months to live|years to live)\b/i,
  ],
  render: {
    skipLink: 'Skip to the report',
    contents: 'Contents',
    generatedOn: (date) => `Made on ${date}`,
    pageOf: 'Page',
    bodyMapTitle: 'Body map',
    bodyMapDesc: (primary, sites) =>
      `${primary ? `The cancer started in: ${primary}.` : 'Where the cancer started is not known.'} ${sites.length ? `It has spread to: ${sites.join(', ')}.` : 'No places of spread are listed.'}`,
    bodyMapLegendPrimary: 'Where it started',
    bodyMapLegendSpread: 'Where it has spread',
    bodyMapPrimaryUnknown: 'Start not known',
    bodyMapStart: (region) => `${region} (where it started)`,
    regions: {
      brain: 'Brain',
      leptomeninges: 'Brain and spine lining',
      spinal_cord: 'Spine',
      liver: 'Liver',
      lung: 'Lungs',
      bone: 'Bones',
      lymph_node: 'Lymph nodes',
      adrenal: 'Adrenal glands',
      peritoneum: 'Belly lining',
      pleura: 'Lung lining',
      skin: 'Skin',
      soft_tissue: 'Soft tissue',
      ovary: 'Ovaries',
      kidney: 'Kidneys',
      pancreas: 'Pancreas',
      bowel: 'Bowel',
      other: 'Other',
      breast: 'Breast',
      prostate: 'Prostate',
      bladder: 'Bladder',
      stomach: 'Stomach or food pipe',
      throat: 'Mouth or throat',
      thyroid: 'Thyroid',
      uterus: 'Womb',
      eye: 'Eye',
    },
    tableLabel: (caption) => `Table: ${caption}`,
    figure: 'Figure',
  },
};
