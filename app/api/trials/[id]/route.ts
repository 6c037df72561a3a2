import { findCanonicalId, getTrial } from "@/lib/data";

export const dynamic = "force-dynamic";

/** GET /api/trials/{id}: one record in the contract; a differently-cased id redirects. */
export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const trial = await getTrial(id);
  if (trial) return Response.json(trial);
  const canonical = await findCanonicalId(id);
  if (canonical && canonical !== id) {
    // A relative Location: the request's Host header must not choose where it points.
    return new Response(null, { status: 308, headers: { Location: `/api/trials/${encodeURIComponent(canonical)}` } });
  }
  return Response.json({ error: `no trial with id "${id}"`, parameter: "id" }, { status: 404 });
}
