import { ImportError } from "../errors";
import type { Layout, StudyLayout } from "./types";
import { ctgovClassic } from "./ctgov-classic";
import { ctgovClassicJson } from "./ctgov-classic-json";
import { ctgovV2 } from "./ctgov-v2";
import { ctgovXml } from "./ctgov-xml";
import { trialSummary } from "./trial-summary";
import { veeva } from "./veeva";
import { veevaProse } from "./veeva-prose";
import { chictrXml, ictrp } from "./ictrp";

/**
 * Every layout the importer reads, most specific first (the empty-field Veeva page before
 * the full one). The JSON formats come first: their test is cheap and no text page starts
 * with "{" or "[".
 */
const JSON_LAYOUTS: readonly StudyLayout[] = [ctgovV2, ctgovClassicJson];
/** XML documents of one record, each recognised by its root element (`npm run import` streams an export record by record). */
const XML_LAYOUTS: readonly Layout[] = [ctgovXml, ictrp, chictrXml];
const TEXT_LAYOUTS: readonly Layout[] = [veevaProse, veeva, ctgovClassic, trialSummary];
export const LAYOUTS: readonly Layout[] = [...JSON_LAYOUTS, ...XML_LAYOUTS, ...TEXT_LAYOUTS];

/** The layout of `text`, or an ImportError that says what was found instead. */
export function detectLayout(text: string, file: string): Layout {
  const layout = LAYOUTS.find((l) => l.detect(text));
  if (layout) return layout;
  const looksHtml = /<(?:!doctype|html|head|body)\b/i.test(text.slice(0, 2000));
  const looksJson = /^\s*[[{]/.test(text);
  const looksXml = !looksHtml && /^\uFEFF?\s*</.test(text);
  const known = (looksJson ? JSON_LAYOUTS : looksXml ? XML_LAYOUTS : TEXT_LAYOUTS).map((l) => l.description).join("; ");
  const root = looksXml ? /<([A-Za-z_][\w.:-]*)/.exec(text.replace(/<\?[\s\S]*?\?>|<!--[\s\S]*?-->|<!DOCTYPE[^>]*>/g, ""))?.[1] : undefined;
  const what = looksHtml ? "an HTML page, not a trial record copied as text"
    : looksXml ? (root ? `an XML document whose root is <${root}>, not a known trial record` : "an XML document with no element")
    : looksJson ? "a JSON document that is not a ClinicalTrials.gov study (no protocolSection or ProtocolSection)"
    : "no known trial record layout";
  throw new ImportError(`${what} (known layouts: ${known})`, { file });
}

/** The layout of a parsed JSON study, as `detectLayout` finds it in the study's text. */
export function detectStudyLayout(doc: unknown, file: string): StudyLayout {
  const layout = JSON_LAYOUTS.find((l) => l.isStudy(doc));
  if (layout) return layout;
  throw new ImportError(`a JSON document that is not a ClinicalTrials.gov study (no protocolSection or ProtocolSection) (known layouts: ${JSON_LAYOUTS.map((l) => l.description).join("; ")})`, { file });
}

export type { Layout, StudyLayout };
