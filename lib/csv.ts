/**
 * CSV as the exports write it (the comparison's and the landscape's): a value not reported
 * is an EMPTY cell, never "0", so spreadsheets read the column as numbers and the empty cell
 * as missing; numbers are written in full. Rows end in CRLF.
 */
export type CsvValue = string | number | boolean | null | undefined;

/** One cell: quoted when it holds a comma, a quote or a line break (quotes doubled). */
export function csvCell(v: CsvValue): string {
  if (v === null || v === undefined) return "";
  // Text from a record that starts like a formula (=, +, -, @) is prefixed with ' so a
  // spreadsheet shows it instead of running it; numbers are written as they are.
  const s = typeof v === "string" && /^[=+\-@\t\r]/.test(v) ? `'${v}` : String(v);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** One row, without its line end. */
export function csvRow(values: readonly CsvValue[]): string {
  return values.map(csvCell).join(",");
}
