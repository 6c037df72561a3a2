import fs from "node:fs";

/**
 * Records at the 2 MB limit built around content that makes a careless regex slow: one
 * long word, long runs of digits, spaces or punctuation, a dose phrase repeated thousands
 * of times, many short lines. Used by tests/unit/import/hostile-records.test.ts and by
 * `npm run bench:import-hostile`. Generated, never stored.
 */

export const HOSTILE_KINDS = ["word", "digits", "spaces", "punctuation", "parentheses", "dose-phrases", "lab-limits", "lines"] as const;
export type HostileKind = (typeof HOSTILE_KINDS)[number];

/** One kind of hostile text, `bytes` bytes long in UTF-8 (give or take one character). */
export function hostileText(kind: HostileKind, bytes: number): string {
  const unit: Record<HostileKind, string> = {
    word: "a",
    digits: "1234567890",
    spaces: " \t ",
    punctuation: ".,;:-/|*_=+",
    parentheses: "((((",
    "dose-phrases": "1.0×10^6 cells/kg once weekly for 4 weeks, ",
    "lab-limits": "INR ≥1.5 or HE grade 3, ", // each a threshold the eligibility reader reads
    lines: "x\n",
  };
  const u = unit[kind];
  const chars = Math.floor((bytes * u.length) / Buffer.byteLength(u));
  return u.repeat(Math.ceil(chars / u.length)).slice(0, chars);
}

/** Where the hostile text goes in the text record. */
export const TEXT_PLACES = ["about", "arm", "criterion", "end"] as const;
export type TextPlace = (typeof TEXT_PLACES)[number];

/** The seed the text records are built from (a ClinicalTrials.Veeva page). */
export const TEXT_SEED = "seeds/000_423415c0e2b20a3c.txt";

/**
 * Seed 000 with `total` bytes in all: the hostile text inside its "About" paragraph, inside
 * its first arm's description, inside its last inclusion criterion, or after its last line
 * (where the cut-off check looks).
 */
export function hostileTextRecord(kind: HostileKind, place: TextPlace, total: number): Buffer {
  const seed = fs.readFileSync(TEXT_SEED, "utf8");
  const fill = (n: number) => hostileText(kind, n);
  const room = total - Buffer.byteLength(seed) - 2;
  let text: string;
  if (place === "end") text = `${seed} ${fill(room)}`;
  else {
    const anchor = { about: "This study is a multicenter", arm: "2.0×10\\^6/kg\nTreatment:", criterion: "Voluntarily participate" }[place];
    const at = seed.indexOf(anchor);
    if (at < 0) throw new Error(`the seed lacks "${anchor}"`);
    text = `${seed.slice(0, at)}${fill(room)} ${seed.slice(at)}`;
  }
  return Buffer.from(text);
}

/** The API v2 study of tests/fixtures, with the hostile text split over four of its free-text fields. */
export function hostileJsonStudy(kind: HostileKind, total: number): string {
  const study = JSON.parse(fs.readFileSync("tests/fixtures/ctgov-v2/six-arms/input.json", "utf8"));
  const base = JSON.stringify(study).length;
  // JSON escapes ("\n", "\t") take two characters: leave room for them.
  const quarter = Math.floor((total - base) / 4 / (kind === "lines" || kind === "spaces" ? 1.5 : 1)) - 64;
  const p = study.protocolSection;
  p.descriptionModule.detailedDescription = hostileText(kind, quarter);
  p.armsInterventionsModule.armGroups[0].description += ` ${hostileText(kind, quarter)}`;
  p.armsInterventionsModule.interventions[0].description += ` ${hostileText(kind, quarter)}`;
  p.eligibilityModule.eligibilityCriteria += `\n* ${hostileText(kind, quarter)}`;
  return JSON.stringify(study);
}
