import { expect, test, type Page } from "@playwright/test";
import { drawAllCharts } from "./support/charts";
import { rawRequest } from "./support/raw-http";

const PROTOTYPE_NAMES = ["constructor", "toString", "valueOf", "hasOwnProperty", "__proto__", "isPrototypeOf", "then"];
const base = (baseURL: string | undefined) => baseURL ?? "http://127.0.0.1:3100";

test.describe("no 500s", () => {
  test("prototype-named parameters are ignored on pages, refused by name on the list API", async ({ baseURL }) => {
    for (const name of PROTOTYPE_NAMES) {
      for (const path of [`/trials?${name}=1`, `/trials?q=hbv&${name}=1`, `/compare?${name}=1`, `/compare?ids=NCT04822922,NCT05948982&weightKg=60&${name}=1`, `/?${name}=1`]) {
        const res = await rawRequest(base(baseURL), "GET", path);
        expect(res.status, path).toBeLessThan(400);
      }
      const list = await rawRequest(base(baseURL), "GET", `/api/trials?${name}=1`);
      // Next's query parsing drops a `__proto__` key before the handler sees it.
      if (name === "__proto__") expect(list.status).toBe(200);
      else {
        expect(list.status, name).toBe(400);
        expect(JSON.parse(list.body)).toMatchObject({ parameter: name });
      }
      const cmp = await rawRequest(base(baseURL), "GET", `/api/compare?ids=NCT04822922,NCT05948982&${name}=1`);
      expect(cmp.status, name).toBe(200);
    }
    const page = await rawRequest(base(baseURL), "GET", "/trials?constructor=1&q=hbv");
    expect(page.body).toContain('data-testid="total">3<');
  });

  test("malformed percent-encoding in the path is a 400, not a 500", async ({ baseURL }) => {
    for (const path of ["/trials/%FF", "/api/trials/%zz", "/trials/%", "/compare/%E0%A4%A", "/api/trials/%FF%FE", "/%C0%AF"]) {
      const res = await rawRequest(base(baseURL), "GET", path);
      expect([400, 404], path).toContain(res.status);
    }
  });

  test("unsupported methods are a 405 with Allow, on every kind of route", async ({ baseURL }) => {
    // (A method Node's parser does not know, like FOO, gets Node's own 400.)
    for (const method of ["TRACE", "POST", "PUT", "DELETE", "PATCH", "OPTIONS", "PROPFIND", "M-SEARCH"]) {
      for (const path of ["/api/health", "/api/trials", "/api/trials/NCT04822922", "/api/compare?ids=A,B", "/trials", "/trials/NCT04822922", "/compare", "/nope", "/"]) {
        const res = await rawRequest(base(baseURL), method, path);
        expect(res.status, `${method} ${path}`).toBe(405);
        expect(res.headers.allow, `${method} ${path}`).toBe("GET, HEAD");
      }
    }
    const head = await rawRequest(base(baseURL), "HEAD", "/api/health");
    expect(head.status).toBe(200);
  });

  test("the comparison API needs two distinct trials", async ({ request }) => {
    for (const ids of ["NCT04822922,NCT04822922,NCT04822922", "NCT04822922", "NCT04822922,nct04822922"]) {
      const res = await request.get(`/api/compare?ids=${ids}`);
      expect(res.status(), ids).toBe(400);
      expect(await res.json()).toMatchObject({ parameter: "ids" });
    }
    expect((await request.get("/api/compare?ids=NCT04822922,NCT05948982")).status()).toBe(200);
  });
});

test.describe("security headers", () => {
  const paths = ["/trials", "/trials/NCT04822922", "/compare?ids=NCT04822922,NCT05948982&weightKg=60", "/api/health", "/api/trials/NCT04822922", "/no-such-page", "/api/no-such-route", "/trials/NCT00000000"];

  test("on pages, API, static files and 404s; no HSTS over plain HTTP", async ({ baseURL, request }) => {
    const html = await (await request.get("/trials")).text();
    const asset = html.match(/\/_next\/static\/[^"']+\.(?:js|css)/)?.[0];
    expect(asset).toBeTruthy();
    for (const path of [...paths, asset!, "/_next/static/nope.js", "/favicon.ico"]) {
      const res = await rawRequest(base(baseURL), "GET", path);
      expect(res.status, path).toBeLessThan(500);
      const h = res.headers;
      expect(h["content-security-policy"], path).toContain("frame-ancestors 'none'");
      expect(h["referrer-policy"], path).toBe("strict-origin-when-cross-origin");
      expect(h["x-content-type-options"], path).toBe("nosniff");
      expect(h["permissions-policy"], path).toMatch(/camera=\(\)/);
      expect(h["permissions-policy"], path).toMatch(/microphone=\(\)/);
      expect(h["permissions-policy"], path).toMatch(/geolocation=\(\)/);
      expect(h["strict-transport-security"], path).toBeUndefined();
    }
    const behindTls = await rawRequest(base(baseURL), "GET", "/trials", { "X-Forwarded-Proto": "https" });
    expect(behindTls.headers["strict-transport-security"]).toMatch(/max-age=\d+/);
  });

  test("Next's own 308 redirects (trailing slash, repeated slash, dot segments) carry them too, with the resource CSP", async ({ baseURL }) => {
    const redirects: [string, string][] = [["/trials/", "/trials"], ["/trials/NCT04822922/", "/trials/NCT04822922"], ["/api/trials/", "/api/trials"],
      ["//trials", "/trials"], ["/trials/./x/..", "/trials"], ["/compare/", "/compare"]];
    for (const [path, to] of redirects) {
      const res = await rawRequest(base(baseURL), "GET", path);
      expect(res.status, path).toBe(308);
      expect(res.headers.location, path).toBe(to);
      const h = res.headers;
      expect(h["content-security-policy"], path).toBe("default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'");
      expect(h["x-frame-options"], path).toBe("DENY");
      expect(h["referrer-policy"], path).toBe("strict-origin-when-cross-origin");
      expect(h["x-content-type-options"], path).toBe("nosniff");
      expect(h["cross-origin-opener-policy"], path).toBe("same-origin");
      expect(h["permissions-policy"], path).toMatch(/camera=\(\)/);
    }
    const behindTls = await rawRequest(base(baseURL), "GET", "/trials/", { "X-Forwarded-Proto": "https" });
    expect(behindTls.headers["strict-transport-security"]).toMatch(/max-age=\d+/);
    // A page still has exactly one CSP, its own with the nonce (the resource CSP a response starts with is replaced).
    const page = await rawRequest(base(baseURL), "GET", "/trials");
    expect(page.headers["content-security-policy"]).toMatch(/^default-src 'self'; script-src 'self' 'nonce-/);
    expect(page.headers["content-security-policy"]).not.toContain("default-src 'none'"); // Node joins a repeated header with ", "
  });

  test("an /api address no route answers is a JSON 404 with the API's CSP, not an HTML page", async ({ baseURL }) => {
    for (const path of ["/api/no-such-route", "/api", "/api/trials/NCT04822922/nothing", "/api/landscape/x"]) {
      const res = await rawRequest(base(baseURL), "GET", path);
      expect(res.status, path).toBe(404);
      expect(res.headers["content-type"], path).toMatch(/^application\/json/);
      expect(res.headers["content-security-policy"], path).toBe("default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'");
      expect(JSON.parse(res.body).error, path).toContain(`no API at ${path}`);
    }
    const head = await rawRequest(base(baseURL), "HEAD", "/api/no-such-route");
    expect(head.status).toBe(404);
  });

  test("a router-state header Next cannot parse is a 400, not a 500", async ({ baseURL }) => {
    for (const tree of ["%7B%22not%22%3A%22a%20tree", "[\"\",{\"children\":[\"__PAGE__\",{}]},null,null,true]"]) {
      for (const path of ["/trials", "/no-such-page", "/api/health"]) {
        const res = await rawRequest(base(baseURL), "GET", path, { RSC: "1", "Next-Router-State-Tree": tree });
        expect(res.status, `${path} ${tree.slice(0, 40)}`).toBe(400);
      }
    }
  });

  test("pages carry a fresh nonce, and Next's scripts carry it", async ({ baseURL }) => {
    const a = await rawRequest(base(baseURL), "GET", "/trials");
    const b = await rawRequest(base(baseURL), "GET", "/trials");
    const nonceOf = (csp: string | string[] | undefined) => String(csp).match(/'nonce-([^']+)'/)?.[1];
    const na = nonceOf(a.headers["content-security-policy"]);
    expect(na).toBeTruthy();
    expect(nonceOf(b.headers["content-security-policy"])).not.toBe(na);
    const scripts = [...a.body.matchAll(/<script\b[^>]*>/g)].map((m) => m[0]);
    expect(scripts.length).toBeGreaterThan(0);
    for (const s of scripts) expect(s).toContain(`nonce="${na}"`);
  });
});

/** CSP violations reported on the page, by the event and by the console. */
async function watchCsp(page: Page): Promise<string[]> {
  const violations: string[] = [];
  page.on("console", (m) => {
    if (/Content Security Policy|Content-Security-Policy/i.test(m.text())) violations.push(`console: ${m.text()}`);
  });
  await page.exposeFunction("__reportCsp", (v: string) => violations.push(`event: ${v}`));
  await page.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (e) => {
      (window as unknown as { __reportCsp: (v: string) => void }).__reportCsp(`${e.violatedDirective} ${e.blockedURI} ${e.sample}`);
    });
  });
  return violations;
}

test("the list, a trial and the comparison work under the CSP: no violation, hydrated, charts drawn", async ({ page }) => {
  const violations = await watchCsp(page);
  const errors: string[] = [];
  page.on("pageerror", (e) => errors.push(e.message));

  await page.goto("/trials");
  await expect(page.locator('form#search[data-enhanced="true"]')).toHaveCount(1);
  await page.getByRole("checkbox", { name: "Phase 3" }).check();
  await expect(page).toHaveURL(/phase=PHASE3/);
  await expect(page.getByTestId("total")).toHaveText("1");

  await page.goto("/trials/NCT04822922");
  await expect(page.getByTestId("trial-id")).toHaveText("NCT04822922");
  await page.waitForLoadState("networkidle");

  await page.goto("/compare?ids=NCT04822922,NCT05948982");
  await expect(page).toHaveURL(/weightKg=60/);
  const charts = page.locator("figure.chart-figure");
  await expect(charts.first()).toBeVisible();
  await drawAllCharts(page);
  await expect(charts.first().locator("svg.recharts-surface").first()).toBeVisible();
  expect(await page.locator("figure.chart-figure svg.recharts-surface").count()).toBeGreaterThan(1);
  await page.waitForLoadState("networkidle");

  await page.goto("/no-such-page");
  await expect(page.getByRole("heading", { name: "Page not found" })).toBeVisible();
  await page.waitForLoadState("networkidle");

  expect(violations).toEqual([]);
  expect(errors).toEqual([]);
});

test.describe("host header injection", () => {
  test("X-Forwarded-Host and Host never reach the HTML or a redirect", async ({ baseURL }) => {
    const evil = { "X-Forwarded-Host": "evil.example", "X-Forwarded-Proto": "https" };
    for (const path of ["/trials", "/trials/NCT04822922", "/compare?ids=NCT04822922,NCT05948982&weightKg=60", "/no-such-page"]) {
      const res = await rawRequest(base(baseURL), "GET", path, evil);
      expect(res.status, path).toBeLessThan(500);
      expect(res.body, path).not.toContain("evil.example");
      expect(JSON.stringify(res.headers), path).not.toContain("evil.example");
    }
    const trial = await rawRequest(base(baseURL), "GET", "/trials/NCT04822922", evil);
    expect(trial.body).toMatch(/<link rel="canonical" href="[^"]*\/trials\/NCT04822922"/);
    for (const path of ["/api/trials/nct04822922", "/trials/nct04822922", "/?q=hbv"]) {
      const res = await rawRequest(base(baseURL), "GET", path, { ...evil, Host: "evil.example" });
      expect(res.status, path).toBeGreaterThanOrEqual(300);
      expect(res.status, path).toBeLessThan(400);
      expect(res.headers.location ?? "", path).not.toContain("evil.example");
    }
  });
});
