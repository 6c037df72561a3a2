import { trialWithHistory } from "@/lib/data";

export const dynamic = "force-dynamic";

/**
 * GET /api/trials/{id}/history: every version of a trial, newest first, with what each
 * changed (`versions: []` for a trial imported before versions were kept); 404 for no trial.
 */
export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const { trial, history } = await trialWithHistory(id); // one snapshot
  if (history) return Response.json(history);
  if (trial) return Response.json({ id, title: trial.title, versions: [] });
  return Response.json({ error: `no trial with id "${id}"`, parameter: "id" }, { status: 404 });
}
