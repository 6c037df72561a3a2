import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { ImportError } from "@/lib/ingest/errors";
import { importSource, importStudy, importStudyText } from "@/lib/ingest/pipeline";

/** The two entry points of lib/ingest/pipeline.ts: a file's bytes, and a study already parsed. */
const FIX = path.join(process.cwd(), "tests", "fixtures");
const read = (p: string) => fs.readFileSync(path.join(FIX, p), "utf8");

describe("importStudy", () => {
  it.each(["ctgov-v2/six-arms/input.json", "ctgov-classic-json/six-arms/input.json"])("a parsed %s gives the record its bytes give", (p) => {
    const text = read(p);
    const fromBytes = importSource(Buffer.from(text), "six-arms.json");
    expect(importStudy(JSON.parse(text), "six-arms.json")).toEqual(fromBytes);
    expect(importStudyText(text, "six-arms.json")).toEqual(fromBytes);
  });

  it("reads no-break spaces as plain spaces, as the text path does", () => {
    const study = JSON.parse(read("ctgov-v2/six-arms/input.json"));
    study.protocolSection.identificationModule.briefTitle = "Umbilical\u00a0Cord MSC in ACLF";
    expect(importStudy(study, "s.json").record.title).toBe("Umbilical Cord MSC in ACLF");
    expect(study.protocolSection.identificationModule.briefTitle).toBe("Umbilical\u00a0Cord MSC in ACLF");
  });

  it("refuses a document that is not a study, naming the file", () => {
    expect(() => importStudy({ hello: "world" }, "other.json")).toThrow(ImportError);
    try {
      importStudy({ hello: "world" }, "other.json");
    } catch (e) {
      expect((e as ImportError).format()).toMatch(/^other\.json: a JSON document that is not a ClinicalTrials\.gov study \(no protocolSection or ProtocolSection\)/);
    }
    expect(() => importStudyText('{ "protocolSection": ', "cut.json")).toThrow(/^not valid JSON/);
  });
});
