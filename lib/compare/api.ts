import "server-only";
import { csvFilename, toCompareCsv } from "./csv";
import { readComparison } from "../data";
import { fromSearchParams } from "../url/params";
import { MAX_TRIALS, MIN_TRIALS, parseApiParams } from "./params";
import { shapeComparison, toCompareApi } from "./shape";

/**
 * `GET /api/compare?ids=A,B&weightKg=60[&format=csv]`: the shaped comparison in the order
 * of `ids` (2 to 6 distinct trials). Problems are a 400 `{ error, parameter }`.
 */
export async function compareResponse(query: URLSearchParams): Promise<Response> {
  const p = parseApiParams(fromSearchParams(query));
  if (!p.ok) return Response.json({ error: p.error, parameter: p.parameter }, { status: 400 });
  // The ids and the records from one snapshot.
  const { found, unknown, records } = await readComparison(p.ids, (found, unknown) => (unknown.length || found.length < MIN_TRIALS ? null : "records"));
  if (unknown.length) return Response.json({ error: `unknown trial id: ${unknown.join(", ")}`, parameter: "ids" }, { status: 400 });
  // Two spellings of one trial (an id and its slug, say) are still one trial.
  if (found.length < MIN_TRIALS) return Response.json({ error: `give ${MIN_TRIALS} to ${MAX_TRIALS} distinct trials; these ids name only ${found.join(", ")}`, parameter: "ids" }, { status: 400 });
  const comparison = shapeComparison(records ?? [], p.weightKg);
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
