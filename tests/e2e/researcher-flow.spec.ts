import { expect, test, type Page } from "@playwright/test";
import { drawAllCharts } from "./support/charts";

/**
 * Issue 4's "done when", as a person does it: tick three trials in the list, open the
 * comparison, switch to log scale, set 70 kg, copy the link; a colleague opening that
 * link sees the same charts and table.
 */
const snapshot = async (p: Page) => ({
  url: new URL(p.url()).search,
  table: await p.locator("table").last().innerText(),
  marks: await p.locator('figure[data-testid^="chart-"] [data-testid]').count(), // bars, marks, segments
  estimated: await p.getByText("2.14×10⁶/kg estimated").count(),
});

test("select three, compare, log scale, 70 kg, copy the link; a colleague sees the same view", async ({ browser }) => {
  const mine = await browser.newContext({ permissions: ["clipboard-read", "clipboard-write"] });
  const page = await mine.newPage();
  await page.goto("/trials");
  for (const id of ["NCT04822922", "NCT05948982", "NCT05985863"]) {
    await page.locator(`[data-id="${id}"]`).getByRole("checkbox", { name: "Compare" }).check();
  }
  await page.getByRole("button", { name: "Compare selected" }).click();
  await expect(page).toHaveURL(/\/compare\?ids=/);
  await expect(page.getByRole("heading", { name: "Compare 3 trials" })).toBeVisible();

  await page.getByTestId("scale-log").click();
  await expect(page).toHaveURL(/scale=log/);
  await page.getByLabel("Reference weight (kg)").fill("70");
  await page.getByRole("button", { name: "Apply" }).click();
  await expect(page).toHaveURL(/weightKg=70/);
  // 1.5×10⁸ cells ÷ 70 kg, on both NCT05985863 MSC arms, in the charts and the table.
  await expect(page.getByText("2.14×10⁶/kg estimated").first()).toBeVisible();

  await drawAllCharts(page);
  await expect(page.getByTestId("chart-dose").getByTestId("dose-bar").first()).toBeVisible();
  await page.getByTestId("copy-link").click();
  const link = await page.evaluate(() => navigator.clipboard.readText());
  expect(link).toMatch(/\/compare\?ids=NCT\d{8},NCT\d{8},NCT\d{8}&weightKg=70&scale=log$/);
  const before = await snapshot(page);

  const colleague = await (await browser.newContext()).newPage();
  await colleague.goto(link);
  await expect(colleague.getByText("2.14×10⁶/kg estimated").first()).toBeVisible();
  await drawAllCharts(colleague); // charts load after the page, as they near the screen
  await expect(colleague.getByTestId("chart-dose").getByTestId("dose-bar").first()).toBeVisible();
  await expect.poll(async () => (await snapshot(colleague)).marks).toBe(before.marks);
  const after = await snapshot(colleague);
  expect(after.table).toBe(before.table);
  expect(after.marks).toBe(before.marks);
  expect(after.marks).toBeGreaterThan(20);
  expect(after.estimated).toBe(before.estimated);
  await expect(colleague.getByTestId("scale-log")).toHaveAttribute("aria-current", "true");
  await mine.close();
});
