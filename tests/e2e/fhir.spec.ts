import { expect, test } from "@playwright/test";

// The FHIR route over HTTP against the production build (the mapping itself is
// unit-tested, with schema validation, in tests/unit/fhir/research-study.test.ts).
test.describe("GET /api/trials/{id}/fhir", () => {
  test("answers a ResearchStudy as application/fhir+json with the security headers", async ({ request }) => {
    const res = await request.get("/api/trials/NCT04822922/fhir");
    expect(res.status()).toBe(200);
    expect(res.headers()["content-type"]).toBe("application/fhir+json; charset=utf-8");
    expect(res.headers()["x-content-type-options"]).toBe("nosniff");
    const study = await res.json();
    expect([study.resourceType, study.id, study.status, study.phase.coding[0].code]).toEqual(["ResearchStudy", "NCT04822922", "approved", "phase-2"]);
    expect(study.identifier[0]).toEqual({ use: "official", system: "https://clinicaltrials.gov", value: "NCT04822922" });
    expect(study.arm).toHaveLength(3);
    expect(study.enrollment[0].reference).toBe("#eligibility");
  });

  test("a differently-cased id redirects to the canonical address", async ({ request }) => {
    const res = await request.get("/api/trials/nct04822922/fhir", { maxRedirects: 0 });
    expect(res.status()).toBe(308);
    expect(res.headers().location).toBe("/api/trials/NCT04822922/fhir");
  });

  test("an unknown id is a 404 OperationOutcome, also in FHIR's media type", async ({ request }) => {
    const res = await request.get("/api/trials/NCT00000000/fhir");
    expect(res.status()).toBe(404);
    expect(res.headers()["content-type"]).toBe("application/fhir+json; charset=utf-8");
    expect(await res.json()).toEqual({
      resourceType: "OperationOutcome",
      issue: [{ severity: "error", code: "not-found", diagnostics: 'no trial with id "NCT00000000" (parameter: id)' }],
    });
  });
});
