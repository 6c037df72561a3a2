import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { afterAll, describe, expect, it } from "vitest";
import { openDatabase } from "@/lib/db/sqlite";
import { rowToRecord } from "@/lib/db/trial-rows";
import { readTrialRows } from "@/lib/db/view-reads";
import { importFiles } from "@/lib/import/run-import";
import { inRecordOrder, type TrialRecord } from "@/lib/record/schema";
import { scratchDatabase } from "@/tests/helpers/db";
import { EDITED_ID, editedCopy, originalText } from "@/tests/helpers/edited-copy";

/**
 * kill -9 during imports that each add a version (a child re-imports a real record and its
 * amended copies in turn, every import a new version): whatever instant the kill lands, the
 * database holds the old state or the new one: versions numbered 1…n without a gap, each a
 * whole record, and the newest version's facts are the trial's stored rows.
 */

const TSX = path.join(process.cwd(), "node_modules", ".bin", "tsx");
const dir = fs.mkdtempSync(path.join(os.tmpdir(), "msc-kill-"));
const scratch = scratchDatabase("kill");
afterAll(() => {
  scratch.cleanup();
  fs.rmSync(dir, { recursive: true, force: true });
});

const facts = (r: TrialRecord) => {
  const { source: _s, ...rest } = inRecordOrder(r);
  return JSON.stringify(rest);
};

function check(): number {
  const db = new Database(scratch.file, { readonly: true });
  try {
    expect(db.pragma("quick_check", { simple: true })).toBe("ok");
    // The versions and the rows from one snapshot: the child may commit between two statements.
    db.exec("BEGIN");
    const rows = db.prepare("SELECT n, record FROM TrialVersion WHERE trialId = ? ORDER BY n").all(EDITED_ID) as { n: number; record: string }[];
    expect(rows.map((r) => r.n)).toEqual(rows.map((_, i) => i + 1));
    const records = rows.map((r) => JSON.parse(r.record) as TrialRecord);
    // Each version differs from the one before (the two copies alternate).
    records.slice(1).forEach((r, i) => expect(r.overallStatus).not.toBe(records[i]!.overallStatus));
    const [row] = readTrialRows(db, [EDITED_ID]);
    expect(facts(rowToRecord(row!))).toBe(facts(records.at(-1)!));
    return rows.length;
  } finally {
    if (db.inTransaction) db.exec("COMMIT");
    db.close();
  }
}

describe("kill -9 during an import that adds a version", () => {
  it("leaves the old or the new state, never a half-written version", async () => {
    const [a, b] = [path.join(dir, `${EDITED_ID}.json`), path.join(dir, "copy", `${EDITED_ID}.json`)];
    fs.mkdirSync(path.dirname(b));
    // Two amendments of the same size (a smaller copy would be refused as cut off): Completed, then Terminated.
    const edited = editedCopy(originalText());
    fs.writeFileSync(a, edited);
    fs.writeFileSync(b, edited.replace('"OverallStatus": "Completed"', '"OverallStatus": "Terminated"'));
    const db = openDatabase(scratch.url);
    expect(importFiles(db, [a], {})[0]!.ok).toBe(true);
    db.close();
    let before = check();
    expect(before).toBe(1);
    for (const delay of [350, 500, 650, 800, 950, 1100]) {
      const child = spawn(TSX, ["tests/helpers/reimport-loop.ts", "60000", b, a], {
        env: { ...process.env, DATABASE_URL: scratch.url }, stdio: ["ignore", "pipe", "pipe"],
      });
      const exited = new Promise<NodeJS.Signals | null>((resolve) => child.on("exit", (_code, signal) => resolve(signal)));
      // Wait until the child has written (a version more than before), then a little more.
      const deadline = Date.now() + 30_000;
      while (check() === before && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
      await new Promise((r) => setTimeout(r, delay % 300));
      child.kill("SIGKILL");
      expect(await exited).toBe("SIGKILL");
      const after = check();
      expect(after).toBeGreaterThan(before);
      before = after;
    }
  });
});
