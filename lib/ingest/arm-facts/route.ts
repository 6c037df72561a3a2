import type { Route } from "../../record/vocabulary";
import type { FactPattern, FactReader } from "./mentions";

const S = String.raw`[\s-]{1,2}`;
/** Route words, most specific first ("portal vein" before any vein). */
export const ROUTE_PATTERNS: readonly FactPattern<Route>[] = [
  { value: "HEPATIC_ARTERY", re: new RegExp(String.raw`\b(?:(?:intra|trans)-?)?hepatic${S}arter(?:y|ies|ial(?:ly)?)\b|\bintra-?arterial(?:ly)?${S}(?:\w+\s){0,3}?(?:into${S}the${S})?liver\b`, "i") },
  { value: "PORTAL_VEIN", re: new RegExp(String.raw`\bintra-?portal(?:ly)?\b|\btrans-?portal\b|\bportal${S}(?:vein|venous)\b`, "i") },
  { value: "INTRASPLENIC", re: new RegExp(String.raw`\bintra-?splenic(?:ally)?\b|\binto${S}the${S}spleen\b`, "i") },
  { value: "INTRAHEPATIC", re: new RegExp(String.raw`\bintra-?hepatic(?:ally|${S}(?:injection|infusion|administration|transplantation|delivery))\b|\b(?:injected|injection|delivered|administered)${S}(?:directly${S})?into${S}the${S}liver\b|\b(?:injected|injection|delivered|administered)${S}into${S}(?:the${S})?(?:left|right)${S}(?:(?:lateral|medial|anterior|posterior)${S})?(?:liver${S})?segments?\b`, "i") },
  { value: "OTHER", re: new RegExp(String.raw`\bintra-?(?:muscular|peritoneal|thecal|tracheal|dermal)(?:ly)?\b|\bsub-?cutaneous(?:ly)?\b|\bsplenic${S}arter(?:y|ial)\b|\bmesenteric${S}(?:vein|arter(?:y|ial))\b`, "i") },
  {
    value: "PERIPHERAL_VEIN",
    re: new RegExp(String.raw`\b(?:via|through|into|by|in)${S}(?:an?${S}|the${S})?(?:peripheral${S})?(?:(?:median${S})?(?:ante-?)?cubital${S}|elbow${S}|forearm${S}|arm${S}|upper${S}(?:limb|extremity)${S})?veins?\b|\bperipheral(?:ly)?${S}(?:intra-?ven(?:o|ou)?us(?:ly)?|venous|veins?|IV|i\.v\.)|\bintra-?ven(?:o|ou)?us(?:ly)?\b|\bi\.v\.|\bIV${S}(?:single${S})?(?:infusions?|injections?|drip|administration|transfusion)\b|\b(?:elbow|cubital)${S}veins?\b|\bvenous${S}(?:infusion|transfusion|injection|drip)\b`, "i"),
  },
];

/** A route follows the product it is given by: "MSCs infused via the hepatic artery". */
export const ROUTE_READER: FactReader<Route> = { patterns: ROUTE_PATTERNS, reads: "before" };
