import { notFoundOutcome } from "@/lib/fhir/bundle";
import { toResearchStudy } from "@/lib/fhir/research-study";
import { FHIR_JSON } from "@/lib/fhir/urls";
import { trialResponse } from "@/lib/http/trial-response";

export const dynamic = "force-dynamic";

const fhir = (body: unknown, status = 200) =>
  new Response(JSON.stringify(body), { status, headers: { "Content-Type": FHIR_JSON } });

/** GET /api/trials/{id}/fhir: one trial as a FHIR R4 ResearchStudy; a differently-cased id redirects. */
export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  return trialResponse(
    id,
    (canonical) => `/api/trials/${canonical}/fhir`,
    (trial) => fhir(toResearchStudy(trial)),
    () => fhir(notFoundOutcome(id), 404),
  );
}
