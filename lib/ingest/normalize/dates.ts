const MONTHS = [
  "january", "february", "march", "april", "may", "june",
  "july", "august", "september", "october", "november", "december",
];

function month(name: string): number | null {
  const n = name.toLowerCase();
  const i = MONTHS.findIndex((m) => m === n || (n.length >= 3 && m.startsWith(n)));
  return i < 0 ? null : i + 1;
}

const pad = (n: number) => String(n).padStart(2, "0");

function validDay(y: number, m: number, d: number): boolean {
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

/**
 * Registry dates to ISO: `"September 30, 2021"` → `"2021-09-30"`, `"July 2021"` → `"2021-07"`,
 * `"2023-09-30"` unchanged, `"30 September 2021"`. Null for anything else (or an impossible day).
 */
export function normalizeDate(text: string): string | null {
  const t = text.trim().replace(/\s+/g, " ");
  let m = /^(\d{4})-(\d{2})(?:-(\d{2}))?$/.exec(t);
  if (m) {
    const [y, mo, d] = [Number(m[1]), Number(m[2]), m[3] ? Number(m[3]) : null];
    if (mo < 1 || mo > 12) return null;
    if (d !== null && !validDay(y, mo, d)) return null;
    return t;
  }
  m = /^([A-Za-z]+)\.? (\d{1,2}),? (\d{4})$/.exec(t);
  if (m) {
    const mo = month(m[1]!);
    const [d, y] = [Number(m[2]), Number(m[3])];
    return mo && validDay(y, mo, d) ? `${y}-${pad(mo)}-${pad(d)}` : null;
  }
  m = /^(\d{1,2}) ([A-Za-z]+)\.?,? (\d{4})$/.exec(t);
  if (m) {
    const mo = month(m[2]!);
    const [d, y] = [Number(m[1]), Number(m[3])];
    return mo && validDay(y, mo, d) ? `${y}-${pad(mo)}-${pad(d)}` : null;
  }
  m = /^([A-Za-z]+)\.?,? (\d{4})$/.exec(t);
  if (m) {
    const mo = month(m[1]!);
    return mo ? `${m[2]}-${pad(mo)}` : null;
  }
  return null;
}
