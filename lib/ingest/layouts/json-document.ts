import { ImportError } from "../errors";

/** Reading a ClinicalTrials.gov JSON document: typed steps into unknown JSON, the parse with its line, the one study of an envelope. */

export type Json = Record<string, unknown>;

export const isObject = (v: unknown): v is Json => typeof v === "object" && v !== null && !Array.isArray(v);

/** `o.a.b.c` when each step is an object; undefined otherwise. */
export function at(o: unknown, ...keys: string[]): unknown {
  let v = o;
  for (const k of keys) v = isObject(v) ? v[k] : undefined;
  return v;
}

/** A non-empty string (trimmed), else null. Numbers and booleans are not text. */
export function text(v: unknown): string | null {
  return typeof v === "string" && v.trim() ? v.trim() : null;
}

/** Whether any object in `doc` has one of `keys` (as the text detector finds `"key":` anywhere). */
export function hasKey(doc: unknown, keys: readonly string[]): boolean {
  if (Array.isArray(doc)) return doc.some((d) => hasKey(d, keys));
  if (!isObject(doc)) return false;
  return Object.entries(doc).some(([k, v]) => keys.includes(k) || hasKey(v, keys));
}

/** The array at `v` (or [] for anything else). */
export function list(v: unknown): unknown[] {
  return Array.isArray(v) ? v : [];
}

/** The non-empty strings of an array. */
export function texts(v: unknown): string[] {
  return list(v).map(text).filter((t): t is string => t !== null);
}

/**
 * The JSON text → its document, or an ImportError naming the problem and, when the parser
 * says where, the line.
 */
export function parseJson(source: string, file: string): unknown {
  try {
    return JSON.parse(source);
  } catch (e) {
    const message = (e as Error).message;
    const pos = /position (\d+)/.exec(message);
    const line = pos ? source.slice(0, Number(pos[1])).split("\n").length : undefined;
    throw new ImportError(`not valid JSON: ${message}`, { file, line });
  }
}

/**
 * The one study a document holds: the document itself, the only element of an array, or
 * the only study of an envelope (`containers` names where each format keeps its list).
 * A document of several studies is read by the import command one study at a time.
 */
export function onlyStudy(doc: unknown, file: string, containers: ((d: Json) => unknown)[]): unknown {
  let items: unknown[] | null = Array.isArray(doc) ? doc : null;
  if (!items && isObject(doc)) {
    for (const c of containers) {
      const found = c(doc);
      if (Array.isArray(found)) items = found;
    }
  }
  if (!items) return doc;
  if (items.length === 1) return items[0];
  throw new ImportError(
    items.length === 0 ? "the document holds no study" : `the document holds ${items.length} studies; \`npm run import\` reads them one by one`,
    { file },
  );
}
