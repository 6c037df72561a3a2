import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { doseSchema } from "@/lib/record/schema";
import { readArmsFromProse, type ProseArmInput } from "@/lib/ingest/prose/index";

/**
 * Prose fixtures: tests/fixtures/prose/<case>/input.txt (the trial's prose), optional
 * arms.json (the structured arms, with their linked interventions), optional unlinked.json
 * (interventions linked to no arm), optional titles.json (the record's titles, read only for a single
 * administration they state) and expected.json (what
 * the reader must return). `UPDATE_GOLDEN=1` rewrites the expected files (tests/fixtures/README.md); a
 * missing one fails.
 */
const root = path.join(process.cwd(), "tests", "fixtures", "prose");
const cases = fs.readdirSync(root).filter((d) => fs.statSync(path.join(root, d)).isDirectory()).sort();

describe("prose fixtures", () => {
  for (const name of cases) {
    it(name, () => {
      const dir = path.join(root, name);
      const trialText = fs.readFileSync(path.join(dir, "input.txt"), "utf8");
      const armsFile = path.join(dir, "arms.json");
      const arms: ProseArmInput[] = fs.existsSync(armsFile) ? JSON.parse(fs.readFileSync(armsFile, "utf8")) : [];
      const unlinkedFile = path.join(dir, "unlinked.json");
      const unlinked = fs.existsSync(unlinkedFile) ? JSON.parse(fs.readFileSync(unlinkedFile, "utf8")) : undefined;
      const titlesFile = path.join(dir, "titles.json");
      const titles = fs.existsSync(titlesFile) ? JSON.parse(fs.readFileSync(titlesFile, "utf8")) : undefined;
      const result = readArmsFromProse({ arms, trialText, unlinked, titles });
      for (const arm of result.arms) for (const d of arm.doses) doseSchema.parse(d);
      const actual = { arms: result.arms.map(({ evidence: _e, scheduleWords: _s, ...a }) => a), warnings: result.warnings };
      const file = path.join(dir, "expected.json");
      if (process.env.UPDATE_GOLDEN === "1") fs.writeFileSync(file, `${JSON.stringify(actual, null, 2)}\n`);
      expect(fs.existsSync(file), `${file} is missing (run with UPDATE_GOLDEN=1 and read it)`).toBe(true);
      expect(actual).toEqual(JSON.parse(fs.readFileSync(file, "utf8")));
    });
  }
});
