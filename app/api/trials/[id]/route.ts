import { trialResponse } from "@/lib/http/trial-response";

export const dynamic = "force-dynamic";

/** GET /api/trials/{id}: one record in the contract; a differently-cased id redirects. */
export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  return trialResponse(
    id,
    (canonical) => `/api/trials/${canonical}`,
    (trial) => Response.json(trial),
    () => Response.json({ error: `no trial with id "${id}"`, parameter: "id" }, { status: 404 }),
  );
}
