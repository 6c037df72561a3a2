import { expect, type Page } from "@playwright/test";

/**
 * Draws every chart of the page: a chart renders only once it nears the screen
 * (components/ui/when-visible.tsx), so each figure is scrolled to in turn and its drawing
 * awaited; the page is then scrolled back to the top.
 */
export async function drawAllCharts(page: Page): Promise<void> {
  const figures = page.locator("figure.chart-figure");
  const n = await figures.count();
  for (let i = 0; i < n; i++) {
    await figures.nth(i).scrollIntoViewIfNeeded();
    await expect(figures.nth(i).locator('[data-chart-state="shown"]')).toHaveCount(1);
    await expect(figures.nth(i).locator("svg.recharts-surface, [data-testid=landscape-chart-error]").first()).toBeVisible();
  }
  await page.evaluate(() => window.scrollTo(0, 0));
}
