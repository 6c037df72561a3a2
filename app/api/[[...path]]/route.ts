export const dynamic = "force-dynamic";

/**
 * Any address under /api that no route answers: a JSON 404 in the API's style (an HTML
 * page here would be refused its scripts by the API's CSP, and a client reads JSON).
 */
export function GET(request: Request) {
  const path = new URL(request.url).pathname;
  return Response.json({ error: `no API at ${path.slice(0, 200)}; the API answers /api/trials, /api/trials/{id}, /api/trials/{id}/fhir, /api/compare, /api/landscape, /api/screen and /api/health` }, { status: 404 });
}
