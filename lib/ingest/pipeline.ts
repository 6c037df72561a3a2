import { ImportError, NumberFormatError } from "./errors";
import { applyCuration, type Curation } from "./curation";
import { detectLayout } from "./layouts";
import { type Evidence, parsedTrialSchema } from "./parsed-record";
import { decodeSource } from "./read-source";
import { toTrialRecord } from "./resolve";
import { checkPlausibility } from "./normalize/plausible";
import { endsMidWord, MID_WORD } from "../record/completeness";
import { lineOf } from "./text";
import type { TrialRecord } from "../record/schema";

export interface ImportedTrial {
  record: TrialRecord;
  evidence: Record<string, Evidence>;
  warnings: string[];
  /** The file's last words when it ends mid-word (it may be cut off), else null. */
  endsMidWord: string | null;
}

/**
 * One source file's bytes → the validated public record, with the evidence behind each
 * value. Pure: no file or database access. Throws ImportError naming the file.
 */
export function importSource(bytes: Uint8Array, file: string, curation: Curation = {}): ImportedTrial {
  const text = decodeSource(bytes, file);
  const layout = detectLayout(text, file);
  let parsed;
  try {
    parsed = layout.parse(text, file);
  } catch (e) {
    if (e instanceof NumberFormatError) {
      throw new ImportError(e.message, { file, line: e.detail.line ?? lineOf(text, e.text), field: e.detail.field ?? "dose" }, { cause: e });
    }
    if (e instanceof ImportError) {
      throw new ImportError(e.message, { ...e.detail, file }, { cause: e });
    }
    throw new ImportError(`the ${layout.layout} parser failed: ${(e as Error).message}`, { file }, { cause: e });
  }
  // Before the schema check: an implausible value ("ages -5 to 200") becomes a warning and
  // a null, not a refusal of the whole record.
  const plausible = checkPlausibility(parsed);
  const cut = endsMidWord(text);
  // Warned even on a first import; write-trial.ts refuses it over a stored full version.
  const cutWarning = cut === null ? [] : [`${MID_WORD} ("…${cut}"): it may be cut off`];
  parsed = { ...plausible.record, warnings: [...plausible.record.warnings, ...plausible.warnings, ...cutWarning] };
  const checked = parsedTrialSchema.safeParse(parsed);
  if (!checked.success) {
    const issue = checked.error.issues[0]!;
    throw new ImportError(`parsed record is invalid: ${issue.message}`, { file, field: issue.path.join(".") });
  }
  const curated = applyCuration(checked.data, curation[file]);
  const record = toTrialRecord(curated);
  return { record, evidence: curated.evidence, warnings: curated.warnings, endsMidWord: cut };
}
