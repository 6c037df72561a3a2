import { countTrials } from "@/lib/data";

export const dynamic = "force-dynamic";

export async function GET() {
  return Response.json({ ok: true, trials: await countTrials() });
}
