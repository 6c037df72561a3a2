import type { Metadata } from "next";
import { LandscapeView } from "@/components/landscape/landscape-view";
import type { RawParams } from "@/lib/url/params";
import { loadLandscapePage } from "@/lib/landscape/load";

export const dynamic = "force-dynamic";
export const metadata: Metadata = {
  title: "Dose landscape",
  description: "Every MSC arm of the current search on one chart: cells per kg per infusion against infusions or cumulative dose.",
};

export default async function LandscapePage({ searchParams }: { searchParams: Promise<RawParams> }) {
  return <LandscapeView view={await loadLandscapePage(await searchParams)} />;
}
