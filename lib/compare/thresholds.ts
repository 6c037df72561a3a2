import { ANALYTE_INFO, type Analyte } from "../record/analytes";
import type { Threshold } from "../record/schema";
import { describeGroups } from "../screen/describe";

/**
 * The comparison's eligibility rows: the thresholds read from each trial's criteria
 * (record.eligibility.thresholds), grouped by what a clinician compares, each in the
 * analyte's one SI unit so that trials line up, with the source words beside. Pure.
 */
export interface ThresholdRow {
  key: string;
  label: string;
  analytes: Analyte[];
  /** Shown even when no compared trial states such a limit (then "no limit read from its criteria"). */
  always: boolean;
}

export const THRESHOLD_ROWS: ThresholdRow[] = [
  { key: "bilirubin", label: "Bilirubin", analytes: ["TBIL"], always: true },
  { key: "inrPta", label: "INR / PTA", analytes: ["INR", "PTA", "PT"], always: true },
  { key: "meld", label: "MELD", analytes: ["MELD", "MELD_NA"], always: true },
  { key: "childPugh", label: "Child-Pugh", analytes: ["CHILD_PUGH"], always: false },
  { key: "creatinine", label: "Creatinine", analytes: ["CREATININE"], always: false },
  { key: "albumin", label: "Albumin", analytes: ["ALBUMIN"], always: false },
  { key: "platelets", label: "Platelets", analytes: ["PLATELETS"], always: false },
  { key: "sodium", label: "Sodium", analytes: ["SODIUM"], always: false },
];

export interface ThresholdLine {
  /** "Inclusion: INR ≥ 1.5 or PTA ≤ 40%", "Excluded if: Creatinine ≥ 176.8 µmol/L". */
  text: string;
  /** The source words. */
  source: string;
}

/** One line per criterion group that limits one of the row's analytes, in the SI unit. */
export function thresholdLines(thresholds: Threshold[], row: ThresholdRow): ThresholdLine[] {
  const mine = thresholds.filter((t) => row.analytes.includes(t.analyte));
  const keys = [...new Set(mine.map((t) => `${t.list}:${t.criterion}:${t.group}`))];
  return keys.map((k) => {
    const group = mine.filter((t) => `${t.list}:${t.criterion}:${t.group}` === k);
    const head = group[0]!.list === "exclusion" ? "Excluded if" : "Inclusion";
    const [text] = describeGroups(group, (t) => ANALYTE_INFO[t.analyte].si);
    return { text: `${head}: ${text}`, source: [...new Set(group.map((t) => t.text))].join(" … ") };
  });
}
