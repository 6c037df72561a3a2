import Link from "next/link";
import { getAllTrials } from "@/lib/data";

export const dynamic = "force-dynamic";

export default async function TrialsPage() {
  const trials = await getAllTrials();
  return (
    <div>
      <h1 className="text-2xl font-semibold">Trials</h1>
      <ul className="mt-4 space-y-2">
        {trials.map((t) => (
          <li key={t.id}>
            <Link href={`/trials/${t.id}`}>{t.id}</Link> — {t.title ?? "Untitled"}
          </li>
        ))}
      </ul>
    </div>
  );
}
