import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";

const resultIds = (page: Page) => page.getByTestId("result").evaluateAll((els) => els.map((e) => e.getAttribute("data-id")));

test.describe("search list", () => {
  test("hbv, HBV and hepatitis B find the same HBV trials", async ({ page }) => {
    for (const q of ["hbv", "HBV", "hepatitis B"]) {
      await page.goto(`/trials?q=${encodeURIComponent(q)}`);
      const ids = await resultIds(page);
      expect(ids.sort()).toEqual(["NCT02812121", "NCT05948982", "NCT06884904"]);
      await expect(page.getByTestId("total")).toHaveText("3");
    }
    await expect(page.locator("mark").first()).toBeVisible();
  });

  test("/ leads to the list, keeping the query", async ({ page }) => {
    await page.goto("/?q=hbv");
    await expect(page).toHaveURL(/\/trials\?q=hbv$/);
  });

  test("ticking Phase 3 leaves only NCT06884904, and the URL says so", async ({ page }) => {
    await page.goto("/trials");
    await expect(page.locator('form#search[data-enhanced="true"]')).toHaveCount(1);
    await expect(page.getByTestId("total")).toHaveText("5");
    const phase3 = page.getByRole("checkbox", { name: "Phase 3" });
    await expect(page.locator("label", { hasText: "Phase 3" }).locator("xpath=following-sibling::span")).toHaveText("1");
    await phase3.check();
    await expect(page).toHaveURL(/phase=PHASE3/);
    await expect(page.getByTestId("total")).toHaveText("1");
    expect(await resultIds(page)).toEqual(["NCT06884904"]);
  });

  test("a search URL pasted into a new page restores the same results", async ({ browser }) => {
    const url = "/trials?q=umbilical&phase=PHASE2&sort=dose";
    const first = await (await browser.newContext()).newPage();
    await first.goto(url);
    const ids = await resultIds(first);
    expect(ids.length).toBeGreaterThan(1);
    const second = await (await browser.newContext()).newPage();
    await second.goto(`${first.url()}`);
    expect(await resultIds(second)).toEqual(ids);
    await expect(second.getByRole("searchbox", { name: "Search trials" })).toHaveValue("umbilical");
    await expect(second.getByRole("checkbox", { name: "Phase 2" })).toBeChecked();
    await expect(second.getByRole("combobox", { name: "Sort by" })).toHaveValue("dose");
    // Highest dose first: the 4×10⁶ trials, then 2.5×10⁶ (estimated), 1.2×10⁶, and the one
    // whose dose is not reported last.
    expect(ids).toEqual(["NCT05948982", "NCT06884904", "NCT05985863", "NCT04822922", "NCT02812121"]);
  });

  test("filters by age a patient has, dose range and infusions", async ({ page }) => {
    await page.goto("/trials?age=72");
    expect(await resultIds(page)).toEqual(["NCT05948982"]); // only 004 admits 72 (18–75)
    await page.goto("/trials?doseMin=4000000");
    expect((await resultIds(page)).sort()).toEqual(["NCT05948982", "NCT06884904"]);
    await page.goto("/trials?infusions=4");
    expect((await resultIds(page)).sort()).toEqual(["NCT02812121", "NCT04822922"]);
  });

  test("results show dose range or not reported, arm count and enrollment", async ({ page }) => {
    await page.goto("/trials?q=NCT04822922");
    const row = page.locator('[data-id="NCT04822922"]');
    await expect(row.getByTestId("dose-range")).toHaveText("4×10⁵ – 1.2×10⁶ cells/kg");
    await expect(row.getByTestId("arm-count")).toHaveText("3");
    await page.goto("/trials?q=NCT02812121");
    await expect(page.locator('[data-id="NCT02812121"]').getByTestId("dose-range")).toHaveText("not reported");
  });

  test("hostile search text never breaks the page", async ({ page }) => {
    for (const q of ['"', 'NEAR("a" "b", 2)', "*", "-", "a OR", "💉🧪", "x".repeat(5000), "'; DROP TABLE Trial;--", "((("]) {
      const res = await page.goto(`/trials?q=${encodeURIComponent(q)}`);
      expect(res?.status()).toBe(200);
      await expect(page.getByTestId("total")).toBeVisible();
    }
  });

  test("works with JavaScript turned off (GET form)", async ({ browser }) => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto("/trials");
    await page.getByRole("searchbox", { name: "Search trials" }).fill("hepatitis B");
    await page.getByRole("button", { name: "Search" }).click();
    await expect(page).toHaveURL(/q=hepatitis\+B/);
    await expect(page.getByTestId("total")).toHaveText("3");
    await page.getByRole("checkbox", { name: "Phase 3" }).check();
    await page.getByRole("button", { name: "Apply filters" }).click({ force: true });
    await expect(page.getByTestId("total")).toHaveText("1");
    await context.close();
  });

  test("list checkboxes open the comparison with the chosen trials", async ({ page }) => {
    await page.goto("/trials");
    await page.locator('[data-id="NCT04822922"]').getByRole("checkbox", { name: "Compare" }).check();
    await page.locator('[data-id="NCT05948982"]').getByRole("checkbox", { name: "Compare" }).check();
    await page.getByRole("button", { name: "Compare selected" }).click();
    await expect(page).toHaveURL(/\/compare\?ids=/);
    expect(decodeURIComponent(page.url())).toMatch(/NCT04822922/);
    expect(decodeURIComponent(page.url())).toMatch(/NCT05948982/);
  });
});

test.describe("trial page", () => {
  test("NCT04822922's high dose: 1.2×10⁶ cells/kg, 4 infusions, days 0, 3, 6, 9, cumulative 4.8×10⁶", async ({ page }) => {
    await page.goto("/trials/NCT04822922");
    const high = page.locator('[data-testid="arm-row"][data-arm="high dose"]');
    await expect(high.getByTestId("dose-per-kg")).toHaveText("1.2×10⁶ cells/kg");
    await expect(high.getByTestId("infusions")).toHaveText("4");
    await expect(high.getByTestId("schedule")).toContainText("day 0, 3, 6, 9");
    await expect(high.getByTestId("cumulative")).toHaveText("4.8×10⁶ cells/kg");
    await expect(high.locator('[data-kind="msc"]')).toHaveCount(4);
    await expect(page.getByTestId("inclusion-list").locator("li")).toHaveCount(3);
    await expect(page.getByTestId("exclusion-list").locator("li")).toHaveCount(7);
  });

  test("not reported, estimated and provenance marks where the source is silent", async ({ page }) => {
    await page.goto("/trials/NCT06884904");
    const low = page.locator('[data-testid="arm-row"][data-arm="Low-dose experimental group"]');
    await expect(low.getByTestId("infusions")).toHaveText("not reported");
    await expect(low.getByTestId("cumulative")).toHaveText("not reported");
    await page.goto("/trials/NCT05985863");
    const prolonged = page.locator('[data-testid="arm-row"][data-arm="MSC Prolonged treatment"]');
    await expect(prolonged.getByTestId("dose-per-kg")).toContainText("2.5×10⁶ cells/kg");
    await expect(prolonged.getByTestId("dose-per-kg")).toContainText("estimated");
    await expect(prolonged.getByTestId("schedule")).toContainText("day 0, 7, 14, 28, 35");
    await expect(page.locator("h1 abbr", { hasText: "curated" })).toHaveAttribute("title", /curation file/);
    await expect(page.getByTestId("source-file")).toHaveText("003_380424067d6bdd53.txt");
    await expect(page.getByRole("link", { name: "https://clinicaltrials.gov/study/NCT05985863" })).toBeVisible();
  });

  test("a lowercase id redirects to the canonical permalink", async ({ page }) => {
    await page.goto("/trials/nct04822922");
    await expect(page).toHaveURL(/\/trials\/NCT04822922$/);
    await expect(page.getByTestId("trial-id")).toHaveText("NCT04822922");
  });

  test("an unknown id is a real 404 with a search box", async ({ page }) => {
    const res = await page.goto("/trials/NCT00000000");
    expect(res?.status()).toBe(404);
    await expect(page.getByRole("searchbox", { name: "Search trials" })).toBeVisible();
  });

  test("the #eligibility anchor scrolls to the eligibility section", async ({ page }) => {
    await page.goto("/trials/NCT04822922#eligibility");
    const heading = page.getByRole("heading", { name: "Eligibility" });
    await expect(heading).toBeInViewport();
    expect(await page.evaluate(() => window.scrollY)).toBeGreaterThan(300);
  });

  test("every section has its stable anchor", async ({ page }) => {
    await page.goto("/trials/NCT04822922");
    for (const id of ["overview", "design", "arms", "eligibility", "outcomes", "contacts", "source"]) {
      await expect(page.locator(`section#${id}`)).toHaveCount(1);
    }
  });

  test("title, description and Open Graph tags describe the trial", async ({ page }) => {
    await page.goto("/trials/NCT04822922");
    await expect(page).toHaveTitle(/Safety of UC-MSC Transfusion for ACLF Patients \(NCT04822922\)/);
    await expect(page.locator('meta[property="og:title"]')).toHaveAttribute("content", "Safety of UC-MSC Transfusion for ACLF Patients");
    await expect(page.locator('meta[name="description"]')).toHaveAttribute("content", /4×10⁵–1.2×10⁶ cells\/kg per infusion/);
    // The test server has no SITE_URL: absolute addresses come only from it, never from
    // the request's Host, so the link stays relative (see http-hardening.spec.ts).
    await expect(page.locator('meta[property="og:url"]')).toHaveAttribute("content", "/trials/NCT04822922");
  });

  test("Copy link copies the page's address", async ({ browser }) => {
    const context = await browser.newContext({ permissions: ["clipboard-read", "clipboard-write"] });
    const page = await context.newPage();
    await page.goto("/trials/NCT04822922#arms");
    const copy = page.getByRole("link", { name: "Copy link", exact: true });
    await expect(copy).toHaveAttribute("data-ready", "true");
    await copy.click();
    await expect(page.locator("header a[data-ready]").first()).toContainText("Link copied");
    expect(await page.evaluate(() => navigator.clipboard.readText())).toMatch(/\/trials\/NCT04822922$/);
    await context.close();
  });

  test("Compare with… opens the comparison with this trial and the chosen one", async ({ page }) => {
    await page.goto("/trials/NCT04822922");
    await page.getByText("Compare with…").click();
    await page.getByRole("checkbox", { name: /NCT05948982/ }).check();
    await page.getByRole("button", { name: "Compare", exact: true }).click();
    await expect(page).toHaveURL(/\/compare\?ids=/);
    expect(decodeURIComponent(page.url())).toMatch(/NCT04822922.*NCT05948982/);
  });
});

test.describe("JSON API", () => {
  test("GET /api/trials filters, paginates and returns contract records", async ({ request }) => {
    const res = await request.get("/api/trials?phase=PHASE3");
    expect(res.status()).toBe(200);
    const body = await res.json();
    expect(body.total).toBe(1);
    expect(body.trials[0].id).toBe("NCT06884904");
    expect(body.trials[0].design).toEqual({ allocation: "RANDOMIZED", interventionModel: "PARALLEL", masking: "QUADRUPLE" });
    const paged = await (await request.get("/api/trials?pageSize=2&page=2")).json();
    expect(paged.total).toBe(5);
    expect(paged.trials).toHaveLength(2);
  });

  test("bad parameters are a 400 naming the parameter", async ({ request }) => {
    for (const [qs, parameter] of [["phase=PHASE9", "phase"], ["age=abc", "age"], ["pageSize=1000", "pageSize"], ["sort=worst", "sort"], ["colour=red", "colour"]]) {
      const res = await request.get(`/api/trials?${qs}`);
      expect(res.status()).toBe(400);
      expect((await res.json()).parameter).toBe(parameter);
    }
  });

  test("GET /api/trials/{id}: the record, a redirect for another case, 404 for unknown", async ({ request }) => {
    const trial = await (await request.get("/api/trials/NCT04822922")).json();
    expect(trial.arms.map((a: { summary: { cumulativeCellsPerKg: number } }) => a.summary.cumulativeCellsPerKg)).toEqual([1600000, 3200000, 4800000]);
    const lower = await request.get("/api/trials/nct04822922");
    expect(lower.status()).toBe(200);
    expect((await lower.json()).id).toBe("NCT04822922");
    expect((await request.get("/api/trials/NOPE")).status()).toBe(404);
  });
});

test.describe("accessibility", () => {
  for (const path of ["/trials", "/trials?q=hbv", "/trials/NCT05985863", "/trials/NCT04822922", "/no-such-page"]) {
    test(`axe finds no violations on ${path}`, async ({ browser }) => {
      const context = await browser.newContext();
      const page = await context.newPage();
      await page.goto(path);
      const { violations } = await new AxeBuilder({ page }).analyze();
      expect(violations.map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)).toEqual([]);
      await context.close();
    });
  }

  test("the search box, filters, results and compare controls are reachable by keyboard", async ({ page }) => {
    await page.goto("/trials");
    const reached = new Set<string>();
    for (let i = 0; i < 60; i++) {
      await page.keyboard.press("Tab");
      reached.add(await page.evaluate(() => {
        const el = document.activeElement as HTMLInputElement | null;
        return el ? `${el.tagName}:${el.getAttribute("name") ?? ""}:${el.textContent?.trim().slice(0, 30) ?? ""}` : "";
      }));
    }
    const all = [...reached].join("\n");
    expect(all).toMatch(/INPUT:q:/);
    expect(all).toMatch(/SELECT:sort:/);
    expect(all).toMatch(/INPUT:phase:/);
    expect(all).toMatch(/INPUT:ids:/);
    expect(all).toMatch(/BUTTON::Compare selected/);
    expect(all).toMatch(/A::/);
  });
});
