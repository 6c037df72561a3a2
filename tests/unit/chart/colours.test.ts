import { describe, expect, it } from "vitest";
import { categoryPalette, OKABE_ITO, STATUS_COLORS, TRIAL_COLORS } from "@/lib/chart/colours";
import { ROUTES } from "@/lib/record/vocabulary";

/** WCAG contrast of a colour against white. */
function contrastOnWhite(hex: string): number {
  const [r, g, b] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255).map((c) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4));
  return 1.05 / (0.2126 * r! + 0.7152 * g! + 0.0722 * b! + 0.05);
}

describe("lib/chart/colours: the colour scales", () => {
  it("a trial's colour reads as text on white (4.5:1)", () => {
    for (const c of TRIAL_COLORS) expect(contrastOnWhite(c)).toBeGreaterThanOrEqual(4.5);
  });

  it("a vocabulary takes the Okabe–Ito colours in its order, OTHER black", () => {
    const p = categoryPalette(ROUTES);
    expect(p[ROUTES[0]]).toBe(OKABE_ITO.blue);
    expect(p[ROUTES[1]]).toBe(OKABE_ITO.vermillion);
    expect(p.OTHER).toBe(OKABE_ITO.black);
    expect(categoryPalette(["A", "B", "C", "D", "E", "F", "G"]).G).toBe(OKABE_ITO.blue); // the seventh wraps round
    expect(STATUS_COLORS.RECRUITING).toBe("#009E73");
    expect(STATUS_COLORS.TERMINATED).toBe(STATUS_COLORS.WITHDRAWN);
  });
});
