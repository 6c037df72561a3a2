import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { CompareView } from "@/components/compare/compare-view";
import { loadCompareView } from "@/lib/compare/load";
import type { RawParams } from "@/lib/url/params";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Compare trials" };

export default async function ComparePage({ searchParams }: { searchParams: Promise<RawParams> }) {
  const view = await loadCompareView(await searchParams);
  if (view.redirectTo) redirect(view.redirectTo);
  return <CompareView view={view} />;
}
