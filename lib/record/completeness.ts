import type { TrialRecord } from "./schema";

/**
 * Whether a record is a cut-off copy of the one already stored for the same trial. Pure:
 * write-trial.ts reads the stored counts in the transaction that writes, and asks here.
 */

/** How much of a trial a record holds: filled fields and the lengths of its lists. */
export interface RecordCounts {
  fields: number;
  inclusion: number;
  exclusion: number;
  arms: number;
  doses: number;
  outcomes: number;
  contacts: number;
  locations: number;
  keywords: number;
  otherIds: number;
  conditions: number;
}

/** Words for each count in messages ("3 contacts, this file 0"). */
const NAMES: Record<keyof RecordCounts, string> = {
  fields: "filled fields", inclusion: "inclusion criteria", exclusion: "exclusion criteria", arms: "arms",
  doses: "doses", outcomes: "outcomes", contacts: "contacts", locations: "locations", keywords: "keywords",
  otherIds: "other ids", conditions: "conditions",
};

/**
 * The scalar fields counted as "filled": the record's names, each with its Trial column
 * (write-trial.ts counts the stored ones with the same list).
 */
export const COUNTED_FIELDS: [column: string, value: (r: TrialRecord) => unknown][] = [
  ["title", (r) => r.title], ["officialTitle", (r) => r.officialTitle], ["acronym", (r) => r.acronym],
  ["sponsor", (r) => r.sponsor], ["overallStatus", (r) => r.overallStatus], ["studyType", (r) => r.studyType],
  ["primaryPurpose", (r) => r.primaryPurpose], ["allocation", (r) => r.design.allocation],
  ["interventionModel", (r) => r.design.interventionModel], ["masking", (r) => r.design.masking],
  ["enrollmentCount", (r) => r.enrollment?.count], ["startDate", (r) => r.dates.start],
  ["primaryCompletionDate", (r) => r.dates.primaryCompletion], ["completionDate", (r) => r.dates.completion],
  ["minAgeYears", (r) => r.eligibility.minAgeYears], ["maxAgeYears", (r) => r.eligibility.maxAgeYears],
  ["sex", (r) => r.eligibility.sex], ["healthyVolunteers", (r) => r.eligibility.healthyVolunteers],
  ["briefSummary", (r) => r.briefSummary], ["description", (r) => r.description], ["cellSource", (r) => r.cellSource],
];

export function countsOf(r: TrialRecord): RecordCounts {
  return {
    fields: COUNTED_FIELDS.filter(([, value]) => value(r) !== null && value(r) !== undefined).length,
    inclusion: r.eligibility.inclusion.length,
    exclusion: r.eligibility.exclusion.length,
    arms: r.arms.length,
    doses: r.arms.reduce((n, a) => n + a.doses.length, 0),
    outcomes: r.outcomes.length,
    contacts: r.contacts.length,
    locations: r.locations.length,
    keywords: r.keywords.length,
    otherIds: r.otherIds.length,
    conditions: r.conditions.length,
  };
}

/** What the new record has less of than the stored one: `["3 contacts, this file 0", …]`. */
export function lostParts(stored: RecordCounts, incoming: RecordCounts): string[] {
  return (Object.keys(NAMES) as (keyof RecordCounts)[])
    .filter((k) => incoming[k] < stored[k])
    .map((k) => `${stored[k]} ${NAMES[k]}, this file ${incoming[k]}`);
}

/** The start of the warning a record that ends mid-word carries (and is recognised by). */
export const MID_WORD = "the file ends mid-word";

/**
 * The last words of `text` when it ends in the middle of a word, else null. A word is cut
 * when the file stops right after it (no line break, no punctuation), it stands nowhere
 * else in the text, and a longer word there begins with it ("… Hai Li, chi" where the
 * page says "chief" and "China"). A page that ends on a whole word ("Legal") is not cut.
 */
export function endsMidWord(text: string): string | null {
  // The last word, found by stepping back from the end: `/[A-Za-z]+$/` would try every
  // start of a long run of letters and run to its end (quadratic: 31 s for 256 KiB).
  let start = text.length;
  while (start > 0 && isAsciiLetter(text.charCodeAt(start - 1))) start--;
  if (start === text.length) return null;
  const last = { index: start, 0: text.slice(start) };
  const word = last[0].toLowerCase();
  const others = (text.slice(0, last.index).match(/[A-Za-z]+/g) ?? []).map((w) => w.toLowerCase());
  if (others.includes(word)) return null;
  if (!others.some((w) => w.length > word.length && w.startsWith(word))) return null;
  const lineStart = text.lastIndexOf("\n", last.index) + 1;
  const tail = text.slice(Math.max(lineStart, text.length - 40));
  return tail.trim();
}

function isAsciiLetter(c: number): boolean {
  return (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a);
}

/**
 * Why a new record must not replace the stored one without --force, or null when it may:
 * it holds less than the stored version, or it ends mid-word while the stored one did not.
 */
export function refuseReplacement(args: {
  id: string;
  stored: RecordCounts;
  storedEndsMidWord: boolean;
  incoming: RecordCounts;
  incomingEndsMidWord: string | null;
}): string | null {
  const lost = lostParts(args.stored, args.incoming);
  const hint = "it looks cut off (use --force to replace it anyway)";
  if (lost.length) return `refused: the stored ${args.id} has ${lost.join("; ")}; ${hint}`;
  if (args.incomingEndsMidWord !== null && !args.storedEndsMidWord) {
    return `refused: this file ends mid-word ("…${args.incomingEndsMidWord}") and the stored ${args.id} does not; ${hint}`;
  }
  return null;
}

/**
 * The lists of a record a block pasted twice would repeat, each item as one string (the
 * fields that make it itself): write-trial.ts builds the same lists from the stored rows.
 */
export interface RecordLists {
  arms: string[];
  inclusion: string[];
  exclusion: string[];
  outcomes: string[];
  contacts: string[];
  locations: string[];
  keywords: string[];
  conditions: string[];
  otherIds: string[];
  interventions: string[];
}

const joinFields = (...xs: (string | null | undefined)[]) => xs.map((x) => x ?? "").join("\u0001");
export const outcomeKey = (o: { kind: string | null; measure: string; timeFrame: string | null; description: string | null }) =>
  joinFields(o.kind, o.measure, o.timeFrame, o.description);
export const contactKey = (c: { role: string | null; name: string | null; phone: string | null; email: string | null; affiliation: string | null }) =>
  joinFields(c.role, c.name, c.phone, c.email, c.affiliation);
export const locationKey = (l: { facility: string | null; city: string | null; region: string | null; country: string | null }) =>
  joinFields(l.facility, l.city, l.region, l.country);

export function listsOf(r: TrialRecord): RecordLists {
  return {
    arms: r.arms.map((a) => a.label), inclusion: r.eligibility.inclusion, exclusion: r.eligibility.exclusion,
    outcomes: r.outcomes.map((o) => outcomeKey({ ...o, kind: o.kind ?? "UNSPECIFIED" })), contacts: r.contacts.map(contactKey),
    locations: r.locations.map(locationKey), keywords: r.keywords, conditions: r.conditions, otherIds: r.otherIds,
    interventions: r.interventions,
  };
}

/** Words for each list in messages, with the name of one item. */
const LIST_NAMES: Record<keyof RecordLists, [list: string, item: string]> = {
  arms: ["arms", "arm"], inclusion: ["inclusion criteria", "criterion"], exclusion: ["exclusion criteria", "criterion"],
  outcomes: ["outcomes", "outcome"], contacts: ["contacts", "contact"], locations: ["locations", "location"],
  keywords: ["keywords", "keyword"], conditions: ["conditions", "condition"], otherIds: ["other ids", "id"],
  interventions: ["interventions", "intervention"],
};
const FIELDS: Record<keyof RecordLists, string> = {
  arms: "arms", inclusion: "eligibility.inclusion", exclusion: "eligibility.exclusion", outcomes: "outcomes",
  contacts: "contacts", locations: "locations", keywords: "keywords", conditions: "conditions", otherIds: "otherIds",
  interventions: "interventions",
};

/** The smallest run of items that, standing twice, is a block pasted twice (genuine records repeat up to two). */
export const REPEATED_RUN = 3;

const normal = (s: string) => s.replace(/\s+/g, " ").trim().toLowerCase();

/**
 * Where a list holds a block twice: `[first, second, length]` (0-based starts), or null.
 * A block is a run of REPEATED_RUN or more items standing again later in the list, or the
 * whole list being one run of two or more items twice. Linear: runs of REPEATED_RUN items
 * are looked up by their text.
 */
export function repeatedRun(items: string[]): [number, number, number] | null {
  const xs = items.map(normal);
  const n = xs.length;
  if (n >= 4 && n % 2 === 0 && xs.slice(0, n / 2).every((x, i) => x === xs[n / 2 + i])) return [0, n / 2, n / 2];
  const first = new Map<string, number>();
  for (let j = 0; j + REPEATED_RUN <= n; j++) {
    const key = xs.slice(j, j + REPEATED_RUN).join("\u0000");
    const i = first.get(key);
    if (i === undefined) first.set(key, j);
    else if (j >= i + REPEATED_RUN) {
      let k = REPEATED_RUN;
      while (j + k < n && i + k < j && xs[i + k] === xs[j + k]) k++;
      return [i, j, k];
    }
  }
  return null;
}

/**
 * Why a record holds a block twice (a block pasted twice in its source): an arm's label
 * twice, or a run of items of another list twice. Its items would be stored and counted
 * twice, and which copy is right cannot be told when they differ. Null when none.
 */
export function repeatedBlock(lists: RecordLists): { field: string; message: string } | null {
  const seen = new Map<string, number>();
  for (const [i, label] of lists.arms.entries()) {
    const first = seen.get(normal(label));
    if (first !== undefined) {
      return { field: "arms", message: `the arm "${label}" stands twice (arms ${first + 1} and ${i + 1}): a block pasted twice? Keep one copy` };
    }
    seen.set(normal(label), i);
  }
  for (const key of Object.keys(LIST_NAMES) as (keyof RecordLists)[]) {
    if (key === "arms") continue;
    const run = repeatedRun(lists[key]);
    if (!run) continue;
    const [a, b, k] = run;
    const [list, item] = LIST_NAMES[key];
    const span = (s: number) => (k === 1 ? `${s + 1}` : `${s + 1}–${s + k}`);
    return {
      field: FIELDS[key],
      message: `${list} ${span(a)} stand again as ${span(b)} (${k} ${item === "criterion" ? "criteria" : `${item}s`} twice): a block pasted twice? Keep one copy`,
    };
  }
  return null;
}
