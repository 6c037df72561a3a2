import fs from "node:fs";
import { describe, expect, it } from "vitest";
import { ImportError } from "@/lib/ingest/errors";
import { importSource } from "@/lib/ingest/pipeline";

/**
 * A section pasted twice is refused, naming the section and both lines: before, both
 * copies were read into the record (criteria multiplied, a legacy page's exclusion list
 * swallowing the second copy of both lists), and when the copies differ no reader can
 * say which one is right.
 */

const seed = (prefix: string) => {
  const file = fs.readdirSync("seeds").find((f) => f.startsWith(prefix) && f.endsWith(".txt"))!;
  return { file, lines: fs.readFileSync(`seeds/${file}`, "utf8").split("\n") };
};
/** The seed with its lines `from`..`to` (1-based, inclusive) pasted again right after them. */
function pastedTwice(prefix: string, from: number, to: number) {
  const { file, lines } = seed(prefix);
  const block = lines.slice(from - 1, to);
  return { file, text: [...lines.slice(0, to), ...block, ...lines.slice(to)].join("\n") };
}
function refusal(text: string, file: string): string {
  try {
    importSource(Buffer.from(text), file);
  } catch (e) {
    if (e instanceof ImportError) return e.format();
    throw e;
  }
  throw new Error("imported");
}

describe("a section pasted twice is refused", () => {
  it("veeva: the inclusion criteria twice", () => {
    const { file, text } = pastedTwice("000", 63, 69);
    expect(refusal(text, file)).toBe(`${file}:70: sections: the section "Inclusion criteria" appears twice (lines 63 and 70): a block pasted twice? Keep one copy`);
  });

  it("ctgov-classic: the eligibility block twice", () => {
    const { file, text } = pastedTwice("001", 55, 68);
    expect(refusal(text, file)).toBe(`${file}:69: sections: the section "Inclusion Criteria" appears twice (lines 55 and 69): a block pasted twice? Keep one copy`);
  });

  it("veeva-prose: the full description twice", () => {
    const { file, lines } = seed("003");
    const at = lines.indexOf("Full description") + 1;
    const { text } = pastedTwice("003", at, at + 2);
    expect(refusal(text, file)).toMatch(new RegExp(`^${file}:${at + 3}: sections: the section "Full description" appears twice \\(lines ${at} and ${at + 3}\\)`));
  });

  it("trial-summary: the description twice", () => {
    const { file, lines } = seed("004");
    const at = lines.indexOf("Clinical Trial Description") + 1;
    const { text } = pastedTwice("004", at, at + 1);
    expect(refusal(text, file)).toMatch(new RegExp(`^${file}:${at + 2}: sections: the section "Clinical Trial Description" appears twice \\(lines ${at} and ${at + 2}\\)`));
  });
});
