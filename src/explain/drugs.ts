/**
 * How common cancer medicines are given, so the patient report can say "pills" only when it is true.
 * Facts from the FDA labels (dosage form). Drugs not listed are called "medicines".
 */
export const DRUG_FORMS = ['pill', 'infusion', 'injection'] as const;
export type DrugForm = (typeof DRUG_FORMS)[number];

const FORMS: Record<string, DrugForm> = {
  // Oral kinase and other targeted inhibitors
  dabrafenib: 'pill', trametinib: 'pill', vemurafenib: 'pill', cobimetinib: 'pill', encorafenib: 'pill', binimetinib: 'pill',
  osimertinib: 'pill', erlotinib: 'pill', gefitinib: 'pill', afatinib: 'pill', dacomitinib: 'pill', lazertinib: 'pill',
  alectinib: 'pill', brigatinib: 'pill', lorlatinib: 'pill', crizotinib: 'pill', ceritinib: 'pill',
  entrectinib: 'pill', repotrectinib: 'pill', larotrectinib: 'pill',
  capmatinib: 'pill', tepotinib: 'pill', selpercatinib: 'pill', pralsetinib: 'pill',
  sotorasib: 'pill', adagrasib: 'pill',
  lapatinib: 'pill', neratinib: 'pill', tucatinib: 'pill',
  alpelisib: 'pill', inavolisib: 'pill', capivasertib: 'pill', elacestrant: 'pill',
  palbociclib: 'pill', ribociclib: 'pill', abemaciclib: 'pill',
  olaparib: 'pill', niraparib: 'pill', rucaparib: 'pill', talazoparib: 'pill',
  imatinib: 'pill', sunitinib: 'pill', regorafenib: 'pill', ripretinib: 'pill', avapritinib: 'pill',
  erdafitinib: 'pill', pemigatinib: 'pill', futibatinib: 'pill', ivosidenib: 'pill', enasidenib: 'pill', vorasidenib: 'pill',
  cabozantinib: 'pill', lenvatinib: 'pill', sorafenib: 'pill', axitinib: 'pill', everolimus: 'pill',
  tamoxifen: 'pill', letrozole: 'pill', anastrozole: 'pill', exemestane: 'pill',
  enzalutamide: 'pill', abiraterone: 'pill', apalutamide: 'pill', darolutamide: 'pill',
  capecitabine: 'pill', 'trifluridine/tipiracil': 'pill', tovorafenib: 'pill', 'zongertinib': 'pill',
  // Antibodies, antibody-drug conjugates and other drip medicines
  pembrolizumab: 'infusion', nivolumab: 'infusion', ipilimumab: 'infusion', atezolizumab: 'infusion', durvalumab: 'infusion',
  cemiplimab: 'infusion', dostarlimab: 'infusion', relatlimab: 'infusion', tremelimumab: 'infusion', retifanlimab: 'infusion',
  trastuzumab: 'infusion', pertuzumab: 'infusion', 'trastuzumab deruxtecan': 'infusion', 'ado-trastuzumab emtansine': 'infusion',
  'trastuzumab emtansine': 'infusion', 'sacituzumab govitecan': 'infusion', 'datopotamab deruxtecan': 'infusion',
  cetuximab: 'infusion', panitumumab: 'infusion', bevacizumab: 'infusion', ramucirumab: 'infusion', amivantamab: 'infusion',
  'enfortumab vedotin': 'infusion', 'mirvetuximab soravtansine': 'infusion', 'lutetium lu 177 vipivotide tetraxetan': 'infusion',
  // Injections
  fulvestrant: 'injection', denosumab: 'injection', leuprolide: 'injection', goserelin: 'injection', octreotide: 'injection', lanreotide: 'injection',
};

export function drugForm(drug: string): DrugForm | undefined {
  return FORMS[drug.toLowerCase()];
}

/** True when every drug of every listed therapy is a pill. */
export function allPills(drugs: readonly string[]): boolean {
  return drugs.length > 0 && drugs.every((d) => drugForm(d) === 'pill');
}
