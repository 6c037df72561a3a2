/**
 * `npm run check:sites [DIR…]`: the sites and publications of the ClinicalTrials.gov records
 * in ../shared/ctgov/{classic,msc-other,v2,xml}, as the importer reads them: how many sites
 * got coordinates from the record (API v2 geoPoint), from the gazetteer (approximate), or
 * none (a city naming several places: ambiguous; not found; no city); their countries as
 * ISO codes; references by type; results posted. Then each ambiguous and unmatched site.
 */
import fs from "node:fs";
import path from "node:path";
import { importSource } from "../lib/ingest/pipeline";
import type { TrialRecord } from "../lib/record/schema";
import { match } from "../lib/geo/gazetteer";
import { distanceKm } from "../lib/geo/distance";

const given = process.argv.slice(2);
const dirs = (given.length ? given : ["../shared/ctgov/classic", "../shared/ctgov/msc-other", "../shared/ctgov/v2", "../shared/ctgov/xml"]).map((d) => path.resolve(d));

const count = { records: 0, failed: 0, sites: 0, record: 0, gazetteer: 0, ambiguous: 0, notFound: 0, noCity: 0, countryCode: 0, noCountryCode: 0, withStatus: 0, withContacts: 0 };
const refTypes = new Map<string, number>();
const results = { posted: 0, notPosted: 0, unknown: 0, withDate: 0 };
const refsListed = { listed: 0, none: 0, notInLayout: 0 };
const unplaced: string[] = [];
/** The gazetteer checked against the record's own coordinates: km between them, for the sites that have both. */
const check = { matched: 0, ambiguous: 0, notFound: 0, km: [] as number[] };
const started = performance.now();

for (const dir of dirs) {
  for (const file of fs.readdirSync(dir).filter((f) => /\.(?:json|xml)$/i.test(f)).sort()) {
    let r: TrialRecord;
    try {
      r = importSource(fs.readFileSync(path.join(dir, file)), file).record;
    } catch (e) {
      count.failed++;
      console.log(`refused ${path.basename(dir)}/${file}: ${(e as Error).message}`);
      continue;
    }
    count.records++;
    for (const l of r.locations) {
      count.sites++;
      if (l.countryCode) count.countryCode++;
      else count.noCountryCode++;
      if (l.status) count.withStatus++;
      if (l.contacts?.length) count.withContacts++;
      const g = l.geo;
      if (!g) count.noCity++;
      else if (g.source === "record") {
        count.record++;
        const m = match(l.city, l.country, l.region);
        if (m.status === "matched") (check.matched++, check.km.push(distanceKm({ lat: m.lat!, lon: m.lon! }, { lat: g.lat!, lon: g.lon! })));
        else if (m.status === "ambiguous") check.ambiguous++;
        else check.notFound++;
      }
      else if (g.status === "matched") count.gazetteer++;
      else {
        if (g.status === "ambiguous") count.ambiguous++;
        else count.notFound++;
        unplaced.push(`${g.status.padEnd(9)} ${r.id}  ${[l.facility, l.city, l.region, l.country].map((x) => x ?? "—").join(" | ")}${g.candidates ? `  (${g.candidates} places)` : ""}`);
      }
    }
    if (r.references === undefined) refsListed.notInLayout++;
    else if (r.references.length === 0) refsListed.none++;
    else refsListed.listed++;
    for (const ref of r.references ?? []) refTypes.set(ref.type ?? "not stated", (refTypes.get(ref.type ?? "not stated") ?? 0) + 1);
    if (!r.results) results.unknown++;
    else if (r.results.posted) (results.posted++, r.results.firstPosted && results.withDate++);
    else results.notPosted++;
  }
}

const pct = (n: number) => `${((100 * n) / Math.max(1, count.sites)).toFixed(1)}%`;
console.log(`records: ${count.records} read, ${count.failed} refused, from ${dirs.map((d) => path.relative(process.cwd(), d)).join(", ")}`);
console.log(`sites: ${count.sites}`);
console.log(`  coordinates from the record (geoPoint): ${count.record} (${pct(count.record)})`);
console.log(`  coordinates from the gazetteer (approximate): ${count.gazetteer} (${pct(count.gazetteer)})`);
console.log(`  none: ${count.ambiguous + count.notFound + count.noCity} (${pct(count.ambiguous + count.notFound + count.noCity)}): ambiguous ${count.ambiguous}, not found ${count.notFound}, no city ${count.noCity}`);
console.log(`  country as an ISO code: ${count.countryCode}, not a known country: ${count.noCountryCode}; own status: ${count.withStatus}; own contacts: ${count.withContacts}`);
console.log(`references: ${[...refTypes].map(([t, n]) => `${t} ${n}`).join(", ")} (total ${[...refTypes.values()].reduce((a, b) => a + b, 0)})`);
console.log(`records listing references: ${refsListed.listed}, listing none: ${refsListed.none}, layout without references: ${refsListed.notInLayout}`);
console.log(`results: posted ${results.posted} (${results.withDate} with a first-posted date), not posted ${results.notPosted}, not stated ${results.unknown}`);
const km = [...check.km].sort((a, b) => a - b);
const q = (p: number) => (km.length ? km[Math.min(km.length - 1, Math.floor(p * km.length))]!.toFixed(1) : "–");
console.log(`gazetteer against the record's geoPoint (${count.record} sites): matched ${check.matched} (distance km: median ${q(0.5)}, 95th percentile ${q(0.95)}, max ${km.length ? km[km.length - 1]!.toFixed(1) : "–"}; within 1 km: ${km.filter((d) => d < 1).length}), ambiguous ${check.ambiguous}, not found ${check.notFound}`);
console.log(`time: ${((performance.now() - started) / 1000).toFixed(1)} s (the gazetteer's first load included)`);
if (unplaced.length) console.log(`\nsites without coordinates:\n${unplaced.join("\n")}`);
