import { formatAgeRange, formatCellRange, formatCells, formatCount, formatPhases, label, NOT_REPORTED } from "../format";
import { barText, rangeText } from "./chart-rows";
import type { ComparedArm, ComparedTrial, Comparison } from "./shape";
import { THRESHOLD_ROWS, thresholdLines } from "./thresholds";

/**
 * The side-by-side table: one column per trial, one row per attribute. A row whose cells
 * differ between trials is flagged so the view can highlight it. Pure.
 */
export type Tone = "normal" | "estimated" | "missing";
export interface CellLine {
  /** The arm a line is about, on the arm rows. */
  arm?: string;
  text: string;
  tone: Tone;
}
export interface TableRow {
  key: string;
  label: string;
  section: "trial" | "eligibility" | "arms";
  cells: CellLine[][];
  differs: boolean;
}

const line = (text: string | null | undefined, tone: Tone = "normal"): CellLine =>
  text === null || text === undefined || text === NOT_REPORTED ? { text: NOT_REPORTED, tone: "missing" } : { text, tone };

function design(t: ComparedTrial): string {
  const { allocation, interventionModel, masking } = t.design;
  return [`allocation: ${label(allocation)}`, `model: ${label(interventionModel)}`, `masking: ${label(masking)}`].join("; ");
}

function enrollment(t: ComparedTrial): string | null {
  if (!t.enrollment) return null;
  return `${t.enrollment.count}${t.enrollment.type ? ` (${label(t.enrollment.type)})` : ""}`;
}

function infusions(a: ComparedArm): CellLine {
  if (a.kind === "none") return { arm: a.label, text: "none (no intervention)", tone: "normal" };
  if (a.kind === "placebo") {
    return { arm: a.label, text: a.placeboInfusions === null ? "placebo only; number not reported" : `placebo only, ×${a.placeboInfusions}`, tone: "normal" };
  }
  const extra = a.placeboInfusions ? ` MSC + ${a.placeboInfusions} placebo` : "";
  return { arm: a.label, text: `${formatCount(a.activeInfusions)}${a.activeInfusions !== null ? extra : ""}`, tone: a.activeInfusions === null ? "missing" : "normal" };
}

function schedule(a: ComparedArm): CellLine {
  if (a.kind === "none") return { arm: a.label, text: "no intervention", tone: "normal" };
  const parts: string[] = [];
  let missing = false;
  if (a.kind === "msc") {
    const why = a.unstated.filter((u) => u.startsWith("schedule changes frequency"));
    parts.push(a.mscDayOffsets === null ? `MSC days not reported${why.length ? ` (${why.join("; ")})` : ""}` : `MSC day ${a.mscDayOffsets.join(", ")}`);
    missing ||= a.mscDayOffsets === null;
  }
  if (a.placeboDayOffsets === null) {
    parts.push("placebo days not reported");
    missing = true;
  } else if (a.placeboDayOffsets.length) parts.push(`placebo day ${a.placeboDayOffsets.join(", ")}`);
  return { arm: a.label, text: parts.join("; "), tone: missing ? "missing" : "normal" };
}

function dose(a: ComparedArm, value: number | null, perInfusion = false): CellLine {
  if (perInfusion && a.kind === "msc" && a.cellsPerKgRange) {
    return { arm: a.label, text: rangeText(a.cellsPerKgRange), tone: a.cellsPerKgRange.estimated ? "estimated" : "normal" };
  }
  const status = a.kind === "placebo" ? "placebo" : a.kind === "none" ? "no-intervention" : value === null ? "not-reported" : a.estimated ? "estimated" : "value";
  // Not reported because the record gives no single number: say why, in its words.
  const why = status === "not-reported" ? (a.range ? ["dose stated as a range"] : a.unstated.filter((u) => !u.startsWith("schedule"))) : [];
  const text = barText(status, value) + (why.length ? ` (${why.join("; ")})` : "");
  return { arm: a.label, text, tone: status === "estimated" ? "estimated" : status === "not-reported" ? "missing" : "normal" };
}

const key = (cell: CellLine[]) => cell.map((l) => l.text).join("\n");

export function compareTableRows(c: Comparison): TableRow[] {
  const rows: Omit<TableRow, "differs">[] = [];
  const add = (k: string, lbl: string, section: TableRow["section"], cell: (t: ComparedTrial) => CellLine[]) =>
    rows.push({ key: k, label: lbl, section, cells: c.trials.map(cell) });
  add("phase", "Phase", "trial", (t) => [line(formatPhases(t.phases))]);
  add("status", "Status", "trial", (t) => [line(label(t.overallStatus))]);
  add("design", "Design", "trial", (t) => [line(design(t))]);
  add("enrollment", "Enrollment", "trial", (t) => [line(enrollment(t))]);
  add("results-publication", "Results publication (all its arms)", "trial", (t) => [
    t.resultsPublications === null ? { text: "not known: this copy of the record does not include its references", tone: "missing" }
      : t.resultsPublications.length ? { text: `yes: ${t.resultsPublications.join(", ")} (the record lists it as reporting this trial's results)`, tone: "normal" }
        : { text: "none listed in the registry record", tone: "normal" },
  ]);
  add("age", "Age range", "eligibility", (t) => [line(formatAgeRange(t.minAgeYears, t.maxAgeYears))]);
  for (const row of THRESHOLD_ROWS) {
    if (!row.always && !c.trials.some((t) => thresholdLines(t.thresholds, row).length)) continue;
    add(row.key, row.label, "eligibility", (t) => {
      const lines = thresholdLines(t.thresholds, row);
      if (lines.length) return lines.flatMap((l) => [{ text: l.text, tone: "normal" as const }, { text: `“${l.source}”`, tone: "normal" as const }]);
      return [{ text: t.hasEligibilityText ? "no limit read from its criteria" : NOT_REPORTED, tone: "missing" as const }];
    });
  }
  add("arms", "Arms", "arms", (t) => t.arms.map((a) => ({ arm: a.label, text: label(a.type), tone: "normal" as const })));
  add("dose", "Dose per kg per infusion", "arms", (t) => t.arms.map((a) => {
    const l = dose(a, a.cellsPerKgPerInfusion, true);
    // Say how an estimate was made: the flat dose the record states, over the weight.
    if (l.tone === "estimated" && a.cellsPerKgRange && a.range) return { ...l, text: `${l.text} (${formatCellRange(a.range.min, a.range.max)} cells ÷ ${c.weightKg} kg)` };
    return l.tone === "estimated" ? { ...l, text: `${l.text} (${estimateNote(a.cellsPerKgPerInfusion!, c.weightKg)})` } : l;
  }));
  add("infusions", "MSC infusions", "arms", (t) => t.arms.map(infusions));
  add("schedule", "Schedule (days from first infusion)", "arms", (t) => t.arms.map(schedule));
  add("cumulative", "Cumulative dose per kg", "arms", (t) => t.arms.map((a) => dose(a, a.cumulativeCellsPerKg)));
  return rows.map((r) => ({ ...r, differs: new Set(r.cells.map(key)).size > 1 }));
}

/** "2.5×10⁶/kg = 1.5×10⁸ cells ÷ 60 kg": how an estimate was made, for the table's note. */
export function estimateNote(perInfusion: number, weightKg: number): string {
  return `${formatCells(perInfusion * weightKg)} cells ÷ ${weightKg} kg`;
}
