/**
 * A page's query string as an object, the one shape every view parses: Next.js hands a page
 * its `searchParams` so, and the API routes and the view worker build it with
 * `fromSearchParams`. A key given once is a string, given more than once an array.
 */
export type RawParams = Record<string, string | string[] | undefined>;

/** A parameter that could not be used, named, with why in words. */
export interface ParamProblem<P extends string = string> {
  parameter: P;
  message: string;
}

/** Every value of a parameter, in order. */
export const all = (v: string | string[] | undefined): string[] => (v === undefined ? [] : Array.isArray(v) ? v : [v]);
/** The first value of a parameter given more than once. */
export const first = (v: string | string[] | undefined): string | undefined => all(v)[0];

/**
 * A parameter's value, read only from the query's own keys: `?constructor=1` or
 * `?__proto__=x` must not reach inherited properties of the object.
 */
export function own(sp: RawParams, key: string): string | string[] | undefined {
  if (!Object.hasOwn(sp, key)) return undefined;
  const v = sp[key];
  return typeof v === "string" || Array.isArray(v) ? v : undefined;
}

/**
 * A query (a URLSearchParams, or its pairs) as RawParams. No prototype: a parameter named
 * `__proto__` or `constructor` is just an unused key.
 */
export function fromSearchParams(query: URLSearchParams | Iterable<[string, string]>): RawParams {
  const sp: RawParams = Object.create(null);
  for (const [k, v] of query) {
    const had = sp[k];
    sp[k] = had === undefined ? v : Array.isArray(had) ? [...had, v] : [had, v];
  }
  return sp;
}

/** RawParams as URLSearchParams, in their order; `omit`: keys left out. */
export function toSearchParams(sp: RawParams, omit: readonly string[] = []): URLSearchParams {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(sp)) if (!omit.includes(k)) for (const x of all(v)) q.append(k, x);
  return q;
}

/** RawParams as a query string, in their order, commas left readable (`ids=A,B`). */
export function toQuery(sp: RawParams): string {
  return readableCommas(toSearchParams(sp).toString());
}

/** Commas are safe in a query and keep an address readable: `ids=A,B`, not `ids=A%2CB`. */
export function readableCommas(query: string): string {
  return query.replace(/%2C/g, ",");
}
