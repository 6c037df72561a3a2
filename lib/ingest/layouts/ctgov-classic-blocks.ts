import type { ParsedTrial } from "../parsed-record";
import type { SourceIntervention, SourceTrial } from "../source-record";
import { trimTrailingPipes } from "../text";

/**
 * The block readers of the legacy ClinicalTrials.gov study page (ctgov-classic.ts): the
 * criteria lists, the arms table, the outcome measures, and the contacts and locations.
 */

const ARM_START = /^(Experimental|Active Comparator|Placebo Comparator|Sham Comparator|No Intervention|Other):\s*(.+)$/;
const INTERVENTION = /^(Drug|Biological|Genetic|Procedure|Device|Other|Dietary Supplement|Radiation|Behavioral|Combination Product|Diagnostic Test):\s*(.+)$/;
const LIST_ITEM = /^\s*(?:[-*•·]|\d{1,3}[.)、])(?:\s|$)/;

/**
 * The criteria lines after the heading at `at`, up to `until`. The list ends at a blank
 * line, unless what follows the blank continues it (another bullet or number, or the items
 * of a lead-in ending in ":"): pages copied with blank lines between items lose nothing,
 * and the prose after the list ("To learn more about this study…") is not read as an item.
 */
export function criteriaBlock(lines: string[], at: number, until: number): string[] {
  const out: string[] = [];
  for (let i = at + 1; i < until; i++) {
    if (lines[i]!.trim()) {
      out.push(lines[i]!);
      continue;
    }
    let next = i + 1;
    while (next < until && !lines[next]!.trim()) next++;
    if (next >= until) break;
    const last = out[out.length - 1]?.trim() ?? "";
    const continues = LIST_ITEM.test(lines[next]!) || last === "" || last.endsWith(":") || /^[-*•·]$/.test(last);
    if (!continues) break;
    i = next - 1;
  }
  return out;
}

interface ArmBlock { type: string; label: string; description: string; interventions: SourceIntervention[]; line: number }

/** A line with its one closing "|" cell border removed (the line is trimmed). */
const cellText = (line: string) => (line.endsWith("|") ? line.slice(0, -1).trimEnd() : line);

/**
 * The arms table: each row is "<Type>: <label>", the arm's description lines, a "|" line,
 * then its interventions, each a "<Type>: <name>" line and its description lines; the row
 * ends with a line ending in "|". "Other:" is both an arm type and an intervention type: it
 * opens a new arm only once the row before has ended (or that row's arm has no
 * interventions and gives none).
 */
export function readArmBlocks(lines: string[]): ArmBlock[] {
  const start = lines.findIndex((l) => /^Arm\s*\|\s*Intervention\/treatment\s*\|/.test(l.trim()));
  if (start < 0) return [];
  // The words of each block are collected and joined once at the end: rebuilding the
  // description string on every line made a long block take quadratic time.
  type Block = { type: string; label: string; line: number; descriptionParts: string[]; interventions: { name: string; parts: string[] }[] };
  const arms: Block[] = [];
  let part: "description" | "intervention" = "description";
  let rowEnded = true;
  for (let i = start + 2; i < lines.length; i++) {
    const line = lines[i]!.trim();
    if (line.startsWith("- ") || line.startsWith("Choosing to participate")) break;
    const m = ARM_START.exec(line);
    const iv = INTERVENTION.exec(cellText(line));
    const arm = arms[arms.length - 1];
    const opensArm = m && (arms.length === 0 || (part === "intervention" && (rowEnded || !iv || arm!.interventions.length === 0 && arm!.type === "No Intervention")));
    if (opensArm) {
      arms.push({ type: m[1]!, label: m[2]!.trim(), line: i + 1, descriptionParts: [], interventions: [] });
      part = "description";
      rowEnded = false;
      continue;
    }
    if (!arm) continue;
    if (part === "description") {
      if (line === "|") part = "intervention";
      else arm.descriptionParts.push(cellText(line));
      continue;
    }
    const text = cellText(line);
    if (iv) arm.interventions.push({ name: iv[2]!.trim(), parts: [] });
    else if (text) (arm.interventions[arm.interventions.length - 1] ?? (arm.interventions[0] = { name: "", parts: [] })).parts.push(text);
    if (line.endsWith("|")) rowEnded = true;
  }
  const joined = (parts: string[]) => parts.map((p) => p.trim()).filter(Boolean).join(" ");
  return arms.map(({ descriptionParts, interventions, ...arm }) => ({
    ...arm,
    description: joined(descriptionParts),
    interventions: interventions.map((iv) => ({ name: iv.name, description: joined(iv.parts) || null })),
  }));
}

/**
 * "- Measure [ Time Frame: 28 days ] Description": the measure up to the first
 * "[ Time Frame:", the time frame up to the next "]". Read by position: the single regex
 * this replaces backtracked in cubic time over a long line.
 */
function readOutcomeLine(line: string): { measure: string; timeFrame: string | null; description: string | null } | null {
  const bullet = /^-\s+/.exec(line);
  if (!bullet) return null;
  const frame = /\[\s*Time Frame:/.exec(line.slice(bullet[0].length));
  if (!frame) return null;
  const measure = line.slice(bullet[0].length, bullet[0].length + frame.index).trim();
  const from = bullet[0].length + frame.index + frame[0].length;
  const close = line.indexOf("]", from);
  if (!measure || close < 0) return null;
  return {
    measure,
    timeFrame: line.slice(from, close).trim() || null,
    description: line.slice(close + 1).trim() || null,
  };
}

export function readOutcomes(lines: string[]): ParsedTrial["outcomes"] {
  const outcomes: ParsedTrial["outcomes"] = [];
  let kind: "PRIMARY" | "SECONDARY" | "OTHER" | null = null;
  for (const raw of lines) {
    const line = raw.trim();
    if (/^Primary Outcome Measures?:/i.test(line)) kind = "PRIMARY";
    else if (/^Secondary Outcome Measures?:/i.test(line)) kind = "SECONDARY";
    else if (/^Other Outcome Measures?:/i.test(line)) kind = "OTHER";
    const m = readOutcomeLine(line);
    if (m) outcomes.push({ kind, ...m });
  }
  return outcomes;
}

export function readContactsAndLocations(lines: string[], rec: Pick<SourceTrial, "contacts" | "locations">): void {
  const start = lines.findIndex((l) => /^Please refer to this study by its ClinicalTrials\.gov identifier/.test(l.trim()));
  if (start < 0) return;
  let location: ParsedTrial["locations"][number] | null = null;
  for (let i = start + 1; i < lines.length; i++) {
    const line = lines[i]!.trim();
    if (/^(Study Director|Study Chair|Principal Investigator|Responsible Party|Sponsor|ClinicalTrials\.gov Identifier)\s*:/.test(line)) break;
    if (line.startsWith("Contact:")) {
      const parts = trimTrailingPipes(line.slice("Contact:".length)).split("|").map((p) => p.trim()).filter(Boolean);
      const whole = parts.join(" ");
      const email = /[\w.+-]+@[\w-]+(?:\.[\w-]+)+/.exec(whole)?.[0] ?? null;
      const phone = /\+?\d[\d\s()-]{6,}\d/.exec(whole)?.[0]?.trim() ?? null;
      const name = (parts.length > 1 ? parts[0]! : whole.split(/(?<!\s)\s+\+?\d/)[0]!).trim();
      rec.contacts.push({ role: location ? "SITE" : "CENTRAL", name, phone, email, affiliation: location?.facility ?? null });
      if (location && name) (location.contacts ??= []).push({ name, phone, email });
      continue;
    }
    // A location line ends in one or two cell borders.
    if (!line.endsWith("|")) continue;
    const cellValue = trimTrailingPipes(line, 2);
    if (!cellValue) continue;
    const text = cellValue.replace(/,\s*$/, "");
    const parts = text.split(/(?<!\s)\s*,\s*/);
    if (!location || (location.facility && location.city)) {
      // "China, Shanghai": a country (and region) heading opens a new site.
      location = { facility: null, city: null, region: parts[1] ?? null, country: parts[0] ?? null };
      rec.locations.push(location);
    } else if (location.facility && parts[parts.length - 1] === location.country) {
      location.city = parts[0] ?? null;
      location.region = parts.length > 2 ? parts[1]! : location.region;
    } else {
      location.facility = location.facility ? `${location.facility}, ${text}` : text;
    }
  }
}
