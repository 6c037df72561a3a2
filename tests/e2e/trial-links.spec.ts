import AxeBuilder from "@axe-core/playwright";
import { expect, test } from "@playwright/test";
import { withExtraTrials } from "./support/extra-trials";

/**
 * Issue 21: a trial registered twice (tests/e2e/support/linked-trials.xml: NCT09210021 and
 * ChiCTR2100099001 name each other) is one trial: at either id, "registered as" both, their
 * disagreements side by side, counted once, and found under either registry in the Registry
 * facet. The two records are added to the e2e database for this file only and removed after it.
 */
withExtraTrials("tests/e2e/support/linked-trials.xml", ["NCT09210021", "ChiCTR2100099001"]);

test("the ChiCTR id leads to the one trial page, which names both registrations and shows where they differ", async ({ page, request }) => {
  const redirect = await request.get("/trials/ChiCTR2100099001", { maxRedirects: 0 });
  expect(redirect.status()).toBe(308);
  expect(redirect.headers().location).toMatch(/\/trials\/NCT09210021$/);

  await page.goto("/trials/ChiCTR2100099001");
  await expect(page).toHaveURL(/\/trials\/NCT09210021$/);
  await expect(page.getByTestId("trial-id")).toHaveText("NCT09210021");
  const line = page.getByTestId("registered-as");
  await expect(line).toContainText("Registered as NCT09210021 (ClinicalTrials.gov, refreshed 2024-06-03; record as stored) and ChiCTR2100099001 (ChiCTR, refreshed 2022-01-12; record as stored).");
  const table = page.getByTestId("registrations-disagree");
  const row = (field: string) => table.locator("tr", { has: page.locator("th", { hasText: field }) });
  await expect(row("Status").locator("td")).toHaveText(["Recruiting", '"Not Recruiting" (as registered)']);
  await expect(row("Enrollment").locator("td")).toHaveText(["60", "80"]);
  await expect(row("MSC doses per infusion").locator("td")).toHaveText(["not stated", "1×10⁶ cells/kg"]);
  await expect(table.locator("thead")).toContainText("ChiCTR, refreshed 2022-01-12");

  const { violations } = await new AxeBuilder({ page }).analyze();
  const bad = violations.filter((v) => v.impact === "serious" || v.impact === "critical");
  expect(bad.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).slice(0, 3).join(", ")}`)).toEqual([]);

  // The record as ChiCTR registered it stays stored and readable.
  const stored = await request.get("/api/trials/ChiCTR2100099001");
  expect(stored.status()).toBe(200);
  expect((await stored.json()).enrollment.count).toBe(80);
});

test("the list counts the trial once and the Registry facet finds it under either registry, without script", async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto("/trials?registry=ChiCTR");
  await expect(page).toHaveURL(/registry=ChiCTR/);
  const registry = page.getByRole("group", { name: "Registry" });
  await expect(registry.getByRole("checkbox", { name: "ChiCTR" })).toBeChecked();
  await expect(page.locator('a[href="/trials/NCT09210021"]').first()).toBeVisible();
  await expect(page.locator('a[href="/trials/ChiCTR2100099001"]')).toHaveCount(0);

  await page.goto("/trials?q=NCT09210021");
  await expect(page.locator('a[href="/trials/NCT09210021"]').first()).toBeVisible();
  await context.close();
});

test("the list with the Registry facet chosen passes axe", async ({ page }) => {
  await page.goto("/trials?registry=ChiCTR");
  await expect(page.getByRole("group", { name: "Registry" }).getByRole("checkbox", { name: "ChiCTR" })).toBeChecked();
  const { violations } = await new AxeBuilder({ page }).analyze();
  expect(violations.filter((v) => v.impact === "serious" || v.impact === "critical").map((v) => v.id)).toEqual([]);
});
