import { describe, expect, it } from "vitest";
import { commonHeaders, isAllowedMethod, isDecodablePath, isHttps, makeNonce, pageCsp, RESOURCE_CSP } from "@/lib/http/security-headers";
import { siteUrl } from "@/lib/http/site-url";

describe("security headers", () => {
  it("page CSP: nonce scripts, no inline script, no framing; style attributes only", () => {
    const csp = pageCsp("abc123", { https: false, development: false });
    expect(csp).toContain("script-src 'self' 'nonce-abc123' 'strict-dynamic'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("style-src 'self' 'unsafe-inline'");
    expect(csp).toContain("object-src 'none'");
    expect(csp).not.toMatch(/script-src[^;]*'unsafe-inline'/);
    expect(csp).not.toContain("unsafe-eval");
    expect(csp).not.toContain("upgrade-insecure-requests");
    expect(pageCsp("n", { https: true, development: false })).toContain("upgrade-insecure-requests");
    expect(pageCsp("n", { https: false, development: true })).toContain("'unsafe-eval'");
    expect(RESOURCE_CSP).toContain("frame-ancestors 'none'");
  });

  it("nonces are fresh and base64", () => {
    const a = makeNonce();
    expect(a).toMatch(/^[A-Za-z0-9+/]{22}==$/);
    expect(makeNonce()).not.toBe(a);
  });

  it("HSTS only over HTTPS; the other headers always", () => {
    const plain = commonHeaders({ https: false });
    expect(plain).toMatchObject({ "Referrer-Policy": "strict-origin-when-cross-origin", "X-Content-Type-Options": "nosniff" });
    expect(plain["Permissions-Policy"]).toMatch(/camera=\(\).*geolocation=\(\).*microphone=\(\)/);
    expect(plain).not.toHaveProperty("Strict-Transport-Security");
    expect(commonHeaders({ https: true })["Strict-Transport-Security"]).toMatch(/^max-age=\d+/);
    expect(isHttps(new URL("http://127.0.0.1/x"), null)).toBe(false);
    expect(isHttps(new URL("http://127.0.0.1/x"), "https, http")).toBe(true);
    expect(isHttps(new URL("https://example.org/"), null)).toBe(true);
  });

  it("methods and paths", () => {
    expect(["GET", "HEAD", "get"].every(isAllowedMethod)).toBe(true);
    expect(["TRACE", "POST", "OPTIONS", "DELETE", "FOO"].some(isAllowedMethod)).toBe(false);
    expect(isDecodablePath("/trials/NCT04822922")).toBe(true);
    expect(isDecodablePath("/trials/caf%C3%A9")).toBe(true);
    expect(isDecodablePath("/trials/%FF")).toBe(false);
    expect(isDecodablePath("/api/trials/%zz")).toBe(false);
  });
});

describe("siteUrl", () => {
  it("is SITE_URL, the dev address, or nothing: never a request header", () => {
    expect(siteUrl({ SITE_URL: "https://trials.example.org" })?.href).toBe("https://trials.example.org/");
    expect(siteUrl({ NODE_ENV: "development", PORT: "4000" })?.href).toBe("http://localhost:4000/");
    expect(siteUrl({ NODE_ENV: "production" })).toBeUndefined();
    expect(siteUrl({ SITE_URL: "not a url" })).toBeUndefined();
    expect(siteUrl({ SITE_URL: "javascript:alert(1)" })).toBeUndefined();
  });
});

describe("the Node server's guard", () => {
  it("starts every response with the security headers and the resource CSP (Next's own redirects carry them)", async () => {
    const { defaultHeaders } = await import("@/lib/http/node-guard");
    const plain = defaultHeaders({}, false);
    expect(plain).toEqual({ ...commonHeaders({ https: false }), "Content-Security-Policy": RESOURCE_CSP });
    expect(plain["X-Frame-Options"]).toBe("DENY");
    expect(plain).not.toHaveProperty("Strict-Transport-Security");
    expect(defaultHeaders({ "x-forwarded-proto": "https, http" }, false)["Strict-Transport-Security"]).toMatch(/^max-age=\d+/);
    expect(defaultHeaders({}, true)["Strict-Transport-Security"]).toMatch(/^max-age=\d+/);
  });

  it("refuses TRACE and unparseable router-state headers; lets the rest through", async () => {
    const { refusal } = await import("@/lib/http/node-guard");
    expect(refusal("TRACE", {})).toMatchObject({ status: 405 });
    expect(refusal("track", {})).toMatchObject({ status: 405 });
    expect(refusal("GET", { "next-router-state-tree": "%7B%22not" })).toMatchObject({ status: 400 });
    expect(refusal("GET", { "next-router-state-tree": '["",{"children":["__PAGE__",{}]},null,null,true]' })).toMatchObject({ status: 400 });
    expect(refusal("GET", { "next-router-state-tree": '["",{"children":["trials",{"children":["__PAGE__",{}]}]},null,null]' })).toBeNull();
    expect(refusal("GET", {})).toBeNull();
    expect(refusal("POST", {})).toBeNull(); // proxy.ts answers it (405)
  });
});
