import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { SaxesParser } from "saxes";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { findTrialsNow } from "@/lib/data/search";
import { openDatabase } from "@/lib/db/sqlite";
import { escapeXml, rfc3339 } from "@/lib/feed/atom";
import { verifiedBucket } from "@/lib/history/freshness";
import { importFiles } from "@/lib/import/run-import";
import { parseSearchParams } from "@/lib/search/params";
import { scratchDatabase, type ScratchDb } from "@/tests/helpers/db";

vi.mock("server-only", () => ({}));

/**
 * The Atom feed of a search (GET /trials/feed?…) and of one trial: the real records of
 * ../shared/ctgov/classic imported, then two trials of a filtered search and one outside it
 * changed. The feed holds the search's trials only, the changed ones first, newest first,
 * each saying what changed; it is Atom 1.0 as RFC 4287 asks of what we rely on.
 */

const CLASSIC = path.join(process.cwd(), "..", "shared", "ctgov", "classic");
const SEARCH = "status=RECRUITING&q=cord";
let scratch: ScratchDb;
let dir: string;
let inSearch: string[];
let changed: string[];
let outside: string;

function withEnrollment(id: string, count: number): string {
  const doc = JSON.parse(fs.readFileSync(path.join(CLASSIC, `${id}.json`), "utf8"));
  const p = (doc.FullStudiesResponse ? doc.FullStudiesResponse.FullStudies[0].Study : doc.Study ?? doc).ProtocolSection;
  p.DesignModule.EnrollmentInfo.EnrollmentCount = String(count);
  const file = path.join(dir, `${id}.json`);
  fs.writeFileSync(file, JSON.stringify(doc));
  return file;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

beforeAll(async () => {
  scratch = scratchDatabase("feed");
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "msc-feed-"));
  const db = openDatabase(scratch.url);
  expect(importFiles(db, [CLASSIC], {}).filter((r) => !r.ok)).toEqual([]);
  process.env.DATABASE_URL = scratch.url;
  const q = parseSearchParams(new URLSearchParams(SEARCH)).query;
  inSearch = (await findTrialsNow({ ...q, pageSize: 100 })).ids;
  const all = (await findTrialsNow(parseSearchParams(new URLSearchParams("pageSize=100")).query)).ids;
  expect(inSearch.length).toBeGreaterThanOrEqual(3);
  outside = all.find((id) => !inSearch.includes(id))!;
  changed = [inSearch[2]!, inSearch[0]!];
  // One change outside the search, then the two inside, in this order.
  for (const id of [outside, ...changed]) {
    await sleep(5);
    expect(importFiles(db, [withEnrollment(id, 777)], {})[0]!.ok).toBe(true);
  }
  db.close();
});
afterAll(() => {
  scratch.cleanup();
  fs.rmSync(dir, { recursive: true, force: true });
});

interface Node { name: string; attrs: Record<string, string>; text: string; children: Node[] }

/** The document as a tree (saxes: well-formedness errors throw). */
function parseXml(xml: string): Node {
  const parser = new SaxesParser({ xmlns: true });
  const root: Node = { name: "#doc", attrs: {}, text: "", children: [] };
  const stack = [root];
  parser.on("opentag", (t) => {
    const node: Node = { name: t.local!, attrs: Object.fromEntries(Object.entries(t.attributes).map(([k, a]) => [k, (a as { value: string }).value])), text: "", children: [] };
    if (t.uri !== "http://www.w3.org/2005/Atom") throw new Error(`element ${t.name} outside the Atom namespace`);
    stack.at(-1)!.children.push(node);
    stack.push(node);
  });
  parser.on("text", (t) => (stack.at(-1)!.text += t));
  parser.on("closetag", () => void stack.pop());
  parser.write(xml).close();
  return root.children[0]!;
}

const RFC3339 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;
const kids = (n: Node, name: string) => n.children.filter((c) => c.name === name);
const one = (n: Node, name: string) => {
  const found = kids(n, name);
  expect(found, `exactly one atom:${name} in atom:${n.name}`).toHaveLength(1);
  return found[0]!;
};

/** The RFC 4287 rules the feed relies on (4.1.1, 4.1.2, 4.2.6, 4.2.7, 4.2.14, 4.2.15, 3.3). */
function checkAtom(feed: Node): void {
  expect(feed.name).toBe("feed");
  expect(one(feed, "id").text).toMatch(/^[a-z][a-z0-9+.-]*:\S+$/); // an IRI
  expect(one(feed, "title").text.length).toBeGreaterThan(0);
  expect(one(feed, "updated").text).toMatch(RFC3339);
  expect(kids(one(feed, "author"), "name")).toHaveLength(1);
  expect(kids(feed, "link").filter((l) => l.attrs.rel === "self")).toHaveLength(1);
  expect(kids(feed, "link").filter((l) => (l.attrs.rel ?? "alternate") === "alternate" && !l.attrs.type?.includes("atom"))).toHaveLength(1);
  const ids = new Set<string>();
  for (const e of kids(feed, "entry")) {
    const id = one(e, "id").text;
    expect(id).toMatch(/^[a-z][a-z0-9+.-]*:\S+$/);
    expect(ids.has(id)).toBe(false);
    ids.add(id);
    expect(one(e, "title").text.length).toBeGreaterThan(0);
    expect(one(e, "updated").text).toMatch(RFC3339);
    expect(kids(e, "link").filter((l) => (l.attrs.rel ?? "alternate") === "alternate")).toHaveLength(1);
    expect(one(e, "summary").text.length).toBeGreaterThan(0);
  }
}

async function get(url: string): Promise<Response> {
  const { GET } = await import("@/app/trials/feed/route");
  return GET(new Request(`http://localhost${url}`));
}

describe("the feed of a search", () => {
  it("holds exactly the search's trials, the changed ones first, newest first, each saying what changed", async () => {
    const res = await get(`/trials/feed?${SEARCH}`);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("application/atom+xml; charset=utf-8");
    const feed = parseXml(await res.text());
    checkAtom(feed);
    const entries = kids(feed, "entry");
    const idOf = (e: Node) => /trials\/([^/]+)\/versions/.exec(one(e, "id").text)![1]!;
    expect(entries.map(idOf).sort()).toEqual([...inSearch].sort());
    expect(entries.slice(0, 2).map(idOf)).toEqual([changed[1], changed[0]]);
    expect(entries.slice(0, 2).map((e) => one(e, "title").text)).toEqual(
      [changed[1], changed[0]].map((id) => expect.stringMatching(new RegExp(`^Changed \\(version 2\\): ${id}`))));
    expect(one(entries[0]!, "summary").text).toMatch(/^Enrollment: \d+ participants \(\w+\) → 777 participants/);
    expect(entries.slice(2).every((e) => one(e, "title").text.startsWith("New: "))).toBe(true);
    expect(entries.map(idOf)).not.toContain(outside);
    expect(one(entries[0]!, "id").text).toBe(`tag:msc-liver-registry,2026:trials/${changed[1]}/versions/2`);
    expect(kids(entries[0]!, "link")[0]!.attrs.href).toBe(`/trials/${changed[1]}/versions/2`);
    const updated = entries.map((e) => one(e, "updated").text);
    expect([...updated].sort().reverse()).toEqual(updated);
    expect(one(feed, "updated").text).toBe(updated[0]);
  });

  it("an unknown parameter is a 400 naming it, a bad value a 400 naming the parameter", async () => {
    const res = await get("/trials/feed?status=RECRUITING&colour=red");
    expect(res.status).toBe(400);
    expect(await res.text()).toBe('Bad request: unknown parameter "colour"\n');
    const bad = await get("/trials/feed?phase=PHASE9");
    expect(bad.status).toBe(400);
    expect(await bad.text()).toMatch(/^Bad request: phase: /);
  });

  it("the feed of one trial lists its versions, newest first", async () => {
    const { GET } = await import("@/app/trials/[id]/feed/route");
    const res = await GET(new Request(`http://localhost/trials/${changed[0]}/feed`), { params: Promise.resolve({ id: changed[0]! }) });
    const feed = parseXml(await res.text());
    checkAtom(feed);
    expect(kids(feed, "entry").map((e) => one(e, "title").text.replace(/:.*/, ""))).toEqual(["Changed (version 2)", `New`]);
  });
});

describe("the freshness facet", () => {
  it("counts and filters the trials by when their status was last verified, as their records state it", async () => {
    const db = openDatabase(scratch.url);
    const stated = db.prepare("SELECT id, statusVerified FROM Trial").all() as { id: string; statusVerified: string | null }[];
    db.close();
    const now = Date.now();
    const expected = { "1y": 0, "2y": 0, older: 0 } as Record<string, number>;
    for (const t of stated) {
      const b = verifiedBucket(t.statusVerified, now);
      if (b === "1y") expected["1y"]!++;
      if (b === "1y" || b === "2y") expected["2y"]!++;
      if (b === "older") expected.older!++;
    }
    expect(stated.filter((t) => t.statusVerified === null)).toEqual([]);
    expect(expected.older).toBe(stated.length); // the classic records were all last verified before 2024
    const all = (await findTrialsNow(parseSearchParams(new URLSearchParams("pageSize=100")).query));
    expect(all.facets.verified).toEqual(Object.entries(expected).filter(([, c]) => c > 0).map(([value, count]) => ({ value, count })));
    expect((await findTrialsNow(parseSearchParams(new URLSearchParams("verified=older")).query)).total).toBe(stated.length);
    expect((await findTrialsNow(parseSearchParams(new URLSearchParams("verified=1y,2y")).query)).total).toBe(0);
  });
});

describe("the Atom writer", () => {
  it("escapes markup and drops characters XML forbids", () => {
    expect(escapeXml(`<b>"A" & 'B'</b>\u0001`)).toBe("&lt;b&gt;&quot;A&quot; &amp; &apos;B&apos;&lt;/b&gt;");
    expect(rfc3339("2026-12-07T04:30:00.123Z")).toBe("2026-12-07T04:30:00Z");
  });
});
