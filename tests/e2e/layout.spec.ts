import { expect, test } from "@playwright/test";

/**
 * Phones: no page may be wider than the screen. A page that scrolls sideways hides part of
 * every line (and of the dose tables) from a clinician on a phone. Wide content such as the
 * comparison table must scroll inside its own box instead.
 */
const IDS = ["NCT04822922", "NCT05948982", "NCT05985863", "NCT02812121", "NCT06884904"];
const PAGES = [
  "/trials",
  "/trials?q=hbv",
  ...IDS.map((id) => `/trials/${id}`),
  "/compare",
  "/compare?ids=NCT04822922,NCT05948982,NCT05985863",
  "/no-such-page",
];
const WIDTHS = [360, 390, 414];
// Not Playwright's isMobile: a mobile viewport widens itself to fit wide content (the page
// is then zoomed out), so innerWidth would grow with the overflow and hide it.

test.describe("no horizontal overflow on phones", () => {
  for (const width of WIDTHS) {
    test(`${width} px: every page fits the screen`, async ({ browser }) => {
      const context = await browser.newContext({ viewport: { width, height: 800 } });
      const page = await context.newPage();
      const wide: string[] = [];
      for (const path of PAGES) {
        await page.goto(path);
        await page.waitForLoadState("networkidle");
        const m = await page.evaluate(() => {
          const root = document.documentElement;
          // The widest elements that stick out, to say what to fix.
          const culprits = [...document.body.querySelectorAll("*")]
            .filter((el) => el.getBoundingClientRect().right > window.innerWidth + 0.5)
            .filter((el) => !el.closest(".table-scroll"))
            .slice(0, 3)
            .map((el) => `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ""}.${[...el.classList].slice(0, 3).join(".")}`);
          return { scrollWidth: root.scrollWidth, innerWidth: window.innerWidth, culprits };
        });
        expect(m.innerWidth).toBe(width);
        if (m.scrollWidth > m.innerWidth) wide.push(`${path}: ${m.scrollWidth} px > ${m.innerWidth} px (${m.culprits.join(", ")})`);
      }
      await context.close();
      expect(wide, wide.join("\n")).toEqual([]);
    });
  }

  test("the comparison table scrolls in its own box, and says so", async ({ browser }) => {
    const context = await browser.newContext({ viewport: { width: 390, height: 800 } });
    const page = await context.newPage();
    await page.goto("/compare?ids=NCT04822922,NCT05948982,NCT05985863");
    const box = page.locator(".table-scroll");
    const { scrollWidth, clientWidth } = await box.evaluate((el) => ({ scrollWidth: el.scrollWidth, clientWidth: el.clientWidth }));
    expect(scrollWidth).toBeGreaterThan(clientWidth);
    await expect(page.getByTestId("table-scroll-hint")).toBeVisible();
    await context.close();
  });
});

test.describe("favicon", () => {
  test("/favicon.ico and the icon the page links answer with an image", async ({ page, request }) => {
    const ico = await request.get("/favicon.ico");
    expect(ico.status()).toBe(200);
    expect(ico.headers()["content-type"]).toMatch(/^image\//);

    await page.goto("/trials");
    const hrefs = await page.locator('link[rel~="icon"]').evaluateAll((els) => els.map((e) => e.getAttribute("href")!));
    expect(hrefs.length).toBeGreaterThan(0);
    for (const href of hrefs) {
      const res = await request.get(href);
      expect(res.status(), href).toBe(200);
      expect(res.headers()["content-type"], href).toMatch(/^image\//);
    }
  });
});
