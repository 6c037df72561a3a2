import "server-only";
import type { SearchParams } from "../compare/params";
import { streamedJsonResponse, textStream } from "../http/json-stream";
import { landscapeCsvLines } from "./csv";
import { loadLandscape } from "./load";

/**
 * `GET /api/landscape?<the list's and the landscape's parameters>[&format=csv]`: the points
 * of the landscape (JSON: `{ weightKg, y, colour, points, noDose, band }`) or the CSV of them.
 * A bad parameter is a 400 `{ error }` naming it.
 */
export async function landscapeResponse(query: URLSearchParams): Promise<Response> {
  const sp: SearchParams = Object.create(null);
  for (const k of new Set(query.keys())) {
    const v = query.getAll(k);
    sp[k] = v.length > 1 ? v : v[0];
  }
  const format = query.get("format") ?? "json";
  if (format !== "json" && format !== "csv") return Response.json({ error: `format must be json or csv, got “${format}”` }, { status: 400 });
  const { problems, landscape: l } = await loadLandscape(sp, { summary: false }); // the answer has no summary in words
  if (problems.length) return Response.json({ error: problems[0] }, { status: 400 });
  if (format === "csv") {
    return new Response(textStream(landscapeCsvLines(l)), {
      headers: { "Content-Type": "text/csv; charset=utf-8", "Content-Disposition": `attachment; filename="msc-landscape_${String(l.weightKg).replace(".", "-")}kg.csv"` },
    });
  }
  return streamedJsonResponse({ weightKg: l.weightKg, y: l.y, colour: l.colour, band: l.band, points: l.points, noDose: l.noDose });
}
