import type { Evidence, ParsedArm, ParsedDose, ParsedTrial } from "../parsed-record";
import { interventionTexts } from "../arm-facts";
import { malformedWarnings, readArmsFromProse, type ProseArm } from "../prose";
import { readStagedArms } from "../prose/staged-arms";
import { trialTextOf, type SourceTrial } from "../source-record";

/**
 * The dose reader, one for every layout: a source record's arms (their own words and
 * linked interventions), the interventions linked to no arm and the trial's text → the
 * arms with their doses. A record that lists no arms gets them from its prose: a two-stage
 * design with re-randomisation (prose/stages.ts), else each group the prose names.
 *
 * One policy for a number that cannot be read ("4*10^", "10^999"): a warning naming it, and
 * the arm whose own words or linked intervention hold it gets no amount (never another
 * text's); in the trial's text it is a warning and the text's other amounts are still read.
 */
export function readDoses(src: SourceTrial): ParsedTrial {
  const { arms: _arms, unlinked, armsFrom, kind, announcedGroups: _g, noArmsWarning: _n, ...fields } = src;
  const rec: ParsedTrial = { ...fields, arms: [], cellSource: null, stages: [], warnings: [...src.warnings], evidence: { ...src.evidence } };
  const trialText = trialTextOf(src);
  if (armsFrom === "prose") {
    const staged = readStagedArms(src.description ?? "");
    if (staged.arms.length) {
      rec.arms = staged.arms;
      rec.stages = staged.stages;
      staged.arms.forEach((arm, i) => (rec.evidence[`arms[${i}]`] = { origin: "derived", text: arm.description ?? arm.label }));
      if (staged.stages.length) rec.evidence.stages = { origin: "derived", text: staged.evidence.join(" … ") };
      return rec;
    }
  }
  const read = readArmsFromProse({ arms: src.arms, trialText, unlinked, titles: [src.title, src.officialTitle] });
  rec.warnings.push(...read.warnings, ...malformedWarnings(read));
  rec.arms = read.arms.map((a, i): ParsedArm => {
    const listed = src.arms[i];
    const arm: ParsedArm = { label: a.label, type: a.type, description: listed ? listed.description : a.description ?? null, doses: a.doses };
    if (listed && kind === "page" && a.doses.length === 1) arm.doses = [{ ...a.doses[0]!, text: withOwnWords(listed.description?.trim() ?? "", a.doses[0]!, a.label) }];
    // The words of its linked interventions, for the arm facts; the arms the reader adds
    // (groups the prose names, a group the registry does not list) are derived.
    arm.interventionTexts = interventionTexts(listed?.interventions);
    if (a.derived) rec.evidence[`arms[${i}]`] = derivedEvidence(a);
    return arm;
  });
  return src.studyType === "OBSERVATIONAL" ? withoutDerivedArms(rec) : rec;
}

/**
 * An observational study gives no treatment of its own: groups its prose names are cohorts,
 * and the cells it names were given elsewhere (an earlier trial) or studied in the laboratory.
 * So its prose makes no arm; a cohort the registry lists keeps what its own words say it
 * received ("group A: autologous MSCs transplantation"). A warning says what was set aside.
 */
function withoutDerivedArms(rec: ParsedTrial): ParsedTrial {
  const keep = rec.arms.map((_, i) => rec.evidence[`arms[${i}]`]?.origin !== "derived");
  if (keep.every(Boolean)) return rec;
  const warnings = rec.arms.flatMap((arm, i) => keep[i] ? [] : [`observational study: the group "${arm.label}" its text names is not read as an arm${arm.doses.length ? ` ("${arm.doses[0]!.text}")` : ""}`]);
  const evidence = Object.fromEntries(Object.entries(rec.evidence).filter(([k]) => !/^arms\[\d+\]$/.test(k)));
  rec.arms.forEach((_, i) => {
    if (keep[i] && rec.evidence[`arms[${i}]`]) evidence[`arms[${keep.slice(0, i).filter(Boolean).length}]`] = rec.evidence[`arms[${i}]`]!;
  });
  return { ...rec, arms: rec.arms.filter((_, i) => keep[i]), evidence, warnings: [...rec.warnings, ...warnings] };
}

function derivedEvidence(a: ProseArm): Evidence {
  return { origin: "derived", text: a.description ?? (a.evidence.join(" … ") || a.label) };
}

/**
 * "hUC-MSCs 4*10^5/kg/each time" and a dose read as "4*10^5/kg … on days 1, 4 and 7" →
 * "hUC-MSCs 4*10^5/kg/each time … on days 1, 4 and 7". The reader's words are an amount and
 * a schedule (an MSC dose), or a placebo word and a schedule; a lone product word adds nothing.
 */
function withOwnWords(own: string, dose: ParsedDose, label: string): string {
  if (!own) return dose.text || label;
  const parts = dose.text.split(" … ");
  const read = dose.product === "PLACEBO" ? parts.slice(1)
    : dose.cellsPerKg === null && dose.cellsPerInfusion === null && dose.infusions === null ? [] : parts;
  return [own, ...read.filter((part) => part && !own.includes(part))].join(" … ");
}
