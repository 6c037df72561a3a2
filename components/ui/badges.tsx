import { label } from "@/lib/format";

const STATUS_STYLE: Record<string, string> = {
  RECRUITING: "bg-green-100 text-green-900 ring-green-300",
  NOT_YET_RECRUITING: "bg-sky-100 text-sky-900 ring-sky-300",
  COMPLETED: "bg-slate-200 text-slate-900 ring-slate-300",
  UNKNOWN: "bg-amber-100 text-amber-900 ring-amber-300",
};

export function StatusBadge({ status }: { status: string | null }) {
  return (
    <span className={`inline-block rounded px-2 py-0.5 text-xs font-medium ring-1 ${STATUS_STYLE[status ?? ""] ?? "bg-slate-100 text-slate-800 ring-slate-300"}`}>
      {status ? label(status) : "Status not reported"}
    </span>
  );
}

export function NotReported({ children = "not reported" }: { children?: React.ReactNode }) {
  return <span className="italic text-slate-600">{children}</span>;
}

/** A value that was not read straight from the source: estimated, derived or curated. */
export function Mark({ kind, title }: { kind: "estimated" | "derived" | "curated"; title: string }) {
  const style = {
    estimated: "border-estimated text-estimated",
    derived: "border-derived text-derived",
    curated: "border-curated text-curated",
  }[kind];
  return (
    <abbr title={title} className={`ml-1 inline-block cursor-help rounded border px-1 text-[0.7rem] font-medium uppercase leading-4 no-underline ${style}`}>
      {kind}
    </abbr>
  );
}

/** A value, or the "not reported" mark when there is none. */
export const orNotReported = (v: React.ReactNode) => (v === null || v === undefined || v === "" ? <NotReported /> : v);

/** An enum value in words, or the "not reported" mark. */
export const enumOrNotReported = (v: string | null) => (v === null ? <NotReported /> : label(v));
