import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

/**
 * The comparison and the landscape are siblings: both build on the shared kit (lib/url,
 * lib/chart, lib/csv.ts, components/ui) and neither imports the other. Read from the source:
 * every static and dynamic import and re-export of every file, resolved to a project path.
 */
const ROOT = path.resolve(__dirname, "../../..");

function filesUnder(rel: string): string[] {
  const abs = path.join(ROOT, rel);
  if (!fs.existsSync(abs)) return [];
  if (fs.statSync(abs).isFile()) return [rel];
  return fs.readdirSync(abs, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? filesUnder(path.join(rel, e.name)) : /\.tsx?$/.test(e.name) ? [path.join(rel, e.name)] : []);
}

/** The project paths (without extension) a file imports; packages are left out. */
function importsOf(rel: string): string[] {
  const src = fs.readFileSync(path.join(ROOT, rel), "utf8");
  const specs = [...src.matchAll(/(?:\bfrom\s*|\bimport\s*\(\s*|^\s*import\s+)["']([^"']+)["']/gm)].map((m) => m[1]!);
  return specs.flatMap((s) => {
    if (s.startsWith("@/")) return [s.slice(2)];
    if (s.startsWith(".")) return [path.normalize(path.join(path.dirname(rel), s))];
    return [];
  });
}

const offending = (dirs: string[], banned: string[]) =>
  dirs.flatMap(filesUnder).flatMap((f) => importsOf(f).filter((i) => banned.some((b) => i === b || i.startsWith(`${b}/`))).map((i) => `${f} → ${i}`));

describe("compare and landscape are siblings", () => {
  it("reads the imports it checks (the checker is not blind)", () => {
    expect(importsOf("lib/compare/params.ts")).toContain("lib/url/ids");
    expect(importsOf("lib/landscape/shape.ts")).toContain("lib/chart/domain");
    expect(importsOf("components/landscape/landscape-view.tsx")).toContain("components/ui/segmented");
    expect(importsOf("components/landscape/lazy-chart.tsx")).toContain("components/landscape/landscape-chart");
    expect(offending(["lib/compare"], ["lib/url"]).length).toBeGreaterThan(0);
  });

  it("lib/landscape and components/landscape import nothing from compare", () => {
    expect(offending(["lib/landscape", "components/landscape"], ["lib/compare", "components/compare"])).toEqual([]);
  });

  it("lib/compare and components/compare import nothing from landscape", () => {
    expect(offending(["lib/compare", "components/compare"], ["lib/landscape", "components/landscape"])).toEqual([]);
  });

  it("the shared kit imports neither of them", () => {
    const kit = ["lib/url", "lib/chart", "lib/csv.ts", "components/ui"];
    expect(kit.flatMap(filesUnder).length).toBeGreaterThanOrEqual(10);
    expect(offending(kit, ["lib/compare", "components/compare", "lib/landscape", "components/landscape"])).toEqual([]);
  });
});
