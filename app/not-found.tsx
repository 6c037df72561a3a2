import Link from "next/link";
import { SearchBox } from "@/components/search/search-box";

export default function NotFound() {
  return (
    <div className="rounded-lg border border-slate-200 bg-white p-6">
      <h1 className="text-2xl font-semibold">Page not found</h1>
      <p className="mt-2 text-slate-700">
        Nothing lives at this address. Trials are listed under their NCT id (for example
        {" "}<Link href="/trials/NCT04822922" className="underline">NCT04822922</Link>) or a stable slug.
      </p>
      <SearchBox />
    </div>
  );
}
