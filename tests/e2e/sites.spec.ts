import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { withExtraTrials } from "./support/extra-trials";

/**
 * A trial page's map of its sites (server SVG, one labelled link per site or cluster, no
 * script), its site list (grouped by country, recruiting first, contacts as mailto: with the
 * NCT id and tel: links) and its Publications panel (typed references, PubMed links by id,
 * the results status), on real API v2 records of ../shared/ctgov: axe clean, 390 px wide.
 */

const shot = (page: Page, name: string) => page.screenshot({ path: `test-results/sites-${name}.png`, fullPage: false });

test.describe("NCT03475563", () => {
withExtraTrials("../shared/ctgov/v2/NCT03475563.json", ["NCT03475563"]);

test("NCT03475563: the map of its 3 Spanish sites, the site list, three results publications with PubMed links", async ({ page }) => {
  await page.goto("/trials/NCT03475563");
  const map = page.locator("#contacts svg.site-map");
  await expect(map).toBeVisible();
  await expect(map.locator("title").first()).toHaveText("Map of the sites of NCT03475563");
  const points = map.locator("a");
  const labels = await points.evaluateAll((as) => as.map((a) => a.getAttribute("aria-label")));
  expect(labels.length).toBeGreaterThan(0);
  for (const l of labels) expect(l).toMatch(/Spain/);
  // Every site is in the list under its country, and each map link goes to a site of the list.
  await expect(page.locator("#contacts h3", { hasText: "Spain" })).toHaveText("Spain (3 sites)");
  for (const href of await points.evaluateAll((as) => as.map((a) => a.getAttribute("href")))) {
    await expect(page.locator(href!)).toHaveCount(1);
  }
  await expect(page.locator("#site-1")).toContainText("Hospital Universitari Parc Taulí, Sabadell, Barcelona, 08208 (recruiting)");
  await expect(page.locator("#site-1")).toContainText("Contact: Eduard Bosch, MD");
  await points.first().scrollIntoViewIfNeeded();
  await shot(page, "trial-map-NCT03475563");

  const pubs = page.locator("#publications");
  await expect(pubs.locator("li")).toHaveCount(3);
  await expect(pubs.locator("li").first()).toContainText("reports this trial's results");
  await expect(pubs.locator("li").first().locator("a")).toHaveAttribute("href", "https://pubmed.ncbi.nlm.nih.gov/25828372/");
  await expect(pubs).toContainText("No results posted in the registry.");
  // Following a PubMed link goes to that URL (the request is answered here, not by the network).
  await page.route("https://pubmed.ncbi.nlm.nih.gov/**", (route) => route.fulfill({ status: 200, contentType: "text/html", body: "<title>PubMed</title>" }));
  await pubs.locator("li").first().locator("a").click();
  await expect(page).toHaveURL("https://pubmed.ncbi.nlm.nih.gov/25828372/");
});

});

test.describe("NCT02552212", () => {
withExtraTrials("../shared/ctgov/v2/NCT02552212.json", ["NCT02552212"]);

test("NCT02552212: 105 sites clustered on the map, 2 results and 2 registry-linked references, results posted 2020-08-17", async ({ page }) => {
  await page.goto("/trials/NCT02552212#contacts");
  const map = page.locator("#contacts svg.site-map");
  await expect(map).toBeVisible();
  const clusters = map.locator("a.site-cluster");
  expect(await clusters.count()).toBeGreaterThan(0);
  await expect(clusters.first().locator("text")).toHaveText(/^\d+$/);
  await expect(page.locator("#contacts figcaption")).toContainText("105 of 105 sites placed");
  await map.scrollIntoViewIfNeeded();
  await shot(page, "trial-map-NCT02552212");
  const pubs = page.locator("#publications li");
  await expect(pubs).toHaveCount(4);
  await expect(pubs.filter({ hasText: "reports this trial's results" })).toHaveCount(2);
  await expect(pubs.filter({ hasText: "linked by the registry" })).toHaveCount(2);
  await expect(page.locator("#publications")).toContainText("Results posted in the registry on 2020-08-17.");
  await axeAnd390(page.context().browser()!, "NCT02552212");
});
});

/** axe clean, no horizontal scroll at 390 px, the map in the HTML as sent (server SVG, no script). */
async function axeAnd390(browser: import("@playwright/test").Browser, id: string) {
  const context = await browser.newContext({ viewport: { width: 390, height: 800 } });
  const page = await context.newPage();
  await page.goto(`/trials/${id}`);
  await page.waitForLoadState("networkidle");
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  expect(width, id).toBeLessThanOrEqual(390);
  const results = await new AxeBuilder({ page }).analyze();
  expect(results.violations.map((v) => `${id}: ${v.id} ${v.nodes.map((n) => n.target.join(" ")).slice(0, 3).join(", ")}`)).toEqual([]);
  const html = await (await page.request.get(`/trials/${id}`)).text();
  expect(html).toContain('class="site-map"');
  await page.goto(`/trials/${id}#contacts`);
  await page.locator("#contacts svg.site-map").scrollIntoViewIfNeeded();
  await shot(page, `trial-map-${id}-390px`);
  await context.close();
}

test.describe("NCT03475563 and a seed", () => {
withExtraTrials("../shared/ctgov/v2/NCT03475563.json", ["NCT03475563"]);

test("a seed (NCT04822922, classic text): one approximate point in Shanghai, e-mail with the NCT id in the subject, tel: link", async ({ page }) => {
  await page.goto("/trials/NCT04822922");
  const point = page.locator("#contacts svg.site-map a");
  await expect(point).toHaveCount(1);
  await expect(point).toHaveAttribute("aria-label", /Shanghai, China: not yet recruiting \(the trial's status\) \(approximate location: the town's centre\)/);
  const mail = page.locator("#site-1 a[href^='mailto:']");
  await expect(mail).toHaveAttribute("href", "mailto:haili_17@126.com?subject=NCT04822922%3A%20enquiry%20about%20the%20trial");
  await expect(page.locator("#site-1 a[href^='tel:']")).toHaveAttribute("href", "tel:+8613818525494");
  await expect(page.locator("#publications")).toContainText("No publications listed in the registry record");
  await expect(page.locator("#publications")).toContainText("No results posted in the registry.");
});

test("the map ships no script, the pages are axe clean and fit 390 px", async ({ browser }) => {
  for (const id of ["NCT03475563", "NCT04822922"]) await axeAnd390(browser, id);
});
});
