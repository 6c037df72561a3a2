import "server-only";
import { getTrials } from "../data";
import { csvFilename, toCompareCsv } from "./csv";
import { resolveIds } from "./load";
import { parseApiParams, type SearchParams } from "./params";
import { shapeComparison, toCompareApi } from "./shape";

/**
 * `GET /api/compare?ids=A,B&weightKg=60[&format=csv]`: the shaped comparison in the order
 * of `ids` (1 to 6 trials). Problems are a 400 `{ error, parameter }`.
 */
export async function compareResponse(query: URLSearchParams): Promise<Response> {
  const sp: SearchParams = {};
  for (const k of new Set(query.keys())) {
    const v = query.getAll(k);
    sp[k] = v.length > 1 ? v : v[0];
  }
  const p = parseApiParams(sp);
  if (!p.ok) return Response.json({ error: p.error, parameter: p.parameter }, { status: 400 });
  const { found, unknown } = await resolveIds(p.ids);
  if (unknown.length) return Response.json({ error: `unknown trial id: ${unknown.join(", ")}`, parameter: "ids" }, { status: 400 });
  const comparison = shapeComparison(await getTrials(found), p.weightKg);
  if (p.format === "csv") {
    return new Response(toCompareCsv(comparison), {
      headers: {
        "Content-Type": "text/csv; charset=utf-8",
        "Content-Disposition": `attachment; filename="${csvFilename(found, p.weightKg)}"`,
      },
    });
  }
  return Response.json(toCompareApi(comparison));
}
