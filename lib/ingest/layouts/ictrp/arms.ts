import { normalizeArmType } from "../../normalize/enums";
import type { SourceArm, SourceIntervention } from "../../source-record";
import { fieldText, splitList } from "./text";

/**
 * Arms of an ICTRP record, from `Intervention` and `Target_size`, in each registry's own
 * convention (there is no arm element):
 * - ChiCTR: `group:intervention;` pairs, and `group:size;` in Target_size;
 * - jRCT: CT.gov arm labels copied as `Experimental: name<br>words<br><br>Active Comparator: …`;
 * - CTRI: `Intervention1: …<br>Control Intervention1: …`; DRKS: `Group 1: …`;
 * - NCT: `Type: name;` lists of interventions, EUCTR/CTIS product lists, and anything
 *   else: interventions the record links to no arm.
 */

export interface IctrpArms {
  arms: SourceArm[];
  /** Interventions linked to no arm. */
  unlinked: SourceIntervention[];
  /** The names the record gives its interventions (the record's `interventions`). */
  names: string[];
  /** Per-group sizes as stated (ChiCTR), by group label. */
  groupSizes: { label: string; count: number }[];
  /** How the arms were read, for the record's evidence. */
  convention: string;
}

const NCT_TYPE = /^(Drug|Biological|Device|Procedure|Procedure\/Surgery|Radiation|Behavioral|Genetic|Dietary Supplement|Combination Product|Diagnostic Test|Other)\s*:\s*/i;

/** ChiCTR `label:value;` pairs; a part without a label of `labels` continues the pair before it. */
export function chictrPairs(text: string, labels: string[] = []): { label: string; value: string }[] {
  const known = labels.map((l) => l.toLowerCase());
  const out: { label: string; value: string }[] = [];
  for (const part of text.replace(/\n+/g, " ").split(";")) {
    const p = part.trim();
    if (!p) continue;
    const colon = p.indexOf(":");
    const label = colon > 0 ? p.slice(0, colon).trim() : "";
    const isPair = colon > 0 && label.length <= 200 && (known.length === 0 ? true : known.includes(label.toLowerCase()));
    if (isPair || out.length === 0) {
      out.push(colon > 0 ? { label, value: p.slice(colon + 1).trim() } : { label: "", value: p });
    } else {
      out[out.length - 1]!.value += `; ${p}`;
    }
  }
  return out;
}

function chictrArms(intervention: string, targetSize: string): IctrpArms {
  const sizes = chictrPairs(targetSize)
    .map((p) => ({ label: p.label, count: /^\d{1,7}$/.test(p.value) ? Number(p.value) : null }))
    .filter((p): p is { label: string; count: number } => p.label !== "" && p.count !== null);
  const pairs = chictrPairs(intervention, sizes.map((s) => s.label));
  const arms: SourceArm[] = pairs.map(({ label, value }, i) => ({
    label: label || `Group ${i + 1}`,
    type: normalizeArmType(label.replace(/^\d+\s*/, "")),
    description: value || null,
    interventions: [],
  }));
  return { arms, unlinked: [], names: pairs.map((p) => p.value).filter((v) => v && !/^(?:n\/?a|none|null|-)$/i.test(v)), groupSizes: sizes, convention: "ChiCTR group:intervention pairs" };
}

/** `Experimental: name\nwords\n\nActive Comparator: name\n…` (jRCT copying CT.gov). */
function armLabelBlocks(text: string): SourceArm[] | null {
  const blocks = text.split(/\n\s*\n/).map((b) => b.trim()).filter(Boolean);
  const arms: SourceArm[] = [];
  for (const block of blocks) {
    const [first, ...rest] = block.split("\n");
    const m = /^(Experimental|Active Comparator|Placebo Comparator|Sham Comparator|No Intervention|Other)\s*:\s*(.+)$/i.exec(first!.trim());
    if (!m) return null;
    arms.push({ label: m[2]!.trim(), type: normalizeArmType(m[1]!), description: rest.join("\n").trim() || null, interventions: [] });
  }
  return arms.length ? arms : null;
}

/** Lines starting `Intervention1:`, `Control Intervention1:` (CTRI) or `Group 1:` (DRKS). */
function labelledLines(text: string, label: RegExp, typeOf: (label: string) => SourceArm["type"]): SourceArm[] | null {
  const arms: SourceArm[] = [];
  for (const line of text.split("\n")) {
    const m = label.exec(line.trim());
    if (m) arms.push({ label: m[1]!.trim(), type: typeOf(m[1]!), description: m[2]!.trim() || null, interventions: [] });
    else if (arms.length && line.trim()) {
      const last = arms[arms.length - 1]!;
      last.description = last.description ? `${last.description}\n${line.trim()}` : line.trim();
    } else if (!arms.length && line.trim()) return null;
  }
  return arms.length ? arms : null;
}

export function readIctrpArms(registry: string, rawIntervention: string | undefined, rawTargetSize: string | undefined): IctrpArms {
  const intervention = fieldText(rawIntervention);
  const targetSize = fieldText(rawTargetSize);
  const none: IctrpArms = { arms: [], unlinked: [], names: [], groupSizes: [], convention: "none" };
  if (!intervention) return none;
  if (registry === "ChiCTR" || (/:[^;]*;/.test(intervention) && /^[^:;\d][^:;]{0,80}:\s*\d{1,7}\s*(;|$)/.test(targetSize))) {
    return chictrArms(intervention, targetSize);
  }
  if (registry === "NCT" || NCT_TYPE.test(intervention)) {
    const items = splitList(intervention.replace(/\n+/g, ";"));
    if (items.every((i) => NCT_TYPE.test(i))) {
      const unlinked = items.map((i) => ({ name: i.replace(NCT_TYPE, "").trim(), description: null }));
      return { arms: [], unlinked, names: unlinked.map((u) => u.name), groupSizes: [], convention: "ClinicalTrials.gov Type: name list (no arms)" };
    }
  }
  const blocks = armLabelBlocks(intervention);
  if (blocks) return { arms: blocks, unlinked: [], names: blocks.map((b) => b.label), groupSizes: [], convention: "CT.gov arm labels" };
  const ctri = labelledLines(intervention, /^((?:Control )?Intervention\s*\d+)\s*:\s*(.*)$/i, (l) => (/^control/i.test(l) ? null : "EXPERIMENTAL"));
  if (ctri) return { arms: ctri, unlinked: [], names: ctri.map((a) => (a.description ?? "").split(":")[0]!.trim()).filter(Boolean), groupSizes: [], convention: "CTRI Intervention/Control Intervention lines" };
  const drks = labelledLines(intervention, /^(Group\s*\d+|Arm\s*\d+)\s*:\s*(.*)$/i, () => null);
  if (drks) return { arms: drks, unlinked: [], names: [], groupSizes: [], convention: "Group N lines" };
  // Product lists (EUCTR, CTIS), and any other text: the trial's interventions, linked to no arm.
  const products = [...intervention.matchAll(/Product Name\s*:\s*([^,\n]+)/gi)].map((m) => m[1]!.trim()).filter(Boolean);
  return {
    arms: [], unlinked: [{ name: products[0] ?? intervention.split("\n")[0]!.slice(0, 200), description: intervention }],
    names: products.length ? [...new Set(products)] : [intervention.replace(/\n+/g, " ").slice(0, 500)], groupSizes: [], convention: products.length ? "product list" : "free text",
  };
}
