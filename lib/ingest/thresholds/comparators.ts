import type { ThresholdOp } from "../../record/analytes";

/**
 * Comparator spellings → op. Symbols first ("≥", ">=", "≧", ">/="), then words ("not
 * less than", "at least", "more than", "below"). Two in a row ("above ≥ 1.5") read as
 * the last, the one next to the number.
 */
const SPELLINGS: [string, Exclude<ThresholdOp, "between">][] = [
  [String.raw`≥|>\s*=|≧|⩾|=\s*>|>\s*\/\s*=`, ">="],
  [String.raw`≤|<\s*=|≦|⩽|=\s*<|<\s*\/\s*=`, "<="],
  [String.raw`(?:greater|more|higher|larger)\s+than\s+or\s+equal\s+to|equal\s+to\s+or\s+(?:greater|more|higher)\s+than|not\s+(?:less|lower|smaller)\s+than|no\s+(?:less|lower)\s+than|at\s+least|minimum\s+of`, ">="],
  [String.raw`(?:less|lower|smaller)\s+than\s+or\s+equal\s+to|equal\s+to\s+or\s+(?:less|lower)\s+than|not\s+(?:more|greater|higher)\s+than|no\s+(?:more|greater|higher)\s+than|not\s+exceeding|at\s+most|maximum\s+of|up\s+to`, "<="],
  [">", ">"],
  ["<", "<"],
  [String.raw`(?:greater|more|higher|larger)\s+than|above|over|exceeds?|exceeding|in\s+excess\s+of`, ">"],
  [String.raw`(?:less|lower|smaller|fewer)\s+than|below|under`, "<"],
];

/** One comparator, any spelling (no capture groups). */
export const COMPARATOR = `(?:${SPELLINGS.map(([s]) => s).join("|")})`;

const ANCHORED = SPELLINGS.map(([s, op]) => [new RegExp(`^(?:${s})$`, "i"), op] as const);

/** The op of one comparator spelling ("not less than" → ">="). */
export function opOf(spelling: string): Exclude<ThresholdOp, "between"> {
  const s = spelling.trim();
  for (const [re, op] of ANCHORED) if (re.test(s)) return op;
  throw new Error(`not a comparator: "${spelling}"`);
}

/** "17 ≤ MELD": a comparator left of the analyte bounds it from below. */
export function mirror(op: Exclude<ThresholdOp, "between">): Exclude<ThresholdOp, "between"> {
  return ({ ">": "<", ">=": "<=", "<": ">", "<=": ">=" } as const)[op];
}

/** Suffix words after the number: "10 or more" → ">=", "grade II or lower" → "<=". */
export const SUFFIX = String.raw`or\s+(more|higher|above|greater|over|older|less|lower|below|fewer|under|younger)`;
export function suffixOp(word: string): ">=" | "<=" {
  return /more|higher|above|greater|over|older/i.test(word) ? ">=" : "<=";
}
