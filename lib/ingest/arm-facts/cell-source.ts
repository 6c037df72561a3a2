import type { CellOrigin, CellSource } from "../../record/vocabulary";
import type { FactPattern, FactReader } from "./mentions";

const S = String.raw`[\s-]{1,2}`;
/** Tissue words, the longer name first ("umbilical cord blood" before "umbilical cord"). */
export const CELL_SOURCE_PATTERNS: readonly FactPattern<CellSource>[] = [
  { value: "CORD_BLOOD", re: new RegExp(String.raw`\b(?:umbilical${S})?cord${S}blood\b|\bUCB[\s-]?MSCs?\b`, "i") },
  { value: "UMBILICAL_CORD", re: new RegExp(String.raw`\bumbilical${S}cords?\b|\bh?UC[\s-]?MSCs?\b|\bWharton'?s?${S}jelly\b`, "i") },
  { value: "BONE_MARROW", re: new RegExp(String.raw`\bbone${S}marrow\b|\bBM[\s-]?MSCs?\b|\bBMSCs?\b`, "i") },
  { value: "ADIPOSE", re: new RegExp(String.raw`\badipose\b|\bfat${S}(?:tissue|derived)\b|\bAD[\s-]?MSCs?\b|\bADSCs?\b`, "i") },
  { value: "MENSTRUAL_BLOOD", re: new RegExp(String.raw`\bmenstrual(?:${S}blood)?\b|\bMenSCs?\b`, "i") },
  { value: "PLACENTA", re: new RegExp(String.raw`\bplacenta[ls]?\b`, "i") },
  { value: "OTHER", re: new RegExp(String.raw`\bdental${S}pulp\b|\bamni(?:otic|on)\b|\bendometri(?:al|um)\b|\bdecidua\b|\bchorion(?:ic)?\b|\binduced${S}pluripotent\b|\biPSC-?derived\b`, "i") },
];

/** Whose cells: the patient's own, or a donor's. */
export const CELL_ORIGIN_PATTERNS: readonly FactPattern<CellOrigin>[] = [
  { value: "AUTOLOGOUS", re: new RegExp(String.raw`\bauto(?:logous|logue|genous)\b|\bpatients?'?s?${S}own${S}(?:bone${S}marrow|cells|adipose|fat)\b`, "i") },
  { value: "ALLOGENEIC", re: new RegExp(String.raw`\ballo(?:gene?ic|geneous)\b|\ballo-(?:MSCs?|cells)\b|\bthird${S}party\b|\b(?:healthy${S})?donors?'?${S}(?:derived${S})?(?:cells|MSCs?|bone${S}marrow|umbilical)\b`, "i") },
];

/** A tissue or origin word qualifies the product after it: "autologous bone marrow MSCs". */
export const CELL_SOURCE_READER: FactReader<CellSource> = { patterns: CELL_SOURCE_PATTERNS, reads: "after" };
export const CELL_ORIGIN_READER: FactReader<CellOrigin> = { patterns: CELL_ORIGIN_PATTERNS, reads: "after" };
