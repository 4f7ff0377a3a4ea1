/**
 * Built-in hotspot codons: recurrently mutated residues that are well established as drivers in the
 * literature (cancerhotspots.org analyses, Chang et al. Nat Biotechnol 2016 / Cancer Discov 2018, and the
 * canonical driver codons every targeted panel reports). Codons use the canonical (MANE / panel) transcript
 * numbering; the reference residue is checked so that a change numbered on another isoform is not taken
 * for a hotspot. Deliberately short: only codons we are confident about. Histone codons are left out
 * because HGVS numbering (counting Met1) differs by one from the K27M/G34R convention.
 */
export const HOTSPOT_CODONS: Readonly<Record<string, readonly string[]>> = {
  AKT1: ['E17'],
  ALK: ['F1174', 'R1275'],
  BRAF: ['G466', 'G469', 'D594', 'L597', 'V600', 'K601'],
  CTNNB1: ['D32', 'S33', 'G34', 'S37', 'T41', 'S45'],
  DNMT3A: ['R882'],
  EGFR: ['G719', 'S768', 'T790', 'C797', 'L858', 'L861'],
  ERBB2: ['S310', 'R678', 'L755', 'D769', 'V777', 'V842'],
  ESR1: ['E380', 'L536', 'Y537', 'D538'],
  FBXW7: ['R465', 'R479', 'R505'],
  FGFR2: ['S252', 'N549', 'K659'],
  FGFR3: ['R248', 'S249', 'G370', 'Y373', 'G380', 'K650'],
  FLT3: ['D835', 'I836'],
  GNA11: ['R183', 'Q209'],
  GNAQ: ['R183', 'Q209'],
  GNAS: ['R201', 'Q227'],
  HRAS: ['G12', 'G13', 'Q61'],
  IDH1: ['R132'],
  IDH2: ['R140', 'R172'],
  JAK2: ['V617'],
  KIT: ['W557', 'V559', 'V560', 'L576', 'K642', 'D816', 'N822'],
  KRAS: ['G12', 'G13', 'Q61', 'K117', 'A146'],
  MAP2K1: ['F53', 'Q56', 'K57'],
  MPL: ['W515'],
  MYD88: ['L265'],
  NRAS: ['G12', 'G13', 'Q61'],
  PDGFRA: ['V561', 'N659', 'D842'],
  PIK3CA: ['R88', 'N345', 'C420', 'E542', 'E545', 'Q546', 'E726', 'M1043', 'H1047', 'G1049'],
  POLE: ['P286', 'V411'],
  PTEN: ['R130'],
  RAC1: ['P29'],
  RET: ['C634', 'M918'],
  SF3B1: ['R625', 'K666', 'K700'],
  SMAD4: ['R361'],
  SPOP: ['W131', 'F133'],
  SRSF2: ['P95'],
  TP53: ['R175', 'H179', 'Y220', 'G245', 'R248', 'R249', 'R273', 'R282'],
  U2AF1: ['S34', 'Q157'],
};

let index: Map<string, Map<number, string>> | undefined;
function hotspotIndex(): Map<string, Map<number, string>> {
  if (index) return index;
  index = new Map();
  for (const [gene, codons] of Object.entries(HOTSPOT_CODONS)) {
    const m = new Map<number, string>();
    for (const c of codons) m.set(Number(c.slice(1)), c[0]!);
    index.set(gene, m);
  }
  return index;
}

/** True when `gene` codon `position` is a built-in hotspot (and `refAa`, when given, matches). */
export function isHotspotCodon(gene: string, position: number, refAa?: string): boolean {
  const ref = hotspotIndex().get(gene)?.get(position);
  if (ref === undefined) return false;
  return refAa === undefined || refAa === ref;
}
