import type { ArmType } from "../../record/vocabulary";
import { isDoseAmount, notADose, type AmountMention } from "./amounts";
import type { ProseArmInput } from "./input";
import type { ArmLevels, FoundAmount } from "./levels";
import { combineSchedules, type CombinedSchedule } from "./schedules";
import { singularAdministration } from "./single";
import { amountUnstated, doseLevels, type AmountUnstated } from "./unstated";
import { amountKey, armWords, says, scheduleOfAmount, scheduleSig, sourceWords } from "./words";

/** What an arm is given, chosen from its levels: the input of the dose assembly (dose.ts). */
export interface ArmChoice {
  msc: boolean;
  placebo: boolean;
  amounts: FoundAmount[];
  /** The arm's schedule (one for all its amounts), and its words. */
  schedule: CombinedSchedule | null;
  scheduleWords: string | null;
  /** Several amounts each with its own schedule (by two routes, say), in the amounts' order; else null. */
  perAmount: { schedule: CombinedSchedule; words: string }[] | null;
  /** The words naming the product or the placebo, first found, most specific text first. */
  mscWords: string[];
  placeboWords: string[];
  /** The source words read, before the doses' own. */
  evidence: string[];
  type: ArmType | null;
  /** A derived arm's words, from its group's name to its amount. */
  description: string | null;
  /** When no one amount is kept: why, with a range's ends and the words stated instead. */
  unstatedAmount: AmountUnstated | null;
}

export interface ChoiceContext {
  /** True when the record lists no arms (the arm is a group its prose names). */
  derived: boolean;
  /** The arm is a comparator (placebo, sham, no intervention, a control that is not the MSC arm). */
  control: boolean;
  /** The most specific text of the arm that states a number that cannot be read. */
  unreadable: "arm" | "intervention" | null;
  /** The other arms' levels, for "at the same time points" said of an earlier arm's schedule. */
  others: ArmLevels[];
  /** Every text that concerns the arm (its own, its interventions, the trial's): for a singular administration (single.ts). */
  texts?: string[];
  /** The number of dose levels the arms state (level-counts.ts): "3 doses" in a record of three levels counts no administrations. */
  doseLevels?: number;
}

/**
 * The choice between the arm's own text, its interventions and the trial's text: the most
 * specific level that states an amount (a dose named for the arm wins over amounts stated for
 * no group), likewise the schedule; a disagreement between the arm's own and a linked
 * intervention keeps the arm's own with a warning. Warnings go to `warnings`.
 */
export function chooseForArm(arm: ProseArmInput, levels: ArmLevels, ctx: ChoiceContext, warnings: string[]): ArmChoice {
  const { own, linked, trial } = levels;
  const { derived, control, unreadable } = ctx;
  const evidence: string[] = [];
  const noIntervention = arm.type === "NO_INTERVENTION";
  let msc = !noIntervention && (own.msc || linked.msc || own.amounts.length > 0 || linked.amounts.length > 0 ||
    (derived && (trial.msc || trial.amounts.length > 0)) ||
    (!control && arm.type === "EXPERIMENTAL" && (own.stated.length > 0 || linked.stated.length > 0)) ||
    // "Low dose (total of 600 million cells)": cells the arm's own words give, though not as one dose
    (arm.type !== "PLACEBO_COMPARATOR" && arm.type !== "SHAM_COMPARATOR" && own.stated.some((s) => s.total || s.ceiling || s.per)));
  const placebo = !msc && !noIntervention && (own.placebo || linked.placebo || (derived && trial.placebo) ||
    arm.type === "PLACEBO_COMPARATOR" && (trial.placebo || own.schedules.length + linked.schedules.length > 0));

  const distinct = (all: FoundAmount[]) => {
    const xs = all.some((x) => x.named) ? all.filter((x) => x.named) : all;
    const m = new Map<string, FoundAmount>();
    for (const x of xs) if (!m.has(amountKey(x.m))) m.set(amountKey(x.m), x);
    return [...m.values()];
  };
  // "1 million of MSC" (the label) and "1 million of MSC/kg" (its description): one number, its unit said once.
  const perKgValues = new Set([...own.amounts, ...linked.amounts].filter((x) => x.m.perKg).map((x) => x.m.value));
  const unitOnce = (xs: FoundAmount[]) => xs.filter((x) => x.m.perKg || !perKgValues.has(x.m.value));
  const ownAmounts = distinct(unitOnce(own.amounts));
  const linkedAmounts = distinct(unitOnce(linked.amounts));
  const trialAmounts = distinct(trial.amounts);
  let amounts: FoundAmount[] = ownAmounts.length ? ownAmounts : linkedAmounts.length ? linkedAmounts
    : own.stated.length || linked.stated.length ? [] : trialAmounts.length === 1 || derived ? trialAmounts : [];
  if (ownAmounts.length && linkedAmounts.length && ownAmounts.map((a) => amountKey(a.m)).sort().join() !== linkedAmounts.map((a) => amountKey(a.m)).sort().join()) {
    warnings.push(`arm "${arm.label}": its description states ${ownAmounts.map((a) => `"${a.m.text}"`).join(", ")} but a linked intervention states ${linkedAmounts.map((a) => `"${a.m.text}"`).join(", ")}; the arm's own is kept`);
  }
  let unstatedAmount: AmountUnstated | null = null;
  if (amounts.length > 1 && new Set(amounts.map((a) => a.source)).size > 1) {
    warnings.push(`arm "${arm.label}": different texts state different doses (${amounts.map((a) => `"${a.m.text}"`).join(", ")}); none is kept`);
    unstatedAmount = amountUnstated(amounts.map((a) => a.m));
    amounts = [];
  }
  // "0.5, 1.0, or 1.5 million cells/kg" in one text, "1.5 million cells per kg" in another: one of the levels, not the arm's dose.
  const levelValues = new Set([...own.stated, ...linked.stated].flatMap((s) => s.alternatives ?? []));
  if (amounts.length && amounts.every((a) => levelValues.has(a.m.value!))) {
    warnings.push(`arm "${arm.label}": ${amounts.map((a) => `"${a.m.text}"`).join(", ")} is one of the dose levels it states; none is kept`);
    amounts = [];
  }
  // A number the arm's own words (or linked intervention) state that cannot be read: no
  // amount from them or a more general text, never another text's.
  if (unreadable === "arm" || (unreadable === "intervention" && !ownAmounts.length)) amounts = [];
  // A derived arm's words are the trial's: a range stated for its group there is its own.
  const stated = [...own.stated, ...(ownAmounts.length ? [] : linked.stated), ...(derived && !amounts.length ? trial.stated : [])];
  if (msc && amounts.length === 0 && stated.length) {
    // Why, for the kinds the words alone do not show (a count per vial, a total, a maximum, a minimum).
    const why = (s: AmountMention) => (s.per || s.total || s.ceiling || s.floor ? ` (${notADose(s)})` : "");
    warnings.push(`arm "${arm.label}": the dose is stated as ${[...new Set(stated.map((s) => `"${s.text}"${why(s)}`))].join(", ")}, not as one amount`);
    evidence.push(...stated.map((s) => s.text));
    unstatedAmount ??= amountUnstated(stated);
  }

  // Schedule: the arm's own, else its interventions', else the trial's.
  const ownS = combineSchedules(own.schedules);
  const linkedS = combineSchedules(linked.schedules);
  const trialS = combineSchedules(trial.schedules);
  // Sub-groups of this arm with their own schedules: the trial's one schedule is not this arm's either.
  const split = [...own.subgroupSchedules, ...(says(ownS) ? [] : linked.subgroupSchedules)];
  let schedule: CombinedSchedule | null = says(ownS) ? ownS : says(linkedS) ? linkedS : says(trialS) && !split.length ? trialS : null;
  if (split.length && !says(ownS) && !says(linkedS) && msc) {
    warnings.push(`arm "${arm.label}": its groups have schedules of their own (${[...new Set(split)].map((w) => `"${w}"`).join(", ")}); no one schedule is the arm's`);
  }
  // The same number of administrations, days stated in only one text: one schedule, told more fully there.
  const sameCount = says(ownS) && says(linkedS) && ownS.infusions !== null && ownS.infusions === linkedS.infusions;
  if (sameCount && !ownS.dayOffsets && linkedS.dayOffsets) {
    schedule = linkedS;
  } else if (says(ownS) && says(linkedS) && scheduleSig(ownS) !== scheduleSig(linkedS) && !(sameCount && ownS.dayOffsets && !linkedS.dayOffsets)) {
    warnings.push(`arm "${arm.label}": its description gives the schedule "${ownS.text}" but a linked intervention gives "${linkedS.text}"; the arm's own is kept`);
  }
  for (const s of [ownS, linkedS]) if (s?.conflict) warnings.push(`arm "${arm.label}": ${s.conflict}`);
  // "up to 10 doses" in any of the arm's texts: the number given is not stated, whatever another text counts.
  const ceiling = [...own.schedules, ...linked.schedules].find((s) => s.kind === "count" && s.ceiling);
  if (ceiling && schedule && (schedule.infusions !== null || schedule.dayOffsets !== null)) {
    warnings.push(`arm "${arm.label}": "${ceiling.text}" is a maximum, not the number of administrations given`);
    schedule = { ...schedule, infusions: null, dayOffsets: null };
  }

  // "the same dose", "at the same time points": inherit from the regimen stated before.
  const moreOnly = [own, linked, trial].some((lv) => lv.schedules.some((s) => s.kind === "count" && s.more));
  for (const same of [...own.sames, ...linked.sames, ...(derived ? trial.sames : [])]) {
    if ((same.what === "amount" || same.what === "both") && amounts.length === 0 && !unreadable) {
      const before = same.text.amounts.filter((a) => a.mention.end <= same.pos && isDoseAmount(a.mention) && a.product?.product !== "PLACEBO");
      const last = before[before.length - 1];
      if (last && !noIntervention && !(own.placebo || linked.placebo)) {
        amounts = [{ m: last.mention, source: same.text.text, named: false, at: same.text }];
        evidence.push(same.words);
        msc = true;
      }
    }
    if ((same.what === "schedule" || same.what === "both") && (!schedule || !says(schedule) || moreOnly)) {
      // The first other arm with a schedule lends it, its most specific level first.
      const donor = ctx.others.find((other) => other.own.schedules.length || other.linked.schedules.length || other.trial.schedules.length);
      const donorS = donor ? combineSchedules(donor.own.schedules.length ? donor.own.schedules : donor.linked.schedules.length ? donor.linked.schedules : donor.trial.schedules) : null;
      if (donorS && says(donorS)) (schedule = donorS), evidence.push(same.words);
    }
  }
  // "the same dose twice more": the earlier regimen's count plus the new ones
  if (schedule && schedule.infusions === null && !schedule.phases && !schedule.unstated) schedule = null;

  // "received a dose of …", "the day of infusion is day zero": one administration, when nothing anywhere counts or repeats
  let singleWords: string | null = null;
  if (msc && !schedule && !split.length && !ceiling && ctx.texts) {
    singleWords = singularAdministration(ctx.texts, ctx.doseLevels ?? 0);
    if (singleWords) schedule = { infusions: 1, dayOffsets: [0], text: singleWords, conflict: null, mentions: [] };
  }
  const scheduleWords = singleWords ?? (schedule && says(schedule) ? sourceWords(schedule, levels) : null);
  // Several amounts (by two routes, say), each with its own schedule in its own smallest scope.
  const each = amounts.length > 1 ? amounts.map((a) => scheduleOfAmount(a.m, levels)) : [];
  const perAmount = each.length > 0 && each.every((s) => s !== null) && new Set(each.map(scheduleSig)).size > 1
    ? each.map((s) => ({ schedule: s!, words: sourceWords(s!, levels) })) : null;
  // Several amounts in one arm with one (or no) schedule: dose levels or cohorts of the arm
  // ("the first three patients 1 million cells/kg, the next three 3 million …"), not several doses of one regimen.
  if (amounts.length > 1 && !perAmount) {
    warnings.push(`arm "${arm.label}": it states several amounts (${amounts.map((a) => `"${a.m.text}"`).join(", ")}) with no schedule of their own: dose levels, none is kept`);
    evidence.push(...amounts.map((a) => a.m.text));
    unstatedAmount ??= doseLevels(amounts.map((a) => a.m));
    amounts = [];
  }

  let type = arm.type;
  if (derived) type = msc ? "EXPERIMENTAL" : placebo ? "PLACEBO_COMPARATOR" : trial.other ? "ACTIVE_COMPARATOR" : "NO_INTERVENTION";
  return {
    msc, placebo, amounts, schedule, scheduleWords, perAmount, evidence, type,
    mscWords: [...own.mscWords, ...linked.mscWords, ...trial.mscWords],
    placeboWords: [...own.placeboWords, ...linked.placeboWords, ...trial.placeboWords],
    description: derived && amounts.length ? armWords(amounts[0]!, arm) : null,
    unstatedAmount,
  };
}
