import AxeBuilder from "@axe-core/playwright";
import { expect, test } from "@playwright/test";

/**
 * The clinician's flow (issue 11): enter a patient on the list, read the verdicts, hide
 * the excluded trials, open a trial, see the criterion's thresholds marked with their
 * verdicts, copy the link, and reopen it elsewhere with the same screen.
 */
const verdictOf = (id: string) => `[data-testid="result"][data-id="${id}"] [data-testid="verdict"]`;

test("enter values, see verdicts, open a trial, see the criterion marked, copy the link, reopen it", async ({ browser }) => {
  const context = await browser.newContext({ permissions: ["clipboard-read", "clipboard-write"] });
  const page = await context.newPage();
  await page.goto("/trials");
  await expect(page.locator('form#search[data-enhanced="true"]')).toHaveCount(1);
  await expect(page.getByTestId("patient-panel")).not.toHaveAttribute("open", "");
  await page.getByText("Patient", { exact: true }).click();
  await page.getByLabel("Total bilirubin", { exact: true }).fill("15");
  await page.getByLabel("Total bilirubin unit").selectOption("mg/dL");
  await page.getByLabel("INR", { exact: true }).fill("1.8");
  await page.getByLabel("MELD score").fill("35");
  await page.getByRole("button", { name: "Screen trials" }).click();
  await expect(page).toHaveURL(/meld=35/);
  await expect(page).toHaveURL(/tbil_unit=mg%2FdL/);
  // A unit without its value stays out of the address.
  expect(new URL(page.url()).searchParams.has("creatinine_unit")).toBe(false);
  await expect(page.locator(verdictOf("NCT02812121"))).toContainText("excluded: MELD 35 is above 30");
  await expect(page.locator(verdictOf("NCT06884904"))).toContainText("possible: no limit read excludes this patient");
  await expect(page.getByTestId("screen-summary")).toContainText("4 of 5 matching trials remain possible");

  await page.getByLabel("Hide excluded trials").check();
  await page.getByRole("button", { name: "Screen trials" }).click();
  await expect(page).toHaveURL(/possible=1/);
  await expect(page.locator('[data-testid="result"][data-id="NCT02812121"]')).toHaveCount(0);
  await expect(page.getByTestId("total")).toHaveText("4");

  await page.locator('[data-testid="result"][data-id="NCT06884904"] h2 a').click();
  await expect(page).toHaveURL(/\/trials\/NCT06884904\?.*tbil=15/);
  const incl = page.getByTestId("inclusion-list").getByTestId("criterion").nth(1);
  await expect(incl.getByTestId("threshold").first()).toHaveText(/Total bilirubin \(TBil\) ≥12 mg\/dL \(equivalent to 205 μmol\/L\)/);
  await expect(incl.getByTestId("criterion-verdict")).toContainText("TBil 15 mg/dL (256.6 µmol/L) ≥ 12 mg/dL (205.2 µmol/L); INR 1.8 ≥ 1.5");
  await expect(incl).toHaveAttribute("data-verdict", "pass");
  // Unknown is shown as unknown, never as a pass.
  const unknown = page.locator('[data-testid="criterion"][data-verdict="unknown"]').first();
  await expect(unknown.getByTestId("criterion-verdict")).toContainText("unknown");

  await page.getByTestId("copy-screen-link").click();
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  expect(copied).toContain("/trials/NCT06884904?");
  expect(copied).toContain("meld=35");
  const other = await (await browser.newContext()).newPage();
  await other.goto(copied);
  await expect(other.getByTestId("trial-screen")).toContainText("no limit read excludes this patient");
  await expect(other.getByTestId("inclusion-list").getByTestId("criterion").nth(1)).toHaveAttribute("data-verdict", "pass");
  await context.close();
});

test("the Patient panel works without JavaScript (a GET form)", async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto("/trials");
  await page.getByText("Patient", { exact: true }).click();
  await page.getByLabel("MELD score").fill("35");
  await page.getByRole("button", { name: "Screen trials" }).click();
  await expect(page).toHaveURL(/meld=35/);
  await expect(page.locator(verdictOf("NCT02812121"))).toContainText("excluded: MELD 35 is above 30");
  await context.close();
});

test("GET /api/screen answers per the contract and refuses a bad parameter by name", async ({ request }) => {
  const ok = await request.get("/api/screen?meld=35&age=68&ids=NCT02812121");
  expect(ok.status()).toBe(200);
  expect(ok.headers()["cache-control"]).toBe("no-store");
  const body = await ok.json();
  expect(body.trials.map((t: { id: string; verdict: string }) => [t.id, t.verdict])).toEqual([["NCT02812121", "excluded"]]);
  const bad = await request.get("/api/screen?tbil=abc");
  expect(bad.status()).toBe(400);
  expect((await bad.json()).parameter).toBe("tbil");
  expect((await request.get("/api/screen?weight=70")).status()).toBe(400);
});

for (const path of ["/trials?tbil=15&tbil_unit=mg%2FdL&inr=1.8&meld=35", "/trials/NCT06884904?tbil=15&tbil_unit=mg%2FdL&inr=1.8&meld=35"]) {
  test(`axe finds no serious or critical violations on ${path}`, async ({ page }) => {
    await page.goto(path);
    const { violations } = await new AxeBuilder({ page }).analyze();
    const bad = violations.filter((v) => v.impact === "serious" || v.impact === "critical");
    expect(bad.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)).toEqual([]);
  });
}
