import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { ImportError } from "@/lib/ingest/errors";
import { importSource } from "@/lib/ingest/pipeline";
import { importFiles, MAX_RECORD_BYTES } from "@/lib/import/run-import";
import { openDatabase } from "@/lib/db/sqlite";
import { countRows, scratchDatabase } from "@/tests/helpers/db";

/**
 * Size and time limits: a record file over 2 MB is refused before it is read, and every
 * layout's parser reads a 1 MB adversarial line (or block) in linear time. Each case ran
 * for seconds to minutes before the parsers' regexes were made linear. Time is the
 * process's CPU time, not the wall clock: the test machine is shared, and a busy
 * neighbour must not fail a linear parser.
 */

/** CPU milliseconds `fn` took. */
function cpuMs(fn: () => void): number {
  const before = process.cpuUsage();
  fn();
  const used = process.cpuUsage(before);
  return (used.user + used.system) / 1000;
}

const MB = 1024 * 1024;
const seedLines = (prefix: string) => {
  const f = fs.readdirSync("seeds").find((x) => x.startsWith(prefix) && x.endsWith(".txt"))!;
  return { file: f, lines: fs.readFileSync(`seeds/${f}`, "utf8").split("\n") };
};
/** The seed with `insert` placed before line `at` (1-based). */
const withLine = (prefix: string, at: number, insert: string) => {
  const { file, lines } = seedLines(prefix);
  return { file, text: [...lines.slice(0, at - 1), insert, ...lines.slice(at - 1)].join("\n") };
};

// One carrier seed per layout, and a line inside a section each parser reads closely.
const LAYOUTS = [
  { layout: "veeva", prefix: "000", at: 108 },          // an arm's "Description:"
  { layout: "ctgov-classic", prefix: "001", at: 34 },   // the first arm block
  { layout: "veeva-prose", prefix: "003", at: 8 },      // the full description
  { layout: "trial-summary", prefix: "004", at: 10 },   // the description prose
] as const;

const ADVERSARIAL: [name: string, line: string][] = [
  ["1 MB of spaces", " ".repeat(MB)],
  ["1 MB of spaces ending in a word", `Label: |${" ".repeat(MB)}x`],
  ["1 MB of spaces and pipes", `${" |".repeat(MB / 2)}x`],
  ["spaces then a pipe and a word", `A${" ".repeat(MB)}|x`],
  ["a 1 MB digit run", `${"1".repeat(MB)}x`],
  ["digits and spaces", `${"1 ".repeat(MB / 2)}x`],
  ["1 MB of semicolons", `x${";".repeat(MB)}x`],
  ["an outcome line with 1 MB of spaces", `- m [ Time Frame:${" ".repeat(MB)}x`],
  ["1 MB of open parentheses", "(".repeat(MB)],
  // A quarter of a million lines: each line costs every parser a few passes, so 1 MB of
  // line breaks is linear but slow on a shared machine; quadratic, this size took minutes.
  ["256 Ki blank lines", "\n".repeat(MB / 4)],
];

function timed(text: string, file: string): { ms: number; outcome: string } {
  let outcome = "ok";
  const ms = cpuMs(() => {
    try {
      importSource(Buffer.from(text), file);
    } catch (e) {
      if (!(e instanceof ImportError)) throw e;
      outcome = e.format();
    }
  });
  return { ms, outcome };
}

describe("parsers run in linear time on 1 MB adversarial input", () => {
  for (const { layout, prefix, at } of LAYOUTS) {
    it.each(ADVERSARIAL)(`${layout}: %s`, { timeout: 30_000 }, (_name, line) => {
      const { text, file } = withLine(prefix, at, line);
      const { ms, outcome } = timed(text, file);
      expect(outcome).toBe("ok");
      expect(ms).toBeLessThan(1000);
    });
  }

  it("ctgov-classic: a 1 MB arm block of many lines", () => {
    const block = Array.from({ length: 20_000 }, (_, i) => `word ${i} of a long arm description |`).join("\n");
    const { text, file } = withLine("001", 34, block);
    expect(text.length).toBeGreaterThan(MB / 2);
    let record!: ReturnType<typeof importSource>["record"];
    expect(cpuMs(() => ({ record } = importSource(Buffer.from(text), file)))).toBeLessThan(1000);
    expect(record.arms).toHaveLength(3);
    expect(record.arms[0]!.description).toMatch(/^word 0 of a long arm description word 1 /);
  });

  it("veeva: a 1 MB arm description of many lines", () => {
    const block = Array.from({ length: 20_000 }, (_, i) => `line ${i} of a long arm description`).join("\n");
    const { text, file } = withLine("000", 108, block);
    let record!: ReturnType<typeof importSource>["record"];
    expect(cpuMs(() => ({ record } = importSource(Buffer.from(text), file)))).toBeLessThan(1000);
    expect(record.arms).toHaveLength(4);
  });
});

describe("a record file over 2 MB", () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "msc-limits-"));
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it("is refused by name before it is read, and nothing is stored", { timeout: 60_000 }, () => {
    const scratch = scratchDatabase();
    const db = openDatabase(scratch.url);
    try {
      const big = path.join(dir, "huge.txt");
      const { text } = withLine("001", 34, "");
      fs.writeFileSync(big, text + " ".repeat(MAX_RECORD_BYTES));
      const [r] = importFiles(db, [big], {});
      expect(r!.ok).toBe(false);
      expect(r!.line).toBe(`${big}: 2.0 MB, over the 2 MB limit for a record file; not read`);
      expect(countRows(scratch.file).Trial).toBe(0);
    } finally {
      db.close();
      scratch.cleanup();
    }
  });

  it("a file of exactly 2 MB is still read", { timeout: 60_000 }, () => {
    const scratch = scratchDatabase();
    const db = openDatabase(scratch.url);
    try {
      const file = path.join(dir, "001_padded.txt");
      const { text } = withLine("001", 34, "");
      fs.writeFileSync(file, text + " ".repeat(MAX_RECORD_BYTES - Buffer.byteLength(text)));
      expect(fs.statSync(file).size).toBe(MAX_RECORD_BYTES);
      const [r] = importFiles(db, [file], {});
      expect(r!.ok).toBe(true);
    } finally {
      db.close();
      scratch.cleanup();
    }
  });
});
