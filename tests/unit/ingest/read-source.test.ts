import fs from "node:fs";
import { describe, expect, it } from "vitest";
import { importSource } from "@/lib/ingest/pipeline";
import { loadCuration } from "@/lib/import/run-import";

/**
 * The same page saved or copied differently must give the same record: Windows line
 * endings, a byte-order mark, trailing spaces and no-break spaces from a browser, blank
 * lines between list items.
 */

const SEEDS = fs.readdirSync("seeds").filter((f) => f.endsWith(".txt")).sort();
const curation = loadCuration("seeds/curation.json");
const load = (file: string, text: string) => importSource(Buffer.from(text), file, curation).record;

const VARIATIONS: [string, (t: string) => string][] = [
  ["CRLF line endings", (t) => t.replace(/\n/g, "\r\n")],
  ["a UTF-8 byte-order mark", (t) => `\ufeff${t}`],
  ["trailing spaces on every line", (t) => t.replace(/\n/g, "  \n")],
  ["no-break spaces for plain ones", (t) => t.replace(/ /g, "\u00a0")],
];

describe.each(VARIATIONS)("%s", (_name, vary) => {
  it.each(SEEDS)("%s gives the same record", (file) => {
    const text = fs.readFileSync(`seeds/${file}`, "utf8");
    expect(load(file, vary(text))).toStrictEqual(load(file, text));
  });
});

describe("blank lines inside a ctgov-classic criteria list", () => {
  const file = "001_77e33fc44f0026eb.txt";
  const text = fs.readFileSync(`seeds/${file}`, "utf8");
  const original = load(file, text);

  it("between every line of both lists: the same 3 / 7 items", () => {
    const spaced = text.replace(/(Inclusion Criteria:\n[\s\S]*?)(\n\nTo learn more)/, (_m, list: string, rest: string) =>
      list.replace(/\n/g, "\n\n") + rest);
    expect(spaced).not.toBe(text);
    const r = load(file, spaced);
    expect(r.eligibility.inclusion).toEqual(original.eligibility.inclusion);
    expect(r.eligibility.exclusion).toEqual(original.eligibility.exclusion);
    expect(r.eligibility.exclusion).toHaveLength(7);
  });

  it("the prose after the list is not read as a criterion", () => {
    expect(original.eligibility.exclusion.join(" ")).not.toMatch(/To learn more/);
  });
});
