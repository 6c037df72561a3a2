import type { ParsedTrial } from "../parsed-record";
import type { SourceTrial } from "../source-record";

/**
 * The arms read against what the record says of them: the number of patient groups the
 * page announces, and a record whose prose gives no arm at all. Warnings only.
 */
export function checkArmCount(rec: ParsedTrial, src: Pick<SourceTrial, "announcedGroups" | "armsFrom" | "noArmsWarning">): ParsedTrial {
  const warnings: string[] = [];
  const n = rec.arms.length;
  if (src.announcedGroups !== null && src.announcedGroups !== n) {
    warnings.push(`the page announces ${src.announcedGroups} patient groups but ${n} ${src.armsFrom === "prose" ? "arms were read from the prose" : "arm blocks were read"}`);
  }
  if (n === 0 && src.noArmsWarning) warnings.push(src.noArmsWarning);
  return warnings.length ? { ...rec, warnings: [...rec.warnings, ...warnings] } : rec;
}
