import { findCanonicalId, getTrial } from "@/lib/data";
import { notFoundOutcome } from "@/lib/fhir/bundle";
import { toResearchStudy } from "@/lib/fhir/research-study";
import { FHIR_JSON } from "@/lib/fhir/urls";

export const dynamic = "force-dynamic";

const fhir = (body: unknown, status = 200) =>
  new Response(JSON.stringify(body), { status, headers: { "Content-Type": FHIR_JSON } });

/** GET /api/trials/{id}/fhir: one trial as a FHIR R4 ResearchStudy; a differently-cased id redirects. */
export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const trial = await getTrial(id);
  if (trial) return fhir(toResearchStudy(trial));
  const canonical = await findCanonicalId(id);
  if (canonical && canonical !== id) {
    // A relative Location: the request's Host header must not choose where it points.
    return new Response(null, { status: 308, headers: { Location: `/api/trials/${encodeURIComponent(canonical)}/fhir` } });
  }
  return fhir(notFoundOutcome(id), 404);
}
