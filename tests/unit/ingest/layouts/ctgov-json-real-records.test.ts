import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDatabase } from "@/lib/db/sqlite";
import { getAllTrials } from "@/lib/data/records";
import { importFiles, type FileResult } from "@/lib/import/run-import";
import type { TrialRecord } from "@/lib/record/schema";
import { toResearchStudy } from "@/lib/fhir/research-study";
import { scratchDatabase, type ScratchDb } from "@/tests/helpers/db";
import { fhirRuleErrors, fhirSchemaErrors } from "@/tests/helpers/fhir-schema";

/**
 * The real ClinicalTrials.gov records of ../shared/ctgov (53 classic, 7 API v2; read in
 * place, never copied) imported as a person would, then read back from the database. Each
 * record's status, phases, design, enrollment, ages, sex, conditions and arms must equal
 * what the JSON itself says, computed here by a second, deliberately plain mapping that
 * shares no code with the importer.
 */

const SHARED = path.resolve(process.cwd(), "..", "shared", "ctgov");
const CLASSIC = path.join(SHARED, "classic");
const V2 = path.join(SHARED, "v2");
const present = fs.existsSync(CLASSIC) && fs.existsSync(V2);

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

interface Expected {
  nctId: string;
  overallStatus: string | null;
  phases: string[];
  studyType: string | null;
  design: { allocation: string | null; interventionModel: string | null; masking: string | null };
  enrollment: { count: number; type: string | null } | null;
  minAgeYears: number | null;
  maxAgeYears: number | null;
  sex: string | null;
  conditions: string[];
  arms: [string, string | null][];
}

const PHASE_ORDER = ["EARLY_PHASE1", "PHASE1", "PHASE2", "PHASE3", "PHASE4", "NA"];

/** "18 Years", "6 Months" → years, to two decimals. */
function years(t: string | undefined): number | null {
  if (!t) return null;
  const [n, unit] = t.split(" ");
  const per: Record<string, number> = { Year: 1, Years: 1, Month: 12, Months: 12, Week: 52.1786, Weeks: 52.1786, Day: 365.25, Days: 365.25 };
  return Math.round((Number(n) / per[unit!]!) * 100) / 100;
}

// The classic format's words, written out.
const C_STATUS: Record<string, string> = {
  "Not yet recruiting": "NOT_YET_RECRUITING", Recruiting: "RECRUITING", "Enrolling by invitation": "ENROLLING_BY_INVITATION",
  "Active, not recruiting": "ACTIVE_NOT_RECRUITING", Completed: "COMPLETED", Suspended: "SUSPENDED", Terminated: "TERMINATED",
  Withdrawn: "WITHDRAWN", "Unknown status": "UNKNOWN",
};
const C_PHASE: Record<string, string> = {
  "Early Phase 1": "EARLY_PHASE1", "Phase 1": "PHASE1", "Phase 2": "PHASE2", "Phase 3": "PHASE3", "Phase 4": "PHASE4", "Not Applicable": "NA",
};
const C_ALLOCATION: Record<string, string> = { Randomized: "RANDOMIZED", "Non-Randomized": "NON_RANDOMIZED", "N/A": "NA" };
const C_MODEL: Record<string, string> = {
  "Single Group Assignment": "SINGLE_GROUP", "Parallel Assignment": "PARALLEL", "Crossover Assignment": "CROSSOVER",
  "Factorial Assignment": "FACTORIAL", "Sequential Assignment": "SEQUENTIAL",
};
const C_MASKING: Record<string, string> = {
  "None (Open Label)": "NONE", Single: "SINGLE", Double: "DOUBLE", Triple: "TRIPLE", Quadruple: "QUADRUPLE",
};
const C_ARM: Record<string, string> = {
  Experimental: "EXPERIMENTAL", "Active Comparator": "ACTIVE_COMPARATOR", "Placebo Comparator": "PLACEBO_COMPARATOR",
  "Sham Comparator": "SHAM_COMPARATOR", "No Intervention": "NO_INTERVENTION", Other: "OTHER",
};
const C_ENROLLMENT: Record<string, string> = { Anticipated: "ESTIMATED", Estimated: "ESTIMATED", Actual: "ACTUAL" };
const C_STUDY_TYPE: Record<string, string> = { Interventional: "INTERVENTIONAL", Observational: "OBSERVATIONAL", "Expanded Access": "EXPANDED_ACCESS" };
const C_SEX: Record<string, string> = { All: "ALL", Female: "FEMALE", Male: "MALE" };
const orNull = (table: Record<string, string>, v: string | undefined) => (v === undefined ? null : table[v] ?? `unmapped "${v}"`);

function expectedClassic(doc: Json): Expected {
  const p = doc.ProtocolSection;
  const d = p.DesignModule ?? {};
  const info = d.DesignInfo ?? {};
  const e = p.EligibilityModule ?? {};
  const count = d.EnrollmentInfo?.EnrollmentCount;
  return {
    nctId: p.IdentificationModule.NCTId,
    overallStatus: orNull(C_STATUS, p.StatusModule?.OverallStatus),
    phases: (d.PhaseList?.Phase ?? []).map((x: string) => C_PHASE[x] ?? x).sort((a: string, b: string) => PHASE_ORDER.indexOf(a) - PHASE_ORDER.indexOf(b)),
    studyType: orNull(C_STUDY_TYPE, d.StudyType),
    design: {
      allocation: orNull(C_ALLOCATION, info.DesignAllocation),
      interventionModel: orNull(C_MODEL, info.DesignInterventionModel),
      masking: orNull(C_MASKING, info.DesignMaskingInfo?.DesignMasking),
    },
    enrollment: count === undefined ? null : { count: Number(count), type: orNull(C_ENROLLMENT, d.EnrollmentInfo?.EnrollmentType) },
    minAgeYears: years(e.MinimumAge),
    maxAgeYears: years(e.MaximumAge),
    sex: orNull(C_SEX, e.Gender),
    conditions: p.ConditionsModule?.ConditionList?.Condition ?? [],
    arms: (p.ArmsInterventionsModule?.ArmGroupList?.ArmGroup ?? []).map((g: Json) => [g.ArmGroupLabel, orNull(C_ARM, g.ArmGroupType)]),
  };
}

/** API v2 already writes the contract's values. */
function expectedV2(doc: Json): Expected {
  const p = doc.protocolSection;
  const d = p.designModule ?? {};
  const info = d.designInfo ?? {};
  const e = p.eligibilityModule ?? {};
  return {
    nctId: p.identificationModule.nctId,
    overallStatus: p.statusModule?.overallStatus ?? null,
    phases: d.phases ?? [],
    studyType: d.studyType ?? null,
    // An observational study has no allocation, model or masking.
    design: { allocation: info.allocation ?? null, interventionModel: info.interventionModel ?? null, masking: info.maskingInfo?.masking ?? null },
    enrollment: d.enrollmentInfo ? { count: d.enrollmentInfo.count, type: d.enrollmentInfo.type ?? null } : null,
    minAgeYears: years(e.minimumAge),
    maxAgeYears: years(e.maximumAge),
    sex: e.sex ?? null,
    conditions: p.conditionsModule?.conditions ?? [],
    arms: (p.armsInterventionsModule?.armGroups ?? []).map((g: Json) => [g.label, g.type ?? null]),
  };
}

function actual(r: TrialRecord): Expected {
  return {
    nctId: r.nctId!, overallStatus: r.overallStatus, phases: r.phases, studyType: r.studyType, design: r.design,
    enrollment: r.enrollment, minAgeYears: r.eligibility.minAgeYears, maxAgeYears: r.eligibility.maxAgeYears,
    sex: r.eligibility.sex, conditions: r.conditions, arms: r.arms.map((a) => [a.label, a.type]),
  };
}

const jsonFiles = (dir: string) => (fs.existsSync(dir) ? fs.readdirSync(dir).filter((f) => f.endsWith(".json")).sort() : []);

describe.runIf(present)("the real ClinicalTrials.gov records of ../shared/ctgov", () => {
  let scratch: ScratchDb;
  let results: FileResult[];
  let trials: Map<string, TrialRecord>;

  beforeAll(async () => {
    scratch = scratchDatabase("ctgov-shared");
    const db = openDatabase(scratch.url);
    results = importFiles(db, [CLASSIC, V2], {});
    db.close();
    process.env.DATABASE_URL = scratch.url;
    trials = new Map((await getAllTrials()).map((t) => [t.id, t]));
  }, 120_000);

  afterAll(async () => {

    scratch?.cleanup();
  });

  it("imports every study, each on its own line", () => {
    expect(results.filter((r) => !r.ok).map((r) => r.line)).toEqual([]);
    expect(results).toHaveLength(jsonFiles(CLASSIC).length + jsonFiles(V2).length);
    expect(trials.size).toBe(results.length);
  });

  it.each(jsonFiles(CLASSIC))("classic %s: structured fields equal the JSON's own", (file) => {
    const want = expectedClassic(JSON.parse(fs.readFileSync(path.join(CLASSIC, file), "utf8")));
    const r = trials.get(want.nctId)!;
    expect(r.source.format).toBe("ctgov-classic-json");
    const got = actual(r);
    // The registered arms come first, as registered; any arm after them was read from the
    // prose (no arm list, or an intervention describing a group the list lacks), and says so.
    got.arms.slice(want.arms.length).forEach((_, k) => expect(r.provenance[`arms[${want.arms.length + k}]`]).toBe("derived"));
    got.arms = got.arms.slice(0, want.arms.length);
    expect(got).toEqual(want);
  });

  it.runIf(fs.existsSync(path.join(CLASSIC, "NCT01322906.json")))(
    "NCT01322906: three interventions describing a group the arm list lacks become three derived dose arms", () => {
      const r = trials.get("NCT01322906")!;
      expect(r.arms.map((a) => [a.label, a.type, r.provenance[`arms[${r.arms.indexOf(a)}]`] ?? null])).toEqual([
        ["Group A", "OTHER", null], ["Group 1", "EXPERIMENTAL", "derived"], ["Group 2", "EXPERIMENTAL", "derived"], ["Group 3", "EXPERIMENTAL", "derived"],
      ]);
      expect(r.arms[0]!.doses.filter((d) => d.product === "MSC")).toEqual([]);
      expect(r.arms.slice(1).map((a) => a.doses.map((d) => [d.product, d.cellsPerKg, d.infusions, d.dayOffsets]))).toEqual([
        [["MSC", 2e5, 4, [0, 7, 14, 21]]], [["MSC", 1e6, 4, [0, 7, 14, 21]]], [["MSC", 5e6, 4, [0, 7, 14, 21]]],
      ]);
      expect(r.arms.slice(1).map((a) => a.route?.value)).toEqual(["PERIPHERAL_VEIN", "PERIPHERAL_VEIN", "PERIPHERAL_VEIN"]);
      expect(r.warnings.filter((w) => w.includes("which the registry does not list"))).toHaveLength(3);
    });

  it("every imported record exports as a FHIR R4 ResearchStudy that the official schema accepts", () => {
    const invalid = [...trials.values()].map((t) => {
      const s = toResearchStudy(t);
      return { id: t.id, errors: [...fhirSchemaErrors(s), ...fhirRuleErrors(s)] };
    }).filter((r) => r.errors.length > 0);
    expect(invalid).toEqual([]);
  });

  it.each(jsonFiles(V2))("API v2 %s: structured fields equal the JSON's own", (file) => {
    const want = expectedV2(JSON.parse(fs.readFileSync(path.join(V2, file), "utf8")));
    const r = trials.get(want.nctId)!;
    expect(r.source.format).toBe("ctgov-v2");
    expect(actual(r)).toEqual(want);
  });
});
