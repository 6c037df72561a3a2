import { ImportError, NumberFormatError } from "../errors";
import type { Evidence, ParsedArm, ParsedDose } from "../parsed-record";
import { interventionTexts } from "../arm-facts";
import { malformedWarnings, readArmsFromProse, type ProseArmInput } from "./index";

/**
 * The doses of a layout's structured arms (an arm list with descriptions and linked
 * interventions), read by the prose reader like every other layout's, with the layout's own
 * word rules: a dose's source words are the arm's description, followed by whatever the
 * dose was read from outside it (the schedule in a linked intervention, say). A power of
 * ten that cannot be read in an arm's text refuses the file, naming the arm; one in the
 * trial text is a warning. Conflicts and unreadable doses come back as warnings.
 */
export function readStructuredArms(
  arms: (ProseArmInput & { line?: number })[],
  trialText: string | null,
  file: string,
): { arms: ParsedArm[]; warnings: string[]; evidence: Record<string, Evidence> } {
  const read = readArmsFromProse({ arms, trialText });
  const warnings = [...read.warnings];
  for (const m of read.malformed) {
    if (m.arm === null) {
      warnings.push(...malformedWarnings({ malformed: [m] }));
      continue;
    }
    const arm = arms[m.arm]!;
    const cause = new NumberFormatError(m.text, m.problem);
    throw new ImportError(cause.message, { file, line: arm.line, field: `arms[${m.arm}] "${arm.label}"` }, { cause });
  }
  // Arms the reader adds (a linked intervention describing a group the registry does not list) are derived.
  const extra = read.arms.slice(arms.length);
  const evidence: Record<string, Evidence> = {};
  extra.forEach((a, k) => (evidence[`arms[${arms.length + k}]`] = { origin: "derived", text: a.description ?? (a.evidence.join(" … ") || a.label) }));
  return {
    evidence,
    arms: [...arms.map((arm, i) => {
      const doses = read.arms[i]!.doses;
      const own = arm.description?.trim() ?? "";
      return {
        label: arm.label,
        type: arm.type,
        description: arm.description,
        doses: doses.length === 1 ? [{ ...doses[0]!, text: withOwnWords(own, doses[0]!, arm.label) }] : doses,
        interventionTexts: interventionTexts(arm.interventions),
      };
    }), ...extra.map((a) => ({ label: a.label, type: a.type, description: a.description ?? null, doses: a.doses, interventionTexts: [] }))],
    warnings,
  };
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
