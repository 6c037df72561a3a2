import { ImportError } from "./errors";
import { applyCuration, type Curation } from "./curation";
import { detectLayout, detectStudyLayout, type Layout } from "./layouts";
import { parseJson } from "./layouts/json-document";
import { type Evidence, type ParsedTrial, parsedTrialSchema } from "./parsed-record";
import type { SourceTrial } from "./source-record";
import { decodeSource, normalizeSpaces } from "./read-source";
import { toTrialRecord } from "./resolve";
import { readXmlRecord } from "./layouts/ictrp";
import type { XmlPiece } from "./layouts/ictrp/stream";
import { readDesignFromProse } from "./enrich/design";
import { readDoses } from "./enrich/doses";
import { checkArmCount } from "./enrich/arm-count";
import { readTrialCellSource } from "./enrich/cell-source";
import { readTrialStages } from "./enrich/stages";
import { placeSites } from "./enrich/sites";
import { enforcePlausibility } from "./normalize/plausible";
import { endsMidWord, MID_WORD } from "../record/completeness";
import type { TrialRecord } from "../record/schema";

export interface ImportedTrial {
  record: TrialRecord;
  evidence: Record<string, Evidence>;
  warnings: string[];
  /** The file's last words when it ends mid-word (it may be cut off), else null. */
  endsMidWord: string | null;
}

/**
 * The whole path of a record, in order: a layout reads what the source says (fields in the
 * record's vocabulary, arms with their own words and linked interventions, the trial's
 * text); then the enrichers, the same for every layout. Pure: no file or database access.
 */
function enrich(source: SourceTrial, file: string, curation: Curation, cut: string | null): ImportedTrial {
  const fields = readDesignFromProse(source); //  design and enrollment of a record that has them only in prose
  let rec: ParsedTrial = readDoses(fields); //    the dose reader: each arm's doses (one malformed-number policy)
  rec = checkArmCount(rec, fields); //             the arms read against the groups the page announces
  rec = readTrialCellSource(rec, fields);//              the trial's cell source
  rec = readTrialStages(rec, fields);//                  randomisation stages and ratios
  rec = enforcePlausibility(rec);//               implausible values → a warning and a null, not a refusal
  rec = placeSites(rec); //                       sites: country codes, the gazetteer's coordinates where the record has none
  // Warned even on a first import; write-trial.ts refuses it over a stored full version.
  if (cut !== null) rec = { ...rec, warnings: [...rec.warnings, `${MID_WORD} ("…${cut}"): it may be cut off`] };
  const checked = parsedTrialSchema.safeParse(rec);
  if (!checked.success) {
    const issue = checked.error.issues[0]!;
    throw new ImportError(`parsed record is invalid: ${issue.message}`, { file, field: issue.path.join(".") });
  }
  const curated = applyCuration(checked.data, curation[file]); // fills only empty fields, marked "curated"
  const record = toTrialRecord(curated); //       ids, arm facts (route, cell source, origin), thresholds, summaries
  return { record, evidence: curated.evidence, warnings: curated.warnings, endsMidWord: cut };
}

/** One source file's bytes → the validated public record. Throws ImportError naming the file. */
export function importSource(bytes: Uint8Array, file: string, curation: Curation = {}): ImportedTrial {
  const text = decodeSource(bytes, file);
  const layout = detectLayout(text, file);
  return enrich(readWith(layout, () => layout.parse(text, file), file), file, curation, endsMidWord(text));
}

/**
 * One ClinicalTrials.gov study already parsed from JSON (a study of a JSON file, a page of
 * `npm run sync`) → the validated public record, without turning it back into text.
 */
export function importStudy(study: unknown, file: string, curation: Curation = {}): ImportedTrial {
  const layout = detectStudyLayout(study, file);
  return enrich(readWith(layout, () => layout.readStudy(normalizeSpaces(study), file), file), file, curation, null);
}

/** One study's JSON text (a study of a JSON file, cut out by the import's scanner) → the record. */
export function importStudyText(json: string, file: string, curation: Curation = {}): ImportedTrial {
  return importStudy(parseJson(json, file), file, curation);
}

/** One record of an XML file (an ICTRP `<Trial>`, a ChiCTR `<Triall>`), streamed by lib/ingest/layouts/ictrp/stream.ts → the record. */
export function importXmlRecord(piece: Extract<XmlPiece, { kind: "record" }>, file: string, curation: Curation = {}): ImportedTrial {
  const layout = { layout: piece.format } as Layout;
  return enrich(readWith(layout, () => readXmlRecord(piece, file), file), file, curation, null);
}

function readWith(layout: Layout, read: () => SourceTrial, file: string): SourceTrial {
  try {
    return read();
  } catch (e) {
    if (e instanceof ImportError) throw new ImportError(e.message, { ...e.detail, file }, { cause: e });
    throw new ImportError(`the ${layout.layout} parser failed: ${(e as Error).message}`, { file }, { cause: e });
  }
}
