/**
 * Product mentions: the MSC in all its names (UC-MSC, hUC-MSCs, BM-MSC, MSCs, mesenchymal
 * stem/stromal cells, menstrual-blood stem cells, named MSC products), placebo (placebo,
 * saline, vehicle, sham), and what must never become an MSC dose (plasma exchange, artificial
 * liver support, drugs, albumin, hematopoietic/CD34+ cells, mononuclear cells, regulatory T
 * cells, hepatocytes, scaffolds). "Without MSCs" is a negated mention; saline that the
 * cells are suspended in is a carrier, not a placebo.
 */
export interface ProductMention {
  kind: "product";
  start: number;
  end: number;
  text: string;
  product: "MSC" | "PLACEBO" | "OTHER";
  /** "stem cells" alone: an MSC only when nothing more precise is near. */
  weak: boolean;
  /** "without MSCs", "no stem cell transplantation", "placebo has no mesenchymal stem cells". */
  negated: boolean;
}

const MSC_STRONG = /\b(?:hMSCs?|h?UC-?MSCs?|h?UCMSCs?|HUC-MSCs?|BM-?MSCs?|AD-?MSCs?|A?D?-?MSCs?|BMSCs?|MenSCs?|MSC-\d|(?:mesenchymal|mesenchymal\s{1,2}(?:stem|stromal)|msenchymal\s{1,2}stem)\s{1,2}cells?|mesenchymal\s{1,2}(?:stem|stromal)\s{1,2}cell|menstrual[\s-]{1,2}blood[\s-]{1,2}(?:derived\s{1,2})?(?:stem|stromal)\s{1,2}cells?|Orbcel(?:-C)?|Stemchymal|Cellgram(?:-LC)?|Livercellgram|ADR-001|ABCB5-positive\s{1,2}(?:stem\s{1,2})?cells|allo-APZ2\S{0,6}|bone\s{1,2}marrow(?:[\s-]{1,2}derived)?\s{1,2}stem\s{1,2}cells?|mesenchymal\s{1,2}(?:precursor|progenitor)\s{1,2}cells?|MMSCs?|(?:adipose|fat|bone\s{1,2}marrow|marrow)(?:[\s-]{1,2}derived)?\s{1,2}stromal\s{1,2}cells?|remestemcel(?:-L)?|rexlemestrocel(?:-L)?|darvadstrocel|Alofisel|Prochymal|Temcell|Stempeucel|Cartistem|Neurostem|Promostem|Cupistem)/gi;
const MSC_WEAK = /\bstem[\s-]{1,2}cells?\b/gi;
const PLACEBO = /\b(?:placebo|normal\s{1,2}saline|saline|vehicle|sham|solvent)\b/gi;
const OTHER = new RegExp(
  [
    String.raw`plasma\s{1,2}exchange`, String.raw`artificial\s{1,2}liver(?:\s{1,2}support(?:\s{1,2}system)?)?`, String.raw`\bDPMAS\b`, String.raw`\bMARS\b`,
    String.raw`\bG-?CSF\b`, String.raw`granulocyte[\s-]{1,2}colony`, "entecavir", "tenofovir", "lamivudine", "adefovir",
    String.raw`glucocorticoids?`, String.raw`corticosteroids?`, String.raw`methylpredniso(?:lo)?ne`, "prednisone", "prednisolone", String.raw`dexamethasone`,
    String.raw`(?:human\s{1,2})?(?:serum\s{1,2})?albumin`, String.raw`fresh\s{1,2}frozen\s{1,2}plasma`,
    String.raw`h(?:a)?ematopo(?:i)?etic\s{1,2}(?:stem\s{1,2}|progenitor\s{1,2})?cells?`, String.raw`\bHSCs?\b`, String.raw`\bCD\s{0,1}34\+?(?:\s{1,2}(?:positive\s{1,2})?(?:stem\s{1,2})?cells?)?`, String.raw`\bCD\s{0,1}133\+?(?:\s{1,2}cells?)?`,
    String.raw`(?:bone\s{1,2}marrow\s{1,2})?mono-?nuclear\s{1,2}cells?`, String.raw`\bBM-?MNCs?\b`, String.raw`\bMNCs?\b`,
    // stem and progenitor cells of other tissues, and other cells: not MSCs
    String.raw`(?:neural|neuronal|cardiac|limbal|embryonic|epidermal|retinal|muscle|endothelial)\s{1,2}(?:stem|progenitor|precursor)\s{1,2}cells?`,
    String.raw`(?:induced\s{1,2})?pluripotent\s{1,2}stem\s{1,2}cells?`, String.raw`\biPSCs?\b`, String.raw`\bh?CSCs?\b`, String.raw`\bNSCs?\b`,
    String.raw`c-?kit\+?\s{1,2}(?:\w{1,12}\s{1,2})?cells?`, String.raw`olfactory\s{1,2}ensheathing\s{1,2}cells?`, String.raw`Schwann\s{1,2}cells?`,
    String.raw`regulatory\s{1,2}T[\s-]{1,2}cells?`, String.raw`conditioned\s{1,2}medi(?:um|a)`, "secretome", String.raw`exosomes?`,
    String.raw`extracellular\s{1,2}vesicles?`, String.raw`\b(?:h?UC-?|BM-?|AD-?)?MSCs?-(?:Exos?|s?EVs?|CM)\b`,
    // "Stem Cell Educator-treated mononuclear cells", "MSC-educated T cells": the patient's own cells, treated by stem cells
    String.raw`stem\s{1,2}cell\s{1,2}educator(?:[\s-]{1,2}(?:treated|educated)(?:\s{1,2}(?:autologous\s{1,2})?(?:mono-?nuclear\s{1,2})?cells?)?)?`,
    String.raw`(?:MSCs?|stem\s{1,2}cells?|stromal\s{1,2}cells?)[\s-]{1,2}(?:educated|treated|primed|co-?cultured|conditioned|licensed)\s{1,2}(?:[\w-]{1,15}\s{1,2}){0,2}?(?:mono-?nuclear\s{1,2}cells?|lymphocytes?|T[\s-]{1,2}cells?|immune\s{1,2}cells?|MNCs?|PBMCs?|macrophages?|NK\s{1,2}cells?|dendritic\s{1,2}cells?)`, String.raw`\bTregs?\b`, String.raw`hepatocytes?`, String.raw`scaffolds?`,
    String.raw`ursodeoxycholic\s{1,2}acid`, String.raw`\bUDCA\b`, "lactulose", "rifaximin", String.raw`diuretics?`,
  ].join("|"),
  "gi",
);

// "placebo (stem cell solvent)", "MSC vehicle", "cell diluent": the liquid the cells come in, given without them
const PLACEBO_OF_CELLS = /\b(?:(?:mesenchymal|stem|stromal|cells?|h?UC-?MSCs?|BM-?MSCs?|MSCs?)[\s-]{1,2}){1,3}(?:solvent|vehicle|diluent|excipient|carrier\s{1,2}solution|suspension\s{1,2}(?:solution|medium|buffer)|(?:cryo)?preservation\s{1,2}(?:solution|medium)|freezing\s{1,2}medium)\b/gi;
// "mononuclear cells educated by stem cells", "T cells co-cultured with MSCs": the cells given are not MSCs
const TREATED_BY_BEFORE = /(?:mono-?nuclear\s{1,2}cells?|lymphocytes?|T[\s-]{1,2}cells?|immune\s{1,2}cells?|MNCs?|PBMCs?|macrophages?|NK\s{1,2}cells?)\s{1,2}(?:\(\w{1,10}\)\s{1,2})?(?:(?:that\s{1,2}(?:were|are)|which\s{1,2}(?:were|are))\s{1,2})?(?:educated|treated|primed|co-?cultured|exposed|licensed)\s{1,2}(?:by|with|to)\s{1,2}(?:(?:the|a|human|allogeneic|cord\s{1,2}blood|umbilical\s{1,2}cord)\s{1,2}){0,2}$/i;
const NEGATION = /(?:without|no|not|non|free\s{1,2}of|lacking|instead\s{1,2}of|rather\s{1,2}than)\s{1,2}(?:any\s{1,2})?(?:\w{1,20}\s{1,2}){0,2}$/i;
const CARRIER = /(?:suspended|diluted|dissolved|resuspended|contained)\s{1,2}in\s{1,2}(?:\d{1,4}\s{0,2}ml\s{1,2}(?:of\s{1,2})?)?(?:\d{1,2}(?:\.\d)?%\s{1,2})?$/i;
// "Conditioned Medium Derived Umbilical Cord Mesenchymal Stem Cells", "MSC-derived exosomes": a product of the cells, not cells
const CELL_PRODUCT_BEFORE = /(?:conditioned\s{1,2}medi(?:um|a)|secretome|exosomes?|extracellular\s{1,2}vesicles?|lysates?)\s{1,2}(?:(?:derived|drived)\s{1,2}(?:from\s{1,2})?|of\s{1,2}|from\s{1,2})?(?:(?:the|human|umbilical|cord|bone|marrow|adipose|allogeneic|autologous)\s{1,2}){0,3}$/i;
const CELL_PRODUCT_AFTER = /^[\s-]{0,2}(?:derived\s{1,2})?(?:conditioned\s{1,2}medi(?:um|a)|secretome|exosomes?|extracellular\s{1,2}vesicles?)/i;
const ORIGIN = /(?:derived|drived|differentiated|generated|induced)\s{1,2}from\s{1,2}(?:\w{1,20}\s{1,2}){0,2}$/i;

export function findProducts(text: string): ProductMention[] {
  const out: ProductMention[] = [];
  const taken: [number, number][] = [];
  const overlaps = (s: number, e: number) => taken.some(([a, b]) => s < b && a < e);
  const push = (m: RegExpMatchArray, product: ProductMention["product"], weak: boolean) => {
    const start = m.index!;
    const end = start + m[0].length;
    if (out.length >= 500 || overlaps(start, end)) return;
    const before = text.slice(Math.max(0, start - 40), start);
    if (product === "PLACEBO" && CARRIER.test(before)) return; // cells suspended in saline
    const negated = NEGATION.test(before) || (product === "MSC" && ORIGIN.test(before));
    taken.push([start, end]);
    out.push({ kind: "product", start, end, text: m[0], product, weak, negated });
  };
  // Non-MSC names first: "hematopoietic stem cells" must not be read as "stem cells".
  for (const m of text.matchAll(PLACEBO_OF_CELLS)) push(m, "PLACEBO", false);
  for (const m of text.matchAll(OTHER)) push(m, "OTHER", false);
  for (const m of text.matchAll(MSC_STRONG)) {
    // "cb-MSCs", "ds-MSCs": the match starts at the dash; the MSCs are named all the same
    if (/^A?D?-?MSCs?$/i.test(m[0]) && !/^(?:AD-?|-)?MSCs?$/i.test(m[0])) continue;
    const end = m.index! + m[0].length;
    const derived = CELL_PRODUCT_BEFORE.test(text.slice(Math.max(0, m.index! - 60), m.index!)) || CELL_PRODUCT_AFTER.test(text.slice(end, end + 30)) ||
      TREATED_BY_BEFORE.test(text.slice(Math.max(0, m.index! - 80), m.index!));
    push(m, derived ? "OTHER" : "MSC", false);
  }
  for (const m of text.matchAll(PLACEBO)) push(m, "PLACEBO", false);
  for (const m of text.matchAll(MSC_WEAK)) push(m, TREATED_BY_BEFORE.test(text.slice(Math.max(0, m.index! - 80), m.index!)) ? "OTHER" : "MSC", true);
  return out.sort((a, b) => a.start - b.start);
}
