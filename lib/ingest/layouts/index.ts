import { ImportError } from "../errors";
import type { Layout } from "./types";
import { ctgovClassic } from "./ctgov-classic";
import { trialSummary } from "./trial-summary";
import { veeva } from "./veeva";
import { veevaProse } from "./veeva-prose";

/** Every layout the importer reads, most specific first (the empty-field Veeva page before the full one). */
export const LAYOUTS: readonly Layout[] = [veevaProse, veeva, ctgovClassic, trialSummary];

/** The layout of `text`, or an ImportError that says what was found instead. */
export function detectLayout(text: string, file: string): Layout {
  const layout = LAYOUTS.find((l) => l.detect(text));
  if (layout) return layout;
  const known = LAYOUTS.map((l) => l.description).join("; ");
  const looksHtml = /<(?:!doctype|html|head|body)\b/i.test(text.slice(0, 2000));
  const what = looksHtml ? "an HTML page, not a trial record copied as text" : "no known trial record layout";
  throw new ImportError(`${what} (known layouts: ${known})`, { file });
}

export type { Layout };
