import { describe, expect, it } from "vitest";

describe("files of the same name", async () => {
  const fs = await import("node:fs");
  const os = await import("node:os");
  const path = await import("node:path");
  const { scratchDatabase, countRows } = await import("@/tests/helpers/db");
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
    expect(second!.line).toBe("record.txt: refused: NCT04822922 was imported from a file of this name, but this file names NCT09999999: " +
      "it is not a copy of NCT04822922 and must not replace it. Check the file (has its \"NCT04822922\" line been lost?), " +
      "rename it to import it as another trial, or use --force to store it as NCT09999999 beside NCT04822922");
    expect(countRows(scratch.file).Trial).toBe(1);
    scratch.cleanup();
    fs.rmSync(dir, { recursive: true, force: true });
  });
});

describe("a folder", async () => {
  const { expandPaths } = await import("@/lib/import/run-import");

  it("stands for its .txt and .json records, not its curation file", () => {
    expect(expandPaths(["seeds"])).toEqual([
      "seeds/000_423415c0e2b20a3c.txt",
      "seeds/001_77e33fc44f0026eb.txt",
      "seeds/002_aca47ec262779fdb.txt",
      "seeds/003_380424067d6bdd53.txt",
      "seeds/004_e62994e7b8db9017.txt",
    ]);
  });
});
