import AxeBuilder from "@axe-core/playwright";
import { expect, test } from "@playwright/test";
import { drawAllCharts } from "./support/charts";

/**
 * The dose landscape as a researcher uses it: narrow the list, open the landscape of that
 * search, read the points, switch the y axis, open a point's arm, and come back to the
 * same view from a copied link.
 */

test("from the list filtered to umbilical cord to the landscape, a point's arm, and back by a copied link", async ({ browser }) => {
  const context = await browser.newContext({ permissions: ["clipboard-read", "clipboard-write"] });
  const page = await context.newPage();
  await page.goto("/trials");
  await page.locator("details.filters").evaluate((d) => d.setAttribute("open", ""));
  await page.getByLabel("Umbilical cord", { exact: true }).check();
  await page.getByRole("button", { name: "Apply filters" }).click();
  await expect(page).toHaveURL(/source=UMBILICAL_CORD/);
  await expect(page.getByTestId("total")).toHaveText("4");

  await page.getByTestId("landscape-link").click();
  await expect(page).toHaveURL(/\/landscape\?source=UMBILICAL_CORD$/);
  await drawAllCharts(page);
  // 000: 2 arms, 001: 3, 003: 2 (flat doses, estimated), 004: 3; 002 (cord blood) is filtered out.
  const points = page.getByTestId("landscape-point");
  await expect(points).toHaveCount(10);
  await expect(page.locator('[data-testid="landscape-point"][data-estimated="true"]')).toHaveCount(2);
  await expect(page.getByTestId("chart-landscape")).toContainText("10 arms in 4 trials drawn");
  await expect(page.getByTestId("kabat-caption")).toContainText("1.17×10⁶–3.17×10⁶ cells/kg at 60 kg");
  await expect(page.getByTestId("kabat-caption")).toContainText("914 MSC trials (Kabat et al., 2020");

  await page.getByTestId("switch-cumulative").click();
  await expect(page).toHaveURL(/\/landscape\?source=UMBILICAL_CORD&y=cumulative$/);
  await expect(page.getByTestId("chart-landscape")).toContainText("against the cumulative dose per kg");
  await expect(points).toHaveCount(10);
  await expect(page.locator(".recharts-yAxis-tick-labels")).toContainText("1×10⁷");

  // The point of 003's prolonged treatment arm: its card names the trial, arm and words, and links to the arm.
  await page.locator('[data-key="NCT05985863#arm-2"]').click();
  const card = page.getByTestId("landscape-tooltip");
  await expect(card).toContainText("NCT05985863: MSC Prolonged treatment");
  await expect(card).toContainText("2.5×10⁶ cells/kg per infusion (estimated: flat 1.5×10⁸ cells)");
  await expect(card).toContainText("Route words: “Peripheral IV”");
  await card.getByTestId("landscape-tooltip-link").click();
  await expect(page).toHaveURL(/\/trials\/NCT05985863#arm-2$/);
  await expect(page.locator("#arm-2")).toContainText("MSC Prolonged treatment");
  await expect(page.locator("#arm-2 [data-fact=route]")).toContainText("Peripheral vein");
  await page.goBack();

  await page.getByTestId("copy-link").click();
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  expect(copied).toMatch(/\/landscape\?source=UMBILICAL_CORD&y=cumulative$/);
  const other = await context.newPage();
  await other.goto(copied);
  await drawAllCharts(other);
  await expect(other.getByTestId("switch-cumulative")).toHaveAttribute("aria-current", "true");
  await expect(other.getByTestId("landscape-point")).toHaveCount(10);
  await context.close();
});

test("the arms with no dose are counted in words and listed; the table and the CSV hold the same points", async ({ page, request }) => {
  await page.goto("/landscape");
  await expect(page.getByTestId("no-dose-count")).toHaveText("2 arms in 1 trial state no single dose");
  await page.getByTestId("no-dose").locator("summary").click();
  await expect(page.getByTestId("no-dose").getByRole("link")).toHaveText(["NCT02812121: Group MSC-1", "NCT02812121: Group MSC-2"]);
  await page.getByTestId("switch-table").click();
  await expect(page.getByTestId("landscape-row")).toHaveCount(10);
  const csv = await (await request.get("/api/landscape?view=table&format=csv")).text();
  expect(csv.trim().split("\r\n")).toHaveLength(11);
  expect((await request.get("/api/landscape?y=nope")).status()).toBe(400);
  // "Compare these" opens the comparison of the ticked trials (in the list's order, newest first) at the same reference weight.
  await page.goto("/landscape?weightKg=50");
  await page.getByRole("button", { name: "Compare these" }).click();
  await expect(page).toHaveURL(/\/compare\?ids=NCT05985863,NCT05948982,NCT04822922,NCT06884904&weightKg=50$/);
});

test("no accessibility violations (axe, every impact) on the landscape, chart and table", async ({ page }) => {
  for (const url of ["/landscape?source=UMBILICAL_CORD&colour=source", "/landscape?view=table&y=cumulative"]) {
    await page.goto(url);
    await page.waitForLoadState("networkidle");
    await drawAllCharts(page);
    const { violations } = await new AxeBuilder({ page }).analyze();
    const bad = violations;
    expect(bad.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).slice(0, 3).join(", ")}`)).toEqual([]);
  }
});
