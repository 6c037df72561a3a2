import { expect, test, type Page } from "@playwright/test";
import { drawAllCharts } from "./support/charts";
import { withExtraTrials } from "./support/extra-trials";

/**
 * Issue 17: a dose the record states as a range is shown as a range, on the trial page, in
 * the comparison (an interval bar) and on the landscape (an interval), never as one of its
 * ends; exports give both ends. The record (tests/e2e/support/range-trial.json) is added to
 * the e2e database for this file only and removed after it, so the specs that count the
 * seeds' trials see only the seeds.
 */
const ID = "NCT09170017";
withExtraTrials("tests/e2e/support/range-trial.json", [ID]);

const shot = (page: Page, name: string) => page.screenshot({ path: `test-results/dose-range-${name}.png`, fullPage: true });

test("the trial page shows each range with both ends, why no single number, and a schedule's phases", async ({ page }) => {
  await page.goto(`/trials/${ID}#arms`);
  const row = (label: string) => page.locator(`[data-testid="arm-row"][data-arm="${label}"]`);
  const perKg = row("UC-MSC per kg range");
  await expect(perKg.getByTestId("dose-range")).toHaveText("2.5–5×10⁶ cells/kg (range)");
  await expect(perKg.getByTestId("dose-range")).toHaveAttribute("data-min", "2500000");
  await expect(perKg.getByTestId("dose-range")).toHaveAttribute("data-max", "5000000");
  // The range says itself; the import's note beside it gives the source words.
  await expect(perKg.getByTestId("dose-unstated")).toHaveCount(0);
  await expect(perKg.getByTestId("arm-warnings")).toContainText("2,5-5,0 10E6 cells/kg");
  await expect(perKg.getByTestId("schedule")).toContainText("day 0, 7, 14");
  await expect(perKg.getByTestId("cumulative")).toHaveText("not one number (the dose is a range)");
  await expect(perKg.getByTestId("dose-per-kg")).toHaveCount(0);

  const flat = row("UC-MSC flat range");
  await expect(flat.getByTestId("dose-range")).toContainText("8.33–16.7×10⁵ cells/kg (range)");
  await expect(flat.getByTestId("dose-range")).toContainText("flat 5–10×10⁷ cells per infusion (range)");

  const phased = row("UC-MSC changing schedule");
  await expect(phased.getByTestId("dose-per-kg")).toHaveText("1×10⁶ cells/kg");
  await expect(phased.getByTestId("infusions")).toHaveText("9");
  await expect(phased.getByTestId("schedule")).toContainText("not reported");
  await expect(phased.getByTestId("schedule-phases")).toHaveText(["“weekly for the first month”", "“monthly for five months” (5 infusions)"].join(""));
  await expect(phased.getByTestId("schedule-unstated")).toHaveText("No single number: schedule changes frequency: 9 infusions, days not stated");
  await page.getByTestId("arms-table").scrollIntoViewIfNeeded();
  await shot(page, "trial");
});

test("the comparison draws an interval bar from the low to the high end and its table says range", async ({ page, request }) => {
  await page.goto(`/compare?ids=${ID},NCT05948982&weightKg=60`);
  await drawAllCharts(page);
  const dose = page.getByTestId("chart-dose");
  const bar = dose.locator(`[data-testid="dose-bar"][data-arm="${ID}:0"]`);
  await expect(bar).toHaveAttribute("data-status", "range");
  await expect(bar).toHaveAttribute("data-low", "2500000");
  await expect(bar).toHaveAttribute("data-high", "5000000");
  await expect(bar).toContainText("2.5–5×10⁶/kg (range)");
  await expect(dose.locator(`[data-testid="dose-bar"][data-arm="${ID}:1"]`)).toContainText("8.33–16.7×10⁵/kg (range, estimated)");
  // The interval starts right of the axis: its left end is the low end, not zero.
  const box = await bar.locator("line").first().boundingBox();
  const single = await dose.locator(`[data-testid="dose-bar"][data-arm="NCT05948982:0"] > rect`).boundingBox();
  expect(box!.x).toBeGreaterThan(single!.x + 20);
  await expect(page.getByTestId("compare-table")).toContainText("2.5–5×10⁶/kg (range)");
  await expect(page.getByTestId("compare-legend")).toContainText("dose stated as a range");
  await dose.scrollIntoViewIfNeeded();
  await shot(page, "compare");

  const json = await (await request.get(`/api/compare?ids=${ID},NCT05948982&weightKg=60`)).json();
  expect(json.trials[0].arms[0]).toMatchObject({ cellsPerKgPerInfusion: null, range: { min: 2500000, max: 5000000, unit: "cells/kg" }, cellsPerKgPerInfusionRange: { min: 2500000, max: 5000000, estimated: false } });
  const csv = (await (await request.get(`/api/compare?ids=${ID},NCT05948982&weightKg=60&format=csv`)).text()).split("\r\n");
  expect(csv[1]).toContain(",60,2500000,5000000,2500000,5000000,cells/kg,");
});

test("the landscape draws a range as an interval, and its table and CSV give min and max", async ({ page, request }) => {
  await page.goto(`/landscape?q=${ID}`);
  await drawAllCharts(page);
  const ranges = page.locator('[data-testid="landscape-point"][data-range="true"]');
  await expect(ranges).toHaveCount(2);
  await expect(page.locator('[data-testid="landscape-point"]:not([data-range])')).toHaveCount(1);
  // The error bar: one horizontal line per range, spanning its two ends.
  await expect(page.locator(".recharts-errorBars line")).not.toHaveCount(0);
  await expect(page.getByTestId("chart-landscape")).toContainText("A horizontal bar marked “range”");
  await expect(page.locator("#weight-why")).toContainText("NCT09170017 (the low end of its range): 5×10⁷ cells per infusion is 1×10⁶/kg at 50 kg");
  await shot(page, "landscape");
  await ranges.first().hover();
  await expect(page.getByTestId("landscape-tooltip")).toContainText("2.5–5×10⁶ cells/kg per infusion (range)");

  await page.goto(`/landscape?q=${ID}&view=table`);
  const cell = page.locator('[data-testid="landscape-dose"][data-min="2500000"]');
  await expect(cell).toHaveText("2.5–5×10⁶ (range)");
  await expect(page.locator('[data-testid="landscape-dose"][data-min]')).toHaveCount(2);
  await expect(cell).toHaveAttribute("data-max", "5000000");
  await shot(page, "landscape-table");

  const json = await (await request.get(`/api/landscape?q=${ID}`)).json();
  const p = json.points.find((x: { armLabel: string }) => x.armLabel === "UC-MSC per kg range");
  expect([p.x, p.range]).toEqual([null, { min: 2500000, max: 5000000 }]);
  const csv = (await (await request.get(`/api/landscape?q=${ID}&format=csv`)).text()).split("\r\n");
  expect(csv[0]!.endsWith(",cellsPerKgPerInfusionMin,cellsPerKgPerInfusionMax,flatCellsPerInfusionMin,flatCellsPerInfusionMax")).toBe(true);
  expect(csv.some((l) => l.includes("UC-MSC per kg range,,false,") && l.endsWith(",60,2500000,5000000,,"))).toBe(true);

  const fhir = await (await request.get(`/api/trials/${ID}/fhir`)).json();
  const ext = fhir.arm[0].extension[0].extension;
  expect(ext.find((e: { url: string }) => e.url === "range").valueRange.low.value).toBe(2500000);
  expect(ext.find((e: { url: string }) => e.url === "range").valueRange.high.value).toBe(5000000);
  const record = await (await request.get(`/api/trials/${ID}`)).json();
  expect(record.arms[0].doses[0].range).toEqual({ min: 2500000, max: 5000000, unit: "cells/kg" });
});
