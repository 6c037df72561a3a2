import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import type { WriteConnection } from "../db/sqlite";
import { parseCuration, type Curation } from "../ingest/curation";
import { ImportError } from "../ingest/errors";
import { importSource, importStudy, importStudyText, importXmlRecord, type ImportedTrial } from "../ingest/pipeline";
import type { XmlPiece } from "../ingest/layouts/ictrp/stream";
import { isOneStudyXml, readTrialXmlFile } from "./xml-file";
import { writeTrial, type TrialToWrite, type WriteOptions, type WriteResult } from "../db/write-trial";
import { isAsyncWriter, type ImportTarget } from "../db/writer";
import { listsOf, repeatedBlock } from "../record/completeness";
import { readJsonStudies } from "./json-studies";
import { readZipEntries } from "./zip-entries";

export interface FileResult {
  file: string;
  ok: boolean;
  /** One line for the person running the import. */
  line: string;
  warnings: string[];
}

/**
 * The largest record file read. A registry page copied as text is tens of kilobytes; a
 * file beyond this is something else, and is refused before it is read into memory.
 */
export const MAX_RECORD_BYTES = 2 * 1024 * 1024;

/** The founding records and their curation file. */
export const SEED_DIR = "seeds";
export const SEED_CURATION = path.join(SEED_DIR, "curation.json");

/** Every seeds/*.txt, in file-name order. */
export function seedFiles(): string[] {
  return fs.readdirSync(SEED_DIR).filter((f) => f.endsWith(".txt")).sort().map((f) => path.join(SEED_DIR, f));
}

export function loadCuration(file: string | null): Curation {
  if (!file || !fs.existsSync(file)) return {};
  return parseCuration(fs.readFileSync(file, "utf8"), path.basename(file));
}

/**
 * Files to import: each path as given, a folder's *.txt, *.json, *.xml and *.zip files in name order.
 * A folder's curation.json is a curation file (as in seeds/), not a study, so it is left out.
 */
export function expandPaths(paths: string[]): string[] {
  return paths.flatMap((p) => {
    let isDir = false;
    try {
      isDir = fs.statSync(p).isDirectory();
    } catch {
      return [p]; // reported as "no such file" where it is read
    }
    if (!isDir) return [p];
    return fs.readdirSync(p).filter((f) => RECORD_FILE.test(f) && f !== path.basename(SEED_CURATION)).sort().map((f) => path.join(p, f));
  });
}

/** The files a folder (or a zip archive) stands for. */
const RECORD_FILE = /\.(txt|json|xml|zip)$/i;
/** A zip archive's record files: one study each (a zip in a zip is not opened). */
const ZIP_RECORD = /\.(txt|json|xml)$/i;

/** The longest line printed for one file (a message quoting a whole study would flood the terminal). */
export const MAX_LINE_CHARS = 400;

/**
 * A message as one printable line: line breaks, tabs and other control characters as
 * escapes (`\n`, `\u0001`), cut at MAX_LINE_CHARS with a count of what is left out.
 * A JSON parse error quotes the bytes around the error, line breaks and all.
 */
export function oneLine(text: string, max = MAX_LINE_CHARS): string {
  const escaped = text.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g, (c) =>
    c === "\n" ? "\\n" : c === "\r" ? "\\r" : c === "\t" ? "\\t" : `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`);
  return escaped.length <= max ? escaped : `${escaped.slice(0, max)}… (${escaped.length - max} more characters)`;
}

export interface ImportOptions extends WriteOptions {
  /** Called with each result as soon as it is known (the import of a large file prints as it goes). */
  onResult?: (result: FileResult) => void;
}

/** What walking the files gives: a result to report (a file that cannot be read, an error in it), or a record to import. */
type Step =
  | { kind: "report"; result: FileResult }
  | { kind: "record"; input: RecordInput; file: string; name: string; place?: RecordPlace };

/**
 * The files' records, one step at a time: each file (a folder stands for its .txt, .json,
 * .xml and .zip files; a zip archive for its .txt, .json and .xml files) read as a stream,
 * a record yielded before the next is read. Both importers below walk it.
 */
function* importSteps(paths: string[]): Generator<Step> {
  for (const filePath of expandPaths(paths)) {
    if (/\.json$/i.test(filePath)) yield* jsonFileSteps(filePath);
    else if (/\.zip$/i.test(filePath)) yield* zipFileSteps(filePath);
    // An export of many records (ICTRP, ChiCTR) is streamed; a clinical_study document is one record.
    else if (/\.xml$/i.test(filePath) && !isOneStudyXml(filePath)) yield* xmlFileSteps(filePath);
    else yield textFileStep(filePath);
  }
}

/**
 * Imports files one by one, each trial in its own transaction: a file (or a study of a
 * JSON file) that fails is reported and leaves the database as it was; the others are
 * still imported. A folder stands for its .txt, .json, .xml and .zip files; a zip archive
 * for its .txt, .json and .xml files.
 */
export function importFiles(db: WriteConnection, paths: string[], curation: Curation, options: ImportOptions = {}): FileResult[] {
  const { onResult, ...write } = options;
  const results: FileResult[] = [];
  const report = reporter(results, onResult);
  for (const step of importSteps(paths)) {
    report(step.kind === "report" ? step.result : importRecord(db, step.input, step.file, step.name, curation, write, step.place));
  }
  return results;
}

/**
 * importFiles through any engine's writer (lib/db/writer.ts): SQLite's connection is
 * written to as importFiles does, an asynchronous writer (PostgreSQL) is awaited record by
 * record; the same files, steps, results and lines.
 */
export async function importFilesAsync(target: ImportTarget, paths: string[], curation: Curation, options: ImportOptions = {}): Promise<FileResult[]> {
  const { onResult, ...write } = options;
  const results: FileResult[] = [];
  const report = reporter(results, onResult);
  for (const step of importSteps(paths)) {
    report(step.kind === "report" ? step.result : await importRecordAsync(target, step.input, step.file, step.name, curation, write, step.place));
  }
  return results;
}

function reporter(results: FileResult[], onResult?: (r: FileResult) => void): (r: FileResult) => void {
  return (r) => {
    const printable = { ...r, line: oneLine(r.line) };
    results.push(printable);
    onResult?.(printable);
  };
}

function textFileStep(filePath: string): Step {
  const file = path.basename(filePath);
  try {
    let bytes: Buffer;
    try {
      const stat = fs.statSync(filePath);
      if (stat.isFile() && stat.size > MAX_RECORD_BYTES) {
        throw new ImportError(`${(stat.size / 1024 / 1024).toFixed(1)} MB, over the ${MAX_RECORD_BYTES / 1024 / 1024} MB limit for a record file; not read`, { file: filePath });
      }
      bytes = fs.readFileSync(filePath);
    } catch (e) {
      if (e instanceof ImportError) throw e;
      throw new ImportError(readProblem(e), { file: filePath });
    }
    return { kind: "record", input: bytes, file, name: file };
  } catch (e) {
    return { kind: "report", result: failure(file, file, e) };
  }
}

/**
 * An XML file of trial records (a WHO ICTRP export, a ChiCTR XML download), streamed: each
 * record is imported in its own transaction and reported on its own line
 * ("file.xml #3"), and stored as "file.xml#TrialID"; a syntax error or a cut ends the file
 * with one line, the records before it stay imported.
 */
function* xmlFileSteps(filePath: string): Generator<Step> {
  const file = path.basename(filePath);
  let pieces = 0;
  try {
    for (const piece of readTrialXmlFile(filePath)) {
      pieces++;
      const name = piece.index !== null ? `${file} #${piece.index}` : file;
      if (piece.kind === "error") {
        yield { kind: "report", result: { file, ok: false, warnings: [], line: `${name}: ${piece.message}` } };
        continue;
      }
      yield { kind: "record", input: { xmlRecord: piece }, file, name, place: { stored: (id) => `${file}#${id}` } };
    }
    if (pieces === 0) yield { kind: "report", result: { file, ok: false, warnings: [], line: `${file}: no trial records in the file; nothing imported` } };
  } catch (e) {
    yield { kind: "report", result: { file, ok: false, warnings: [], line: `${filePath}: ${readProblem(e)}` } };
  }
}

function readProblem(e: unknown): string {
  const code = (e as NodeJS.ErrnoException).code;
  return code === "ENOENT" ? "no such file" : code === "EISDIR" ? "a folder, not a file" : `cannot read (${code})`;
}

/**
 * A JSON file of one study or many, read as a stream: each study is imported in its own
 * transaction and reported on its own line ("file.json #3" when the file holds a list);
 * the file's size has no limit, each study's is MAX_RECORD_BYTES. Re-importing a study
 * replaces it under its NCT id, from whichever file it came.
 */
function* jsonFileSteps(filePath: string): Generator<Step> {
  const file = path.basename(filePath);
  let pieces = 0;
  try {
    for (const piece of readJsonStudies(filePath, MAX_RECORD_BYTES)) {
      pieces++;
      const name = piece.index !== null && piece.inList ? `${file} #${piece.index}` : file;
      if (piece.kind === "error") {
        yield { kind: "report", result: { file, ok: false, warnings: [], line: `${name}: ${piece.message}` } };
        continue;
      }
      // The database knows a trial's file by its name: a study of a list is stored as
      // "file.json#NCT…", so that the studies of one file stay apart.
      const stored = piece.inList ? (id: string) => `${file}#${id}` : undefined;
      yield { kind: "record", input: { studyText: piece.text }, file, name, place: { lineOffset: piece.line - 1, stored } };
    }
    // "[]" or an API page of no studies: nothing to import, said on the file's one line.
    if (pieces === 0) yield { kind: "report", result: { file, ok: false, warnings: [], line: `${file}: no studies: the file's list of studies is empty; nothing imported` } };
  } catch (e) {
    yield { kind: "report", result: { file, ok: false, warnings: [], line: `${filePath}: ${readProblem(e)}` } };
  }
}

/**
 * A zip archive of record files (ClinicalTrials.gov's AllPublicXML.zip, a folder zipped),
 * read as a stream: each file is inflated, imported in its own transaction and reported
 * on its own line ("archive.zip/NCT….xml") before the next is read; each file's limit is
 * MAX_RECORD_BYTES. A record is stored under its file's name, as when the folder is
 * imported, so either import replaces the other's.
 */
function* zipFileSteps(filePath: string): Generator<Step> {
  const zip = path.basename(filePath);
  let files = 0;
  let errors = 0;
  try {
    for (const entry of readZipEntries(filePath, MAX_RECORD_BYTES, (name) => ZIP_RECORD.test(name))) {
      const name = entry.name === null ? zip : `${zip}/${entry.name}`;
      if (entry.kind === "error") {
        errors++;
        yield { kind: "report", result: { file: zip, ok: false, warnings: [], line: `${name}: ${entry.message}` } };
        continue;
      }
      files++;
      const file = path.posix.basename(entry.name);
      yield { kind: "record", input: entry.bytes, file, name };
    }
    if (files === 0 && errors === 0) yield { kind: "report", result: { file: zip, ok: false, warnings: [], line: `${zip}: no .txt, .json or .xml file in the archive; nothing imported` } };
  } catch (e) {
    yield { kind: "report", result: { file: zip, ok: false, warnings: [], line: `${filePath}: ${readProblem(e)}` } };
  }
}

export interface RecordPlace {
  /** Where the record starts in its file, so that a line number in an error points into the file. */
  lineOffset?: number;
  /** The record's `source.file` from its id, when it is not the file's name (one study of many). */
  stored?: (id: string) => string;
}

/** A record as the importer is handed it: a file's bytes, one study's JSON text (of a JSON file), or a study already parsed (sync). */
export type RecordInput = Uint8Array | { studyText: string } | { study: unknown } | { xmlRecord: Extract<XmlPiece, { kind: "record" }> };

/** sha256 of a record's source: its bytes, its study's JSON text, a parsed study as JSON (sync), or an XML record's fields as JSON. */
export function sourceHash(input: RecordInput): string {
  const bytes = input instanceof Uint8Array ? input : "study" in input ? JSON.stringify(input.study)
    : "xmlRecord" in input ? JSON.stringify([...input.xmlRecord.fields.values].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) : input.studyText;
  return createHash("sha256").update(bytes).digest("hex");
}

function read(input: RecordInput, file: string, curation: Curation): ImportedTrial {
  if (input instanceof Uint8Array) return importSource(input, file, curation);
  if ("xmlRecord" in input) return importXmlRecord(input.xmlRecord, file, curation);
  return "study" in input ? importStudy(input.study, file, curation) : importStudyText(input.studyText, file, curation);
}

/** One record parsed and validated, ready for the writer (its stored name set, its source's hash). */
function readRecord(input: RecordInput, file: string, curation: Curation, stored?: (id: string) => string): TrialToWrite & { warnings: string[] } {
  const imported = read(input, file, curation);
  // A block pasted twice (an arm, a run of criteria): refused like a section heading twice.
  const repeated = repeatedBlock(listsOf(imported.record));
  if (repeated) throw new ImportError(repeated.message, { file, field: repeated.field });
  if (stored) imported.record = { ...imported.record, source: { ...imported.record.source, file: stored(imported.record.id) } };
  return { ...imported, sourceHash: sourceHash(input) };
}

/** The line of a record written. */
function written(file: string, name: string, t: TrialToWrite & { warnings: string[] }, { replaced, beside, sourceFile, unprotected }: WriteResult): FileResult {
  const r = t.record;
  const doses = r.arms.reduce((n, a) => n + a.doses.length, 0);
  const note = (replaced.length ? ` (replaces ${replaced.map((x) => `${x.id} from ${x.sourceFile}`).join(", ")})` : "") +
    (beside ? ` (stored as ${sourceFile}, beside ${beside.id} of ${beside.sourceFile}, which stays)` : "") +
    (unprotected ? ` (the stored version was replaced without the cut-off check: ${unprotected})` : "");
  return {
    file, ok: true, warnings: t.warnings,
    line: `${name}  ${r.id}  ${r.source.format}  arms ${r.arms.length}  doses ${doses}  criteria ${r.eligibility.inclusion.length}/${r.eligibility.exclusion.length}${note}`,
  };
}

/** The line of a record that failed (a line number of its error counted from the start of its file). */
function failed(file: string, name: string, e: unknown, lineOffset: number): FileResult {
  if (e instanceof ImportError && e.detail.line !== undefined && lineOffset) {
    return failure(file, name, new ImportError(e.message, { ...e.detail, line: e.detail.line + lineOffset }, { cause: e }));
  }
  return failure(file, name, e);
}

/** One record → parsed, validated and written; its line names it as `name`. */
export function importRecord(
  db: WriteConnection, input: RecordInput, file: string, name: string, curation: Curation, options: WriteOptions,
  { lineOffset = 0, stored }: RecordPlace = {},
): FileResult {
  try {
    const t = readRecord(input, file, curation, stored);
    return written(file, name, t, writeTrial(db, t, options));
  } catch (e) {
    return failed(file, name, e, lineOffset);
  }
}

/** importRecord through any engine's writer (lib/db/writer.ts). */
export async function importRecordAsync(
  target: ImportTarget, input: RecordInput, file: string, name: string, curation: Curation, options: WriteOptions,
  place: RecordPlace = {},
): Promise<FileResult> {
  if (!isAsyncWriter(target)) return importRecord(target, input, file, name, curation, options, place);
  try {
    const t = readRecord(input, file, curation, place.stored);
    return written(file, name, t, await target.write(t, options));
  } catch (e) {
    return failed(file, name, e, place.lineOffset ?? 0);
  }
}

function failure(file: string, name: string, e: unknown): FileResult {
  if (e instanceof ImportError) {
    // The error's own file when it names a path (a file that cannot be read), else the record's name.
    const where = e.detail.file && e.detail.file !== file ? e.detail.file : name;
    return { file, ok: false, warnings: [], line: e.format(where) };
  }
  return { file, ok: false, warnings: [], line: `${name}: ${(e as Error).message}` };
}
