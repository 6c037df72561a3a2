import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import pg from "pg";
import { importSource, importStudyText } from "@/lib/ingest/pipeline";
import type { Curation } from "@/lib/ingest/curation";
import { listsOf, repeatedBlock } from "@/lib/record/completeness";
import { writeTrialPostgres } from "@/lib/db/postgres/write-trial";
import type { WriteResult } from "@/lib/db/write-trial";

/**
 * Imports record files into PostgreSQL the way lib/import/run-import.ts does into SQLite
 * for these kinds of file (a record's text file; a JSON file of one study): the same
 * pipeline, the same refusal of a block stated twice, the same source hash, one
 * transaction per record (lib/db/postgres/write-trial.ts). Until the engine-neutral
 * importer lands this is the PostgreSQL import path of the tests.
 */
export async function importFilesPostgres(url: string, files: string[], curation: Curation = {}): Promise<{ file: string; result?: WriteResult; error?: string }[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const out: { file: string; result?: WriteResult; error?: string }[] = [];
  try {
    for (const filePath of files) {
      const file = path.basename(filePath);
      const bytes = fs.readFileSync(filePath);
      try {
        const json = /\.json$/i.test(file);
        const text = json ? bytes.toString("utf8") : null;
        const imported = json ? importStudyText(text!, file, curation) : importSource(bytes, file, curation);
        const repeated = repeatedBlock(listsOf(imported.record));
        if (repeated) throw new Error(repeated.message);
        const sourceHash = createHash("sha256").update(json ? text! : bytes).digest("hex");
        out.push({ file, result: await writeTrialPostgres(client, { ...imported, sourceHash }) });
      } catch (e) {
        out.push({ file, error: (e as Error).message });
      }
    }
  } finally {
    await client.end();
  }
  return out;
}
