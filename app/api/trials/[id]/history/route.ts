import { trialHistory } from "@/lib/data";

export const dynamic = "force-dynamic";

/** GET /api/trials/{id}/history: every version of a trial, newest first, with what each changed. */
export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const history = trialHistory(id);
  if (!history) return Response.json({ error: `no trial with id "${id}"`, parameter: "id" }, { status: 404 });
  return Response.json(history);
}
