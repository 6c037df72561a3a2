import { compareResponse } from "@/lib/compare/api";

export const dynamic = "force-dynamic";

export async function GET(request: Request) {
  return compareResponse(new URL(request.url).searchParams);
}
