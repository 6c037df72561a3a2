import { redirect } from "next/navigation";

// The registry's front page is the searchable list; "/" keeps any query it was given.
export default async function Home({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(await searchParams)) {
    for (const x of Array.isArray(v) ? v : v === undefined ? [] : [v]) params.append(k, x);
  }
  const qs = params.toString();
  redirect(qs ? `/trials?${qs}` : "/trials");
}
