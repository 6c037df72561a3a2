import "server-only";
import { answerView } from "../data/view-pool";

/**
 * `GET /api/landscape?<the list's and the landscape's parameters>[&format=csv]`: the points
 * of the landscape (JSON: `{ weightKg, y, colour, points, noDose, band }`) or the CSV of them.
 * A bad parameter is a 400 `{ error }` naming it. Read and written on a view worker
 * (lib/data/view-jobs.ts); the answer's bytes are passed on here.
 */
export async function landscapeResponse(query: URLSearchParams): Promise<Response> {
  return answerView({ kind: "landscape-api", query: [...query] });
}
