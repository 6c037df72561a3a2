/**
 * Country names ↔ ISO 3166-1 alpha-2 codes, offline: the English names come from the
 * runtime's own CLDR data (Intl.DisplayNames), plus the spellings the registries use
 * ("Korea, Republic of", "Iran, Islamic Republic of", "Russian Federation", "Türkiye",
 * "Czech Republic", ICTRP's "Turkey"…). A name that is not a country ("Europe", "Wuhan",
 * "Former Serbia and Montenegro") has no code: never guessed.
 */

/** Codes Intl names that are not countries (EU, UN, pseudo-regions) or no longer exist (CS). */
// FX (metropolitan France) and UK (the reserved code) would shadow FR and GB; EA, IC, DG, TA, AC, CP are parts of others.
const NOT_COUNTRIES = new Set(["EU", "EZ", "UN", "QO", "ZZ", "XA", "XB", "CS", "AN", "FX", "UK", "EA", "IC", "DG", "TA", "AC", "CP"]);

/** Plainer names than CLDR's for a few places ("Hong Kong SAR China"). */
const PLAIN: Record<string, string> = {
  HK: "Hong Kong", MO: "Macao", CD: "Democratic Republic of the Congo", CG: "Republic of the Congo",
  PS: "Palestine", MM: "Myanmar", CI: "Côte d'Ivoire",
};

/** The registries' own spellings (ClinicalTrials.gov's ISO-style names, ICTRP's, common short forms). */
const ALIASES: Record<string, string> = {
  "korea, republic of": "KR", "republic of korea": "KR", "korea": "KR", "south korea": "KR",
  "korea, democratic people's republic of": "KP", "north korea": "KP",
  "iran, islamic republic of": "IR", "islamic republic of iran": "IR",
  "russian federation": "RU", "viet nam": "VN", "czech republic": "CZ", "turkey": "TR", "turkey (turkiye)": "TR", "turkiye": "TR",
  "macedonia, the former yugoslav republic of": "MK", "macedonia": "MK", "former yugoslav republic of macedonia": "MK",
  "syrian arab republic": "SY", "tanzania, united republic of": "TZ", "moldova, republic of": "MD",
  "congo, the democratic republic of the": "CD", "democratic republic of the congo": "CD", "congo": "CG", "republic of the congo": "CG",
  "lao people's democratic republic": "LA", "libyan arab jamahiriya": "LY", "bolivia, plurinational state of": "BO",
  "venezuela, bolivarian republic of": "VE", "cote d'ivoire": "CI", "ivory coast": "CI",
  "palestinian territory, occupied": "PS", "palestinian territories": "PS", "palestine, state of": "PS",
  "taiwan, province of china": "TW", "hong kong": "HK", "macau": "MO", "macao": "MO",
  "usa": "US", "u.s.a.": "US", "u.s.": "US", "united states of america": "US",
  "uk": "GB", "u.k.": "GB", "great britain": "GB", "england": "GB", "scotland": "GB", "wales": "GB", "northern ireland": "GB",
  "united kingdom of great britain and northern ireland": "GB",
  "people's republic of china": "CN", "p.r. china": "CN", "pr china": "CN", "p. r. china": "CN", "mainland china": "CN",
  "the netherlands": "NL", "holland": "NL", "swaziland": "SZ", "burma": "MM",
  "micronesia, federated states of": "FM", "virgin islands (u.s.)": "VI", "virgin islands (british)": "VG",
  "holy see (vatican city state)": "VA", "brunei darussalam": "BN", "cape verde": "CV", "east timor": "TL",
};

/** Lower case, no accents, one space, typographic apostrophes plain: the key of a name. */
export function nameKey(name: string): string {
  return name.normalize("NFD").replace(/\p{M}/gu, "").replace(/[’‘`]/g, "'").replace(/\s*&\s*/g, " and ").toLowerCase().replace(/\s+/g, " ").trim();
}

interface Table { byName: Map<string, string>; names: Map<string, string> }
let table: Table | null = null;

function build(): Table {
  const display = new Intl.DisplayNames(["en"], { type: "region" });
  const names = new Map<string, string>();
  const byName = new Map<string, string>();
  for (let a = 65; a <= 90; a++) for (let b = 65; b <= 90; b++) {
    const code = String.fromCharCode(a, b);
    if (NOT_COUNTRIES.has(code)) continue;
    let name: string | undefined;
    try { name = display.of(code); } catch { name = undefined; }
    if (!name || name === code || /unknown/i.test(name)) continue;
    names.set(code, PLAIN[code] ?? name);
    byName.set(nameKey(name), code);
    byName.set(nameKey(PLAIN[code] ?? name), code);
  }
  for (const [alias, code] of Object.entries(ALIASES)) byName.set(nameKey(alias), code);
  return { byName, names };
}
const tableOf = () => (table ??= build());

/** "Korea, Republic of" → "KR"; "CN" → "CN"; "Europe" → null. */
export function countryCode(name: string | null | undefined): string | null {
  if (!name) return null;
  const t = name.trim();
  if (/^[A-Z]{2}$/.test(t)) return tableOf().names.has(t) ? t : null;
  return tableOf().byName.get(nameKey(t)) ?? null;
}

/** "KR" → "South Korea": the one form a country is shown and grouped in. */
export function countryName(code: string): string {
  return tableOf().names.get(code) ?? code;
}
