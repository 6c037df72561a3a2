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

/**
 * The list by where trials recruit (issue 22, part 2): the country facet, a place typed with a
 * radius, recruiting sites only, nearest first with the distance and the site it is measured
 * to, the list's map (server SVG, one labelled link per site or cluster), then a trial reached
 * from it (its nearest recruiting site's contact first, its map, its publications, a PubMed
 * link), and the search's link copied and reopened; without JavaScript too; axe, 390 px.
 * Records: the seeds (NCT04822922, Shanghai, not yet recruiting) and three of ../shared/ctgov/msc-other:
 * NCT04216849 (Shanghai, recruiting), NCT04939337 (Nanjing, enrolling by invitation, one
 * results publication: PubMed 17560413), NCT04269525 (Wuhan, recruiting).
 */
test.describe("the list near a place", () => {
  withExtraTrials(["NCT04216849", "NCT04939337", "NCT04269525"].map((id) => `../shared/ctgov/msc-other/${id}.json`), ["NCT04216849", "NCT04939337", "NCT04269525"]);

  const NEAR = "/trials?country=CN&recruiting=1&near=Hangzhou%2C+China&radius=500&sort=distance";

  /** The list's map: valid SVG in the HTML, one link with a label per point, sites to their trial's site. */
  async function checkListMap(page: Page, points: number) {
    const map = page.getByTestId("list-map").locator("svg.site-map");
    await expect(map).toBeVisible();
    const links = map.locator("a");
    await expect(links).toHaveCount(points);
    for (const label of await links.evaluateAll((as) => as.map((a) => a.getAttribute("aria-label")))) expect(label).toMatch(/^(NCT\d{8}: |\d+ sites of )/);
    // Well-formed as SVG: serialised and parsed again by the browser's XML parser, no error.
    expect(await map.evaluate((svg) => new DOMParser().parseFromString(new XMLSerializer().serializeToString(svg), "image/svg+xml").querySelector("parsererror") === null)).toBe(true);
  }

  test("filter by country, type a city and a radius, nearest first, the map; open a trial; copy the search's link and reopen it", async ({ browser }) => {
    const context = await browser.newContext({ permissions: ["clipboard-read", "clipboard-write"] });
    const page = await context.newPage();
    await page.goto("/trials");
    await page.getByRole("checkbox", { name: "China", exact: true }).check();
    await expect(page).toHaveURL(/country=CN/);
    await expect(page.getByTestId("total")).toHaveText("4");
    await page.getByRole("textbox", { name: "Town or city" }).fill("Hangzhou, China");
    await page.getByRole("combobox", { name: "Within" }).selectOption("500");
    await page.getByRole("checkbox", { name: "Recruiting sites only" }).check();
    await page.getByRole("combobox", { name: "Sort by" }).selectOption("distance");
    await page.getByRole("button", { name: "Search" }).click();
    await expect(page).toHaveURL(/near=Hangzhou%2C\+China/);
    await expect(page).toHaveURL(/radius=500/);
    await expect(page).toHaveURL(/sort=distance/);
    await expect(page.getByTestId("total")).toHaveText("2");
    await expect(page.getByTestId("near-note")).toContainText("Distances from Hangzhou, Zhejiang, China");
    const rows = page.getByTestId("result");
    await expect(rows.nth(0)).toHaveAttribute("data-id", "NCT04216849");
    await expect(rows.nth(0).getByTestId("distance")).toHaveText("Nearest recruiting site: 161 km (approximate: the site's town centre), Shanghai East Hospital, Shanghai, China");
    await expect(rows.nth(1)).toHaveAttribute("data-id", "NCT04939337");
    await expect(rows.nth(1).getByTestId("distance")).toContainText("237 km");
    await checkListMap(page, 2);
    await page.getByTestId("list-map").scrollIntoViewIfNeeded();
    await page.screenshot({ path: "/tmp/near-list-map-e2e.png" });

    // The search's link, copied, reopens the same list.
    await page.getByTestId("copy-search-link").click();
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    // The canonical spelling of the same search: the same parameters as the address shown.
    const params = (u: string) => [...new URL(u).searchParams].map(([k, v]) => `${k}=${v}`).sort();
    expect(copied).toBe(`${new URL(page.url()).origin}/trials?country=CN&recruiting=1&near=Hangzhou%2C+China&radius=500&sort=distance`);
    expect(params(copied)).toEqual(params(page.url()));
    const again = await context.newPage();
    await again.goto(copied);
    await expect(again.getByTestId("total")).toHaveText("2");
    await expect(again.getByTestId("result").nth(0)).toHaveAttribute("data-id", "NCT04216849");

    // A trial from the list: its nearest recruiting site's contact first, its map, its publications.
    await rows.nth(1).getByRole("link", { name: /Mesenchymal|MSC|Crohn/i }).first().click();
    await expect(page).toHaveURL(/\/trials\/NCT04939337\?near=Hangzhou/);
    await expect(page.getByTestId("nearest-contact")).toContainText("Nearest recruiting site to Hangzhou, Zhejiang, China: 237 km (approximate: the site's town centre), Jinling hospital, Nanjing, China (enrolling by invitation, the trial's status)");
    await expect(page.locator("#contacts svg.site-map a")).toHaveCount(1);
    const pubmed = page.locator("#publications a[href^='https://pubmed']");
    await expect(pubmed).toHaveAttribute("href", "https://pubmed.ncbi.nlm.nih.gov/17560413/");
    await expect(page.locator("#publications li").first()).toContainText("reports this trial's results");
    await page.locator("#contacts svg.site-map").scrollIntoViewIfNeeded();
    await page.screenshot({ path: "/tmp/near-trial-map-e2e.png" });
    await page.route("https://pubmed.ncbi.nlm.nih.gov/**", (route) => route.fulfill({ status: 200, contentType: "text/html", body: "<title>PubMed</title>" }));
    await pubmed.click();
    await expect(page).toHaveURL("https://pubmed.ncbi.nlm.nih.gov/17560413/");
    await context.close();
  });

  test("without JavaScript: an ambiguous place offers its candidates, an unknown one is named, the filters apply by the form", async ({ browser }) => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto("/trials?near=Springfield&radius=100");
    const note = page.getByTestId("near-note");
    await expect(note).toContainText("“Springfield” is the name of 20 places (the 12 largest shown)");
    await note.getByRole("link", { name: "Springfield, Illinois, United States" }).click();
    await expect(page).toHaveURL(/near=Springfield&radius=100&place=4250542/);
    await expect(page.getByTestId("near-note")).toContainText("Distances from Springfield, Illinois, United States");
    await expect(page.getByTestId("total")).toHaveText("0");
    await page.goto("/trials?near=Xyzzyville");
    await expect(page.getByTestId("near-note")).toHaveText(/^Place not used: near: no place called "Xyzzyville" in the gazetteer/);

    await page.goto("/trials");
    await page.getByRole("checkbox", { name: "China", exact: true }).check();
    await page.getByRole("textbox", { name: "Town or city" }).fill("Hangzhou, China");
    await page.getByRole("combobox", { name: "Within" }).selectOption("500");
    await page.getByRole("checkbox", { name: "Recruiting sites only" }).check();
    await page.getByRole("combobox", { name: "Sort by" }).selectOption("distance");
    await page.getByRole("button", { name: "Apply filters" }).click({ force: true });
    await expect(page.getByTestId("total")).toHaveText("2");
    await expect(page.getByTestId("result").nth(0).getByTestId("km")).toHaveText("161 km");
    await expect(page.getByTestId("result").nth(1).getByTestId("km")).toHaveText("237 km");
    await checkListMap(page, 2);
    // Has a results publication: the one trial whose record lists one.
    await page.goto("/trials?results=1");
    await expect(page.getByTestId("total")).toHaveText("1");
    await expect(page.getByTestId("result")).toHaveAttribute("data-id", "NCT04939337");
    await context.close();
  });

  test("the list near a place is axe clean and fits 390 px; the map is in the HTML as sent", async ({ browser }) => {
    const context = await browser.newContext({ viewport: { width: 390, height: 844 } });
    const page = await context.newPage();
    for (const url of [NEAR, "/trials", "/trials?near=Springfield"]) {
      await page.goto(url);
      await page.waitForLoadState("networkidle");
      expect(await page.evaluate(() => document.documentElement.scrollWidth), url).toBeLessThanOrEqual(390);
      const results = await new AxeBuilder({ page }).analyze();
      expect(results.violations.map((v) => `${url}: ${v.id} ${v.nodes.map((n) => n.target.join(" ")).slice(0, 3).join(", ")}`)).toEqual([]);
    }
    const html = await (await page.request.get(NEAR)).text();
    expect(html).toContain('aria-labelledby="list-map-title list-map-desc"');
    await page.goto(NEAR);
    await page.getByTestId("list-map").scrollIntoViewIfNeeded();
    await page.screenshot({ path: "/tmp/near-list-map-390.png" });
    await page.goto("/trials/NCT04216849?near=Hangzhou%2C+China&radius=500");
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    const axe = await new AxeBuilder({ page }).analyze();
    expect(axe.violations.map((v) => v.id)).toEqual([]);
    await context.close();
  });
});
