import path from "node:path";
import Database from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { importFiles } from "@/lib/import/run-import";
import { readTrialXmlFile } from "@/lib/import/xml-file";
import { importXmlRecord } from "@/lib/ingest/pipeline";
import { writeTrial } from "@/lib/db/write-trial";
import { sqliteReader } from "@/lib/db/sqlite/reader";
import { keysOf, registryKey, registryName, relinkAll } from "@/lib/db/trial-links";
import { compareRegistrations } from "@/lib/record/registrations";
import { findTrials } from "@/lib/data/search";
import { parseSearchParams } from "@/lib/search/params";
import { readAllIds, readLandscapeTrials } from "@/lib/db/view-reads";
import { shapeLandscape } from "@/lib/landscape/shape";
import { readSuggestions, sponsorKey, titleSimilarity } from "@/lib/db/trial-suggestions";
import { scratchDatabase, type ScratchDb } from "@/tests/helpers/db";

/**
 * One trial, several registrations: the 2024 ICTRP export (../shared/ictrp), whose links
 * were counted by hand from each record's TrialID and Secondary_ID (README of that folder:
 * "nine links resolve inside the file"; EU CTR member-state records of one EudraCT number
 * are one trial):
 *   CTIS2023-507385-11-00 names NCT05697861; EUCTR2014-003865-11-NL names NCT02312206;
 *   NCT03862807 names 2018-003519-24 (EUCTR2018-003519-24-GB); JPRN-jRCT2071210009 names
 *   2019-001698-10 and NL-OMON55279 names EUCTR2019-001698-10-NL (EUCTR2019-001698-10-PT);
 *   JPRN-jRCT2080224769 names NCT03759379; NCT01960348 names 2013-002987-17; NCT02175004
 *   names 2013-004561-13; NCT02510261 names 2014-003877-40; EUCTR2017-005115-13-ES/-FR;
 *   EUCTR2021-000037-14-DK/-ES/-HU/-PL/-PT.
 * Ten groups of 24 records: 95 records, 81 trials. Sponsor codes shared by two records
 * (NCT00409175 "FX-005" and EUCTR2006-002792-41-SE "Fx-005") are not registry ids: no link.
 */
const EXPORT = path.join("..", "shared", "ictrp", "ICTRP-Results_2024-06-09_hATTR.xml");

const GROUPS: Record<string, string[]> = {
  NCT05697861: ["CTIS2023-507385-11-00", "NCT05697861"],
  NCT02312206: ["EUCTR2014-003865-11-NL", "NCT02312206"],
  NCT03862807: ["EUCTR2018-003519-24-GB", "NCT03862807"],
  "EUCTR2019-001698-10-PT": ["EUCTR2019-001698-10-PT", "JPRN-jRCT2071210009", "NL-OMON55279"],
  NCT03759379: ["JPRN-jRCT2080224769", "NCT03759379"],
  NCT01960348: ["EUCTR2013-002987-17-SE", "NCT01960348"],
  NCT02175004: ["EUCTR2013-004561-13-PT", "NCT02175004"],
  NCT02510261: ["EUCTR2014-003877-40-ES", "NCT02510261"],
  "EUCTR2017-005115-13-ES": ["EUCTR2017-005115-13-ES", "EUCTR2017-005115-13-FR"],
  "EUCTR2021-000037-14-DK": ["EUCTR2021-000037-14-DK", "EUCTR2021-000037-14-ES", "EUCTR2021-000037-14-HU", "EUCTR2021-000037-14-PL", "EUCTR2021-000037-14-PT"],
};

function groupsOf(file: string): Record<string, string[]> {
  const db = new Database(file, { readonly: true });
  try {
    const rows = db.prepare("SELECT groupId, trialId FROM TrialGroup ORDER BY groupId, trialId").all() as { groupId: string; trialId: string }[];
    const out: Record<string, string[]> = {};
    for (const r of rows) (out[r.groupId] ??= []).push(r.trialId);
    return Object.fromEntries(Object.entries(out).filter(([, ids]) => ids.length > 1));
  } finally {
    db.close();
  }
}

function exportRecords() {
  return [...readTrialXmlFile(EXPORT)].map((p) => {
    if (p.kind !== "record") throw new Error(p.message);
    const t = importXmlRecord(p, path.basename(EXPORT));
    return { ...t, record: { ...t.record, source: { ...t.record.source, file: `${path.basename(EXPORT)}#${t.record.id}` } } };
  });
}

describe("registry keys", () => {
  it("reads registry ids as written in secondary ids, and nothing else", () => {
    expect(registryKey("2019-001698-10")).toBe("EUDRACT:2019-001698-10");
    expect(registryKey("EUCTR2019-001698-10-NL")).toBe("EUDRACT:2019-001698-10");
    expect(registryKey("CTIS2023-507385-11-00")).toBe("CTIS:2023-507385-11-00");
    expect(registryKey("JPRN-jRCT2071210009")).toBe("JRCT:jrct2071210009");
    expect(registryKey("ChiCTR2000029990")).toBe("CHICTR:CHICTR2000029990");
    expect(registryKey("nct04136184")).toBe("NCT04136184");
    expect(registryKey("ALN-TTR02-008")).toBeNull();
    expect(registryKey("NL73848.000.21")).toBeNull();
    expect(keysOf("NCT01234567", "NCT01234567", ["FX-005", "NCT07654321"])).toEqual([
      { key: "NCT01234567", own: true, text: "NCT01234567" },
      { key: "NCT07654321", own: false, text: "NCT07654321" },
    ]);
  });
});

describe("the linked records of the 2024 ICTRP export", () => {
  let forward: ScratchDb;
  let backward: ScratchDb;
  beforeAll(() => {
    forward = scratchDatabase("links-forward");
    const conn = new Database(forward.file);
    try {
      expect(importFiles(conn, [EXPORT], {}).filter((r) => !r.ok)).toEqual([]);
    } finally {
      conn.close();
    }
    backward = scratchDatabase("links-backward");
    const back = new Database(backward.file);
    try {
      for (const t of exportRecords().reverse()) writeTrial(back, t);
    } finally {
      back.close();
    }
  });
  afterAll(() => {
    forward.cleanup();
    backward.cleanup();
  });

  it("become ten trials of 24 records: 95 records, 81 trials, every record still stored", () => {
    expect(groupsOf(forward.file)).toEqual(GROUPS);
    const db = new Database(forward.file, { readonly: true });
    try {
      expect(db.prepare("SELECT count(*) FROM Trial").pluck().get()).toBe(95);
      expect(db.prepare("SELECT count(DISTINCT groupId) FROM TrialGroup").pluck().get()).toBe(81);
    } finally {
      db.close();
    }
  });

  it("are the same groups imported in the opposite order", () => {
    expect(groupsOf(backward.file)).toEqual(GROUPS);
  });

  it("split when a record re-imported no longer names the other, and join again when it does", () => {
    const db = new Database(backward.file);
    try {
      const ctis = exportRecords().find((t) => t.record.id === "CTIS2023-507385-11-00")!;
      writeTrial(db, { ...ctis, record: { ...ctis.record, otherIds: ["U1111-1296-5487"] } }, { force: true });
      expect(groupsOf(backward.file).NCT05697861).toBeUndefined();
      writeTrial(db, ctis, { force: true });
      expect(groupsOf(backward.file)).toEqual(GROUPS);
    } finally {
      db.close();
    }
  });

  it("are rebuilt the same from the stored records (a database imported before links)", () => {
    const db = new Database(backward.file);
    try {
      db.prepare("DELETE FROM TrialGroup").run();
      expect(relinkAll(db)).toBe(95);
    } finally {
      db.close();
    }
    expect(groupsOf(backward.file)).toEqual(GROUPS);
  });
});

describe("where two registrations of one trial disagree", () => {
  // Checked by hand in the export: NCT03862807 Target_size 24, Date_enrollement "March 27, 2019",
  // Last_Refreshed_on "29 April 2024"; EUCTR2018-003519-24-GB 20, "12/03/2019", "5 January 2021".
  // NCT05697861 72, "July 10, 2023", "8 April 2024"; CTIS2023-507385-11-00 74, "16/04/2024", "27 May 2024".
  const byId = new Map(exportRecords().map((t) => [t.record.id, t]));
  const items = (ids: string[]) => ids.map((id) => ({ trial: byId.get(id)!.record, evidence: byId.get(id)!.evidence, registry: registryName(id) }));

  it("shows both values, each with its registry and date, the older one too", () => {
    const { registrations, disagreements } = compareRegistrations(items(["NCT03862807", "EUCTR2018-003519-24-GB"]));
    expect(registrations).toEqual([
      { id: "NCT03862807", registry: "ClinicalTrials.gov", date: { label: "refreshed", value: "2024-04-29" } },
      { id: "EUCTR2018-003519-24-GB", registry: "EU CTR", date: { label: "refreshed", value: "2021-01-05" } },
    ]);
    expect(disagreements.map((d) => [d.field, d.values.map((v) => v.value)])).toEqual([
      ["Enrollment", ["24", "20"]],
      ["Start", ["2019-03-27", "2019-03-12"]],
    ]);
  });

  it("keeps the older registration's value beside the newer one (CTIS, refreshed later, does not win)", () => {
    const { disagreements } = compareRegistrations(items(["NCT05697861", "CTIS2023-507385-11-00"]));
    expect(disagreements.map((d) => [d.field, d.values.map((v) => `${v.registry} ${v.date?.value}: ${v.value}`)])).toEqual([
      // Recruitment_Status "Recruiting" and "Not Recruiting" (a status our vocabulary cannot name: as registered).
      ["Status", ["ClinicalTrials.gov 2024-04-08: Recruiting", 'CTIS 2024-05-27: "Not Recruiting" (as registered)']],
      ["Enrollment", ["ClinicalTrials.gov 2024-04-08: 72", "CTIS 2024-05-27: 74"]],
      ["Start", ["ClinicalTrials.gov 2024-04-08: 2023-07-10", "CTIS 2024-05-27: 2024-04-16"]],
      // The NCT record's Phase is empty; CTIS: "Therapeutic exploratory (Phase II): yes Therapeutic confirmatory - (Phase III): yes".
      ["Phase", ["ClinicalTrials.gov 2024-04-08: null", "CTIS 2024-05-27: Phase 2 / Phase 3"]],
    ]);
  });
});

describe("the list of the 2024 ICTRP export", () => {
  let db: ScratchDb;
  beforeAll(() => {
    db = scratchDatabase("links-list");
    const conn = new Database(db.file);
    try {
      importFiles(conn, [EXPORT], {});
    } finally {
      conn.close();
    }
  });
  afterAll(() => db.cleanup());
  const search = async (raw: Record<string, string>) => {
    const conn = new Database(db.file, { readonly: true });
    try {
      return await findTrials(sqliteReader(conn), parseSearchParams(raw).query, conn);
    } finally {
      conn.close();
    }
  };

  it("counts a trial registered several times once, under its primary id", async () => {
    const all = (await search({ pageSize: "100" }));
    expect(all.total).toBe(81);
    expect(all.ids).toContain("NCT03862807");
    expect(all.ids).not.toContain("EUCTR2018-003519-24-GB");
    expect(all.ids).not.toContain("NL-OMON55279");
  });

  it("has a Registry facet that counts each trial once under every registry it is registered in", async () => {
    const counts = Object.fromEntries((await search({})).facets.registry.map((f) => [f.value, f.count]));
    // NCT 47 records, each its own trial; EUCTR 28 records in 23 trials (2021-000037-14 five member
    // states, 2017-005115-13 two), 5 of them also registered on ClinicalTrials.gov (NCT02312206,
    // NCT03862807, NCT01960348, NCT02175004, NCT02510261); JPRN-jRCT 4 + jRCTs 2. The facet counts trials.
    expect(counts).toEqual({
      NCT: 47, EUCTR: 23, DRKS: 6, "JPRN-jRCT": 6, "JPRN-UMIN": 3, "NL-OMON": 2, CTIS: 1, ChiCTR: 1, KCT: 1,
    });
    const chosen = (await search({ registry: "EUCTR" }));
    expect((await search({ registry: "ChiCTR" })).ids).toEqual(["ChiCTR2100050713"]);
    expect(chosen.total).toBe(23);
    expect((await search({ registry: "EUCTR,NCT" })).total).toBe(47 + 23 - 5);
  });

  // NCT02595983 and EUCTR2015-002603-29-SE: sponsor "Alnylam Pharmaceuticals" / "Alnylam
  // Pharmaceuticals, Inc", the same public title, Target_size 12 each, and neither names the
  // other's registry id (they share only the sponsor's code ALN-TTRSC-005). The export's only such pair.
  it("offers a near-identical pair without a shared registry id as a suggestion, on both pages, and keeps them apart", async () => {
    const conn = new Database(db.file, { readonly: true });
    try {
      expect(readSuggestions(conn, "NCT02595983").map((s) => [s.id, s.sponsor, s.enrollment, s.similarity])).toEqual([
        ["EUCTR2015-002603-29-SE", "Alnylam Pharmaceuticals, Inc", 12, 1],
      ]);
      expect(readSuggestions(conn, "EUCTR2015-002603-29-SE").map((s) => s.id)).toEqual(["NCT02595983"]);
      const suggested = (conn.prepare("SELECT id FROM Trial").pluck().all() as string[]).filter((id) => readSuggestions(conn, id).length);
      expect(suggested.sort()).toEqual(["EUCTR2015-002603-29-SE", "NCT02595983"]);
      // A linked group is not suggested to itself: NCT03862807's EU CTR record has its own sponsor's words.
      expect(readSuggestions(conn, "NCT03862807")).toEqual([]);
    } finally {
      conn.close();
    }
    const all = (await search({ pageSize: "100" }));
    expect(all.ids).toContain("NCT02595983");
    expect(all.ids).toContain("EUCTR2015-002603-29-SE");
  });

  it("compares sponsors without corporate suffixes and titles by their words", () => {
    expect(sponsorKey("Alnylam Pharmaceuticals, Inc")).toBe(sponsorKey("Alnylam Pharmaceuticals"));
    expect(sponsorKey("Inc.")).toBeNull();
    expect(titleSimilarity("A Study of X in Y", "A study of X in Y.")).toBe(1);
    expect(titleSimilarity("A Study of X", "Another trial")).toBe(0);
  });
});

describe("the landscape coloured by registry (the COVID-19 export's MSC trials)", () => {
  let db: ScratchDb;
  beforeAll(() => {
    db = scratchDatabase("links-landscape");
    const conn = new Database(db.file);
    try {
      importFiles(conn, [path.join("..", "shared", "ictrp", "ICTRP-Results_18Mar2020_COVID-19.xml")], {});
    } finally {
      conn.close();
    }
  });
  afterAll(() => db.cleanup());

  it("draws each arm in its registry's colour, named in the legend", () => {
    const conn = new Database(db.file, { readonly: true });
    try {
      const trials = readLandscapeTrials(conn, readAllIds(conn));
      const shaped = shapeLandscape(trials, { weightKg: 60, y: "infusions", colour: "registry", filters: { route: [], source: [], origin: [], dosing: [] } });
      const byKey = Object.fromEntries(shaped.series.map((s) => [s.key, s]));
      expect(Object.keys(byKey).sort()).toEqual([...new Set(shaped.points.map((p) => p.trialId.startsWith("NCT") ? "NCT" : "ChiCTR"))].sort());
      expect(byKey.ChiCTR?.label).toBe("ChiCTR only");
      for (const p of shaped.points) expect(p.colourKey).toBe(p.trialId.startsWith("NCT") ? "NCT" : "ChiCTR");
      expect(byKey.ChiCTR!.count + (byKey.NCT?.count ?? 0)).toBe(shaped.points.length);
    } finally {
      conn.close();
    }
  });
});
