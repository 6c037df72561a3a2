import { redirect } from "next/navigation";
import { toSearchParams, type RawParams } from "@/lib/url/params";

// The registry's front page is the searchable list; "/" keeps any query it was given.
export default async function Home({ searchParams }: { searchParams: Promise<RawParams> }) {
  const qs = toSearchParams(await searchParams).toString();
  redirect(qs ? `/trials?${qs}` : "/trials");
}
