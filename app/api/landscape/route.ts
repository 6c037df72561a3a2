import { landscapeResponse } from "@/lib/landscape/api";

export const dynamic = "force-dynamic";

export async function GET(request: Request) {
  return landscapeResponse(new URL(request.url).searchParams);
}
