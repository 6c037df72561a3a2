import { execFileSync } from "node:child_process";
import path from "node:path";
import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";

/**
 * Issue 20: a reviewer opens a trial, its history, an old version, copies that version's
 * link and reopens it; every page is axe clean. The trial (NCT03945487 and its amended
 * copy: two versions) is added to the e2e database for this file only and removed after it.
 */
const ID = "NCT03945487";
const ARM = "Arm “Comprehensive treatment plus UC-MSC treatment”";
const run = (action: "add" | "remove") => execFileSync(path.join("node_modules", ".bin", "tsx"), ["scripts/e2e-history-trial.ts", action], {
  env: { ...process.env, DATABASE_URL: process.env.E2E_DATABASE_URL ?? "file:./data/e2e.db" }, stdio: ["ignore", "inherit", "inherit"],
});

test.describe.configure({ mode: "serial" });
test.beforeAll(() => {
  run("remove");
  run("add");
});
test.afterAll(() => run("remove"));

async function axeClean(page: Page) {
  const { violations } = await new AxeBuilder({ page }).analyze();
  expect(violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)).toEqual([]);
}

test("trial → history → an old version → copy its link → reopen it", async ({ browser }) => {
  const context = await browser.newContext({ permissions: ["clipboard-read", "clipboard-write"] });
  const page = await context.newPage();
  await page.goto(`/trials/${ID}`);
  await expect(page.getByTestId("versions-note")).toContainText(/^Updated on \d{4}-\d{2}-\d{2}, 2 versions$/);
  await expect(page.getByTestId("freshness")).toContainText("Registry's last update: 2021-03-03");
  await expect(page.getByTestId("freshness")).toContainText("Status verified: 2021-03");
  await expect(page.getByTestId("stale-status")).toHaveText("Status not verified for more than 2 years");
  await axeClean(page);

  await page.getByTestId("versions-note").getByRole("link", { name: "2 versions" }).click();
  await expect(page).toHaveURL(`/trials/${ID}/history`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`History of ${ID}`);
  const v2 = page.getByTestId("version-2");
  const row = (what: string) => v2.getByRole("row").filter({ has: page.getByRole("rowheader", { name: what, exact: true }) });
  await expect(row("Status").getByRole("cell")).toHaveText(["Recruiting", "Completed"]);
  await expect(row("Enrollment").getByRole("cell")).toHaveText(["200 participants (estimated)", "150 participants (actual)"]);
  await expect(row(`${ARM}: dose`).getByRole("cell")).toHaveText(["1×10⁶ cells/kg", "2×10⁶ cells/kg"]);
  await expect(row(`${ARM}: days`).getByRole("cell")).toHaveText(["day 0, 21, 42", "day 0, 28, 56, 84"]);
  await expect(page.getByTestId("version-1")).toContainText("First version in this registry.");
  await page.screenshot({ path: "test-results/history-page.png", fullPage: true });
  await axeClean(page);

  await page.getByTestId("version-1").getByRole("link", { name: "Version 1" }).click();
  await expect(page).toHaveURL(`/trials/${ID}/versions/1`);
  await expect(page.getByTestId("version-banner")).toContainText(/^Version 1 of 2, imported \d{4}-\d{2}-\d{2} \d{2}:\d{2} UTC from NCT03945487\.json\. The record may have changed since: see the current version/);
  const arms = page.locator("#arms");
  await expect(arms).toContainText("1×10⁶");
  await expect(arms).not.toContainText("2×10⁶");
  await axeClean(page);
  const copy = page.getByTestId("copy-permalink");
  await expect(copy).toHaveAttribute("data-ready", "true");
  await copy.click();
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  expect(copied).toBe(new URL(`/trials/${ID}/versions/1`, page.url()).toString());

  const reopened = await context.newPage();
  await reopened.goto(copied);
  await expect(reopened.getByTestId("version-banner")).toContainText("Version 1 of 2");
  await expect(reopened.locator("#arms")).toContainText("1×10⁶");
  await reopened.getByTestId("version-banner").getByRole("link", { name: "see the current version" }).click();
  await expect(reopened).toHaveURL(`/trials/${ID}`);
  await expect(reopened.locator("#arms")).toContainText("2×10⁶");
  await context.close();
});

test("the list links the feed of its search, and the feed is Atom", async ({ page, request }) => {
  await page.goto("/trials?status=COMPLETED");
  const alternate = page.locator('link[rel="alternate"][type="application/atom+xml"]');
  await expect(alternate).toHaveAttribute("href", "/trials/feed?status=COMPLETED");
  await expect(page.getByTestId("feed-link")).toHaveAttribute("href", "/trials/feed?status=COMPLETED");
  const res = await request.get("/trials/feed?status=COMPLETED");
  expect(res.status()).toBe(200);
  expect(res.headers()["content-type"]).toBe("application/atom+xml; charset=utf-8");
  expect(res.headers()["x-content-type-options"]).toBe("nosniff");
  expect(res.headers()["content-security-policy"]).toContain("frame-ancestors 'none'");
  const xml = await res.text();
  expect(xml).toContain(`<title type="text">Changed (version 2): ${ID}`);
  expect((await request.get("/trials/feed?status=COMPLETED&nope=1")).status()).toBe(400);
});

test("the history as JSON and the trial's own feed", async ({ request }) => {
  const res = await request.get(`/api/trials/${ID}/history`);
  expect(res.status()).toBe(200);
  const history = (await res.json()) as { id: string; versions: { n: number; lines: string[]; sourceHash: string | null }[] };
  expect(history.versions.map((v) => v.n)).toEqual([2, 1]);
  expect(history.versions[0]!.lines.slice(0, 3)).toEqual([
    "Status: Recruiting → Completed",
    "Enrollment: 200 participants (estimated) → 150 participants (actual)",
    `${ARM}: dose: 1×10⁶ cells/kg → 2×10⁶ cells/kg`,
  ]);
  expect(history.versions[1]!.sourceHash).toMatch(/^[0-9a-f]{64}$/);
  const feed = await request.get(`/trials/${ID}/feed`);
  expect(feed.headers()["content-type"]).toBe("application/atom+xml; charset=utf-8");
  const xml = await feed.text();
  expect(xml.indexOf(`:trials/${ID}/versions/2</id>`)).toBeGreaterThan(0);
  expect(xml.indexOf(`:trials/${ID}/versions/2</id>`)).toBeLessThan(xml.indexOf(`:trials/${ID}/versions/1</id>`));
  expect((await request.get("/api/trials/NCT00000000/history")).status()).toBe(404);
});
