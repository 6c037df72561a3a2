import { answerView } from "@/lib/data/view-pool";

export const dynamic = "force-dynamic";

/**
 * GET /api/landscape/chart?<the /landscape page's parameters>: the points the page's chart
 * draws, in columns (lib/landscape/page.ts, ChartWire). The page's own, not a contract:
 * /api/landscape is the landscape's API.
 */
export async function GET(request: Request) {
  return answerView({ kind: "landscape-chart", query: [...new URL(request.url).searchParams] });
}
