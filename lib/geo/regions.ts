import { nameKey } from "./countries";

/**
 * State / province names → the gazetteer's first-level admin code (GeoNames admin1), for the
 * countries whose records name a state and where a city name repeats: the United States
 * (postal codes), Canada, Australia and China (GeoNames' numeric codes). Elsewhere a state
 * cannot narrow a name and a repeated name stays ambiguous.
 */
const REGIONS: Record<string, Record<string, string>> = {
  US: {
    alabama: "AL", alaska: "AK", arizona: "AZ", arkansas: "AR", california: "CA", colorado: "CO", connecticut: "CT",
    delaware: "DE", "district of columbia": "DC", florida: "FL", georgia: "GA", hawaii: "HI", idaho: "ID", illinois: "IL",
    indiana: "IN", iowa: "IA", kansas: "KS", kentucky: "KY", louisiana: "LA", maine: "ME", maryland: "MD",
    massachusetts: "MA", michigan: "MI", minnesota: "MN", mississippi: "MS", missouri: "MO", montana: "MT",
    nebraska: "NE", nevada: "NV", "new hampshire": "NH", "new jersey": "NJ", "new mexico": "NM", "new york": "NY",
    "north carolina": "NC", "north dakota": "ND", ohio: "OH", oklahoma: "OK", oregon: "OR", pennsylvania: "PA",
    "rhode island": "RI", "south carolina": "SC", "south dakota": "SD", tennessee: "TN", texas: "TX", utah: "UT",
    vermont: "VT", virginia: "VA", washington: "WA", "west virginia": "WV", wisconsin: "WI", wyoming: "WY",
  },
  CA: {
    alberta: "01", "british columbia": "02", manitoba: "03", "new brunswick": "04", "newfoundland and labrador": "05",
    newfoundland: "05", "nova scotia": "07", ontario: "08", "prince edward island": "09", quebec: "10",
    saskatchewan: "11", yukon: "12", "northwest territories": "13", nunavut: "14",
  },
  AU: {
    "australian capital territory": "01", "new south wales": "02", "northern territory": "03", queensland: "04",
    "south australia": "05", tasmania: "06", victoria: "07", "western australia": "08",
  },
  CN: {
    anhui: "01", zhejiang: "02", jiangxi: "03", jiangsu: "04", jilin: "05", qinghai: "06", fujian: "07",
    heilongjiang: "08", henan: "09", hebei: "10", hunan: "11", hubei: "12", xinjiang: "13", tibet: "14", xizang: "14",
    gansu: "15", guangxi: "16", guizhou: "18", liaoning: "19", "inner mongolia": "20", "nei mongol": "20",
    ningxia: "21", beijing: "22", shanghai: "23", shanxi: "24", shandong: "25", shaanxi: "26", tianjin: "28",
    yunnan: "29", guangdong: "30", hainan: "31", sichuan: "32", chongqing: "33",
  },
};

/** ("Missouri", "US") → "MO"; ("MO", "US") → "MO"; ("Zhejiang", "CN") → "02"; unknown → null. */
export function regionCode(state: string | null | undefined, country: string): string | null {
  const table = REGIONS[country];
  if (!state || !table) return null;
  const key = nameKey(state).replace(/\s+(?:province|sheng|shi|state|municipality|autonomous region)$/, "");
  if (table[key]) return table[key];
  const upper = state.trim().toUpperCase();
  return country === "US" && Object.values(table).includes(upper) ? upper : null;
}

const TITLE = (k: string) => k.replace(/\b\p{L}/gu, (c) => c.toUpperCase());

/** ("MO", "US") → "Missouri"; ("02", "CN") → "Zhejiang": a gazetteer admin code in words; null where not known. */
export function regionName(code: string, country: string): string | null {
  const table = REGIONS[country];
  if (!table) return null;
  const key = Object.keys(table).find((k) => table[k] === code);
  return key ? TITLE(key) : null;
}
