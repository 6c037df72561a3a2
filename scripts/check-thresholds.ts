/**
 * Runs the threshold reader over the seeds (through the importer) and over the
 * eligibility criteria text of the real ClinicalTrials.gov records in
 * ../shared/ctgov/classic (read in place, never copied), and prints per record what was
 * read, then the counts by analyte and the criteria that name a laboratory value with a
 * number but yielded no threshold. `npm run check:thresholds [-- SEEDS_DIR CTGOV_DIR]`.
 */
import fs from "node:fs";
import path from "node:path";
import { importSource } from "../lib/ingest/pipeline";
import { splitCriteria } from "../lib/ingest/normalize/criteria";
import { readThresholds } from "../lib/ingest/thresholds";
import type { Threshold } from "../lib/record/schema";
import { describeThreshold } from "../lib/screen/describe";

const seedsDir = path.resolve(process.argv[2] ?? "../shared/seeds");
const ctgovDir = path.resolve(process.argv[3] ?? "../shared/ctgov/classic");

// A criterion that names a laboratory value or score and has a number in it.
const LAB = /bilirubin|\bT-?BIL\b|\bTB\b|\bINR\b|prothrombin|\bPTA\b|\bPT\b|MELD|end-stage liver disease|child|\bCTP\b|creatinine|\bCr\b|albumin|platelet|\bPLT\b|sodium|alpha[- ]?feto|\bAFP\b|ha?emoglobin|\bHb\b|\bALT\b|\bAST\b|\bALP\b|white blood cell|\bWBC\b/i;

interface Eligibility { inclusion: string[]; exclusion: string[] }
const totals: Record<string, Record<string, number>> = { seeds: {}, ctgov: {} };
const unread: Record<string, string[]> = { seeds: [], ctgov: [] };
let labCriteria = { seeds: 0, ctgov: 0 };

function report(set: "seeds" | "ctgov", id: string, elig: Eligibility, thresholds: Threshold[]) {
  console.log(`\n${id}: ${thresholds.length} threshold${thresholds.length === 1 ? "" : "s"}`);
  for (const t of thresholds) {
    totals[set]![t.analyte] = (totals[set]![t.analyte] ?? 0) + 1;
    console.log(`  ${t.list === "inclusion" ? "I" : "E"}${t.criterion} g${t.group}  ${describeThreshold(t).padEnd(28)} « ${t.text} »`);
  }
  for (const [list, items] of [["inclusion", elig.inclusion], ["exclusion", elig.exclusion]] as const) {
    items.forEach((c, i) => {
      if (!LAB.test(c) || !/\d/.test(c)) return;
      labCriteria[set]++;
      if (!thresholds.some((t) => t.list === list && t.criterion === i)) {
        unread[set]!.push(`${id} ${list === "inclusion" ? "I" : "E"}${i}: ${c.length > 160 ? `${c.slice(0, 160)}…` : c}`);
      }
    });
  }
}

if (fs.existsSync(seedsDir)) {
  for (const file of fs.readdirSync(seedsDir).filter((f) => f.endsWith(".txt")).sort()) {
    const r = importSource(fs.readFileSync(path.join(seedsDir, file)), file).record;
    report("seeds", `${r.id} (${file})`, r.eligibility, r.eligibility.thresholds);
  }
}

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
if (fs.existsSync(ctgovDir)) {
  for (const file of fs.readdirSync(ctgovDir).filter((f) => f.endsWith(".json")).sort()) {
    const study: Json = JSON.parse(fs.readFileSync(path.join(ctgovDir, file), "utf8"));
    const p: Json = (study.FullStudy?.Study ?? study.Study ?? study).ProtocolSection;
    const text: string = p.EligibilityModule?.EligibilityCriteria ?? "";
    // Sections start at a heading line naming inclusion or exclusion ("PSC patients - Exclusion").
    let inc = "", exc = "", into: "inc" | "exc" = "inc";
    for (const line of text.split("\n")) {
      const heading = /^\s*(?:[-*]\s*)?[\w -]{0,30}?\b(Inclusion|Exclusion)(?:\s+Criteria)?\s*:?\s*$/i.exec(line)
        ?? /^\s*(?:\w+\s+)?(Inclusion|Exclusion)\s+criteria\b[^\d]{0,60}$/i.exec(line);
      if (heading) into = /^e/i.test(heading[1]!) ? "exc" : "inc";
      else if (into === "inc") inc += `${line}\n`;
      else exc += `${line}\n`;
    }
    // Each line of the registry's text is a criterion unless it is a numbered or bulleted item's.
    const lines = (s: string) => s.split("\n")
      .map((l) => (!l.trim() || /^\s*(?:\d{1,3}[.)、]|[-*•·])/.test(l) ? l : `- ${l}`));
    const elig = { inclusion: splitCriteria(lines(inc)).items, exclusion: splitCriteria(lines(exc)).items };
    report("ctgov", p.IdentificationModule?.NCTId ?? file, elig, readThresholds(elig));
  }
}

for (const set of ["seeds", "ctgov"] as const) {
  const byAnalyte = Object.entries(totals[set]!).sort((a, b) => b[1] - a[1]);
  const total = byAnalyte.reduce((s, [, n]) => s + n, 0);
  console.log(`\n== ${set}: ${total} thresholds: ${byAnalyte.map(([a, n]) => `${a} ${n}`).join(", ")}`);
  console.log(`== ${set}: ${labCriteria[set]} criteria name a laboratory value or score with a number; ${unread[set]!.length} yielded no threshold:`);
  for (const u of unread[set]!) console.log(`  ${u}`);
}
