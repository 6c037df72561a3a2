import { ImportError } from "@/lib/ingest/errors";
import { importSource } from "@/lib/ingest/pipeline";

/** A JSON document as the importer reads a file of it (named `file`). */
export const readJson = (doc: unknown, file = "study.json") => importSource(Buffer.from(JSON.stringify(doc)), file);

/** The importer's refusal of a JSON document, as it prints it; throws when the document is read. */
export function jsonRefusal(doc: unknown): string {
  try {
    readJson(doc);
  } catch (e) {
    if (e instanceof ImportError) return e.format();
    throw e;
  }
  throw new Error("not refused");
}
