import fs from "node:fs";
import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { drawAllCharts } from "./support/charts";

// The five seed trials, in an order unlike the database's: the view must keep it.
const ALL = ["NCT04822922", "NCT05948982", "NCT05985863", "NCT02812121", "NCT06884904"];
const URL_ALL = `/compare?ids=${ALL.join(",")}&weightKg=60`;

const chart = (page: Page, id: string) => page.getByTestId(`chart-${id}`);

async function openAll(page: Page, query = URL_ALL) {
  await page.goto(query);
  await drawAllCharts(page);
  await expect(chart(page, "dose").getByTestId("dose-bar").first()).toBeVisible();
}

test("charts draw one bar per arm, marks per infusion day, segments per group", async ({ page }) => {
  const errors: string[] = [];
  page.on("pageerror", (e) => errors.push(e.message));
  page.on("console", (m) => {
    if (m.type() === "error" && !m.text().startsWith("Failed to load resource")) errors.push(m.text());
  });
  await openAll(page);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Compare 5 trials");
  const bars = chart(page, "dose").getByTestId("dose-bar");
  await expect(bars).toHaveCount(16);
  await expect(chart(page, "dose").locator('[data-status="value"]')).toHaveCount(8);
  await expect(chart(page, "dose").locator('[data-status="estimated"]')).toHaveCount(2);
  await expect(chart(page, "dose").locator('[data-status="not-reported"]')).toHaveCount(2);
  await expect(chart(page, "dose").locator('[data-status="placebo"]')).toHaveCount(3);
  await expect(chart(page, "dose").locator('[data-status="no-intervention"]')).toHaveCount(1);
  // Not reported is words, never a zero-length bar.
  await expect(chart(page, "dose").locator('[data-status="not-reported"] rect[stroke]')).toHaveCount(0);
  await expect(chart(page, "dose").locator('[data-arm="NCT02812121:0"]')).toContainText("not reported");
  await expect(chart(page, "dose").locator('[data-arm="NCT05985863:1"]')).toContainText("2.5×10⁶/kg estimated");
  // Cumulative: 000's infusions are not reported, so neither is its cumulative dose.
  await expect(chart(page, "cumulative").locator('[data-arm="NCT06884904:0"]')).toContainText("not reported");
  await expect(chart(page, "cumulative").locator('[data-arm="NCT05948982:2"]')).toContainText("1.2×10⁷/kg");
  await expect(chart(page, "cumulative").locator('[data-status="estimated"]')).toHaveCount(2);
  // Schedule: 12 + 9 + 8 + 12 MSC infusions; 003's 3 + 2 placebo infusions.
  await expect(chart(page, "schedule").locator('[data-testid="schedule-mark"][data-product="MSC"]')).toHaveCount(41);
  await expect(chart(page, "schedule").locator('[data-testid="schedule-mark"][data-product="PLACEBO"]')).toHaveCount(5);
  await expect(chart(page, "schedule").locator('[data-arm="NCT05985863:2"][data-product="PLACEBO"]')).toHaveCount(2);
  await expect(chart(page, "schedule")).toContainText("MSC days not reported");
  // Structure: 3 + 3 + (2 + 2) + 3 + (4 + 2) groups.
  await expect(chart(page, "structure").getByTestId("structure-segment")).toHaveCount(19);
  // Every chart says what it shows in words.
  await expect(page.getByTestId("chart-dose-summary")).toContainText("Group MSC-1: not reported");
  await expect(page.getByTestId("chart-structure-summary")).toContainText("Phase IIb");
  // The table: one column per trial, in the order asked, with differences marked.
  const heads = page.getByTestId("compare-table").locator("thead th");
  await expect(heads).toHaveCount(6);
  await expect(heads.nth(1)).toContainText("NCT04822922");
  await expect(heads.nth(5)).toContainText("NCT06884904");
  await expect(page.locator('tr[data-row="dose"]')).toContainText("2.5×10⁶/kg estimated");
  await expect(page.locator('tr[data-row="bilirubin"]')).toContainText("Total bilirubin (TBil) ≥12 mg/dL");
  await expect(page.locator('tr[data-row="age"]')).toHaveAttribute("data-differs", "true");
  expect(errors).toEqual([]);
});

test("reference weight: the form and the presets update the URL and every estimate", async ({ page }) => {
  await openAll(page);
  await page.getByLabel("Reference weight (kg)").fill("70");
  await page.getByRole("button", { name: "Apply" }).click();
  await expect(page).toHaveURL(/weightKg=70/);
  await expect(chart(page, "dose").locator('[data-arm="NCT05985863:1"]')).toContainText("2.14×10⁶/kg estimated");
  await expect(page.locator('tr[data-row="dose"]')).toContainText("2.14×10⁶/kg estimated");
  // Per-kg doses do not move.
  await expect(chart(page, "dose").locator('[data-arm="NCT04822922:0"]')).toContainText("4×10⁵/kg");
  await page.getByTestId("weight-50").click();
  await expect(page).toHaveURL(/weightKg=50/);
  await expect(chart(page, "dose").locator('[data-arm="NCT05985863:1"]')).toContainText("3×10⁶/kg estimated");
  await expect(page.getByLabel("Reference weight (kg)")).toHaveValue("50");
});

test("log scale persists in the URL and a pasted URL restores the same view", async ({ page, browser }) => {
  await openAll(page, `/compare?ids=${ALL.join(",")}&weightKg=70`);
  await page.getByTestId("scale-log").click();
  await expect(page).toHaveURL(/scale=log/);
  await expect(page.getByTestId("scale-log")).toHaveAttribute("aria-current", "true");
  await expect(chart(page, "dose")).toContainText("1×10⁷");
  await page.getByTestId("tab-schedule").click();
  await expect(page).toHaveURL(/tab=schedule/);
  await expect(chart(page, "dose")).toHaveCount(0);
  const address = page.url();
  const marks = await chart(page, "schedule").getByTestId("schedule-mark").count();

  const other = await (await browser.newContext()).newPage();
  await other.goto(address);
  await expect(other.getByTestId("scale-log")).toHaveAttribute("aria-current", "true");
  await expect(other.getByTestId("tab-schedule")).toHaveAttribute("aria-current", "page");
  await expect(other.getByLabel("Reference weight (kg)")).toHaveValue("70");
  await expect(chart(other, "schedule").getByTestId("schedule-mark")).toHaveCount(marks);
  await expect(other.locator('tr[data-row="dose"]')).toContainText("2.14×10⁶/kg estimated");
  await expect(other.getByTestId("compare-table").locator("thead th").nth(1)).toContainText("NCT04822922");
});

test("the list page's repeated ids and odd spellings land on the canonical address", async ({ page }) => {
  await page.goto("/compare?ids=nct05948982&ids=NCT04822922&ids=NCT05948982");
  await expect(page).toHaveURL(/\/compare\?ids=NCT05948982,NCT04822922&weightKg=60$/);
  await expect(page.getByTestId("compare-table").locator("thead th").nth(1)).toContainText("NCT05948982");
});

test("bad input: unknown ids, more than six, and fewer than two get messages, not crashes", async ({ page }) => {
  await page.goto("/compare?ids=A,B,C,D,E,F,G");
  await expect(page.getByTestId("compare-messages")).toContainText("At most 6 trials can be compared at once");
  await expect(page.getByTestId("add-trials-form")).toBeVisible();

  await page.goto(`/compare?ids=NCT04822922,NCT99999999,NCT05948982`);
  await expect(page.getByTestId("compare-messages")).toContainText("NCT99999999");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Compare 2 trials");

  await page.goto("/compare?ids=NCT04822922&weightKg=999");
  await expect(page.getByTestId("compare-messages")).toContainText("from 30 to 150");
  const form = page.getByTestId("add-trials-form");
  await expect(form.getByLabel(/NCT04822922/)).toBeChecked();
  await form.getByLabel(/NCT05985863/).check();
  await form.getByRole("button", { name: "Compare" }).click();
  await expect(page).toHaveURL(/ids=NCT05985863,NCT04822922|ids=NCT04822922,NCT05985863/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Compare 2 trials");
});

test("CSV download and JSON API", async ({ page, request }) => {
  await openAll(page, `/compare?ids=NCT05985863,NCT04822922&weightKg=70`);
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByTestId("download-csv").click()]);
  expect(download.suggestedFilename()).toBe("msc-compare_NCT05985863_NCT04822922_70kg.csv");
  const lines = fs.readFileSync((await download.path())!, "utf8").trim().split("\r\n");
  expect(lines).toHaveLength(7);
  expect(lines[0]).toBe("trialId,trialTitle,armLabel,armType,cellsPerKgPerInfusion,estimated,activeInfusions,cumulativeCellsPerKg,mscDayOffsets,placeboDayOffsets,referenceWeightKg,cellsPerKgPerInfusionMin,cellsPerKgPerInfusionMax,rangeMin,rangeMax,rangeUnit,unstated");
  // No range among these: the added range columns are empty.
  expect(lines[2]).toMatch(/^NCT05985863,.*,MSC Prolonged treatment,EXPERIMENTAL,2142857\.14\d*,true,5,10714285\.7\d*,0;7;14;28;35,,70,,,,,,$/);
  expect(lines[4]).toMatch(/^NCT04822922,.*,low dose,EXPERIMENTAL,400000,false,4,1600000,0;3;6;9,,70,,,,,,$/);

  const json = await (await request.get("/api/compare?ids=NCT05948982,nct04822922&weightKg=50")).json();
  expect(json.weightKg).toBe(50);
  expect(json.trials.map((t: { id: string }) => t.id)).toEqual(["NCT05948982", "NCT04822922"]);
  const bad = await request.get("/api/compare?ids=NCT05948982,NCT04822922&weightKg=12");
  expect(bad.status()).toBe(400);
  expect(await bad.json()).toMatchObject({ parameter: "weightKg" });
  const unknown = await request.get("/api/compare?ids=NCT00000000");
  expect(unknown.status()).toBe(400);
  expect(await unknown.json()).toMatchObject({ parameter: "ids" });
});

test("copy link copies the view's address", async ({ browser }) => {
  const context = await browser.newContext({ permissions: ["clipboard-read", "clipboard-write"] });
  const page = await context.newPage();
  await openAll(page, `/compare?ids=NCT04822922,NCT05985863&weightKg=55&scale=log`);
  await page.getByTestId("copy-link").click();
  await expect(page.getByRole("status")).toHaveText("Link copied");
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(page.url());
  await context.close();
});

test("only the page with charts loads the charting library", async ({ page }) => {
  const scripts: string[] = [];
  page.on("response", async (r) => {
    if (r.request().resourceType() === "script") scripts.push(await r.text().catch(() => ""));
  });
  await page.goto("/compare");
  await expect(page.getByTestId("add-trials-form")).toBeVisible();
  await page.waitForLoadState("networkidle");
  expect(scripts.length).toBeGreaterThan(0);
  expect(scripts.some((s) => s.includes("recharts-wrapper"))).toBe(false);
  scripts.length = 0;
  await openAll(page, `/compare?ids=NCT04822922,NCT05985863`);
  await page.waitForLoadState("networkidle");
  expect(scripts.some((s) => s.includes("recharts-wrapper"))).toBe(true);
});

test("on a phone the charts below the fold wait: no chart library until they are scrolled to, then each draws", async ({ browser }) => {
  const context = await browser.newContext({ viewport: { width: 390, height: 800 } });
  const page = await context.newPage();
  const scripts: string[] = [];
  page.on("response", async (r) => {
    if (r.request().resourceType() === "script") scripts.push(await r.text().catch(() => ""));
  });
  await page.goto(URL_ALL);
  await page.waitForLoadState("networkidle");
  await expect(page.locator('[data-chart-state="waiting"]')).toHaveCount(4);
  expect(scripts.some((s) => s.includes("recharts-wrapper"))).toBe(false);
  await chart(page, "dose").scrollIntoViewIfNeeded();
  await expect(chart(page, "dose").getByTestId("dose-bar")).toHaveCount(16);
  await chart(page, "structure").scrollIntoViewIfNeeded();
  await expect(chart(page, "structure").getByTestId("structure-segment")).toHaveCount(19);
  expect(scripts.some((s) => s.includes("recharts-wrapper"))).toBe(true);
  await context.close();
});

test("no accessibility violations (axe, every impact: what Lighthouse's accessibility score counts)", async ({ browser }) => {
  const context = await browser.newContext();
  const page = await context.newPage();
  for (const url of [URL_ALL + "&scale=log", "/compare?ids=NCT04822922"]) {
    await page.goto(url);
    await page.waitForLoadState("networkidle");
    await drawAllCharts(page);
    const results = await new AxeBuilder({ page }).analyze();
    const bad = results.violations;
    expect(bad.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).slice(0, 3).join(", ")}`)).toEqual([]);
  }
  await context.close();
});

test("screenshots: desktop and phone, no horizontal overflow", async ({ browser }) => {
  for (const [name, width] of [["desktop", 1280], ["phone", 390]] as const) {
    const context = await browser.newContext({ viewport: { width, height: 900 } });
    const page = await context.newPage();
    await openAll(page);
    await page.screenshot({ path: `/tmp/compare-${name}.png`, fullPage: true });
    const [scrollWidth, clientWidth] = await page.evaluate(() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]);
    expect(scrollWidth).toBeLessThanOrEqual(clientWidth);
    await context.close();
  }
});

test("without JavaScript: the weight form and the picker still work, the table stands in for the charts", async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto(`/compare?ids=NCT05985863,NCT04822922&weightKg=60`);
  await page.getByLabel("Reference weight (kg)").fill("70");
  await page.getByRole("button", { name: "Apply" }).click();
  await expect(page).toHaveURL(/weightKg=70/);
  await expect(page.locator('tr[data-row="dose"]')).toContainText("2.14×10⁶/kg estimated (1.5×10⁸ cells ÷ 70 kg)");
  await expect(page.getByTestId("chart-dose-summary")).toContainText("2.14×10⁶/kg estimated");
  await page.goto("/compare");
  await page.getByTestId("add-trials-form").getByLabel(/NCT05948982/).check();
  await page.getByTestId("add-trials-form").getByLabel(/NCT04822922/).check();
  await page.getByRole("button", { name: "Compare" }).click();
  await expect(page).toHaveURL(/\/compare\?ids=NCT04822922,NCT05948982&weightKg=60$/);
  await context.close();
});

test("reachable from the list's checkboxes and from a trial page's “Compare with…”", async ({ page }) => {
  await page.goto("/trials");
  await page.locator('input[name="ids"][value="NCT05985863"]').check();
  await page.locator('input[name="ids"][value="NCT04822922"]').check();
  await page.locator("form#compare").evaluate((f: HTMLFormElement) => f.requestSubmit());
  await expect(page).toHaveURL(/\/compare\?ids=NCT\d{8},NCT\d{8}&weightKg=60$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Compare 2 trials");

  await page.goto("/trials/NCT04822922");
  await page.getByText("Compare with…").click();
  await page.locator("#cw-NCT05948982").check();
  await page.getByRole("button", { name: "Compare" }).click();
  await expect(page).toHaveURL(/\/compare\?ids=NCT04822922,NCT05948982&weightKg=60$/);
});
