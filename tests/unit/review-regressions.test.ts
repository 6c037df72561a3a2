import { describe, expect, it } from "vitest";
import { readDoseAmount } from "@/lib/ingest/normalize/doses";
import { parseSchedule, toDayOffsets } from "@/lib/ingest/normalize/schedule";

/** Cases found in review: each once stored a wrong number. */
describe("dose amounts", () => {
  it.each([
    ["2×10^6 UC-MSCs/kg", 2e6],
    ["5×10^5 BM-MSCs/kg", 5e5],
    ["1×10^6 mesenchymal stem cells/kg", 1e6],
    ["1×10^6 stem cells per kg", 1e6],
    ["1×10^6 cells·kg-1", 1e6],
    ["hUC-MSCs 4*10^5/kg/each time", 4e5],
  ])("%s is per kg (%d), not a flat dose", (text, perKg) => {
    expect(readDoseAmount(text)).toMatchObject({ kind: "perKg", cellsPerKg: perKg });
  });

  it("a flat dose stays flat: the unit search stops at punctuation and numbers", () => {
    expect(readDoseAmount("1.5×10^8, Peripheral IV, at week0")).toMatchObject({ kind: "flat", cellsPerInfusion: 1.5e8 });
    expect(readDoseAmount("1×10^8 cells per infusion for a 60 kg adult")).toMatchObject({ kind: "flat", cellsPerInfusion: 1e8 });
  });

  it.each(["1.0×10^6 to 2.0×10^6 cells/kg", "1×10^6-2×10^6 cells/kg", "1-2×10^6 cells/kg"])("the range %s is no dose", (text) => {
    expect(readDoseAmount(text)).toBeNull();
  });
});

describe("schedules", () => {
  const read = (t: string) => {
    const s = parseSchedule(t);
    return s && { infusions: s.infusions, offsets: s.days && toDayOffsets(s.days) };
  };

  it("follow-up visits are not infusions", () => {
    expect(read("a single infusion; follow-up at days 7, 30 and 90")).toEqual({ infusions: 1, offsets: [0] });
    expect(read("once a week for 4 weeks, then evaluated on days 7, 14, 28 and 90")).toEqual({ infusions: 4, offsets: [0, 7, 14, 21] });
    expect(read("after evaluation, MSCs were infused on days 1, 8 and 15")).toEqual({ infusions: 3, offsets: [0, 7, 14] });
  });

  it("\"1 infusion every week for 4 weeks\" is four infusions", () => {
    expect(read("1 infusion every week for 4 weeks")).toEqual({ infusions: 4, offsets: [0, 7, 14, 21] });
  });

  it("a repeated day counts once", () => {
    expect(read("on days 1, 1 and 8")).toEqual({ infusions: 2, offsets: [0, 7] });
  });

  it("two readings that disagree on the days leave the days unknown", () => {
    expect(read("every 2 weeks, 3 infusions, on days 1, 8 and 15")).toEqual({ infusions: 3, offsets: null });
  });
});

describe("arms and enrollment in records", async () => {
  const fs = await import("node:fs");
  const { importSource } = await import("@/lib/ingest/pipeline");
  const seed = fs.readFileSync("seeds/001_77e33fc44f0026eb.txt", "utf8");
  const read = (text: string) => importSource(new TextEncoder().encode(text), "variant.txt").record;

  it("an actual enrollment of 0 (a withdrawn trial) is 0, not not-reported", () => {
    const r = read(seed.replace("Estimated Enrollment : | 16 participants |", "Actual Enrollment : | 0 participants |"));
    expect(r.enrollment).toEqual({ count: 0, type: "ACTUAL" });
  });

  it("an active comparator of standard care gets no dose; the MSC arms keep theirs", () => {
    const start = seed.indexOf("Experimental: high dose");
    const end = seed.indexOf("- Safety of treatment");
    const r = read(`${seed.slice(0, start)}Active Comparator: standard care
Standard medical treatment
|
Other: standard medical treatment
Liver protection and supportive care. |
${seed.slice(end)}`);
    const care = r.arms.find((a) => a.label === "standard care")!;
    expect(care.type).toBe("ACTIVE_COMPARATOR");
    expect(care.doses).toEqual([]);
    expect(r.arms.find((a) => a.label === "low dose")!.summary.cellsPerKgPerInfusion).toBe(4e5);
  });
});

describe("files of the same name", async () => {
  const fs = await import("node:fs");
  const os = await import("node:os");
  const path = await import("node:path");
  const { scratchDatabase, countRows } = await import("../helpers/db");
  const { openDatabase } = await import("@/lib/db/sqlite");
  const { importFiles } = await import("@/lib/import/run-import");

  it("a different registered trial in a file of the same name is refused, not swapped in", () => {
    const scratch = scratchDatabase("same-name");
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "same-name-"));
    fs.mkdirSync(path.join(dir, "a"));
    fs.mkdirSync(path.join(dir, "b"));
    const seed = fs.readFileSync("seeds/001_77e33fc44f0026eb.txt", "utf8");
    fs.writeFileSync(path.join(dir, "a", "record.txt"), seed);
    fs.writeFileSync(path.join(dir, "b", "record.txt"), seed.replaceAll("NCT04822922", "NCT09999999"));
    const db = openDatabase(scratch.url);
    const [first, second] = importFiles(db, [path.join(dir, "a", "record.txt"), path.join(dir, "b", "record.txt")], {});
    db.close();
    expect(first!.ok).toBe(true);
    expect(second!.ok).toBe(false);
    expect(second!.line).toBe("record.txt: a different trial (NCT04822922) was imported from a file of the same name; rename this file or remove NCT04822922 first");
    expect(countRows(scratch.file).Trial).toBe(1);
    scratch.cleanup();
    fs.rmSync(dir, { recursive: true, force: true });
  });
});
