import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { csvFilename, toCompareCsv } from "@/lib/compare/csv";
import { shapeComparison } from "@/lib/compare/shape";
import { parseCuration } from "@/lib/ingest/curation";
import { importSource } from "@/lib/ingest/pipeline";

const seeds = path.join(process.cwd(), "seeds");
const curation = parseCuration(fs.readFileSync(path.join(seeds, "curation.json"), "utf8"), "curation.json");
const load = (file: string) => importSource(fs.readFileSync(path.join(seeds, file)), file, curation).record;

const HEADER = "trialId,trialTitle,armLabel,armType,cellsPerKgPerInfusion,estimated,activeInfusions,cumulativeCellsPerKg,mscDayOffsets,placeboDayOffsets,referenceWeightKg,cellsPerKgPerInfusionMin,cellsPerKgPerInfusionMax,rangeMin,rangeMax,rangeUnit,unstated";

describe("comparison CSV", () => {
  it("003 at 60 kg: exact header and rows; not reported is an empty cell", () => {
    const csv = toCompareCsv(shapeComparison([load("003_380424067d6bdd53.txt")], 60));
    const title = "Human Umbilical Cord Mesenchymal Stem Cell Transplantation for The Treatment of Acute-on-Chronic Liver Failure";
    expect(csv.split("\r\n")).toEqual([
      HEADER,
      `NCT05985863,${title},Placebo short control,PLACEBO_COMPARATOR,,false,0,,,0;7;14,60,,,,,,`,
      `NCT05985863,${title},MSC Prolonged treatment,EXPERIMENTAL,2500000,true,5,12500000,0;7;14;28;35,,60,,,,,,`,
      `NCT05985863,${title},MSC Prolonged control,EXPERIMENTAL,2500000,true,3,7500000,0;7;14,28;35,60,,,,,,`,
      "",
    ]);
  });

  it("002: doses not reported are empty; quoted when a title has a comma", () => {
    const rec = load("002_aca47ec262779fdb.txt");
    const lines = toCompareCsv(shapeComparison([{ ...rec, title: 'UC-MSC, "HBV" ACLF' }], 60)).split("\r\n");
    expect(lines[1]).toBe('NCT02812121,"UC-MSC, ""HBV"" ACLF",Group MSC-1,EXPERIMENTAL,,false,8,,0;7;14;21;28;35;42;49,,60,,,,,,');
    expect(lines[3]).toBe('NCT02812121,"UC-MSC, ""HBV"" ACLF",Group Control,NO_INTERVENTION,,false,0,,,,60,,,,,,');
  });

  it("names the download after the trials and the weight", () => {
    expect(csvFilename(["NCT04822922", "NCT05948982"], 60)).toBe("msc-compare_NCT04822922_NCT05948982_60kg.csv");
    expect(csvFilename(["A"], 72.5)).toBe("msc-compare_A_72-5kg.csv");
  });
});

describe("CSV safety", () => {
  it("text that starts like a spreadsheet formula is neutralised; numbers are not touched", () => {
    const record = importSource(fs.readFileSync("seeds/001_77e33fc44f0026eb.txt"), "001_77e33fc44f0026eb.txt").record;
    record.title = "=HYPERLINK(\"http://x\")";
    record.arms[0]!.label = "@SUM(A1)";
    const rows = toCompareCsv(shapeComparison([record], 60)).split("\r\n");
    expect(rows[1]).toBe(`NCT04822922,"'=HYPERLINK(""http://x"")",'@SUM(A1),EXPERIMENTAL,400000,false,4,1600000,0;3;6;9,,60,,,,,,`);
  });
});
